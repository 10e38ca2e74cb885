/**
 * How an Odoo call failed, decided once (in odoo-error.mapper.ts) so that callers never look at
 * HTTP statuses, JSON-RPC envelopes or Python class names.
 *
 * | kind             | typical source                                                      | retried by the client |
 * | ---------------- | ------------------------------------------------------------------- | --------------------- |
 * | access_denied    | AccessDenied, SessionExpired, authenticate → false, HTTP 401/403     | never (JSON-RPC re-authenticates once first) |
 * | access_error     | AccessError: the user lacks rights on a model/record                 | never |
 * | missing_record   | MissingError, JSON-2 404 "Record does not exist"                     | never |
 * | user_error       | UserError / ValidationError / RedirectWarning, JSON-2 422            | never |
 * | concurrency      | SerializationFailure, DeadlockDetected, LockNotAvailable, LockError, JSON-2 409 | reads only |
 * | not_found        | unknown model/method/database, private method, HTTP 404 route        | never |
 * | transport        | connection refused/reset, timeout, 5xx, 429, non-JSON answer, DB connection lost | reads only |
 * | invalid_response | JSON that is not the protocol (wrong envelope, id, result shape), redirects | never |
 * | bug              | other Python exceptions (ValueError, TypeError, KeyError…), HTTP 400 | never |
 */
export type OdooErrorKind =
  | 'access_denied'
  | 'access_error'
  | 'missing_record'
  | 'user_error'
  | 'concurrency'
  | 'not_found'
  | 'transport'
  | 'invalid_response'
  | 'bug';

export const ODOO_ERROR_KINDS: readonly OdooErrorKind[] = [
  'access_denied',
  'access_error',
  'missing_record',
  'user_error',
  'concurrency',
  'not_found',
  'transport',
  'invalid_response',
  'bug',
];

/** Kinds where trying the same call again can succeed without anybody changing anything. */
const TRANSIENT_KINDS: ReadonlySet<OdooErrorKind> = new Set(['concurrency', 'transport']);

export type OdooProtocol = 'jsonrpc' | 'json2';

export interface OdooErrorDetails {
  /** The call that failed, e.g. "account.move.action_post" or "common.authenticate". */
  operation?: string;
  protocol?: OdooProtocol;
  httpStatus?: number;
  /** Fully qualified Python class from Odoo (`error.data.name`), e.g. "odoo.exceptions.UserError". */
  odooName?: string;
  /** Odoo's human message (`error.data.message`), secrets removed; safe to show to an accountant. */
  odooMessage?: string;
  /** transport only: what went wrong below HTTP. */
  transportReason?: 'timeout' | 'connection_refused' | 'connection_failed' | 'http_status' | 'non_json';
  /**
   * True when the request may have been executed by Odoo although we got no answer (timeout after
   * sending, 5xx from a proxy, broken response). A write in that state must be resolved by looking
   * for its idempotency marker, never by sending it again blindly.
   */
  outcomeUnknown?: boolean;
  /** How many attempts the client made before giving up (reads can be retried). */
  attempts?: number;
}

/**
 * The only error type the Odoo client throws. Its message never contains the API key, the request
 * body or Odoo's traceback (the traceback is logged at debug level, scrubbed).
 */
export class OdooError extends Error {
  constructor(
    readonly kind: OdooErrorKind,
    message: string,
    readonly details: OdooErrorDetails = {},
  ) {
    super(message);
    this.name = 'OdooError';
  }

  /** Transient kinds; the client itself only retries them for idempotent reads. */
  get retryable(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }

  /** Odoo's own message when there is one (what to put on a parked job or an invoice note). */
  get odooMessage(): string | undefined {
    return this.details.odooMessage;
  }

  /** A copy with more context (operation, attempts) and, optionally, another message. */
  withDetails(extra: OdooErrorDetails): OdooError {
    const copy = new OdooError(this.kind, this.message, { ...this.details, ...extra });
    copy.stack = this.stack;
    return copy;
  }

  /** Logged and serialised form: the classified facts only. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, message: this.message, retryable: this.retryable, ...this.details };
  }
}

export function isOdooError(value: unknown, kind?: OdooErrorKind): value is OdooError {
  return value instanceof OdooError && (kind === undefined || value.kind === kind);
}
