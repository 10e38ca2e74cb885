import { inVersionRange, type OdooMajorVersion } from '../version-profile';
import type { FieldDef, MethodDef, ModelDef } from './model-types';

/** A model as served by one emulator instance: its version-filtered fields (plus custom ones) and methods. */
export interface RegisteredModel {
  readonly name: string;
  readonly def: ModelDef;
  readonly fields: Map<string, FieldDef>;
  readonly methods: ReadonlyMap<string, MethodDef>;
}

const MAGIC_FIELDS: Record<string, FieldDef> = {
  create_uid: { type: 'many2one', string: 'Created by', relation: 'res.users', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  write_uid: { type: 'many2one', string: 'Last Updated by', relation: 'res.users', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
};

/**
 * The models one emulator serves. Fields and methods outside the impersonated version are left
 * out, so a 19 emulator really has no `res.partner.mobile` and an 18 one no `name_get`.
 */
export class Registry {
  private readonly models = new Map<string, RegisteredModel>();

  constructor(
    definitions: readonly ModelDef[],
    baseMethods: Readonly<Record<string, MethodDef>>,
    readonly major: OdooMajorVersion,
  ) {
    for (const def of definitions) {
      if (!inVersionRange(def.versions, major)) continue;
      const fields = new Map<string, FieldDef>();
      fields.set('id', { type: 'integer', string: 'ID', readonly: true });
      for (const [name, field] of Object.entries(def.fields)) {
        if (inVersionRange(field.versions, major)) fields.set(name, field);
      }
      fields.set('display_name', { type: 'char', string: 'Display Name', store: false, readonly: true });
      if (!def.noLogAccess) for (const [name, field] of Object.entries(MAGIC_FIELDS)) fields.set(name, field);
      const methods = new Map<string, MethodDef>();
      for (const [name, method] of [...Object.entries(baseMethods), ...Object.entries(def.methods ?? {})]) {
        if (inVersionRange(method.versions, major)) methods.set(name, method);
        else methods.delete(name);
      }
      this.models.set(def.name, { name: def.name, def, fields, methods });
    }
  }

  has(model: string): boolean {
    return this.models.has(model);
  }

  model(model: string): RegisteredModel {
    const found = this.models.get(model);
    if (!found) throw new Error(`emulator bug: unknown model ${model}`);
    return found;
  }

  all(): RegisteredModel[] {
    return [...this.models.values()];
  }

  field(model: string, name: string): FieldDef | undefined {
    return this.models.get(model)?.fields.get(name);
  }

  /** A custom field created through ir.model.fields becomes a real column of the model. */
  addField(model: string, name: string, field: FieldDef): void {
    const fields = this.model(model).fields;
    // Custom fields come after the standard ones but before the magic columns, like Odoo's registry.
    const entries = [...fields.entries()].filter(([key]) => key !== name);
    const magicStart = entries.findIndex(([key]) => key === 'display_name');
    entries.splice(magicStart < 0 ? entries.length : magicStart, 0, [name, field]);
    fields.clear();
    for (const [key, value] of entries) fields.set(key, value);
  }

  removeField(model: string, name: string): void {
    this.models.get(model)?.fields.delete(name);
  }
}
