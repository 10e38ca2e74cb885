import type { IncomingMessage, ServerResponse } from 'node:http';
import { OdooException, typeError, valueError } from '../errors';
import { errorEnvelope, successEnvelope, werkzeugPage, htmlEscape } from './envelopes';
import { HTML_CONTENT_TYPE, JSON_CONTENT_TYPE, mimetype, readBody, send } from './http-io';

export interface JsonRouteContext {
  readonly params: Record<string, unknown>;
  readonly id: unknown;
  readonly request: IncomingMessage;
  /** Extra headers for the answer (Set-Cookie of /web/session/authenticate). */
  readonly responseHeaders: Record<string, string>;
}

/**
 * Python's `dict(params)`: a JSON-RPC `params` array is turned into a dict pair by pair, which is
 * how `["common", "version", []]` ends in "dictionary update sequence element #0 has length 6; 2 is
 * required" (recorded).
 */
function pythonDict(params: unknown): Record<string, unknown> {
  if (params === undefined || params === null) return {};
  if (typeof params === 'object' && !Array.isArray(params)) return params as Record<string, unknown>;
  if (!Array.isArray(params)) throw typeError(`'${typeof params === 'number' ? (Number.isInteger(params) ? 'int' : 'float') : typeof params}' object is not iterable`);
  const result: Record<string, unknown> = {};
  params.forEach((element, index) => {
    const length = typeof element === 'string' || Array.isArray(element) ? element.length : undefined;
    if (length === undefined) throw typeError(`cannot convert dictionary update sequence element #${index} to a sequence`);
    if (length !== 2) throw valueError(`dictionary update sequence element #${index} has length ${length}; 2 is required`);
    result[String(element[0])] = element[1];
  });
  return result;
}

/**
 * Odoo's JSON-RPC dispatcher for `type='json'` routes (named `jsonrpc` from 19): only POST with a
 * JSON content type (else a 400 HTML page), the body must parse (else 400 "Invalid JSON data"),
 * application errors answer HTTP 200 with the error envelope.
 */
export async function serveJsonRoute(
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
  routeType: string,
  errorCode: number,
  handler: (context: JsonRouteContext) => unknown,
  beforeAnswer: () => Promise<void> = async () => undefined,
): Promise<void> {
  const type = mimetype(request);
  if (request.method !== 'POST' || (type !== 'application/json' && type !== 'application/json-rpc')) {
    const description = htmlEscape(`Request inferred type is compatible with ['http'] but '${route}' is type='${routeType}'.`);
    send(response, 400, HTML_CONTENT_TYPE, werkzeugPage(400, description));
    return;
  }
  const text = await readBody(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    send(response, 400, HTML_CONTENT_TYPE, 'Invalid JSON data');
    return;
  }
  const id = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).id : null;
  const responseHeaders: Record<string, string> = {};
  let payload: string;
  try {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new OdooException('builtins.AttributeError', `'${Array.isArray(body) ? 'list' : typeof body}' object has no attribute 'get'`);
    }
    const params = pythonDict((body as Record<string, unknown>).params);
    const result = await handler({ params, id, request, responseHeaders });
    payload = successEnvelope(id, result);
  } catch (error) {
    payload = errorEnvelope(id, error, errorCode);
  }
  await beforeAnswer();
  send(response, 200, JSON_CONTENT_TYPE, payload, responseHeaders);
}

/** Binds a route's JSON params to its Python signature: unknown ones are dropped, missing ones are a TypeError. */
export function requireParams(qualname: string, params: Record<string, unknown>, names: readonly string[], optional: readonly string[] = []): void {
  const missing = names.filter((name) => !optional.includes(name) && !(name in params));
  if (missing.length === 0) return;
  const quoted = missing.map((name) => `'${name}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  throw typeError(`${qualname}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
}
