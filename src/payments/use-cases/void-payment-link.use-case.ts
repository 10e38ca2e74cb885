import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors/app-error';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { TamaraError } from '../../tamara/tamara-error';
import { isLive, isPaid } from '../domain/payment-link-status';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { PaymentLinkEntity } from '../persistence/payment-link.entity';
import { LinkJournal } from '../persistence/link-journal';
import { ApplyTamaraOrderUseCase } from './apply-tamara-order.use-case';
import { CreatePaymentLinkUseCase } from './create-payment-link.use-case';
import { unavailableAppError } from './tamara-error.translation';
import { ConnectorMetrics } from '../../observability/connector-metrics';

/**
 * Voids a live link (the cashier changed the basket, the document was cancelled). A void can lose
 * the race against a customer who has just paid: then Tamara answers `order_was_voided: false`,
 * the order is re-read, and the caller is told "already paid" — never "voided".
 */
@Injectable()
export class VoidPaymentLinkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PaymentLinkRepository,
    private readonly journal: LinkJournal,
    private readonly tamara: TamaraApi,
    private readonly applyOrder: ApplyTamaraOrderUseCase,
    private readonly creator: CreatePaymentLinkUseCase,
    private readonly metrics: ConnectorMetrics,
  ) {}

  async execute(linkId: string, cause = 'void'): Promise<PaymentLinkEntity> {
    let link = await this.links.findById(linkId);
    if (!link) throw new AppError('LINK_NOT_FOUND', `No payment link ${linkId}.`);
    // Never resend a create just to void it: only adopt an order Tamara already has.
    if (link.status === 'requested') link = await this.creator.adoptIfCreated(link.id);
    if (isPaid(link.status)) throw alreadyPaid(link);
    if (!isLive(link.status)) return link; // already ended without payment: nothing left to void
    if (link.status === 'requested' || !link.tamaraOrderId) {
      throw new AppError('LINK_NOT_VOIDABLE', 'The payment link is still being confirmed with Tamara; try again in a few seconds.', {
        linkId: link.id,
      });
    }
    if (!link.checkoutId) {
      // Adopted after a crash by looking the order up: Tamara's order details do not carry the checkout id.
      throw new AppError(
        'LINK_NOT_VOIDABLE',
        'This link was recovered without its checkout id, so Tamara cannot void it; it expires by itself at its expiry time.',
        { linkId: link.id, expiresAt: link.expiresAt },
      );
    }

    let result;
    try {
      result = await this.tamara.voidCheckout(link.checkoutId, link.tamaraOrderId, link.storeCode ?? undefined);
      this.metrics.tamaraCalls.inc({ operation: 'void', outcome: 'ok' });
    } catch (error) {
      if (!(error instanceof TamaraError)) throw error;
      this.metrics.tamaraCalls.inc({ operation: 'void', outcome: error.kind });
      // Whatever happened, Tamara's order now tells the truth.
      const synced = await this.trySync(link.id, cause);
      if (synced && isPaid(synced.status)) throw alreadyPaid(synced);
      if (synced && !isLive(synced.status)) return synced;
      throw unavailableAppError(error, 'void the payment link');
    }

    if (result.orderWasVoided) {
      return this.dataSource.transaction(async (manager) => {
        const row = await this.links.findByIdForUpdate(manager, linkId);
        if (!row) throw new Error(`Payment link ${linkId} not found`);
        if (!isLive(row.status)) return row;
        const from = row.status;
        row.status = 'voided';
        row.nextCheckAt = null;
        await this.links.save(manager, row);
        await this.journal.statusChanged(manager, row, from, cause, { tamaraMessage: result.message });
        return row;
      });
    }
    // Not voided: the customer paid first, or the link expired. Re-read the order to know which.
    const synced = await this.trySync(link.id, cause);
    const current = synced ?? (await this.links.findById(link.id))!;
    if (isPaid(current.status) || result.message === 'checkout_already_completed') {
      throw alreadyPaid(current);
    }
    return current;
  }

  private async trySync(linkId: string, cause: string): Promise<PaymentLinkEntity | null> {
    try {
      return (await this.applyOrder.syncFromTamara(linkId, cause)).link;
    } catch (error) {
      if (error instanceof TamaraError) return null;
      throw error;
    }
  }
}

function alreadyPaid(link: PaymentLinkEntity): AppError {
  return new AppError('ALREADY_PAID', 'The customer has already paid this Tamara link; it cannot be voided. Refund it instead if needed.', {
    linkId: link.id,
    status: link.status,
    tamaraOrderId: link.tamaraOrderId,
  });
}
