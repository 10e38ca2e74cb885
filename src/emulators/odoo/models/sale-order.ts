import { applyProductDefaults } from './product-line-defaults';
import { toStoredDatetime } from '../clock';
import { userError } from '../errors';
import { create, storeComputed } from '../orm/crud';
import { f } from '../orm/field-builders';
import { displayNameOf, nowStored } from '../orm/field-values';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { cancelMoves } from './account-move';
import { companyCurrencyId, computeLineAmounts, currencyDecimals, taxRules } from '../accounting/line-amounts';
import { Dec, dec, decText, sumDec } from '../accounting/money';

const SALES_GROUPS = ['Sales/User: Own Documents Only', 'User types/Portal'];

function orderLines(env: Env, orderId: number): StoredRecord[] {
  return env.store.all('sale.order.line').filter((line) => line.order_id === orderId);
}

/** Invoice lines generated from a sale line, in invoices that are not cancelled. */
function invoiceLinesOf(env: Env, saleLineId: number): StoredRecord[] {
  return env.store.all('account.move.line').filter((line) => {
    if (!((line.sale_line_ids as number[] | undefined) ?? []).includes(saleLineId)) return false;
    return env.store.get('account.move', line.move_id as number)?.state !== 'cancel';
  });
}

export function qtyInvoiced(env: Env, saleLineId: number): ReturnType<typeof dec> {
  return sumDec(
    invoiceLinesOf(env, saleLineId).map((line) => {
      const move = env.store.get('account.move', line.move_id as number);
      return move?.move_type === 'out_refund' ? dec(line.quantity).negated() : dec(line.quantity);
    }),
  );
}

/** qty_to_invoice per invoicing policy: ordered quantities ('order') or delivered ones ('delivery'). */
export function qtyToInvoice(env: Env, line: StoredRecord): ReturnType<typeof dec> {
  const order = env.store.get('sale.order', line.order_id as number);
  if (!order || (order.state !== 'sale' && order.state !== 'done') || line.display_type) return new Dec(0);
  const product = typeof line.product_id === 'number' ? env.store.get('product.product', line.product_id) : undefined;
  const basis = product?.invoice_policy === 'delivery' ? dec(line.qty_delivered) : dec(line.product_uom_qty);
  return basis.minus(qtyInvoiced(env, line.id));
}

function lineInvoiceStatus(env: Env, line: StoredRecord): string {
  const order = env.store.get('sale.order', line.order_id as number);
  if (!order || (order.state !== 'sale' && order.state !== 'done')) return 'no';
  if (!qtyToInvoice(env, line).isZero()) return 'to invoice';
  if (qtyInvoiced(env, line.id).greaterThanOrEqualTo(dec(line.product_uom_qty))) return 'invoiced';
  return 'no';
}

function orderInvoiceIds(env: Env, orderId: number): number[] {
  const ids = orderLines(env, orderId).flatMap((line) => invoiceLinesOf(env, line.id).map((row) => row.move_id as number));
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Line subtotal/tax/total and the order totals (taxes rounded per line, like invoices). */
export function recomputeOrder(env: Env, orderId: number): void {
  const order = env.store.get('sale.order', orderId);
  if (!order) return;
  const decimals = currencyDecimals(env, order.currency_id);
  let untaxed = new Dec(0);
  let tax = new Dec(0);
  for (const line of orderLines(env, orderId)) {
    if (line.display_type) continue;
    const amounts = computeLineAmounts(line.product_uom_qty, line.price_unit, line.discount, taxRules(env, (line.tax_id as number[]) ?? []), decimals);
    const lineTax = amounts.total.minus(amounts.subtotal);
    untaxed = untaxed.plus(amounts.subtotal);
    tax = tax.plus(lineTax);
    storeComputed(env, 'sale.order.line', line.id, { price_subtotal: decText(amounts.subtotal), price_total: decText(amounts.total) });
  }
  storeComputed(env, 'sale.order', orderId, {
    amount_untaxed: decText(untaxed),
    amount_tax: decText(tax),
    amount_total: decText(untaxed.plus(tax)),
  });
}

function recomputeFromLines(env: Env, lineIds: readonly number[]): void {
  if (env.context.__parent_commands === 'sale.order') return;
  const orders = new Set(lineIds.map((id) => env.store.get('sale.order.line', id)?.order_id));
  for (const id of orders) if (typeof id === 'number') recomputeOrder(env, id);
}

export function cancelOrders(env: Env, ids: readonly number[]): void {
  for (const id of ids) {
    const drafts = orderInvoiceIds(env, id).filter((invoiceId) => env.store.get('account.move', invoiceId)?.state === 'draft');
    if (drafts.length > 0) cancelMoves(env, drafts);
    storeComputed(env, 'sale.order', id, { state: 'cancel' });
  }
}

const numeric = (ids: readonly (number | null)[]): number[] => ids.filter((id): id is number => typeof id === 'number');

export function saleOrderModel(major: 16 | 17): ModelDef {
  const legacy = major === 16;
  return {
    name: 'sale.order',
    description: 'Sales Order',
    order: 'date_order desc, id desc',
    isMailThread: true,
    versions: legacy ? { max: 16 } : { min: 17 },
    access: { readGroups: SALES_GROUPS },
    fields: {
      name: f.char('Order Reference', { required: true, readonly: true }),
      state: f.selection(
        'Status',
        legacy
          ? [['draft', 'Quotation'], ['sent', 'Quotation Sent'], ['sale', 'Sales Order'], ['done', 'Locked'], ['cancel', 'Cancelled']]
          : [['draft', 'Quotation'], ['sent', 'Quotation Sent'], ['sale', 'Sales Order'], ['cancel', 'Cancelled']],
        { default: f.constant('draft'), readonly: true },
      ),
      ...(legacy ? {} : { locked: f.boolean('Locked') }),
      partner_id: f.many2one('res.partner', 'Customer', { required: true }),
      partner_invoice_id: f.many2one('res.partner', 'Invoice Address'),
      partner_shipping_id: f.many2one('res.partner', 'Delivery Address'),
      date_order: f.datetime('Order Date', { required: true, default: (env) => nowStored(env) }),
      client_order_ref: f.char('Customer Reference'),
      origin: f.char('Source Document'),
      note: f.html('Terms and conditions'),
      user_id: f.many2one('res.users', 'Salesperson', { default: (env) => env.uid }),
      company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
      currency_id: f.many2one('res.currency', 'Currency', { default: (env) => companyCurrencyId(env) }),
      order_line: f.one2many('sale.order.line', 'order_id', 'Order Lines'),
      amount_untaxed: f.monetary('Untaxed Amount', { readonly: true }),
      amount_tax: f.monetary('Taxes', { readonly: true }),
      amount_total: f.monetary('Total', { readonly: true }),
      invoice_ids: f.computed(f.many2many('account.move', 'Invoices'), (env, record) => orderInvoiceIds(env, record.id)),
      invoice_count: f.computed(f.integer('Invoice Count'), (env, record) => orderInvoiceIds(env, record.id).length),
      invoice_status: f.computed(
        f.selection('Invoice Status', [['upselling', 'Upselling Opportunity'], ['invoiced', 'Fully Invoiced'], ['to invoice', 'To Invoice'], ['no', 'Nothing to Invoice']]),
        (env, record) => {
          if (record.state !== 'sale' && record.state !== 'done') return 'no';
          const statuses = orderLines(env, record.id).filter((line) => !line.display_type).map((line) => lineInvoiceStatus(env, line));
          if (statuses.includes('to invoice')) return 'to invoice';
          if (statuses.length > 0 && statuses.every((status) => status === 'invoiced')) return 'invoiced';
          return 'no';
        },
      ),
    },
    hooks: {
      prepareCreate: (env, vals) => {
        if (vals.name === undefined || vals.name === false || vals.name === 'New') {
          // ir.sequence "sale.order" (a PostgreSQL sequence: numbers are not given back on rollback).
          vals.name = `S${String(env.store.allocateId('ir.sequence/sale.order')).padStart(5, '0')}`;
        }
        if (vals.partner_invoice_id === undefined) vals.partner_invoice_id = vals.partner_id;
        if (vals.partner_shipping_id === undefined) vals.partner_shipping_id = vals.partner_id;
      },
      afterCreate: (env, ids) => ids.forEach((id) => recomputeOrder(env, id)),
      afterWrite: (env, ids) => ids.forEach((id) => recomputeOrder(env, id)),
    },
    methods: {
      action_confirm: {
        binding: 'record',
        params: [],
        qualname: 'SaleOrder.action_confirm',
        run: ({ env, ids }) => {
          for (const id of numeric(ids)) {
            const order = env.store.get('sale.order', id);
            if (!order) continue;
            if (order.state !== 'draft' && order.state !== 'sent') {
              throw userError(`The following orders are not in a state requiring confirmation: ${String(order.name)}`);
            }
            storeComputed(env, 'sale.order', id, { state: 'sale', date_order: toStoredDatetime(env.clock.now()) });
          }
          return true;
        },
      },
      action_cancel: {
        binding: 'record',
        params: [],
        qualname: 'SaleOrder.action_cancel',
        run: ({ env, ids }) => {
          const orders = numeric(ids).map((id) => env.store.get('sale.order', id)).filter((order): order is StoredRecord => Boolean(order));
          if (orders.some((order) => order.locked === true || order.state === 'done')) {
            throw userError('You cannot cancel a locked order. Please unlock it first.');
          }
          // Odoo asks for confirmation (sale.order.cancel wizard) before cancelling a confirmed order.
          if (!env.context.disable_cancel_warning && orders.some((order) => order.state !== 'draft')) {
            const [wizardId] = create(env, 'sale.order.cancel', [{ order_id: orders[0].id }]);
            return {
              name: `Cancel ${displayNameOf(env, 'sale.order', orders[0].id)}`,
              view_mode: 'form',
              res_model: 'sale.order.cancel',
              view_id: false,
              type: 'ir.actions.act_window',
              target: 'new',
              res_id: wizardId,
              context: { default_order_id: orders[0].id },
            };
          }
          cancelOrders(env, orders.map((order) => order.id));
          return true;
        },
      },
      action_draft: {
        binding: 'record',
        params: [],
        qualname: 'SaleOrder.action_draft',
        run: ({ env, ids }) => {
          for (const id of numeric(ids)) {
            const order = env.store.get('sale.order', id);
            if (order && (order.state === 'cancel' || order.state === 'sent')) storeComputed(env, 'sale.order', id, { state: 'draft' });
          }
          return true;
        },
      },
    },
  };
}

export const saleOrderLine: ModelDef = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, sequence, id',
  access: { readGroups: SALES_GROUPS },
  fields: {
    order_id: f.many2one('sale.order', 'Order Reference', { required: true }),
    sequence: f.integer('Sequence', { default: f.constant(10) }),
    name: f.text('Description', { required: true }),
    display_type: f.selection('Display Type', [['line_section', 'Section'], ['line_note', 'Note']]),
    product_id: f.many2one('product.product', 'Product'),
    product_uom_qty: f.float('Quantity', { default: f.constant('1') }),
    product_uom: f.many2one('uom.uom', 'Unit of Measure'),
    price_unit: f.float('Unit Price'),
    discount: f.float('Discount (%)'),
    tax_id: f.many2many('account.tax', 'Taxes'),
    price_subtotal: f.monetary('Subtotal', { readonly: true }),
    price_total: f.monetary('Total', { readonly: true }),
    // Odoo computes price_tax as total − subtotal in floats, hence values like 1.8800000000000008.
    price_tax: f.computed(f.float('Total Tax'), (_env, record) => String(Number(record.price_total ?? 0) - Number(record.price_subtotal ?? 0))),
    currency_id: f.computed(f.many2one('res.currency', 'Currency'), (env, record) => env.store.get('sale.order', record.order_id as number)?.currency_id ?? false),
    qty_delivered: f.float('Delivery Quantity'),
    qty_invoiced: f.computed(f.float('Invoiced Quantity'), (env, record) => decText(qtyInvoiced(env, record.id))),
    qty_to_invoice: f.computed(f.float('Quantity To Invoice'), (env, record) => decText(qtyToInvoice(env, record))),
    invoice_status: f.computed(
      f.selection('Invoice Status', [['upselling', 'Upselling Opportunity'], ['invoiced', 'Fully Invoiced'], ['to invoice', 'To Invoice'], ['no', 'Nothing to Invoice']]),
      (env, record) => lineInvoiceStatus(env, record),
    ),
    state: f.computed(f.char('Order Status'), (env, record) => env.store.get('sale.order', record.order_id as number)?.state ?? false),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      applyProductDefaults(env, vals, { taxes: 'tax_id', uom: 'product_uom' });
      if (vals.display_type && vals.product_uom_qty === undefined) vals.product_uom_qty = 0;
    },
    afterCreate: (env, ids) => recomputeFromLines(env, ids),
    afterWrite: (env, ids) => recomputeFromLines(env, ids),
    afterUnlink: (env, rows) => {
      if (env.context.__parent_commands === 'sale.order') return;
      for (const id of new Set(rows.map((row) => row.order_id))) if (typeof id === 'number') recomputeOrder(env, id);
    },
  },
};

export const saleOrderCancel: ModelDef = {
  name: 'sale.order.cancel',
  description: 'Sales Order Cancel',
  order: 'id',
  transient: true,
  access: { readGroups: SALES_GROUPS },
  fields: {
    order_id: f.many2one('sale.order', 'Sale Order', { required: true }),
  },
  methods: {
    action_cancel: {
      binding: 'record',
      params: [],
      qualname: 'SaleOrderCancel.action_cancel',
      run: ({ env, ids }) => {
        for (const id of numeric(ids)) {
          const orderId = env.store.get('sale.order.cancel', id)?.order_id;
          if (typeof orderId === 'number') cancelOrders(env, [orderId]);
        }
        return true;
      },
    },
  },
};

export const saleOrder16 = saleOrderModel(16);
export const saleOrder17 = saleOrderModel(17);
