import { asOdooException, type OdooException } from '../errors';
import { pyJsonDumps } from '../python/python-json';

/** `serialize_exception`: the `error.data` of a JSON-RPC error, also JSON-2's error body. */
export function serializeException(error: OdooException): Record<string, unknown> {
  return {
    name: error.pythonName,
    debug: `Traceback (most recent call last):\n  File "<odoo-emulator>", line 1, in <module>\n${error.tracebackTail}\n`,
    message: error.message,
    arguments: error.arguments,
    context: {},
  };
}

/** `{"jsonrpc": "2.0", "id": …, "result": …}`; a None result has no `result` key at all (recorded). */
export function successEnvelope(id: unknown, result: unknown): string {
  const envelope: Record<string, unknown> = { jsonrpc: '2.0', id: id ?? null };
  if (result !== null && result !== undefined) envelope.result = result;
  return pyJsonDumps(envelope, { ensureAscii: false });
}

/**
 * The JSON-RPC error envelope (HTTP 200): code 200 ("Odoo Server Error") up to 18, 0 in 19, 100
 * for session expiry — whose answer carries `"id": null` rather than the request id (recorded).
 */
export function errorEnvelope(id: unknown, thrown: unknown, defaultCode: number): string {
  const error = asOdooException(thrown);
  const sessionExpired = error.rpcCode === 100;
  const envelope = {
    jsonrpc: '2.0',
    id: sessionExpired ? null : (id ?? null),
    error: {
      code: error.rpcCode ?? defaultCode,
      message: error.rpcMessage ?? 'Odoo Server Error',
      data: serializeException(error),
    },
  };
  return pyJsonDumps(envelope, { ensureAscii: false });
}

/** Werkzeug's HTML error page (400 for a request the JSON dispatcher cannot take, 404 for unknown URLs). */
export function werkzeugPage(status: 400 | 404 | 405, description: string): string {
  const title = status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : 'Method Not Allowed';
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`;
}

export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}
