import { randomUUID } from 'node:crypto';
import { Money } from '../../src/shared/money/money';
import { TamaraApi } from '../../src/tamara/tamara-api.port';
import { TamaraError } from '../../src/tamara/tamara-error';
import type {
  CreateInStoreSessionRequest,
  InStoreSession,
  SimplifiedRefundRequest,
  SimplifiedRefundResult,
  TamaraOrder,
  VoidCheckoutResult,
  WebhookRegistration,
} from '../../src/tamara/tamara-api.types';

type Op = 'create' | 'getOrder' | 'findByReference' | 'void' | 'refund' | 'updateReference' | 'idVerification' | 'registerWebhook';

interface FakeOrder extends TamaraOrder {
  checkoutId: string;
}

/**
 * An in-memory TamaraApi for use-case tests: it keeps orders, counts calls and lets a test make the
 * next call of an operation fail in a chosen way — before or after the effect happened.
 */
export class FakeTamaraApi extends TamaraApi {
  readonly orders = new Map<string, FakeOrder>();
  readonly calls: Array<{ op: Op; args: unknown }> = [];
  private readonly faults: Array<{ op: Op; error: TamaraError; afterEffect: boolean }> = [];
  /** Runs after an operation's effect and before it returns (e.g. "customer pays right now"). */
  hook?: (op: Op) => Promise<void> | void;

  failNext(op: Op, kind: TamaraError['kind'], options: { afterEffect?: boolean; errorCode?: string; retryAfterMs?: number } = {}): void {
    this.faults.push({
      op,
      afterEffect: options.afterEffect ?? false,
      error: new TamaraError(kind, `fake ${kind}`, { errorCode: options.errorCode, retryAfterMs: options.retryAfterMs, httpStatus: 400 }),
    });
  }

  count(op: Op): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  pay(orderId: string): void {
    const o = this.mustGet(orderId);
    o.status = 'fully_captured';
    o.capturedAmount = o.totalAmount;
    o.captures.push({ captureId: randomUUID(), totalAmount: o.totalAmount });
  }

  setStatus(orderId: string, status: string): void {
    this.mustGet(orderId).status = status;
  }

  orderByReference(ref: string): FakeOrder | undefined {
    return [...this.orders.values()].find((o) => o.orderReferenceId === ref);
  }

  async createInStoreSession(request: CreateInStoreSessionRequest): Promise<InStoreSession> {
    return this.run('create', request, () => {
      const orderId = randomUUID();
      const checkoutId = randomUUID();
      const zero = Money.zero(request.totalAmount.currency);
      this.orders.set(orderId, {
        orderId,
        checkoutId,
        orderReferenceId: request.orderReferenceId,
        orderNumber: request.orderNumber,
        status: 'new',
        totalAmount: request.totalAmount,
        capturedAmount: zero,
        refundedAmount: zero,
        createdAt: new Date().toISOString(),
        captures: [],
        refunds: [],
      });
      return { orderId, checkoutId, checkoutDeeplink: `https://checkout-sandbox.tamara.co/checkout/${checkoutId}?orderId=${orderId}` };
    });
  }

  async getOrder(orderId: string): Promise<TamaraOrder> {
    return this.run('getOrder', orderId, () => ({ ...this.mustGet(orderId) }));
  }

  async findOrderByReference(ref: string): Promise<TamaraOrder | null> {
    return this.run('findByReference', ref, () => {
      const o = this.orderByReference(ref);
      return o ? { ...o } : null;
    });
  }

  async voidCheckout(checkoutId: string, orderId: string): Promise<VoidCheckoutResult> {
    return this.run('void', { checkoutId, orderId }, () => {
      const o = this.mustGet(orderId);
      if (o.status === 'new') {
        o.status = 'expired';
        return { orderWasVoided: true, message: 'success' };
      }
      return { orderWasVoided: false, message: o.status === 'expired' ? 'checkout_already_expired' : 'checkout_already_completed' };
    });
  }

  async simplifiedRefund(request: SimplifiedRefundRequest): Promise<SimplifiedRefundResult> {
    return this.run('refund', request, () => {
      const o = this.mustGet(request.orderId);
      if (!['fully_captured', 'partially_refunded'].includes(o.status)) throw new TamaraError('rejected', 'not captured', { errorCode: 'order_not_captured' });
      const after = o.refundedAmount.plus(request.totalAmount);
      if (after.greaterThan(o.capturedAmount)) throw new TamaraError('rejected', 'over refund', { errorCode: 'refund_amount_exceeded' });
      const refundId = randomUUID();
      o.refundedAmount = after;
      o.status = after.equals(o.capturedAmount) ? 'fully_refunded' : 'partially_refunded';
      o.refunds.push({ refundId, totalAmount: request.totalAmount, comment: request.comment, merchantRefundId: request.merchantRefundId, createdAt: new Date().toISOString() });
      return { orderId: o.orderId, refundId, status: o.status, refundedAmount: request.totalAmount, comment: request.comment };
    });
  }

  async updateOrderReference(orderId: string, ref: string): Promise<void> {
    return this.run('updateReference', { orderId, ref }, () => {
      this.mustGet(orderId).orderReferenceId = ref;
    });
  }

  async isCustomerIdVerified(phone: string): Promise<boolean> {
    return this.run('idVerification', phone, () => phone.endsWith('66'));
  }

  async registerWebhook(url: string): Promise<WebhookRegistration> {
    return this.run('registerWebhook', url, () => ({ webhookId: 'wh-1', alreadyRegistered: false }));
  }

  private async run<T>(op: Op, args: unknown, effect: () => T): Promise<T> {
    this.calls.push({ op, args });
    const index = this.faults.findIndex((f) => f.op === op);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
    if (fault && !fault.afterEffect) throw fault.error;
    const result = effect();
    await this.hook?.(op);
    if (fault) throw fault.error;
    return result;
  }

  private mustGet(orderId: string): FakeOrder {
    const o = this.orders.get(orderId);
    if (!o) throw new TamaraError('not_found', 'order not found', { httpStatus: 404 });
    return o;
  }
}
