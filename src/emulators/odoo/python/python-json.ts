/**
 * JSON text exactly as Odoo's Python produces it.
 *
 * Odoo answers with `json.dumps(...)` (separators ", " and ": ", floats in Python `repr` form
 * such as `0.0`), and its webhook bodies with `json.dumps(sort_keys=True)` (ASCII-escaped). A
 * JavaScript number cannot tell `0` from `0.0`, so float fields are wrapped in {@link PyFloat}
 * when a value is built for the wire.
 */
export class PyFloat {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value;
  }
}

export interface PyJsonOptions {
  /** `sort_keys=True`. */
  sortKeys?: boolean;
  /** `ensure_ascii` (Python's default is true; Odoo's HTTP responses use false). */
  ensureAscii?: boolean;
  /** `indent=N` (pretty printing as Python does it: "," at line ends, ": " between key and value). */
  indent?: number;
}

export function pyJsonDumps(value: unknown, options: PyJsonOptions = {}): string {
  return encode(value, options, 0);
}

function encode(value: unknown, options: PyJsonOptions, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === 'string') return encodeString(value, options.ensureAscii ?? true);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => encode(item, options, depth + 1));
    return wrap('[', ']', items, options, depth);
  }
  if (typeof value === 'object') {
    let keys = Object.keys(value as Record<string, unknown>).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
    if (options.sortKeys) keys = [...keys].sort(comparePythonStrings);
    if (keys.length === 0) return '{}';
    const items = keys.map(
      (key) => `${encodeString(key, options.ensureAscii ?? true)}: ${encode((value as Record<string, unknown>)[key], options, depth + 1)}`,
    );
    return wrap('{', '}', items, options, depth);
  }
  return encodeString(String(value), options.ensureAscii ?? true);
}

function wrap(open: string, close: string, items: string[], options: PyJsonOptions, depth: number): string {
  if (options.indent === undefined) return `${open}${items.join(', ')}${close}`;
  const inner = ' '.repeat(options.indent * (depth + 1));
  const outer = ' '.repeat(options.indent * depth);
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${outer}${close}`;
}

/** Python sorts str keys by code point, JavaScript's default sort by UTF-16 unit; same for BMP text. */
function comparePythonStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeString(text: string, ensureAscii: boolean): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    switch (char) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
    }
    if (code < 0x20) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (ensureAscii && code > 0x7e) {
      if (code > 0xffff) {
        const high = Math.floor((code - 0x10000) / 0x400) + 0xd800;
        const low = ((code - 0x10000) % 0x400) + 0xdc00;
        out += `\\u${high.toString(16)}\\u${low.toString(16)}`;
      } else {
        out += `\\u${code.toString(16).padStart(4, '0')}`;
      }
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

/**
 * Python's `repr(float)`: the shortest digits that round-trip (the same digits JavaScript picks),
 * written in positional form for exponents -4..15 and as `1e+16` / `1e-05` outside.
 */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${body}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
