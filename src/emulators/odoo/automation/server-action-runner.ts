import { userError } from '../errors';
import { read } from '../orm/crud';
import type { Env, StoredRecord } from '../orm/model-types';
import { pyJsonDumps } from '../python/python-json';
import { runServerActionCode } from './server-action-code';

/** Sample values Odoo puts in `webhook_sample_payload` when the model has no record yet. */
const SAMPLE_VALUES: Readonly<Record<string, unknown>> = {
  integer: 42,
  float: 42.42,
  monetary: 42.42,
  char: 'Hello World',
  text: 'Hello World',
  html: '<p>Hello World</p>',
  boolean: true,
  selection: 'option1',
  date: '2020-01-01',
  datetime: '2020-01-01 00:00:00',
  many2one: 47,
  many2many: [42, 47],
  one2many: [42, 47],
};

function payloadFieldNames(env: Env, action: StoredRecord, model: string): string[] {
  const ids = (action.webhook_field_ids as number[] | undefined) ?? [];
  return ids
    .map((id) => env.store.get('ir.model.fields', id))
    .filter((row): row is StoredRecord => Boolean(row))
    .map((row) => String(row.name))
    .filter((name) => Boolean(env.registry.field(model, name)));
}

/**
 * The webhook body: `{"_action": "<name>(#<id>)", "_id": id, "_model": model, **record.read(fields, load=None)}`
 * serialised with `json.dumps(sort_keys=True)` — raw ids for many2one, Python float text.
 */
export function webhookBody(env: Env, action: StoredRecord, model: string, recordId: number): string {
  const names = payloadFieldNames(env, action, model);
  const values = names.length > 0 ? (read(env, model, [recordId], names, false)[0] ?? {}) : {};
  return pyJsonDumps({ _action: `${String(action.name)}(#${action.id})`, _id: recordId, _model: model, ...values }, { sortKeys: true, ensureAscii: true });
}

/** `webhook_sample_payload`: the body the first record of the model would produce, pretty-printed. */
export function webhookSamplePayload(env: Env, action: StoredRecord): string | false {
  if (action.state !== 'webhook') return false;
  const model = modelOf(env, action);
  if (!model || !env.registry.has(model)) return false;
  const sample = env.store.all(model)[0];
  const names = payloadFieldNames(env, action, model);
  let values: Record<string, unknown>;
  if (sample) {
    values = names.length > 0 ? (read(env, model, [sample.id], names, false)[0] ?? {}) : {};
  } else {
    values = { id: 1 };
    for (const name of names) values[name] = SAMPLE_VALUES[env.registry.field(model, name)?.type ?? ''] ?? 'some_data';
  }
  const payload = { _action: `${String(action.name)}(#${action.id})`, _id: sample?.id ?? 1, _model: model, ...values };
  return pyJsonDumps(payload, { sortKeys: true, ensureAscii: true, indent: 4 });
}

export function modelOf(env: Env, action: StoredRecord): string | undefined {
  const modelRow = typeof action.model_id === 'number' ? env.store.get('ir.model', action.model_id) : undefined;
  return typeof modelRow?.model === 'string' ? modelRow.model : undefined;
}

/**
 * ir.actions.server.run(): the records come from the context (`active_model`, `active_ids` or
 * `active_id`); code actions run once on all of them, webhook actions POST once per record.
 */
export function runServerAction(env: Env, action: StoredRecord, recordIds?: readonly number[]): unknown {
  const model = modelOf(env, action);
  const contextIds = Array.isArray(env.context.active_ids)
    ? (env.context.active_ids as unknown[])
    : typeof env.context.active_id === 'number'
      ? [env.context.active_id]
      : [];
  const sameModel = env.context.active_model === undefined || env.context.active_model === model;
  const ids = (recordIds ?? (sameModel ? contextIds : []))
    .filter((id): id is number => typeof id === 'number')
    .filter((id) => (model ? env.store.has(model, id) : false));
  switch (action.state) {
    case 'code':
      if (model) runServerActionCode(env, model, ids, String(action.code || ''));
      return false;
    case 'webhook': {
      const url = typeof action.webhook_url === 'string' ? action.webhook_url : '';
      if (!url) throw userError("I'll be happy to send a webhook for you, but you really need to give me a URL to reach out to...");
      if (model) for (const id of ids) env.services.webhooks.post(url, webhookBody(env, action, model, id));
      return false;
    }
    case 'multi': {
      let result: unknown = false;
      for (const childId of (action.child_ids as number[] | undefined) ?? []) {
        const child = env.store.get('ir.actions.server', childId);
        if (child) result = runServerAction(env, child, ids) || result;
      }
      return result;
    }
    default:
      // object_write/object_create/mail_post/... are not needed by the connector and do nothing here.
      return false;
  }
}
