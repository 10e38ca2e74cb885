import { randomUUID } from 'node:crypto';
import { TamaraErrors } from '../tamara-api-error';

export type WebhookType = 'order' | 'dispute';

export interface WebhookRegistration {
  webhookId: string;
  type: WebhookType;
  url: string;
  events: string[];
  headers: Record<string, string>;
}

export interface WebhookInput {
  type: WebhookType;
  url: string;
  events: string[];
  headers: Record<string, string>;
}

/** Registered notification URLs, keyed by webhook id. */
export class WebhookRegistry {
  private readonly registrations = new Map<string, WebhookRegistration>();

  /** A URL can be registered once; a second registration answers with the existing id. */
  register(input: WebhookInput): WebhookRegistration {
    const existing = this.findByUrl(input.url);
    if (existing) throw TamaraErrors.webhookAlreadyRegistered(existing.webhookId);
    const registration: WebhookRegistration = { webhookId: randomUUID(), ...copy(input) };
    this.registrations.set(registration.webhookId, registration);
    return registration;
  }

  get(webhookId: string): WebhookRegistration {
    const registration = this.registrations.get(webhookId);
    if (!registration) throw TamaraErrors.webhookNotFound(webhookId);
    return registration;
  }

  update(webhookId: string, input: Omit<WebhookInput, 'type'>): WebhookRegistration {
    const registration = this.get(webhookId);
    const clash = this.findByUrl(input.url);
    if (clash && clash.webhookId !== webhookId) throw TamaraErrors.webhookAlreadyRegistered(clash.webhookId);
    registration.url = input.url;
    registration.events = [...input.events];
    registration.headers = { ...input.headers };
    return registration;
  }

  remove(webhookId: string): void {
    this.get(webhookId);
    this.registrations.delete(webhookId);
  }

  list(): WebhookRegistration[] {
    return [...this.registrations.values()];
  }

  /** Order webhooks subscribed to `eventType`, in registration order. */
  subscribersOf(eventType: string): WebhookRegistration[] {
    return this.list().filter((registration) => registration.type === 'order' && registration.events.includes(eventType));
  }

  clear(): void {
    this.registrations.clear();
  }

  private findByUrl(url: string): WebhookRegistration | undefined {
    return this.list().find((registration) => registration.url === url);
  }
}

function copy(input: WebhookInput): WebhookInput {
  return { type: input.type, url: input.url, events: [...input.events], headers: { ...input.headers } };
}

/** `{merchant_id, webhook_id, url, events, headers}`; no headers → `[]` as in Tamara's retrieve example (PHP's empty array). */
export function webhookView(registration: WebhookRegistration, merchantId: string): Record<string, unknown> {
  return {
    merchant_id: merchantId,
    webhook_id: registration.webhookId,
    url: registration.url,
    events: [...registration.events],
    headers: Object.keys(registration.headers).length === 0 ? [] : { ...registration.headers },
  };
}
