import { Injectable } from '@nestjs/common';
import { Money } from '../../shared/money/money';
import { OdooClient } from '../client/odoo-client';
import { m2oId, m2oName, odooText, formatOdooDate } from '../client/odoo-values';
import type { OdooMany2one } from '../client/odoo-types';
import type { PaymentLinkItemInput } from '../../payments/use-cases/payment-link.request';
import { INVOICE_FIELDS, OdooDocumentModel, OdooInvoice, OdooSaleOrder, SALE_ORDER_FIELDS, TamaraFieldValues } from './odoo-records';

interface OdooLine {
  [key: string]: unknown;
  id: number;
  name: string | false;
  quantity?: number;
  product_uom_qty?: number;
  price_unit: number;
  discount: number;
  price_subtotal: number;
  price_total: number;
  product_id: [number, string] | false;
  display_type: string | false;
}

/** The Odoo reads and writes the bridge needs, in Odoo's terms (one place that knows the models). */
@Injectable()
export class OdooDocumentsGateway {
  constructor(private readonly odoo: OdooClient) {}

  async invoices(ids: number[]): Promise<OdooInvoice[]> {
    return ids.length ? this.odoo.read<OdooInvoice>('account.move', ids, INVOICE_FIELDS) : [];
  }

  async invoice(id: number): Promise<OdooInvoice | undefined> {
    return (await this.invoices([id]))[0];
  }

  async saleOrders(ids: number[]): Promise<OdooSaleOrder[]> {
    return ids.length ? this.odoo.read<OdooSaleOrder>('sale.order', ids, SALE_ORDER_FIELDS) : [];
  }

  async saleOrder(id: number): Promise<OdooSaleOrder | undefined> {
    return (await this.saleOrders([id]))[0];
  }

  /** Documents changed since `since` (Odoo datetime text), oldest first; the caller keeps the cursor. */
  changedInvoices(domain: unknown[], since: string, limit: number): Promise<OdooInvoice[]> {
    return this.odoo.searchRead<OdooInvoice>('account.move', [...domain, ['write_date', '>=', since]] as never, {
      fields: INVOICE_FIELDS,
      order: 'write_date asc, id asc',
      limit,
    });
  }

  changedSaleOrders(domain: unknown[], since: string, limit: number): Promise<OdooSaleOrder[]> {
    return this.odoo.searchRead<OdooSaleOrder>('sale.order', [...domain, ['write_date', '>=', since]] as never, {
      fields: SALE_ORDER_FIELDS,
      order: 'write_date asc, id asc',
      limit,
    });
  }

  /** x_tamara_phone, else the partner's phone, else (where the field still exists) its mobile. */
  async customerPhone(doc: { x_tamara_phone: string | false; partner_id: OdooMany2one | false }): Promise<string | undefined> {
    const override = odooText(doc.x_tamara_phone);
    if (override) return override;
    const partnerId = m2oId(doc.partner_id || undefined);
    if (!partnerId) return undefined;
    const features = await this.odoo.features();
    const fields = features.hasPartnerMobile ? ['phone', 'mobile'] : ['phone'];
    const [partner] = await this.odoo.read<{ id: number; phone?: string | false; mobile?: string | false }>('res.partner', [partnerId], fields);
    return odooText(partner?.phone) ?? odooText(partner?.mobile);
  }

  /** Tamara items from the document lines (products only, not sections or notes). */
  async items(model: OdooDocumentModel, lineIds: number[], currency: string): Promise<PaymentLinkItemInput[]> {
    if (lineIds.length === 0) return [];
    const lineModel = model === 'account.move' ? 'account.move.line' : 'sale.order.line';
    const qtyField = model === 'account.move' ? 'quantity' : 'product_uom_qty';
    const lines = await this.odoo.read<OdooLine>(lineModel, lineIds, [
      'name', qtyField, 'price_unit', 'discount', 'price_subtotal', 'price_total', 'product_id', 'display_type',
    ]);
    return lines
      .filter((l) => !l.display_type || l.display_type === 'product')
      .map((l) => {
        const quantity = Number(l[qtyField as 'quantity'] ?? 0);
        const money = (n: number) => Money.rounded(n, currency);
        const gross = money(l.price_unit).times(quantity);
        return {
          referenceId: String(m2oId(l.product_id || undefined) ?? l.id),
          name: (odooText(l.name) ?? m2oName(l.product_id || undefined) ?? `Line ${l.id}`).split('\n')[0],
          sku: String(m2oId(l.product_id || undefined) ?? l.id),
          quantity: String(quantity),
          unitPrice: money(l.price_unit),
          discountAmount: gross.times(l.discount / 100),
          taxAmount: money(l.price_total).minus(money(l.price_subtotal)),
          totalAmount: money(l.price_total),
        };
      })
      .filter((i) => Number(i.quantity) > 0);
  }

  async writeTamaraFields(model: OdooDocumentModel, id: number, values: TamaraFieldValues): Promise<void> {
    await this.odoo.write(model, [id], values as Record<string, unknown>);
  }

  async note(model: OdooDocumentModel, id: number, text: string): Promise<void> {
    await this.odoo.messagePost(model, id, { body: text });
  }

  async confirmSaleOrder(id: number): Promise<void> {
    await this.odoo.callRecordMethod('sale.order', 'action_confirm', [id]);
  }

  /** Payments carrying a marker in their memo (ref before Odoo 18): the idempotency check before registering. */
  async paymentsWithMarker(marker: string): Promise<Array<{ id: number; state: string; amount: number }>> {
    const features = await this.odoo.features();
    return this.odoo.searchRead<{ id: number; state: string; amount: number }>(
      'account.payment',
      [[features.paymentMemoField, 'ilike', marker], ['state', '!=', 'canceled']] as never,
      { fields: ['id', 'state', 'amount'] },
    );
  }

  /** Registers a payment on a posted invoice or credit note with Odoo's own wizard (it reconciles too). */
  async registerPayment(moveId: number, p: { journalId: number; methodLineId: number; amount: Money; memo: string; date: Date }): Promise<number | undefined> {
    const run = await this.odoo.runWizard<{ res_id?: number } | boolean>(
      'account.payment.register',
      {
        journal_id: p.journalId,
        payment_method_line_id: p.methodLineId,
        amount: Number(p.amount.toFixed()),
        payment_date: formatOdooDate(p.date),
        communication: p.memo,
      },
      { active_model: 'account.move', active_ids: [moveId] },
      'action_create_payments',
    );
    return typeof run.result === 'object' && run.result ? run.result.res_id : undefined;
  }

  /** The sale order's invoice: an existing one that is not cancelled, or one created with Odoo's wizard; posted. */
  async ensurePostedInvoiceForOrder(orderId: number): Promise<OdooInvoice> {
    let order = await this.saleOrder(orderId);
    if (!order) throw new Error(`Sale order ${orderId} no longer exists`);
    let invoices = (await this.invoices(order.invoice_ids)).filter((i) => i.move_type === 'out_invoice' && i.state !== 'cancel');
    if (invoices.length === 0) {
      await this.odoo.runWizard('sale.advance.payment.inv', { advance_payment_method: 'delivered' }, { active_model: 'sale.order', active_ids: [orderId] }, 'create_invoices');
      order = (await this.saleOrder(orderId))!;
      invoices = (await this.invoices(order.invoice_ids)).filter((i) => i.move_type === 'out_invoice' && i.state !== 'cancel');
    }
    const invoice = invoices[0];
    if (!invoice) throw new Error(`Odoo created no invoice for sale order ${order.name}`);
    if (invoice.state === 'draft') {
      await this.odoo.callRecordMethod('account.move', 'action_post', [invoice.id]);
      return (await this.invoice(invoice.id))!;
    }
    return invoice;
  }
}
