import { CURRENCY_COUNTRY, CurrencyCode } from '../../../shared/money/currency';

/** A country Tamara operates in, as implied by the currency (the in-store endpoint has no country field). */
export type TamaraCountry = (typeof CURRENCY_COUNTRY)[CurrencyCode];

interface NumberingPlan {
  callingCode: string;
  /** National significant number (no trunk 0, no country code). */
  nationalNumber: RegExp;
}

/**
 * Mobile numbering plans. SA/AE/BH come from Tamara's testing guide (+966/+971 then 9 digits
 * starting with 5; +973 then 8 digits starting with 3); KW and OM are general numbering-plan
 * knowledge (8 digits), not a Tamara statement.
 */
const PLANS: Record<TamaraCountry, NumberingPlan> = {
  SA: { callingCode: '966', nationalNumber: /^5\d{8}$/ },
  AE: { callingCode: '971', nationalNumber: /^5\d{8}$/ },
  BH: { callingCode: '973', nationalNumber: /^3\d{7}$/ },
  KW: { callingCode: '965', nationalNumber: /^[569]\d{7}$/ },
  OM: { callingCode: '968', nationalNumber: /^[79]\d{7}$/ },
};

export interface RecognisedPhone {
  country: TamaraCountry;
  /** National significant number, e.g. `512345678`. */
  national: string;
  /** Country code + national number without "+", the form Tamara echoes back: `966512345678`. */
  international: string;
}

/**
 * Recognises a mobile number of `country` in the forms seen in Tamara's docs (`534274516`,
 * `966512345678`) plus `+966…`, `00966…` and `05…`. Anything with spaces, dashes or other
 * characters is refused, so a client that forgets to normalise finds out here.
 */
export function recognisePhone(raw: string, country: TamaraCountry): RecognisedPhone | undefined {
  const plan = PLANS[country];
  const digits = raw.startsWith('+') ? raw.slice(1) : raw.startsWith('00') ? raw.slice(2) : raw;
  const hasInternationalPrefix = digits !== raw;
  if (!/^\d+$/.test(digits)) return undefined;
  let national: string | undefined;
  if (digits.startsWith(plan.callingCode) && plan.nationalNumber.test(digits.slice(plan.callingCode.length))) {
    national = digits.slice(plan.callingCode.length);
  } else if (!hasInternationalPrefix && plan.nationalNumber.test(digits)) {
    national = digits;
  } else if (!hasInternationalPrefix && digits.startsWith('0') && plan.nationalNumber.test(digits.slice(1))) {
    national = digits.slice(1);
  }
  return national ? { country, national, international: `${plan.callingCode}${national}` } : undefined;
}

export function countryOfCurrency(currency: CurrencyCode): TamaraCountry {
  return CURRENCY_COUNTRY[currency];
}
