import { create } from '../orm/crud';
import type { Env, StoredRecord } from '../orm/model-types';
import { Dec, dec, decText, sumDec, type Dec as Decimal } from './money';

/**
 * Matching of receivable/payable journal items, in Odoo's terms: an account.partial.reconcile
 * takes `amount` from a debit line and a credit line; when both are fully matched an
 * account.full.reconcile closes them (`reconciled`, `matching_number` "1"). Line residuals are
 * always derived from the partials, so undoing a match is deleting its partial.
 */
export function reconcileLines(env: Env, lineA: number, lineB: number): Decimal {
  const a = env.store.get('account.move.line', lineA);
  const b = env.store.get('account.move.line', lineB);
  if (!a || !b) return new Dec(0);
  const [debit, credit] = dec(a.amount_residual).greaterThan(0) ? [a, b] : [b, a];
  const amount = Dec.min(dec(debit.amount_residual), dec(credit.amount_residual).negated());
  if (amount.lessThanOrEqualTo(0)) return new Dec(0);
  create(env, 'account.partial.reconcile', [{ debit_move_id: debit.id, credit_move_id: credit.id, amount: decText(amount) }]);
  refreshLineMatching(env, [debit.id, credit.id]);
  return amount;
}

/** Removes every match touching the given moves' lines (button_draft's `remove_move_reconcile`). */
export function unreconcileMoves(env: Env, moveIds: readonly number[]): number[] {
  const lineIds = new Set(env.store.all('account.move.line').filter((line) => moveIds.includes(line.move_id as number)).map((line) => line.id));
  const touched = new Set<number>();
  for (const partial of env.store.all('account.partial.reconcile')) {
    const debitId = partial.debit_move_id as number;
    const creditId = partial.credit_move_id as number;
    if (!lineIds.has(debitId) && !lineIds.has(creditId)) continue;
    env.store.remove('account.partial.reconcile', partial.id);
    touched.add(debitId);
    touched.add(creditId);
  }
  refreshLineMatching(env, [...touched]);
  return [...new Set([...touched].map((id) => env.store.get('account.move.line', id)?.move_id as number))].filter(Boolean);
}

export function partialsOf(env: Env, lineId: number): StoredRecord[] {
  return env.store.all('account.partial.reconcile').filter((row) => row.debit_move_id === lineId || row.credit_move_id === lineId);
}

/** The lines matched with one line (through its partials). */
export function counterpartLines(env: Env, lineId: number): number[] {
  return partialsOf(env, lineId).map((row) => (row.debit_move_id === lineId ? row.credit_move_id : row.debit_move_id) as number);
}

export function isReconcilable(env: Env, line: StoredRecord): boolean {
  const account = typeof line.account_id === 'number' ? env.store.get('account.account', line.account_id) : undefined;
  return account?.reconcile === true;
}

/** Residual = balance − matched amounts; lines on non-reconcilable accounts have none. */
export function computeResidual(env: Env, line: StoredRecord): Decimal {
  if (!isReconcilable(env, line)) return new Dec(0);
  const partials = partialsOf(env, line.id);
  const asDebit = sumDec(partials.filter((row) => row.debit_move_id === line.id).map((row) => dec(row.amount)));
  const asCredit = sumDec(partials.filter((row) => row.credit_move_id === line.id).map((row) => dec(row.amount)));
  return dec(line.balance).minus(asDebit).plus(asCredit);
}

/** Recomputes residual, `reconciled`, the full reconcile and `matching_number` of lines. */
export function refreshLineMatching(env: Env, lineIds: readonly number[]): void {
  const groups = new Map<number, Set<number>>();
  for (const id of lineIds) {
    const line = env.store.get('account.move.line', id);
    if (!line) continue;
    const residual = computeResidual(env, line);
    const partials = partialsOf(env, id);
    env.store.update('account.move.line', id, { amount_residual: decText(residual), amount_residual_currency: decText(residual) });
    if (partials.length === 0) {
      env.store.update('account.move.line', id, { reconciled: false, matching_number: false, full_reconcile_id: false });
      continue;
    }
    const group = connectedLines(env, id);
    groups.set(Math.min(...group), group);
  }
  for (const group of groups.values()) {
    const lines = [...group].map((id) => env.store.get('account.move.line', id)).filter((row): row is StoredRecord => Boolean(row));
    const fullyMatched = lines.every((line) => computeResidual(env, line).isZero());
    const partialIds = [...new Set(lines.flatMap((line) => partialsOf(env, line.id).map((row) => row.id)))];
    let fullId: number | false = false;
    const existing = lines.map((line) => line.full_reconcile_id).find((value) => typeof value === 'number');
    if (fullyMatched) fullId = typeof existing === 'number' ? existing : create(env, 'account.full.reconcile', [{}])[0];
    for (const line of lines) {
      env.store.update('account.move.line', line.id, {
        reconciled: fullyMatched,
        full_reconcile_id: fullId,
        matching_number: fullyMatched ? String(fullId) : `P${Math.min(...partialIds)}`,
      });
    }
  }
}

function connectedLines(env: Env, start: number): Set<number> {
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.pop() as number;
    for (const other of counterpartLines(env, current)) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}
