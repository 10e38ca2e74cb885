import { Money } from '../../shared/money/money';
import type { PaymentLinkSnapshot, RefundSnapshot } from '../../erp/erp-port';
import type { PaymentLinkEntity } from './payment-link.entity';
import type { RefundEntity } from './refund.entity';

export function toLinkSnapshot(row: PaymentLinkEntity): PaymentLinkSnapshot {
  return {
    id: row.id,
    documentSource: row.documentSource,
    documentId: row.documentId,
    documentReference: row.documentReference,
    attempt: row.attempt,
    orderReferenceId: row.orderReferenceId,
    tamaraOrderId: row.tamaraOrderId,
    checkoutId: row.checkoutId,
    checkoutUrl: row.checkoutUrl,
    status: row.status,
    amount: Money.rounded(row.amount, row.currency),
    capturedAmount: Money.rounded(row.capturedAmount, row.currency),
    refundedAmount: Money.rounded(row.refundedAmount, row.currency),
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
  };
}

export function toRefundSnapshot(row: RefundEntity): RefundSnapshot {
  return {
    id: row.id,
    requestKey: row.requestKey,
    amount: Money.rounded(row.amount, row.currency),
    tamaraRefundId: row.tamaraRefundId,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
  };
}
