import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorClock } from '../emulator-clock';
import type { ActiveFault, FaultBook } from '../faults/fault-book';
import { stringifyJson, toPlainJson } from '../http/json-codec';
import { OrderEvent, webhookPayloadOf } from '../orders/order-event';
import type { EmulatorRecords } from '../records/emulator-records';
import type { ResolvedEmulatorOptions } from '../tamara-emulator.options';
import { signNotificationToken, withTamaraToken } from './notification-token';
import { postNotification } from './webhook-http-sender';
import type { WebhookRegistration, WebhookRegistry } from './webhook-registry';

interface DispatcherDeps {
  registry: WebhookRegistry;
  faults: FaultBook;
  records: EmulatorRecords;
  clock: EmulatorClock;
  options: ResolvedEmulatorOptions;
}

/**
 * Delivers order events to every subscribed webhook. Batches are delivered one after the
 * other (a chain), in event order, unless a webhook fault says otherwise: duplicates (N
 * copies, optionally concurrent) and out-of-order (hold N events, then send them reversed).
 */
export class WebhookDispatcher {
  private chain: Promise<void> = Promise.resolve();
  private readonly held = new Map<string, { fault: ActiveFault; events: OrderEvent[] }>();
  private readonly inFlight = new Set<AbortController>();
  private readonly scheduled = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Queues `events`; the promise settles when they are delivered (or held). Never rejects. */
  dispatch(events: readonly OrderEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return this.enqueue(() => this.process(events));
  }

  /**
   * Queues `events` on the next turn of the event loop, i.e. after the HTTP answer that caused
   * them has been written (asynchronous delivery). `idle()` waits for these too.
   */
  dispatchSoon(events: readonly OrderEvent[]): void {
    if (events.length === 0) return;
    const scheduled: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.dispatch(events))
      .finally(() => this.scheduled.delete(scheduled));
    this.scheduled.add(scheduled);
  }

  /** Sends every held (out-of-order) batch now, reversed. */
  flushHeld(): Promise<void> {
    const batches = [...this.held.values()];
    this.held.clear();
    return this.enqueue(async () => {
      for (const batch of batches) await this.deliverAll([...batch.events].reverse());
    });
  }

  /** Resolves when nothing is queued or being delivered. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      await Promise.all([...this.scheduled]);
      current = this.chain;
      await current;
    } while (current !== this.chain || this.scheduled.size > 0);
  }

  /** Drops held events (reset). */
  forgetHeld(): void {
    this.held.clear();
  }

  /** Aborts deliveries in flight and refuses new ones (shutdown). */
  stop(): void {
    this.stopped = true;
    for (const controller of this.inFlight) controller.abort();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work).catch(() => undefined);
    this.chain = run;
    return run;
  }

  private async process(events: readonly OrderEvent[]): Promise<void> {
    const ready: OrderEvent[] = [];
    for (const event of events) {
      const hold = this.deps.faults.peek('webhook_out_of_order', event.eventType);
      if (!hold) {
        ready.push(event);
        continue;
      }
      const batch = this.held.get(hold.id) ?? { fault: hold, events: [] };
      batch.events.push(event);
      this.held.set(hold.id, batch);
      if (batch.events.length >= hold.rule.count) {
        this.held.delete(hold.id);
        this.deps.faults.consume(hold);
        ready.push(...[...batch.events].reverse());
      }
    }
    await this.deliverAll(ready);
  }

  private async deliverAll(events: readonly OrderEvent[]): Promise<void> {
    for (const event of events) {
      const duplicate = this.deps.faults.take('webhook_duplicate', event.eventType);
      for (const webhook of this.deps.registry.subscribersOf(event.eventType)) {
        const copies = duplicate?.copies ?? 1;
        const send = (copy: number) => this.deliverWithRetries(webhook, event, copy);
        if (duplicate?.concurrent) {
          await Promise.all(Array.from({ length: copies }, (_, index) => send(index + 1)));
        } else {
          for (let copy = 1; copy <= copies; copy += 1) await send(copy);
        }
      }
    }
  }

  private async deliverWithRetries(webhook: WebhookRegistration, event: OrderEvent, copy: number): Promise<void> {
    const { options } = this.deps;
    for (let attempt = 1; attempt <= options.webhookAttempts && !this.stopped; attempt += 1) {
      if (attempt > 1) await sleep(options.webhookRetryDelayMs);
      const delivered = await this.deliverOnce(webhook, event, copy, attempt);
      if (delivered) return;
    }
  }

  private async deliverOnce(webhook: WebhookRegistration, event: OrderEvent, copy: number, attempt: number): Promise<boolean> {
    const { options, clock, records } = this.deps;
    const now = clock.now();
    const token = signNotificationToken(options.notificationToken, now);
    const payload = webhookPayloadOf(event);
    // Registered headers may replace Tamara's own (e.g. the merchant's `authorization`); the
    // token then still travels in the query string, which is why Tamara's SDK reads both.
    const headers = mergeHeaders({ 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, webhook.headers);
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const outcome = await postNotification(withTamaraToken(webhook.url, token), headers, stringifyJson(payload), options.webhookTimeoutMs, controller.signal);
      records.webhookDeliveries.push({
        at: now.toISOString(),
        webhookId: webhook.webhookId,
        url: webhook.url,
        eventType: event.eventType,
        orderId: event.orderId,
        statusCode: 'statusCode' in outcome ? outcome.statusCode : null,
        ...('error' in outcome ? { error: outcome.error } : {}),
        attempt,
        copy,
        payload: toPlainJson(payload),
      });
      return 'statusCode' in outcome && outcome.statusCode >= 200 && outcome.statusCode < 300;
    } finally {
      this.inFlight.delete(controller);
    }
  }
}

function mergeHeaders(base: Record<string, string>, extra: Record<string, string>): Record<string, string> {
  const merged: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const [name, value] of [...Object.entries(base), ...Object.entries(extra)]) {
    const previous = names.get(name.toLowerCase());
    if (previous !== undefined) delete merged[previous];
    names.set(name.toLowerCase(), name);
    merged[name] = value;
  }
  return merged;
}
