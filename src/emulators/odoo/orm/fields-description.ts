import type { Env, FieldDef } from './model-types';

/**
 * `fields_get` descriptions. Attribute names come out sorted (as Odoo's do) and fields in model
 * order; unknown names in `allfields` are silently skipped, which is how a client detects a field
 * that does not exist in this version (e.g. res.partner.mobile on 19).
 */
export function describeFields(env: Env, model: string, allfields: unknown, attributes: unknown): Record<string, Record<string, unknown>> {
  const registered = env.registry.model(model);
  const wanted = Array.isArray(allfields) && allfields.length > 0 ? new Set(allfields.map(String)) : undefined;
  const filter = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes.map(String)) : undefined;
  const result: Record<string, Record<string, unknown>> = {};
  for (const [name, field] of registered.fields) {
    if (wanted && !wanted.has(name)) continue;
    const description = describeField(env, name, field);
    const selected: Record<string, unknown> = {};
    for (const key of Object.keys(description).sort()) {
      if (!filter || filter.has(key)) selected[key] = description[key];
    }
    result[name] = selected;
  }
  return result;
}

function describeField(env: Env, name: string, field: FieldDef): Record<string, unknown> {
  const stored = field.store !== false && field.type !== 'one2many' && name !== 'display_name';
  const computed = Boolean(field.compute) || name === 'display_name';
  const description: Record<string, unknown> = {
    change_default: false,
    company_dependent: false,
    default_export_compatible: false,
    depends: computed ? [] : [],
    exportable: true,
    groupable: stored && field.type !== 'many2many' && field.type !== 'text' && field.type !== 'html',
    manual: Boolean(field.manual),
    name,
    readonly: Boolean(field.readonly) || (computed && !stored),
    required: Boolean(field.required),
    searchable: stored || field.type === 'one2many' || name === 'display_name',
    sortable: stored,
    store: stored,
    string: field.string,
    type: field.type,
  };
  if (field.help) description.help = field.help;
  if (field.type === 'char') Object.assign(description, { translate: Boolean(field.translate), trim: true });
  if (field.type === 'text' || field.type === 'html') description.translate = Boolean(field.translate);
  if (field.type === 'selection') description.selection = (field.selection ?? []).map(([key, label]) => [key, label]);
  if (field.type === 'many2one' || field.type === 'many2many' || field.type === 'one2many') {
    Object.assign(description, { relation: field.relation ?? false, domain: [], context: {} });
  }
  if (field.type === 'one2many') description.relation_field = field.inverseName ?? false;
  if (field.type === 'monetary') description.currency_field = field.currencyField ?? 'currency_id';
  if (field.type === 'float' || field.type === 'monetary' || field.type === 'integer') {
    description[env.major >= 18 ? 'aggregator' : 'group_operator'] = 'sum';
  }
  if (field.relatedPath) description.related = field.relatedPath;
  return description;
}
