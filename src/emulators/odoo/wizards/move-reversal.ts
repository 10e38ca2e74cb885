import { toUserDate } from '../clock';
import { userError } from '../errors';
import { create } from '../orm/crud';
import { f } from '../orm/field-builders';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { moveLines, recomputeMove, termLines } from '../accounting/move-computation';
import { dec, decText, sumDec } from '../accounting/money';
import { reconcileLines } from '../accounting/reconciliation';
import { postMove } from '../models/account-move';
import { ACCOUNTING_GROUPS } from '../models/account-setup';

const REVERSED_TYPE: Readonly<Record<string, string>> = {
  out_invoice: 'out_refund',
  out_refund: 'out_invoice',
  in_invoice: 'in_refund',
  in_refund: 'in_invoice',
  out_receipt: 'out_refund',
  in_receipt: 'in_refund',
  entry: 'entry',
};

function wizardMoves(env: Env, wizard: StoredRecord): StoredRecord[] {
  return ((wizard.move_ids as number[]) ?? []).map((id) => env.store.get('account.move', id)).filter((move): move is StoredRecord => Boolean(move));
}

/** A draft copy of a move with the opposite type, pointing back through `reversed_entry_id`. */
function reverseMove(env: Env, move: StoredRecord, wizard: StoredRecord): number {
  const reason = typeof wizard.reason === 'string' && wizard.reason ? wizard.reason : '';
  const registered = env.registry.model('account.move');
  const copied: Record<string, unknown> = {};
  for (const [name, field] of registered.fields) {
    // Custom fields are copied only when created with copied=True (the x_tamara_* ones are not).
    if (field.manual && field.copy && move[name] !== undefined) copied[name] = move[name];
  }
  const lines = moveLines(env, move.id)
    .filter((line) => line.display_type === 'product' || line.display_type === 'line_section' || line.display_type === 'line_note')
    .map((line) => [
      0,
      0,
      {
        name: line.name,
        display_type: line.display_type,
        product_id: line.product_id,
        product_uom_id: line.product_uom_id,
        quantity: Number(line.quantity),
        price_unit: Number(line.price_unit),
        discount: Number(line.discount),
        tax_ids: [[6, 0, (line.tax_ids as number[]) ?? []]],
        account_id: line.account_id,
        sequence: line.sequence,
      },
    ]);
  const date = wizard.date || toUserDate(env.clock.now());
  const [id] = create(env, 'account.move', [
    {
      ...copied,
      move_type: REVERSED_TYPE[String(move.move_type)] ?? 'entry',
      partner_id: move.partner_id,
      currency_id: move.currency_id,
      journal_id: typeof wizard.journal_id === 'number' ? wizard.journal_id : move.journal_id,
      date,
      invoice_date: date,
      ref: reason ? `Reversal of: ${String(move.name)}, ${reason}` : `Reversal of: ${String(move.name)}`,
      reversed_entry_id: move.id,
      invoice_origin: false,
      invoice_line_ids: lines,
    },
  ]);
  return id;
}

function reverse(env: Env, wizardId: number, isModify: boolean): Record<string, unknown> {
  const wizard = env.store.get('account.move.reversal', wizardId) as StoredRecord;
  const moves = wizardMoves(env, wizard);
  const refundMethod = env.profile.hasRefundMoves ? (isModify ? 'modify' : 'refund') : String(wizard.refund_method || 'refund');
  const created: number[] = [];
  for (const move of moves) {
    const reversalId = reverseMove(env, move, wizard);
    created.push(reversalId);
    if (refundMethod === 'cancel' || refundMethod === 'modify') {
      // Full refund: post the credit note and match it with what is left on the invoice.
      postMove(env, reversalId);
      for (const term of termLines(env, move.id)) for (const reversalTerm of termLines(env, reversalId)) reconcileLines(env, term.id, reversalTerm.id);
      recomputeMove(env, move.id);
      recomputeMove(env, reversalId);
    }
  }
  env.store.update('account.move.reversal', wizardId, { new_move_ids: created });
  let redirect = created;
  if (refundMethod === 'modify') {
    redirect = moves.map((move) => {
      const [copyId] = create(env, 'account.move', [
        {
          move_type: move.move_type,
          partner_id: move.partner_id,
          currency_id: move.currency_id,
          journal_id: move.journal_id,
          invoice_origin: move.invoice_origin,
          invoice_line_ids: moveLines(env, move.id)
            .filter((line) => line.display_type === 'product')
            .map((line) => [0, 0, { name: line.name, product_id: line.product_id, quantity: Number(line.quantity), price_unit: Number(line.price_unit), discount: Number(line.discount), tax_ids: [[6, 0, line.tax_ids]] }]),
        },
      ]);
      return copyId;
    });
  }
  const first = env.store.get('account.move', redirect[0]);
  const action: Record<string, unknown> = { name: 'Reverse Moves', type: 'ir.actions.act_window', res_model: 'account.move' };
  if (redirect.length === 1) Object.assign(action, { view_mode: 'form', res_id: redirect[0] });
  else Object.assign(action, { view_mode: 'list,form', domain: [['id', 'in', redirect]] });
  if (first) action.context = { default_move_type: first.move_type };
  return action;
}

/**
 * account.move.reversal: created with the moves in `active_ids` (only posted ones may be
 * reversed). 17+ `refund_moves()` makes draft credit notes (the connector edits and posts them);
 * `modify_moves()` and 16's refund_method 'cancel'/'modify' post and match them instead.
 */
export const accountMoveReversal: ModelDef = {
  name: 'account.move.reversal',
  description: 'Account Move Reversal',
  order: 'id',
  transient: true,
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    move_ids: f.many2many('account.move', 'Moves'),
    new_move_ids: f.many2many('account.move', 'New Moves'),
    reason: f.char('Reason displayed on Credit Note'),
    date: f.date('Reversal date', { default: (env) => toUserDate(env.clock.now()) }),
    journal_id: f.many2one('account.journal', 'Journal'),
    refund_method: f.selection('Credit Method', [['refund', 'Partial Refund'], ['cancel', 'Full Refund'], ['modify', 'Full refund and new draft invoice']], {
      default: f.constant('refund'),
      versions: { max: 16 },
    }),
    move_type: f.computed(f.char('Move Type'), (env, record) => wizardMoves(env, record)[0]?.move_type ?? false),
    residual: f.computed(f.monetary('Residual'), (env, record) => decText(sumDec(wizardMoves(env, record).map((move) => dec(move.amount_residual))))),
    currency_id: f.computed(f.many2one('res.currency', 'Currency'), (env, record) => wizardMoves(env, record)[0]?.currency_id ?? false),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      const ids = env.context.active_model === 'account.move' && Array.isArray(env.context.active_ids) ? (env.context.active_ids as unknown[]) : [];
      const moves = ids.map((id) => (typeof id === 'number' ? env.store.get('account.move', id) : undefined));
      if (moves.length === 0 || moves.some((move) => move?.state !== 'posted')) throw userError('You can only reverse posted moves.');
      vals.move_ids = [[6, 0, moves.map((move) => (move as StoredRecord).id)]];
      if (vals.journal_id === undefined) vals.journal_id = (moves[0] as StoredRecord).journal_id;
    },
  },
  methods: {
    refund_moves: {
      binding: 'record',
      params: [],
      qualname: 'AccountMoveReversal.refund_moves',
      versions: { min: 17 },
      run: ({ env, ids }) => reverse(env, Number(ids[0]), false),
    },
    modify_moves: {
      binding: 'record',
      params: [],
      qualname: 'AccountMoveReversal.modify_moves',
      versions: { min: 17 },
      run: ({ env, ids }) => reverse(env, Number(ids[0]), true),
    },
    reverse_moves: {
      binding: 'record',
      params: [{ name: 'is_modify', optional: true }],
      qualname: 'AccountMoveReversal.reverse_moves',
      run: ({ env, ids, args }) => reverse(env, Number(ids[0]), args.is_modify === true),
    },
  },
};
