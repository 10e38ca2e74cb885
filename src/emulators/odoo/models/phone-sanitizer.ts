/**
 * E.164 normalisation in the spirit of Odoo's `phone_validation` (which uses the phonenumbers
 * library): "+966 51 234 5678", "051 234 5678" (with country SA) and "0551234567" all become
 * "+9665…". A number that cannot be made valid gives false, as Odoo stores NULL then.
 *
 * Validation is deliberately simple: national significant numbers of 8–9 digits for Saudi Arabia
 * and the GCC, 6–12 digits elsewhere. The emulator documents this difference from libphonenumber.
 */
const NATIONAL_LENGTH: Record<number, readonly [number, number]> = {
  966: [8, 9], // Saudi Arabia
  965: [7, 8], // Kuwait
  971: [8, 9], // United Arab Emirates
  973: [8, 8], // Bahrain
  974: [7, 8], // Qatar
  968: [7, 8], // Oman
};

export function sanitizePhone(raw: string, countryPhoneCode: number | undefined): string | false {
  const text = raw.trim();
  if (!text) return false;
  let digits = text.replace(/[\s().\-/]/g, '');
  if (!/^\+?\d+$/.test(digits)) return false;
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+')) {
    const all = digits.slice(1);
    for (const size of [3, 2, 1]) {
      const code = Number(all.slice(0, size));
      if (!(code in NATIONAL_LENGTH)) continue;
      const national = all.slice(size).replace(/^0/, '');
      return validNational(national, code) ? `+${code}${national}` : false;
    }
    return all.length >= 8 && all.length <= 15 ? `+${all}` : false;
  }
  if (countryPhoneCode === undefined) return false;
  const national = digits.replace(/^0+/, '');
  return validNational(national, countryPhoneCode) ? `+${countryPhoneCode}${national}` : false;
}

function validNational(national: string, code: number): boolean {
  const [min, max] = NATIONAL_LENGTH[code] ?? [6, 12];
  return national.length >= min && national.length <= max;
}
