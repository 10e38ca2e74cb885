import { sqlConstraintError, userError, validationError, valueError } from '../errors';
import { f } from '../orm/field-builders';
import type { Env, FieldDef, FieldType, ModelDef, StoredRecord } from '../orm/model-types';
import { parsePythonLiteral } from '../python/python-literal';

const FIELD_TYPES: readonly (readonly [FieldType, string])[] = [
  ['binary', 'binary'],
  ['boolean', 'boolean'],
  ['char', 'char'],
  ['date', 'date'],
  ['datetime', 'datetime'],
  ['float', 'float'],
  ['html', 'html'],
  ['integer', 'integer'],
  ['json', 'json'],
  ['many2many', 'many2many'],
  ['many2one', 'many2one'],
  ['monetary', 'monetary'],
  ['one2many', 'one2many'],
  ['selection', 'selection'],
  ['text', 'text'],
];

/** Models whose table other models `_inherits`: Odoo reflects their custom fields there too (state "base"). */
const INHERITED_BY: Readonly<Record<string, string>> = { 'account.move': 'account.bank.statement.line' };

const ACCESS_RIGHTS = ['Administration/Access Rights'];

export const irModel: ModelDef = {
  name: 'ir.model',
  description: 'Models',
  order: 'model',
  access: { readGroups: ACCESS_RIGHTS },
  fields: {
    name: f.char('Model Description', { required: true }),
    model: f.char('Model', { required: true }),
    state: f.selection('Type', [['manual', 'Custom Object'], ['base', 'Base Object']], { default: f.constant('manual') }),
    transient: f.boolean('Transient Model'),
    is_mail_thread: f.boolean('Has Mail Thread'),
    field_id: f.one2many('ir.model.fields', 'model_id', 'Fields'),
  },
};

export const irModelFields: ModelDef = {
  name: 'ir.model.fields',
  description: 'Fields',
  order: 'name',
  access: { readGroups: ACCESS_RIGHTS, reportAs: 'ir.model' },
  fields: {
    name: f.char('Field Name', { required: true, index: true }),
    model_id: f.many2one('ir.model', 'Model', { required: true }),
    field_description: f.char('Field Label', { required: true }),
    ttype: f.selection('Field Type', FIELD_TYPES, { required: true }),
    model: f.char('Model Name', { readonly: true }),
    relation: f.char('Related Model'),
    relation_field: f.char('Related Field'),
    selection: f.char('Selection Options'),
    state: f.selection('Type', [['manual', 'Custom Field'], ['base', 'Base Field']], { default: f.constant('manual') }),
    required: f.boolean('Required'),
    readonly: f.boolean('Readonly'),
    index: f.boolean('Indexed'),
    store: f.boolean('Stored', { default: f.constant(true) }),
    copied: f.boolean('Copied'),
    translate: f.boolean('Translatable'),
    tracking: f.integer('Enable Ordered Tracking'),
    help: f.text('Field Help'),
    related: f.char('Related Field Definition'),
    on_delete: f.selection('On Delete', [['cascade', 'Cascade'], ['set null', 'Set NULL'], ['restrict', 'Restrict']], { default: f.constant('set null') }),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      if (typeof vals.model_id === 'number') {
        const model = env.store.get('ir.model', vals.model_id);
        if (model) vals.model = model.model;
      }
    },
    checkInsert: (env, record) => checkCustomField(env, record),
    afterCreate: (env, ids) => {
      const created = ids.map((id) => env.store.get('ir.model.fields', id)).filter((row): row is StoredRecord => Boolean(row));
      for (const row of created) if (row.state === 'manual') env.registry.addField(String(row.model), String(row.name), toFieldDef(row));
      reflectOnInheritingModels(env, created.filter((row) => row.state === 'manual'));
    },
    afterWrite: (env, ids) => {
      for (const id of ids) {
        const row = env.store.get('ir.model.fields', id);
        if (row?.state === 'manual') env.registry.addField(String(row.model), String(row.name), toFieldDef(row));
      }
    },
    beforeUnlink: (env, ids) => {
      for (const id of ids) {
        const row = env.store.get('ir.model.fields', id);
        if (row && row.state !== 'manual' && !INHERITED_BY[String(row.model)] && !Object.values(INHERITED_BY).includes(String(row.model))) {
          throw userError('This column contains module data and cannot be removed!');
        }
      }
    },
    afterUnlink: (env, rows) => {
      for (const row of rows) {
        if (row.state !== 'manual') continue;
        env.registry.removeField(String(row.model), String(row.name));
        const inheriting = INHERITED_BY[String(row.model)];
        const copies = env.store.all('ir.model.fields').filter((copy) => copy.model === inheriting && copy.name === row.name);
        for (const copy of copies) env.store.remove('ir.model.fields', copy.id);
      }
    },
  },
};

/** The SQL/Python constraints Odoo checks once the row exists (so a failure still uses an id). */
function checkCustomField(env: Env, record: StoredRecord): void {
  const name = String(record.name);
  if (record.state === 'manual' && !name.startsWith('x_')) {
    throw sqlConstraintError("Custom fields must have a name that starts with 'x_'!");
  }
  if (env.store.all('ir.model.fields').some((row) => row.model === record.model && row.name === name)) {
    throw sqlConstraintError('Field names must be unique per model.');
  }
  if (!/^[a-z_][a-z0-9_]*$/i.test(name) || name.length > 63) {
    throw validationError('Field names can only contain characters, digits and underscores (up to 63).');
  }
  const model = String(record.model);
  if (!env.registry.has(model)) throw userError(`Model '${model}' is not served by the Odoo emulator`);
  if (['many2one', 'many2many', 'one2many'].includes(String(record.ttype))) {
    const relation = String(record.relation || '');
    if (!env.registry.has(relation)) throw validationError(`Unknown model name '${relation}' in Related Model`);
  }
  if (record.ttype === 'selection') {
    try {
      const options = parsePythonLiteral(String(record.selection || '[]'));
      if (!Array.isArray(options)) throw new Error('not a list');
    } catch {
      throw validationError(`The Selection Options expression is not a valid Pythonic expression. Please provide an expression in the [('key','Label'), ...] format.`);
    }
  }
  if (record.ttype === 'one2many' && !record.relation_field) throw validationError('Custom one2many fields require a related field.');
}

/**
 * Odoo reflects the new columns of a model (an upsert that burns one id per field) and, for
 * account.move, copies them onto account.bank.statement.line, which `_inherits` it — which is
 * why the recorded ids of custom fields are not consecutive (6540, 6543, 6546…).
 */
function reflectOnInheritingModels(env: Env, created: readonly StoredRecord[]): void {
  const byModel = new Map<string, StoredRecord[]>();
  for (const row of created) byModel.set(String(row.model), [...(byModel.get(String(row.model)) ?? []), row]);
  for (const [model, rows] of byModel) {
    for (let index = 0; index < rows.length; index += 1) env.store.allocateId('ir.model.fields');
    const inheriting = INHERITED_BY[model];
    const inheritingModel = inheriting ? env.store.all('ir.model').find((row) => row.model === inheriting) : undefined;
    if (!inheriting || !inheritingModel) continue;
    for (const row of rows) {
      const id = env.store.allocateId('ir.model.fields');
      env.store.insert('ir.model.fields', { ...row, id, model: inheriting, model_id: inheritingModel.id, state: 'base' });
    }
  }
}

export function toFieldDef(row: StoredRecord): FieldDef {
  const type = String(row.ttype) as FieldType;
  let selection: [string, string][] | undefined;
  if (type === 'selection') {
    const parsed = parsePythonLiteral(String(row.selection || '[]'));
    selection = Array.isArray(parsed) ? parsed.map((item) => [String((item as unknown[])[0]), String((item as unknown[])[1])] as [string, string]) : [];
  }
  return {
    type,
    string: String(row.field_description || row.name),
    manual: true,
    copy: Boolean(row.copied),
    required: Boolean(row.required),
    readonly: Boolean(row.readonly),
    index: Boolean(row.index),
    help: typeof row.help === 'string' && row.help ? row.help : undefined,
    relation: typeof row.relation === 'string' && row.relation ? row.relation : undefined,
    inverseName: typeof row.relation_field === 'string' && row.relation_field ? row.relation_field : undefined,
    selection,
    currencyField: type === 'monetary' ? 'currency_id' : undefined,
  };
}

export const irModelData: ModelDef = {
  name: 'ir.model.data',
  description: 'Model Data',
  order: 'module, model, name',
  access: { readGroups: ['Administration/Settings'] },
  fields: {
    module: f.char('Module', { required: true }),
    name: f.char('External Identifier', { required: true }),
    model: f.char('Model Name', { required: true }),
    res_id: f.integer('Record ID'),
    noupdate: f.boolean('Non Updatable'),
    complete_name: f.computed(f.char('Complete ID'), (_env, record) => `${String(record.module)}.${String(record.name)}`),
  },
  methods: {
    check_object_reference: {
      binding: 'model',
      params: [{ name: 'module' }, { name: 'xml_id' }, { name: 'raise_on_access_error', optional: true }],
      qualname: 'IrModelData.check_object_reference',
      run: ({ env, args }) => {
        const row = env.store.all('ir.model.data').find((candidate) => candidate.module === args.module && candidate.name === args.xml_id);
        if (!row) throw valueError(`External ID not found in the system: ${String(args.module)}.${String(args.xml_id)}`);
        return [row.model, row.res_id];
      },
    },
  },
};
