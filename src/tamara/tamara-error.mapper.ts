import { TamaraError, TamaraErrorKind } from './tamara-error';
import { TamaraOperation, isWriteOperation } from './tamara-operation';
import type { HttpExchange } from './tamara-http.transport';
import { errorEnvelopeSchema } from './schemas/error-envelope.schema';
import { parseRetryAfterMs } from './retry-after';
import { redactSensitiveData, redactSensitiveText } from './sensitive-text';

/**
 * The single translation from "what happened on the wire" to `TamaraError`.
 *
 * | what happened                                    | read          | write            |
 * |--------------------------------------------------|---------------|------------------|
 * | 2xx, JSON body                                   | ok            | ok               |
 * | 2xx, body not JSON                               | unavailable   | outcome_unknown  |
 * | 2xx, JSON not matching the schema                | invalid_response (see `invalidResponseError`) |
 * | 401, 403                                         | unauthorized  | unauthorized     |
 * | 404                                              | not_found     | not_found        |
 * | 409                                              | rejected      | outcome_unknown  |
 * | 429                                              | rate_limited  | rate_limited     |
 * | other 4xx (envelope or not)                      | rejected      | rejected         |
 * | 408, 5xx, 1xx, 3xx                               | unavailable   | outcome_unknown  |
 * | no response, request never sent (refused, DNS)   | unavailable   | unavailable      |
 * | no response, maybe sent (timeout, reset)         | unavailable   | outcome_unknown  |
 *
 * 409 on a write is "maybe already done" (Tamara's Magento module treats it as success).
 */

export type ExchangeClassification = { ok: true; json: unknown; status: number } | { ok: false; error: TamaraError };

export interface MapperContext {
  operation: TamaraOperation;
  nowMs: number;
  /** Values that must never appear in an error (API token, the customer's phone and e-mail). */
  secrets: readonly string[];
}

/** Rate-limit pause when Tamara sends 429 without a usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

export function classifyExchange(context: MapperContext, exchange: HttpExchange): ExchangeClassification {
  const write = isWriteOperation(context.operation);
  if (exchange.type === 'no_response') {
    const kind: TamaraErrorKind = exchange.requestSent === 'no' || !write ? 'unavailable' : 'outcome_unknown';
    const sent = exchange.requestSent === 'no' ? 'did not reach Tamara' : 'may have reached Tamara';
    return {
      ok: false,
      error: new TamaraError(kind, `Tamara ${context.operation}: no response (${exchange.failureCode}); the request ${sent}`, {
        operation: context.operation,
      }),
    };
  }

  const { status } = exchange;
  if (status >= 200 && status < 300) {
    const json = parseJson(exchange.body);
    if (json.ok) return { ok: true, json: json.value, status };
    const kind: TamaraErrorKind = write ? 'outcome_unknown' : 'unavailable';
    return { ok: false, error: new TamaraError(kind, `Tamara ${context.operation}: HTTP ${status} with a body that is not JSON`, { httpStatus: status, operation: context.operation }) };
  }
  return { ok: false, error: httpError(context, status, exchange.body, exchange.retryAfter, write) };
}

/** A 2xx JSON body that does not match the response schema. Lists field paths, never values. */
export function invalidResponseError(operation: TamaraOperation, status: number, fieldPaths: readonly string[]): TamaraError {
  const fields = fieldPaths.length > 0 ? fieldPaths.slice(0, 10).join(', ') : '(root)';
  return new TamaraError('invalid_response', `Tamara ${operation}: HTTP ${status} body does not match the contract (${fields})`, {
    httpStatus: status,
    operation,
  });
}

function httpError(context: MapperContext, status: number, body: string, retryAfter: string | undefined, write: boolean): TamaraError {
  const envelope = readEnvelope(body, context.secrets);
  const kind = kindForStatus(status, write);
  const details: TamaraError['details'] = { httpStatus: status, operation: context.operation, ...envelope.details };
  if (kind === 'rate_limited') {
    details.retryAfterMs = parseRetryAfterMs(retryAfter, context.nowMs) ?? DEFAULT_RETRY_AFTER_MS;
  }
  const code = envelope.details.errorCode ? ` ${envelope.details.errorCode}` : '';
  const said = envelope.message ? `: ${envelope.message}` : '';
  return new TamaraError(kind, `Tamara ${context.operation}: HTTP ${status}${code}${said}`, details);
}

function kindForStatus(status: number, write: boolean): TamaraErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 409) return write ? 'outcome_unknown' : 'rejected';
  if (status >= 400 && status < 500 && status !== 408) return 'rejected';
  return write ? 'outcome_unknown' : 'unavailable';
}

const ERROR_CODE_TEXT = /^[A-Za-z0-9_.-]{1,100}$/;

function readEnvelope(body: string, secrets: readonly string[]): { message?: string; details: Pick<TamaraError['details'], 'errorCode' | 'errorCodes' | 'errorData'> } {
  const json = parseJson(body);
  if (!json.ok) return { details: {} };
  const parsed = errorEnvelopeSchema.safeParse(json.value);
  if (!parsed.success) return { details: {} };
  const errors = parsed.data.errors ?? [];
  const errorCodes = errors.map((e) => e.error_code).filter((c): c is string => typeof c === 'string' && ERROR_CODE_TEXT.test(c));
  const firstData = errors[0]?.data;
  const message = parsed.data.message ? redactSensitiveText(parsed.data.message, secrets) : undefined;
  return {
    message,
    details: {
      ...(errorCodes.length > 0 ? { errorCode: errorCodes[0], errorCodes } : {}),
      ...(firstData ? { errorData: redactSensitiveData(firstData, secrets) as Record<string, unknown> } : {}),
    },
  };
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}
