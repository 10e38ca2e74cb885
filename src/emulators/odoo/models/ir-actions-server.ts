import { valueError } from '../errors';
import { f } from '../orm/field-builders';
import type { Env, ModelDef } from '../orm/model-types';
import { modelOf, runServerAction, webhookSamplePayload } from '../automation/server-action-runner';

const STATES: readonly (readonly [string, string])[] = [
  ['object_write', 'Update Record'],
  ['object_create', 'Create Record'],
  ['object_copy', 'Duplicate Record'],
  ['code', 'Execute Code'],
  ['webhook', 'Send Webhook Notification'],
  ['multi', 'Execute Existing Actions'],
  ['mail_post', 'Send Email'],
  ['followers', 'Add Followers'],
  ['remove_followers', 'Remove Followers'],
  ['next_activity', 'Create Activity'],
  ['sms', 'Send SMS'],
];

/** 16 has no webhook actions: the value is refused like any unknown selection value. */
function checkState(env: Env, state: unknown): void {
  if (state === 'webhook' && !env.profile.hasWebhookActions) throw valueError(`Wrong value for ir.actions.server.state: 'webhook'`);
}

export const irActionsServer: ModelDef = {
  name: 'ir.actions.server',
  description: 'Server Action',
  order: 'sequence,name',
  access: { readGroups: ['Administration/Settings'] },
  fields: {
    name: f.char('Action Name', { required: true, translate: true }),
    type: f.char('Action Type', { default: f.constant('ir.actions.server') }),
    usage: f.selection('Usage', [['ir_actions_server', 'Server Action'], ['ir_cron', 'Scheduled Action'], ['base_automation', 'Automation Rule']], {
      default: f.constant('ir_actions_server'),
    }),
    state: f.selection('Type', STATES, { required: true, default: f.constant('object_write') }),
    sequence: f.integer('Sequence', { default: f.constant(5) }),
    model_id: f.many2one('ir.model', 'Model', { required: true }),
    model_name: f.computed(f.char('Model Name'), (env, record) => modelOf(env, record) ?? false),
    binding_model_id: f.many2one('ir.model', 'Binding Model'),
    binding_type: f.selection('Binding Type', [['action', 'Action'], ['report', 'Report']], { default: f.constant('action') }),
    binding_view_types: f.char('Binding View Types', { default: (env) => (env.major >= 18 ? 'list,form' : 'tree,form') }),
    code: f.text('Python Code'),
    child_ids: f.many2many('ir.actions.server', 'Child Actions'),
    groups_id: f.many2many('res.groups', 'Allowed Groups'),
    help: f.html('Action Description'),
    webhook_url: f.char('Webhook URL', { versions: { min: 17 } }),
    webhook_field_ids: f.many2many('ir.model.fields', 'Webhook Fields', { versions: { min: 17 } }),
    webhook_sample_payload: { ...f.computed(f.text('Sample Payload'), (env, record) => webhookSamplePayload(env, record)), versions: { min: 17 } },
    base_automation_id: f.many2one('base.automation', 'Automation Rule', { versions: { min: 17 } }),
  },
  hooks: {
    prepareCreate: (env, vals) => checkState(env, vals.state),
    beforeWrite: (env, _ids, vals) => checkState(env, vals.state),
  },
  methods: {
    run: {
      binding: 'record',
      params: [],
      qualname: 'IrActionsServer.run',
      run: ({ env, ids }) => {
        let result: unknown = false;
        for (const id of ids) {
          const action = typeof id === 'number' ? env.store.get('ir.actions.server', id) : undefined;
          if (action) result = runServerAction(env, action) || result;
        }
        return result;
      },
    },
  },
};
