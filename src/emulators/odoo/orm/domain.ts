import { assertionError, valueError } from '../errors';
import { pyRepr, pyTupleRepr } from '../python/python-repr';
import { dec } from '../accounting/money';
import { displayNameOf, fieldValue, parseDateValue } from './field-values';
import type { Env, FieldDef, StoredRecord } from './model-types';

/** A parsed domain: Odoo's prefix notation turned into a tree. */
export type DomainNode =
  | { readonly kind: 'and' | 'or'; readonly children: readonly DomainNode[] }
  | { readonly kind: 'not'; readonly child: DomainNode }
  | { readonly kind: 'leaf'; readonly path: readonly string[]; readonly operator: string; readonly value: unknown; readonly raw: readonly unknown[] }
  | { readonly kind: 'true' };

const OPERATORS = new Set([
  '=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike',
  'in', 'not in', 'child_of', 'parent_of', 'any', 'not any',
]);
const ALIASES: Record<string, string> = { '<>': '!=', '==': '=' };
/** Negative operators also match empty (NULL) values, as Odoo adds "OR field IS NULL" for them. */
const NEGATIVE = new Set(['!=', 'not in', 'not like', 'not ilike']);

/**
 * Parses and validates a domain the way Odoo's `expression` does, with the same error classes and
 * messages: a non-list domain is an AssertionError, a leaf that is not a triple a ValueError from
 * tuple unpacking, an unknown operator "Invalid leaf (...)", an unknown field "Invalid field ...".
 */
export function parseDomain(env: Env, model: string, domain: unknown): DomainNode {
  if (!Array.isArray(domain)) {
    throw assertionError("Domains to normalize must have a 'domain' form: a list or tuple of domain components");
  }
  let position = 0;
  const parseTerm = (): DomainNode => {
    if (position >= domain.length) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
    const item: unknown = domain[position];
    position += 1;
    if (item === '&' || item === '|') {
      const left = parseTerm();
      const right = parseTerm();
      return { kind: item === '&' ? 'and' : 'or', children: [left, right] };
    }
    if (item === '!') return { kind: 'not', child: parseTerm() };
    return parseLeaf(env, model, item);
  };
  const terms: DomainNode[] = [];
  while (position < domain.length) terms.push(parseTerm());
  if (terms.length === 0) return { kind: 'true' };
  return terms.length === 1 ? terms[0] : { kind: 'and', children: terms };
}

function parseLeaf(env: Env, model: string, item: unknown): DomainNode {
  if (item === true || (Array.isArray(item) && item.length === 3 && item[0] === 1 && item[2] === 1)) return { kind: 'true' };
  if (!Array.isArray(item)) throw valueError(`Invalid leaf ${pyRepr(item)}`);
  if (item.length < 3) throw valueError(`not enough values to unpack (expected 3, got ${item.length})`);
  if (item.length > 3) throw valueError('too many values to unpack (expected 3)');
  const [left, rawOperator, value] = item as [unknown, unknown, unknown];
  const operator = typeof rawOperator === 'string' ? (ALIASES[rawOperator.toLowerCase()] ?? rawOperator.toLowerCase()) : rawOperator;
  if (typeof left !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator)) {
    throw valueError(`Invalid leaf ${pyTupleRepr(item)}`);
  }
  const path = left.split('.');
  let current = model;
  for (const [index, part] of path.entries()) {
    const field = env.registry.field(current, part);
    if (!field) throw valueError(`Invalid field ${current}.${part} in leaf ${pyTupleRepr(item)}`);
    if (index < path.length - 1) {
      if (!field.relation) throw valueError(`Invalid field ${current}.${part} in leaf ${pyTupleRepr(item)}`);
      current = field.relation;
    }
  }
  return { kind: 'leaf', path, operator, value, raw: item };
}

/** Every field name a domain mentions at its first level (to spot an explicit `active` condition). */
export function domainFields(node: DomainNode): string[] {
  switch (node.kind) {
    case 'leaf':
      return [node.path[0]];
    case 'not':
      return domainFields(node.child);
    case 'and':
    case 'or':
      return node.children.flatMap(domainFields);
    default:
      return [];
  }
}

export function matchesDomain(env: Env, model: string, record: StoredRecord, node: DomainNode): boolean {
  switch (node.kind) {
    case 'true':
      return true;
    case 'and':
      return node.children.every((child) => matchesDomain(env, model, record, child));
    case 'or':
      return node.children.some((child) => matchesDomain(env, model, record, child));
    case 'not':
      return !matchesDomain(env, model, record, node.child);
    case 'leaf':
      return matchesLeaf(env, model, record, node.path, node.operator, node.value);
  }
}

function matchesLeaf(env: Env, model: string, record: StoredRecord, path: readonly string[], operator: string, value: unknown): boolean {
  const [name, ...rest] = path;
  const field = name === 'id' ? ({ type: 'integer', string: 'ID' } as FieldDef) : env.registry.field(model, name);
  if (!field) return false;
  const stored = fieldValue(env, model, record, name);
  if (rest.length > 0 && field.relation) {
    const ids = Array.isArray(stored) ? (stored as number[]) : typeof stored === 'number' ? [stored] : [];
    const related = ids.map((id) => env.store.get(field.relation ?? '', id)).filter((row): row is StoredRecord => Boolean(row));
    const negative = NEGATIVE.has(operator);
    if (related.length === 0) return negative;
    return related.some((row) => matchesLeaf(env, field.relation ?? '', row, rest, operator, value));
  }
  if (operator === 'any' || operator === 'not any') {
    const ids = Array.isArray(stored) ? (stored as number[]) : typeof stored === 'number' ? [stored] : [];
    const sub = parseDomain(env, field.relation ?? '', value);
    const found = ids.some((id) => {
      const row = env.store.get(field.relation ?? '', id);
      return row ? matchesDomain(env, field.relation ?? '', row, sub) : false;
    });
    return operator === 'any' ? found : !found;
  }
  return compareValue(env, field, stored, operator, value);
}

function isEmpty(value: unknown): boolean {
  return value === false || value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function compareValue(env: Env, field: FieldDef, stored: unknown, operator: string, value: unknown): boolean {
  if (operator === '=?') return value === false || value === null || value === undefined ? true : compareValue(env, field, stored, '=', value);
  if (operator === 'child_of' || operator === 'parent_of') operator = Array.isArray(value) ? 'in' : '=';

  if (field.type === 'many2one' || field.type === 'many2many' || field.type === 'one2many') {
    return compareRelational(env, field, stored, operator, value);
  }
  if (operator === 'in' || operator === 'not in') {
    const list = Array.isArray(value) ? value : [value];
    const found = list.some((candidate) => equalScalar(field, stored, candidate));
    return operator === 'in' ? found : !found;
  }
  if (operator === '=') return equalScalar(field, stored, value);
  if (operator === '!=') return !equalScalar(field, stored, value);
  if (operator.includes('like')) {
    const negative = operator.startsWith('not');
    if (isEmpty(stored)) return negative;
    const matched = likeMatch(String(stored), value, operator.replace('not ', ''));
    return negative ? !matched : matched;
  }
  // <, <=, >, >=: SQL comparisons never match NULL (numbers and booleans are never NULL here).
  const numeric = field.type === 'boolean' || field.type === 'integer' || field.type === 'float' || field.type === 'monetary';
  if ((isEmpty(stored) && !numeric) || value === false || value === null) return false;
  const order = compareScalar(field, stored, value);
  return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
}

function equalScalar(field: FieldDef, stored: unknown, value: unknown): boolean {
  if (value === false || value === null) {
    if (field.type === 'boolean') return stored === false;
    return isEmpty(stored);
  }
  if (field.type === 'boolean') return Boolean(stored) === Boolean(value);
  if (isEmpty(stored)) return false;
  return compareScalar(field, stored, value) === 0;
}

function compareScalar(field: FieldDef, stored: unknown, value: unknown): number {
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return dec(stored).comparedTo(dec(value));
    case 'datetime': {
      const right = parseDateValue(String(value));
      return String(stored) < right ? -1 : String(stored) > right ? 1 : 0;
    }
    case 'date': {
      const right = parseDateValue(String(value)).slice(0, 10);
      return String(stored) < right ? -1 : String(stored) > right ? 1 : 0;
    }
    default: {
      const left = String(stored);
      const right = String(value);
      return left < right ? -1 : left > right ? 1 : 0;
    }
  }
}

function compareRelational(env: Env, field: FieldDef, stored: unknown, operator: string, value: unknown): boolean {
  const ids = Array.isArray(stored) ? (stored as number[]) : typeof stored === 'number' ? [stored] : [];
  const relation = field.relation ?? '';
  const names = (): string[] => ids.map((id) => displayNameOf(env, relation, id));
  const negative = NEGATIVE.has(operator);
  if (operator.includes('like')) {
    if (ids.length === 0) return negative;
    const matched = names().some((name) => likeMatch(name, value, operator.replace('not ', '')));
    return negative ? !matched : matched;
  }
  const list = operator === 'in' || operator === 'not in' ? (Array.isArray(value) ? value : [value]) : [value];
  const hit = list.some((candidate) => {
    if (candidate === false || candidate === null) return ids.length === 0;
    if (typeof candidate === 'string') return names().includes(candidate);
    return typeof candidate === 'number' && ids.includes(candidate);
  });
  switch (operator) {
    case '=':
    case 'in':
      return hit;
    case '!=':
    case 'not in':
      return !hit;
    default: {
      if (ids.length === 0 || typeof value !== 'number') return false;
      const id = ids[0];
      return operator === '<' ? id < value : operator === '<=' ? id <= value : operator === '>' ? id > value : id >= value;
    }
  }
}

/** SQL LIKE: `like`/`ilike` wrap the value in %…%, `=like`/`=ilike` use it as the whole pattern. */
function likeMatch(text: string, pattern: unknown, operator: string): boolean {
  const raw = String(pattern === false || pattern === null ? '' : pattern);
  const full = operator === 'like' || operator === 'ilike' ? `%${raw}%` : raw;
  let regex = '';
  for (let index = 0; index < full.length; index += 1) {
    const char = full[index];
    if (char === '\\' && index + 1 < full.length) {
      index += 1;
      regex += escapeRegex(full[index]);
    } else if (char === '%') regex += '[\\s\\S]*';
    else if (char === '_') regex += '[\\s\\S]';
    else regex += escapeRegex(char);
  }
  return new RegExp(`^${regex}$`, operator.includes('ilike') ? 'i' : '').test(text);
}

function escapeRegex(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
