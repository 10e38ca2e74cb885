import { DataSource } from 'typeorm';
import { SignJWT } from 'jose';
import { TEST_NOTIFICATION_TOKEN } from '../support/test-config';
import { startAppHarness, AppHarness } from '../support/app-harness';
import { startOdooEmulator, OdooEmulator } from '../../src/emulators/odoo/odoo-emulator';

describe('operations: audit log, request ids, Odoo hint, database outage', () => {
  let odoo: OdooEmulator;
  let h: AppHarness;

  beforeAll(async () => {
    odoo = await startOdooEmulator();
    h = await startAppHarness({
      TAMARA_API_URL: 'http://127.0.0.1:9',
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.database,
      ODOO_USERNAME: odoo.login,
      ODOO_API_KEY: odoo.apiKey!,
      ODOO_WEBHOOK_TOKEN: 'odoo-hint-token-123456',
    });
  });
  afterAll(async () => {
    await h.close();
    await odoo.close();
  });

  it('keeps the payment event log append-only', async () => {
    await h.api('/api/v1/payment-links', { body: { reference: 'OPS-1', amount: '10.00', currency: 'SAR', phone: '0512345678' }, headers: { 'idempotency-key': 'ops-1' } });
    const ds = h.connector.app.get(DataSource);
    const [event] = await ds.query(`SELECT id FROM payment_event LIMIT 1`);
    expect(event).toBeDefined();
    await expect(ds.query(`UPDATE payment_event SET cause = 'rewritten' WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM payment_event WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
  });

  it('answers with a request id, and keeps a valid one the caller sent', async () => {
    const mine = await h.api('/health/live', { headers: { 'x-request-id': 'pos-terminal-7-0001' } });
    expect(mine.headers.get('x-request-id')).toBe('pos-terminal-7-0001');
    const generated = await h.api('/health/live');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts Odoo’s automation hint only with its token', async () => {
    expect((await h.api('/webhooks/odoo?token=odoo-hint-token-123456', { body: { _model: 'account.move', _id: 1 }, headers: { authorization: '' } })).status).toBe(200);
    const refused = await h.api('/webhooks/odoo?token=wrong', { body: {}, headers: { authorization: '' } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('WEBHOOK_UNAUTHORIZED');
  });
});

describe('B6: database down when Tamara notifies', () => {
  it('answers 503 so Tamara retries, and never 2xx without a durable record', async () => {
    const h = await startAppHarness({ TAMARA_API_URL: 'http://127.0.0.1:9' });
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: 'Tamara' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(iat).setExpirationTime(iat + 900).sign(new TextEncoder().encode(TEST_NOTIFICATION_TOKEN));
    await h.connector.app.get(DataSource).destroy(); // the database goes away
    const res = await withTimeout(h.api(`/webhooks/tamara?tamaraToken=${token}`, {
      body: { order_id: '0f5c2a8e-3b1d-4f7a-9c2e-5d6b7a8c9d0e', event_type: 'order_captured', data: [] },
      headers: { authorization: '' },
    }));
    await h.close().catch(() => undefined);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('5');
  });
});

function withTimeout<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('no answer in time')), ms).unref())]);
}
