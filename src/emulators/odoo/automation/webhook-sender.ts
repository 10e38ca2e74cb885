import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { WebhookPort } from '../orm/model-types';

export interface WebhookDelivery {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly sentAt: Date;
  /** 'delivered' with the listener's status, or 'failed' with the error Odoo would log as a warning. */
  outcome: { status: 'pending' } | { status: 'delivered'; httpStatus: number } | { status: 'failed'; error: string };
}

/**
 * Odoo's webhook call: `requests.post(url, data=json, headers={'Content-Type': 'application/json'},
 * timeout=1)` — same headers as python-requests sends, no signature, no retry; a failure is only
 * logged. Sends are fire-and-forget; `idle()` lets tests wait for them.
 */
export class WebhookSender implements WebhookPort {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  /** Completion of each delivery, by delivery index. */
  private readonly completions: Promise<void>[] = [];

  constructor(
    private readonly userAgent: () => string,
    private readonly timeoutMs: () => number,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  post(url: string, body: string): void {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      this.record(url, {}, body, { status: 'failed', error: `Invalid URL '${url}'` });
      return;
    }
    const headers: Record<string, string> = {
      Host: target.host,
      'User-Agent': this.userAgent(),
      'Accept-Encoding': 'gzip, deflate',
      Accept: '*/*',
      Connection: 'keep-alive',
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
    };
    const delivery = this.record(url, headers, body, { status: 'pending' });
    this.log(`Webhook call to ${url}`);
    const send = target.protocol === 'https:' ? httpsRequest : request;
    const done = new Promise<void>((resolve) => {
      const outgoing = send(target, { method: 'POST', headers, agent: false, timeout: this.timeoutMs() }, (response) => {
        response.resume();
        response.on('end', () => {
          delivery.outcome = { status: 'delivered', httpStatus: response.statusCode ?? 0 };
          outgoing.destroy();
          resolve();
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`Read timed out. (read timeout=${this.timeoutMs() / 1000})`)));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        delivery.outcome = { status: 'failed', error: error.code ? `${error.code}: ${error.message}` : error.message };
        this.log(`Webhook call failed: ${delivery.outcome.error}`);
        resolve();
      });
      outgoing.end(body);
    });
    this.pending.add(done);
    this.completions[this.deliveries.length - 1] = done;
    void done.finally(() => this.pending.delete(done));
  }

  /** A marker for {@link settledSince}: the number of deliveries so far. */
  mark(): number {
    return this.deliveries.length;
  }

  /**
   * Resolves once every delivery started after `mark` is done. The HTTP layer waits for this before
   * answering, because Odoo sends webhooks synchronously inside the call (bounded by the timeout).
   */
  async settledSince(mark: number): Promise<void> {
    await Promise.all(this.completions.slice(mark).filter((completion) => completion !== undefined));
  }

  /** Resolves once every webhook sent so far has been delivered or has failed. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private record(url: string, headers: Record<string, string>, body: string, outcome: WebhookDelivery['outcome']): WebhookDelivery {
    const delivery: WebhookDelivery = { url, headers, body, sentAt: new Date(), outcome };
    this.deliveries.push(delivery);
    this.completions.push(Promise.resolve());
    return delivery;
  }

  /** Forgets past deliveries (test control). */
  clear(): void {
    this.deliveries.length = 0;
    this.completions.length = 0;
  }
}
