import { SignJWT } from 'jose';
import { TamaraNotificationVerifier } from '../../../src/tamara/webhook/tamara-notification.verifier';
import { Clock } from '../../../src/shared/time/clock';

class MovableClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

describe('TamaraNotificationVerifier: remembered tokens', () => {
  const key = 'notification-key-for-cache-tests';
  const sign = (iat: number, secret = key) =>
    new SignJWT({ iss: 'Tamara' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(iat).setExpirationTime(iat + 900).sign(new TextEncoder().encode(secret));

  it('still rejects a remembered token once it has expired', async () => {
    const start = new Date('2026-11-24T10:00:00Z');
    const clock = new MovableClock(start);
    const verifier = new TamaraNotificationVerifier([key], { clock });
    const token = await sign(Math.floor(start.getTime() / 1000));
    expect(await verifier.verify({ authorizationHeader: `Bearer ${token}` })).toEqual({ ok: true, issuerMatches: true });
    expect(await verifier.verify({ queryToken: token })).toEqual({ ok: true, issuerMatches: true });
    clock.at = new Date(start.getTime() + 961_000);
    expect(await verifier.verify({ queryToken: token })).toEqual({ ok: false, reason: 'expired' });
  });

  it('never remembers a token that failed', async () => {
    const now = new Date();
    const verifier = new TamaraNotificationVerifier([key], { clock: new MovableClock(now) });
    const forged = await sign(Math.floor(now.getTime() / 1000), 'not-the-key');
    expect(await verifier.verify({ queryToken: forged })).toEqual({ ok: false, reason: 'invalid_signature' });
    expect(await verifier.verify({ queryToken: forged })).toEqual({ ok: false, reason: 'invalid_signature' });
  });
});
