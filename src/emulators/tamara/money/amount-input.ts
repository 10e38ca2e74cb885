import Decimal from 'decimal.js';

/**
 * A JSON number as it was written in the request body. Numbers are kept as their source text
 * (see `parseRequestJson`) so `12.345` or `1.2345` are judged by their exact digits, not by the
 * nearest binary float.
 */
export class JsonNumberText {
  constructor(readonly text: string) {}

  toNumber(): number {
    return Number(this.text);
  }
}

// Tamara's own examples send numeric strings like "100.00" and even "00.00".
const NUMERIC_STRING = /^-?\d+(\.\d+)?$/;

/** An amount given as a JSON number or a numeric string; anything else is not an amount. */
export function readDecimalAmount(raw: unknown): Decimal | undefined {
  let text: string;
  if (raw instanceof JsonNumberText) text = raw.text;
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else if (typeof raw === 'string' && NUMERIC_STRING.test(raw)) text = raw;
  else return undefined;
  try {
    const value = new Decimal(text);
    return value.isFinite() ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON number (kept as text or already a number); strings are not numbers here. */
export function readJsonNumber(raw: unknown): number | undefined {
  if (raw instanceof JsonNumberText) return raw.toNumber();
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  return undefined;
}
