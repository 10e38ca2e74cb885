import { redactSensitiveData, redactSensitiveText } from '../../../src/tamara/sensitive-text';

describe('redactSensitiveText', () => {
  it.each([
    ['966512345678', '[redacted]'],
    ['call +966 51 234 5678 now', 'call [redacted] now'],
    ['national 512345678.', 'national [redacted].'],
    ['mail mona.lisa@example.com', 'mail [redacted]'],
    ['order 0ac038ef-de4a-491c-828e-446655440000 failed', 'order 0ac038ef-de4a-491c-828e-446655440000 failed'],
    ['12345678-de4a-491c-828e-b02ec0d4582d', '12345678-de4a-491c-828e-b02ec0d4582d'],
    ['amount 300.00 SAR, code 4012', 'amount 300.00 SAR, code 4012'],
  ])('%j → %j', (input, expected) => {
    expect(redactSensitiveText(input)).toBe(expected);
  });

  it('removes the given secrets and truncates long text', () => {
    expect(redactSensitiveText('Bearer tok-123456 denied', ['tok-123456'])).toBe('Bearer [redacted] denied');
    expect(redactSensitiveText('x'.repeat(1000))).toHaveLength(301);
  });
});

describe('redactSensitiveData', () => {
  it('blanks personal keys, scrubs text and keeps identifiers usable', () => {
    expect(
      redactSensitiveData({
        webhook_id: '1234567',
        consumer: { first_name: 'Mona' },
        phone_number: '966512345678',
        note: 'for 966512345678',
        nested: [{ email: 'a@b.co', old_state: 'approved' }],
      }),
    ).toEqual({
      webhook_id: '1234567',
      consumer: '[redacted]',
      phone_number: '[redacted]',
      note: 'for [redacted]',
      nested: [{ email: '[redacted]', old_state: 'approved' }],
    });
  });
});
