import { Money, MoneyError, rawJsonNumber, stringifyWithExactNumbers } from '../../../src/shared/money/money';

describe('Money', () => {
  it('keeps the currency scale: 2 decimals for SAR, 3 for KWD/BHD/OMR', () => {
    expect(Money.of('100', 'SAR').toFixed()).toBe('100.00');
    expect(Money.of('12.345', 'KWD').toFixed()).toBe('12.345');
    expect(Money.of('1.5', 'BHD').toFixed()).toBe('1.500');
    expect(Money.of(7, 'OMR').toFixed()).toBe('7.000');
  });

  it('refuses more decimals than the currency has, unsupported currencies and non-numbers', () => {
    expect(() => Money.of('1.2345', 'KWD')).toThrow(expect.objectContaining({ code: 'TOO_MANY_DECIMALS' }));
    expect(() => Money.of('10.001', 'SAR')).toThrow(expect.objectContaining({ code: 'TOO_MANY_DECIMALS' }));
    expect(() => Money.of('10', 'USD')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CURRENCY' }));
    expect(() => Money.of('abc', 'SAR')).toThrow(MoneyError);
    expect(() => Money.of('1e3', 'SAR')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('adds and subtracts exactly where floats would not', () => {
    const a = Money.of('0.1', 'SAR').plus(Money.of('0.2', 'SAR'));
    expect(a.toFixed()).toBe('0.30');
    expect(a.equals(Money.of('0.3', 'SAR'))).toBe(true);
    const kwd = Money.of('12.345', 'KWD').minus(Money.of('0.005', 'KWD')).minus(Money.of('12.340', 'KWD'));
    expect(kwd.isZero()).toBe(true);
  });

  it('rounds half-up to the scale for amounts coming from float systems', () => {
    expect(Money.rounded(344.085, 'SAR').toFixed()).toBe('344.09');
    expect(Money.rounded('952.3810000001', 'OMR').toFixed()).toBe('952.381');
  });

  it('converts to minor units as an integer', () => {
    expect(Money.of('12.345', 'KWD').toMinor()).toBe(12345n);
    expect(Money.of('100.5', 'SAR').toMinor()).toBe(10050n);
  });

  it('refuses to combine currencies', () => {
    expect(() => Money.of('1', 'SAR').plus(Money.of('1', 'AED'))).toThrow(MoneyError);
  });

  it('writes amounts into JSON as bare numbers with the exact decimals', () => {
    const body = { total_amount: { amount: rawJsonNumber(Money.of('12.345', 'KWD')), currency: 'KWD' }, n: rawJsonNumber(Money.of('100', 'SAR')) };
    expect(stringifyWithExactNumbers(body)).toBe('{"total_amount":{"amount":12.345,"currency":"KWD"},"n":100.00}');
  });
});
