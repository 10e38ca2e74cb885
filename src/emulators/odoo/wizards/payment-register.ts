import { toUserDate } from '../clock';
import { userError } from '../errors';
import { create } from '../orm/crud';
import { f } from '../orm/field-builders';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { currencyDecimals } from '../accounting/line-amounts';
import { dec, decText, roundTo, sumDec } from '../accounting/money';
import { termLines } from '../accounting/move-computation';
import { postPayment, reconcilePaymentWithInvoices } from '../accounting/payment-posting';
import { ACCOUNTING_GROUPS } from '../models/account-setup';

/** Bank and cash journals, in journal order (the wizard's `available_journal_ids`). */
function liquidityJournals(env: Env): number[] {
  return env.store
    .all('account.journal')
    .filter((journal) => (journal.type === 'bank' || journal.type === 'cash') && journal.active !== false)
    .sort((a, b) => Number(a.sequence) - Number(b.sequence) || String(a.type).localeCompare(String(b.type)) || String(a.code).localeCompare(String(b.code)))
    .map((journal) => journal.id);
}

function defaultMethodLine(env: Env, journalId: unknown, paymentType: string): number | false {
  if (typeof journalId !== 'number') return false;
  const journal = env.store.get('account.journal', journalId);
  if (!journal || (journal.type !== 'bank' && journal.type !== 'cash')) return false;
  const line = env.store
    .all('account.payment.method.line')
    .filter((row) => row.journal_id === journalId && row._payment_type === paymentType)
    .sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id)[0];
  return line ? line.id : false;
}

/**
 * default_get of account.payment.register: the wizard only opens on account.move(.line) records;
 * 16/17 refuse draft/cancelled entries while 18 accepts them (recorded: a draft invoice gets an
 * in_process payment, a cancelled one too); nothing left to pay is a UserError.
 */
function prepareWizard(env: Env, vals: Record<string, unknown>): void {
  const activeModel = env.context.active_model;
  const activeIds = Array.isArray(env.context.active_ids) ? (env.context.active_ids as unknown[]) : [];
  if (activeModel !== 'account.move' && activeModel !== 'account.move.line') {
    throw userError('The register payment wizard should only be called on account.move or account.move.line records.');
  }
  let lines: StoredRecord[];
  if (activeModel === 'account.move') {
    const moves = activeIds.map((id) => (typeof id === 'number' ? env.store.get('account.move', id) : undefined)).filter((move): move is StoredRecord => Boolean(move));
    if (!env.profile.registersPaymentOnDraft && moves.some((move) => move.state !== 'posted')) {
      throw userError('You can only register payment for posted journal entries.');
    }
    lines = moves.flatMap((move) => termLines(env, move.id));
  } else {
    lines = activeIds.map((id) => (typeof id === 'number' ? env.store.get('account.move.line', id) : undefined)).filter((line): line is StoredRecord => Boolean(line));
  }
  const moves = [...new Set(lines.map((line) => line.move_id as number))].map((id) => env.store.get('account.move', id) as StoredRecord);
  const currencyId = moves[0]?.currency_id ?? false;
  const decimals = currencyDecimals(env, currencyId);
  const open = lines.filter((line) => !roundTo(dec(line.amount_residual), decimals).isZero());
  if (open.length === 0) {
    throw userError("You can't register a payment because there is nothing left to pay on the selected journal items.");
  }
  const residual = sumDec(open.map((line) => dec(line.amount_residual)));
  const paymentType = residual.greaterThan(0) ? 'inbound' : 'outbound';
  const sourceAmount = residual.abs();
  const journals = liquidityJournals(env);
  const journalId = typeof vals.journal_id === 'number' ? vals.journal_id : (journals[0] ?? false);
  const communication = moves.map((move) => move.payment_reference || move.ref || move.name).filter(Boolean).join(' ');
  Object.assign(vals, {
    line_ids: [[6, 0, open.map((line) => line.id)]],
    journal_id: journalId,
    payment_type: paymentType,
    partner_type: 'customer',
    partner_id: open[0].partner_id ?? false,
    currency_id: vals.currency_id ?? currencyId,
    source_currency_id: currencyId,
    source_amount: decText(sourceAmount),
    source_amount_currency: decText(sourceAmount),
    amount: vals.amount ?? Number(decText(sourceAmount)),
    payment_date: vals.payment_date ?? toUserDate(env.clock.now()),
    communication: vals.communication ?? (communication || false),
    payment_method_line_id: vals.payment_method_line_id ?? defaultMethodLine(env, journalId, paymentType),
    can_edit_wizard: true,
    can_group_payments: false,
    group_payment: vals.group_payment ?? true,
    installments_mode: 'full',
    is_register_payment_on_draft: moves.some((move) => move.state === 'draft'),
    _available_journal_ids: journals,
  });
  if (!env.profile.registersPaymentOnDraft) delete vals.is_register_payment_on_draft;
  const account = env.store.get('account.account', open[0].account_id as number);
  if (account?.account_type === 'liability_payable') vals.partner_type = 'supplier';
}

export const accountPaymentRegister: ModelDef = {
  name: 'account.payment.register',
  description: 'Pay',
  order: 'id',
  transient: true,
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    payment_date: f.date('Payment Date', { required: true }),
    amount: f.monetary('Amount'),
    communication: f.char('Memo'),
    group_payment: f.boolean('Group Payments'),
    currency_id: f.many2one('res.currency', 'Currency'),
    journal_id: f.many2one('account.journal', 'Journal'),
    available_journal_ids: f.computed(f.many2many('account.journal', 'Available Journals'), (_env, record) => (record._available_journal_ids as number[] | undefined) ?? []),
    payment_method_line_id: f.many2one('account.payment.method.line', 'Payment Method'),
    partner_bank_id: f.many2one('res.partner', 'Recipient Bank Account'),
    line_ids: f.many2many('account.move.line', 'Journal items', { readonly: true }),
    payment_type: f.selection('Payment Type', [['outbound', 'Send Money'], ['inbound', 'Receive Money']], { readonly: true }),
    partner_type: f.selection('Partner Type', [['customer', 'Customer'], ['supplier', 'Vendor']], { readonly: true }),
    partner_id: f.many2one('res.partner', 'Customer/Vendor', { readonly: true }),
    source_amount: f.monetary('Amount to Pay (company currency)', { readonly: true }),
    source_amount_currency: f.monetary('Amount to Pay (foreign currency)', { readonly: true }),
    source_currency_id: f.many2one('res.currency', 'Source Currency', { readonly: true }),
    can_edit_wizard: f.boolean('Can Edit Wizard', { readonly: true }),
    can_group_payments: f.boolean('Can Group Payments', { readonly: true }),
    installments_mode: f.selection('Installments Mode', [['next', 'Next Installment'], ['overdue', 'Overdue Amount'], ['before_date', 'Before Next Payment Date'], ['full', 'Full Amount']], {
      versions: { min: 18 },
    }),
    is_register_payment_on_draft: f.boolean('Is Register Payment On Draft', { versions: { min: 18 } }),
    payment_difference: f.computed(f.monetary('Payment Difference'), (env, record) =>
      decText(roundTo(dec(record.source_amount).minus(dec(record.amount)), currencyDecimals(env, record.currency_id))),
    ),
    payment_difference_handling: f.selection('Payment Difference Handling', [['open', 'Keep open'], ['reconcile', 'Mark as fully paid']], {
      default: f.constant('open'),
    }),
    writeoff_account_id: f.many2one('account.account', 'Difference Account'),
    writeoff_label: f.char('Journal Item Label', { default: f.constant('Write-Off') }),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
  },
  hooks: {
    prepareCreate: (env, vals) => prepareWizard(env, vals),
  },
  methods: {
    /**
     * Creates, posts and reconciles the payment. Returns the payment form action, or true with
     * context `dont_redirect_to_payments`. A wizard without payment method line fails on the
     * payment's constraint — after its id was taken, as recorded (payment 5 never existed).
     */
    action_create_payments: {
      binding: 'record',
      params: [],
      qualname: 'AccountPaymentRegister.action_create_payments',
      run: ({ env, ids }) => {
        const paymentIds: number[] = [];
        for (const id of ids) {
          const wizard = typeof id === 'number' ? env.store.get('account.payment.register', id) : undefined;
          if (!wizard) continue;
          const invoiceIds = [...new Set(((wizard.line_ids as number[]) ?? []).map((lineId) => env.store.get('account.move.line', lineId)?.move_id as number))];
          const memoField = env.profile.standalonePayments ? 'memo' : 'ref';
          const [paymentId] = create(env, 'account.payment', [
            {
              payment_type: wizard.payment_type,
              partner_type: wizard.partner_type,
              partner_id: wizard.partner_id,
              amount: Number(wizard.amount),
              currency_id: wizard.currency_id,
              date: wizard.payment_date,
              journal_id: wizard.journal_id,
              payment_method_line_id: wizard.payment_method_line_id,
              [memoField]: wizard.communication,
              ...(env.profile.standalonePayments ? { invoice_ids: [[6, 0, invoiceIds]] } : {}),
            },
          ]);
          postPayment(env, paymentId);
          reconcilePaymentWithInvoices(env, paymentId, invoiceIds);
          paymentIds.push(paymentId);
        }
        if (env.context.dont_redirect_to_payments) return true;
        const action: Record<string, unknown> = {
          name: 'Payments',
          type: 'ir.actions.act_window',
          res_model: 'account.payment',
          context: { create: false },
        };
        if (paymentIds.length === 1) Object.assign(action, { view_mode: 'form', res_id: paymentIds[0] });
        else Object.assign(action, { view_mode: 'list,form', domain: [['id', 'in', paymentIds]] });
        return action;
      },
    },
  },
};

