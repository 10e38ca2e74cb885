import { PyFloat } from '../python/python-json';
import { pyRepr } from '../python/python-repr';
import { missingError, valueError } from '../errors';
import { dec, decText } from '../accounting/money';
import { toStoredDatetime } from '../clock';
import type { Env, FieldDef, StoredRecord } from './model-types';

/*
 * Store conventions (what a StoredRecord holds for each field type):
 *   char/text/html/selection/date  string | false
 *   datetime                       "YYYY-MM-DD HH:MM:SS.ffffff" (UTC) | false
 *   boolean                        boolean
 *   integer                        number
 *   float/monetary                 decimal text ("344.09")
 *   many2one                       id | false
 *   many2many                      id[]
 *   one2many                       not stored (derived from the inverse many2one)
 */

/** The value of an unset field, in store conventions. */
export function emptyValue(field: FieldDef): unknown {
  switch (field.type) {
    case 'boolean':
      return false;
    case 'integer':
      return 0;
    case 'float':
    case 'monetary':
      return '0';
    case 'many2many':
    case 'one2many':
      return [];
    default:
      return false;
  }
}

/** A field's value for a record, computing non-stored fields. */
export function fieldValue(env: Env, model: string, record: StoredRecord, name: string): unknown {
  if (name === 'id') return record.id;
  const field = env.registry.field(model, name);
  if (!field) throw new Error(`emulator bug: ${model}.${name} read but not defined`);
  if (name === 'display_name') return displayName(env, model, record);
  if (field.type === 'one2many') return one2manyIds(env, field, record.id);
  if (field.compute) return field.compute(env, record);
  const stored = record[name];
  return stored === undefined || stored === null ? emptyValue(field) : stored;
}

export function one2manyIds(env: Env, field: FieldDef, id: number): number[] {
  if (!field.relation || !field.inverseName) return [];
  const inverse = field.inverseName;
  return env.store
    .all(field.relation)
    .filter((row) => row[inverse] === id && (!field.inverseFilter || field.inverseFilter(row)))
    .map((row) => row.id);
}

export function displayName(env: Env, model: string, record: StoredRecord): string {
  const registered = env.registry.model(model);
  if (registered.def.displayName) return registered.def.displayName(env, record);
  const recName = registered.def.recName ?? 'name';
  const value = record[recName];
  if (typeof value === 'string' && value) return value;
  return `${model},${record.id}`;
}

export function displayNameOf(env: Env, model: string, id: number): string {
  const record = env.store.get(model, id);
  return record ? displayName(env, model, record) : `${model},${id}`;
}

/** A many2one as read() returns it: `[id, display_name]`, or the raw id when load is falsy. */
export function many2oneToWire(env: Env, model: string, id: unknown, load: boolean): unknown {
  if (typeof id !== 'number') return false;
  return load ? [id, displayNameOf(env, model, id)] : id;
}

/** A stored value as Odoo puts it on the wire (read/search_read/webhook payload). */
export function toWire(env: Env, field: FieldDef, value: unknown, load: boolean): unknown {
  switch (field.type) {
    case 'many2one':
      return many2oneToWire(env, field.relation ?? '', value, load);
    case 'float':
    case 'monetary':
      return new PyFloat(Number(value === false || value === undefined ? 0 : value));
    case 'datetime':
      return typeof value === 'string' ? value.slice(0, 19) : false;
    case 'many2many':
    case 'one2many':
      return Array.isArray(value) ? [...value] : [];
    case 'integer':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return Boolean(value);
    default:
      return value === undefined || value === null ? false : value;
  }
}

/**
 * A scalar value from a create/write call to store conventions, with Odoo's `convert_to_cache`
 * quirks: a many2one given anything but an integer (a string, a float, a list) silently becomes
 * empty; an unknown related id is a MissingError; a selection outside its values is a ValueError.
 */
export function fromWire(env: Env, model: string, name: string, field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return emptyValue(field);
  switch (field.type) {
    case 'char':
    case 'text':
    case 'html':
      if (value === false) return false;
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'boolean':
      return Boolean(value) && !(Array.isArray(value) && value.length === 0);
    case 'integer': {
      if (value === false) return 0;
      const number = typeof value === 'number' ? Math.trunc(value) : Number.parseInt(String(value), 10);
      if (Number.isNaN(number)) throw valueError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
      return number;
    }
    case 'float':
    case 'monetary': {
      if (value === false) return '0';
      if (typeof value !== 'number' && (typeof value !== 'string' || Number.isNaN(Number(value)))) {
        throw valueError(`could not convert string to float: ${pyRepr(value)}`);
      }
      return decText(dec(value));
    }
    case 'selection': {
      if (value === false || value === '') return false;
      const allowed = (field.selection ?? []).map(([key]) => key);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(value)}`);
      }
      return value;
    }
    case 'many2one': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value === 0) return false;
      const relation = field.relation ?? '';
      if (!env.store.has(relation, value)) throw missingError(relation, [value], env.uid);
      return value;
    }
    case 'date':
      return value === false ? false : parseDateValue(String(value)).slice(0, 10);
    case 'datetime':
      return value === false ? false : parseDateValue(String(value));
    default:
      return value;
  }
}

/**
 * Parses the date/datetime texts PostgreSQL accepts in a comparison or a write:
 * "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS[.ffffff]", ISO 8601 with "T" and "Z"/offset.
 * Returns stored datetime text (microsecond precision, UTC).
 */
export function parseDateValue(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!match) throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
  const [, day, hh = '00', mm = '00', ss = '00', fraction = '', zone] = match;
  const micro = fraction.padEnd(6, '0');
  // PostgreSQL compares `timestamp without time zone` columns with the zone dropped, so "…Z" means the same wall time.
  void zone;
  return `${day} ${hh}:${mm}:${ss}.${micro}`;
}

export function nowStored(env: Env): string {
  return toStoredDatetime(env.clock.now());
}
