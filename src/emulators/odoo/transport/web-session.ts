import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { authenticateInteractive } from '../auth/credentials';
import { sessionExpired, unknownDatabase } from '../errors';
import type { OdooCore } from '../odoo-core';
import { callModelMethod } from '../rpc/model-call';
import { cookie } from './http-io';
import { requireParams, type JsonRouteContext } from './json-route';
import { sessionInfo } from './session-info';

const SESSION_LIFETIME_S = 604800;

/** Browser sessions (`session_id` cookie) for /web/session/* and /web/dataset/*. */
export class SessionStore {
  private readonly sessions = new Map<string, number>();

  open(uid: number): string {
    const sid = randomBytes(20).toString('hex');
    this.sessions.set(sid, uid);
    return sid;
  }

  uidOf(request: IncomingMessage): number | undefined {
    const sid = cookie(request, 'session_id');
    return sid ? this.sessions.get(sid) : undefined;
  }

  close(request: IncomingMessage): void {
    const sid = cookie(request, 'session_id');
    if (sid) this.sessions.delete(sid);
  }
}

/** As recorded: `Expires` one year ahead but `Max-Age` one week (Odoo's SESSION_LIFETIME). */
function setCookie(core: OdooCore, sid: string): string {
  const now = core.clock.now();
  const expires = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds())).toUTCString();
  return `session_id=${sid}; Expires=${expires}; Max-Age=${SESSION_LIFETIME_S}; HttpOnly; Path=/`;
}

/** /web/session/authenticate: interactive login, password only (API keys are refused, recorded). */
export function webSessionAuthenticate(core: OdooCore, sessions: SessionStore, context: JsonRouteContext): unknown {
  requireParams('Session.authenticate', context.params, ['db', 'login', 'password']);
  const { db, login, password } = context.params;
  if (db !== core.settings.database) throw unknownDatabase(String(db));
  const uid = authenticateInteractive(core.env(1, 'web'), login, password);
  context.responseHeaders['Set-Cookie'] = setCookie(core, sessions.open(uid));
  return sessionInfo(core, uid);
}

export function webSessionDestroy(sessions: SessionStore, context: JsonRouteContext): unknown {
  sessions.close(context.request);
  return null;
}

/**
 * /web/dataset/call_kw and /web/dataset/call_button: the web client's model calls, auth="user"
 * (cookie only: an Authorization header is ignored, recorded). call_button only passes dicts back.
 */
export function webCallKw(core: OdooCore, sessions: SessionStore, context: JsonRouteContext, button: boolean): unknown {
  const uid = sessions.uidOf(context.request);
  if (uid === undefined) throw sessionExpired();
  requireParams(button ? 'DataSet.call_button' : 'DataSet.call_kw', context.params, ['model', 'method', 'args', 'kwargs']);
  const { model, method, args, kwargs } = context.params;
  const { context: callContext, ...keywords } = (kwargs ?? {}) as Record<string, unknown>;
  const result = callModelMethod(core, {
    model: String(model),
    method: String(method),
    uid,
    transport: 'web',
    positional: Array.isArray(args) ? args : [],
    keywords,
    context: typeof callContext === 'object' && callContext !== null ? (callContext as Record<string, unknown>) : {},
  });
  if (button) return typeof result === 'object' && result !== null && !Array.isArray(result) ? result : false;
  return result;
}
