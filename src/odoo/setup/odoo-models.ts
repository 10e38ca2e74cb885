import { z } from 'zod';
import { OdooSetupError } from './odoo-setup.errors';
import type { OdooSetupClient } from './odoo-setup-client';
import { TARGET_MODELS, type TargetModelName } from './odoo-setup.constants';

/** An Odoo model as registered in `ir.model` (custom fields and actions point at this id). */
export interface OdooModelRef {
  readonly id: number;
  readonly model: TargetModelName;
}

export interface SetupModels {
  /** Present whenever Invoicing is installed (setup refuses to run otherwise). */
  readonly accountMove: OdooModelRef;
  /** Absent when the Sales app is not installed. */
  readonly saleOrder?: OdooModelRef;
  /** The Automation Rules module (base_automation) is installed. */
  readonly hasAutomationRules: boolean;
}

const irModelRow = z.object({ id: z.number().int(), model: z.string() });

/** One read of `ir.model` for the two target models and base.automation (transcript 022). */
export async function findSetupModels(client: OdooSetupClient): Promise<SetupModels> {
  const rows = await client.searchRead('ir.model', [['model', 'in', [...TARGET_MODELS, 'base.automation']]], {
    fields: ['model'],
    schema: irModelRow,
  });
  const byName = new Map(rows.map((row) => [row.model, row.id]));
  const accountMoveId = byName.get('account.move');
  if (accountMoveId === undefined) {
    throw new OdooSetupError('module_missing', 'Setup needs the Invoicing app (module "account") in this Odoo database: install it first, then run setup again.', {
      step: 'models',
    });
  }
  const saleOrderId = byName.get('sale.order');
  return {
    accountMove: { id: accountMoveId, model: 'account.move' },
    saleOrder: saleOrderId === undefined ? undefined : { id: saleOrderId, model: 'sale.order' },
    hasAutomationRules: byName.has('base.automation'),
  };
}

/** `ir.model.fields` ids by field name on one model (for webhook payloads and trigger fields). */
export async function fieldIdsByName(client: OdooSetupClient, model: OdooModelRef, names: readonly string[]): Promise<Map<string, number>> {
  const rows = await client.searchRead('ir.model.fields', [['model_id', '=', model.id], ['name', 'in', [...names]]], {
    fields: ['name'],
    schema: z.object({ id: z.number().int(), name: z.string() }),
  });
  return new Map(rows.map((row) => [row.name, row.id]));
}
