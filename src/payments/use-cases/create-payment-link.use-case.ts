import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '../../shared/errors/app-error';
import { Clock } from '../../shared/time/clock';
import { Money } from '../../shared/money/money';
import { maskPhone, normalizeCustomerPhone } from '../../shared/phone/phone-number';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { TamaraError } from '../../tamara/tamara-error';
import type { CreateInStoreSessionRequest } from '../../tamara/tamara-api.types';
import { buildOrderReferenceId } from '../domain/order-reference';
import { nextCheckAt } from '../domain/check-schedule';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { PaymentLinkEntity, StoredCreateRequest } from '../persistence/payment-link.entity';
import { LinkJournal } from '../persistence/link-journal';
import { PaymentsSettings } from '../payments.settings';
import { ApplyTamaraOrderUseCase } from './apply-tamara-order.use-case';
import { PaymentLinkRequest } from './payment-link.request';
import { rejectionToAppError, unavailableAppError } from './tamara-error.translation';
import { ConnectorMetrics } from '../../observability/connector-metrics';

export type CreateLinkOutcome =
  /** Tamara created the order and sent the SMS. */
  | { kind: 'created'; link: PaymentLinkEntity; replayed: boolean }
  /** The create's outcome is not known yet; the reconciler resolves it by lookup (P7). */
  | { kind: 'pending_confirmation'; link: PaymentLinkEntity; replayed: boolean };

type SendOutcome =
  | { kind: 'created'; link: PaymentLinkEntity }
  | { kind: 'rejected'; link: PaymentLinkEntity; error: TamaraError }
  | { kind: 'not_sent'; link: PaymentLinkEntity; error: TamaraError }
  | { kind: 'unknown'; link: PaymentLinkEntity; error: TamaraError };

const IMMEDIATE_RETRIES_WHEN_NOT_SENT = 2;
const MAX_CREATE_ATTEMPTS = 3;
/** A lookup that finds nothing right after a timeout may be early; resend only after this long. */
const RESEND_AFTER_MS = 30_000;

/**
 * Creating a payment link, exactly once per attempt (P1, P7):
 * 1. commit the intent (status `requested`, deterministic order_reference_id) — the database's
 *    partial unique index refuses a second live link for the same document;
 * 2. call Tamara;
 * 3. commit the result. A create whose outcome is unknown, or that a crash interrupted, is
 *    resolved by `recover()`: look the order up by reference and adopt it, and only when Tamara
 *    has no such order, send the create again with the same reference.
 */
@Injectable()
export class CreatePaymentLinkUseCase {
  private readonly logger = new Logger(CreatePaymentLinkUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PaymentLinkRepository,
    private readonly journal: LinkJournal,
    private readonly tamara: TamaraApi,
    private readonly applyOrder: ApplyTamaraOrderUseCase,
    private readonly clock: Clock,
    private readonly settings: PaymentsSettings,
    private readonly metrics: ConnectorMetrics,
  ) {}

  async execute(request: PaymentLinkRequest): Promise<CreateLinkOutcome> {
    const phone = normalizeCustomerPhone(request.phone, this.settings.defaultPhoneCountry);
    if (!request.amount.isPositive()) {
      throw new AppError('INVALID_AMOUNT', 'The amount to pay must be greater than zero.', { field: 'amount' });
    }
    const stored = this.buildStoredRequest(request, phone);
    const fingerprint = this.fingerprint(request, phone);

    if (request.idempotencyKey) {
      const previous = await this.links.findByIdempotencyKey(request.idempotencyKey);
      if (previous) return this.replay(previous, fingerprint);
    }

    let link: PaymentLinkEntity;
    try {
      link = await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const recent = await this.links.countSince(manager, request.documentSource, request.documentId, new Date(now.getTime() - 86_400_000));
        if (recent >= this.settings.linksPerDocumentPerDay) {
          throw new AppError(
            'TOO_MANY_LINKS',
            `${recent} payment links were already sent for this document in the last 24 hours; no more SMS will be sent today. Use another payment method.`,
            { limit: this.settings.linksPerDocumentPerDay },
            3600,
          );
        }
        const attempt = await this.links.nextAttempt(manager, request.documentSource, request.documentId);
        const row = Object.assign(new PaymentLinkEntity(), {
          id: randomUUID(),
          documentSource: request.documentSource,
          documentId: request.documentId,
          documentReference: request.documentReference,
          attempt,
          orderReferenceId: buildOrderReferenceId(request.documentReference, attempt),
          tamaraOrderId: null,
          checkoutId: null,
          checkoutUrl: null,
          status: 'requested' as const,
          currency: request.amount.currency,
          amount: request.amount.toFixed(),
          capturedAmount: '0',
          refundedAmount: '0',
          phoneMasked: maskPhone(phone),
          createRequest: stored,
          storeCode: request.storeCode ?? this.settings.defaultStoreCode ?? null,
          idempotencyKey: request.idempotencyKey ?? null,
          idempotencyFingerprint: request.idempotencyKey ? fingerprint : null,
          expiresAt: null,
          // Leased while this request talks to Tamara, so the reconciler does not race it.
          nextCheckAt: new Date(now.getTime() + this.inFlightLeaseMs()),
          leaseUntil: null,
          checkCount: 0,
          createAttempts: 0,
          lastCreateAttemptAt: null,
          errorCode: null,
          errorMessage: null,
          createdAt: now,
          updatedAt: now,
        });
        await this.links.insert(manager, row);
        await this.journal.statusChanged(manager, row, null, 'request', { amount: row.amount, currency: row.currency });
        return row;
      });
    } catch (error) {
      if (this.isUniqueViolation(error)) return this.resolveConflict(request, fingerprint);
      throw error;
    }

    let outcome = await this.sendCreate(link.id, 'request');
    for (let retry = 0; outcome.kind === 'not_sent' && retry < IMMEDIATE_RETRIES_WHEN_NOT_SENT; retry++) {
      await sleep(this.backoffMs(retry, outcome.error));
      outcome = await this.sendCreate(link.id, 'request');
    }
    switch (outcome.kind) {
      case 'created':
        return { kind: 'created', link: outcome.link, replayed: false };
      case 'rejected':
        throw rejectionToAppError(outcome.error);
      case 'not_sent':
        await this.markFailed(outcome.link.id, outcome.error.kind === 'unauthorized' ? 'TAMARA_UNAUTHORIZED' : 'TAMARA_UNAVAILABLE', 'Tamara could not be reached; no order was created.', 'request');
        throw unavailableAppError(outcome.error, 'create the payment link');
      case 'unknown': {
        const resolved = await this.recover(outcome.link.id);
        return resolved.status === 'requested'
          ? { kind: 'pending_confirmation', link: resolved, replayed: false }
          : { kind: 'created', link: resolved, replayed: false };
      }
    }
  }

  /** Adopts the order Tamara has under the link's reference, if any; never sends a create. */
  async adoptIfCreated(linkId: string): Promise<PaymentLinkEntity> {
    const link = await this.links.findById(linkId);
    if (!link || link.status !== 'requested') return link!;
    try {
      const found = await this.tamara.findOrderByReference(link.orderReferenceId);
      return found ? (await this.applyOrder.apply(linkId, found, 'recovery')).link : link;
    } catch (error) {
      if (error instanceof TamaraError) return link;
      throw error;
    }
  }

  /**
   * Resolves a link left in `requested` (timeout, crash between intent and result): adopt the
   * order Tamara has under our reference, or send the create again if Tamara has none.
   */
  async recover(linkId: string): Promise<PaymentLinkEntity> {
    const link = await this.links.findById(linkId);
    if (!link || link.status !== 'requested') return link!;
    let found;
    try {
      found = await this.tamara.findOrderByReference(link.orderReferenceId);
    } catch (error) {
      if (!(error instanceof TamaraError)) throw error;
      this.logger.warn({ linkId, kind: error.kind }, 'Lookup by reference failed; will retry');
      return this.reschedule(linkId);
    }
    if (found) {
      return (await this.applyOrder.apply(linkId, found, 'recovery')).link;
    }
    const now = this.clock.now().getTime();
    const lastAttempt = link.lastCreateAttemptAt?.getTime() ?? 0;
    if (link.createAttempts > 0 && now - lastAttempt < RESEND_AFTER_MS) return this.reschedule(linkId);
    if (link.createAttempts >= MAX_CREATE_ATTEMPTS) {
      return this.markFailed(linkId, 'TAMARA_CREATE_UNCONFIRMED', `Tamara did not confirm the payment link after ${link.createAttempts} attempts; no order exists under ${link.orderReferenceId}.`, 'recovery');
    }
    return (await this.sendCreate(linkId, 'recovery')).link;
  }

  private async sendCreate(linkId: string, cause: string): Promise<SendOutcome> {
    const link = await this.dataSource.transaction(async (manager) => {
      const row = await this.links.findByIdForUpdate(manager, linkId);
      if (!row) throw new Error(`Payment link ${linkId} not found`);
      row.createAttempts += 1;
      row.lastCreateAttemptAt = this.clock.now();
      row.nextCheckAt = new Date(this.clock.now().getTime() + this.inFlightLeaseMs());
      await this.links.save(manager, row);
      await this.journal.event(manager, { linkId, type: 'create_sent', cause, details: { attempt: row.createAttempts } });
      return row;
    });
    if (!link.createRequest) throw new Error(`Payment link ${linkId} has no stored create request`);
    try {
      const session = await this.tamara.createInStoreSession(this.toTamaraRequest(link, link.createRequest));
      this.metrics.tamaraCalls.inc({ operation: 'create', outcome: 'ok' });
      const created = await this.dataSource.transaction(async (manager) => {
        const row = await this.links.findByIdForUpdate(manager, linkId);
        if (!row) throw new Error(`Payment link ${linkId} not found`);
        if (row.tamaraOrderId && row.tamaraOrderId !== session.orderId) {
          // Two Tamara orders for one reference: keep ours, leave the other for a person (it is in the event log).
          await this.journal.event(manager, { linkId, type: 'duplicate_order_detected', cause, details: { tamaraOrderId: session.orderId } });
          return row;
        }
        const from = row.status;
        const now = this.clock.now();
        row.tamaraOrderId = session.orderId;
        row.checkoutId = session.checkoutId;
        row.checkoutUrl = session.checkoutDeeplink ?? null;
        row.createRequest = null;
        row.expiresAt ??= new Date(now.getTime() + this.settings.linkExpiryMinutes * 60_000);
        if (row.status === 'requested' || row.status === 'failed') row.status = 'new';
        row.errorCode = null;
        row.errorMessage = null;
        row.nextCheckAt = nextCheckAt(row.status, now, row.expiresAt, 0, this.settings);
        await this.links.save(manager, row);
        if (row.status !== from) await this.journal.statusChanged(manager, row, from, cause, { tamaraOrderId: session.orderId });
        return row;
      });
      return { kind: 'created', link: created };
    } catch (error) {
      if (!(error instanceof TamaraError)) throw error;
      this.metrics.tamaraCalls.inc({ operation: 'create', outcome: error.kind });
      switch (error.kind) {
        case 'rejected':
        case 'not_found': {
          const failed = await this.markFailed(linkId, error.errorCode ?? 'TAMARA_REJECTED', rejectionToAppError(error).message, cause);
          return { kind: 'rejected', link: failed, error };
        }
        case 'unauthorized':
        case 'rate_limited':
        case 'unavailable':
          return { kind: 'not_sent', link: await this.reschedule(linkId, error.details.retryAfterMs), error };
        case 'outcome_unknown':
        case 'invalid_response':
          return { kind: 'unknown', link: await this.reschedule(linkId), error };
      }
    }
  }

  private async markFailed(linkId: string, code: string, message: string, cause: string): Promise<PaymentLinkEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.links.findByIdForUpdate(manager, linkId);
      if (!row) throw new Error(`Payment link ${linkId} not found`);
      if (row.status !== 'requested') return row;
      row.status = 'failed';
      row.errorCode = code;
      row.errorMessage = message;
      row.createRequest = null;
      row.nextCheckAt = null;
      await this.links.save(manager, row);
      await this.journal.statusChanged(manager, row, 'requested', cause, { errorCode: code });
      return row;
    });
  }

  private async reschedule(linkId: string, afterMs = 5_000): Promise<PaymentLinkEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.links.findByIdForUpdate(manager, linkId);
      if (!row) throw new Error(`Payment link ${linkId} not found`);
      row.nextCheckAt = new Date(this.clock.now().getTime() + Math.max(afterMs, 1_000));
      row.leaseUntil = null;
      return this.links.save(manager, row);
    });
  }

  private async replay(previous: PaymentLinkEntity, fingerprint: string): Promise<CreateLinkOutcome> {
    if (previous.idempotencyFingerprint !== fingerprint) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different payment link request.',
        { linkId: previous.id },
      );
    }
    if (previous.status === 'failed') {
      throw new AppError('TAMARA_REJECTED', previous.errorMessage ?? 'The first request with this Idempotency-Key failed.', {
        linkId: previous.id,
        errorCode: previous.errorCode,
      });
    }
    return previous.status === 'requested'
      ? { kind: 'pending_confirmation', link: previous, replayed: true }
      : { kind: 'created', link: previous, replayed: true };
  }

  private async resolveConflict(request: PaymentLinkRequest, fingerprint: string): Promise<CreateLinkOutcome> {
    if (request.idempotencyKey) {
      const sameKey = await this.links.findByIdempotencyKey(request.idempotencyKey);
      if (sameKey) return this.replay(sameKey, fingerprint);
    }
    const live = await this.links.findLiveForDocument(request.documentSource, request.documentId);
    throw new AppError(
      'LINK_ACTIVE',
      'A Tamara payment link is already live for this document. Void it before sending a new one.',
      live ? { linkId: live.id, status: live.status, checkoutUrl: live.checkoutUrl, expiresAt: live.expiresAt } : {},
    );
  }

  private toTamaraRequest(link: PaymentLinkEntity, stored: StoredCreateRequest): CreateInStoreSessionRequest {
    const money = (v: string | undefined) => (v === undefined ? undefined : Money.rounded(v, link.currency));
    return {
      orderReferenceId: link.orderReferenceId,
      orderNumber: stored.orderNumber ?? link.documentReference,
      totalAmount: Money.rounded(link.amount, link.currency),
      phoneNumber: stored.phoneNumber,
      email: stored.email,
      locale: stored.locale,
      paymentType: stored.paymentType,
      storeCode: link.storeCode ?? undefined,
      items: stored.items.map((item) => ({
        referenceId: item.referenceId,
        type: item.type,
        name: item.name,
        sku: item.sku,
        quantity: item.quantity,
        unitPrice: money(item.unitPrice),
        taxAmount: money(item.taxAmount),
        discountAmount: money(item.discountAmount),
        totalAmount: Money.rounded(item.totalAmount, link.currency),
      })),
    };
  }

  private buildStoredRequest(request: PaymentLinkRequest, phone: string): StoredCreateRequest {
    const items = request.items?.length
      ? request.items.map((item) => {
          for (const m of [item.unitPrice, item.taxAmount, item.discountAmount, item.totalAmount]) {
            if (m && m.currency !== request.amount.currency) {
              throw new AppError('UNSUPPORTED_CURRENCY', 'Every item must be in the currency of the payment.', { field: 'items' });
            }
          }
          return {
            referenceId: item.referenceId,
            type: item.type ?? 'Physical',
            name: item.name.slice(0, 255),
            sku: (item.sku ?? item.referenceId).slice(0, 128),
            quantity: item.quantity,
            unitPrice: item.unitPrice?.toFixed(),
            taxAmount: item.taxAmount?.toFixed(),
            discountAmount: item.discountAmount?.toFixed(),
            totalAmount: item.totalAmount.toFixed(),
          };
        })
      : [
          // Tamara requires at least one item; a POS that sends none gets one line for the whole sale.
          {
            referenceId: request.documentReference,
            type: 'Physical',
            name: `Purchase ${request.documentReference}`.slice(0, 255),
            sku: request.documentReference.slice(0, 128),
            quantity: '1',
            unitPrice: request.amount.toFixed(),
            totalAmount: request.amount.toFixed(),
          },
        ];
    return {
      phoneNumber: phone,
      email: request.email,
      orderNumber: request.orderNumber,
      locale: request.locale ?? this.settings.locale,
      paymentType: this.settings.paymentType,
      items,
    };
  }

  private fingerprint(request: PaymentLinkRequest, phone: string): string {
    const canonical = JSON.stringify([
      request.documentSource,
      request.documentId,
      request.documentReference,
      request.amount.toFixed(),
      request.amount.currency,
      phone,
      request.email ?? null,
      request.storeCode ?? null,
      (request.items ?? []).map((i) => [i.referenceId, i.quantity, i.totalAmount.toFixed()]),
    ]);
    return createHash('sha256').update(canonical).digest('hex');
  }

  private inFlightLeaseMs(): number {
    return this.settings.tamaraTimeoutMs + 30_000;
  }

  private backoffMs(retry: number, error: TamaraError): number {
    if (error.details.retryAfterMs) return Math.min(error.details.retryAfterMs, 5_000);
    return 200 * 2 ** retry + Math.floor(Math.random() * 100);
  }

  private isUniqueViolation(error: unknown): boolean {
    return error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '23505';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
