import axios from 'axios';
import type { z } from 'zod';
import { Clock, SystemClock } from '../shared/time/clock';
import { maskPhone } from '../shared/phone/phone-number';
import { TamaraApi } from './tamara-api.port';
import type {
  CreateInStoreSessionRequest,
  InStoreSession,
  SimplifiedRefundRequest,
  SimplifiedRefundResult,
  TamaraOrder,
  VoidCheckoutResult,
  WebhookRegistration,
} from './tamara-api.types';
import { TamaraError } from './tamara-error';
import { classifyExchange, invalidResponseError } from './tamara-error.mapper';
import { HttpRequestConfig, HttpRequester, HttpServiceLike, exchange } from './tamara-http.transport';
import { DEFAULT_USER_AGENT, TamaraClientLogger, TamaraHttpClientOptions } from './tamara-http.options';
import { TAMARA_OPERATIONS, TamaraOperation, isWriteOperation } from './tamara-operation';
import { TamaraRetryPolicy } from './tamara-retry.policy';
import { OutboundRateLimiter } from './outbound-rate-limiter';
import { Sleep, realSleep } from './sleep';
import {
  inStoreSessionBody,
  queryString,
  registerWebhookBody,
  simplifiedRefundBody,
  updateOrderReferenceBody,
  voidCheckoutBody,
  voidCheckoutQuery,
} from './tamara-request.mappers';
import { inStoreSessionResponseSchema } from './schemas/in-store-session.response.schema';
import { orderResponseSchema } from './schemas/order.response.schema';
import { voidCheckoutResponseSchema } from './schemas/void-checkout.response.schema';
import { simplifiedRefundResponseSchema } from './schemas/simplified-refund.response.schema';
import { idVerificationResponseSchema } from './schemas/id-verification.response.schema';
import { alreadyRegisteredDataSchema, webhookRegistrationResponseSchema } from './schemas/webhook-registration.response.schema';
import { updateReferenceResponseSchema } from './schemas/update-reference.response.schema';

interface TamaraCall<T> {
  operation: TamaraOperation;
  method: HttpRequestConfig['method'];
  /** Path with ids already URL-encoded. */
  path: string;
  query?: Record<string, string>;
  body?: string;
  schema: z.ZodType<T>;
  /** Personal values in this request, scrubbed from any error text. */
  personal?: readonly (string | undefined)[];
  /** Extra, already-safe fields for the debug log. */
  logFields?: Record<string, unknown>;
}

type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: TamaraError };

const NO_LOG: TamaraClientLogger = { debug: () => undefined, warn: () => undefined };

/**
 * Tamara's merchant API over HTTP (axios). Builds every request from the typed objects, parses
 * every response with a schema, classifies every failure once (`tamara-error.mapper.ts`), paces
 * all calls through one `OutboundRateLimiter`, retries reads, and never repeats a write unless
 * Tamara answered 429.
 *
 * Construct with an `AxiosInstance` or a Nest `HttpService`; see also `createTamaraHttpClient`.
 */
export class TamaraHttpClient extends TamaraApi {
  private readonly requester: HttpRequester;
  private readonly baseUrl: string;
  private readonly apiToken: string;
  private readonly timeoutMs: number;
  private readonly maxRateLimitWaitMs: number;
  private readonly maxResponseBytes: number;
  private readonly userAgent: string;
  private readonly limiter: OutboundRateLimiter;
  private readonly retryPolicy: TamaraRetryPolicy;
  private readonly logger: TamaraClientLogger;
  private readonly clock: Clock;
  private readonly sleep: Sleep;

  constructor(http: HttpRequester | HttpServiceLike, options: TamaraHttpClientOptions) {
    super();
    this.requester = 'axiosRef' in http ? http.axiosRef : http;
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    // Tokens pasted from the portal often carry whitespace or newlines (Tamara's Magento 1.12.5 fix).
    this.apiToken = options.apiToken.replace(/\s+/g, '');
    if (this.apiToken === '') throw new RangeError('Tamara API token is required');
    if (!(options.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    this.timeoutMs = options.timeoutMs;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 20_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 2 * 1024 * 1024;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.clock = options.clock ?? new SystemClock();
    this.sleep = options.sleep ?? realSleep;
    this.logger = options.logger ?? NO_LOG;
    this.limiter =
      options.rateLimiter ??
      new OutboundRateLimiter({ requestsPerSecond: options.requestsPerSecond, burst: options.burst, clock: this.clock, sleep: this.sleep });
    this.retryPolicy = new TamaraRetryPolicy({
      readAttempts: options.readAttempts,
      writeRateLimitRetries: options.writeRateLimitRetries,
      baseDelayMs: options.retryBaseDelayMs,
      maxDelayMs: options.retryMaxDelayMs,
      random: options.random,
    });
  }

  createInStoreSession(request: CreateInStoreSessionRequest): Promise<InStoreSession> {
    return this.call({
      operation: 'createInStoreSession',
      method: 'POST',
      path: '/checkout/in-store-session',
      body: inStoreSessionBody(request),
      schema: inStoreSessionResponseSchema,
      personal: [request.phoneNumber, request.email],
      logFields: { orderReferenceId: request.orderReferenceId, phone: maskPhone(request.phoneNumber) },
    });
  }

  getOrder(orderId: string): Promise<TamaraOrder> {
    return this.call({
      operation: 'getOrder',
      method: 'GET',
      path: `/merchants/orders/${encodeURIComponent(orderId)}`,
      schema: orderResponseSchema,
      logFields: { orderId },
    });
  }

  async findOrderByReference(orderReferenceId: string): Promise<TamaraOrder | null> {
    try {
      return await this.call({
        operation: 'findOrderByReference',
        method: 'GET',
        path: `/merchants/orders/reference-id/${encodeURIComponent(orderReferenceId)}`,
        schema: orderResponseSchema,
        logFields: { orderReferenceId },
      });
    } catch (error) {
      if (error instanceof TamaraError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  voidCheckout(checkoutId: string, orderId: string, storeCode?: string): Promise<VoidCheckoutResult> {
    return this.call({
      operation: 'voidCheckout',
      method: 'POST',
      path: `/checkout/${encodeURIComponent(checkoutId)}/void`,
      query: voidCheckoutQuery(orderId, storeCode),
      body: voidCheckoutBody(orderId, storeCode),
      schema: voidCheckoutResponseSchema,
      logFields: { checkoutId, orderId },
    });
  }

  simplifiedRefund(request: SimplifiedRefundRequest): Promise<SimplifiedRefundResult> {
    return this.call({
      operation: 'simplifiedRefund',
      method: 'POST',
      path: `/payments/simplified-refund/${encodeURIComponent(request.orderId)}`,
      body: simplifiedRefundBody(request),
      schema: simplifiedRefundResponseSchema,
      logFields: { orderId: request.orderId, merchantRefundId: request.merchantRefundId, amount: request.totalAmount.toString() },
    });
  }

  updateOrderReference(orderId: string, orderReferenceId: string): Promise<void> {
    return this.call({
      operation: 'updateOrderReference',
      method: 'PUT',
      path: `/orders/${encodeURIComponent(orderId)}/reference-id`,
      body: updateOrderReferenceBody(orderReferenceId),
      schema: updateReferenceResponseSchema,
      logFields: { orderId, orderReferenceId },
    });
  }

  isCustomerIdVerified(phoneNumber: string, countryCode: 'SA' | 'AE'): Promise<boolean> {
    return this.call({
      operation: 'isCustomerIdVerified',
      method: 'GET',
      path: '/merchants/customer/id-verification-status',
      query: { phone_number: phoneNumber, country_code: countryCode },
      schema: idVerificationResponseSchema,
      personal: [phoneNumber],
      logFields: { phone: maskPhone(phoneNumber), countryCode },
    });
  }

  async registerWebhook(url: string, events: readonly string[], headers?: Record<string, string>): Promise<WebhookRegistration> {
    try {
      return await this.call({
        operation: 'registerWebhook',
        method: 'POST',
        path: '/webhooks',
        body: registerWebhookBody(url, events, headers),
        schema: webhookRegistrationResponseSchema,
        // Custom headers usually carry a shared secret for our own endpoint.
        personal: Object.values(headers ?? {}),
        logFields: { events: events.length },
      });
    } catch (error) {
      const existing = alreadyRegisteredWebhookId(error);
      if (existing !== undefined) return { webhookId: existing, alreadyRegistered: true };
      throw error;
    }
  }

  private async call<T>(spec: TamaraCall<T>): Promise<T> {
    const isWrite = isWriteOperation(spec.operation);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(spec, attempt);
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      if (error.kind === 'rate_limited' && error.details.retryAfterMs !== undefined) {
        this.limiter.pauseFor(error.details.retryAfterMs);
      }
      const decision = this.retryPolicy.decide(isWrite, attempt, error);
      if (!decision.retry) throw error;
      this.logger.warn({ msg: 'tamara call retried', operation: spec.operation, attempt, kind: error.kind, httpStatus: error.details.httpStatus, delayMs: decision.delayMs });
      await this.sleep(decision.delayMs);
    }
  }

  private async attempt<T>(spec: TamaraCall<T>, attempt: number): Promise<AttemptOutcome<T>> {
    const permit = await this.limiter.acquire(this.maxRateLimitWaitMs);
    if (!permit.acquired) {
      // Not sent; thrown (not returned) so it is not retried into the same queue.
      throw new TamaraError('rate_limited', `Tamara ${spec.operation}: outbound calls are paused after a 429`, {
        operation: spec.operation,
        retryAfterMs: permit.retryAfterMs,
      });
    }
    const startedMs = this.clock.now().getTime();
    const result = await exchange(this.requester, this.requestConfig(spec));
    const classified = classifyExchange(
      { operation: spec.operation, nowMs: this.clock.now().getTime(), secrets: this.secretsOf(spec) },
      result,
    );
    this.logger.debug({
      msg: 'tamara call',
      operation: spec.operation,
      endpoint: TAMARA_OPERATIONS[spec.operation].pathTemplate,
      attempt,
      httpStatus: result.type === 'response' ? result.status : undefined,
      failure: result.type === 'no_response' ? result.failureCode : undefined,
      durationMs: this.clock.now().getTime() - startedMs,
      ...spec.logFields,
    });
    if (!classified.ok) return classified;
    const parsed = spec.schema.safeParse(classified.json);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
      this.logger.warn({ msg: 'tamara response violates schema', operation: spec.operation, fields: paths.slice(0, 10) });
      return { ok: false, error: invalidResponseError(spec.operation, classified.status, paths) };
    }
    return { ok: true, value: parsed.data };
  }

  private requestConfig(spec: TamaraCall<unknown>): HttpRequestConfig {
    return {
      method: spec.method,
      url: `${this.baseUrl}${spec.path}${queryString(spec.query ?? {})}`,
      headers: {
        Authorization: `Bearer ${this.apiToken}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'User-Agent': this.userAgent,
      },
      ...(spec.body !== undefined ? { data: spec.body } : {}),
      timeout: this.timeoutMs,
      // Bodies are sent and received as text: JSON is written exactly (amounts) and read by us.
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // A redirect would carry the bearer token to wherever it points.
      maxRedirects: 0,
      maxContentLength: this.maxResponseBytes,
    };
  }

  private secretsOf(spec: TamaraCall<unknown>): string[] {
    return [this.apiToken, ...(spec.personal ?? [])].filter((s): s is string => typeof s === 'string' && s !== '');
  }
}

function alreadyRegisteredWebhookId(error: unknown): string | undefined {
  if (!(error instanceof TamaraError) || error.errorCode !== 'webhook_already_registered') return undefined;
  const data = alreadyRegisteredDataSchema.safeParse(error.details.errorData);
  return data.success ? data.data.webhook_id : undefined;
}

function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError('Tamara base URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('Tamara base URL must be http(s)');
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new RangeError('Tamara base URL must not carry a query, fragment or credentials');
  }
  return url.toString().replace(/\/+$/, '');
}

export interface CreateTamaraHttpClientOptions extends TamaraHttpClientOptions {
  /** An axios instance or Nest HttpService; a fresh axios instance when omitted. */
  http?: HttpRequester | HttpServiceLike;
}

/** Builds a client from plain code (CLI, tests, scripts) without Nest. */
export function createTamaraHttpClient(options: CreateTamaraHttpClientOptions): TamaraHttpClient {
  const { http, ...clientOptions } = options;
  return new TamaraHttpClient(http ?? axios.create(), clientOptions);
}
