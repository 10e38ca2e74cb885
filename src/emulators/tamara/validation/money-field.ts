import Decimal from 'decimal.js';
import { CURRENCY_SCALE, CurrencyCode, isSupportedCurrency } from '../../../shared/money/currency';
import { readDecimalAmount } from '../money/amount-input';
import { TamaraMoney } from '../money/tamara-money';
import { TamaraErrors } from '../tamara-api-error';
import { IssueCollector, isRecord } from './field-issues';

/** A `{amount, currency}` that is well-formed but not yet checked against currency rules. */
export interface MoneyInput {
  field: string;
  amount: Decimal;
  currency: string;
}

/**
 * Reads a Money object. `amount` may be a JSON number or a numeric string (Tamara's own
 * examples send both); `currency` must be a string. Currency support and decimals are
 * checked later, with their own error codes, by `toTamaraMoney`.
 */
export function readMoney(
  body: Record<string, unknown>,
  key: string,
  field: string,
  issues: IssueCollector,
  options: { required: boolean; nonNegative?: boolean; positive?: boolean },
): MoneyInput | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (options.required) issues.required(field);
    return undefined;
  }
  if (!isRecord(value)) {
    issues.invalid(field, 'must be an object {amount, currency}');
    return undefined;
  }
  let ok = true;
  if (value.amount === undefined || value.amount === null) {
    issues.required(`${field}.amount`);
    ok = false;
  }
  if (value.currency === undefined || value.currency === null || value.currency === '') {
    issues.required(`${field}.currency`);
    ok = false;
  }
  if (!ok) return undefined;
  const amount = readDecimalAmount(value.amount);
  if (!amount) {
    issues.invalid(`${field}.amount`, 'must be a number or a numeric string');
    return undefined;
  }
  if (typeof value.currency !== 'string') {
    issues.invalid(`${field}.currency`, 'must be a string');
    return undefined;
  }
  if (options.positive && !amount.greaterThan(0)) {
    issues.invalid(`${field}.amount`, 'must be greater than 0');
    return undefined;
  }
  if (options.nonNegative && amount.isNegative()) {
    issues.invalid(`${field}.amount`, 'must not be negative');
    return undefined;
  }
  return { field, amount, currency: value.currency };
}

/**
 * Applies the currency rules to a well-formed amount: the currency must be `expected`
 * (cross-currency requests are refused) and the amount may not carry more decimals than the
 * currency has (or is rounded half-up when the merchant emulator is lenient). `field` names the
 * error code (`items_total_amount_invalid_currency`).
 */
export function toTamaraMoney(input: MoneyInput, expected: CurrencyCode, rules: { rejectExcessDecimals: boolean }): TamaraMoney {
  const codeField = input.field.replace(/\[\d+\]/g, '').replace(/\./g, '_');
  if (!isSupportedCurrency(input.currency) || input.currency !== expected) throw TamaraErrors.currencyMismatch(codeField);
  const scale = CURRENCY_SCALE[expected];
  if (input.amount.decimalPlaces() <= scale) return TamaraMoney.of(input.amount, expected);
  if (rules.rejectExcessDecimals) throw TamaraErrors.tooManyDecimals(codeField, scale);
  return TamaraMoney.of(input.amount.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP), expected);
}
