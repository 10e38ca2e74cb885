import { JsonNumberText } from '../money/amount-input';
import { TamaraMoney } from '../money/tamara-money';

type SourceAwareReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/**
 * Parses a request body keeping every JSON number as its source text (`JsonNumberText`), so an
 * amount is validated by the digits the client sent. Uses `JSON.parse` source access where the
 * runtime has it (Node ≥ 21) and the shortest round-trip text of the number otherwise.
 */
export function parseRequestJson(text: string): unknown {
  const reviver: SourceAwareReviver = (_key, value, context) =>
    typeof value === 'number' ? new JsonNumberText(context?.source ?? String(value)) : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

/** The same value with exact numbers and money turned into plain JSON values (for records). */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof JsonNumberText) return value.toNumber();
  if (value instanceof TamaraMoney) return value.toPlain();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === 'object') {
    const plain: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) plain[key] = toPlainJson(item);
    return plain;
  }
  return value;
}

/**
 * JSON text for a response. Money is written as `{"amount":<exact decimal>,"currency":"…"}`
 * straight from its decimal text (`12.345`, `300.00`), so amounts never pass through a float.
 */
export function stringifyJson(value: unknown): string {
  if (value instanceof TamaraMoney) return `{"amount":${value.toFixed()},"currency":${JSON.stringify(value.currency)}}`;
  if (value instanceof JsonNumberText) return value.text;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => stringifyJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}:${stringifyJson(item)}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}
