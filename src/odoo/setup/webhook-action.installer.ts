import { z } from 'zod';
import { OdooSetupError } from './odoo-setup.errors';
import type { OdooSetupClient } from './odoo-setup-client';
import { fieldIdsByName, type OdooModelRef } from './odoo-models';
import type { SetupItem } from './odoo-setup.report';
import { WEBHOOK_ACTION_NAME, type TargetModelName } from './odoo-setup.constants';
import { redactedWebhookUrl } from './connector-webhook-url';
import { sameIdSet } from './id-sets';

/**
 * Fields Odoo puts in the webhook body: enough for the connector to know what changed without
 * trusting it (it re-reads the record over RPC). `id` may not be reflected as a field; Odoo adds
 * `id` and `_id` to the body anyway (transcript 048).
 */
const PAYLOAD_FIELDS: Readonly<Record<TargetModelName, readonly string[]>> = {
  'account.move': ['id', 'name', 'x_tamara_pay', 'state', 'move_type'],
  'sale.order': ['id', 'name', 'x_tamara_pay', 'state'],
};
const OPTIONAL_PAYLOAD_FIELDS = new Set(['id']);

export interface WebhookActionSetup {
  readonly item: SetupItem;
  readonly actionId: number;
}

const webhookActionRow = z.object({
  id: z.number().int(),
  state: z.string(),
  webhook_url: z.union([z.string(), z.literal(false)]),
  webhook_field_ids: z.array(z.number().int()),
});

/**
 * The "Send Webhook Notification" server action (17+, transcript 038) that automation rules run.
 * A changed PUBLIC_URL or token is written onto the existing action.
 */
export async function installWebhookAction(client: OdooSetupClient, model: OdooModelRef, webhookUrl: string): Promise<WebhookActionSetup> {
  const subject = `webhook action "${WEBHOOK_ACTION_NAME}"`;
  const wanted = PAYLOAD_FIELDS[model.model];
  const idsByName = await fieldIdsByName(client, model, wanted);
  const missing = wanted.filter((name) => !idsByName.has(name) && !OPTIONAL_PAYLOAD_FIELDS.has(name));
  if (missing.length > 0) {
    throw new OdooSetupError('module_missing', `Odoo does not list the field(s) ${missing.join(', ')} of ${model.model}, which the webhook sends.`, { step: 'webhook' });
  }
  const fieldIds = wanted.map((name) => idsByName.get(name)).filter((id): id is number => id !== undefined);
  const [existing] = await client.searchRead('ir.actions.server', [['model_id', '=', model.id], ['name', '=', WEBHOOK_ACTION_NAME]], {
    fields: ['state', 'webhook_url', 'webhook_field_ids'],
    order: 'id',
    limit: 1,
    schema: webhookActionRow,
  });
  if (!existing) {
    const id = await client.create('ir.actions.server', {
      name: WEBHOOK_ACTION_NAME,
      model_id: model.id,
      state: 'webhook',
      webhook_url: webhookUrl,
      webhook_field_ids: [[6, 0, fieldIds]],
    });
    return { actionId: id, item: { kind: 'webhook_action', subject, model: model.model, outcome: 'created', recordId: id, note: `posts to ${redactedWebhookUrl(webhookUrl)}` } };
  }
  const changes: Record<string, unknown> = {};
  const changed: string[] = [];
  if (existing.state !== 'webhook') {
    changes.state = 'webhook';
    changed.push('type');
  }
  if (existing.webhook_url !== webhookUrl) {
    changes.webhook_url = webhookUrl;
    changed.push(`URL (now ${redactedWebhookUrl(webhookUrl)})`);
  }
  if (!sameIdSet(existing.webhook_field_ids, fieldIds)) {
    changes.webhook_field_ids = [[6, 0, fieldIds]];
    changed.push('payload fields');
  }
  if (changed.length === 0) {
    return { actionId: existing.id, item: { kind: 'webhook_action', subject, model: model.model, outcome: 'already_present', recordId: existing.id } };
  }
  await client.write('ir.actions.server', [existing.id], changes);
  return {
    actionId: existing.id,
    item: { kind: 'webhook_action', subject, model: model.model, outcome: 'updated', recordId: existing.id, note: `set ${changed.join(', ')}` },
  };
}
