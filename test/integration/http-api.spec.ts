import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { startAppHarness, AppHarness } from '../support/app-harness';
import { TEST_NOTIFICATION_TOKEN, TEST_TAMARA_TOKEN, TEST_API_KEY } from '../support/test-config';

async function tamaraToken(key = TEST_NOTIFICATION_TOKEN, options: { alg?: string; iatOffset?: number; ttl?: number } = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) + (options.iatOffset ?? 0);
  return new SignJWT({ iss: 'Tamara' })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttl ?? 900))
    .sign(new TextEncoder().encode(key));
}

describe('HTTP API edges (Tamara unreachable)', () => {
  let h: AppHarness;
  const link = (over: Record<string, unknown> = {}) => ({ reference: 'POS-1', amount: '100.00', currency: 'SAR', phone: '0512345678', ...over });
  const post = (body: unknown, key = 'k-1', headers: Record<string, string> = {}) =>
    h.api('/api/v1/payment-links', { body, headers: { 'idempotency-key': key, ...headers } });

  beforeAll(async () => {
    h = await startAppHarness({ TAMARA_API_URL: 'http://127.0.0.1:9' });
  });
  afterAll(() => h.close());

  it('requires an API key', async () => {
    const res = await post(link(), 'k', { authorization: 'Bearer wrong-key-0000000000' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect((await h.api('/api/v1/payment-links/x', { headers: { authorization: '' } })).status).toBe(401);
  });

  it.each([
    [{ phone: 'abc' }, 400, 'INVALID_PHONE'],
    [{ phone: '+1 212 555 1212' }, 400, 'INVALID_PHONE'],
    [{ currency: 'USD' }, 400, 'UNSUPPORTED_CURRENCY'],
    [{ amount: '10.001' }, 400, 'TOO_MANY_DECIMALS'],
    [{ amount: '1.2345', currency: 'KWD' }, 400, 'TOO_MANY_DECIMALS'],
    [{ amount: '0' }, 400, 'INVALID_AMOUNT'],
    [{ amount: '-5.00' }, 400, 'INVALID_AMOUNT'],
    [{ amount: 'ten' }, 400, 'INVALID_AMOUNT'],
    [{ status: 'fully_captured' }, 400, 'VALIDATION_FAILED'],
    [{ tamaraOrderId: 'x' }, 400, 'VALIDATION_FAILED'],
    [{ reference: '' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %j with %i %s and calls nobody', async (over, status, code) => {
    const res = await post(link(over), `bad-${JSON.stringify(over)}`);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it('names forbidden properties (F6)', async () => {
    const res = await post(link({ status: 'x', amountOverride: 1 }));
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amountOverride', 'status']);
  });

  it('requires an Idempotency-Key on money-moving calls', async () => {
    const res = await h.api('/api/v1/payment-links', { body: link() });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('answers 503 TAMARA_UNAVAILABLE with Retry-After when Tamara cannot be reached, and leaves nothing live', async () => {
    const res = await post(link({ reference: 'POS-503' }), 'k-503');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('TAMARA_UNAVAILABLE');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const list = await h.api('/api/v1/payment-links?reference=POS-503');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].status).toBe('failed');
    expect(list.body.items[0].error.code).toBe('TAMARA_UNAVAILABLE');
  });

  it('answers 404 for an unknown link and a non-uuid id', async () => {
    expect((await h.api('/api/v1/payment-links/00000000-0000-4000-8000-000000000000')).body.error.code).toBe('LINK_NOT_FOUND');
    expect((await h.api('/api/v1/payment-links/not-a-uuid')).status).toBe(404);
  });

  describe('POST /webhooks/tamara', () => {
    const body = { order_id: '0f5c2a8e-3b1d-4f7a-9c2e-5d6b7a8c9d0e', order_reference_id: 'X-1', order_number: 'X', event_type: 'order_expired', data: [] };
    const send = (headers: Record<string, string>, query = '', payload: unknown = body) =>
      h.api(`/webhooks/tamara${query}`, { body: payload, headers: { authorization: '', ...headers } });

    it('accepts a valid token (header and query), stores the notification once, answers 2xx', async () => {
      const token = await tamaraToken();
      const first = await send({ authorization: `Bearer ${token}` }, `?tamaraToken=${token}`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ received: true, duplicate: false });
      const again = await send({ authorization: `Bearer ${token}` }, `?tamaraToken=${token}`);
      expect(again.body).toEqual({ received: true, duplicate: true });
    });

    it.each([
      ['no token', async () => ({ headers: {}, query: '' })],
      ['wrong key', async () => ({ headers: { authorization: `Bearer ${await tamaraToken('not-the-key-000000')}` }, query: '' })],
      ['HS512', async () => ({ headers: { authorization: `Bearer ${await tamaraToken(TEST_NOTIFICATION_TOKEN, { alg: 'HS512' })}` }, query: '' })],
      ['expired', async () => ({ headers: { authorization: `Bearer ${await tamaraToken(TEST_NOTIFICATION_TOKEN, { iatOffset: -2000 })}` }, query: '' })],
      ['alg none', async () => ({ headers: { authorization: `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"iss":"Tamara"}').toString('base64url')}.` }, query: '' })],
      ['header and query differ', async () => ({ headers: { authorization: `Bearer ${await tamaraToken()}` }, query: `?tamaraToken=${await tamaraToken(TEST_NOTIFICATION_TOKEN, { iatOffset: -5 })}` })],
    ])('refuses %s with 401 and stores nothing', async (_name, make) => {
      const { headers, query } = await make();
      const res = await send(headers as Record<string, string>, query, { ...body, order_id: '9a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('WEBHOOK_UNAUTHORIZED');
      const rows = await h.connector.app.get(DataSource).query(`SELECT count(*)::int AS n FROM tamara_inbox WHERE tamara_order_id = '9a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d'`);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a body that is not a Tamara notification with 400, and an oversize body with 413', async () => {
      const token = await tamaraToken();
      expect((await send({ authorization: `Bearer ${token}` }, '', { hello: 'world' })).status).toBe(400);
      const huge = { ...body, data: { pad: 'x'.repeat(200_000) } };
      expect((await send({ authorization: `Bearer ${token}` }, '', huge)).status).toBe(413);
    });
  });

  it('never writes a token, API key, phone or e-mail into the logs (I6)', async () => {
    const token = await tamaraToken();
    await h.api(`/webhooks/tamara?tamaraToken=${token}`, { body: { order_id: 'bad' }, headers: { authorization: `Bearer ${token}` } });
    await post(link({ reference: 'POS-LOG', phone: '+966 54 433 7866', email: 'customer@example.com' }), 'k-log');
    await post(link({ reference: 'POS-LOG2', phone: '0544337866' }), 'k-log2', { authorization: 'Bearer wrong-key-0000000000' });
    const text = h.logs.text;
    expect(text).toContain('"url":"/webhooks/tamara"'); // the request was logged, without its query string
    expect(text).toContain('POS-LOG');
    for (const secret of [token, TEST_NOTIFICATION_TOKEN, TEST_TAMARA_TOKEN, TEST_API_KEY, 'wrong-key-0000000000', '544337866', '0544337866', 'customer@example.com']) {
      expect(text).not.toContain(secret);
    }
  });

  it('serves health and metrics', async () => {
    expect((await h.api('/health/live')).body).toEqual({ status: 'ok' });
    expect((await h.api('/health/ready')).body.status).toBe('ok');
    const metrics = await h.api('/metrics');
    expect(metrics.body).toContain('tamara_webhooks_total');
  });
});
