import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppError } from '../../shared/errors/app-error';
import { Clock } from '../../shared/time/clock';
import { Money } from '../../shared/money/money';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { TamaraError } from '../../tamara/tamara-error';
import type { TamaraOrder } from '../../tamara/tamara-api.types';
import { isPaid } from '../domain/payment-link-status';
import { mapTamaraStatus } from '../domain/tamara-status.mapper';
import { decideTransition } from '../domain/link-transition';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { PaymentLinkEntity } from '../persistence/payment-link.entity';
import { RefundRepository } from '../persistence/refund.repository';
import { RefundEntity } from '../persistence/refund.entity';
import { LinkJournal } from '../persistence/link-journal';
import { ApplyTamaraOrderUseCase } from './apply-tamara-order.use-case';
import { rejectionToAppError } from './tamara-error.translation';
import { ConnectorMetrics } from '../../observability/connector-metrics';

export interface RefundRequest {
  linkId: string;
  /** What asked for the refund: "odoo.credit_note:17", "api:<Idempotency-Key>". One Tamara refund per key (P3). */
  requestKey: string;
  amount: Money;
  comment?: string;
}

export interface RefundOutcome {
  refund: RefundEntity;
  link: PaymentLinkEntity;
  replayed: boolean;
}

const MAX_ATTEMPTS = 3;
const RESEND_AFTER_MS = 30_000;
/** A refund found in Tamara's order without our merchant_refund_id matches by amount only inside this window. */
const MATCH_WINDOW_MS = 10 * 60_000;

/**
 * Refunds at Tamara exactly once per request key (P3): the intent is committed under a row lock on
 * the link (so concurrent refunds cannot together exceed what was captured), then Tamara is called
 * with our refund id as `merchant_refund_id`. An unknown outcome is resolved by reading the order's
 * refund transactions; a refund is sent again only when the order shows it was not made.
 */
@Injectable()
export class RefundPaymentUseCase {
  private readonly logger = new Logger(RefundPaymentUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PaymentLinkRepository,
    private readonly refunds: RefundRepository,
    private readonly journal: LinkJournal,
    private readonly tamara: TamaraApi,
    private readonly applyOrder: ApplyTamaraOrderUseCase,
    private readonly clock: Clock,
    private readonly metrics: ConnectorMetrics,
  ) {}

  async execute(request: RefundRequest): Promise<RefundOutcome> {
    if (!request.amount.isPositive()) {
      throw new AppError('INVALID_AMOUNT', 'The refund amount must be greater than zero.', { field: 'amount' });
    }
    let intent: { refund: RefundEntity; link: PaymentLinkEntity; replayed: boolean };
    try {
      intent = await this.dataSource.transaction((manager) => this.commitIntent(manager, request));
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        const existing = await this.refunds.findByRequestKey(request.requestKey);
        if (existing) return this.replay(existing, request);
      }
      throw error;
    }
    if (intent.replayed) return intent;
    const refund = await this.send(intent.refund.id, 'request');
    const link = (await this.links.findById(refund.paymentLinkId))!;
    if (refund.status === 'failed') {
      throw new AppError('TAMARA_REJECTED', refund.errorMessage ?? 'Tamara refused the refund.', {
        refundId: refund.id,
        tamaraErrorCode: refund.errorCode,
      });
    }
    return { refund, link, replayed: false };
  }

  /** Reconciler entry: settle a refund whose outcome is not known yet. */
  async resolve(refundId: string): Promise<RefundEntity> {
    const refund = await this.refunds.findById(refundId);
    if (!refund || (refund.status !== 'unknown' && refund.status !== 'requested')) return refund!;
    const link = (await this.links.findById(refund.paymentLinkId))!;
    let order: TamaraOrder;
    try {
      order = await this.tamara.getOrder(link.tamaraOrderId!);
    } catch (error) {
      if (!(error instanceof TamaraError)) throw error;
      return this.reschedule(refundId, 30_000);
    }
    const match = await this.findInOrder(refund, order);
    if (match.kind === 'found') {
      return this.settleSucceeded(refundId, match.tamaraRefundId, order.status, 'recovery', order);
    }
    if (match.kind === 'ambiguous') {
      return this.settleOther(refundId, 'needs_review', 'REFUND_AMBIGUOUS', 'Several Tamara refunds could be this one; a person must check the order in the Tamara portal.', 'recovery');
    }
    const lastAttempt = refund.lastAttemptAt?.getTime() ?? 0;
    if (refund.attempts > 0 && this.clock.now().getTime() - lastAttempt < RESEND_AFTER_MS) return this.reschedule(refundId, 10_000);
    if (refund.attempts >= MAX_ATTEMPTS) {
      return this.settleOther(refundId, 'needs_review', 'REFUND_UNCONFIRMED', `Tamara did not confirm the refund after ${refund.attempts} attempts and shows no such refund.`, 'recovery');
    }
    const amount = Money.rounded(refund.amount, refund.currency);
    if (order.refundedAmount.plus(amount).greaterThan(order.capturedAmount)) {
      return this.settleOther(refundId, 'needs_review', 'OVER_REFUND', 'Tamara’s order no longer has enough refundable balance for this refund.', 'recovery');
    }
    return this.send(refundId, 'recovery');
  }

  private async commitIntent(manager: EntityManager, request: RefundRequest) {
    const link = await this.links.findByIdForUpdate(manager, request.linkId);
    if (!link) throw new AppError('LINK_NOT_FOUND', `No payment link ${request.linkId}.`);
    const existing = await this.refunds.findByRequestKey(request.requestKey, manager);
    if (existing) return this.replay(existing, request, link);
    if (request.amount.currency !== link.currency) {
      throw new AppError('UNSUPPORTED_CURRENCY', `The payment is in ${link.currency}; a refund in ${request.amount.currency} is not possible.`);
    }
    if (!isPaid(link.status)) {
      throw new AppError('LINK_NOT_REFUNDABLE', `Only a paid link can be refunded; this one is ${link.status}.`, {
        linkId: link.id,
        status: link.status,
      });
    }
    const remaining = await this.remainingRefundable(manager, link);
    if (request.amount.greaterThan(remaining)) {
      throw new AppError(
        'OVER_REFUND',
        `Refund of ${request.amount.toString()} exceeds what can still be refunded (${remaining.toString()}). Nothing was refunded.`,
        { requested: request.amount.toJSON(), remaining: remaining.toJSON() },
      );
    }
    const now = this.clock.now();
    const refund = Object.assign(new RefundEntity(), {
      id: randomUUID(),
      paymentLinkId: link.id,
      requestKey: request.requestKey,
      amount: request.amount.toFixed(),
      currency: request.amount.currency,
      comment: (request.comment?.trim() || `Refund for ${link.documentReference}`).slice(0, 255),
      status: 'requested' as const,
      tamaraRefundId: null,
      attempts: 0,
      lastAttemptAt: null,
      nextCheckAt: new Date(now.getTime() + 60_000),
      errorCode: null,
      errorMessage: null,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(RefundEntity).insert(refund);
    await this.journal.event(manager, {
      linkId: link.id,
      refundId: refund.id,
      type: 'refund_requested',
      cause: 'request',
      details: { amount: refund.amount, requestKey: refund.requestKey },
    });
    return { refund, link, replayed: false };
  }

  /** captured − max(refunded as Tamara reports it, refunds we know succeeded) − refunds still in flight. */
  private async remainingRefundable(manager: EntityManager, link: PaymentLinkEntity): Promise<Money> {
    const committed = await this.refunds.listCommittedForLink(manager, link.id);
    const zero = Money.zero(link.currency);
    const sum = (rows: RefundEntity[]) => rows.reduce((acc, r) => acc.plus(Money.rounded(r.amount, r.currency)), zero);
    const succeeded = sum(committed.filter((r) => r.status === 'succeeded'));
    const inFlight = sum(committed.filter((r) => r.status !== 'succeeded'));
    const reported = Money.rounded(link.refundedAmount, link.currency);
    const refunded = reported.greaterThan(succeeded) ? reported : succeeded;
    return Money.rounded(link.capturedAmount, link.currency).minus(refunded).minus(inFlight);
  }

  private replay(existing: RefundEntity, request: RefundRequest, link?: PaymentLinkEntity): RefundOutcome | Promise<RefundOutcome> {
    if (existing.paymentLinkId !== request.linkId || !Money.rounded(existing.amount, existing.currency).equals(request.amount)) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This refund key was already used for a different refund.', { refundId: existing.id });
    }
    if (link) return { refund: existing, link, replayed: true };
    return this.links.findById(existing.paymentLinkId).then((l) => ({ refund: existing, link: l!, replayed: true }));
  }

  private async send(refundId: string, cause: string): Promise<RefundEntity> {
    const { refund, link } = await this.dataSource.transaction(async (manager) => {
      const row = (await manager.getRepository(RefundEntity).findOneBy({ id: refundId }))!;
      row.attempts += 1;
      row.lastAttemptAt = this.clock.now();
      row.nextCheckAt = new Date(this.clock.now().getTime() + 60_000);
      await this.refunds.save(manager, row);
      const l = (await this.links.findById(row.paymentLinkId, manager))!;
      await this.journal.event(manager, { linkId: l.id, refundId, type: 'refund_sent', cause, details: { attempt: row.attempts } });
      return { refund: row, link: l };
    });
    try {
      const result = await this.tamara.simplifiedRefund({
        orderId: link.tamaraOrderId!,
        totalAmount: Money.rounded(refund.amount, refund.currency),
        comment: refund.comment,
        merchantRefundId: refund.id,
      });
      this.metrics.tamaraCalls.inc({ operation: 'refund', outcome: 'ok' });
      return this.settleSucceeded(refundId, result.refundId, result.status, cause);
    } catch (error) {
      if (!(error instanceof TamaraError)) throw error;
      this.metrics.tamaraCalls.inc({ operation: 'refund', outcome: error.kind });
      switch (error.kind) {
        case 'rejected':
        case 'not_found':
          return this.settleOther(refundId, 'failed', error.errorCode ?? 'TAMARA_REJECTED', rejectionToAppError(error).message, cause);
        case 'unauthorized':
        case 'rate_limited':
        case 'unavailable':
          // Not sent: stays requested, and the reconciler sends it after checking the order.
          return this.reschedule(refundId, error.details.retryAfterMs ?? 10_000);
        case 'outcome_unknown':
        case 'invalid_response':
          return this.markUnknown(refundId, error.message);
      }
    }
  }

  private async settleSucceeded(refundId: string, tamaraRefundId: string, orderStatus: string, cause: string, order?: TamaraOrder): Promise<RefundEntity> {
    const settled = await this.dataSource.transaction(async (manager) => {
      const refund = (await manager.getRepository(RefundEntity).findOneBy({ id: refundId }))!;
      const link = (await this.links.findByIdForUpdate(manager, refund.paymentLinkId))!;
      if (refund.status === 'succeeded') return refund;
      refund.status = 'succeeded';
      refund.tamaraRefundId = tamaraRefundId;
      refund.nextCheckAt = null;
      refund.errorCode = null;
      refund.errorMessage = null;
      await this.refunds.save(manager, refund);

      const succeeded = (await this.refunds.listCommittedForLink(manager, link.id))
        .filter((r) => r.status === 'succeeded')
        .reduce((acc, r) => acc.plus(Money.rounded(r.amount, r.currency)), Money.zero(link.currency));
      if (succeeded.greaterThan(Money.rounded(link.refundedAmount, link.currency))) link.refundedAmount = succeeded.toFixed();
      const from = link.status;
      const observed = mapTamaraStatus(orderStatus);
      if (observed.kind === 'known' && decideTransition(link.status, observed.status).apply) link.status = observed.status;
      await this.links.save(manager, link);
      if (link.status !== from) await this.journal.statusChanged(manager, link, from, cause, { tamaraRefundId });
      await this.journal.refundSettled(manager, link, refund, cause);
      return refund;
    });
    this.metrics.refunds.inc({ status: 'succeeded' });
    if (order) await this.applyOrder.apply(settled.paymentLinkId, order, cause);
    return settled;
  }

  private async settleOther(refundId: string, status: 'failed' | 'needs_review', code: string, message: string, cause: string): Promise<RefundEntity> {
    const settled = await this.dataSource.transaction(async (manager) => {
      const refund = (await manager.getRepository(RefundEntity).findOneBy({ id: refundId }))!;
      const link = (await this.links.findByIdForUpdate(manager, refund.paymentLinkId))!;
      if (refund.status === 'succeeded' || refund.status === 'failed') return refund;
      refund.status = status;
      refund.errorCode = code;
      refund.errorMessage = message;
      refund.nextCheckAt = null;
      await this.refunds.save(manager, refund);
      await this.journal.refundSettled(manager, link, refund, cause);
      return refund;
    });
    this.metrics.refunds.inc({ status });
    if (status === 'needs_review') this.logger.error({ refundId, code }, 'Refund needs review by a person');
    return settled;
  }

  private async markUnknown(refundId: string, reason: string): Promise<RefundEntity> {
    return this.dataSource.transaction(async (manager) => {
      const refund = (await manager.getRepository(RefundEntity).findOneBy({ id: refundId }))!;
      if (refund.status !== 'requested') return refund;
      refund.status = 'unknown';
      refund.errorMessage = 'Waiting for Tamara to confirm the refund.';
      refund.nextCheckAt = new Date(this.clock.now().getTime() + 5_000);
      await this.refunds.save(manager, refund);
      await this.journal.event(manager, { linkId: refund.paymentLinkId, refundId, type: 'refund_outcome_unknown', cause: 'request', details: { reason } });
      return refund;
    });
  }

  private async reschedule(refundId: string, afterMs: number): Promise<RefundEntity> {
    return this.dataSource.transaction(async (manager) => {
      const refund = (await manager.getRepository(RefundEntity).findOneBy({ id: refundId }))!;
      refund.nextCheckAt = new Date(this.clock.now().getTime() + afterMs);
      return this.refunds.save(manager, refund);
    });
  }

  private async findInOrder(refund: RefundEntity, order: TamaraOrder): Promise<{ kind: 'found'; tamaraRefundId: string } | { kind: 'absent' } | { kind: 'ambiguous' }> {
    const byId = order.refunds.find((r) => r.merchantRefundId === refund.id);
    if (byId) return { kind: 'found', tamaraRefundId: byId.refundId };
    if (order.refunds.some((r) => r.merchantRefundId)) return { kind: 'absent' };
    // Tamara did not echo merchant_refund_id: match by amount among refunds we have not recorded, near our attempt.
    const known = new Set((await this.refunds.listForLink(refund.paymentLinkId)).map((r) => r.tamaraRefundId).filter(Boolean));
    const amount = Money.rounded(refund.amount, refund.currency);
    const since = refund.createdAt.getTime() - MATCH_WINDOW_MS;
    const candidates = order.refunds.filter(
      (r) =>
        !known.has(r.refundId) &&
        r.totalAmount.equals(amount) &&
        (!r.createdAt || new Date(r.createdAt).getTime() >= since),
    );
    if (candidates.length === 1) return { kind: 'found', tamaraRefundId: candidates[0].refundId };
    return candidates.length > 1 ? { kind: 'ambiguous' } : { kind: 'absent' };
  }
}
