import { AppError } from '../errors/app-error';

export type TamaraCountry = 'SA' | 'AE' | 'BH' | 'KW' | 'OM';

interface MobilePlan {
  country: TamaraCountry;
  callingCode: string;
  /** National significant number of a mobile line. */
  mobile: RegExp;
  /** Countries whose local format starts with a trunk "0" (0512345678 in Saudi Arabia). */
  trunkZero: boolean;
}

/**
 * Mobile numbering of Tamara's countries. SA and AE follow Tamara's testing guide (9 digits
 * starting with 5), BH its guide (8 digits, 3 or 66); KW and OM the national plans (8 digits).
 * Deliberately broader than a carrier-range table: Tamara's own sandbox numbers (526422337)
 * fall outside some published ranges.
 */
const PLANS: MobilePlan[] = [
  { country: 'SA', callingCode: '966', mobile: /^5\d{8}$/, trunkZero: true },
  { country: 'AE', callingCode: '971', mobile: /^5\d{8}$/, trunkZero: true },
  { country: 'BH', callingCode: '973', mobile: /^(3\d{7}|66\d{6})$/, trunkZero: false },
  { country: 'KW', callingCode: '965', mobile: /^[569]\d{7}$/, trunkZero: false },
  { country: 'OM', callingCode: '968', mobile: /^[79]\d{7}$/, trunkZero: false },
];

/**
 * Normalises a customer phone to the one form this connector sends to Tamara: calling code and
 * national number, digits only, no "+" or "00" (e.g. "966512345678"). That is the form Tamara
 * uses in its examples and echoes back in order details.
 *
 * Accepts "+966 51 234 5678", "00966512345678", "966512345678", "0512345678" and "512345678"
 * (the last two read in `defaultCountry`). Rejects anything that is not a mobile number of a
 * Tamara country: the payment link travels by SMS.
 */
export function normalizeCustomerPhone(input: string, defaultCountry: TamaraCountry = 'SA'): string {
  const raw = String(input ?? '').trim();
  if (raw === '' || !/^\+?[\d\s\-().]+$/.test(raw)) {
    throw invalidPhone('must contain only digits, spaces, dashes and an optional leading "+"');
  }
  const hasPlus = raw.startsWith('+');
  let digits = raw.replace(/\D/g, '');
  let international = hasPlus;
  if (!hasPlus && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (international) {
    const plan = PLANS.find((p) => digits.startsWith(p.callingCode));
    if (!plan) throw invalidPhone('is not a number of a country Tamara serves (SA, AE, BH, KW, OM)');
    return checked(plan, digits.slice(plan.callingCode.length));
  }
  const withCallingCode = PLANS.find(
    (p) => digits.startsWith(p.callingCode) && p.mobile.test(digits.slice(p.callingCode.length)),
  );
  if (withCallingCode) return checked(withCallingCode, digits.slice(withCallingCode.callingCode.length));
  const home = PLANS.find((p) => p.country === defaultCountry)!;
  const national = home.trunkZero && digits.startsWith('0') ? digits.slice(1) : digits;
  return checked(home, national);
}

function checked(plan: MobilePlan, national: string): string {
  if (!plan.mobile.test(national)) {
    throw invalidPhone(`is not a valid ${plan.country} mobile number`);
  }
  return `${plan.callingCode}${national}`;
}

/** Country of a normalised phone. */
export function countryOfPhone(normalized: string): TamaraCountry | undefined {
  return PLANS.find((p) => normalized.startsWith(p.callingCode))?.country;
}

/** "966512345678" → "9665******78": enough for a cashier to recognise, useless to anyone else. */
export function maskPhone(normalized: string): string {
  if (normalized.length <= 6) return '*'.repeat(normalized.length);
  return `${normalized.slice(0, 4)}${'*'.repeat(normalized.length - 6)}${normalized.slice(-2)}`;
}

function invalidPhone(reason: string): AppError {
  return new AppError('INVALID_PHONE', `The customer phone number ${reason}.`, { field: 'phone' });
}
