import Decimal from 'decimal.js';
import { CURRENCY_SCALE, CurrencyCode, isSupportedCurrency } from './currency';

// A private Decimal constructor so a global Decimal.set() elsewhere cannot change our rounding.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type MoneyErrorCode = 'UNSUPPORTED_CURRENCY' | 'INVALID_AMOUNT' | 'TOO_MANY_DECIMALS';

export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * An exact amount in one of Tamara's currencies, held as a decimal with the currency's scale.
 * Never built from or turned into a float: input is a decimal string (or a JSON number read
 * as its exact text), output is a fixed-scale string.
 */
export class Money {
  private constructor(
    private readonly value: Decimal,
    readonly currency: CurrencyCode,
  ) {}

  /** Strict parse: rejects more decimals than the currency has. */
  static of(amount: string | number, currency: string): Money {
    const code = Money.currencyOf(currency);
    const value = Money.decimalOf(amount);
    if (value.decimalPlaces() > CURRENCY_SCALE[code]) {
      throw new MoneyError(
        'TOO_MANY_DECIMALS',
        `${code} amounts have at most ${CURRENCY_SCALE[code]} decimals; got ${String(amount)}`,
      );
    }
    return new Money(value, code);
  }

  /**
   * Lenient parse for amounts that come from systems that use floats (Odoo) or that echo numbers
   * (Tamara): rounds half-up to the currency's scale.
   */
  static rounded(amount: string | number, currency: string): Money {
    const code = Money.currencyOf(currency);
    const value = Money.decimalOf(amount).toDecimalPlaces(CURRENCY_SCALE[code], D.ROUND_HALF_UP);
    return new Money(value, code);
  }

  static zero(currency: string): Money {
    return new Money(new D(0), Money.currencyOf(currency));
  }

  private static currencyOf(currency: string): CurrencyCode {
    if (!isSupportedCurrency(currency)) {
      throw new MoneyError('UNSUPPORTED_CURRENCY', `Currency ${String(currency)} is not supported by Tamara`);
    }
    return currency;
  }

  private static decimalOf(amount: string | number): Decimal {
    // A JS number is taken by its shortest round-trip text (what JSON.parse saw), never by its binary value.
    const text = typeof amount === 'number' ? Money.numberText(amount) : String(amount).trim();
    if (!DECIMAL_TEXT.test(text)) {
      throw new MoneyError('INVALID_AMOUNT', `Amount ${JSON.stringify(amount)} is not a decimal number`);
    }
    return new D(text);
  }

  private static numberText(n: number): string {
    if (!Number.isFinite(n)) return String(n);
    const text = String(n);
    return /e/i.test(text) ? new D(text).toFixed() : text;
  }

  get scale(): number {
    return CURRENCY_SCALE[this.currency];
  }

  /** Fixed-scale text, e.g. "12.345" for KWD, "100.00" for SAR. */
  toFixed(): string {
    return this.value.toFixed(this.scale);
  }

  /** Amount in the currency's minor unit (fils, halalas) as a bigint. */
  toMinor(): bigint {
    return BigInt(this.value.times(new D(10).pow(this.scale)).toFixed(0));
  }

  isPositive(): boolean {
    return this.value.greaterThan(0);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.value.plus(other.value), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.value.minus(other.value), this.currency);
  }

  times(factor: string | number): Money {
    return new Money(
      this.value.times(new D(String(factor))).toDecimalPlaces(this.scale, D.ROUND_HALF_UP),
      this.currency,
    );
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.value.comparedTo(other.value) as -1 | 0 | 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.value.equals(other.value);
  }

  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  toString(): string {
    return `${this.toFixed()} ${this.currency}`;
  }

  toJSON(): { amount: string; currency: CurrencyCode } {
    return { amount: this.toFixed(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new MoneyError('UNSUPPORTED_CURRENCY', `Cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}

/**
 * Marker for an amount that must be written into a JSON body as a bare number with exactly the
 * currency's decimals (Tamara reads JSON numbers). See `toTamaraJson`.
 */
export const RAW_NUMBER_PREFIX = '\u0000num:';

export function rawJsonNumber(money: Money): string {
  return `${RAW_NUMBER_PREFIX}${money.toFixed()}`;
}

/**
 * JSON.stringify that writes `rawJsonNumber` markers as bare numbers ("12.345", not 12.345000000001
 * and not "12.345" in quotes), so no amount ever goes through floating point on its way out.
 */
export function stringifyWithExactNumbers(body: unknown): string {
  const text = JSON.stringify(body);
  const marker = JSON.stringify(RAW_NUMBER_PREFIX).slice(1, -1);
  return text.replace(new RegExp(`"${escapeRegExp(marker)}(-?\\d+(?:\\.\\d+)?)"`, 'g'), '$1');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
