import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/time/clock';
import { EntityManager } from 'typeorm';
import type { ErpEvent } from '../../erp/erp-port';
import type { PaymentLinkStatus } from '../domain/payment-link-status';
import { isPaid } from '../domain/payment-link-status';
import { ErpOutboxEntity } from './erp-outbox.entity';
import type { PaymentLinkEntity } from './payment-link.entity';
import type { RefundEntity } from './refund.entity';
import { toLinkSnapshot, toRefundSnapshot } from './link-snapshot.mapper';

/**
 * Writes, inside the caller's transaction, the append-only event for a change and the ERP
 * write-back it implies (transactional outbox): the change, its history and its ERP effect
 * commit together or not at all.
 */
@Injectable()
export class LinkJournal {
  constructor(private readonly clock: Clock) {}

  async statusChanged(
    manager: EntityManager,
    link: PaymentLinkEntity,
    from: PaymentLinkStatus | null,
    cause: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const to = link.status;
    await this.event(manager, { linkId: link.id, type: 'status_changed', from, to, cause, details });
    await this.enqueue(manager, link, `${link.id}:status:${to}`, {
      type: 'link.status_changed',
      link: toLinkSnapshot(link),
      from,
      to,
      cause,
    });
    if (to === 'fully_captured' || (isPaid(to) && (from === null || !isPaid(from)))) {
      await this.enqueue(manager, link, `${link.id}:captured`, {
        type: 'link.captured',
        link: toLinkSnapshot(link),
        capturedAmount: toLinkSnapshot(link).capturedAmount,
      });
    }
  }

  async refundSettled(manager: EntityManager, link: PaymentLinkEntity, refund: RefundEntity, cause: string): Promise<void> {
    const type = refund.status === 'succeeded' ? 'refund.succeeded' : 'refund.failed';
    await this.event(manager, {
      linkId: link.id,
      refundId: refund.id,
      type: refund.status === 'succeeded' ? 'refund_succeeded' : `refund_${refund.status}`,
      cause,
      details: {
        amount: refund.amount,
        tamaraRefundId: refund.tamaraRefundId,
        errorCode: refund.errorCode,
        errorMessage: refund.errorMessage,
      },
    });
    if (refund.status === 'succeeded' || refund.status === 'failed' || refund.status === 'needs_review') {
      await this.enqueue(manager, link, `${refund.id}:${type}:${refund.status}`, {
        type,
        link: toLinkSnapshot(link),
        refund: toRefundSnapshot(refund),
      } as ErpEvent);
    }
  }

  event(
    manager: EntityManager,
    e: {
      linkId: string;
      refundId?: string | null;
      type: string;
      from?: string | null;
      to?: string | null;
      cause: string;
      details?: Record<string, unknown>;
    },
  ): Promise<unknown> {
    return manager.query(
      `INSERT INTO payment_event (payment_link_id, refund_id, type, from_status, to_status, cause, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.linkId, e.refundId ?? null, e.type, e.from ?? null, e.to ?? null, e.cause, JSON.stringify(e.details ?? {})],
    );
  }

  private async enqueue(manager: EntityManager, link: PaymentLinkEntity, dedupeKey: string, event: ErpEvent): Promise<void> {
    if (link.documentSource === 'api') return; // POS front-ends read the API; there is no ERP to write back to.
    await manager
      .createQueryBuilder()
      .insert()
      .into(ErpOutboxEntity)
      .values({
        paymentLinkId: link.id,
        documentSource: link.documentSource,
        eventType: event.type,
        dedupeKey,
        payload: JSON.parse(JSON.stringify(event)),
        status: 'pending',
        // The app's clock, not the database's: claims compare against the same clock.
        nextAttemptAt: this.clock.now(),
      })
      .orIgnore()
      .execute();
  }
}
