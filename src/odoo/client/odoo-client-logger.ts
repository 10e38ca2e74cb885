/**
 * What the client logs through. Structured details only; the client never passes request
 * arguments (they hold customer data) or the API key, and scrubs Odoo's tracebacks.
 * A Nest `Logger` fits (`debug(message, ...optionalParams)`); a pino logger needs a small adapter.
 */
export interface OdooClientLogger {
  debug(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export const SILENT_ODOO_LOGGER: OdooClientLogger = {
  debug: () => undefined,
  warn: () => undefined,
};
