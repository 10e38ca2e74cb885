/**
 * Python `repr()` of JSON-like values, for error messages that Odoo builds with `%r`
 * (e.g. "Invalid leaf ('state', 'bogus', 'posted')" or "Wrong value for account.move.move_type: 'bogus'").
 */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return pyStrRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${pyStrRepr(key)}: ${pyRepr(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** A list rendered as a Python tuple, e.g. a domain leaf: `('state', '=', 'posted')`, `(1,)`. */
export function pyTupleRepr(items: readonly unknown[]): string {
  if (items.length === 1) return `(${pyRepr(items[0])},)`;
  return `(${items.map(pyRepr).join(', ')})`;
}

/** A recordset as Python prints it: `account.move(1, 2)`, `account.move(999999,)`, `account.move()`. */
export function pyRecordsetRepr(model: string, ids: readonly unknown[]): string {
  if (ids.length === 1) return `${model}(${pyRepr(ids[0])},)`;
  return `${model}(${ids.map(pyRepr).join(', ')})`;
}

export function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if ((char.codePointAt(0) ?? 0) < 0x20) out += `\\x${(char.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out + quote;
}
