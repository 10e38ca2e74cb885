import { Module } from '@nestjs/common';
import { TamaraModule } from '../tamara/tamara.module';
import { PaymentLinkRepository } from './persistence/payment-link.repository';
import { RefundRepository } from './persistence/refund.repository';
import { TamaraInboxRepository } from './persistence/tamara-inbox.repository';
import { LinkJournal } from './persistence/link-journal';
import { ApplyTamaraOrderUseCase } from './use-cases/apply-tamara-order.use-case';
import { CreatePaymentLinkUseCase } from './use-cases/create-payment-link.use-case';
import { VoidPaymentLinkUseCase } from './use-cases/void-payment-link.use-case';
import { RefundPaymentUseCase } from './use-cases/refund-payment.use-case';
import { ProcessTamaraNotificationsUseCase } from './use-cases/process-tamara-notifications.use-case';
import { ReconcileLinksUseCase } from './use-cases/reconcile-links.use-case';
import { CheckCustomerVerificationUseCase } from './use-cases/check-customer-verification.use-case';
import { UpdateOrderReferenceUseCase } from './use-cases/update-order-reference.use-case';

const providers = [
  PaymentLinkRepository,
  RefundRepository,
  TamaraInboxRepository,
  LinkJournal,
  ApplyTamaraOrderUseCase,
  CreatePaymentLinkUseCase,
  VoidPaymentLinkUseCase,
  RefundPaymentUseCase,
  ProcessTamaraNotificationsUseCase,
  ReconcileLinksUseCase,
  CheckCustomerVerificationUseCase,
  UpdateOrderReferenceUseCase,
];

/** The payments core: link lifecycle, refunds, inbox and reconciliation. Knows no HTTP and no ERP. */
@Module({ imports: [TamaraModule], providers, exports: [...providers, TamaraModule] })
export class PaymentsModule {}
