import { missingError, valueError } from '../errors';
import { pyRepr } from '../python/python-repr';
import { create, unlink, write } from './crud';
import type { Env, FieldDef } from './model-types';

/**
 * Odoo's x2many write commands on one record:
 *   [0, 0, vals] create · [1, id, vals] update · [2, id] delete · [3, id] unlink
 *   [4, id] link · [5] clear · [6, 0, ids] replace — and a bare list of ids means "replace".
 * one2many children are rows of the comodel pointing back through the inverse many2one;
 * many2many links are stored as an id list on the record.
 */
export function applyX2manyCommands(env: Env, model: string, id: number, name: string, field: FieldDef, value: unknown): void {
  if (value === false || value === null || value === undefined) return;
  if (!Array.isArray(value)) throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(value)}`);
  const relation = field.relation ?? '';
  const commands = value.every((item) => typeof item === 'number') ? [[6, 0, value]] : value;
  // Children know they are written through their parent, which recomputes itself once afterwards.
  const childEnv = env.withContext({ __parent_commands: model });
  for (const command of commands) {
    if (!Array.isArray(command) || typeof command[0] !== 'number') throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(value)}`);
    if (field.type === 'one2many') applyOne2many(childEnv, id, field, relation, command);
    else applyMany2many(childEnv, model, id, name, relation, command);
  }
}

function applyOne2many(env: Env, id: number, field: FieldDef, relation: string, command: unknown[]): void {
  const inverse = field.inverseName ?? '';
  const children = (): number[] =>
    env.store
      .all(relation)
      .filter((row) => row[inverse] === id && (!field.inverseFilter || field.inverseFilter(row)))
      .map((row) => row.id);
  const [code, target, vals] = command as [number, unknown, Record<string, unknown> | undefined];
  switch (code) {
    case 0:
      create(env, relation, [{ ...(vals ?? {}), [inverse]: id }]);
      return;
    case 1:
      write(env, relation, [target as number], vals ?? {});
      return;
    case 2:
    case 3:
      unlink(env, relation, [target as number]);
      return;
    case 4:
      write(env, relation, [target as number], { [inverse]: id });
      return;
    case 5:
      unlink(env, relation, children());
      return;
    case 6: {
      const keep = new Set((command[2] as number[] | undefined) ?? []);
      unlink(env, relation, children().filter((child) => !keep.has(child)));
      for (const child of keep) if (!children().includes(child)) write(env, relation, [child], { [inverse]: id });
      return;
    }
    default:
      throw valueError(`Unknown x2many command ${code}`);
  }
}

function applyMany2many(env: Env, model: string, id: number, name: string, relation: string, command: unknown[]): void {
  const current = (): number[] => [...((env.store.get(model, id)?.[name] as number[] | undefined) ?? [])];
  const set = (ids: number[]): void => env.store.update(model, id, { [name]: [...new Set(ids)] });
  const ensure = (ids: number[]): void => {
    const missing = ids.filter((target) => !env.store.has(relation, target));
    if (missing.length > 0) throw missingError(relation, missing, env.uid);
  };
  const [code, target, vals] = command as [number, unknown, unknown];
  switch (code) {
    case 0: {
      const [created] = create(env, relation, [(vals as Record<string, unknown>) ?? {}]);
      set([...current(), created]);
      return;
    }
    case 1:
      write(env, relation, [target as number], (vals as Record<string, unknown>) ?? {});
      return;
    case 2:
      set(current().filter((item) => item !== target));
      unlink(env, relation, [target as number]);
      return;
    case 3:
      set(current().filter((item) => item !== target));
      return;
    case 4:
      ensure([target as number]);
      set([...current(), target as number]);
      return;
    case 5:
      set([]);
      return;
    case 6: {
      const ids = ((vals as number[] | undefined) ?? []).filter((item) => typeof item === 'number');
      ensure(ids);
      set(ids);
      return;
    }
    default:
      throw valueError(`Unknown x2many command ${code}`);
  }
}
