import Decimal from 'decimal.js';
import { CURRENCY_SCALE, CurrencyCode } from '../../../shared/money/currency';

// A private constructor so a global Decimal.set() elsewhere cannot change the emulator's rounding.
const ExactDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });

/**
 * An exact amount in one of Tamara's currencies. Arithmetic is decimal, never binary floating
 * point, and every value stays within the currency's scale (2 decimals, 3 for BHD/KWD/OMR).
 * On the wire it is written as a JSON number with exactly the currency's decimals
 * (`100.00`, `12.345`) by the emulator's JSON writer, so no float ever touches the text.
 */
export class TamaraMoney {
  private constructor(
    private readonly value: Decimal,
    readonly currency: CurrencyCode,
  ) {}

  /** `amount` must already respect the currency's scale (validation guarantees it). */
  static of(amount: Decimal.Value, currency: CurrencyCode): TamaraMoney {
    const value = new ExactDecimal(amount);
    if (value.decimalPlaces() > CURRENCY_SCALE[currency]) {
      throw new RangeError(`${currency} has ${CURRENCY_SCALE[currency]} decimals; ${value.toString()} has more`);
    }
    return new TamaraMoney(value, currency);
  }

  static zero(currency: CurrencyCode): TamaraMoney {
    return new TamaraMoney(new ExactDecimal(0), currency);
  }

  get scale(): number {
    return CURRENCY_SCALE[this.currency];
  }

  plus(other: TamaraMoney): TamaraMoney {
    return new TamaraMoney(this.value.plus(this.sameCurrency(other).value), this.currency);
  }

  minus(other: TamaraMoney): TamaraMoney {
    return new TamaraMoney(this.value.minus(this.sameCurrency(other).value), this.currency);
  }

  /**
   * The first of `count` instalments: every instalment is the total divided evenly and
   * truncated to the currency's scale; the first one also carries the remainder, so the
   * instalments always add up to the total exactly.
   */
  firstInstalment(count: number): TamaraMoney {
    if (count <= 1) return this;
    const regular = this.value.dividedBy(count).toDecimalPlaces(this.scale, Decimal.ROUND_DOWN);
    return new TamaraMoney(this.value.minus(regular.times(count - 1)), this.currency);
  }

  compare(other: TamaraMoney): number {
    return this.value.comparedTo(this.sameCurrency(other).value);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isPositive(): boolean {
    return this.value.greaterThan(0);
  }

  /** Decimal text with exactly the currency's decimals: `300.00`, `12.345`. */
  toFixed(): string {
    return this.value.toFixed(this.scale);
  }

  /** Plain `{amount, currency}` for in-process callers (the number is parsed from the exact text). */
  toPlain(): { amount: number; currency: CurrencyCode } {
    return { amount: Number(this.toFixed()), currency: this.currency };
  }

  private sameCurrency(other: TamaraMoney): TamaraMoney {
    if (other.currency !== this.currency) throw new RangeError(`cannot combine ${this.currency} with ${other.currency}`);
    return other;
  }
}
