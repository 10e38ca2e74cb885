import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../shared/time/clock';
import { Money } from '../../shared/money/money';
import type { TamaraOrder } from '../../tamara/tamara-api.types';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { mapTamaraStatus } from '../domain/tamara-status.mapper';
import { decideTransition } from '../domain/link-transition';
import { nextCheckAt } from '../domain/check-schedule';
import { isPaid } from '../domain/payment-link-status';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { PaymentLinkEntity } from '../persistence/payment-link.entity';
import { LinkJournal } from '../persistence/link-journal';
import { PaymentsSettings } from '../payments.settings';
import { ConnectorMetrics } from '../../observability/connector-metrics';

export interface ApplyResult {
  link: PaymentLinkEntity;
  changed: boolean;
}

/**
 * The one code path that moves a link from what Tamara says: webhooks, polling, void races and
 * crash recovery all end here (P4, P5). It takes the order as read from Tamara's API — never the
 * webhook body — locks the link, applies a monotonic transition (P6), and records history and
 * ERP write-backs in the same transaction.
 */
@Injectable()
export class ApplyTamaraOrderUseCase {
  private readonly logger = new Logger(ApplyTamaraOrderUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PaymentLinkRepository,
    private readonly journal: LinkJournal,
    private readonly tamara: TamaraApi,
    private readonly clock: Clock,
    private readonly settings: PaymentsSettings,
    private readonly metrics: ConnectorMetrics,
  ) {}

  /** Reads the order from Tamara and applies it. */
  async syncFromTamara(linkId: string, cause: string): Promise<ApplyResult> {
    const link = await this.links.findById(linkId);
    if (!link) throw new Error(`Payment link ${linkId} not found`);
    if (!link.tamaraOrderId) throw new Error(`Payment link ${linkId} has no Tamara order yet`);
    const order = await this.tamara.getOrder(link.tamaraOrderId);
    return this.apply(linkId, order, cause);
  }

  async apply(linkId: string, order: TamaraOrder, cause: string, extra?: { checkoutId?: string; checkoutUrl?: string }): Promise<ApplyResult> {
    return this.dataSource.transaction((manager) => this.applyIn(manager, linkId, order, cause, extra));
  }

  async applyIn(
    manager: EntityManager,
    linkId: string,
    order: TamaraOrder,
    cause: string,
    extra?: { checkoutId?: string; checkoutUrl?: string },
  ): Promise<ApplyResult> {
    const link = await this.links.findByIdForUpdate(manager, linkId);
    if (!link) throw new Error(`Payment link ${linkId} not found`);
    const now = this.clock.now();

    if (link.tamaraOrderId && link.tamaraOrderId !== order.orderId) {
      await this.journal.event(manager, {
        linkId,
        type: 'order_mismatch_ignored',
        cause,
        details: { tamaraOrderId: order.orderId, expected: link.tamaraOrderId },
      });
      this.logger.error({ linkId, orderId: order.orderId }, 'Tamara order does not belong to this link; ignored');
      return { link, changed: false };
    }

    let changed = false;
    const from = link.status;
    if (!link.tamaraOrderId) {
      // Adopting an order found by reference (crash or timeout during create, or a webhook that beat the create response).
      link.tamaraOrderId = order.orderId;
      link.createRequest = null;
      changed = true;
      await this.journal.event(manager, { linkId, type: 'order_adopted', cause, details: { tamaraOrderId: order.orderId } });
    }
    if (extra?.checkoutId && !link.checkoutId) {
      link.checkoutId = extra.checkoutId;
      link.checkoutUrl = extra.checkoutUrl ?? null;
      changed = true;
    }
    if (!link.expiresAt) {
      const created = order.createdAt ? new Date(order.createdAt) : now;
      const base = Number.isNaN(created.getTime()) ? now : created;
      link.expiresAt = new Date(base.getTime() + this.settings.linkExpiryMinutes * 60_000);
    }

    changed = this.takeAmounts(link, order) || changed;

    const observed = mapTamaraStatus(order.status);
    if (observed.kind === 'unrecognised') {
      this.metrics.unrecognisedStatuses.inc();
      this.logger.warn({ linkId, status: observed.raw }, 'Unrecognised Tamara order status; treated as no change');
      await this.journal.event(manager, { linkId, type: 'unrecognised_status', cause, details: { status: observed.raw } });
    } else {
      const decision = decideTransition(link.status, observed.status);
      if (decision.apply) {
        if (!isPaid(from) && isPaid(observed.status) && ['expired', 'declined', 'voided'].includes(from)) {
          this.logger.error({ linkId, from, to: observed.status }, 'Tamara shows a payment on a link closed as unpaid');
        }
        link.status = observed.status;
        link.errorCode = null;
        link.errorMessage = null;
        this.metrics.linkTransitions.inc({ to: link.status, cause });
      } else if (decision.reason === 'regression') {
        await this.journal.event(manager, {
          linkId,
          type: 'stale_status_ignored',
          from: link.status,
          to: observed.status,
          cause,
        });
      }
    }

    link.checkCount += 1;
    link.leaseUntil = null;
    const overdue = link.expiresAt && now.getTime() > link.expiresAt.getTime() ? link.checkCount : 0;
    link.nextCheckAt = nextCheckAt(link.status, now, link.expiresAt, overdue, this.settings);
    await this.links.save(manager, link);
    if (link.status !== from) {
      await this.journal.statusChanged(manager, link, from, cause, { tamaraStatus: order.status });
      changed = true;
    }
    return { link, changed };
  }

  /** Cumulative captured/refunded totals only grow (a stale read never shrinks them). */
  private takeAmounts(link: PaymentLinkEntity, order: TamaraOrder): boolean {
    if (order.capturedAmount.currency !== link.currency) return false;
    let changed = false;
    const captured = Money.rounded(link.capturedAmount, link.currency);
    if (order.capturedAmount.greaterThan(captured)) {
      link.capturedAmount = order.capturedAmount.toFixed();
      changed = true;
    }
    const refunded = Money.rounded(link.refundedAmount, link.currency);
    if (order.refundedAmount.greaterThan(refunded) && !order.refundedAmount.greaterThan(Money.rounded(link.capturedAmount, link.currency))) {
      link.refundedAmount = order.refundedAmount.toFixed();
      changed = true;
    }
    return changed;
  }
}
