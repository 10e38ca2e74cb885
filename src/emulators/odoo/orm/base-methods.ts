import { attributeError, keyError, typeError, valueError } from '../errors';
import { create, read, search, searchRecords, unlink, write, formatRecord, checkReadFields } from './crud';
import { describeFields } from './fields-description';
import { displayName, toWire } from './field-values';
import { hasModelAccess, checkModelAccess } from './access-rights';
import type { MethodDef } from './model-types';

const numericIds = (ids: readonly (number | null)[]): number[] => ids.filter((id): id is number => typeof id === 'number');

/** Private columns ("_password", "_key") are not fields: over RPC they are unknown, as in Odoo. */
function rejectPrivateKeys(model: string, vals: Record<string, unknown>, operation: 'create' | 'write'): void {
  const name = Object.keys(vals).find((key) => key.startsWith('_'));
  if (name === undefined) return;
  if (operation === 'write') throw keyError(name);
  throw valueError(`Invalid field '${name}' on model '${model}'`);
}

function asDomain(value: unknown): unknown {
  return value === undefined || value === null || value === false ? [] : value;
}

function asFieldList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (!Array.isArray(value)) throw typeError(`'${typeof value === 'string' ? 'str' : typeof value}' object is not iterable`);
  return value.map(String);
}

function isLoad(value: unknown): boolean {
  return value === undefined ? true : Boolean(value);
}

function limitOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The public methods every model inherits from `BaseModel`, with Odoo's signatures. */
export const BASE_METHODS: Readonly<Record<string, MethodDef>> = {
  create: {
    binding: 'model',
    params: [{ name: 'vals_list' }],
    qualname: 'BaseModel.create',
    returnsRecords: 'multi',
    run: ({ env, model, args }) => {
      const valsList = args.vals_list;
      if (Array.isArray(valsList)) {
        if (!valsList.every((vals) => typeof vals === 'object' && vals !== null && !Array.isArray(vals))) {
          throw valueError('dictionary update sequence element #0 has length 1; 2 is required');
        }
        (valsList as Record<string, unknown>[]).forEach((vals) => rejectPrivateKeys(model, vals, 'create'));
        return create(env, model, valsList as Record<string, unknown>[]);
      }
      if (typeof valsList !== 'object' || valsList === null) throw attributeError(`'${typeof valsList}' object has no attribute 'items'`);
      rejectPrivateKeys(model, valsList as Record<string, unknown>, 'create');
      // execute_kw downgrades a single-dict create to the new id.
      return create(env, model, [valsList as Record<string, unknown>])[0];
    },
  },
  read: {
    binding: 'record',
    params: [{ name: 'fields', optional: true }, { name: 'load', optional: true }],
    qualname: 'BaseModel.read',
    run: ({ env, model, ids, args }) => read(env, model, ids, asFieldList(args.fields), isLoad(args.load)),
  },
  write: {
    binding: 'record',
    params: [{ name: 'vals' }],
    qualname: 'BaseModel.write',
    run: ({ env, model, ids, args }) => {
      if (typeof args.vals !== 'object' || args.vals === null || Array.isArray(args.vals)) {
        throw attributeError(`'${Array.isArray(args.vals) ? 'list' : typeof args.vals}' object has no attribute 'items'`);
      }
      rejectPrivateKeys(model, args.vals as Record<string, unknown>, 'write');
      write(env, model, numericIds(ids), args.vals as Record<string, unknown>);
      return true;
    },
  },
  unlink: {
    binding: 'record',
    params: [],
    qualname: 'BaseModel.unlink',
    run: ({ env, model, ids }) => {
      unlink(env, model, numericIds(ids));
      return true;
    },
  },
  search: {
    binding: 'model',
    params: [{ name: 'domain' }, { name: 'offset', optional: true }, { name: 'limit', optional: true }, { name: 'order', optional: true }],
    qualname: 'BaseModel.search',
    returnsRecords: 'multi',
    run: ({ env, model, args }) =>
      search(env, model, args.domain, { offset: limitOf(args.offset), limit: limitOf(args.limit), order: args.order as string | undefined }),
  },
  search_count: {
    binding: 'model',
    params: [{ name: 'domain' }, { name: 'limit', optional: true }],
    qualname: 'BaseModel.search_count',
    run: ({ env, model, args }) => search(env, model, args.domain, { limit: limitOf(args.limit) }).length,
  },
  search_read: {
    binding: 'model',
    params: [
      { name: 'domain', optional: true },
      { name: 'fields', optional: true },
      { name: 'offset', optional: true },
      { name: 'limit', optional: true },
      { name: 'order', optional: true },
    ],
    qualname: 'BaseModel.search_read',
    // search_read(..., **read_kwargs) forwards extra keywords to _read_format(fnames, load).
    acceptsAnyKeyword: true,
    run: ({ env, model, args }) => {
      const known = new Set(['domain', 'fields', 'offset', 'limit', 'order', 'load']);
      const extra = Object.keys(args).find((name) => !known.has(name));
      if (extra) throw typeError(`BaseModel._read_format() got an unexpected keyword argument '${extra}'`);
      const fields = asFieldList(args.fields);
      const names = fields && fields.length > 0 ? fields : [...env.registry.model(model).fields.keys()];
      checkReadFields(env, model, names);
      const rows = searchRecords(env, model, asDomain(args.domain), {
        offset: limitOf(args.offset),
        limit: limitOf(args.limit),
        order: args.order as string | undefined,
      });
      return rows.map((row) => formatRecord(env, model, row, names, isLoad(args.load)));
    },
  },
  fields_get: {
    binding: 'model',
    params: [{ name: 'allfields', optional: true }, { name: 'attributes', optional: true }],
    qualname: 'BaseModel.fields_get',
    run: ({ env, model, args }) => describeFields(env, model, args.allfields, args.attributes),
  },
  name_search: {
    binding: 'model',
    params: [{ name: 'name', optional: true }, { name: 'domain', optional: true }, { name: 'operator', optional: true }, { name: 'limit', optional: true }],
    qualname: 'BaseModel.name_search',
    run: ({ env, model, args }) => {
      const name = typeof args.name === 'string' ? args.name : '';
      const operator = typeof args.operator === 'string' ? args.operator : 'ilike';
      const rows = searchRecords(env, model, asDomain(args.domain), { limit: undefined });
      const matching = rows.filter((row) => {
        if (!name) return true;
        const text = displayName(env, model, row);
        if (operator === '=') return text === name;
        if (operator === 'like') return text.includes(name);
        return text.toLowerCase().includes(name.toLowerCase());
      });
      const limit = typeof args.limit === 'number' ? args.limit : 100;
      return matching.slice(0, limit).map((row) => [row.id, displayName(env, model, row)]);
    },
  },
  name_get: {
    binding: 'record',
    params: [],
    qualname: 'BaseModel.name_get',
    versions: { max: 17 },
    run: ({ env, model, ids }) =>
      numericIds(ids)
        .map((id) => env.store.get(model, id))
        .filter((row) => row !== undefined)
        .map((row) => [row.id, displayName(env, model, row)]),
  },
  default_get: {
    binding: 'model',
    params: [{ name: 'fields_list' }],
    qualname: 'BaseModel.default_get',
    run: ({ env, model, args }) => {
      const names = asFieldList(args.fields_list) ?? [];
      const result: Record<string, unknown> = {};
      for (const name of names) {
        const field = env.registry.field(model, name);
        if (!field) continue;
        const contextual = env.context[`default_${name}`];
        if (contextual !== undefined) result[name] = contextual;
        else if (field.default) result[name] = toWire(env, field, field.default(env, {}), false);
      }
      return result;
    },
  },
  exists: {
    binding: 'record',
    params: [],
    qualname: 'BaseModel.exists',
    returnsRecords: 'multi',
    run: ({ env, model, ids }) => numericIds(ids).filter((id) => env.store.has(model, id)),
  },
  check_access_rights: {
    binding: 'model',
    params: [{ name: 'operation' }, { name: 'raise_exception', optional: true }],
    qualname: 'BaseModel.check_access_rights',
    versions: { max: 17 },
    run: ({ env, model, args }) => {
      if (args.raise_exception === false) return hasModelAccess(env, model, String(args.operation));
      checkModelAccess(env, model, String(args.operation));
      return true;
    },
  },
  has_access: {
    binding: 'record',
    params: [{ name: 'operation' }],
    qualname: 'BaseModel.has_access',
    versions: { min: 18 },
    run: ({ env, model, args }) => hasModelAccess(env, model, String(args.operation)),
  },
  check_access: {
    binding: 'record',
    params: [{ name: 'operation' }],
    qualname: 'BaseModel.check_access',
    versions: { min: 18 },
    run: ({ env, model, args }) => {
      checkModelAccess(env, model, String(args.operation));
      return null;
    },
  },
};
