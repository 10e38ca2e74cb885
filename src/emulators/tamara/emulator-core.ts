import { EmulatorClock } from './emulator-clock';
import { FaultBook } from './faults/fault-book';
import type { OrderEvent } from './orders/order-event';
import { OrderLifecycle } from './orders/order-lifecycle';
import { OrderStore } from './orders/order-store';
import { EmulatorRecords } from './records/emulator-records';
import type { ResolvedEmulatorOptions } from './tamara-emulator.options';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookRegistry } from './webhooks/webhook-registry';

/** How the webhooks caused by one operation are delivered relative to its answer. */
export type DeliveryTiming = 'configured' | 'before_answer';

export interface OperationResult<T> {
  outcome: { ok: true; value: T } | { ok: false; error: unknown };
  events: OrderEvent[];
}

/** The emulated Tamara's state and the services around it, shared by the merchant API, control API and programmatic API. */
export class EmulatorCore {
  readonly clock: EmulatorClock;
  readonly store = new OrderStore();
  readonly records = new EmulatorRecords();
  readonly faults = new FaultBook();
  readonly registry = new WebhookRegistry();
  readonly lifecycle: OrderLifecycle;
  readonly dispatcher: WebhookDispatcher;

  constructor(
    readonly options: ResolvedEmulatorOptions,
    checkoutBaseUrl: () => string,
  ) {
    this.clock = new EmulatorClock(options.now);
    if (options.clockOffsetSeconds > 0) this.clock.advance(options.clockOffsetSeconds);
    this.lifecycle = new OrderLifecycle({ store: this.store, clock: this.clock, records: this.records, options, checkoutBaseUrl });
    this.dispatcher = new WebhookDispatcher({ registry: this.registry, faults: this.faults, records: this.records, clock: this.clock, options });
  }

  /** Runs one operation and collects the events it produced, including lazily applied expiries, even when it fails. */
  run<T>(operation: () => T): OperationResult<T> {
    try {
      const value = operation();
      return { outcome: { ok: true, value }, events: this.lifecycle.drainEvents() };
    } catch (error) {
      return { outcome: { ok: false, error }, events: this.lifecycle.drainEvents() };
    }
  }

  /** Hands events to the dispatcher: awaited when delivery is synchronous (or forced), scheduled after the answer otherwise. */
  async deliver(events: readonly OrderEvent[], timing: DeliveryTiming = 'configured'): Promise<void> {
    if (timing === 'before_answer' || this.options.webhookDelivery === 'sync') await this.dispatcher.dispatch(events);
    else this.dispatcher.dispatchSoon(events);
  }

  /** Runs an operation, delivers its events, then returns its value or throws its error. */
  async act<T>(operation: () => T, timing: DeliveryTiming = 'configured'): Promise<T> {
    const result = this.run(operation);
    await this.deliver(result.events, timing);
    if (!result.outcome.ok) throw result.outcome.error;
    return result.outcome.value;
  }

  /** Applies expiry to every overdue link (the timer and the clock call this). */
  sweepExpired(): Promise<void> {
    return this.act(() => this.lifecycle.expireDue());
  }

  reset(): void {
    this.store.clear();
    this.records.clear();
    this.faults.clear();
    this.registry.clear();
    this.dispatcher.forgetHeld();
    this.lifecycle.drainEvents();
    this.clock.reset();
    if (this.options.clockOffsetSeconds > 0) this.clock.advance(this.options.clockOffsetSeconds);
  }
}
