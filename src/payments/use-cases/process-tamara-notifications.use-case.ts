import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../shared/time/clock';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { TamaraError } from '../../tamara/tamara-error';
import { TAMARA_WEBHOOK_EVENTS } from '../../tamara/tamara-api.types';
import { TamaraInboxRepository } from '../persistence/tamara-inbox.repository';
import { TamaraInboxEntity } from '../persistence/tamara-inbox.entity';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { RefundRepository } from '../persistence/refund.repository';
import { ApplyTamaraOrderUseCase } from './apply-tamara-order.use-case';
import { RefundPaymentUseCase } from './refund-payment.use-case';

/** How long a notification for an order we cannot place yet is kept and retried (E1: webhook before create returned). */
const UNMATCHED_RETRY_WINDOW_MS = 10 * 60_000;
const LEASE_MS = 60_000;

/**
 * Works the inbox of verified Tamara notifications. A notification is only a hint (P4): the order
 * is re-read from Tamara and applied through the same code path as polling.
 */
@Injectable()
export class ProcessTamaraNotificationsUseCase {
  private readonly logger = new Logger(ProcessTamaraNotificationsUseCase.name);

  constructor(
    private readonly inbox: TamaraInboxRepository,
    private readonly links: PaymentLinkRepository,
    private readonly refunds: RefundRepository,
    private readonly tamara: TamaraApi,
    private readonly applyOrder: ApplyTamaraOrderUseCase,
    private readonly refundUseCase: RefundPaymentUseCase,
    private readonly clock: Clock,
  ) {}

  /** Processes due notifications; returns how many were handled. */
  async runOnce(limit = 50): Promise<number> {
    const now = this.clock.now();
    const batch = await this.inbox.claimDue(now, new Date(now.getTime() + LEASE_MS), limit);
    for (const item of batch) await this.processOne(item);
    return batch.length;
  }

  private async processOne(item: TamaraInboxEntity): Promise<void> {
    const now = this.clock.now();
    if (!(TAMARA_WEBHOOK_EVENTS as readonly string[]).includes(item.eventType)) {
      this.logger.log({ eventType: item.eventType }, 'Ignoring an unknown Tamara event type');
      await this.inbox.finish(item.id, 'ignored', now, 'unknown event type');
      return;
    }
    try {
      let link = await this.links.findByTamaraOrderId(item.tamaraOrderId);
      if (!link && item.orderReferenceId) {
        const byReference = await this.links.findByOrderReference(item.orderReferenceId);
        // Only adopt by reference a link that has no order yet (the webhook beat the create response).
        if (byReference && !byReference.tamaraOrderId) link = byReference;
      }
      if (!link) {
        if (now.getTime() - item.receivedAt.getTime() < UNMATCHED_RETRY_WINDOW_MS) {
          await this.inbox.retryLater(item.id, new Date(now.getTime() + 15_000), 'no payment link for this order yet');
        } else {
          this.logger.log({ orderId: item.tamaraOrderId }, 'Notification for an order this connector did not create; ignored');
          await this.inbox.finish(item.id, 'ignored', now, 'unknown order');
        }
        return;
      }
      const order = await this.tamara.getOrder(item.tamaraOrderId);
      if (order.orderReferenceId !== link.orderReferenceId && link.tamaraOrderId !== order.orderId) {
        await this.inbox.finish(item.id, 'ignored', now, 'order reference does not match');
        return;
      }
      await this.applyOrder.apply(link.id, order, 'webhook');
      if (item.eventType === 'order_refunded') {
        for (const refund of await this.refunds.listForLink(link.id)) {
          if (refund.status === 'unknown') await this.refundUseCase.resolve(refund.id);
        }
      }
      await this.inbox.finish(item.id, 'processed', this.clock.now());
    } catch (error) {
      const reason = error instanceof TamaraError ? `tamara ${error.kind}` : (error as Error).message;
      const backoff = Math.min(15 * 60_000, 5_000 * 2 ** Math.min(item.attempts, 8));
      this.logger.warn({ inboxId: item.id, reason }, 'Notification processing failed; will retry');
      await this.inbox.retryLater(item.id, new Date(now.getTime() + backoff), reason);
    }
  }
}
