import { toUserDate } from '../clock';
import { userError } from '../errors';
import { storeComputed, touch } from '../orm/crud';
import { f } from '../orm/field-builders';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { companyCurrencyId } from '../accounting/line-amounts';
import { nextMoveName } from '../accounting/move-sequence';
import { INVOICE_TYPES, isInvoice, moveLines, recomputeMove, termLines } from '../accounting/move-computation';
import { reconcileLines, unreconcileMoves } from '../accounting/reconciliation';
import { dec } from '../accounting/money';
import { ACCOUNTING_GROUPS } from './account-setup';

export const MOVE_TYPES: readonly (readonly [string, string])[] = [
  ['entry', 'Journal Entry'],
  ['out_invoice', 'Customer Invoice'],
  ['out_refund', 'Customer Credit Note'],
  ['in_invoice', 'Vendor Bill'],
  ['in_refund', 'Vendor Credit Note'],
  ['out_receipt', 'Sales Receipt'],
  ['in_receipt', 'Purchase Receipt'],
];

const DRAFT_LABELS: Readonly<Record<string, string>> = {
  out_invoice: 'Draft Invoice',
  out_refund: 'Draft Credit Note',
  in_invoice: 'Draft Bill',
  in_refund: 'Draft Vendor Credit Note',
  out_receipt: 'Draft Sales Receipt',
  in_receipt: 'Draft Purchase Receipt',
  entry: 'Draft Entry',
};

/** Fields refused on posted moves ("You cannot modify the following readonly fields on a posted move"). */
const LOCKED_WHEN_POSTED = [
  'partner_id',
  'currency_id',
  'journal_id',
  'date',
  'invoice_date',
  'invoice_date_due',
  'move_type',
  'company_id',
  'line_ids',
  'invoice_line_ids',
  'partner_shipping_id',
  'reversed_entry_id',
];

/** Python's textwrap.shorten(text, width, placeholder=' [...]'). */
export function shorten(text: string, width = 50, placeholder = ' [...]'): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const collapsed = words.join(' ');
  if (collapsed.length <= width) return collapsed;
  let result = '';
  for (const word of words) {
    const candidate = result ? `${result} ${word}` : word;
    if (candidate.length + placeholder.length > width) break;
    result = candidate;
  }
  return `${result}${placeholder}`.trim();
}

/** `_get_move_display_name(show_ref=True)`: "INV/2026/00001", "Draft Invoice (* 7)", "PTMR/2026/00001 (memo)". */
function moveDisplayName(record: StoredRecord): string {
  let name = '';
  if (record.state === 'draft') name += `${DRAFT_LABELS[String(record.move_type)] ?? 'Draft Entry'} `;
  if (!record.name || record.name === '/') name += record.id === null ? '' : `(* ${record.id})`;
  else name += String(record.name);
  return name + (typeof record.ref === 'string' && record.ref ? ` (${shorten(record.ref)})` : '');
}

function defaultJournal(env: Env, moveType: unknown): number | false {
  const type = String(moveType ?? 'entry').startsWith('out_') ? 'sale' : String(moveType ?? 'entry').startsWith('in_') ? 'purchase' : 'general';
  const journal = env.store.all('account.journal').find((row) => row.type === type && row.active !== false);
  return journal ? journal.id : false;
}

function paymentIdsMatching(env: Env, move: StoredRecord): number[] {
  return env.store
    .all('account.payment')
    .filter((payment) => ((payment.invoice_ids as number[] | undefined) ?? []).includes(move.id))
    .map((payment) => payment.id);
}

/** action_post for one draft move: checks, number, dates, then (18) the payments registered while it was a draft. */
export function postMove(env: Env, moveId: number): void {
  const move = env.store.get('account.move', moveId) as StoredRecord;
  if (move.state !== 'draft') {
    throw userError(`The entry ${move.name === false ? 'False' : String(move.name)} (id ${move.id}) must be in draft.`);
  }
  const lines = moveLines(env, moveId);
  if (isInvoice(move)) {
    if (!lines.some((line) => line.display_type === 'product')) throw userError('You need to add a line before posting.');
    if (move.partner_id === false) {
      const role = String(move.move_type).startsWith('out_') ? 'Customer' : 'Vendor';
      const label = (MOVE_TYPES.find(([key]) => key === move.move_type) ?? ['', 'Invoice'])[1];
      throw userError(`The field '${role}' is required, please complete it to validate the ${label}.`);
    }
    if (dec(move.amount_total).lessThan(0)) {
      throw userError('You cannot validate an invoice with a negative total amount. You should create a credit note instead. Use the action menu to transform it into a credit note or refund.');
    }
  } else if (lines.length === 0) {
    throw userError('You need to add a line before posting.');
  }
  const today = toUserDate(env.clock.now());
  const invoiceDate = isInvoice(move) ? (move.invoice_date || today) : move.invoice_date;
  const kind = String(move.move_type).endsWith('_refund') ? 'refund' : isInvoice(move) ? 'invoice' : move._payment_entry ? 'payment' : 'entry';
  const dated = { ...move, date: isInvoice(move) ? invoiceDate : move.date };
  const name = move.name || nextMoveName(env, dated, kind);
  const patch: Record<string, unknown> = {
    state: 'posted',
    name,
    date: dated.date,
    invoice_date: invoiceDate,
    posted_before: true,
  };
  if (isInvoice(move)) {
    patch.invoice_date_due = invoiceDate;
    if (!move.payment_reference && String(move.move_type).startsWith('out_')) patch.payment_reference = name;
  }
  storeComputed(env, 'account.move', moveId, patch);
  for (const line of moveLines(env, moveId)) {
    const linePatch: Record<string, unknown> = { date: patch.date };
    if (line.display_type === 'payment_term') Object.assign(linePatch, { name: patch.payment_reference ?? move.payment_reference ?? name, date_maturity: patch.invoice_date_due ?? line.date_maturity });
    env.store.update('account.move.line', line.id, linePatch);
  }
  recomputeMove(env, moveId);
  if (env.profile.standalonePayments) reconcileDraftPayments(env, moveId);
  if (typeof move.reversed_entry_id === 'number') touch(env, 'account.move', move.reversed_entry_id);
}

/** 18: payments registered on a draft invoice are matched once it is posted. */
function reconcileDraftPayments(env: Env, moveId: number): void {
  const move = env.store.get('account.move', moveId) as StoredRecord;
  for (const paymentId of paymentIdsMatching(env, move)) {
    const payment = env.store.get('account.payment', paymentId);
    if (!payment || payment.state !== 'in_process' || typeof payment.move_id !== 'number') continue;
    const paymentLines = moveLines(env, payment.move_id).filter((line) => line.account_id === termLines(env, moveId)[0]?.account_id);
    for (const paymentLine of paymentLines) for (const term of termLines(env, moveId)) reconcileLines(env, paymentLine.id, term.id);
    recomputeMove(env, payment.move_id);
  }
  recomputeMove(env, moveId);
}

export function resetMoveToDraft(env: Env, moveIds: readonly number[]): void {
  for (const id of moveIds) {
    const move = env.store.get('account.move', id);
    if (!move || (move.state !== 'posted' && move.state !== 'cancel')) throw userError('Only posted/cancelled journal entries can be reset to draft.');
  }
  const touched = unreconcileMoves(env, moveIds);
  for (const id of moveIds) storeComputed(env, 'account.move', id, { state: 'draft' });
  for (const id of new Set([...moveIds, ...touched])) recomputeMove(env, id);
}

export function cancelMoves(env: Env, moveIds: readonly number[]): void {
  const posted = moveIds.filter((id) => env.store.get('account.move', id)?.state === 'posted');
  if (posted.length > 0) resetMoveToDraft(env, posted);
  if (moveIds.some((id) => env.store.get('account.move', id)?.state !== 'draft')) throw userError('Only draft journal entries can be cancelled.');
  for (const id of moveIds) {
    storeComputed(env, 'account.move', id, { state: 'cancel', auto_post: 'no' });
    recomputeMove(env, id);
  }
}

const numeric = (ids: readonly (number | null)[]): number[] => ids.filter((id): id is number => typeof id === 'number');

export const accountMove: ModelDef = {
  name: 'account.move',
  description: 'Journal Entry',
  order: 'date desc, name desc, invoice_date desc, id desc',
  isMailThread: true,
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    name: f.char('Number', { copy: false, tracking: true }),
    ref: f.char('Reference', { copy: false }),
    date: f.date('Date', { required: true, default: (env) => toUserDate(env.clock.now()) }),
    state: f.selection('Status', [['draft', 'Draft'], ['posted', 'Posted'], ['cancel', 'Cancelled']], { required: true, default: f.constant('draft'), readonly: true }),
    move_type: f.selection('Type', MOVE_TYPES, { required: true, default: f.constant('entry') }),
    journal_id: f.many2one('account.journal', 'Journal', { required: true }),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
    partner_id: f.many2one('res.partner', 'Partner'),
    partner_shipping_id: f.many2one('res.partner', 'Delivery Address'),
    currency_id: f.many2one('res.currency', 'Currency', { required: true }),
    invoice_user_id: f.many2one('res.users', 'Salesperson', { default: (env) => env.uid }),
    invoice_date: f.date('Invoice/Bill Date', { copy: false }),
    invoice_date_due: f.date('Due Date', { default: (env) => toUserDate(env.clock.now()) }),
    invoice_origin: f.char('Origin'),
    payment_reference: f.char('Payment Reference', { copy: false }),
    narration: f.html('Terms and Conditions'),
    auto_post: f.selection('Auto-post', [['no', 'No'], ['at_date', 'At Date'], ['monthly', 'Monthly'], ['quarterly', 'Quarterly'], ['yearly', 'Yearly']], {
      default: f.constant('no'),
    }),
    posted_before: f.boolean('Posted Before', { copy: false }),
    is_move_sent: f.boolean('Is Move Sent', { copy: false }),
    line_ids: f.one2many('account.move.line', 'move_id', 'Journal Items'),
    invoice_line_ids: f.one2many('account.move.line', 'move_id', 'Invoice lines', {
      inverseFilter: (row) => row.display_type === 'product' || row.display_type === 'line_section' || row.display_type === 'line_note',
    }),
    amount_untaxed: f.monetary('Untaxed Amount', { readonly: true }),
    amount_tax: f.monetary('Tax', { readonly: true }),
    amount_total: f.monetary('Total', { readonly: true }),
    amount_residual: f.monetary('Amount Due', { readonly: true }),
    amount_untaxed_signed: f.monetary('Untaxed Amount Signed', { readonly: true, currencyField: 'company_currency_id' }),
    amount_tax_signed: f.monetary('Tax Signed', { readonly: true, currencyField: 'company_currency_id' }),
    amount_total_signed: f.monetary('Total Signed', { readonly: true, currencyField: 'company_currency_id' }),
    amount_residual_signed: f.monetary('Amount Due Signed', { readonly: true, currencyField: 'company_currency_id' }),
    payment_state: f.selection(
      'Payment Status',
      [
        ['not_paid', 'Not Paid'],
        ['in_payment', 'In Payment'],
        ['paid', 'Paid'],
        ['partial', 'Partially Paid'],
        ['reversed', 'Reversed'],
        ['blocked', 'Blocked'],
        ['invoicing_legacy', 'Invoicing App Legacy'],
      ],
      { readonly: true, default: f.constant('not_paid'), copy: false },
    ),
    reversed_entry_id: f.many2one('account.move', 'Reversal of', { copy: false }),
    reversal_move_ids: f.one2many('account.move', 'reversed_entry_id', 'Reversal Moves', { versions: { min: 18 } }),
    reversal_move_id: f.one2many('account.move', 'reversed_entry_id', 'Reversal Move', { versions: { max: 17 } }),
    matched_payment_ids: {
      ...f.computed(f.many2many('account.payment', 'Matched Payments'), (env, record) => paymentIdsMatching(env, record)),
      versions: { min: 18 },
    },
    origin_payment_id: f.many2one('account.payment', 'Payment', { versions: { min: 18 }, copy: false }),
    payment_id: f.many2one('account.payment', 'Payment', { versions: { max: 17 }, copy: false }),
    has_reconciled_entries: f.computed(f.boolean('Has Reconciled Entries'), (env, record) =>
      termLines(env, record.id).some((line) => line.matching_number !== false),
    ),
    company_currency_id: f.computed(f.many2one('res.currency', 'Company Currency'), (env) => companyCurrencyId(env)),
  },
  displayName: (_env, record) => moveDisplayName(record),
  hooks: {
    prepareCreate: (env, vals) => {
      if (vals.journal_id === undefined || vals.journal_id === false) vals.journal_id = defaultJournal(env, vals.move_type);
      if (vals.currency_id === undefined || vals.currency_id === false) {
        const journal = typeof vals.journal_id === 'number' ? env.store.get('account.journal', vals.journal_id) : undefined;
        vals.currency_id = typeof journal?.currency_id === 'number' ? journal.currency_id : companyCurrencyId(env);
      }
      if (vals.partner_shipping_id === undefined && typeof vals.partner_id === 'number' && INVOICE_TYPES.has(String(vals.move_type))) {
        vals.partner_shipping_id = vals.partner_id;
      }
    },
    afterCreate: (env, ids) => {
      for (const id of ids) recomputeMove(env, id);
    },
    beforeWrite: (env, ids, vals) => {
      const locked = Object.keys(vals).filter((name) => LOCKED_WHEN_POSTED.includes(name));
      if (locked.length > 0 && ids.some((id) => env.store.get('account.move', id)?.state === 'posted')) {
        throw userError(`You cannot modify the following readonly fields on a posted move: ${locked.join(', ')}`);
      }
    },
    afterWrite: (env, ids) => {
      for (const id of ids) recomputeMove(env, id);
    },
    beforeUnlink: (env, ids) => {
      for (const id of ids) {
        const move = env.store.get('account.move', id) as StoredRecord;
        const reconciled = moveLines(env, id).some((line) => line.matching_number !== false);
        if (reconciled) {
          throw userError(
            'You cannot do this modification on a reconciled journal entry. You can just change some non legal fields or you must unreconcile first.\n' +
              `Journal Entry (id): ${moveDisplayName(move)} (${id})`,
          );
        }
        if (move.state === 'posted') throw userError('You cannot delete an item linked to a posted entry.');
      }
      for (const id of ids) env.store.update('account.move', id, { _unlinking: true });
    },
  },
  methods: {
    action_post: {
      binding: 'record',
      params: [],
      qualname: 'AccountMove.action_post',
      run: ({ env, ids }) => {
        for (const id of numeric(ids)) if (env.store.has('account.move', id)) postMove(env, id);
        return false;
      },
    },
    button_draft: {
      binding: 'record',
      params: [],
      qualname: 'AccountMove.button_draft',
      run: ({ env, ids }) => {
        resetMoveToDraft(env, numeric(ids).filter((id) => env.store.has('account.move', id)));
        return null;
      },
    },
    button_cancel: {
      binding: 'record',
      params: [],
      qualname: 'AccountMove.button_cancel',
      run: ({ env, ids }) => {
        cancelMoves(env, numeric(ids).filter((id) => env.store.has('account.move', id)));
        return null;
      },
    },
  },
};
