import { storeComputed } from '../orm/crud';
import { nowStored } from '../orm/field-values';
import type { Env, StoredRecord } from '../orm/model-types';
import { computeLineAmounts, currencyDecimals, taxRules } from './line-amounts';
import { Dec, dec, decText, roundTo, sumDec, type Dec as Decimal } from './money';
import { computeResidual, counterpartLines, partialsOf } from './reconciliation';
import { DEFAULT_ACCOUNTS } from './default-accounts';

export const INVOICE_TYPES = new Set(['out_invoice', 'out_refund', 'in_invoice', 'in_refund', 'out_receipt', 'in_receipt']);

export function isInvoice(move: StoredRecord | undefined): boolean {
  return Boolean(move && INVOICE_TYPES.has(String(move.move_type)));
}

/** +1 when the receivable/payable line is a debit (customer invoice, vendor refund), −1 otherwise. */
export function invoiceSign(moveType: unknown): 1 | -1 {
  return moveType === 'out_invoice' || moveType === 'out_receipt' || moveType === 'in_refund' ? 1 : -1;
}

export function moveLines(env: Env, moveId: number): StoredRecord[] {
  return env.store.all('account.move.line').filter((line) => line.move_id === moveId);
}

function byDisplayType(env: Env, moveId: number, type: string): StoredRecord[] {
  return moveLines(env, moveId)
    .filter((line) => line.display_type === type)
    .sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
}

export function termLines(env: Env, moveId: number): StoredRecord[] {
  return byDisplayType(env, moveId, 'payment_term');
}

/** Inserts a journal item computed by the move itself (tax and payment-term lines), without hooks. */
function insertComputedLine(env: Env, vals: Record<string, unknown>): number {
  const id = env.store.allocateId('account.move.line');
  const now = nowStored(env);
  env.store.insert('account.move.line', {
    quantity: '0',
    price_unit: '0',
    discount: '0',
    tax_ids: [],
    sale_line_ids: [],
    product_id: false,
    product_uom_id: false,
    tax_line_id: false,
    price_subtotal: '0',
    price_total: '0',
    reconciled: false,
    matching_number: false,
    full_reconcile_id: false,
    sequence: 10,
    ...vals,
    id,
    create_uid: env.uid,
    create_date: now,
    write_uid: env.uid,
    write_date: now,
  });
  return id;
}

function balanceFields(balance: Decimal): Record<string, unknown> {
  return {
    balance: decText(balance),
    amount_currency: decText(balance),
    debit: decText(balance.greaterThan(0) ? balance : new Dec(0)),
    credit: decText(balance.lessThan(0) ? balance.negated() : new Dec(0)),
  };
}

/**
 * Odoo's "dynamic lines" of a draft invoice: each product line's subtotal/total, one tax line per
 * tax and one payment-term (receivable) line carrying the total — created or updated in place,
 * so an invoice with two product lines gets ids 1, 2 (products), 3 (tax), 4 (receivable).
 */
export function syncInvoiceLines(env: Env, moveId: number): void {
  const move = env.store.get('account.move', moveId);
  if (!move || !isInvoice(move)) return;
  const decimals = currencyDecimals(env, move.currency_id);
  const sign = invoiceSign(move.move_type);
  const common = { currency_id: move.currency_id, partner_id: move.partner_id, date: move.date, company_id: move.company_id };
  const taxTotals = new Map<number, Decimal>();
  let total = new Dec(0);
  for (const line of byDisplayType(env, moveId, 'product')) {
    const amounts = computeLineAmounts(line.quantity, line.price_unit, line.discount, taxRules(env, (line.tax_ids as number[]) ?? []), decimals);
    for (const tax of amounts.taxes) taxTotals.set(tax.taxId, (taxTotals.get(tax.taxId) ?? new Dec(0)).plus(tax.amount));
    total = total.plus(amounts.total);
    env.store.update('account.move.line', line.id, {
      ...common,
      price_subtotal: decText(amounts.subtotal),
      price_total: decText(amounts.total),
      ...balanceFields(amounts.subtotal.times(-sign)),
      amount_residual: '0',
      amount_residual_currency: '0',
    });
  }
  const taxLines = byDisplayType(env, moveId, 'tax');
  for (const [taxId, amount] of taxTotals) {
    if (amount.isZero()) continue;
    const tax = env.store.get('account.tax', taxId);
    const vals = {
      ...common,
      name: tax?.name ?? false,
      display_type: 'tax',
      tax_line_id: taxId,
      account_id: typeof tax?.account_id === 'number' ? tax.account_id : DEFAULT_ACCOUNTS.vatOutput,
      ...balanceFields(amount.times(-sign)),
      amount_residual: '0',
      amount_residual_currency: '0',
    };
    const existing = taxLines.find((line) => line.tax_line_id === taxId);
    if (existing) env.store.update('account.move.line', existing.id, vals);
    else insertComputedLine(env, { ...vals, move_id: moveId });
  }
  for (const line of taxLines) {
    const amount = taxTotals.get(line.tax_line_id as number);
    if (!amount || amount.isZero()) env.store.remove('account.move.line', line.id);
  }
  const term = {
    ...common,
    name: move.payment_reference || move.name || '',
    display_type: 'payment_term',
    account_id: DEFAULT_ACCOUNTS.receivable,
    date_maturity: move.invoice_date_due,
    ...balanceFields(roundTo(total, decimals).times(sign)),
  };
  const [existingTerm, ...extraTerms] = termLines(env, moveId);
  for (const line of extraTerms) env.store.remove('account.move.line', line.id);
  const termId = existingTerm ? existingTerm.id : insertComputedLine(env, { ...term, move_id: moveId });
  if (existingTerm) env.store.update('account.move.line', termId, term);
  const termLine = env.store.get('account.move.line', termId) as StoredRecord;
  const residual = computeResidual(env, termLine);
  env.store.update('account.move.line', termId, { amount_residual: decText(residual), amount_residual_currency: decText(residual) });
}

/**
 * Stored totals of a move (amount_untaxed/tax/total/residual and their signed twins) and its
 * payment_state, recomputed from the lines; a real change bumps write_date like Odoo's flush.
 */
export function recomputeMoveTotals(env: Env, moveId: number): void {
  const move = env.store.get('account.move', moveId);
  if (!move) return;
  const lines = moveLines(env, moveId);
  let values: Record<string, unknown>;
  if (isInvoice(move)) {
    const sign = invoiceSign(move.move_type);
    const untaxed = sumDec(lines.filter((line) => line.display_type === 'product').map((line) => dec(line.price_subtotal)));
    const tax = sumDec(lines.filter((line) => line.display_type === 'tax').map((line) => dec(line.balance).times(-sign)));
    const total = untaxed.plus(tax);
    const residual = sumDec(lines.filter((line) => line.display_type === 'payment_term').map((line) => dec(line.amount_residual))).times(sign);
    values = {
      amount_untaxed: decText(untaxed),
      amount_tax: decText(tax),
      amount_total: decText(total),
      amount_residual: decText(residual),
      amount_untaxed_signed: decText(untaxed.times(sign)),
      amount_tax_signed: decText(tax.times(sign)),
      amount_total_signed: decText(total.times(sign)),
      amount_residual_signed: decText(residual.times(sign)),
    };
  } else {
    const total = sumDec(lines.map((line) => dec(line.debit)));
    values = {
      amount_untaxed: '0',
      amount_tax: '0',
      amount_total: decText(total),
      amount_residual: '0',
      amount_untaxed_signed: '0',
      amount_tax_signed: '0',
      amount_total_signed: decText(total),
      amount_residual_signed: '0',
    };
  }
  values.payment_state = paymentState(env, { ...move, ...values });
  storeComputed(env, 'account.move', moveId, values);
}

/**
 * `_compute_payment_state`: only posted invoices move off not_paid. Fully matched → 'paid'
 * (Community; 'in_payment' with Enterprise accounting, an emulator option) or 'reversed' when
 * every match is with the invoice's own reversal; partly matched → 'partial'.
 */
function paymentState(env: Env, move: StoredRecord): string {
  if (move.state !== 'posted' || !isInvoice(move)) return 'not_paid';
  const decimals = currencyDecimals(env, move.currency_id);
  const residual = roundTo(dec(move.amount_residual), decimals);
  const terms = termLines(env, move.id);
  const matched = terms.flatMap((line) => counterpartLines(env, line.id));
  if (residual.isZero()) {
    const counterpartMoves = matched.map((id) => env.store.get('account.move.line', id)?.move_id);
    const reversal =
      counterpartMoves.length > 0 &&
      counterpartMoves.every((id) => {
        const other = typeof id === 'number' ? env.store.get('account.move', id) : undefined;
        return other?.reversed_entry_id === move.id || move.reversed_entry_id === id;
      });
    if (reversal) return 'reversed';
    return env.services.settings.invoicePaidState;
  }
  return terms.some((line) => partialsOf(env, line.id).length > 0) ? 'partial' : 'not_paid';
}

/** Re-derives a draft invoice's lines, the totals, and the state of the payments linked to it. */
export function recomputeMove(env: Env, moveId: number): void {
  const move = env.store.get('account.move', moveId);
  if (!move) return;
  if (move.state === 'draft') syncInvoiceLines(env, moveId);
  recomputeMoveTotals(env, moveId);
  syncPaymentStates(env, linkedPaymentIds(env, moveId));
}

export function linkedPaymentIds(env: Env, moveId: number): number[] {
  return env.store
    .all('account.payment')
    .filter((payment) => ((payment.invoice_ids as number[] | undefined) ?? []).includes(moveId) || payment.move_id === moveId)
    .map((payment) => payment.id);
}

/**
 * 18's standalone payments: 'in_process' once posted, promoted to 'paid' when every invoice it
 * pays is paid (observed: a full payment is 'paid' at once, a partial one stays 'in_process').
 * 16/17 payments mirror their move's state ('posted').
 */
export function syncPaymentStates(env: Env, paymentIds: readonly number[]): void {
  for (const id of paymentIds) {
    const payment = env.store.get('account.payment', id);
    if (!payment) continue;
    if (!env.profile.standalonePayments) {
      const move = typeof payment.move_id === 'number' ? env.store.get('account.move', payment.move_id) : undefined;
      const state = move?.state === 'posted' ? 'posted' : move?.state === 'cancel' ? 'cancel' : 'draft';
      storeComputed(env, 'account.payment', id, { state });
      continue;
    }
    if (payment.state !== 'in_process' && payment.state !== 'paid') continue;
    const invoices = ((payment.invoice_ids as number[] | undefined) ?? []).map((invoiceId) => env.store.get('account.move', invoiceId));
    const allPaid = invoices.length > 0 && invoices.every((invoice) => ['paid', 'in_payment', 'reversed'].includes(String(invoice?.payment_state)));
    storeComputed(env, 'account.payment', id, { state: allPaid ? 'paid' : 'in_process' });
  }
}

