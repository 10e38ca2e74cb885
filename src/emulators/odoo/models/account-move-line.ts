import { applyProductDefaults } from './product-line-defaults';
import { f } from '../orm/field-builders';
import { displayNameOf } from '../orm/field-values';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { recomputeMove } from '../accounting/move-computation';
import { ACCOUNTING_GROUPS } from './account-setup';
import { DEFAULT_ACCOUNTS } from '../accounting/default-accounts';

const DISPLAY_TYPES: readonly (readonly [string, string])[] = [
  ['product', 'Product'],
  ['cogs', 'Cost of Goods Sold'],
  ['tax', 'Tax'],
  ['discount', 'Discount'],
  ['rounding', 'Rounding'],
  ['payment_term', 'Payment Term'],
  ['line_section', 'Section'],
  ['line_note', 'Note'],
  ['epd', 'Early Payment Discount'],
];

function moveOf(env: Env, line: StoredRecord): StoredRecord | undefined {
  return typeof line.move_id === 'number' ? env.store.get('account.move', line.move_id) : undefined;
}

/**
 * Lines created or changed through their move's `invoice_line_ids` commands leave the
 * recomputation to the move (which runs once all commands are applied); direct RPC on
 * account.move.line recomputes the move itself.
 */
function recomputeParents(env: Env, moveIds: readonly unknown[]): void {
  if (env.context.__parent_commands === 'account.move') return;
  for (const id of new Set(moveIds)) {
    // A move being deleted takes its lines with it: nothing to recompute.
    if (typeof id === 'number' && env.store.get('account.move', id)?._unlinking !== true) recomputeMove(env, id);
  }
}

export const accountMoveLine: ModelDef = {
  name: 'account.move.line',
  description: 'Journal Item',
  order: 'date desc, move_name desc, id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    move_id: f.many2one('account.move', 'Journal Entry', { required: true }),
    move_name: f.computed(f.char('Number'), (env, record) => moveOf(env, record)?.name ?? false),
    parent_state: f.computed(f.selection('Status', [['draft', 'Draft'], ['posted', 'Posted'], ['cancel', 'Cancelled']]), (env, record) => moveOf(env, record)?.state ?? false),
    journal_id: f.computed(f.many2one('account.journal', 'Journal'), (env, record) => moveOf(env, record)?.journal_id ?? false),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
    date: f.date('Date'),
    sequence: f.integer('Sequence', { default: f.constant(10) }),
    name: f.char('Label'),
    display_type: f.selection('Display Type', DISPLAY_TYPES, { required: true, default: f.constant('product') }),
    product_id: f.many2one('product.product', 'Product'),
    product_uom_id: f.many2one('uom.uom', 'Unit'),
    quantity: f.float('Quantity', { default: f.constant('1') }),
    price_unit: f.float('Unit Price'),
    discount: f.float('Discount (%)'),
    tax_ids: f.many2many('account.tax', 'Taxes'),
    tax_line_id: f.many2one('account.tax', 'Originator Tax', { readonly: true }),
    price_subtotal: f.monetary('Subtotal', { readonly: true }),
    price_total: f.monetary('Total', { readonly: true }),
    currency_id: f.many2one('res.currency', 'Currency'),
    partner_id: f.many2one('res.partner', 'Partner'),
    account_id: f.many2one('account.account', 'Account'),
    debit: f.monetary('Debit', { currencyField: 'company_currency_id' }),
    credit: f.monetary('Credit', { currencyField: 'company_currency_id' }),
    balance: f.monetary('Balance', { currencyField: 'company_currency_id' }),
    amount_currency: f.monetary('Amount in Currency'),
    amount_residual: f.monetary('Residual Amount', { readonly: true, currencyField: 'company_currency_id' }),
    amount_residual_currency: f.monetary('Residual Amount in Currency', { readonly: true }),
    reconciled: f.boolean('Reconciled', { readonly: true }),
    matching_number: f.char('Matching #', { readonly: true }),
    full_reconcile_id: f.many2one('account.full.reconcile', 'Matching', { readonly: true }),
    date_maturity: f.date('Due Date'),
    payment_id: f.computed(f.many2one('account.payment', 'Originator Payment'), (env, record) => {
      const move = moveOf(env, record);
      return (env.profile.standalonePayments ? move?.origin_payment_id : move?.payment_id) ?? false;
    }),
    sale_line_ids: f.many2many('sale.order.line', 'Sales Order Lines'),
  },
  displayName: (env, record) => {
    const move = moveOf(env, record);
    const moveName = move ? displayNameOf(env, 'account.move', move.id) : '';
    return [moveName, typeof record.name === 'string' ? record.name : ''].filter(Boolean).join(' ');
  },
  hooks: {
    prepareCreate: (env, vals) => {
      applyProductDefaults(env, vals, { taxes: 'tax_ids', uom: 'product_uom_id' });
      if (vals.display_type === 'product' || vals.display_type === undefined) {
        if (vals.account_id === undefined) vals.account_id = DEFAULT_ACCOUNTS.sales;
        // Lines added through the invoice form get sequence 100 (observed on recorded invoices).
        if (vals.sequence === undefined || vals.sequence === 10) vals.sequence = 100;
      }
      const move = typeof vals.move_id === 'number' ? env.store.get('account.move', vals.move_id) : undefined;
      if (move) {
        if (vals.currency_id === undefined) vals.currency_id = move.currency_id;
        if (vals.partner_id === undefined) vals.partner_id = move.partner_id;
        if (vals.date === undefined) vals.date = move.date;
      }
    },
    afterCreate: (env, ids) => recomputeParents(env, ids.map((id) => env.store.get('account.move.line', id)?.move_id)),
    afterWrite: (env, ids) => recomputeParents(env, ids.map((id) => env.store.get('account.move.line', id)?.move_id)),
    afterUnlink: (env, rows) => recomputeParents(env, rows.map((row) => row.move_id)),
  },
};

export const accountPartialReconcile: ModelDef = {
  name: 'account.partial.reconcile',
  description: 'Partial Reconcile',
  order: 'id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    debit_move_id: f.many2one('account.move.line', 'Debit line', { required: true }),
    credit_move_id: f.many2one('account.move.line', 'Credit line', { required: true }),
    amount: f.monetary('Amount', { currencyField: 'company_currency_id' }),
  },
};

export const accountFullReconcile: ModelDef = {
  name: 'account.full.reconcile',
  description: 'Full Reconcile',
  order: 'id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    reconciled_line_ids: f.one2many('account.move.line', 'full_reconcile_id', 'Matched Journal Items'),
  },
  displayName: (_env, record) => String(record.id),
};
