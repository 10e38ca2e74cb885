import { indexError, typeError } from '../errors';
import type { MethodDef } from './model-types';

export interface BoundCall {
  readonly ids: readonly (number | null)[];
  readonly args: Readonly<Record<string, unknown>>;
}

/** Python's count of positional parameters, `self` included. */
function positionalRange(method: MethodDef): string {
  if (method.keywordOnly) return '1 positional argument';
  const required = method.params.filter((param) => !param.optional).length + 1;
  const total = method.params.length + 1;
  return required === total ? `${total} positional arguments` : `from ${required} to ${total} positional arguments`;
}

function toIds(value: unknown): (number | null)[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'number' ? item : null));
  if (typeof value === 'number') return [value];
  return [];
}

/**
 * execute_kw's calling convention (odoo.api.call_kw): for a record method the first positional
 * argument holds the ids; the other positional arguments and the keyword arguments bind to the
 * Python signature, with Python's TypeError messages when they do not fit.
 */
export function bindExecuteKw(method: MethodDef, positional: readonly unknown[], keywords: Readonly<Record<string, unknown>>): BoundCall {
  let rest = [...positional];
  let ids: (number | null)[] = [];
  if (method.binding === 'record') {
    if (rest.length === 0) throw indexError('list index out of range');
    ids = toIds(rest[0]);
    rest = rest.slice(1);
  }
  const params = method.keywordOnly ? [] : method.params;
  if (rest.length > params.length) {
    const given = rest.length + 1;
    throw typeError(`${method.qualname}() takes ${positionalRange(method)} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  const args: Record<string, unknown> = {};
  rest.forEach((value, index) => {
    args[params[index].name] = value;
  });
  bindKeywords(method, args, keywords);
  return { ids, args };
}

/** JSON-2's convention: everything is named; `ids` and `context` are taken out by the caller. */
export function bindNamed(method: MethodDef, keywords: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  bindKeywords(method, args, keywords);
  return args;
}

function bindKeywords(method: MethodDef, args: Record<string, unknown>, keywords: Readonly<Record<string, unknown>>): void {
  const known = new Set(method.params.map((param) => param.name));
  for (const [name, value] of Object.entries(keywords)) {
    if (!known.has(name) && !method.acceptsAnyKeyword) {
      throw typeError(`${method.qualname}() got an unexpected keyword argument '${name}'`);
    }
    if (name in args) throw typeError(`${method.qualname}() got multiple values for argument '${name}'`);
    args[name] = value;
  }
  const missing = method.params.filter((param) => !param.optional && !(param.name in args)).map((param) => param.name);
  if (missing.length > 0) {
    const kind = method.keywordOnly ? 'keyword-only' : 'positional';
    const names = missing.map((name) => `'${name}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    throw typeError(`${method.qualname}() missing ${missing.length} required ${kind} argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
}
