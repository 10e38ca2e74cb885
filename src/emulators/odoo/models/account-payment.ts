import { validationError } from '../errors';
import { f } from '../orm/field-builders';
import type { Env, FieldDef, ModelDef, StoredRecord } from '../orm/model-types';
import { computeResidual, counterpartLines } from '../accounting/reconciliation';
import { isInvoice, moveLines } from '../accounting/move-computation';
import { postPayment } from '../accounting/payment-posting';
import { dec, decText } from '../accounting/money';
import { companyCurrencyId } from '../accounting/line-amounts';
import { toUserDate } from '../clock';
import { ACCOUNTING_GROUPS } from './account-setup';
import { DEFAULT_ACCOUNTS } from '../accounting/default-accounts';

function counterpartLine(env: Env, payment: StoredRecord): StoredRecord | undefined {
  if (typeof payment.move_id !== 'number') return undefined;
  return moveLines(env, payment.move_id).find((line) => line.account_id === payment.destination_account_id);
}

/** Invoices actually matched with the payment's counterpart line. */
function reconciledInvoices(env: Env, payment: StoredRecord): number[] {
  const line = counterpartLine(env, payment);
  if (!line) return [];
  const moves = counterpartLines(env, line.id)
    .map((id) => env.store.get('account.move.line', id)?.move_id)
    .map((id) => (typeof id === 'number' ? env.store.get('account.move', id) : undefined))
    .filter((move): move is StoredRecord => isInvoice(move));
  return [...new Set(moves.map((move) => move.id))];
}

function paymentFields(standalone: boolean): Record<string, FieldDef> {
  const states: [string, string][] = standalone
    ? [['draft', 'Draft'], ['in_process', 'In Process'], ['paid', 'Paid'], ['canceled', 'Canceled'], ['rejected', 'Rejected']]
    : [['draft', 'Draft'], ['posted', 'Posted'], ['cancel', 'Cancelled']];
  const fields: Record<string, FieldDef> = {
    name: f.char('Number', { readonly: true }),
    state: f.selection('Status', states, { required: true, default: f.constant('draft'), readonly: true }),
    payment_reference: f.char('Payment Reference'),
    amount: f.monetary('Amount'),
    currency_id: f.many2one('res.currency', 'Currency', { default: (env) => companyCurrencyId(env) }),
    date: f.date('Date', { default: (env) => toUserDate(env.clock.now()) }),
    journal_id: f.many2one('account.journal', 'Journal', { required: true }),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
    partner_id: f.many2one('res.partner', 'Customer/Vendor'),
    payment_type: f.selection('Payment Type', [['outbound', 'Send'], ['inbound', 'Receive']], { required: true, default: f.constant('inbound') }),
    partner_type: f.selection('Partner Type', [['customer', 'Customer'], ['supplier', 'Vendor']], { default: f.constant('customer') }),
    payment_method_line_id: f.many2one('account.payment.method.line', 'Payment Method'),
    payment_method_id: f.computed(f.many2one('account.payment.method', 'Method'), (env, record) =>
      typeof record.payment_method_line_id === 'number' ? (env.store.get('account.payment.method.line', record.payment_method_line_id)?.payment_method_id ?? false) : false,
    ),
    move_id: f.many2one('account.move', 'Journal Entry', { readonly: true }),
    outstanding_account_id: f.many2one('account.account', 'Outstanding Account'),
    destination_account_id: f.many2one('account.account', 'Destination Account'),
    is_reconciled: f.computed(f.boolean('Is Reconciled'), (env, record) => {
      const line = counterpartLine(env, record);
      return Boolean(line) && computeResidual(env, line as StoredRecord).isZero();
    }),
    is_matched: f.computed(f.boolean('Is Matched With a Bank Statement'), () => false),
    amount_signed: f.computed(f.monetary('Amount Signed'), (_env, record) => decText(record.payment_type === 'outbound' ? dec(record.amount).negated() : dec(record.amount))),
    reconciled_invoice_ids: f.computed(f.many2many('account.move', 'Reconciled Invoices'), (env, record) =>
      // 18 lists the invoices the payment was registered for, matched or not (recorded on draft/cancelled invoices).
      standalone ? [...new Set([...((record.invoice_ids as number[] | undefined) ?? []), ...reconciledInvoices(env, record)])] : reconciledInvoices(env, record),
    ),
  };
  if (standalone) {
    fields.memo = f.char('Memo');
    fields.invoice_ids = f.many2many('account.move', 'Invoices');
  } else {
    fields.ref = f.char('Reference');
  }
  return fields;
}

function paymentModel(standalone: boolean): ModelDef {
  return {
    name: 'account.payment',
    description: 'Payments',
    order: 'date desc, name desc',
    isMailThread: true,
    access: { readGroups: ACCOUNTING_GROUPS },
    versions: standalone ? { min: 18 } : { max: 17 },
    fields: paymentFields(standalone),
    displayName: (_env, record) => (typeof record.name === 'string' && record.name ? record.name : 'Draft Payment'),
    hooks: {
      prepareCreate: (_env, vals) => {
        if (vals.outstanding_account_id === undefined) {
          vals.outstanding_account_id = vals.payment_type === 'outbound' ? DEFAULT_ACCOUNTS.outstandingPayments : DEFAULT_ACCOUNTS.outstandingReceipts;
        }
        if (vals.destination_account_id === undefined) {
          vals.destination_account_id = vals.partner_type === 'supplier' ? DEFAULT_ACCOUNTS.payable : DEFAULT_ACCOUNTS.receivable;
        }
      },
      // @api.constrains('payment_method_line_id'): checked once the row exists, so the id is used up.
      checkInsert: (_env, record) => {
        if (record.payment_method_line_id === false) throw validationError('Please define a payment method line on your payment.');
      },
    },
    methods: {
      action_post: {
        binding: 'record',
        params: [],
        qualname: 'AccountPayment.action_post',
        run: ({ env, ids }) => {
          for (const id of ids) if (typeof id === 'number' && env.store.has('account.payment', id)) postPayment(env, id);
          return false;
        },
      },
    },
  };
}

export const accountPayment18 = paymentModel(true);
export const accountPayment16 = paymentModel(false);
