import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiKeyOwner } from '../auth/credentials';
import { asOdooException, httpBadRequest, httpMethodNotAllowed, httpNotFound, httpUnauthorized, type OdooException } from '../errors';
import type { OdooCore } from '../odoo-core';
import { pyJsonDumps } from '../python/python-json';
import { callModelMethod } from '../rpc/model-call';
import { htmlEscape, serializeException, werkzeugPage } from './envelopes';
import { HTML_CONTENT_TYPE, JSON_CONTENT_TYPE, mimetype, readBody, send } from './http-io';

export interface Json2Call {
  readonly model: string;
  readonly method: string;
  readonly uid?: number;
  readonly ids: readonly unknown[];
  readonly keywords: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
}

function sendError(response: ServerResponse, thrown: unknown): OdooException {
  const error = asOdooException(thrown);
  const data = serializeException(error);
  const body = { name: data.name, message: data.message, arguments: data.arguments, context: data.context, debug: data.debug };
  send(response, error.httpStatus, JSON_CONTENT_TYPE, pyJsonDumps(body, { ensureAscii: false }), { ...error.headers });
  return error;
}

/** The bearer key's owner, as `ir.http._auth_method_bearer` decides (401 otherwise). */
function bearerUid(core: OdooCore, request: IncomingMessage): number {
  const header = String(request.headers.authorization ?? '');
  const token = /^bearer\s+(.+)$/i.exec(header)?.[1];
  if (!token) throw httpUnauthorized('User not authenticated, use the "Authorization" header');
  const uid = core.faults.credentialsRevoked() ? undefined : apiKeyOwner(core.env(1, 'json2'), token.trim());
  if (uid === undefined) throw httpUnauthorized('Invalid apikey');
  return uid;
}

/**
 * Odoo 19's `POST /json/2/<model>/<method>`: bearer API key, a JSON object of named arguments
 * (`ids` and `context` apart), the plain JSON result with HTTP 200, errors as
 * `{name, message, arguments, context, debug}` with the exception's HTTP status (UserError 422,
 * AccessError/AccessDenied 403, MissingError 404, others 500).
 */
export async function serveJson2(
  core: OdooCore,
  request: IncomingMessage,
  response: ServerResponse,
  model: string,
  method: string,
  onCall: (call: Json2Call) => (outcome: string) => void,
  beforeAnswer: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (mimetype(request) !== 'application/json') {
    const description = htmlEscape("Request inferred type is compatible with ['http'] but '/json/2/<model>/<method>' is type='/json/2/rpc'.");
    send(response, 400, HTML_CONTENT_TYPE, werkzeugPage(400, description));
    return;
  }
  let finish: ((outcome: string) => void) | undefined;
  try {
    const database = request.headers['x-odoo-database'];
    if (database !== undefined && database !== core.settings.database) throw httpNotFound(`database ${String(database)} not found`);
    const uid = bearerUid(core, request);
    if (request.method !== 'POST') throw httpMethodNotAllowed();
    const text = await readBody(request);
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw httpBadRequest(`could not parse the body as json: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw httpBadRequest('could not parse the body as a json object');
    const { ids, context, ...keywords } = body as Record<string, unknown>;
    const call: Json2Call = {
      model,
      method,
      uid,
      ids: Array.isArray(ids) ? ids : [],
      keywords,
      context: typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {},
    };
    finish = onCall(call);
    const result = callModelMethod(core, { model, method, uid, transport: 'json2', ids: call.ids, keywords, context: call.context });
    await beforeAnswer();
    send(response, 200, JSON_CONTENT_TYPE, pyJsonDumps(result ?? null, { ensureAscii: false }));
    finish('ok');
  } catch (error) {
    await beforeAnswer();
    const sent = sendError(response, error);
    finish?.(sent.pythonName);
  }
}

/** `GET /web/version` (19): the replacement of common.version. */
export function webVersion(core: OdooCore): string {
  return pyJsonDumps({ version_info: core.profile.serverVersionInfo, version: core.profile.serverSerie }, { ensureAscii: false });
}
