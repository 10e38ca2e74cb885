import { validationError } from '../errors';
import { f } from '../orm/field-builders';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { ArchSyntaxError, locate, parseArch, walk, type ArchElement } from './view-arch';

// 'tree' was renamed 'list' in 18; both are accepted so one definition serves every version.
const VIEW_TYPES: readonly (readonly [string, string])[] = [
  ['list', 'List'],
  ['tree', 'Tree'],
  ['form', 'Form'],
  ['graph', 'Graph'],
  ['pivot', 'Pivot'],
  ['calendar', 'Calendar'],
  ['kanban', 'Kanban'],
  ['search', 'Search'],
  ['qweb', 'QWeb'],
  ['activity', 'Activity'],
];

function archOf(record: StoredRecord): string {
  return typeof record.arch_db === 'string' ? record.arch_db : '';
}

/** The fully inherited parent architecture an extension view applies to. */
function parentArch(env: Env, viewId: number): ArchElement | undefined {
  const view = env.store.get('ir.ui.view', viewId);
  if (!view) return undefined;
  return parseArch(archOf(view));
}

/**
 * `_check_xml`: the arch must parse, every `<field name>` it adds must exist on the model, and
 * each inheritance spec must find its target in the parent view.
 */
function checkView(env: Env, record: StoredRecord): void {
  const text = archOf(record);
  let arch: ArchElement;
  try {
    arch = parseArch(text);
  } catch (error) {
    const reason = error instanceof ArchSyntaxError ? error.message : String(error);
    throw validationError(`Error while parsing or validating view:\n\n${reason}`);
  }
  const model = String(record.model || '');
  const parentId = typeof record.inherit_id === 'number' ? record.inherit_id : undefined;
  const parent = parentId !== undefined ? parentArch(env, parentId) : undefined;
  const specs = parent ? (arch.tag === 'data' ? arch.children : [arch]) : [];
  for (const spec of specs) {
    const target = spec.tag === 'xpath' ? spec.attributes.expr : spec.tag === 'field' ? `//field[@name='${spec.attributes.name}']` : undefined;
    if (target && parent && !locate(parent, target)) {
      const described = spec.tag === 'xpath' ? `<xpath expr="${spec.attributes.expr}">` : `<field name="${spec.attributes.name}">`;
      throw validationError(`Element '${described}' cannot be located in parent view`);
    }
  }
  const added = parent ? specs.flatMap((spec) => spec.children) : [arch];
  for (const element of added) {
    for (const node of walk(element)) {
      if (node.tag !== 'field' || !node.attributes.name || !model || !env.registry.has(model)) continue;
      if (!env.registry.field(model, node.attributes.name)) {
        throw validationError(
          `Error while validating view near:\n\n<field name="${node.attributes.name}"/>\n\nField "${node.attributes.name}" does not exist in model "${model}"`,
        );
      }
    }
  }
}

export const irUiView: ModelDef = {
  name: 'ir.ui.view',
  description: 'View',
  order: 'priority,name,id',
  access: { readGroups: ['Administration/Settings'] },
  fields: {
    name: f.char('View Name', { required: true }),
    model: f.char('Model'),
    key: f.char('Key'),
    priority: f.integer('Sequence', { default: f.constant(16) }),
    type: f.selection('View Type', VIEW_TYPES),
    arch: f.computed(f.text('View Architecture'), (_env, record) => archOf(record) || false),
    arch_db: f.text('Arch Blob'),
    inherit_id: f.many2one('ir.ui.view', 'Inherited View'),
    mode: f.selection('View inheritance mode', [['primary', 'Base view'], ['extension', 'Extension View']]),
    active: f.boolean('Active', { default: f.constant(true) }),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      if (typeof vals.arch === 'string' && vals.arch_db === undefined) vals.arch_db = vals.arch;
      delete vals.arch;
      vals.mode = vals.mode ?? (typeof vals.inherit_id === 'number' ? 'extension' : 'primary');
      if (typeof vals.inherit_id === 'number') {
        if (!vals.model) vals.model = env.store.get('ir.ui.view', vals.inherit_id)?.model ?? false;
        if (vals.type === undefined) vals.type = env.store.get('ir.ui.view', vals.inherit_id)?.type ?? false;
      }
      if (vals.type === undefined && typeof vals.arch_db === 'string') {
        const root = /<\s*(\w+)/.exec(vals.arch_db)?.[1];
        if (root && VIEW_TYPES.some(([key]) => key === root)) vals.type = root;
      }
    },
    checkInsert: (env, record) => checkView(env, record),
    beforeWrite: (_env, _ids, vals) => {
      if (typeof vals.arch === 'string' && vals.arch_db === undefined) vals.arch_db = vals.arch;
      delete vals.arch;
    },
    afterWrite: (env, ids) => {
      for (const id of ids) {
        const view = env.store.get('ir.ui.view', id);
        if (view) checkView(env, view);
      }
    },
  },
};
