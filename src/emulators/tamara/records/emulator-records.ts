/** One merchant API call as the emulator saw it (the Authorization header is never kept). */
export interface RecordedCall {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body (numbers as numbers), the raw text when it was not JSON, or null when empty. */
  body: unknown;
  status: number;
  /** Route name used by fault scoping (`in_store_session`, `get_order`, …); null for unknown paths. */
  route: string | null;
  /** Name of the fault that shaped this answer, if any. */
  fault?: string;
}

/** The "SMS" Tamara sends for every created session. */
export interface SentSms {
  at: string;
  /** `966…` form. */
  to: string;
  /** As the merchant sent it. */
  phoneNumber: string;
  email: string | null;
  orderId: string;
  checkoutId: string;
  link: string;
  message: string;
}

/** One attempt to deliver one webhook notification. */
export interface WebhookDeliveryRecord {
  at: string;
  webhookId: string;
  /** Registered URL (without the `tamaraToken` query parameter). */
  url: string;
  eventType: string;
  orderId: string;
  /** HTTP status the receiver answered, or null when there was no answer. */
  statusCode: number | null;
  error?: string;
  attempt: number;
  /** 1 for a normal delivery, 2… for injected duplicates. */
  copy: number;
  payload: unknown;
}

/** Everything the emulator observed, for assertions ("one create call", "one SMS"). */
export class EmulatorRecords {
  readonly calls: RecordedCall[] = [];
  readonly sms: SentSms[] = [];
  readonly webhookDeliveries: WebhookDeliveryRecord[] = [];

  clear(): void {
    this.calls.length = 0;
    this.sms.length = 0;
    this.webhookDeliveries.length = 0;
  }
}
