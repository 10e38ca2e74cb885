import { valueError } from '../errors';
import { dec } from '../accounting/money';
import { displayNameOf, fieldValue } from './field-values';
import type { Env, StoredRecord } from './model-types';

interface OrderTerm {
  readonly field: string;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

const collator = new Intl.Collator('en-US');

/** Parses an `order` clause ("write_date asc, id asc"), rejecting unknown fields like Odoo does. */
export function parseOrder(env: Env, model: string, order: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [field, direction = 'asc', ...nulls] = words;
    const name = field.replace(/"/g, '');
    if (!env.registry.field(model, name)) throw valueError(`Invalid field '${name}' on model '${model}'`);
    if (!/^(asc|desc)$/i.test(direction)) throw valueError(`Invalid order ${JSON.stringify(order)} for model ${model}`);
    const descending = direction.toLowerCase() === 'desc';
    const nullsText = nulls.join(' ').toLowerCase();
    // PostgreSQL: NULLs sort last ascending and first descending unless told otherwise.
    const nullsFirst = nullsText === 'nulls first' ? true : nullsText === 'nulls last' ? false : descending;
    terms.push({ field: name, descending, nullsFirst });
  }
  return terms;
}

/** Sorts rows by an order clause; ties fall back to ascending id, PostgreSQL's usual heap order. */
export function sortRecords(env: Env, model: string, rows: StoredRecord[], order: string): StoredRecord[] {
  const terms = parseOrder(env, model, order);
  const keyed = rows.map((row) => ({ row, keys: terms.map((term) => sortKey(env, model, row, term.field)) }));
  keyed.sort((a, b) => {
    for (const [index, term] of terms.entries()) {
      const result = compareKeys(a.keys[index], b.keys[index], term);
      if (result !== 0) return result;
    }
    return a.row.id - b.row.id;
  });
  return keyed.map((entry) => entry.row);
}

type SortKey = { kind: 'null' } | { kind: 'number'; value: number } | { kind: 'text'; value: string; plain?: boolean };

function sortKey(env: Env, model: string, row: StoredRecord, name: string): SortKey {
  const field = env.registry.field(model, name);
  const value = fieldValue(env, model, row, name);
  if (!field) return { kind: 'null' };
  if (name === 'id' || field.type === 'integer') return { kind: 'number', value: Number(value) };
  if (field.type === 'float' || field.type === 'monetary') return { kind: 'number', value: dec(value).toNumber() };
  if (field.type === 'boolean') return { kind: 'number', value: value ? 1 : 0 };
  if (field.type === 'many2one') {
    return typeof value === 'number' ? { kind: 'text', value: displayNameOf(env, field.relation ?? '', value) } : { kind: 'null' };
  }
  if (value === false || value === null || value === undefined || value === '') return { kind: 'null' };
  // Dates compare as text; words by collation (PostgreSQL's en_US ordering).
  return { kind: 'text', value: String(value), plain: field.type === 'date' || field.type === 'datetime' };
}

function compareKeys(a: SortKey, b: SortKey, term: OrderTerm): number {
  if (a.kind === 'null' || b.kind === 'null') {
    if (a.kind === b.kind) return 0;
    const aFirst = term.nullsFirst ? -1 : 1;
    return a.kind === 'null' ? aFirst : -aFirst;
  }
  let result: number;
  if (a.kind === 'number' && b.kind === 'number') result = a.value - b.value;
  else if (a.kind === 'text' && a.plain) result = a.value < String(b.value) ? -1 : a.value > String(b.value) ? 1 : 0;
  else result = collator.compare(String(a.value), String(b.value));
  return term.descending ? -result : result;
}
