import { createCoreHarness, CoreHarness } from '../support/core-harness';
import { Money } from '../../src/shared/money/money';
import { CreatePaymentLinkUseCase } from '../../src/payments/use-cases/create-payment-link.use-case';
import { ReconcileLinksUseCase } from '../../src/payments/use-cases/reconcile-links.use-case';
import { VoidPaymentLinkUseCase } from '../../src/payments/use-cases/void-payment-link.use-case';
import { ApplyTamaraOrderUseCase } from '../../src/payments/use-cases/apply-tamara-order.use-case';
import { PaymentLinkRepository } from '../../src/payments/persistence/payment-link.repository';
import type { PaymentLinkEntity } from '../../src/payments/persistence/payment-link.entity';
import type { PaymentLinkRequest } from '../../src/payments/use-cases/payment-link.request';

describe('payment links against PostgreSQL (core, fake Tamara)', () => {
  let h: CoreHarness;
  let create: CreatePaymentLinkUseCase;
  let reconcile: ReconcileLinksUseCase;
  let links: PaymentLinkRepository;
  let seq = 0;

  beforeAll(async () => {
    h = await createCoreHarness();
    create = h.get(CreatePaymentLinkUseCase);
    reconcile = h.get(ReconcileLinksUseCase);
    links = h.get(PaymentLinkRepository);
  });
  afterAll(() => h.close());

  function request(overrides: Partial<PaymentLinkRequest> = {}): PaymentLinkRequest {
    seq += 1;
    return {
      documentSource: 'api',
      documentId: `SALE-${seq}`,
      documentReference: `SALE-${seq}`,
      amount: Money.of('345.00', 'SAR'),
      phone: '+966 51 234 5678',
      ...overrides,
    };
  }

  async function events(linkId: string): Promise<Array<{ type: string; to_status: string | null; cause: string }>> {
    return h.dataSource.query(`SELECT type, to_status, cause FROM payment_event WHERE payment_link_id = $1 ORDER BY id`, [linkId]);
  }

  it('creates one Tamara order with a deterministic reference and records every step', async () => {
    const outcome = await create.execute(request({ idempotencyKey: 'k-basic' }));
    expect(outcome.kind).toBe('created');
    const link = outcome.link;
    expect(link.status).toBe('new');
    expect(link.orderReferenceId).toBe(`${link.documentReference}-1`);
    expect(link.tamaraOrderId).toBeTruthy();
    expect(link.checkoutUrl).toContain(link.checkoutId);
    expect(link.createRequest).toBeNull(); // the phone is not kept once Tamara has it
    expect(link.phoneMasked).toBe('9665******78');
    const sent = h.tamara.calls.find((c) => c.op === 'create')!.args as { phoneNumber: string; orderReferenceId: string };
    expect(sent.phoneNumber).toBe('966512345678');
    expect((await events(link.id)).map((e) => `${e.type}:${e.to_status ?? ''}`)).toEqual(['status_changed:requested', 'create_sent:', 'status_changed:new']);
  });

  it('A1: a repeated Idempotency-Key returns the first result and creates nothing', async () => {
    const req = request({ idempotencyKey: 'k-a1' });
    const before = h.tamara.count('create');
    const first = await create.execute(req);
    const second = await create.execute(req);
    expect(second.replayed).toBe(true);
    expect(second.link.id).toBe(first.link.id);
    expect(h.tamara.count('create') - before).toBe(1);
    await expect(create.execute({ ...req, amount: Money.of('1.00', 'SAR') })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('A2/G1: a second link for a document with a live one is refused, also when both arrive at once', async () => {
    const base = request();
    const before = h.tamara.count('create');
    const results = await Promise.allSettled([
      create.execute({ ...base, idempotencyKey: 'g1-a' }),
      create.execute({ ...base, idempotencyKey: 'g1-b' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ code: 'LINK_ACTIVE' });
    expect(h.tamara.count('create') - before).toBe(1);
    await expect(create.execute({ ...base, idempotencyKey: 'g1-c' })).rejects.toMatchObject({
      code: 'LINK_ACTIVE',
      details: expect.objectContaining({ status: 'new' }),
    });
  });

  it('rejects bad input before any Tamara call', async () => {
    const before = h.tamara.calls.length;
    await expect(create.execute(request({ phone: 'abc' }))).rejects.toMatchObject({ code: 'INVALID_PHONE' });
    await expect(create.execute(request({ phone: '+1 212 555 1212' }))).rejects.toMatchObject({ code: 'INVALID_PHONE' });
    await expect(create.execute(request({ amount: Money.of('0', 'SAR') }))).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    expect(h.tamara.calls.length).toBe(before);
  });

  it('maps a Tamara refusal to a clear error and frees the document for a new attempt', async () => {
    const req = request();
    h.tamara.failNext('create', 'rejected', { errorCode: 'invalid_phone_number' });
    await expect(create.execute(req)).rejects.toMatchObject({ code: 'INVALID_PHONE' });
    const [failed] = await links.listForDocument('api', req.documentId);
    expect(failed.status).toBe('failed');
    expect(failed.errorCode).toBe('invalid_phone_number');
    const retry = await create.execute(req);
    expect(retry.link.attempt).toBe(2);
    expect(retry.link.orderReferenceId).toBe(`${req.documentReference}-2`);
  });

  it('C1: a create that timed out after Tamara created the order is adopted by lookup, not sent again', async () => {
    const req = request();
    const before = h.tamara.count('create');
    h.tamara.failNext('create', 'outcome_unknown', { afterEffect: true });
    const outcome = await create.execute(req);
    expect(outcome.kind).toBe('created');
    expect(outcome.link.status).toBe('new');
    expect(h.tamara.count('create') - before).toBe(1);
    expect(h.tamara.orderByReference(outcome.link.orderReferenceId)!.orderId).toBe(outcome.link.tamaraOrderId);
    expect((await events(outcome.link.id)).some((e) => e.type === 'order_adopted')).toBe(true);
  });

  it('C1: an unknown outcome with no order at Tamara waits, then is sent again once with the same reference', async () => {
    const req = request();
    h.tamara.failNext('create', 'outcome_unknown');
    const outcome = await create.execute(req);
    expect(outcome.kind).toBe('pending_confirmation');
    expect(outcome.link.status).toBe('requested');
    expect(h.tamara.orderByReference(outcome.link.orderReferenceId)).toBeUndefined();
    h.clock.advance(31);
    await reconcile.runOnce();
    const link = (await links.findById(outcome.link.id))!;
    expect(link.status).toBe('new');
    expect([...h.tamara.orders.values()].filter((o) => o.orderReferenceId === link.orderReferenceId)).toHaveLength(1);
  });

  it('B1: a crash after Tamara created the order but before we stored it is recovered by the reconciler', async () => {
    const req = request();
    h.tamara.hook = (op) => {
      if (op === 'create') throw new Error('process killed');
    };
    await expect(create.execute(req)).rejects.toThrow('process killed');
    h.tamara.hook = undefined;
    const [stuck] = await links.listForDocument('api', req.documentId);
    expect(stuck.status).toBe('requested');
    const creates = h.tamara.count('create');
    h.clock.advance(120);
    await reconcile.runOnce();
    const link = (await links.findById(stuck.id))!;
    expect(link.status).toBe('new');
    expect(h.tamara.count('create')).toBe(creates);
    expect(link.tamaraOrderId).toBe(h.tamara.orderByReference(link.orderReferenceId)!.orderId);
  });

  it('B2: a crash before the Tamara call is resolved by one create with the same reference', async () => {
    const req = request();
    // Simulate the crash: the intent is committed, the process dies before calling Tamara.
    const original = (h.tamara as unknown as { createInStoreSession: unknown }).createInStoreSession;
    (h.tamara as unknown as { createInStoreSession: unknown }).createInStoreSession = () => Promise.reject(new Error('process killed'));
    await expect(create.execute(req)).rejects.toThrow('process killed');
    (h.tamara as unknown as { createInStoreSession: unknown }).createInStoreSession = original;
    const [stuck] = await links.listForDocument('api', req.documentId);
    h.clock.advance(120);
    const before = h.tamara.count('create');
    await reconcile.runOnce();
    const link = (await links.findById(stuck.id))!;
    expect(link.status).toBe('new');
    expect(h.tamara.count('create') - before).toBe(1);
  });

  it('C2: Tamara unreachable gives TAMARA_UNAVAILABLE with Retry-After, a failed link and no order', async () => {
    const req = request();
    for (let i = 0; i < 3; i++) h.tamara.failNext('create', 'unavailable');
    await expect(create.execute(req)).rejects.toMatchObject({ code: 'TAMARA_UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
    const [link] = await links.listForDocument('api', req.documentId);
    expect(link.status).toBe('failed');
    expect(h.tamara.orderByReference(link.orderReferenceId)).toBeUndefined();
  });

  it('P5: the reconciler sees the payment without any webhook, then stops polling the link', async () => {
    const { link } = await create.execute(request());
    h.tamara.pay(link.tamaraOrderId!);
    h.clock.advance(8);
    await reconcile.runOnce();
    const paid = (await links.findById(link.id))!;
    expect(paid.status).toBe('fully_captured');
    expect(paid.capturedAmount).toBe('345.000');
    expect(paid.nextCheckAt).toBeNull();
    const readsOfThisOrder = () => h.tamara.calls.filter((c) => c.op === 'getOrder' && c.args === link.tamaraOrderId).length;
    const reads = readsOfThisOrder();
    h.clock.advance(60);
    await reconcile.runOnce();
    expect(readsOfThisOrder()).toBe(reads);
  });

  it('E2: a late "expired" after the capture never moves the link back', async () => {
    const { link } = await create.execute(request());
    h.tamara.pay(link.tamaraOrderId!);
    h.clock.advance(8);
    await reconcile.runOnce();
    h.tamara.setStatus(link.tamaraOrderId!, 'expired');
    await h.get(ReconcileLinksUseCase).runOnce();
    await h.get(ApplyTamaraOrderUseCase).syncFromTamara(link.id, 'webhook');
    expect((await links.findById(link.id))!.status).toBe('fully_captured');
    expect((await events(link.id)).some((e) => e.type === 'stale_status_ignored')).toBe(true);
  });

  it('expires only when Tamara says so: a final check after expiry + grace', async () => {
    const { link } = await create.execute(request());
    h.tamara.setStatus(link.tamaraOrderId!, 'expired');
    h.clock.advance(16 * 60 + 61);
    await reconcile.runOnce();
    expect((await links.findById(link.id))!.status).toBe('expired');
  });

  it('voids a live link; C7: a void that loses the race to the customer reports ALREADY_PAID', async () => {
    const voider = h.get(VoidPaymentLinkUseCase);
    const first = await create.execute(request());
    expect((await voider.execute(first.link.id)).status).toBe('voided');

    const second = await create.execute(request());
    h.tamara.hook = (op) => {
      if (op === 'void') h.tamara.pay(second.link.tamaraOrderId!);
    };
    // The customer pays while the void is on its way: Tamara refuses the void.
    const orig = h.tamara.voidCheckout.bind(h.tamara);
    h.tamara.voidCheckout = async (c, o) => {
      h.tamara.pay(o);
      return orig(c, o);
    };
    await expect(voider.execute(second.link.id)).rejects.toMatchObject({ code: 'ALREADY_PAID' });
    h.tamara.voidCheckout = orig;
    h.tamara.hook = undefined;
    expect((await links.findById(second.link.id))!.status).toBe('fully_captured');
  });

  it('G3: two reconcilers racing over the same links read each order once', async () => {
    const created = [];
    for (let i = 0; i < 20; i++) created.push((await create.execute(request())).link);
    h.clock.advance(8);
    const start = h.tamara.calls.length;
    const [a, b] = await Promise.all([reconcile.runOnce(), h.get(ReconcileLinksUseCase).runOnce()]);
    const reads = h.tamara.calls.slice(start).filter((c) => c.op === 'getOrder').map((c) => c.args as string);
    expect(new Set(reads).size).toBe(reads.length); // no order read twice
    for (const link of created) expect(reads).toContain(link.tamaraOrderId);
    expect(a.links + b.links).toBe(reads.length);
  });

  it('stops sending SMS for a document after the daily cap of links (SMS-bombing guard)', async () => {
    const req = request();
    for (let i = 0; i < 5; i++) {
      const { link } = await create.execute(req);
      await h.get(VoidPaymentLinkUseCase).execute(link.id);
    }
    const creates = h.tamara.count('create');
    await expect(create.execute(req)).rejects.toMatchObject({ code: 'TOO_MANY_LINKS', retryAfterSeconds: 3600 });
    expect(h.tamara.count('create')).toBe(creates);
    h.clock.advance(24 * 3600 + 1);
    expect((await create.execute(req)).link.attempt).toBe(6);
  });

  it('B7: links claimed by a replica that dies are taken over when its lease ends, not before', async () => {
    const created: PaymentLinkEntity[] = [];
    for (let i = 0; i < 3; i++) created.push((await create.execute(request())).link);
    h.clock.advance(8);
    // Replica 1 claims the due links, then is killed before checking them.
    const leased = await links.claimDue(h.clock.now(), new Date(h.clock.now().getTime() + 60_000), 1000);
    for (const link of created) expect(leased).toContain(link.id);
    const reads = () => h.tamara.calls.filter((c) => c.op === 'getOrder' && created.some((l) => l.tamaraOrderId === c.args)).length;
    await reconcile.runOnce(); // replica 2, inside the lease
    expect(reads()).toBe(0);
    h.clock.advance(61);
    await reconcile.runOnce(); // replica 2, after the lease
    expect(reads()).toBe(3);
  });

  it('keeps three-decimal currencies exact (KWD)', async () => {
    const { link } = await create.execute(request({ amount: Money.of('12.345', 'KWD'), phone: '+965 5012 3456' }));
    expect(link.amount).toBe('12.345');
    const sent = h.tamara.calls.filter((c) => c.op === 'create').pop()!.args as { totalAmount: Money };
    expect(sent.totalAmount.toFixed()).toBe('12.345');
    expect(sent.totalAmount.currency).toBe('KWD');
  });
});
