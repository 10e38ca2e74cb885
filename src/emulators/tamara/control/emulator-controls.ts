import type { EmulatorCore } from '../emulator-core';
import type { ActiveFault } from '../faults/fault-book';
import type { FaultInput } from '../faults/fault-rule';
import type { RecordedCall, SentSms, WebhookDeliveryRecord } from '../records/emulator-records';
import { parseRegisterWebhookRequest } from '../validation/webhook.request';
import type { WebhookType } from '../webhooks/webhook-registry';
import { EmulatorOrderSnapshot, orderSnapshot } from './order-snapshot';

export interface DeclineInput {
  reason?: string;
  code?: string;
  type?: string;
}

export interface WebhookRegistrationInput {
  url: string;
  /** Defaults to every order event the in-store flow emits. */
  events?: string[];
  headers?: Record<string, string>;
  type?: WebhookType;
}

export const IN_STORE_EVENTS = ['order_approved', 'order_declined', 'order_captured', 'order_refunded', 'order_expired', 'order_canceled'];

/**
 * What a test (or the control API) can make the emulated Tamara and its customers do, and
 * what it can observe. Customer actions deliver their webhooks like any other change: before
 * returning when delivery is `sync`, right after otherwise (see `webhooksIdle`).
 */
export class EmulatorControls {
  constructor(protected readonly core: EmulatorCore) {}

  /** The customer pays the first instalment; Tamara auto-captures (`order_approved`?, `order_captured`). */
  pay(orderId: string): Promise<EmulatorOrderSnapshot> {
    return this.orderAction(() => this.core.lifecycle.pay(orderId));
  }

  /** Tamara declines the customer (`order_declined`). */
  decline(orderId: string, input: DeclineInput = {}): Promise<EmulatorOrderSnapshot> {
    return this.orderAction(() =>
      this.core.lifecycle.decline(orderId, { declinedReason: input.reason, declinedCode: input.code, declineType: input.type }),
    );
  }

  /** The customer cancels on the checkout page: `expired` at once (`order_expired`). */
  cancel(orderId: string): Promise<EmulatorOrderSnapshot> {
    return this.orderAction(() => this.core.lifecycle.cancelByCustomer(orderId));
  }

  /** The link expires now (`order_expired`). */
  expire(orderId: string): Promise<EmulatorOrderSnapshot> {
    return this.orderAction(() => this.core.lifecycle.expire(orderId));
  }

  now(): Date {
    return this.core.clock.now();
  }

  /** Moves the emulator clock forward and applies every expiry that became due. */
  async advanceClock(seconds: number): Promise<void> {
    this.core.clock.advance(seconds);
    await this.core.sweepExpired();
  }

  orders(): EmulatorOrderSnapshot[] {
    this.core.lifecycle.expireDue();
    void this.core.deliver(this.core.lifecycle.drainEvents());
    return this.core.store.all().map((order) => orderSnapshot(order, this.core.options.merchantId));
  }

  order(orderId: string): EmulatorOrderSnapshot | undefined {
    return this.orders().find((order) => order.order_id === orderId);
  }

  calls(): RecordedCall[] {
    return structuredClone(this.core.records.calls);
  }

  sms(): SentSms[] {
    return structuredClone(this.core.records.sms);
  }

  webhookDeliveries(): WebhookDeliveryRecord[] {
    return structuredClone(this.core.records.webhookDeliveries);
  }

  setFault(input: FaultInput): ActiveFault {
    return this.core.faults.add(input);
  }

  faults(): ActiveFault[] {
    return this.core.faults.list();
  }

  /** Disarms every fault (or one) and sends any notifications an out-of-order fault was holding. */
  async clearFaults(faultId?: string): Promise<ActiveFault[]> {
    const removed = this.core.faults.clear(faultId);
    await this.core.dispatcher.flushHeld();
    return removed;
  }

  flushHeldWebhooks(): Promise<void> {
    return this.core.dispatcher.flushHeld();
  }

  /** Resolves when every notification caused so far has been delivered (or given up on). */
  webhooksIdle(): Promise<void> {
    return this.core.dispatcher.idle();
  }

  /** Registers a webhook as `POST /webhooks` would (same validation); returns its id. */
  registerWebhook(input: WebhookRegistrationInput): string {
    const parsed = parseRegisterWebhookRequest(
      { type: input.type ?? 'order', url: input.url, events: input.events ?? IN_STORE_EVENTS, headers: input.headers ?? {} },
      { requireHttps: this.core.options.requireHttpsWebhooks },
    );
    return this.core.registry.register(parsed).webhookId;
  }

  /** Back to an empty emulator: no orders, webhooks, records or faults; clock offset restored. */
  async reset(): Promise<void> {
    await this.core.dispatcher.idle();
    this.core.reset();
  }

  private async orderAction(action: () => { orderId: string }): Promise<EmulatorOrderSnapshot> {
    const order = await this.core.act(action);
    const stored = this.core.store.get(order.orderId);
    if (!stored) throw new Error(`order ${order.orderId} vanished`);
    return orderSnapshot(stored, this.core.options.merchantId);
  }
}
