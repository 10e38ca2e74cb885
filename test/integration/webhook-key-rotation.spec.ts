import { SignJWT } from 'jose';
import { startAppHarness, AppHarness } from '../support/app-harness';

const sign = (key: string) => {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: 'Tamara' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(iat).setExpirationTime(iat + 900).sign(new TextEncoder().encode(key));
};

describe('notification key rotation', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness({
      TAMARA_API_URL: 'http://127.0.0.1:9',
      TAMARA_NOTIFICATION_TOKEN: 'brand-new-notification-key',
      TAMARA_NOTIFICATION_TOKEN_PREVIOUS: 'the-previous-notification-key',
    });
  });
  afterAll(() => h.close());

  const body = { order_id: '0f5c2a8e-3b1d-4f7a-9c2e-5d6b7a8c9d0e', event_type: 'order_expired', data: [] };

  it('accepts tokens signed with the current and with the previous key, and no other', async () => {
    for (const [key, status] of [['brand-new-notification-key', 200], ['the-previous-notification-key', 200], ['some-other-key-entirely', 401]] as const) {
      const res = await h.api(`/webhooks/tamara?tamaraToken=${await sign(key)}`, { body, headers: { authorization: '' } });
      expect(res.status).toBe(status);
    }
  });
});
