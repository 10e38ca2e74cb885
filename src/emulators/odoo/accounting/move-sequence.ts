import type { Env, StoredRecord } from '../orm/model-types';

/**
 * Journal entry names as Odoo 14+ builds them: `<prefix>/<year>/<5-digit number>`, the number
 * following the highest existing name with the same prefix and year (so a rolled-back call
 * leaves no gap). Invoices use the journal code (INV), credit notes "R" + code (RINV), payments
 * "P" + code (PTMR).
 */
export function nextMoveName(env: Env, move: StoredRecord, kind: 'invoice' | 'refund' | 'payment' | 'entry'): string {
  const journal = typeof move.journal_id === 'number' ? env.store.get('account.journal', move.journal_id) : undefined;
  const code = String(journal?.code ?? 'MISC');
  const refundPrefix = journal?.refund_sequence === false ? code : `R${code}`;
  const prefix = kind === 'refund' ? refundPrefix : kind === 'payment' ? `P${code}` : code;
  const year = String(move.date || move.invoice_date || env.clock.now().toISOString()).slice(0, 4);
  const stem = `${prefix}/${year}/`;
  let highest = 0;
  for (const row of env.store.all('account.move')) {
    if (typeof row.name !== 'string' || !row.name.startsWith(stem)) continue;
    const number = Number(row.name.slice(stem.length));
    if (Number.isInteger(number)) highest = Math.max(highest, number);
  }
  return `${stem}${String(highest + 1).padStart(5, '0')}`;
}
