import { maskPhone, normalizeCustomerPhone } from '../../../src/shared/phone/phone-number';

describe('normalizeCustomerPhone', () => {
  it.each([
    ['+966 51 234 5678', '966512345678'],
    ['00966512345678', '966512345678'],
    ['966512345678', '966512345678'],
    ['0512345678', '966512345678'],
    ['512345678', '966512345678'],
    ['+966-51-234-5678', '966512345678'],
    ['526422337', '966526422337'],
    ['+971 50 123 4567', '971501234567'],
    ['+973 3312 3456', '97333123456'],
    ['+965 5012 3456', '96550123456'],
    ['+968 9123 4567', '96891234567'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeCustomerPhone(input)).toBe(expected);
  });

  it('reads local numbers in the configured default country', () => {
    expect(normalizeCustomerPhone('0501234567', 'AE')).toBe('971501234567');
  });

  it.each(['abc', '12345', '+1 212 555 1212', '0112345678', '+966 11 234 5678', '', '96651234'])('rejects %j with INVALID_PHONE', (input) => {
    expect(() => normalizeCustomerPhone(input)).toThrow(expect.objectContaining({ code: 'INVALID_PHONE' }));
  });

  it('masks all but the country prefix and the last two digits', () => {
    expect(maskPhone('966512345678')).toBe('9665******78');
  });
});
