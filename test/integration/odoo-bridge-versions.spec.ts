import { startOdooHarness, OdooHarness } from '../support/odoo-harness';
import { PaymentLinkRepository } from '../../src/payments/persistence/payment-link.repository';
import { Money } from '../../src/shared/money/money';

/** The invoice story on other Odoo versions (JSON-2 on 19, `ref` instead of `memo` on 16/17) and in KWD. */
describe.each([16, 17, 19] as const)('Odoo %i: invoice to paid to refunded', (version) => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdooHarness({ version });
  });
  afterAll(() => h.close());

  it('takes the payment and the refund', async () => {
    const id = h.odoo.ui.createInvoice({ partnerId: 7, lines: [{ productId: 1, quantity: 2 }], post: true });
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await h.get(PaymentLinkRepository).latestForDocument('odoo.invoice', String(id)))!;
    expect(link.status).toBe('new');
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    const memoField = version >= 18 ? 'memo' : 'ref';
    expect(h.odoo.searchRead('account.payment', [[memoField, 'ilike', `Tamara order ${link.tamaraOrderId}`]], ['amount'])).toHaveLength(1);
    const cn = h.odoo.ui.createCreditNote(id, { quantities: [1], post: true });
    await h.cycle();
    await h.cycle();
    expect((h.odoo.read('account.move', [cn])[0] as Record<string, unknown>).x_tamara_status).toBe('refunded');
    expect(h.tamara.count('refund')).toBe(1);
  });
});

describe('Odoo 18 in KWD (three decimals) and renamed documents', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdooHarness();
  });
  afterAll(() => h.close());

  it('takes a KWD payment and refunds it exactly', async () => {
    const id = h.odoo.ui.createInvoice({ partnerId: 7, currencyId: 93, lines: [{ name: 'Abaya', quantity: 1, priceUnit: 12.345, taxIds: [] }], post: true, values: { x_tamara_phone: '+965 5012 3456' } });
    h.odoo.ui.tickPayWithTamara('account.move', id);
    await h.cycle();
    const link = (await h.get(PaymentLinkRepository).latestForDocument('odoo.invoice', String(id)))!;
    expect(link.currency).toBe('KWD');
    expect(link.amount).toBe('12.345');
    const sent = h.tamara.calls.find((c) => c.op === 'create' && (c.args as { orderReferenceId: string }).orderReferenceId === link.orderReferenceId)!.args as { totalAmount: Money };
    expect(sent.totalAmount.toFixed()).toBe('12.345');
    h.tamara.pay(link.tamaraOrderId!);
    await h.cycle();
    const invoice = h.odoo.read('account.move', [id])[0] as Record<string, unknown>;
    expect(['paid', 'in_payment']).toContain(invoice.payment_state);
    const cn = h.odoo.ui.createCreditNote(id, { post: true });
    await h.cycle();
    await h.cycle();
    const refunds = h.tamara.calls.filter((c) => c.op === 'refund').map((c) => (c.args as { totalAmount: Money }).totalAmount.toString());
    expect(refunds).toContain('12.345 KWD');
    expect((h.odoo.read('account.move', [id])[0] as Record<string, unknown>).x_tamara_status).toBe('fully_refunded');
    expect((h.odoo.read('account.move', [cn])[0] as Record<string, unknown>).x_tamara_status).toBe('refunded');
  });

  it('follows a renamed document with Tamara’s order_reference_id', async () => {
    const so = h.odoo.ui.createSaleOrder(7, [{ productId: 1, quantity: 1 }]);
    h.odoo.ui.tickPayWithTamara('sale.order', so);
    await h.cycle();
    const link = (await h.get(PaymentLinkRepository).latestForDocument('odoo.sale_order', String(so)))!;
    h.odoo.ui.write('sale.order', [so], { name: 'SHOP-RUH-0042' });
    await h.cycle();
    expect(h.tamara.count('updateReference')).toBe(1);
    expect(h.tamara.orders.get(link.tamaraOrderId!)!.orderReferenceId).toBe('SHOP-RUH-0042-1');
    expect((await h.get(PaymentLinkRepository).findById(link.id))!.documentReference).toBe('SHOP-RUH-0042');
  });
});
