import axios, { type AxiosInstance } from 'axios';

/** One HTTP exchange as the Odoo transports need it: text in, text out, no interpretation. */
export interface OdooHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface OdooHttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * The HTTP port. Resolves for every HTTP status (errors are classified by the transports); rejects
 * only with an {@link OdooHttpFailure} when no HTTP response arrived.
 */
export type OdooHttp = (request: OdooHttpRequest) => Promise<OdooHttpResponse>;

export type OdooHttpFailureReason = 'timeout' | 'connection_refused' | 'connection_failed';

/**
 * No HTTP response. Deliberately carries only a reason and a low-level code: the underlying
 * library's error holds the request (headers with the bearer key, a body with the key), so it is
 * never attached.
 */
export class OdooHttpFailure extends Error {
  constructor(
    readonly reason: OdooHttpFailureReason,
    readonly code: string,
    /** False only when the connection was never established (the request cannot have run). */
    readonly requestMayHaveBeenSent: boolean,
  ) {
    super(`${reason} (${code})`);
    this.name = 'OdooHttpFailure';
  }
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);
const TIMED_OUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED', 'UND_ERR_CONNECT_TIMEOUT', 'ABORT_ERR']);
// Odoo answers are small; anything this large is not an Odoo answer and must not exhaust memory.
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * The default port over axios. Redirects are not followed (a redirect means a misconfigured URL,
 * and following one would let the Odoo URL send our key elsewhere), and besides axios' socket
 * timeout an AbortSignal bounds the whole exchange, so a server that trickles bytes cannot hold a
 * call longer than `timeoutMs`.
 */
export function createAxiosOdooHttp(instance: AxiosInstance = axios.create()): OdooHttp {
  return async (request) => {
    try {
      const response = await instance.request<string>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        data: request.body,
        timeout: request.timeoutMs,
        signal: AbortSignal.timeout(request.timeoutMs),
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
        maxContentLength: MAX_RESPONSE_BYTES,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      const body = typeof response.data === 'string' ? response.data : response.data == null ? '' : String(response.data);
      return { status: response.status, headers, body };
    } catch (error) {
      throw toHttpFailure(error);
    }
  };
}

function toHttpFailure(error: unknown): OdooHttpFailure {
  const code = errorCode(error);
  if (TIMED_OUT.has(code)) return new OdooHttpFailure('timeout', code, true);
  if (NEVER_CONNECTED.has(code)) return new OdooHttpFailure('connection_refused', code, false);
  return new OdooHttpFailure('connection_failed', code, true);
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, cause, name } = error as { code?: unknown; cause?: unknown; name?: unknown };
    if (typeof code === 'string' && code !== 'ERR_NETWORK' && code !== 'ERR_BAD_RESPONSE') return code;
    const causeCode = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    if (typeof causeCode === 'string') return causeCode;
    if (typeof code === 'string') return code;
    if (name === 'AbortError' || name === 'TimeoutError' || name === 'CanceledError') return 'ERR_CANCELED';
  }
  return 'UNKNOWN';
}
