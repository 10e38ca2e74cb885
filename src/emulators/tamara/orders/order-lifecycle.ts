import { randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../emulator-clock';
import { TamaraMoney } from '../money/tamara-money';
import type { EmulatorRecords } from '../records/emulator-records';
import { TamaraErrors } from '../tamara-api-error';
import type { ResolvedEmulatorOptions } from '../tamara-emulator.options';
import type { InStoreSessionRequest } from '../validation/in-store-session.request';
import { toTamaraMoney } from '../validation/money-field';
import type { RefundRequestDraft } from '../validation/refund.request';
import { OrderEvent, OrderEventType } from './order-event';
import { canTransition, isPaid } from './order-state-machine';
import { capturedAmountOf, refundedAmountOf, sumItems } from './order-totals';
import type { OrderStore } from './order-store';
import { DeclineDetails, EmulatedOrder, OrderStatus, orderNumberOf } from './order.model';

export interface VoidOutcome {
  order_was_voided: boolean;
  captured_amount: TamaraMoney;
  message: 'success' | 'checkout_already_completed' | 'checkout_already_expired';
  store_code: string;
}

export interface RefundOutcome {
  order_id: string;
  comment: string;
  refund_id: string;
  capture_id: string;
  status: 'partially_refunded' | 'fully_refunded';
  refunded_amount: TamaraMoney;
}

export const DEFAULT_DECLINE: DeclineDetails = {
  declinedReason: 'The order was declined by Tamara',
  declinedCode: 'risk_rejected',
  declineType: 'hard',
};

interface LifecycleDeps {
  store: OrderStore;
  clock: EmulatorClock;
  records: EmulatorRecords;
  options: ResolvedEmulatorOptions;
  /** Base of the payment link, e.g. `https://checkout-sandbox.tamara.co` or the emulator's own page. */
  checkoutBaseUrl: () => string;
}

/**
 * What Tamara does to orders: create, pay (auto-capture), decline, expire, void, refund.
 * Every change goes through the status machine. Events are queued in an outbox that the caller
 * drains after each operation — also after one that fails, because a lazily applied expiry
 * may have happened first and its `order_expired` must still go out.
 */
export class OrderLifecycle {
  private outbox: OrderEvent[] = [];

  constructor(private readonly deps: LifecycleDeps) {}

  drainEvents(): OrderEvent[] {
    const events = this.outbox;
    this.outbox = [];
    return events;
  }

  /** Expires every `new` order whose link lifetime has passed (15 min, or `expiry_time` when enabled). */
  expireDue(): void {
    const now = this.deps.clock.now();
    for (const order of this.deps.store.all()) {
      if (order.status === 'new' && order.expiresAt.getTime() <= now.getTime()) {
        this.transition(order, 'expired', 'link expired');
        this.emit(order, 'order_expired', []);
      }
    }
  }

  createSession(request: InStoreSessionRequest): EmulatedOrder {
    this.expireDue();
    const { options, store, clock } = this.deps;
    if (options.rejectDuplicateReference) {
      const active = store.allByReference(request.orderReferenceId).find((order) => order.status === 'new' || isPaid(order.status));
      if (active) throw TamaraErrors.duplicateReference(request.orderReferenceId, active.orderId);
    }
    const now = clock.now();
    const orderId = randomUUID();
    const checkoutId = randomUUID();
    const lifetimeMinutes = request.expiryTimeMinutes ?? options.defaultExpiryMinutes;
    const locale = request.locale ?? 'ar_SA';
    const currency = request.totalAmount.currency;
    const checkoutDeeplink = `${this.deps.checkoutBaseUrl()}/checkout/${checkoutId}?locale=${locale}&orderId=${orderId}`;
    const instalments = request.instalments ?? (request.paymentType === 'PAY_NOW' ? 1 : 3);
    const order: EmulatedOrder = {
      orderId,
      checkoutId,
      request,
      checkoutDeeplink,
      createdAt: now,
      expiresAt: new Date(now.getTime() + lifetimeMinutes * 60_000),
      orderReferenceId: request.orderReferenceId,
      status: 'new',
      consumer: {
        firstName: '',
        lastName: '',
        email: request.email ?? '',
        phoneNumber: request.phone.international,
        nationalId: '',
        dateOfBirth: null,
      },
      instalments,
      paidAmount: TamaraMoney.zero(currency),
      captures: [],
      refunds: [],
      cancels: [],
      decline: undefined,
      statusHistory: [{ status: 'new', at: now, cause: 'session created' }],
    };
    store.add(order);
    this.deps.records.sms.push({
      at: now.toISOString(),
      to: request.phone.international,
      phoneNumber: request.phoneNumberAsSent,
      email: request.email ?? null,
      orderId,
      checkoutId,
      link: checkoutDeeplink,
      message: `Complete your purchase of ${request.totalAmount.toFixed()} ${currency} with Tamara: ${checkoutDeeplink}`,
    });
    return order;
  }

  /**
   * The customer pays the first instalment: Tamara auto-captures the full amount, so the order
   * goes straight to `fully_captured` with one capture transaction. Tamara's sandbox "declined
   * customer" phones are declined instead.
   */
  pay(orderId: string): EmulatedOrder {
    this.expireDue();
    const order = this.require(orderId);
    if (this.deps.options.declinedTestPhones.includes(order.consumer.phoneNumber) && order.status === 'new') {
      return this.decline(orderId);
    }
    this.transition(order, 'fully_captured', 'customer paid');
    const now = this.deps.clock.now();
    const total = order.request.totalAmount;
    const zero = TamaraMoney.zero(total.currency);
    order.consumer = { ...order.consumer, firstName: 'Emulated', lastName: 'Customer', dateOfBirth: '1990-01-01T00:00:00.000Z' };
    order.paidAmount = total.firstInstalment(order.instalments ?? 1);
    const capture = {
      captureId: randomUUID(),
      totalAmount: total,
      taxAmount: sumItems(order, 'taxAmount'),
      shippingAmount: zero,
      discountAmount: sumItems(order, 'discountAmount'),
      refundedAmount: zero,
      createdAt: now,
    };
    order.captures.push(capture);
    if (this.deps.options.emitApprovedBeforeCapture) this.emit(order, 'order_approved', []);
    this.emit(order, 'order_captured', { capture_id: capture.captureId, captured_amount: total });
    return order;
  }

  decline(orderId: string, details: Partial<DeclineDetails> = {}): EmulatedOrder {
    this.expireDue();
    const order = this.require(orderId);
    this.transition(order, 'declined', 'declined by Tamara');
    order.decline = { ...DEFAULT_DECLINE, ...definedOnly(details) };
    this.emit(order, 'order_declined', {
      declined_reason: order.decline.declinedReason,
      declined_code: order.decline.declinedCode,
      decline_type: order.decline.declineType,
    });
    return order;
  }

  /** The customer cancels on the checkout page: Tamara marks the order `expired` at once. */
  cancelByCustomer(orderId: string): EmulatedOrder {
    this.expireDue();
    const order = this.require(orderId);
    this.transition(order, 'expired', 'customer canceled on the checkout page');
    this.emit(order, 'order_expired', []);
    return order;
  }

  /** Expires the link now, as if its lifetime had passed. */
  expire(orderId: string): EmulatedOrder {
    this.expireDue();
    const order = this.require(orderId);
    this.transition(order, 'expired', 'expired on request');
    this.emit(order, 'order_expired', []);
    return order;
  }

  /** `POST /checkout/{checkout_id}/void`: always a 200; `order_was_voided` says whether it worked. */
  voidSession(checkoutId: string, orderId: string, storeCode: string | undefined): VoidOutcome {
    this.expireDue();
    const order = this.deps.store.getByCheckoutId(checkoutId);
    if (!order) throw TamaraErrors.checkoutNotFound(checkoutId);
    if (order.orderId !== orderId) throw TamaraErrors.orderNotFound(orderId);
    const outcome = (voided: boolean, message: VoidOutcome['message']): VoidOutcome => ({
      order_was_voided: voided,
      captured_amount: capturedAmountOf(order),
      message,
      store_code: storeCode ?? order.request.storeCode ?? '',
    });
    if (isPaid(order.status)) return outcome(false, 'checkout_already_completed');
    if (order.status !== 'new') return outcome(false, 'checkout_already_expired');
    const voidedStatus = this.deps.options.voidedStatus;
    this.transition(order, voidedStatus, 'voided by the merchant');
    if (voidedStatus === 'canceled') {
      const cancel = { cancelId: randomUUID(), totalAmount: order.request.totalAmount, createdAt: this.deps.clock.now() };
      order.cancels.push(cancel);
      this.emit(order, 'order_canceled', { cancel_id: cancel.cancelId, canceled_amount: cancel.totalAmount });
    } else {
      this.emit(order, 'order_expired', []);
    }
    return outcome(true, 'success');
  }

  /**
   * Simplified refund against the order's single capture. Only a paid, not fully refunded
   * order can be refunded (409 `transition_not_allowed` otherwise) and never more than
   * captured − refunded (over-refund error).
   */
  refund(orderId: string, draft: RefundRequestDraft): RefundOutcome {
    this.expireDue();
    const order = this.require(orderId);
    const { options } = this.deps;
    const total = order.request.totalAmount;
    const amount = toTamaraMoney(draft.totalAmount, total.currency, { rejectExcessDecimals: options.rejectExcessDecimals });
    const captured = capturedAmountOf(order);
    const refundedBefore = refundedAmountOf(order);
    const refundable = captured.minus(refundedBefore);
    const wouldBe: OrderStatus = amount.compare(refundable) >= 0 ? 'fully_refunded' : 'partially_refunded';
    if (order.status !== 'fully_captured' && order.status !== 'partially_refunded') {
      throw TamaraErrors.transitionNotAllowed(order.orderId, order.status, wouldBe);
    }
    if (amount.compare(refundable) > 0) throw TamaraErrors.refundExceedsRefundable(options.overRefundHttpStatus, refundable);
    const capture = order.captures[0];
    if (!capture) throw new Error(`paid order ${order.orderId} has no capture`);
    const refund = {
      refundId: randomUUID(),
      captureId: capture.captureId,
      totalAmount: amount,
      comment: draft.comment,
      merchantRefundId: draft.merchantRefundId ?? null,
      createdAt: this.deps.clock.now(),
    };
    order.refunds.push(refund);
    capture.refundedAmount = capture.refundedAmount.plus(amount);
    this.transition(order, wouldBe, 'refunded by the merchant');
    this.emit(order, 'order_refunded', {
      refund_id: refund.refundId,
      capture_id: refund.captureId,
      refunded_amount: amount,
      comment: refund.comment,
    });
    return {
      order_id: order.orderId,
      comment: refund.comment,
      refund_id: refund.refundId,
      capture_id: refund.captureId,
      status: wouldBe,
      refunded_amount: options.refundResponseAmount === 'cumulative' ? refundedAmountOf(order) : amount,
    };
  }

  updateReference(orderId: string, reference: string): EmulatedOrder {
    this.expireDue();
    const order = this.require(orderId);
    order.orderReferenceId = reference;
    return order;
  }

  require(orderId: string): EmulatedOrder {
    const order = this.deps.store.get(orderId);
    if (!order) throw TamaraErrors.orderNotFound(orderId);
    return order;
  }

  private transition(order: EmulatedOrder, to: OrderStatus, cause: string): void {
    if (!canTransition(order.status, to)) throw TamaraErrors.transitionNotAllowed(order.orderId, order.status, to);
    order.status = to;
    order.statusHistory.push({ status: to, at: this.deps.clock.now(), cause });
  }

  private emit(order: EmulatedOrder, eventType: OrderEventType, data: OrderEvent['data']): void {
    this.outbox.push({
      eventType,
      orderId: order.orderId,
      orderReferenceId: order.orderReferenceId,
      orderNumber: orderNumberOf(order),
      data,
      occurredAt: this.deps.clock.now(),
    });
  }
}

function definedOnly<T extends object>(value: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== '')) as Partial<T>;
}
