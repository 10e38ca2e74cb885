import { z } from 'zod';
import { m2oId } from '../client';
import { OdooSetupError } from './odoo-setup.errors';
import type { OdooSetupClient } from './odoo-setup-client';
import type { OdooModelRef } from './odoo-models';
import type { SetupItem } from './odoo-setup.report';
import { FORM_VIEW_NAMES, MAIN_FORM_VIEW_XML_IDS } from './odoo-setup.constants';
import { sameArch, tamaraFormViewArch } from './form-view-arch';

const idRow = z.object({ id: z.number().int() });
const xmlIdRow = z.object({ id: z.number().int(), res_id: z.number().int() });
const extensionRow = z.object({
  id: z.number().int(),
  inherit_id: z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]),
  arch_db: z.union([z.string(), z.literal(false)]),
  active: z.boolean(),
});

/**
 * The model's main form view: by its module xml id (`account.view_move_form`,
 * `sale.view_order_form`), else the lowest-priority primary form that inherits nothing — the one
 * Odoo itself opens by default.
 */
export async function findMainFormView(client: OdooSetupClient, model: OdooModelRef): Promise<number> {
  const xmlId = MAIN_FORM_VIEW_XML_IDS[model.model];
  const [reference] = await client.searchRead(
    'ir.model.data',
    [['module', '=', xmlId.module], ['name', '=', xmlId.name], ['model', '=', 'ir.ui.view']],
    { fields: ['res_id'], limit: 1, schema: xmlIdRow },
  );
  if (reference) {
    // An xml id can outlive its record; only trust it if the view is still there.
    const [view] = await client.searchRead('ir.ui.view', [['id', '=', reference.res_id], ['model', '=', model.model]], { fields: ['id'], schema: idRow });
    if (view) return view.id;
  }
  const [primary] = await client.searchRead(
    'ir.ui.view',
    [['model', '=', model.model], ['type', '=', 'form'], ['mode', '=', 'primary'], ['inherit_id', '=', false]],
    { fields: ['id'], order: 'priority, id', limit: 1, schema: idRow },
  );
  if (!primary) {
    throw new OdooSetupError('module_missing', `No form view of ${model.model} was found in Odoo, so the Tamara fields cannot be added to it.`, { step: 'form_view' });
  }
  return primary.id;
}

/**
 * One extension view per model, found again by its name (archived ones included, so that a view
 * the merchant switched off is not duplicated; it is left switched off).
 */
export async function installFormView(client: OdooSetupClient, model: OdooModelRef, odooMajor: number): Promise<SetupItem> {
  const name = FORM_VIEW_NAMES[model.model];
  const subject = `form view "${name}"`;
  const parentId = await findMainFormView(client, model);
  const arch = tamaraFormViewArch(model.model, odooMajor);
  const [existing] = await client.searchRead('ir.ui.view', [['name', '=', name], ['model', '=', model.model], ['active', 'in', [true, false]]], {
    fields: ['inherit_id', 'arch_db', 'active'],
    order: 'id',
    limit: 1,
    schema: extensionRow,
  });
  if (!existing) {
    const id = await client.create('ir.ui.view', { name, model: model.model, type: 'form', mode: 'extension', inherit_id: parentId, arch });
    return { kind: 'form_view', subject, model: model.model, outcome: 'created', recordId: id };
  }
  const changes: Record<string, unknown> = {};
  if (m2oId(existing.inherit_id) !== parentId) changes.inherit_id = parentId;
  if (typeof existing.arch_db !== 'string' || !sameArch(existing.arch_db, arch)) changes.arch = arch;
  const archivedNote = existing.active ? undefined : 'archived in Odoo, left archived';
  if (Object.keys(changes).length === 0) {
    return { kind: 'form_view', subject, model: model.model, outcome: 'already_present', recordId: existing.id, note: archivedNote };
  }
  await client.write('ir.ui.view', [existing.id], changes);
  const what = Object.keys(changes).map((key) => (key === 'arch' ? 'layout' : 'parent view'));
  return {
    kind: 'form_view',
    subject,
    model: model.model,
    outcome: 'updated',
    recordId: existing.id,
    note: [`set ${what.join(' and ')}`, archivedNote].filter(Boolean).join('; '),
  };
}
