import { asOdooException } from './errors';
import type { OdooCore } from './odoo-core';
import { create, read, write } from './orm/crud';
import { bindExecuteKw } from './orm/method-binding';
import type { Env } from './orm/model-types';
import { runServerAction } from './automation/server-action-runner';

export interface InvoiceLineInput {
  readonly productId?: number;
  readonly name?: string;
  readonly quantity?: number;
  readonly priceUnit?: number;
  readonly discount?: number;
  /** Tax ids; the product's taxes when omitted for a product line. */
  readonly taxIds?: readonly number[];
}

export interface InvoiceInput {
  readonly partnerId: number;
  readonly lines: readonly InvoiceLineInput[];
  readonly moveType?: 'out_invoice' | 'out_refund';
  readonly currencyId?: number;
  readonly reversedEntryId?: number;
  /** Post right away (default false: a draft, like "New" in the Invoicing app). */
  readonly post?: boolean;
  /** Extra field values, e.g. `{ x_tamara_pay: true }`. */
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface CreditNoteInput {
  readonly reason?: string;
  /** Quantity to refund per product line of the invoice, in line order (omitted lines are dropped; default: full copy). */
  readonly quantities?: readonly (number | undefined)[];
  readonly post?: boolean;
}

export interface PaymentInput {
  readonly journalId?: number;
  readonly paymentMethodLineId?: number;
  readonly amount?: number;
  readonly memo?: string;
  readonly date?: string;
}

function lineCommand(line: InvoiceLineInput): unknown[] {
  const vals: Record<string, unknown> = {};
  if (line.productId !== undefined) vals.product_id = line.productId;
  if (line.name !== undefined) vals.name = line.name;
  if (line.quantity !== undefined) vals.quantity = line.quantity;
  if (line.priceUnit !== undefined) vals.price_unit = line.priceUnit;
  if (line.discount !== undefined) vals.discount = line.discount;
  if (line.taxIds !== undefined) vals.tax_ids = [[6, 0, [...line.taxIds]]];
  return [0, 0, vals];
}

/**
 * What a person does in Odoo's web client, as the admin (uid 2): each helper is one transaction
 * that goes through the same ORM as RPC calls, so automations fire exactly as after a UI save.
 * Every helper is recorded in the call log with transport 'ui'.
 */
export class UserActions {
  constructor(private readonly core: OdooCore) {}

  /** Any model method, the way a button in the UI calls it (args as execute_kw: ids first for record methods). */
  call(model: string, method: string, args: readonly unknown[] = [], kwargs: Readonly<Record<string, unknown>> = {}): unknown {
    return this.run(model, method, args, kwargs, (env) => {
      const definition = this.core.registry.model(model).methods.get(method);
      if (!definition) throw new Error(`${model}.${method} is not a method of the emulator`);
      const { context, ...keywords } = kwargs as Record<string, unknown>;
      const callEnv = context && typeof context === 'object' ? env.withContext(context as Record<string, unknown>) : env;
      const bound = bindExecuteKw(definition, args, keywords);
      return definition.run({ env: callEnv, model, ids: bound.ids, args: bound.args });
    });
  }

  create(model: string, vals: Readonly<Record<string, unknown>>): number {
    return this.run(model, 'create', [vals], {}, (env) => create(env, model, [{ ...vals }])[0]) as number;
  }

  write(model: string, ids: readonly number[], vals: Readonly<Record<string, unknown>>): void {
    this.run(model, 'write', [ids, vals], {}, (env) => write(env, model, ids, vals));
  }

  /** Ticks (or unticks) the "Pay with Tamara" checkbox and saves — the connector's automation fires. */
  tickPayWithTamara(model: 'account.move' | 'sale.order', id: number, value = true): void {
    if (!this.core.registry.field(model, 'x_tamara_pay')) throw new Error(`${model}.x_tamara_pay does not exist yet (the connector creates it)`);
    this.write(model, [id], { x_tamara_pay: value });
  }

  /** "Action" menu → a server action (e.g. "Pay with Tamara") on records. */
  runServerAction(actionId: number, model: string, ids: readonly number[]): unknown {
    return this.run('ir.actions.server', 'run', [[actionId]], { context: { active_model: model, active_ids: ids } }, (env) => {
      const action = this.core.store.get('ir.actions.server', actionId);
      if (!action) throw new Error(`ir.actions.server ${actionId} does not exist`);
      return runServerAction(env.withContext({ active_model: model, active_ids: [...ids], active_id: ids[0] }), action);
    });
  }

  createInvoice(input: InvoiceInput): number {
    const vals: Record<string, unknown> = {
      move_type: input.moveType ?? 'out_invoice',
      partner_id: input.partnerId,
      invoice_line_ids: input.lines.map(lineCommand),
      ...(input.currencyId !== undefined ? { currency_id: input.currencyId } : {}),
      ...(input.reversedEntryId !== undefined ? { reversed_entry_id: input.reversedEntryId } : {}),
      ...(input.values ?? {}),
    };
    const id = this.create('account.move', vals);
    if (input.post) this.postInvoice(id);
    return id;
  }

  postInvoice(id: number): void {
    this.call('account.move', 'action_post', [[id]]);
  }

  /** "Cancel Entry": a posted invoice is reset to draft (unmatching its payments) and cancelled. */
  cancelInvoice(id: number): void {
    this.call('account.move', 'button_cancel', [[id]]);
  }

  resetToDraft(id: number): void {
    this.call('account.move', 'button_draft', [[id]]);
  }

  /**
   * "Credit Note" on a posted invoice (the reversal wizard), optionally edited to a partial refund,
   * then posted (default) — the event the connector turns into a Tamara refund.
   */
  createCreditNote(invoiceId: number, input: CreditNoteInput = {}): number {
    const wizardId = this.call('account.move.reversal', 'create', [{ reason: input.reason ?? 'Refund', journal_id: this.core.store.get('account.move', invoiceId)?.journal_id ?? false }], {
      context: { active_model: 'account.move', active_ids: [invoiceId] },
    }) as number;
    const method = this.core.profile.hasRefundMoves ? 'refund_moves' : 'reverse_moves';
    const action = this.call('account.move.reversal', method, [[wizardId]]) as { res_id?: number };
    const creditNoteId = Number(action.res_id);
    if (input.quantities) {
      const lines = this.core.store
        .all('account.move.line')
        .filter((line) => line.move_id === creditNoteId && line.display_type === 'product')
        .sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
      const commands = lines.map((line, index) => {
        const quantity = input.quantities?.[index];
        return quantity === undefined || quantity === 0 ? [2, line.id] : [1, line.id, { quantity }];
      });
      this.write('account.move', [creditNoteId], { invoice_line_ids: commands });
    }
    if (input.post ?? true) this.postInvoice(creditNoteId);
    return creditNoteId;
  }

  /** "Register Payment" on an invoice or credit note; returns the account.payment id. */
  registerPayment(moveId: number, input: PaymentInput = {}): number {
    const vals: Record<string, unknown> = {};
    if (input.journalId !== undefined) vals.journal_id = input.journalId;
    if (input.paymentMethodLineId !== undefined) vals.payment_method_line_id = input.paymentMethodLineId;
    if (input.amount !== undefined) vals.amount = input.amount;
    if (input.memo !== undefined) vals.communication = input.memo;
    if (input.date !== undefined) vals.payment_date = input.date;
    const wizardId = this.call('account.payment.register', 'create', [vals], { context: { active_model: 'account.move', active_ids: [moveId] } }) as number;
    const action = this.call('account.payment.register', 'action_create_payments', [[wizardId]]) as { res_id?: number };
    return Number(action.res_id);
  }

  createSaleOrder(partnerId: number, lines: readonly { productId: number; quantity?: number; priceUnit?: number; discount?: number }[]): number {
    return this.create('sale.order', {
      partner_id: partnerId,
      order_line: lines.map((line) => [
        0,
        0,
        {
          product_id: line.productId,
          ...(line.quantity !== undefined ? { product_uom_qty: line.quantity } : {}),
          ...(line.priceUnit !== undefined ? { price_unit: line.priceUnit } : {}),
          ...(line.discount !== undefined ? { discount: line.discount } : {}),
        },
      ]),
    });
  }

  confirmSaleOrder(id: number): void {
    this.call('sale.order', 'action_confirm', [[id]]);
  }

  /** "Create Invoice" on a confirmed order; returns the new draft invoice id. */
  invoiceSaleOrder(id: number): number {
    const wizardId = this.call('sale.advance.payment.inv', 'create', [{ advance_payment_method: 'delivered' }], {
      context: { active_model: 'sale.order', active_ids: [id] },
    }) as number;
    const action = this.call('sale.advance.payment.inv', 'create_invoices', [[wizardId]]) as { res_id?: number };
    return Number(action.res_id);
  }

  /** "Log note" in the chatter. */
  postNote(model: string, id: number, body: string): number {
    return this.call(model, 'message_post', [[id]], { body, message_type: 'comment', subtype_xmlid: 'mail.mt_note' }) as number;
  }

  private run(model: string, method: string, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>, work: (env: Env) => unknown): unknown {
    const entry = this.core.calls.record({ transport: 'ui', service: 'web client', model, method, args, kwargs, uid: 2 });
    try {
      const result = this.core.transaction(() => work(this.core.env(2, 'internal')));
      entry.outcome = 'ok';
      return result;
    } catch (error) {
      entry.outcome = asOdooException(error).pythonName;
      throw error;
    }
  }
}

/** `read` as RPC answers it, as plain JSON values (floats as numbers). */
export function readAsJson(core: OdooCore, model: string, ids: readonly number[], fields?: readonly string[]): Record<string, unknown>[] {
  return JSON.parse(JSON.stringify(read(core.env(1, 'internal'), model, ids, fields))) as Record<string, unknown>[];
}
