import { userError } from '../errors';
import { create, storeComputed } from '../orm/crud';
import type { Env, StoredRecord } from '../orm/model-types';
import { DEFAULT_ACCOUNTS } from './default-accounts';
import { nextMoveName } from './move-sequence';
import { dec, decText } from './money';
import { moveLines, recomputeMove, syncPaymentStates, termLines } from './move-computation';
import { reconcileLines, refreshLineMatching } from './reconciliation';

function lineLabel(env: Env, payment: StoredRecord, memo: unknown): string {
  const methodLine = typeof payment.payment_method_line_id === 'number' ? env.store.get('account.payment.method.line', payment.payment_method_line_id) : undefined;
  const label = String(methodLine?.name ?? (payment.payment_type === 'inbound' ? 'Manual Payment' : 'Manual Payment'));
  return typeof memo === 'string' && memo ? `${label}: ${memo}` : label;
}

/**
 * action_post of a payment: its journal entry (liquidity line on the outstanding receipts/payments
 * account, counterpart on receivable/payable), numbered "P<journal code>/<year>/<n>".
 * 18: the payment becomes 'in_process' (promoted to 'paid' once its invoices are paid);
 * 16/17: 'posted'.
 */
export function postPayment(env: Env, paymentId: number): void {
  const payment = env.store.get('account.payment', paymentId) as StoredRecord;
  if (payment.state !== 'draft') throw userError('Only a draft or canceled payment can be posted.');
  const memo = env.profile.standalonePayments ? payment.memo : payment.ref;
  const amount = dec(payment.amount);
  const inbound = payment.payment_type === 'inbound';
  const outstanding = typeof payment.outstanding_account_id === 'number' ? payment.outstanding_account_id : inbound ? DEFAULT_ACCOUNTS.outstandingReceipts : DEFAULT_ACCOUNTS.outstandingPayments;
  const destination = typeof payment.destination_account_id === 'number' ? payment.destination_account_id : DEFAULT_ACCOUNTS.receivable;
  const label = lineLabel(env, payment, memo);
  const liquidity = inbound ? amount : amount.negated();
  const common = { partner_id: payment.partner_id, currency_id: payment.currency_id, date: payment.date, name: label };
  const line = (account: number, balance: ReturnType<typeof dec>, displayType: string): Record<string, unknown> => ({
    ...common,
    account_id: account,
    display_type: displayType,
    sequence: 10,
    quantity: 1,
    balance: decText(balance),
    amount_currency: decText(balance),
    debit: decText(balance.greaterThan(0) ? balance : dec(0)),
    credit: decText(balance.lessThan(0) ? balance.negated() : dec(0)),
  });
  const paymentLink = env.profile.standalonePayments ? { origin_payment_id: paymentId } : { payment_id: paymentId };
  const [moveId] = create(env, 'account.move', [
    {
      move_type: 'entry',
      journal_id: payment.journal_id,
      date: payment.date,
      ref: typeof memo === 'string' && memo ? memo : false,
      partner_id: payment.partner_id,
      currency_id: payment.currency_id,
      _payment_entry: true,
      ...paymentLink,
      line_ids: [
        [0, 0, line(outstanding, liquidity, 'product')],
        [0, 0, line(destination, liquidity.negated(), 'payment_term')],
      ],
    },
  ]);
  refreshLineMatching(env, moveLines(env, moveId).map((row) => row.id));
  const move = env.store.get('account.move', moveId) as StoredRecord;
  const name = nextMoveName(env, move, 'payment');
  storeComputed(env, 'account.move', moveId, { state: 'posted', name, posted_before: true });
  recomputeMove(env, moveId);
  storeComputed(env, 'account.payment', paymentId, {
    move_id: moveId,
    name,
    state: env.profile.standalonePayments ? 'in_process' : 'posted',
  });
}

/** The wizard's `_reconcile_payments`: match the payment's counterpart line with the posted invoices' open lines. */
export function reconcilePaymentWithInvoices(env: Env, paymentId: number, invoiceIds: readonly number[]): void {
  const payment = env.store.get('account.payment', paymentId);
  if (!payment || typeof payment.move_id !== 'number') return;
  const paymentMoveId = payment.move_id;
  const counterparts = moveLines(env, paymentMoveId).filter((line) => line.account_id === payment.destination_account_id);
  for (const invoiceId of invoiceIds) {
    const invoice = env.store.get('account.move', invoiceId);
    if (invoice?.state !== 'posted') continue;
    for (const term of termLines(env, invoiceId)) {
      for (const counterpart of counterparts) reconcileLines(env, counterpart.id, term.id);
    }
    recomputeMove(env, invoiceId);
  }
  recomputeMove(env, paymentMoveId);
  syncPaymentStates(env, [paymentId]);
}
