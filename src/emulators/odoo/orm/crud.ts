import { keyError, mandatoryFieldError, missingError, valueError } from '../errors';
import { domainFields, matchesDomain, parseDomain } from './domain';
import { emptyValue, fieldValue, fromWire, nowStored, toWire } from './field-values';
import type { Env, FieldDef, StoredRecord } from './model-types';
import { sortRecords } from './ordering';
import { applyX2manyCommands } from './x2many-commands';

export interface SearchOptions {
  readonly offset?: number;
  readonly limit?: number | false | null;
  readonly order?: string | false | null;
}

/** `search`: ids matching a domain, honouring `active_test`, order, offset and limit. */
export function search(env: Env, model: string, domain: unknown, options: SearchOptions = {}): number[] {
  return searchRecords(env, model, domain, options).map((row) => row.id);
}

export function searchRecords(env: Env, model: string, domain: unknown, options: SearchOptions = {}): StoredRecord[] {
  const registered = env.registry.model(model);
  const node = parseDomain(env, model, domain);
  const activeTest =
    registered.fields.has('active') && env.context.active_test !== false && !domainFields(node).includes('active');
  let rows = env.store.all(model).filter((row) => (!activeTest || row.active !== false) && matchesDomain(env, model, row, node));
  rows = sortRecords(env, model, rows, typeof options.order === 'string' && options.order.trim() ? options.order : registered.def.order);
  const offset = typeof options.offset === 'number' ? options.offset : 0;
  const limit = typeof options.limit === 'number' ? options.limit : undefined;
  return rows.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** Validates a field list for read(): an unknown name is a ValueError, as in Odoo. */
export function checkReadFields(env: Env, model: string, fields: readonly string[]): void {
  const registered = env.registry.model(model);
  for (const name of fields) {
    if (!registered.fields.has(name)) throw valueError(`Invalid field '${name}' on model '${model}'`);
  }
}

/**
 * `read`: one dict per existing id, in the order given. Missing ids are silently dropped (Odoo
 * 18 returns `[]` for them); a `null` id yields a phantom record of default values, as observed.
 */
export function read(env: Env, model: string, ids: readonly unknown[], fields: readonly string[] | undefined, load = true): Record<string, unknown>[] {
  const registered = env.registry.model(model);
  const names = fields && fields.length > 0 ? [...fields] : [...registered.fields.keys()];
  checkReadFields(env, model, names);
  const result: Record<string, unknown>[] = [];
  for (const id of ids) {
    let record: StoredRecord | undefined;
    if (id === null) record = phantomRecord(env, model);
    else if (typeof id === 'number') record = env.store.get(model, id);
    if (!record) continue;
    result.push(formatRecord(env, model, record, names, load));
  }
  return result;
}

/** A record as read() returns it: `id` first, then the fields in the order asked. */
export function formatRecord(env: Env, model: string, record: StoredRecord, names: readonly string[], load: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id ?? null };
  for (const name of names) {
    if (name === 'id') continue;
    const field = env.registry.field(model, name) as FieldDef;
    out[name] = toWire(env, field, fieldValue(env, model, record, name), load);
  }
  return out;
}

function phantomRecord(env: Env, model: string): StoredRecord {
  const record: Record<string, unknown> = { id: null };
  for (const [name, field] of env.registry.model(model).fields) {
    if (name === 'id' || field.store === false || field.type === 'one2many') continue;
    record[name] = field.default ? field.default(env, {}) : emptyValue(field);
  }
  return record as StoredRecord;
}

/** The records for ids, or a MissingError naming the missing ones. */
export function browseExisting(env: Env, model: string, ids: readonly unknown[]): StoredRecord[] {
  const missing = ids.filter((id) => typeof id !== 'number' || !env.store.has(model, id));
  if (missing.length > 0) throw missingError(model, missing, env.uid);
  return ids.map((id) => env.store.get(model, id as number) as StoredRecord);
}

/**
 * `create`: Python-level checks first (they do not consume an id), then the id is taken, then the
 * SQL-level checks (NOT NULL, constraints) — whose failure still burns the id, like PostgreSQL.
 */
export function create(env: Env, model: string, valsList: readonly Record<string, unknown>[]): number[] {
  const ids: number[] = [];
  for (const original of valsList) ids.push(createOne(env, model, original));
  const hooks = env.registry.model(model).def.hooks;
  hooks?.afterCreate?.(env, ids, valsList);
  env.services.automations.afterCreate(env, model, ids);
  return ids;
}

function createOne(env: Env, model: string, original: Readonly<Record<string, unknown>>): number {
  const registered = env.registry.model(model);
  for (const name of Object.keys(original)) {
    if (!name.startsWith('_') && !registered.fields.has(name)) throw valueError(`Invalid field '${name}' on model '${model}'`);
  }
  const vals: Record<string, unknown> = { ...original };
  for (const [key, value] of Object.entries(env.context)) {
    const name = key.startsWith('default_') ? key.slice('default_'.length) : undefined;
    if (name && registered.fields.has(name) && !(name in vals)) vals[name] = value;
  }
  for (const [name, field] of registered.fields) {
    if (!(name in vals) && field.default && field.store !== false) vals[name] = field.default(env, vals);
  }
  registered.def.hooks?.prepareCreate?.(env, vals);

  const record: Record<string, unknown> = {};
  const relational: [string, FieldDef, unknown][] = [];
  for (const [name, value] of Object.entries(vals)) {
    // Keys starting with "_" are private columns set by model hooks (password hashes, API key secrets).
    if (name.startsWith('_')) {
      record[name] = value;
      continue;
    }
    const field = registered.fields.get(name);
    if (!field || name === 'id' || name === 'display_name') continue;
    if (field.type === 'one2many' || field.type === 'many2many') relational.push([name, field, value]);
    else if (field.store !== false) record[name] = fromWire(env, model, name, field, value);
  }
  for (const [name, field] of registered.fields) {
    if (!(name in record) && field.store !== false && field.type !== 'one2many' && name !== 'id' && name !== 'display_name') {
      record[name] = emptyValue(field);
    }
  }
  const id = env.store.allocateId(model);
  const stamped: StoredRecord = { ...record, id };
  if (!registered.def.noLogAccess) {
    const now = nowStored(env);
    Object.assign(stamped, { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now });
  }
  for (const [name, field] of registered.fields) {
    if (field.required && field.type !== 'boolean' && field.type !== 'one2many' && field.store !== false && isUnset(stamped[name])) {
      throw mandatoryFieldError(registered.def.description, model, field.string, name);
    }
  }
  registered.def.hooks?.checkInsert?.(env, stamped);
  env.store.insert(model, stamped);
  for (const [name, field, value] of relational) applyX2manyCommands(env, model, id, name, field, value);
  return id;
}

function isUnset(value: unknown): boolean {
  return value === false || value === null || value === undefined;
}

/** `write`: MissingError for unknown ids, KeyError for unknown fields (as Odoo 18 does). */
export function write(env: Env, model: string, ids: readonly number[], original: Readonly<Record<string, unknown>>): void {
  const registered = env.registry.model(model);
  browseExisting(env, model, ids);
  for (const name of Object.keys(original)) {
    if (!registered.fields.has(name)) throw keyError(name);
  }
  const vals: Record<string, unknown> = { ...original };
  registered.def.hooks?.beforeWrite?.(env, ids, vals);
  const token = env.services.automations.beforeWrite(env, model, ids, Object.keys(vals));
  const scalar: Record<string, unknown> = {};
  const relational: [string, FieldDef, unknown][] = [];
  for (const [name, value] of Object.entries(vals)) {
    if (name.startsWith('_')) {
      scalar[name] = value;
      continue;
    }
    const field = registered.fields.get(name) as FieldDef;
    if (name === 'id' || (field.store === false && field.type !== 'one2many')) continue;
    if (field.type === 'one2many' || field.type === 'many2many') relational.push([name, field, value]);
    else scalar[name] = fromWire(env, model, name, field, value);
  }
  const stamp = registered.def.noLogAccess ? {} : { write_uid: env.uid, write_date: nowStored(env) };
  for (const id of ids) {
    env.store.update(model, id, { ...scalar, ...stamp });
    for (const [name, field, value] of relational) applyX2manyCommands(env, model, id, name, field, value);
  }
  registered.def.hooks?.afterWrite?.(env, ids, vals);
  env.services.automations.afterWrite(env, token);
}

/** `unlink`: model checks, then one2many children whose inverse is required go too (ondelete cascade). */
export function unlink(env: Env, model: string, ids: readonly number[]): void {
  const registered = env.registry.model(model);
  const existing = ids.filter((id) => env.store.has(model, id));
  registered.def.hooks?.beforeUnlink?.(env, existing);
  const removed: StoredRecord[] = [];
  for (const id of existing) {
    const record = env.store.get(model, id);
    if (!record) continue;
    for (const field of registered.fields.values()) {
      if (field.type !== 'one2many' || !field.relation || !field.inverseName) continue;
      const inverse = env.registry.field(field.relation, field.inverseName);
      if (!inverse?.required) continue;
      const children = env.store.all(field.relation).filter((row) => row[field.inverseName as string] === id);
      if (children.length > 0) unlink(env, field.relation, children.map((row) => row.id));
    }
    env.store.remove(model, id);
    removed.push(record);
  }
  registered.def.hooks?.afterUnlink?.(env, removed);
}

/**
 * Stores recomputed values (Odoo's stored computed fields). Only real changes are written; they
 * bump write_date like the ORM's flush does, and run automations whose trigger fields changed.
 */
export function storeComputed(env: Env, model: string, id: number, values: Readonly<Record<string, unknown>>): string[] {
  const record = env.store.get(model, id);
  if (!record) return [];
  const changed = Object.keys(values).filter((name) => !sameValue(record[name], values[name]));
  if (changed.length === 0) return [];
  const token = env.services.automations.beforeWrite(env, model, [id], changed);
  const patch: Record<string, unknown> = {};
  for (const name of changed) patch[name] = values[name];
  if (!env.registry.model(model).def.noLogAccess) Object.assign(patch, { write_uid: env.uid, write_date: nowStored(env) });
  env.store.update(model, id, patch);
  env.services.automations.afterWrite(env, token);
  return changed;
}

/** Bumps write_date/write_uid without changing anything else (Odoo writes a record for a side effect). */
export function touch(env: Env, model: string, id: number): void {
  if (env.store.has(model, id)) env.store.update(model, id, { write_uid: env.uid, write_date: nowStored(env) });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}
