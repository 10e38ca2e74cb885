import { z } from 'zod';
import { OdooSetupError } from './odoo-setup.errors';
import type { OdooSetupClient } from './odoo-setup-client';
import type { OdooModelRef } from './odoo-models';
import type { SetupItem } from './odoo-setup.report';
import { TAMARA_FIELDS, TAMARA_FIELD_NAMES, type TamaraFieldSpec } from './tamara-fields.constant';

/** Which optional ir.model.fields columns this Odoo has (`tracking` comes from the mail module). */
export interface FieldAttributeSupport {
  readonly readonly: boolean;
  readonly tracking: boolean;
}

export async function readFieldAttributeSupport(client: OdooSetupClient): Promise<FieldAttributeSupport> {
  // fields_get silently leaves out names the model does not have.
  const described = await client.fieldsGet('ir.model.fields', { fields: ['readonly', 'tracking'], attributes: ['type'] });
  return { readonly: 'readonly' in described, tracking: 'tracking' in described };
}

const existingFieldRow = z.object({ id: z.number().int(), name: z.string(), ttype: z.string() });

/**
 * Creates the x_tamara_* fields missing on `model`, all in one `create` call: every field
 * creation reloads Odoo's registry and alters the table, so one batch is much cheaper than eight
 * calls (transcripts 025/026). Existing fields are left as they are (a merchant may have
 * relabelled them); one of the wrong type stops setup because the connector could not use it.
 */
export async function installCustomFields(client: OdooSetupClient, model: OdooModelRef, support: FieldAttributeSupport): Promise<SetupItem[]> {
  // Filter on model_id: account.bank.statement.line reflects account.move's fields under the same names (transcript 033).
  const existing = await client.searchRead('ir.model.fields', [['model_id', '=', model.id], ['name', 'in', [...TAMARA_FIELD_NAMES]]], {
    fields: ['name', 'ttype'],
    schema: existingFieldRow,
  });
  const existingByName = new Map(existing.map((row) => [row.name, row]));
  for (const spec of TAMARA_FIELDS) {
    const found = existingByName.get(spec.name);
    if (found && found.ttype !== spec.type) {
      throw new OdooSetupError(
        'conflict',
        `Field ${spec.name} on ${model.model} already exists as a ${found.ttype} field, but the connector needs a ${spec.type} field. Delete or rename it in Odoo (Settings → Technical → Fields), then run setup again.`,
        { step: 'fields' },
      );
    }
  }
  const missing = TAMARA_FIELDS.filter((spec) => !existingByName.has(spec.name));
  const createdIds = missing.length > 0 ? await client.create('ir.model.fields', missing.map((spec) => fieldValues(spec, model, support))) : [];
  const createdByName = new Map(missing.map((spec, index) => [spec.name, createdIds[index]]));
  return TAMARA_FIELDS.map((spec): SetupItem => {
    const found = existingByName.get(spec.name);
    return found
      ? { kind: 'field', subject: `field ${spec.name}`, model: model.model, outcome: 'already_present', recordId: found.id }
      : { kind: 'field', subject: `field ${spec.name}`, model: model.model, outcome: 'created', recordId: createdByName.get(spec.name) };
  });
}

function fieldValues(spec: TamaraFieldSpec, model: OdooModelRef, support: FieldAttributeSupport): Record<string, unknown> {
  return {
    name: spec.name,
    model_id: model.id,
    ttype: spec.type,
    field_description: spec.label,
    help: spec.help,
    state: 'manual',
    // A duplicated invoice must not inherit a Tamara order, link or the request to send one.
    copied: false,
    ...(support.readonly && spec.readonlyForUsers ? { readonly: true } : {}),
    ...(support.tracking && spec.tracking > 0 ? { tracking: spec.tracking } : {}),
  };
}
