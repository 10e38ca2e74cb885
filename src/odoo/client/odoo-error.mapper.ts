import { z } from 'zod';
import { OdooError, type OdooErrorKind, type OdooProtocol } from './odoo-error';
import type { OdooHttpFailure } from './odoo-http';
import type { SecretScrubber } from './secret-scrubber';

/**
 * The one place where Odoo's ways of failing become an {@link OdooError} kind.
 *
 * Classification keys on the Python class name (`error.data.name` in JSON-RPC, `name` in JSON-2),
 * never on `error.code`: that code is "arbitrary" per Odoo's source, 200 in 16–18 and 0 in 19.
 * A few names need their English message to be told apart (see REFINEMENTS); when Odoo runs in
 * another language those fall back to the class name's kind, which is still a safe (non-retried)
 * kind.
 */

export interface OdooCallContext {
  /** "account.move.action_post", "common.authenticate", "GET /web/version". */
  operation: string;
  protocol: OdooProtocol;
}

export interface MappedOdooError {
  error: OdooError;
  /** Odoo's Python traceback, for debug logs only (scrub before logging). */
  traceback?: string;
}

const KIND_BY_EXCEPTION_NAME: Readonly<Record<string, OdooErrorKind>> = {
  'odoo.exceptions.AccessDenied': 'access_denied',
  'odoo.http.SessionExpiredException': 'access_denied',
  'odoo.exceptions.AccessError': 'access_error',
  'odoo.exceptions.MissingError': 'missing_record',
  'odoo.exceptions.UserError': 'user_error',
  'odoo.exceptions.ValidationError': 'user_error',
  'odoo.exceptions.RedirectWarning': 'user_error',
  // Odoo 16 aliases, gone in 17.
  'odoo.exceptions.except_orm': 'user_error',
  'odoo.exceptions.Warning': 'user_error',
  // 19: raised when a row lock cannot be taken (JSON-2 answers 409).
  'odoo.exceptions.LockError': 'concurrency',
  'odoo.exceptions.ConcurrencyError': 'concurrency',
  // JSON-2 serialises werkzeug HTTP exceptions too; these are about our request, not Odoo's data.
  'werkzeug.exceptions.NotFound': 'not_found',
  'werkzeug.exceptions.Unauthorized': 'access_denied',
  'werkzeug.exceptions.Forbidden': 'access_denied',
  'werkzeug.exceptions.BadRequest': 'bug',
  'werkzeug.exceptions.MethodNotAllowed': 'bug',
  // ids sent to an @api.model method, or arguments that do not bind to the signature.
  'werkzeug.exceptions.UnprocessableEntity': 'bug',
  'werkzeug.exceptions.Conflict': 'concurrency',
  'werkzeug.exceptions.TooManyRequests': 'transport',
  'werkzeug.exceptions.ServiceUnavailable': 'transport',
  'werkzeug.exceptions.GatewayTimeout': 'transport',
};

/** PostgreSQL "try again" errors (psycopg2 and psycopg 3 spell the module differently). */
const CONCURRENCY_CLASS = /^psycopg2?\.(?:errors|extensions)\.(?:SerializationFailure|DeadlockDetected|LockNotAvailable|TransactionRollbackError)$/;
/** The database connection itself failed: transient, unless the database does not exist. */
const DB_CONNECTION_CLASS = /^psycopg2?\.(?:errors\.)?(?:OperationalError|InterfaceError|AdminShutdown|CannotConnectNow)$/;
const UNKNOWN_DATABASE = /database "[^"]*" does not exist/;

const REFINEMENTS: ReadonlyArray<{ name: string; message: RegExp; kind: OdooErrorKind }> = [
  // execute_cr: `raise UserError(_("Object %s doesn't exist", model))` — an unknown model.
  { name: 'odoo.exceptions.UserError', message: /^Object \S+ doesn't exist$/, kind: 'not_found' },
  // get_public_method: the method is not part of the external API.
  { name: 'builtins.AttributeError', message: /^The method '[^']+' does not exist$/, kind: 'not_found' },
  { name: 'odoo.exceptions.AccessError', message: /^Private methods \(such as '[^']+'\) cannot be called remotely\.$/, kind: 'not_found' },
];

/** Kind for a Python exception class name, or undefined when the name alone says nothing. */
export function kindForOdooException(name: string, message = ''): OdooErrorKind | undefined {
  const refined = REFINEMENTS.find((r) => r.name === name && r.message.test(message));
  if (refined) return refined.kind;
  const exact = KIND_BY_EXCEPTION_NAME[name];
  if (exact) return exact;
  if (CONCURRENCY_CLASS.test(name)) return 'concurrency';
  if (DB_CONNECTION_CLASS.test(name)) return UNKNOWN_DATABASE.test(message) ? 'not_found' : 'transport';
  if (name.startsWith('builtins.') || name.startsWith('psycopg')) return 'bug';
  return undefined;
}

/**
 * Kind for an HTTP status when the body does not name an exception. `message` is the bare-string
 * body of early JSON-2 builds, used to tell a missing record from a missing route (both 404) and a
 * bad call from a business error (both 422).
 */
export function kindForHttpStatus(status: number, message = ''): OdooErrorKind {
  if (status >= 300 && status < 400) return 'invalid_response';
  switch (status) {
    case 400:
    case 405:
      return 'bug';
    case 401:
    case 403:
      return 'access_denied';
    case 404:
      return /does not exist or has been deleted/.test(message) ? 'missing_record' : 'not_found';
    case 408:
    case 429:
      return 'transport';
    case 409:
      return 'concurrency';
    case 422:
      return /cannot call \S+ with ids|unexpected keyword argument|required (?:positional|keyword-only) argument|takes \d+ positional/.test(message)
        ? 'bug'
        : 'user_error';
    default:
      return status >= 500 ? 'transport' : 'invalid_response';
  }
}

const serializedException = z.looseObject({
  name: z.string(),
  message: z.string().optional(),
  debug: z.string().optional(),
});

const jsonRpcErrorBody = z.looseObject({
  code: z.unknown().optional(),
  message: z.string().optional(),
  data: serializedException.optional(),
});

/** A JSON-RPC `error` member (HTTP 200 in every Odoo version). */
export function errorFromJsonRpcEnvelope(
  error: unknown,
  context: OdooCallContext,
  scrubber: SecretScrubber,
  httpStatus = 200,
): MappedOdooError {
  const parsed = jsonRpcErrorBody.safeParse(error);
  if (!parsed.success) {
    return { error: new OdooError('invalid_response', `Odoo ${context.operation}: malformed JSON-RPC error member`, { ...base(context), httpStatus }) };
  }
  const { data, code, message } = parsed.data;
  if (data) {
    const odooMessage = scrubber.text(data.message ?? message ?? '');
    const kind = kindForOdooException(data.name, odooMessage) ?? 'bug';
    return {
      error: exceptionError(kind, data.name, odooMessage, context, httpStatus),
      traceback: data.debug,
    };
  }
  // No `data`: only the envelope's code/message remain (werkzeug errors, very old servers).
  const text = scrubber.text(message ?? '');
  const kind: OdooErrorKind = code === 100 ? 'access_denied' : /^404\b/.test(text) ? 'not_found' : 'bug';
  return { error: new OdooError(kind, `Odoo ${context.operation} failed: ${text || 'no message'}`, { ...base(context), httpStatus, odooMessage: text || undefined }) };
}

/**
 * A non-2xx JSON-2 answer. Two body shapes exist across 19.x builds: a bare JSON string (early
 * builds) and a serialised exception `{name, message, arguments, context, debug}` (later builds).
 */
export function errorFromJson2Response(status: number, bodyText: string, context: OdooCallContext, scrubber: SecretScrubber): MappedOdooError {
  const body = parseJsonOrUndefined(bodyText);
  const structured = serializedException.safeParse(body);
  if (structured.success) {
    const odooMessage = scrubber.text(structured.data.message ?? '');
    const kind = kindForOdooException(structured.data.name, odooMessage) ?? kindForHttpStatus(status, odooMessage);
    return { error: exceptionError(kind, structured.data.name, odooMessage, context, status), traceback: structured.data.debug };
  }
  if (typeof body === 'string') {
    const odooMessage = scrubber.text(body);
    const kind = kindForHttpStatus(status, odooMessage);
    return {
      error: new OdooError(kind, `Odoo ${context.operation} failed (HTTP ${status}): ${odooMessage}`, {
        ...base(context),
        httpStatus: status,
        odooMessage,
        ...transportFlags(kind, status),
      }),
    };
  }
  return { error: errorFromHttpStatus(status, context) };
}

/** An HTTP status whose body is not an Odoo error (HTML from a proxy, empty, unexpected JSON). */
export function errorFromHttpStatus(status: number, context: OdooCallContext): OdooError {
  const kind = kindForHttpStatus(status);
  return new OdooError(kind, `Odoo ${context.operation} failed: HTTP ${status}`, {
    ...base(context),
    httpStatus: status,
    ...transportFlags(kind, status),
  });
}

/** A 2xx whose body is not JSON: typically a proxy's or Odoo's maintenance page. */
export function errorFromNonJsonBody(status: number, context: OdooCallContext): OdooError {
  return new OdooError('transport', `Odoo ${context.operation}: the answer is not JSON (HTTP ${status})`, {
    ...base(context),
    httpStatus: status,
    transportReason: 'non_json',
    outcomeUnknown: true,
  });
}

export function errorFromHttpFailure(failure: OdooHttpFailure, context: OdooCallContext, timeoutMs: number): OdooError {
  const what =
    failure.reason === 'timeout'
      ? `no answer within ${timeoutMs} ms`
      : failure.reason === 'connection_refused'
        ? `cannot connect (${failure.code})`
        : `connection failed (${failure.code})`;
  return new OdooError('transport', `Odoo ${context.operation}: ${what}`, {
    ...base(context),
    transportReason: failure.reason,
    outcomeUnknown: failure.requestMayHaveBeenSent,
  });
}

export function invalidResponse(context: OdooCallContext, what: string, httpStatus?: number): OdooError {
  return new OdooError('invalid_response', `Odoo ${context.operation}: ${what}`, { ...base(context), httpStatus });
}

function exceptionError(kind: OdooErrorKind, name: string, odooMessage: string, context: OdooCallContext, httpStatus: number): OdooError {
  const shortName = name.slice(name.lastIndexOf('.') + 1);
  return new OdooError(kind, `Odoo ${context.operation} failed with ${shortName}: ${odooMessage || 'no message'}`, {
    ...base(context),
    httpStatus,
    odooName: name,
    odooMessage,
    // An exception inside a 200 (JSON-RPC) was rolled back by Odoo; only an HTTP error status leaves the outcome open.
    ...(httpStatus >= 400 ? transportFlags(kind, httpStatus) : {}),
  });
}

function transportFlags(kind: OdooErrorKind, status: number): { transportReason?: 'http_status'; outcomeUnknown?: boolean } {
  if (kind !== 'transport') return {};
  // 429 means "not executed"; a 5xx may come from a proxy after Odoo did the work.
  return { transportReason: 'http_status', outcomeUnknown: status !== 429 };
}

function base(context: OdooCallContext): { operation: string; protocol: OdooProtocol } {
  return { operation: context.operation, protocol: context.protocol };
}

export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
