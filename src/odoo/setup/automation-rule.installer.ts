import { z } from 'zod';
import { OdooSetupError } from './odoo-setup.errors';
import type { OdooSetupClient } from './odoo-setup-client';
import { fieldIdsByName, type OdooModelRef } from './odoo-models';
import type { SetupItem } from './odoo-setup.report';
import { AUTOMATION_RULE_NAME, type TargetModelName } from './odoo-setup.constants';
import { sameIdSet } from './id-sets';

interface RuleSpec {
  /** A change of one of these fields (and nothing else) wakes the rule. */
  readonly triggerFields: readonly string[];
  /** Python-literal domain the record must match after the change. */
  readonly filterDomain: string;
}

/**
 * account.move: "Pay with Tamara" is ticked, or a document that already has a Tamara order
 * changes (unticked = cancel the link, cancelled, posted), or a customer credit note is posted —
 * the connector then checks whether it refunds a Tamara invoice. sale.order: the same without
 * credit notes. Vendor bills and other entries never call the connector.
 */
const RULES: Readonly<Record<TargetModelName, RuleSpec>> = {
  'account.move': {
    triggerFields: ['x_tamara_pay', 'state'],
    filterDomain:
      "['|', '|', ('x_tamara_pay', '=', True), ('x_tamara_order_id', '!=', False), '&', ('move_type', '=', 'out_refund'), ('state', '=', 'posted')]",
  },
  'sale.order': {
    triggerFields: ['x_tamara_pay', 'state'],
    filterDomain: "['|', ('x_tamara_pay', '=', True), ('x_tamara_order_id', '!=', False)]",
  },
};

const ruleRow = z.object({
  id: z.number().int(),
  active: z.boolean(),
  trigger: z.string(),
  filter_domain: z.union([z.string(), z.literal(false)]),
  trigger_field_ids: z.array(z.number().int()),
  action_server_ids: z.array(z.number().int()),
});

/**
 * The `base.automation` rule (17+: `action_server_ids`, transcript 042) that runs the webhook
 * action on save. Found again by model and name, archived ones included: a rule the merchant
 * archived stays archived (polling still covers it).
 */
export async function installAutomationRule(client: OdooSetupClient, model: OdooModelRef, webhookActionId: number): Promise<SetupItem> {
  const subject = `automation rule "${AUTOMATION_RULE_NAME}"`;
  const spec = RULES[model.model];
  const idsByName = await fieldIdsByName(client, model, spec.triggerFields);
  const missing = spec.triggerFields.filter((name) => !idsByName.has(name));
  if (missing.length > 0) {
    throw new OdooSetupError('module_missing', `Odoo does not list the field(s) ${missing.join(', ')} of ${model.model}, which the automation rule watches.`, {
      step: 'webhook',
    });
  }
  const triggerFieldIds = spec.triggerFields.map((name) => idsByName.get(name) as number);
  const [existing] = await client.searchRead('base.automation', [['model_id', '=', model.id], ['name', '=', AUTOMATION_RULE_NAME], ['active', 'in', [true, false]]], {
    fields: ['active', 'trigger', 'filter_domain', 'trigger_field_ids', 'action_server_ids'],
    order: 'id',
    limit: 1,
    schema: ruleRow,
  });
  if (!existing) {
    const id = await client.create('base.automation', {
      name: AUTOMATION_RULE_NAME,
      model_id: model.id,
      trigger: 'on_create_or_write',
      trigger_field_ids: [[6, 0, triggerFieldIds]],
      filter_domain: spec.filterDomain,
      action_server_ids: [[6, 0, [webhookActionId]]],
    });
    return { kind: 'automation_rule', subject, model: model.model, outcome: 'created', recordId: id };
  }
  const changes: Record<string, unknown> = {};
  if (existing.trigger !== 'on_create_or_write') changes.trigger = 'on_create_or_write';
  if (!sameIdSet(existing.trigger_field_ids, triggerFieldIds)) changes.trigger_field_ids = [[6, 0, triggerFieldIds]];
  if (existing.filter_domain !== spec.filterDomain) changes.filter_domain = spec.filterDomain;
  // Link (4) rather than replace: other actions the merchant added to the rule keep running.
  if (!existing.action_server_ids.includes(webhookActionId)) changes.action_server_ids = [[4, webhookActionId]];
  const archivedNote = existing.active ? undefined : 'archived in Odoo, left archived';
  if (Object.keys(changes).length === 0) {
    return { kind: 'automation_rule', subject, model: model.model, outcome: 'already_present', recordId: existing.id, note: archivedNote };
  }
  await client.write('base.automation', [existing.id], changes);
  return {
    kind: 'automation_rule',
    subject,
    model: model.model,
    outcome: 'updated',
    recordId: existing.id,
    note: [`set ${Object.keys(changes).join(', ')}`, archivedNote].filter(Boolean).join('; '),
  };
}
