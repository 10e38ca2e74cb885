import { createLogScrubber } from '../../../src/observability/log-scrubber';

describe('createLogScrubber', () => {
  const scrub = createLogScrubber(['super-secret-api-key-123', 'notif-token-xyz']);

  it('removes configured secrets, JWTs, tamaraToken query values and bearer tokens', () => {
    const line = JSON.stringify({
      msg: 'failed super-secret-api-key-123',
      url: '/webhooks/tamara?tamaraToken=eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJUYW1hcmEifQ.c2lnbmF0dXJl&x=1',
      h: 'Bearer abcdefghijklmnop',
    });
    const out = scrub(line);
    expect(out).not.toContain('super-secret-api-key-123');
    expect(out).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(out).not.toContain('abcdefghijklmnop');
    expect(out).toContain('tamaraToken=[REDACTED]');
  });

  it('removes GCC phone numbers in any common form, e-mails and national ids', () => {
    const out = scrub('call +966512345678 or 966 512345678 or 0512345678 or 544337866, mail a.b@example.com, id 1012345678');
    for (const secret of ['512345678', '544337866', 'a.b@example.com', '1012345678']) expect(out).not.toContain(secret);
  });

  it('leaves ids, amounts, timestamps and references alone', () => {
    const line = '{"time":1764000000000,"linkId":"0f5c2a8e-3b1d-4f7a-9c2e-5d6b7a8c9d0e","amount":"12.345","ref":"INV-2026-00001-1"}';
    expect(scrub(line)).toBe(line);
  });
});
