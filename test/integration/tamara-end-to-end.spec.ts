import { startTamaraE2e, TamaraE2e } from '../support/tamara-e2e-harness';
import { ConnectorMetrics } from '../../src/observability/connector-metrics';
import { ApplyTamaraOrderUseCase } from '../../src/payments/use-cases/apply-tamara-order.use-case';
import { ReconcileLinksUseCase } from '../../src/payments/use-cases/reconcile-links.use-case';

describe('the connector over HTTP against the Tamara emulator', () => {
  let e: TamaraE2e;
  let seq = 0;

  beforeAll(async () => {
    e = await startTamaraE2e({ TAMARA_TIMEOUT_MS: '1500' });
  });
  afterAll(() => e.close());
  afterEach(() => e.tamara.clearFaults());

  const create = (over: Record<string, unknown> = {}, key?: string) => {
    seq += 1;
    return e.app.api('/api/v1/payment-links', {
      body: { reference: `E2E-${seq}`, amount: '100.00', currency: 'SAR', phone: '0512345678', ...over },
      headers: { 'idempotency-key': key ?? `e2e-${seq}` },
    });
  };
  const link = async (id: string) => (await e.app.api(`/api/v1/payment-links/${id}`)).body;
  const smsFor = (orderId: string) => e.tamara.sms().filter((s) => s.orderId === orderId);

  it('creates a link, is told of the payment by webhook, refunds partially then fully', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(smsFor(res.body.tamaraOrderId)).toHaveLength(1);
    await e.tamara.pay(res.body.tamaraOrderId);
    await e.settle();
    expect((await link(res.body.id)).status).toBe('fully_captured');

    const partial = await e.app.api(`/api/v1/payment-links/${res.body.id}/refunds`, { body: { amount: '40.00' }, headers: { 'idempotency-key': `r-${seq}-1` } });
    expect(partial.status).toBe(201);
    expect(partial.body.link.status).toBe('partially_refunded');
    const over = await e.app.api(`/api/v1/payment-links/${res.body.id}/refunds`, { body: { amount: '60.01' }, headers: { 'idempotency-key': `r-${seq}-2` } });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('OVER_REFUND');
    const full = await e.app.api(`/api/v1/payment-links/${res.body.id}/refunds`, { body: { amount: '60.00' }, headers: { 'idempotency-key': `r-${seq}-3` } });
    expect(full.body.link.status).toBe('fully_refunded');
    const order = e.tamara.order(res.body.tamaraOrderId) as unknown as Record<string, any>;
    expect(order.status).toBe('fully_refunded');
  });

  it('sends three-decimal currencies exactly (KWD 12.345)', async () => {
    const res = await create({ amount: '12.345', currency: 'KWD', phone: '+965 5012 3456' });
    expect(res.status).toBe(201);
    const call = e.tamara.calls().filter((c) => c.route === 'in_store_session').pop()!;
    expect((call.body as { total_amount: { amount: number; currency: string } }).total_amount).toEqual({ amount: 12.345, currency: 'KWD' });
    await e.tamara.pay(res.body.tamaraOrderId);
    await e.settle();
    const a = await e.app.api(`/api/v1/payment-links/${res.body.id}/refunds`, { body: { amount: '0.005' }, headers: { 'idempotency-key': `kwd-${seq}-1` } });
    const b = await e.app.api(`/api/v1/payment-links/${res.body.id}/refunds`, { body: { amount: '12.340' }, headers: { 'idempotency-key': `kwd-${seq}-2` } });
    expect(a.status).toBe(201);
    expect(b.body.link.status).toBe('fully_refunded');
    expect(b.body.link.refundedAmount).toEqual({ amount: '12.345', currency: 'KWD' });
  });

  it('C1: Tamara creates the order but the answer never comes: one order, one SMS, adopted by lookup', async () => {
    e.tamara.setFault({ kind: 'timeout_after_commit', mode: 'withhold', withholdMs: 4000, route: 'in_store_session', times: 1 });
    const res = await create();
    expect([201, 202]).toContain(res.status);
    expect(res.body.status).toBe('new');
    const orders = e.tamara.orders().filter((o) => (o as unknown as Record<string, unknown>).order_id === res.body.tamaraOrderId);
    expect(orders).toHaveLength(1);
    expect(smsFor(res.body.tamaraOrderId)).toHaveLength(1);
    expect(e.tamara.sms().filter((s) => s.message.includes(res.body.orderReferenceId) || s.orderId === res.body.tamaraOrderId)).toHaveLength(1);
  });

  it('E1: the webhook arrives before the create answer; the link ends paid with one order', async () => {
    e.tamara.setFault({ kind: 'webhook_before_response', outcome: 'pay', route: 'in_store_session', times: 1 });
    const res = await create();
    expect(res.status).toBe(201);
    await e.settle();
    expect((await link(res.body.id)).status).toBe('fully_captured');
    expect(smsFor(res.body.tamaraOrderId)).toHaveLength(1);
  });

  it('A3: five copies of the capture webhook (at once) → stored once, order read once', async () => {
    const res = await create();
    e.tamara.setFault({ kind: 'webhook_duplicate', copies: 5, concurrent: true, route: 'order_captured', times: 1 });
    const readsBefore = e.tamara.calls().filter((c) => c.route === 'get_order').length;
    await e.tamara.pay(res.body.tamaraOrderId);
    await e.settle();
    const deliveries = e.tamara.webhookDeliveries().filter((d) => (d as unknown as Record<string, unknown>).eventType === 'order_captured' || JSON.stringify(d).includes('order_captured'));
    expect(deliveries.filter((d) => JSON.stringify(d).includes(res.body.tamaraOrderId)).length).toBeGreaterThanOrEqual(5);
    const rows = await e.dataSource.query(`SELECT duplicates FROM tamara_inbox WHERE tamara_order_id = $1 AND event_type = 'order_captured'`, [res.body.tamaraOrderId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].duplicates).toBe(4);
    const reads = e.tamara.calls().filter((c) => c.route === 'get_order').length - readsBefore;
    expect(reads).toBeLessThanOrEqual(2); // approved + captured notifications; never one per copy
    expect((await link(res.body.id)).status).toBe('fully_captured');
  });

  it('C7: void after the customer paid → 409 ALREADY_PAID, link paid', async () => {
    const res = await create();
    await e.tamara.pay(res.body.tamaraOrderId);
    const voided = await e.app.api(`/api/v1/payment-links/${res.body.id}/void`, { body: {} });
    expect(voided.status).toBe(409);
    expect(voided.body.error.code).toBe('ALREADY_PAID');
    expect((await link(res.body.id)).status).toBe('fully_captured');
  });

  it('voids a live link at Tamara', async () => {
    const res = await create();
    const voided = await e.app.api(`/api/v1/payment-links/${res.body.id}/void`, { body: {} });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe('voided');
    expect((e.tamara.order(res.body.tamaraOrderId) as unknown as Record<string, unknown>).status).toBe('expired');
  });

  it('C4: an unknown order status from Tamara is counted and changes nothing', async () => {
    const res = await create();
    e.tamara.setFault({ kind: 'unknown_status', status: 'on_hold', route: 'get_order' });
    const metrics = e.app.connector.app.get(ConnectorMetrics);
    const before = (await metrics.unrecognisedStatuses.get()).values[0]?.value ?? 0;
    await e.app.connector.app.get(ApplyTamaraOrderUseCase).syncFromTamara(res.body.id, 'poll');
    expect((await link(res.body.id)).status).toBe('new');
    expect((await metrics.unrecognisedStatuses.get()).values[0].value).toBe(before + 1);
  });

  it('C3: a 429 with Retry-After on reads is waited out, not hammered', async () => {
    const res = await create();
    e.tamara.setFault({ kind: 'rate_limit', retryAfterSeconds: 1, route: 'get_order', times: 1 });
    const started = Date.now();
    await e.app.connector.app.get(ReconcileLinksUseCase).runOnce();
    await e.app.connector.app.get(ApplyTamaraOrderUseCase).syncFromTamara(res.body.id, 'poll');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const limited = e.tamara.calls().filter((c) => c.route === 'get_order' && c.status === 429);
    expect(limited).toHaveLength(1);
  });

  it('tells the cashier whether the customer is verified at Tamara', async () => {
    const res = await e.app.api('/api/v1/customers/id-verification?phone=0512345678');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phone: '9665******78', country: 'SA', idVerified: expect.any(Boolean), message: expect.any(String) });
  });
});
