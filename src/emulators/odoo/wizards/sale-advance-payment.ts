import { userError } from '../errors';
import { create } from '../orm/crud';
import { f } from '../orm/field-builders';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { qtyToInvoice } from '../models/sale-order';

/** The act_window Odoo answers with (`action_view_invoice` on one invoice), as recorded in 18. */
function invoiceAction(env: Env, invoiceIds: readonly number[], order: StoredRecord): Record<string, unknown> {
  const action: Record<string, unknown> = {
    id: 262,
    name: 'Invoices',
    type: 'ir.actions.act_window',
    xml_id: 'account.action_move_out_invoice_type',
    path: 'invoicing',
    help:
      '<p class="o_view_nocontent_smiling_face">\n                Create a customer invoice\n              </p><p>\n                Create invoices, register payments and keep track of the discussions with your customers.\n              </p>\n            ',
    binding_model_id: false,
    binding_type: 'action',
    binding_view_types: env.major >= 18 ? 'list,form' : 'tree,form',
    display_name: 'Invoices',
    view_id: [702, env.major >= 18 ? 'account.out.invoice.list' : 'account.out.invoice.tree'],
    domain: "[('move_type', 'in', ['out_invoice', 'out_refund'])]",
    context: {
      default_move_type: 'out_invoice',
      default_partner_id: order.partner_id,
      default_partner_shipping_id: order.partner_shipping_id,
      default_invoice_payment_term_id: null,
      default_invoice_origin: order.name,
    },
    ...(invoiceIds.length === 1 ? { res_id: invoiceIds[0] } : {}),
    res_model: 'account.move',
    target: 'current',
    view_mode: env.major >= 18 ? 'list,kanban,form,activity' : 'tree,kanban,form,activity',
    mobile_view_mode: 'kanban',
    views: [
      [709, 'form'],
      [702, env.major >= 18 ? 'list' : 'tree'],
      [false, 'kanban'],
      [false, 'activity'],
    ],
    limit: 80,
    groups_id: [],
    search_view_id: [712, 'account.invoice.select'],
    embedded_action_ids: [],
    filter: false,
  };
  if (invoiceIds.length > 1) action.domain = [['id', 'in', invoiceIds]];
  return action;
}

/**
 * sale.advance.payment.inv: "Create Invoice" on confirmed orders. The emulator invoices what
 * is left to invoice (advance_payment_method 'delivered', the connector's case); down payments
 * ('percentage'/'fixed') are refused with a clear error.
 */
export const saleAdvancePaymentInv: ModelDef = {
  name: 'sale.advance.payment.inv',
  description: 'Sales Advance Payment Invoice',
  order: 'id',
  transient: true,
  access: { readGroups: ['Sales/User: Own Documents Only'] },
  fields: {
    advance_payment_method: f.selection('Create Invoice', [['delivered', 'Regular invoice'], ['percentage', 'Down payment (percentage)'], ['fixed', 'Down payment (fixed amount)']], {
      default: f.constant('delivered'),
    }),
    sale_order_ids: f.many2many('sale.order', 'Sales Orders'),
    amount: f.float('Down Payment'),
    fixed_amount: f.monetary('Down Payment Amount (Fixed)'),
    deduct_down_payments: f.boolean('Deduct down payments', { default: f.constant(true) }),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      if (vals.sale_order_ids === undefined && env.context.active_model === 'sale.order' && Array.isArray(env.context.active_ids)) {
        vals.sale_order_ids = [[6, 0, (env.context.active_ids as unknown[]).filter((id) => typeof id === 'number')]];
      }
    },
  },
  methods: {
    create_invoices: {
      binding: 'record',
      params: [],
      qualname: 'SaleAdvancePaymentInv.create_invoices',
      run: ({ env, ids }) => {
        const wizard = env.store.get('sale.advance.payment.inv', Number(ids[0]));
        if (!wizard) return false;
        if (wizard.advance_payment_method !== 'delivered') {
          throw userError("The Odoo emulator only creates regular invoices (advance_payment_method='delivered'), not down payments.");
        }
        const orders = ((wizard.sale_order_ids as number[]) ?? []).map((id) => env.store.get('sale.order', id)).filter((order): order is StoredRecord => Boolean(order));
        const invoiceIds: number[] = [];
        for (const order of orders) {
          const lines = env.store
            .all('sale.order.line')
            .filter((line) => line.order_id === order.id && !line.display_type)
            .map((line) => ({ line, quantity: qtyToInvoice(env, line) }))
            .filter(({ quantity }) => quantity.greaterThan(0));
          if (lines.length === 0) continue;
          const [invoiceId] = create(env, 'account.move', [
            {
              move_type: 'out_invoice',
              partner_id: order.partner_invoice_id || order.partner_id,
              partner_shipping_id: order.partner_shipping_id || order.partner_id,
              currency_id: order.currency_id,
              invoice_origin: order.name,
              invoice_user_id: order.user_id,
              invoice_line_ids: lines.map(({ line, quantity }) => [
                0,
                0,
                {
                  name: line.name,
                  product_id: line.product_id,
                  product_uom_id: line.product_uom,
                  quantity: quantity.toNumber(),
                  price_unit: Number(line.price_unit),
                  discount: Number(line.discount),
                  tax_ids: [[6, 0, (line.tax_id as number[]) ?? []]],
                  sale_line_ids: [[6, 0, [line.id]]],
                },
              ]),
            },
          ]);
          invoiceIds.push(invoiceId);
        }
        if (invoiceIds.length === 0) {
          throw userError(
            'There is no invoiceable line. If a product has a Delivered quantities invoicing policy, please make sure that a quantity has been delivered.',
          );
        }
        return invoiceAction(env, invoiceIds, orders[0]);
      },
    },
  },
};
