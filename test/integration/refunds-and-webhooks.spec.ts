import { createCoreHarness, CoreHarness } from '../support/core-harness';
import { Money } from '../../src/shared/money/money';
import { CreatePaymentLinkUseCase } from '../../src/payments/use-cases/create-payment-link.use-case';
import { ReconcileLinksUseCase } from '../../src/payments/use-cases/reconcile-links.use-case';
import { RefundPaymentUseCase } from '../../src/payments/use-cases/refund-payment.use-case';
import { ProcessTamaraNotificationsUseCase } from '../../src/payments/use-cases/process-tamara-notifications.use-case';
import { VoidPaymentLinkUseCase } from '../../src/payments/use-cases/void-payment-link.use-case';
import { PaymentLinkRepository } from '../../src/payments/persistence/payment-link.repository';
import { RefundRepository } from '../../src/payments/persistence/refund.repository';
import { TamaraInboxRepository } from '../../src/payments/persistence/tamara-inbox.repository';
import { notificationDedupeKey } from '../../src/tamara/webhook/notification-dedupe-key';
import type { TamaraNotification } from '../../src/tamara/tamara-api.types';
import type { PaymentLinkEntity } from '../../src/payments/persistence/payment-link.entity';

describe('refunds and Tamara notifications against PostgreSQL (core, fake Tamara)', () => {
  let h: CoreHarness;
  let refunds: RefundPaymentUseCase;
  let links: PaymentLinkRepository;
  let seq = 0;

  beforeAll(async () => {
    h = await createCoreHarness();
    refunds = h.get(RefundPaymentUseCase);
    links = h.get(PaymentLinkRepository);
  });
  afterAll(() => h.close());

  async function paidLink(amount = '100.00', currency = 'SAR', phone = '0512345678'): Promise<PaymentLinkEntity> {
    seq += 1;
    const { link } = await h.get(CreatePaymentLinkUseCase).execute({
      documentSource: 'api',
      documentId: `R-${seq}`,
      documentReference: `R-${seq}`,
      amount: Money.of(amount, currency),
      phone,
    });
    h.tamara.pay(link.tamaraOrderId!);
    h.clock.advance(8);
    await h.get(ReconcileLinksUseCase).runOnce();
    const paid = (await links.findById(link.id))!;
    expect(paid.status).toBe('fully_captured');
    return paid;
  }

  const sar = (v: string) => Money.of(v, 'SAR');

  it('refunds partially then fully, one Tamara refund per key, never more than captured (P3, F4)', async () => {
    const link = await paidLink();
    const first = await refunds.execute({ linkId: link.id, requestKey: 'cn:1', amount: sar('40.00') });
    expect(first.refund.status).toBe('succeeded');
    expect(first.refund.tamaraRefundId).toBeTruthy();
    expect(first.link.status).toBe('partially_refunded');

    const replay = await refunds.execute({ linkId: link.id, requestKey: 'cn:1', amount: sar('40.00') });
    expect(replay.replayed).toBe(true);
    expect(replay.refund.id).toBe(first.refund.id);
    await expect(refunds.execute({ linkId: link.id, requestKey: 'cn:1', amount: sar('30.00') })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    const calls = h.tamara.count('refund');
    await expect(refunds.execute({ linkId: link.id, requestKey: 'cn:2', amount: sar('70.00') })).rejects.toMatchObject({
      code: 'OVER_REFUND',
      details: { remaining: { amount: '60.00', currency: 'SAR' }, requested: { amount: '70.00', currency: 'SAR' } },
    });
    expect(h.tamara.count('refund')).toBe(calls);

    const last = await refunds.execute({ linkId: link.id, requestKey: 'cn:3', amount: sar('60.00') });
    expect(last.link.status).toBe('fully_refunded');
    expect(last.link.refundedAmount).toBe('100.000');
    expect(h.tamara.count('refund')).toBe(calls + 1);
  });

  it('A6: two refunds of the same amount with different keys are two refunds', async () => {
    const link = await paidLink();
    const a = await refunds.execute({ linkId: link.id, requestKey: 'a6:1', amount: sar('10.00') });
    const b = await refunds.execute({ linkId: link.id, requestKey: 'a6:2', amount: sar('10.00') });
    expect(a.refund.tamaraRefundId).not.toBe(b.refund.tamaraRefundId);
    expect((await links.findById(link.id))!.refundedAmount).toBe('20.000');
  });

  it('concurrent refunds cannot together exceed what was captured', async () => {
    const link = await paidLink();
    const results = await Promise.allSettled([
      refunds.execute({ linkId: link.id, requestKey: 'race:1', amount: sar('60.00') }),
      refunds.execute({ linkId: link.id, requestKey: 'race:2', amount: sar('60.00') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'OVER_REFUND' });
  });

  it('G4: a link that is not paid cannot be refunded', async () => {
    seq += 1;
    const { link } = await h.get(CreatePaymentLinkUseCase).execute({
      documentSource: 'api',
      documentId: `R-${seq}`,
      documentReference: `R-${seq}`,
      amount: sar('50.00'),
      phone: '0512345678',
    });
    await expect(refunds.execute({ linkId: link.id, requestKey: 'g4', amount: sar('1.00') })).rejects.toMatchObject({ code: 'LINK_NOT_REFUNDABLE' });
  });

  it('B5/C5: a refund whose answer was lost is matched in the order by merchant_refund_id, not sent twice', async () => {
    const link = await paidLink('25.000', 'KWD', '+965 5012 3456');
    h.tamara.failNext('refund', 'outcome_unknown', { afterEffect: true });
    const outcome = await refunds.execute({ linkId: link.id, requestKey: 'c5', amount: Money.of('25.000', 'KWD') });
    expect(outcome.refund.status).toBe('unknown');
    const before = h.tamara.count('refund');
    h.clock.advance(10);
    await h.get(ReconcileLinksUseCase).runOnce();
    const settled = (await h.get(RefundRepository).findById(outcome.refund.id))!;
    expect(settled.status).toBe('succeeded');
    expect(settled.tamaraRefundId).toBe(h.tamara.orders.get(link.tamaraOrderId!)!.refunds[0].refundId);
    expect(h.tamara.count('refund')).toBe(before);
    expect((await links.findById(link.id))!.status).toBe('fully_refunded');
  });

  it('a refund that never reached Tamara is sent again only after the order shows it absent', async () => {
    const link = await paidLink();
    h.tamara.failNext('refund', 'outcome_unknown');
    const outcome = await refunds.execute({ linkId: link.id, requestKey: 'lost', amount: sar('15.00') });
    expect(outcome.refund.status).toBe('unknown');
    h.clock.advance(10);
    await h.get(ReconcileLinksUseCase).runOnce();
    expect((await h.get(RefundRepository).findById(outcome.refund.id))!.status).toBe('unknown'); // too early to resend
    h.clock.advance(31);
    await h.get(ReconcileLinksUseCase).runOnce();
    const settled = (await h.get(RefundRepository).findById(outcome.refund.id))!;
    expect(settled.status).toBe('succeeded');
    expect(h.tamara.orders.get(link.tamaraOrderId!)!.refunds).toHaveLength(1);
  });

  it('C6: a refund Tamara refuses is failed with its reason and not retried', async () => {
    const link = await paidLink();
    h.tamara.failNext('refund', 'rejected', { errorCode: 'refund_window_closed' });
    await expect(refunds.execute({ linkId: link.id, requestKey: 'c6', amount: sar('5.00') })).rejects.toMatchObject({ code: 'TAMARA_REJECTED' });
    const refund = (await h.get(RefundRepository).findByRequestKey('c6'))!;
    expect(refund.status).toBe('failed');
    expect(refund.errorCode).toBe('refund_window_closed');
    // A failed refund does not hold back the balance.
    const ok = await refunds.execute({ linkId: link.id, requestKey: 'c6b', amount: sar('100.00') });
    expect(ok.link.status).toBe('fully_refunded');
  });

  it('F5: KWD 12.345 refunded as 0.005 + 12.340 ends fully refunded, exactly', async () => {
    const link = await paidLink('12.345', 'KWD', '+965 5012 3456');
    await refunds.execute({ linkId: link.id, requestKey: 'f5:1', amount: Money.of('0.005', 'KWD') });
    const last = await refunds.execute({ linkId: link.id, requestKey: 'f5:2', amount: Money.of('12.340', 'KWD') });
    expect(last.link.status).toBe('fully_refunded');
    const sent = h.tamara.calls.filter((c) => c.op === 'refund').slice(-2).map((c) => (c.args as { totalAmount: Money }).totalAmount.toFixed());
    expect(sent).toEqual(['0.005', '12.340']);
    await expect(refunds.execute({ linkId: link.id, requestKey: 'f5:3', amount: Money.of('0.001', 'KWD') })).rejects.toMatchObject({ code: 'OVER_REFUND' });
  });

  describe('inbox', () => {
    const notify = (n: TamaraNotification) => h.get(TamaraInboxRepository).insert(n, notificationDedupeKey(n), h.clock.now());

    it('A3: the same notification five times is stored once and read from Tamara once', async () => {
      seq += 1;
      const { link } = await h.get(CreatePaymentLinkUseCase).execute({
        documentSource: 'api', documentId: `W-${seq}`, documentReference: `W-${seq}`, amount: sar('20.00'), phone: '0512345678',
      });
      h.tamara.pay(link.tamaraOrderId!);
      const n: TamaraNotification = {
        orderId: link.tamaraOrderId!, orderReferenceId: link.orderReferenceId, eventType: 'order_captured', data: { capture_id: 'c-1' },
      };
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => notify(n)));
      expect(results.filter((r) => r === 'accepted')).toHaveLength(1);
      const reads = () => h.tamara.calls.filter((c) => c.op === 'getOrder' && c.args === link.tamaraOrderId).length;
      const before = reads();
      await h.get(ProcessTamaraNotificationsUseCase).runOnce();
      expect(reads() - before).toBe(1);
      expect((await links.findById(link.id))!.status).toBe('fully_captured');
    });

    it('E1: a notification that arrives before the create returned is kept and applied, one order', async () => {
      seq += 1;
      const ref = `W-${seq}`;
      h.tamara.hook = async (op) => {
        if (op !== 'create') return;
        const order = h.tamara.orderByReference(`${ref}-1`)!;
        h.tamara.pay(order.orderId);
        await notify({ orderId: order.orderId, orderReferenceId: order.orderReferenceId, eventType: 'order_captured', data: {} });
        await h.get(ProcessTamaraNotificationsUseCase).runOnce();
      };
      const outcome = await h.get(CreatePaymentLinkUseCase).execute({
        documentSource: 'api', documentId: ref, documentReference: ref, amount: sar('20.00'), phone: '0512345678',
      });
      h.tamara.hook = undefined;
      const link = (await links.findById(outcome.link.id))!;
      expect(link.status).toBe('fully_captured');
      expect(link.checkoutId).toBeTruthy();
      expect([...h.tamara.orders.values()].filter((o) => o.orderReferenceId === `${ref}-1`)).toHaveLength(1);
    });

    it('E4: a late notification for an old, voided attempt does not touch the paid new attempt', async () => {
      seq += 1;
      const ref = `W-${seq}`;
      const create = h.get(CreatePaymentLinkUseCase);
      const first = await create.execute({ documentSource: 'api', documentId: ref, documentReference: ref, amount: sar('9.00'), phone: '0512345678' });
      await h.get(VoidPaymentLinkUseCase).execute(first.link.id);
      const second = await create.execute({ documentSource: 'api', documentId: ref, documentReference: ref, amount: sar('9.00'), phone: '0512345678' });
      h.tamara.pay(second.link.tamaraOrderId!);
      await notify({ orderId: second.link.tamaraOrderId!, eventType: 'order_captured', data: {} });
      await notify({ orderId: first.link.tamaraOrderId!, eventType: 'order_expired', data: {} });
      await h.get(ProcessTamaraNotificationsUseCase).runOnce();
      expect((await links.findById(second.link.id))!.status).toBe('fully_captured');
      expect((await links.findById(first.link.id))!.status).toBe('voided');
    });

    it('ignores unknown event types and orders this connector did not create (after a grace period)', async () => {
      await notify({ orderId: '3f0a6f44-1111-4a55-8c4e-2f8f0a9e1b2c', eventType: 'order_on_hold', data: {} });
      await notify({ orderId: '3f0a6f44-2222-4a55-8c4e-2f8f0a9e1b2c', eventType: 'order_captured', data: {} });
      await h.get(ProcessTamaraNotificationsUseCase).runOnce();
      const rows: Array<{ status: string; event_type: string }> = await h.dataSource.query(
        `SELECT status, event_type FROM tamara_inbox WHERE tamara_order_id LIKE '3f0a6f44-%' ORDER BY id`,
      );
      expect(rows.map((r) => r.status)).toEqual(['ignored', 'pending']);
      h.clock.advance(11 * 60);
      await h.get(ProcessTamaraNotificationsUseCase).runOnce();
      const after: Array<{ status: string }> = await h.dataSource.query(`SELECT status FROM tamara_inbox WHERE tamara_order_id LIKE '3f0a6f44-2222%'`);
      expect(after[0].status).toBe('ignored');
    });
  });
});
