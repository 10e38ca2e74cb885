import { pyRecordsetRepr, pyStrRepr } from './python/python-repr';

/**
 * A Python exception as Odoo serialises it into `error.data` (`odoo.http.serialize_exception`):
 * `name` is the fully qualified class, `message` the text, `arguments` the exception args.
 * `httpStatus` is the status JSON-2 (Odoo 19) answers with (`exc.http_status`, 500 otherwise).
 */
export class OdooException extends Error {
  readonly arguments: unknown[];
  readonly httpStatus: number;
  /** JSON-RPC `error.code` / `error.message` when they are not the default "Odoo Server Error" (e.g. session expiry). */
  readonly rpcCode?: number;
  readonly rpcMessage?: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly pythonName: string,
    message: string,
    options: { arguments?: unknown[]; httpStatus?: number; rpcCode?: number; rpcMessage?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'OdooException';
    this.arguments = options.arguments ?? [message];
    this.httpStatus = options.httpStatus ?? 500;
    this.rpcCode = options.rpcCode;
    this.rpcMessage = options.rpcMessage;
    this.headers = options.headers ?? {};
  }

  /** The last line of the traceback, as Python prints it (`KeyError: 'x'`, `odoo.exceptions.UserError: msg`). */
  get tracebackTail(): string {
    const shortName = this.pythonName.startsWith('builtins.') ? this.pythonName.slice('builtins.'.length) : this.pythonName;
    const rendered = this.pythonName === 'builtins.KeyError' ? pyStrRepr(String(this.arguments[0] ?? this.message)) : this.message;
    return `${shortName}: ${rendered}`;
  }
}

// odoo.exceptions: UserError and its subclasses carry an HTTP status in Odoo 19 (JSON-2).
export const userError = (message: string): OdooException => new OdooException('odoo.exceptions.UserError', message, { httpStatus: 422 });
export const validationError = (message: string): OdooException =>
  new OdooException('odoo.exceptions.ValidationError', message, { httpStatus: 422 });
export const accessError = (message: string): OdooException => new OdooException('odoo.exceptions.AccessError', message, { httpStatus: 403 });
export const accessDenied = (message = 'Access Denied'): OdooException =>
  new OdooException('odoo.exceptions.AccessDenied', message, { httpStatus: 403 });

export function missingError(model: string, ids: readonly unknown[], uid: number): OdooException {
  const message = `Record does not exist or has been deleted.\n(Record: ${pyRecordsetRepr(model, ids)}, User: ${uid})`;
  return new OdooException('odoo.exceptions.MissingError', message, { httpStatus: 404 });
}

// Python built-ins raised by the ORM for malformed calls.
export const valueError = (message: string): OdooException => new OdooException('builtins.ValueError', message);
export const typeError = (message: string): OdooException => new OdooException('builtins.TypeError', message);
export const attributeError = (message: string): OdooException => new OdooException('builtins.AttributeError', message);
export const assertionError = (message: string): OdooException => new OdooException('builtins.AssertionError', message);
export const indexError = (message: string): OdooException => new OdooException('builtins.IndexError', message);
export const keyError = (key: string): OdooException => new OdooException('builtins.KeyError', key, { arguments: [key] });

export function expectedSingleton(model: string, ids: readonly unknown[]): OdooException {
  return valueError(`Expected singleton: ${pyRecordsetRepr(model, ids)}`);
}

/** The ORM's translation of a NOT NULL violation (only the first missing column is ever named). */
export function mandatoryFieldError(modelDescription: string, model: string, fieldLabel: string, field: string): OdooException {
  return validationError(
    'The operation cannot be completed:\n' +
      '- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${modelDescription} (${model})\n` +
      `Field: ${fieldLabel} (${field})\n`,
  );
}

/** The ORM's translation of an SQL constraint violation. */
export const sqlConstraintError = (text: string): OdooException => validationError(`The operation cannot be completed: ${text}`);

export const sessionExpired = (): OdooException =>
  new OdooException('odoo.http.SessionExpiredException', 'Session expired', {
    rpcCode: 100,
    rpcMessage: 'Odoo Session Expired',
    httpStatus: 403,
  });

export function unknownDatabase(db: string): OdooException {
  const message = `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${db}" does not exist\n`;
  return new OdooException('psycopg2.OperationalError', message);
}

export const serializationFailure = (): OdooException =>
  new OdooException('psycopg2.errors.SerializationFailure', 'could not serialize access due to concurrent update\n');

// werkzeug HTTP exceptions, as JSON-2 (Odoo 19) raises them.
export const httpNotFound = (message: string): OdooException => new OdooException('werkzeug.exceptions.NotFound', message, { httpStatus: 404 });
export const httpUnprocessable = (message: string): OdooException =>
  new OdooException('werkzeug.exceptions.UnprocessableEntity', message, { httpStatus: 422 });
export const httpBadRequest = (message: string): OdooException =>
  new OdooException('werkzeug.exceptions.BadRequest', message, { httpStatus: 400 });
export const httpMethodNotAllowed = (): OdooException =>
  new OdooException('werkzeug.exceptions.MethodNotAllowed', 'The method is not allowed for the requested URL.', { httpStatus: 405 });
export const httpUnauthorized = (message: string): OdooException =>
  new OdooException('werkzeug.exceptions.Unauthorized', message, { httpStatus: 401, headers: { 'WWW-Authenticate': 'Bearer' } });

/** Anything thrown that is not an OdooException is an emulator bug: report it like Odoo reports a Python bug. */
export function asOdooException(error: unknown): OdooException {
  if (error instanceof OdooException) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooException('builtins.RuntimeError', `odoo emulator internal error: ${message}`);
}
