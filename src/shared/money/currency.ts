/**
 * Currencies Tamara accepts, with the number of decimals each one carries on the wire
 * (Tamara's OpenAPI: 2 by default, 3 for BHD, KWD and OMR).
 */
export const CURRENCY_SCALE = {
  SAR: 2,
  AED: 2,
  BHD: 3,
  KWD: 3,
  OMR: 3,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_SCALE;

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_SCALE) as CurrencyCode[];

export function isSupportedCurrency(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCY_SCALE, value);
}

/** Country that a currency implies for Tamara (the in-store endpoint has no country field). */
export const CURRENCY_COUNTRY: Record<CurrencyCode, 'SA' | 'AE' | 'BH' | 'KW' | 'OM'> = {
  SAR: 'SA',
  AED: 'AE',
  BHD: 'BH',
  KWD: 'KW',
  OMR: 'OM',
};
