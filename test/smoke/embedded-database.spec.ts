import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConnector, RunningConnector } from '../../src/bootstrap';
import { ProcessTamaraNotificationsUseCase } from '../../src/payments/use-cases/process-tamara-notifications.use-case';
import { startTamaraEmulator } from '../../src/emulators/tamara/tamara-emulator';
import { testConfig, TEST_API_KEY, TEST_NOTIFICATION_TOKEN, TEST_TAMARA_TOKEN } from '../support/test-config';

/**
 * Smoke suite on the embedded database (PGlite behind pglite-socket), whatever DATABASE_URL says:
 * boot, migrate, one payment, one refund — through the HTTP API and Tamara's webhooks.
 */
describe('smoke: embedded PostgreSQL (PGlite)', () => {
  let dataDir: string;
  let tamara: Awaited<ReturnType<typeof startTamaraEmulator>>;
  let connector: RunningConnector;

  const api = async (path: string, body?: unknown, key?: string) => {
    const res = await fetch(`${connector.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tamara-smoke-'));
    tamara = await startTamaraEmulator({ apiTokens: [TEST_TAMARA_TOKEN], notificationToken: TEST_NOTIFICATION_TOKEN, requireHttpsWebhooks: false });
    const port = 0;
    const config = testConfig({ DATABASE_URL: undefined, DATA_DIR: dataDir, TAMARA_API_URL: tamara.url, PORT: String(port) });
    connector = await startConnector(config, { runtime: { jobsEnabled: false }, host: '127.0.0.1', registerWebhook: false });
    // Tamara must know where to send notifications: register the connector's webhook at the emulator.
    const res = await fetch(`${tamara.url}/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TAMARA_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'order', url: `${connector.url}/webhooks/tamara`, events: ['order_approved', 'order_captured', 'order_refunded', 'order_expired', 'order_declined'] }),
    });
    expect(res.status).toBe(200);
  });

  afterAll(async () => {
    await connector?.close();
    await tamara?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots and migrates on the embedded database', async () => {
    expect(connector.databaseUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
    expect((await api('/health/ready')).body.status).toBe('ok');
  });

  it('takes one payment and one refund end to end', async () => {
    const created = await api('/api/v1/payment-links', { reference: 'SMOKE-1', amount: '230.00', currency: 'SAR', phone: '0544337866' }, 'smoke-1');
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('new');

    const pay = await fetch(`${tamara.url}/_emulator/orders/${created.body.tamaraOrderId}/pay`, { method: 'POST' });
    expect(pay.status).toBe(200);
    await fetch(`${tamara.url}/_emulator/webhooks/idle`, { method: 'POST' });
    await connector.app.get(ProcessTamaraNotificationsUseCase).runOnce();
    const paid = await api(`/api/v1/payment-links/${created.body.id}`);
    expect(paid.body.status).toBe('fully_captured');

    const refund = await api(`/api/v1/payment-links/${created.body.id}/refunds`, { amount: '30.00', comment: 'one item returned' }, 'smoke-refund-1');
    expect(refund.status).toBe(201);
    expect(refund.body.refund.status).toBe('succeeded');
    expect(refund.body.link.status).toBe('partially_refunded');
    expect(refund.body.link.refundedAmount).toEqual({ amount: '30.00', currency: 'SAR' });
  });
});
