/**
 * The one place that talks to axios. Whatever axios does (resolve, reject with an error that
 * embeds headers, token and body), this file turns it into a plain `HttpExchange` value, so the
 * axios error object never travels further.
 */

/** The subset of an axios request config the client sets. */
export interface HttpRequestConfig {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  data?: string;
  timeout: number;
  responseType: 'text';
  transformRequest: Array<(data: unknown) => unknown>;
  transformResponse: Array<(data: unknown) => unknown>;
  validateStatus: (status: number) => boolean;
  maxRedirects: number;
  maxContentLength: number;
}

/**
 * What the client needs from axios: an `AxiosInstance` (any axios build) or the `axiosRef` of a
 * Nest `HttpService` fits. Structural on purpose: the CommonJS and ESM typings of axios are
 * distinct types and both must be accepted.
 */
export interface HttpRequester {
  request(config: HttpRequestConfig): Promise<{ status: number; headers: unknown; data: unknown }>;
}

/** A Nest `HttpService` (from @nestjs/axios), matched by shape. */
export interface HttpServiceLike {
  readonly axiosRef: HttpRequester;
}

export type HttpExchange =
  | { type: 'response'; status: number; retryAfter?: string; body: string }
  | {
      type: 'no_response';
      /** 'no' only when the failure happened before a connection existed (refused, DNS, TLS). */
      requestSent: 'no' | 'maybe';
      /** A Node/axios error code such as ECONNREFUSED or ECONNABORTED; never a message. */
      failureCode: string;
    };

export async function exchange(requester: HttpRequester, config: HttpRequestConfig): Promise<HttpExchange> {
  let response: { status: number; headers: unknown; data: unknown };
  try {
    response = await requester.request(config);
  } catch (error) {
    return { type: 'no_response', ...describeTransportFailure(error) };
  }
  return {
    type: 'response',
    status: response.status,
    retryAfter: headerValue(response.headers, 'retry-after'),
    body: bodyText(response.data),
  };
}

// Failures that happen before any byte of the request can have left this process.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NOT_SENT_SYSCALLS = new Set(['connect', 'getaddrinfo']);

interface ErrorFacts {
  code?: string;
  syscall?: string;
}

function describeTransportFailure(error: unknown): { requestSent: 'no' | 'maybe'; failureCode: string } {
  const layers = errorLayers(error);
  const code = layers.map((l) => l.code).find((c): c is string => typeof c === 'string' && /^[A-Z0-9_]{1,48}$/.test(c));
  const notSent = layers.some(
    (l) => (l.code !== undefined && NOT_SENT_CODES.has(l.code)) || (l.syscall !== undefined && NOT_SENT_SYSCALLS.has(l.syscall)),
  );
  return { requestSent: notSent ? 'no' : 'maybe', failureCode: code ?? 'UNKNOWN' };
}

/** The error, its `cause`, and the first entry of an AggregateError (happy-eyeballs connects). */
function errorLayers(error: unknown): ErrorFacts[] {
  const out: ErrorFacts[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; syscall?: unknown; cause?: unknown; errors?: unknown };
    out.push({
      code: typeof e.code === 'string' ? e.code : undefined,
      syscall: typeof e.syscall === 'string' ? e.syscall : undefined,
    });
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return out;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const h = headers as { get?: unknown } & Record<string, unknown>;
  const raw = typeof h.get === 'function' ? (h.get as (n: string) => unknown).call(headers, name) : h[name];
  if (Array.isArray(raw)) return typeof raw[0] === 'string' ? raw[0] : undefined;
  return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined;
}

function bodyText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === undefined || data === null) return '';
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  // A shared axios instance may carry its own response transformers; keep what they produced.
  return JSON.stringify(data);
}
