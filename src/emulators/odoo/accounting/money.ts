import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for amounts, quantities and rates. Odoo rounds with HALF-UP
 * (`float_round`), which is what this private Decimal does; floats appear only on the wire.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** A stored decimal text ("344.09") or a wire number (99.99) to a Decimal. */
export function dec(value: unknown): Decimal {
  if (value instanceof Decimal) return value;
  if (value === false || value === null || value === undefined || value === '') return new Dec(0);
  if (typeof value === 'number') return new Dec(String(value));
  return new Dec(String(value));
}

/** Rounds to a number of decimal places (a currency's `decimal_places`). */
export function roundTo(value: Decimal, places: number): Decimal {
  return new Dec(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** The store convention for float and monetary values: canonical decimal text. */
export function decText(value: Decimal): string {
  return new Dec(value).toString();
}

export function sumDec(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(value), new Dec(0));
}
