import type { FieldDef } from './model-types';

/** Terse field constructors so model files read like Odoo's `fields.Char(...)` declarations. */
type Extra = Omit<Partial<FieldDef>, 'type' | 'string'>;

const constant =
  (value: unknown): FieldDef['default'] =>
  () =>
    value;

export const f = {
  char: (string: string, extra: Extra = {}): FieldDef => ({ type: 'char', string, ...extra }),
  text: (string: string, extra: Extra = {}): FieldDef => ({ type: 'text', string, ...extra }),
  html: (string: string, extra: Extra = {}): FieldDef => ({ type: 'html', string, ...extra }),
  boolean: (string: string, extra: Extra = {}): FieldDef => ({ type: 'boolean', string, ...extra }),
  integer: (string: string, extra: Extra = {}): FieldDef => ({ type: 'integer', string, ...extra }),
  float: (string: string, extra: Extra = {}): FieldDef => ({ type: 'float', string, ...extra }),
  monetary: (string: string, extra: Extra = {}): FieldDef => ({ type: 'monetary', string, currencyField: 'currency_id', ...extra }),
  date: (string: string, extra: Extra = {}): FieldDef => ({ type: 'date', string, ...extra }),
  datetime: (string: string, extra: Extra = {}): FieldDef => ({ type: 'datetime', string, ...extra }),
  selection: (string: string, selection: readonly (readonly [string, string])[], extra: Extra = {}): FieldDef => ({
    type: 'selection',
    string,
    selection,
    ...extra,
  }),
  many2one: (relation: string, string: string, extra: Extra = {}): FieldDef => ({ type: 'many2one', relation, string, ...extra }),
  many2many: (relation: string, string: string, extra: Extra = {}): FieldDef => ({ type: 'many2many', relation, string, ...extra }),
  one2many: (relation: string, inverseName: string, string: string, extra: Extra = {}): FieldDef => ({
    type: 'one2many',
    relation,
    inverseName,
    string,
    ...extra,
  }),
  /** A non-stored computed field. */
  computed: (field: FieldDef, compute: NonNullable<FieldDef['compute']>): FieldDef => ({ ...field, store: false, readonly: true, compute }),
  constant,
};
