import { randomUUID } from 'node:crypto';
import { f } from '../orm/field-builders';
import type { Env, ModelDef } from '../orm/model-types';
import { modelOf } from '../automation/server-action-runner';

export const AUTOMATION_TRIGGERS: readonly (readonly [string, string])[] = [
  ['on_stage_set', 'Stage is set to'],
  ['on_user_set', 'User is set'],
  ['on_tag_set', 'Tag is added'],
  ['on_state_set', 'State is set to'],
  ['on_priority_set', 'Priority is set to'],
  ['on_archive', 'On archived'],
  ['on_unarchive', 'On unarchived'],
  ['on_create_or_write', 'On save'],
  ['on_create', 'On creation'],
  ['on_write', 'On update'],
  ['on_unlink', 'On deletion'],
  ['on_change', 'On UI change'],
  ['on_time', 'Based on date field'],
  ['on_time_created', 'After creation'],
  ['on_time_updated', 'After last update'],
  ['on_message_received', 'On incoming message'],
  ['on_message_sent', 'On outgoing message'],
  ['on_webhook', 'On webhook'],
];

/** Server actions run by an automation point back to it (`base_automation_id`), as in 17+. */
function linkActions(env: Env, ids: readonly number[]): void {
  if (!env.profile.automationHasActionList) return;
  for (const id of ids) {
    const automation = env.store.get('base.automation', id);
    for (const actionId of (automation?.action_server_ids as number[] | undefined) ?? []) {
      if (env.store.has('ir.actions.server', actionId)) env.store.update('ir.actions.server', actionId, { base_automation_id: id });
    }
  }
}

/**
 * base.automation. The column order makes the NOT NULL errors come out as recorded: model_id
 * first, then trigger, then name. In 16 a rule runs one action (`action_server_id`), from 17 a list.
 */
export const baseAutomation: ModelDef = {
  name: 'base.automation',
  description: 'Automation Rule',
  order: 'sequence, id',
  access: { readGroups: ['Administration/Settings'] },
  fields: {
    model_id: f.many2one('ir.model', 'Model', { required: true }),
    trigger: f.selection('Trigger', AUTOMATION_TRIGGERS, { required: true }),
    name: f.char('Automation Rule Name', { required: true, translate: true }),
    model_name: f.computed(f.char('Model Name'), (env, record) => modelOf(env, record) ?? false),
    description: f.html('Description'),
    sequence: f.integer('Sequence'),
    active: f.boolean('Active', { default: f.constant(true) }),
    action_server_ids: f.many2many('ir.actions.server', 'Actions', { versions: { min: 17 } }),
    action_server_id: f.many2one('ir.actions.server', 'Server Actions', { versions: { max: 16 } }),
    trigger_field_ids: f.many2many('ir.model.fields', 'Trigger Fields'),
    filter_pre_domain: f.char('Before Update Domain'),
    filter_domain: f.char('Apply on'),
    last_run: f.datetime('Last Run', { readonly: true }),
    url: f.computed(f.char('Webhook URL'), (env, record) =>
      record.trigger === 'on_webhook' ? `${env.services.settings.baseUrl()}/web/hook/${String(record.webhook_uuid)}` : '',
    ),
    webhook_uuid: f.char('Webhook UUID', { default: () => randomUUID(), versions: { min: 17 } }),
    record_getter: f.char('Record Getter', {
      default: f.constant("model.env[payload.get('_model')].browse(int(payload.get('_id')))"),
      versions: { min: 17 },
    }),
    log_webhook_calls: f.boolean('Log Calls', { versions: { min: 17 } }),
  },
  hooks: {
    afterCreate: (env, ids) => linkActions(env, ids),
    afterWrite: (env, ids) => linkActions(env, ids),
  },
};
