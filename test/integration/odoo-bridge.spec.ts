import { startOdooHarness, OdooHarness } from '../support/odoo-harness';
import { PaymentLinkRepository } from '../../src/payments/persistence/payment-link.repository';
import { DispatchErpOutboxUseCase } from '../../src/erp/dispatch-erp-outbox.use-case';
import { ErpOutboxRepository } from '../../src/erp/erp-outbox.repository';
import { ReconcileLinksUseCase } from '../../src/payments/use-cases/reconcile-links.use-case';

describe('Odoo bridge end to end (Odoo emulator, in-memory Tamara)', () => {
  let h: OdooHarness;

  beforeAll(async () => {
    h = await startOdooHarness();
  });
  afterAll(() => h.close());

  const move = (id: number) => h.odoo.read('account.move', [id])[0] as Record<string, any>;
  const notes = (model: string, id: number) =>
    (h.odoo.searchRead('mail.message', [['model', '=', model], ['res_id', '=', id]], ['body']) as Array<{ body: string }>).map((m) => String(m.body));
  const payments = (marker: string) => h.odoo.searchRead('account.payment', [['memo', 'ilike', marker]], ['amount', 'payment_type', 'journal_id', 'state']);

  function postedInvoice(lines = [{ productId: 1, quantity: 2 }], values: Record<string, unknown> = {}): number {
    return h.odoo.ui.createInvoice({ partnerId: 7, lines, post: true, values });
  }

  async function linkFor(invoiceId: number) {
    return h.get(PaymentLinkRepository).latestForDocument('odoo.invoice', String(invoiceId));
  }

  it('invoice → link → SMS → paid → payment on the Tamara journal with the order id in the memo', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();

    const link = (await linkFor(id))!;
    expect(link.status).toBe('new');
    expect(h.tamara.count('create')).toBe(1);
    const created = h.tamara.calls.find((c) => c.op === 'create')!.args as { phoneNumber: string; totalAmount: { toFixed(): string }; items: unknown[] };
    expect(created.phoneNumber).toBe('966512345678');
    expect(created.totalAmount.toFixed()).toBe(Number(move(id).amount_residual).toFixed(2));
    expect(created.items.length).toBeGreaterThan(0);
    let inv = move(id);
    expect(inv.x_tamara_status).toBe('new');
    expect(inv.x_tamara_order_id).toBe(link.tamaraOrderId);
    expect(inv.x_tamara_checkout_url).toContain(link.checkoutId);
    expect(notes('account.move', id).some((n) => n.includes('sent to the customer by SMS'))).toBe(true);

    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    inv = move(id);
    expect(inv.x_tamara_status).toBe('fully_captured');
    expect(['paid', 'in_payment']).toContain(inv.payment_state);
    const paid = payments(`Tamara order ${link.tamaraOrderId}`);
    expect(paid).toHaveLength(1);
    expect((paid[0].journal_id as [number, string])[1]).toContain('Tamara');

    // More cycles change nothing: exactly one payment, one SMS.
    await h.cycle();
    await h.cycle();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
    expect(h.tamara.count('create')).toBe(1);
  });

  it('partial and full credit notes → refunds with their ids on both documents, one refund per credit note', async () => {
    const id = postedInvoice([{ productId: 1, quantity: 3 }]);
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();

    const cn1 = h.odoo.ui.createCreditNote(id, { quantities: [1], post: true });
    await h.cycle();
    await h.cycle();
    const first = move(cn1);
    expect(first.x_tamara_status).toBe('refunded');
    expect(first.x_tamara_refund_ids).toBeTruthy();
    expect(['paid', 'in_payment']).toContain(first.payment_state);
    expect(h.tamara.count('refund')).toBe(1);

    const cn2 = h.odoo.ui.createCreditNote(id, { quantities: [2], post: true });
    await h.cycle();
    await h.cycle();
    const second = move(cn2);
    expect(second.x_tamara_refund_ids).toBeTruthy();
    expect(second.x_tamara_refund_ids).not.toBe(first.x_tamara_refund_ids);
    expect(h.tamara.count('refund')).toBe(2);
    const inv = move(id);
    expect(String(inv.x_tamara_refund_ids).split(',').sort()).toEqual([first.x_tamara_refund_ids, second.x_tamara_refund_ids].sort());
    expect(inv.x_tamara_status).toBe('fully_refunded');

    // A third credit note would over-refund: refused, explained on the credit note, nothing sent.
    const cn3 = h.odoo.ui.createCreditNote(id, { quantities: [1], post: true });
    await h.cycle();
    expect(move(cn3).x_tamara_status).toBe('error');
    expect(String(move(cn3).x_tamara_error)).toMatch(/exceeds what can still be refunded/);
    expect(h.tamara.count('refund')).toBe(2);
  });

  it('cancelling the invoice voids its live link; unticking does too', async () => {
    const a = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', a);
    await h.cycle();
    h.odoo.ui.cancelInvoice(a);
    await h.cycle();
    expect((await linkFor(a))!.status).toBe('voided');
    expect(move(a).x_tamara_status).toBe('voided');

    const b = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', b);
    await h.cycle();
    h.odoo.ui.tickPayWithTamara('account.move', b, false);
    await h.cycle();
    expect((await linkFor(b))!.status).toBe('voided');
  });

  it('declined and expired links are shown on the document and release the tick; ticking again sends a new link', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const first = (await linkFor(id))!;
    h.tamara.setStatus(first.tamaraOrderId!, 'declined');
    await h.cycle();
    expect(move(id).x_tamara_status).toBe('declined');
    expect(move(id).x_tamara_pay).toBe(false);
    await h.cycle();
    expect((await linkFor(id))!.id).toBe(first.id); // no new SMS by itself

    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const second = (await linkFor(id))!;
    expect(second.attempt).toBe(2);
    h.tamara.setStatus(second.tamaraOrderId!, 'expired');
    h.clock.advance(17 * 60);
    await h.cycle();
    expect(move(id).x_tamara_status).toBe('expired');
  });

  it('a bad phone is explained on the invoice and nothing is sent', async () => {
    const id = postedInvoice([{ productId: 1, quantity: 1 }], { x_tamara_phone: '12345' });
    const creates = h.tamara.count('create');
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    expect(move(id).x_tamara_status).toBe('error');
    expect(String(move(id).x_tamara_error)).toMatch(/phone/);
    expect(move(id).x_tamara_pay).toBe(false);
    expect(h.tamara.count('create')).toBe(creates);
  });

  it('Odoo down while Tamara captures: nothing lost, one payment after recovery', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    const outage = h.odoo.faults.inject({ kind: 'down' });
    h.tamara.pay(link.tamaraOrderId!);
    h.clock.advance(8);
    await h.get(ReconcileLinksUseCase).runOnce();
    await h.get(DispatchErpOutboxUseCase).runOnce();
    expect((await linkFor(id))!.status).toBe('fully_captured');
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(0);
    outage.clear();
    h.clock.advance(3600);
    await h.cycle();
    await h.cycle();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
    expect(move(id).x_tamara_status).toBe('fully_captured');
  });

  it('a crash between "payment created in Odoo" and "recorded locally" does not pay twice', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
    // The write-back's "done" mark is lost: it is delivered again.
    await h.dataSource.query(`UPDATE erp_outbox SET status = 'pending', next_attempt_at = now() - interval '1 minute' WHERE payment_link_id = $1`, [link.id]);
    await h.get(DispatchErpOutboxUseCase).runOnce();
    await h.get(DispatchErpOutboxUseCase).runOnce();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
  });

  it('an invoice cancelled while the customer pays gets no payment and an error for a person', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    h.tamara.pay(link.tamaraOrderId!); // the customer pays…
    h.odoo.ui.cancelInvoice(id); // …while the accountant cancels
    await h.cycle();
    await h.cycle();
    expect((await linkFor(id))!.status).toBe('fully_captured');
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(0);
    expect(move(id).x_tamara_status).toBe('error');
    expect(String(move(id).x_tamara_error)).toMatch(/cancelled/);
    const parked = await h.dataSource.query(`SELECT count(*)::int AS n FROM erp_outbox WHERE payment_link_id = $1 AND status = 'parked'`, [link.id]);
    expect(parked[0].n).toBe(1);
  });

  it('sale order → confirmed → link → paid → invoice created, posted and paid, ids on both', async () => {
    const so = h.odoo.ui.createSaleOrder(7, [{ productId: 1, quantity: 2 }]);
    h.odoo.ui.tickPayWithTamara('sale.order', so);
    await h.cycle();
    const link = (await h.get(PaymentLinkRepository).latestForDocument('odoo.sale_order', String(so)))!;
    expect(link.status).toBe('new');
    let order = h.odoo.read('sale.order', [so])[0] as Record<string, any>;
    expect(order.state).toBe('sale');
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    await h.cycle();
    order = h.odoo.read('sale.order', [so])[0] as Record<string, any>;
    expect(order.x_tamara_status).toBe('fully_captured');
    expect(order.invoice_ids).toHaveLength(1);
    const inv = move(order.invoice_ids[0]);
    expect(inv.state).toBe('posted');
    expect(['paid', 'in_payment']).toContain(inv.payment_state);
    expect(inv.x_tamara_order_id).toBe(link.tamaraOrderId);
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
  });

  it('a revoked Odoo key pauses write-backs (one alert), and they resume once Odoo accepts the key again', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    const revoked = h.odoo.faults.inject({ kind: 'access-denied' });
    h.tamara.pay(link.tamaraOrderId!);
    h.clock.advance(8);
    await h.get(ReconcileLinksUseCase).runOnce();
    await h.get(DispatchErpOutboxUseCase).runOnce();
    const calls = h.odoo.calls.length;
    await h.get(DispatchErpOutboxUseCase).runOnce(); // paused: no retry storm
    expect(h.odoo.calls.length).toBe(calls);
    revoked.clear();
    h.clock.advance(6 * 60);
    await h.cycle();
    await h.cycle();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
  });

  it('D5: a serialization failure while registering is retried and still makes exactly one payment', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    h.odoo.faults.inject({ kind: 'serialization-failure', model: 'account.payment.register' }, { calls: 1 });
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    h.clock.advance(120);
    await h.cycle();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
    expect(['paid', 'in_payment']).toContain(move(id).payment_state);
  });

  it('D1: an Odoo validation error parks the write-back with Odoo’s message, no retry storm', async () => {
    const id = postedInvoice();
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await linkFor(id))!;
    const fault = h.odoo.faults.inject({ kind: 'validation-error', model: 'account.payment.register', message: 'The lock date for accountants is set on 2026-12-31.' });
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    fault.clear();
    const parked = await h.dataSource.query(`SELECT last_error FROM erp_outbox WHERE payment_link_id = $1 AND status = 'parked'`, [link.id]);
    expect(parked).toHaveLength(1);
    expect(parked[0].last_error).toContain('lock date');
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(0);
    // After the accountant fixed the lock date: requeue, and the payment is made once.
    const [row] = await h.dataSource.query(`SELECT id FROM erp_outbox WHERE payment_link_id = $1 AND status = 'parked'`, [link.id]);
    await h.get(ErpOutboxRepository).requeue(row.id, h.clock.now());
    await h.cycle();
    expect(payments(`Tamara order ${link.tamaraOrderId}`)).toHaveLength(1);
  });
});
