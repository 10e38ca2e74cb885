import type { WebhookInput, WebhookType } from '../webhooks/webhook-registry';
import { IssueCollector, isRecord, requiredString, validationError } from './field-issues';

/** Order events Tamara's schema, examples and docs name (`order_on_hold` appears in one example only). */
export const ORDER_WEBHOOK_EVENTS = [
  'order_approved',
  'order_authorised',
  'order_canceled',
  'order_updated',
  'order_captured',
  'order_refunded',
  'order_declined',
  'order_expired',
  'order_on_hold',
] as const;

export const DISPUTE_WEBHOOK_EVENTS = [
  'OrderDisputeAwaitingMerchantResponse',
  'OrderDisputeClosedMerchantAcceptedClaim',
  'OrderDisputeClosedTamaraAcceptedClaim',
  'OrderDisputeClosedTamaraAcceptedAndMerchantRefundedClaim',
  'OrderDisputeClosedClaimCancelled',
  'OrderDisputeWasUpdated',
] as const;

const WEBHOOK_TYPES: readonly WebhookType[] = ['order', 'dispute'];
// Tamara's portal: "HTTPS only", at most 255 characters.
const MAX_WEBHOOK_URL = 255;

/** `POST /webhooks` body. */
export function parseRegisterWebhookRequest(body: unknown, options: { requireHttps: boolean }): WebhookInput {
  if (!isRecord(body)) throw validationError([{ field: 'body', problem: 'is_invalid', detail: 'must be a JSON object' }]);
  const issues = new IssueCollector();
  const typeText = requiredString(body, 'type', 'type', issues);
  let type: WebhookType | undefined;
  if (typeText !== undefined) {
    if ((WEBHOOK_TYPES as readonly string[]).includes(typeText)) type = typeText as WebhookType;
    else issues.invalid('type', `must be one of ${WEBHOOK_TYPES.join(', ')}`);
  }
  const common = readCommon(body, type ?? 'order', issues, options);
  issues.throwIfAny();
  if (!type || !common) throw new Error('required fields missing without an issue');
  return { type, ...common };
}

/** `PUT /webhooks/{id}` body (the SDK also sends `webhook_id`, which is ignored). */
export function parseUpdateWebhookRequest(body: unknown, type: WebhookType, options: { requireHttps: boolean }): Omit<WebhookInput, 'type'> {
  if (!isRecord(body)) throw validationError([{ field: 'body', problem: 'is_invalid', detail: 'must be a JSON object' }]);
  const issues = new IssueCollector();
  const common = readCommon(body, type, issues, options);
  issues.throwIfAny();
  if (!common) throw new Error('required fields missing without an issue');
  return common;
}

function readCommon(
  body: Record<string, unknown>,
  type: WebhookType,
  issues: IssueCollector,
  options: { requireHttps: boolean },
): Omit<WebhookInput, 'type'> | undefined {
  const url = requiredString(body, 'url', 'url', issues, MAX_WEBHOOK_URL);
  if (url !== undefined && !isWebUrl(url, options.requireHttps)) {
    issues.invalid('url', options.requireHttps ? 'must be an https URL' : 'must be an http(s) URL');
  }
  const events = readEvents(body, type, issues);
  const headers = readHeaders(body, issues);
  if (url === undefined || !events || !headers) return undefined;
  return { url, events, headers };
}

function readEvents(body: Record<string, unknown>, type: WebhookType, issues: IssueCollector): string[] | undefined {
  const raw = body.events;
  if (raw === undefined || raw === null) {
    issues.required('events');
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.invalid('events', 'must be a non-empty array');
    return undefined;
  }
  const allowed: readonly string[] = type === 'order' ? ORDER_WEBHOOK_EVENTS : DISPUTE_WEBHOOK_EVENTS;
  let ok = true;
  raw.forEach((event, index) => {
    if (typeof event !== 'string' || !allowed.includes(event)) {
      issues.invalid(`events[${index}]`, `must be one of ${allowed.join(', ')}`);
      ok = false;
    }
  });
  return ok ? [...new Set(raw as string[])] : undefined;
}

function readHeaders(body: Record<string, unknown>, issues: IssueCollector): Record<string, string> | undefined {
  const raw = body.headers;
  // Tamara itself answers `"headers": []` for "none", so accept an empty array back.
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return {};
  if (!isRecord(raw)) {
    issues.invalid('headers', 'must be an object of header names to string values');
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      issues.invalid(`headers.${name}`, 'must be a valid header name with a string value');
      return undefined;
    }
    headers[name] = value;
  }
  return headers;
}

function isWebUrl(text: string, requireHttps: boolean): boolean {
  try {
    const url = new URL(text);
    return requireHttps ? url.protocol === 'https:' : url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
