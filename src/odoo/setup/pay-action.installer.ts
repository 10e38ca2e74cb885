import { z } from 'zod';
import { m2oId } from '../client';
import type { OdooSetupClient } from './odoo-setup-client';
import type { OdooModelRef } from './odoo-models';
import type { SetupItem } from './odoo-setup.report';
import { PAY_ACTION_CODE, PAY_ACTION_NAME } from './odoo-setup.constants';

const actionRow = z.object({
  id: z.number().int(),
  state: z.string(),
  code: z.union([z.string(), z.literal(false)]),
  binding_model_id: z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]),
});

/**
 * The "Pay with Tamara" entry of the Action menu: a Python-code server action bound to the model
 * (transcript 034). `binding_view_types` is left to Odoo's default because the list view type is
 * called "tree" in 16/17 and "list" in 18+. An action with our name that drifted (unbound,
 * other code) is put back.
 */
export async function installPayAction(client: OdooSetupClient, model: OdooModelRef): Promise<SetupItem> {
  const subject = `server action "${PAY_ACTION_NAME}"`;
  const [existing] = await client.searchRead('ir.actions.server', [['model_id', '=', model.id], ['name', '=', PAY_ACTION_NAME]], {
    fields: ['state', 'code', 'binding_model_id'],
    order: 'id',
    limit: 1,
    schema: actionRow,
  });
  if (!existing) {
    const id = await client.create('ir.actions.server', {
      name: PAY_ACTION_NAME,
      model_id: model.id,
      binding_model_id: model.id,
      state: 'code',
      code: PAY_ACTION_CODE,
    });
    return { kind: 'server_action', subject, model: model.model, outcome: 'created', recordId: id };
  }
  const changes: Record<string, unknown> = {};
  if (existing.state !== 'code') changes.state = 'code';
  if (existing.code !== PAY_ACTION_CODE) changes.code = PAY_ACTION_CODE;
  if (m2oId(existing.binding_model_id) !== model.id) changes.binding_model_id = model.id;
  if (Object.keys(changes).length === 0) {
    return { kind: 'server_action', subject, model: model.model, outcome: 'already_present', recordId: existing.id };
  }
  await client.write('ir.actions.server', [existing.id], changes);
  return { kind: 'server_action', subject, model: model.model, outcome: 'updated', recordId: existing.id, note: `set ${Object.keys(changes).join(', ')}` };
}
