import type { IncomingMessage, ServerResponse } from 'node:http';
import { runServerAction } from '../automation/server-action-runner';
import type { OdooCore } from '../odoo-core';
import { pyJsonDumps } from '../python/python-json';
import { JSON_CONTENT_TYPE, readBody, send } from './http-io';

/**
 * `/web/hook/<uuid>` (17+): an automation with the "On webhook" trigger runs its actions on the
 * record named by the payload (`_model`, `_id`, the default record getter). Answers
 * `{"status": "ok"}`, 404 for an unknown uuid, 500 when the actions fail.
 */
export async function serveIncomingWebhook(core: OdooCore, request: IncomingMessage, response: ServerResponse, uuid: string): Promise<void> {
  const reply = (status: number, value: string): void => send(response, status, JSON_CONTENT_TYPE, pyJsonDumps({ status: value }));
  const automation = core.store.all('base.automation').find((row) => row.webhook_uuid === uuid && row.trigger === 'on_webhook' && row.active !== false);
  if (!automation || !core.profile.hasWebhookActions) return reply(404, 'error');
  let payload: Record<string, unknown> = {};
  try {
    const text = await readBody(request);
    if (text.trim()) payload = JSON.parse(text) as Record<string, unknown>;
    else payload = Object.fromEntries(new URL(request.url ?? '/', 'http://localhost').searchParams.entries());
    const model = String(payload._model ?? '');
    const id = Number(payload._id);
    core.transaction(() => {
      const env = core.env(1, 'internal', { active_model: model, active_ids: [id], active_id: id, payload });
      for (const actionId of (automation.action_server_ids as number[] | undefined) ?? []) {
        const action = core.store.get('ir.actions.server', actionId);
        if (action && core.store.has(model, id)) runServerAction(env, action, [id]);
      }
    });
    reply(200, 'ok');
  } catch {
    reply(500, 'error');
  }
}
