/**
 * Behaviour of the Odoo emulator over its HTTP API, flow by flow: invoice → payment, credit note →
 * refund payment, sale order → invoice, custom fields and views, automation webhooks, version
 * differences (16–19, JSON-2), injected faults and the test controls.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOdooEmulator, type OdooEmulator, type OdooEmulatorOptions } from '../../src/emulators/odoo/odoo-emulator';

interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data: { readonly name: string; readonly message: string; readonly arguments: unknown[] };
}

class OdooRpcError extends Error {
  constructor(readonly error: RpcError) {
    super(`${error.data.name}: ${error.data.message}`);
  }
}

/** A minimal JSON-RPC client, as the connector talks to Odoo. */
class Client {
  constructor(
    readonly emulator: OdooEmulator,
    private readonly uid = 2,
    private readonly secret: string = emulator.apiKey ?? '',
  ) {}

  async raw(service: string, method: string, args: unknown[]): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.emulator.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: 1 }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  async call<T = unknown>(service: string, method: string, args: unknown[]): Promise<T> {
    const answer = await this.raw(service, method, args);
    if (answer.error) throw new OdooRpcError(answer.error as RpcError);
    return answer.result as T;
  }

  kw<T = unknown>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<T> {
    return this.call<T>('object', 'execute_kw', [this.emulator.database, this.uid, this.secret, model, method, args, kwargs]);
  }

  async error(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<RpcError> {
    try {
      await this.kw(model, method, args, kwargs);
    } catch (error) {
      if (error instanceof OdooRpcError) return error.error;
      throw error;
    }
    throw new Error(`${model}.${method} did not fail`);
  }

  async read<T = Record<string, unknown>>(model: string, id: number, fields: string[]): Promise<T> {
    const [record] = await this.kw<T[]>(model, 'read', [[id]], { fields });
    return record;
  }
}

interface Hook {
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaderNames: string[];
  readonly body: string;
}

/** A loopback listener for the webhooks the emulator sends. */
async function startListener(options: { silent?: boolean } = {}): Promise<{ url: string; hooks: Hook[]; close(): Promise<void> }> {
  const hooks: Hook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawHeaderNames = request.rawHeaders.filter((_value, index) => index % 2 === 0).map((name) => name.toLowerCase());
      hooks.push({ headers: request.headers, rawHeaderNames, body: Buffer.concat(chunks).toString('utf8') });
      if (options.silent) return; // never answers: the sender's timeout must fire
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/odoo-hook`,
    hooks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const started: OdooEmulator[] = [];
async function emulatorWith(options: OdooEmulatorOptions = {}): Promise<{ emulator: OdooEmulator; odoo: Client }> {
  const emulator = await startOdooEmulator({ now: '2026-11-24 10:00:00', ...options });
  started.push(emulator);
  return { emulator, odoo: new Client(emulator) };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

const INVOICE_LINES = [
  [0, 0, { product_id: 1, quantity: 3, price_unit: 99.99, discount: 7.5, tax_ids: [[6, 0, [1]]] }],
  [0, 0, { name: 'Delivery fee', quantity: 1, price_unit: 25, tax_ids: [[6, 0, []]] }],
];

async function postedInvoice(odoo: Client, extra: Record<string, unknown> = {}): Promise<number> {
  const id = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7, currency_id: 150, invoice_line_ids: INVOICE_LINES, ...extra }]);
  await odoo.kw('account.move', 'action_post', [[id]]);
  return id;
}

async function tamaraJournal(odoo: Client): Promise<{ journalId: number; inbound: number; outbound: number }> {
  const journalId = await odoo.kw<number>('account.journal', 'create', [{ name: 'Tamara', code: 'TMR', type: 'bank' }]);
  const journal = await odoo.read<{ inbound_payment_method_line_ids: number[]; outbound_payment_method_line_ids: number[] }>('account.journal', journalId, [
    'inbound_payment_method_line_ids',
    'outbound_payment_method_line_ids',
  ]);
  return { journalId, inbound: journal.inbound_payment_method_line_ids[0], outbound: journal.outbound_payment_method_line_ids[0] };
}

async function registerPayment(odoo: Client, moveId: number, vals: Record<string, unknown>): Promise<number> {
  const wizardId = await odoo.kw<number>('account.payment.register', 'create', [vals], { context: { active_model: 'account.move', active_ids: [moveId] } });
  const action = await odoo.kw<{ res_id: number }>('account.payment.register', 'action_create_payments', [[wizardId]]);
  return action.res_id;
}

async function installTamaraFields(odoo: Client): Promise<number> {
  const [model] = await odoo.kw<{ id: number }[]>('ir.model', 'search_read', [[['model', '=', 'account.move']]], { fields: ['id'] });
  await odoo.kw('ir.model.fields', 'create', [
    [
      { name: 'x_tamara_pay', ttype: 'boolean', field_description: 'Pay with Tamara', model_id: model.id, state: 'manual' },
      { name: 'x_tamara_status', ttype: 'char', field_description: 'Tamara Status', model_id: model.id, state: 'manual' },
      { name: 'x_tamara_order_id', ttype: 'char', field_description: 'Tamara Order ID', model_id: model.id, state: 'manual' },
    ],
  ]);
  return model.id;
}

describe('authentication', () => {
  it('authenticates with the API key or the password, answers false for bad credentials and AccessDenied on object calls', async () => {
    const { emulator, odoo } = await emulatorWith();
    expect(await odoo.call('common', 'authenticate', [emulator.database, emulator.login, emulator.apiKey, {}])).toBe(2);
    expect(await odoo.call('common', 'authenticate', [emulator.database, emulator.login, emulator.password, {}])).toBe(2);
    expect(await odoo.call('common', 'authenticate', [emulator.database, emulator.login, 'wrong', {}])).toBe(false);
    const bad = new Client(emulator, 2, 'not-a-key');
    expect((await bad.error('res.partner', 'search_read', [[]])).data.name).toBe('odoo.exceptions.AccessDenied');
    const wrongUid = new Client(emulator, 999);
    expect((await wrongUid.error('res.partner', 'search_read', [[]])).data.message).toBe('Record does not exist or has been deleted.\n(Record: res.users(999,), User: 999)');
  });

  it('refuses API key creation over /jsonrpc but lets a second key be created for tests', async () => {
    const { emulator, odoo } = await emulatorWith();
    const descriptionId = await odoo.kw<number>('res.users.apikeys.description', 'create', [{ name: 'connector', duration: '0' }]);
    expect((await odoo.error('res.users.apikeys.description', 'make_key', [[descriptionId]])).data.message).toBe('This method can only be accessed over HTTP');
    const key = emulator.createApiKey();
    expect(await odoo.call('common', 'authenticate', [emulator.database, emulator.login, key, {}])).toBe(2);
  });
});

describe('invoice → register payment → paid', () => {
  it('computes totals from lines, numbers the invoice at posting and pays it through the wizard', async () => {
    const { odoo } = await emulatorWith();
    const id = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7, currency_id: 150, invoice_line_ids: INVOICE_LINES }]);
    const draft = await odoo.read('account.move', id, ['name', 'state', 'amount_untaxed', 'amount_tax', 'amount_total', 'amount_residual', 'partner_id', 'invoice_line_ids']);
    expect(draft).toEqual({
      id,
      name: false,
      state: 'draft',
      amount_untaxed: 302.47,
      amount_tax: 41.62,
      amount_total: 344.09,
      amount_residual: 344.09,
      partner_id: [7, 'Tamara Test Customer'],
      invoice_line_ids: [1, 2],
    });
    expect(await odoo.kw('account.move', 'action_post', [[id]])).toBe(false);
    const { journalId, inbound } = await tamaraJournal(odoo);
    const paymentId = await registerPayment(odoo, id, { journal_id: journalId, payment_method_line_id: inbound, amount: 344.09, communication: 'Tamara order T-1' });

    const invoice = await odoo.read('account.move', id, ['name', 'payment_state', 'amount_residual', 'matched_payment_ids']);
    expect(invoice).toEqual({ id, name: 'INV/2026/00001', payment_state: 'paid', amount_residual: 0, matched_payment_ids: [paymentId] });
    const payment = await odoo.read('account.payment', paymentId, ['name', 'state', 'memo', 'amount', 'payment_type', 'journal_id', 'invoice_ids', 'is_reconciled']);
    expect(payment).toEqual({
      id: paymentId,
      name: 'PTMR/2026/00001',
      state: 'paid',
      memo: 'Tamara order T-1',
      amount: 344.09,
      payment_type: 'inbound',
      journal_id: [journalId, 'Tamara'],
      invoice_ids: [id],
      is_reconciled: true,
    });
    expect(await odoo.kw('account.payment', 'search_count', [[['memo', 'ilike', 'T-1']]])).toBe(1);
    expect(await odoo.kw('account.payment', 'search_count', [[['memo', 'ilike', 'unknown-order']]])).toBe(0);
    const again = await odoo.error('account.payment.register', 'create', [{ journal_id: journalId, amount: 1 }], { context: { active_model: 'account.move', active_ids: [id] } });
    expect(again.data.message).toBe("You can't register a payment because there is nothing left to pay on the selected journal items.");
  });

  it('keeps a partly paid invoice "partial" and its payment in_process; KWD amounts use 3 decimals', async () => {
    const { odoo } = await emulatorWith();
    const id = await postedInvoice(odoo);
    const { journalId, inbound } = await tamaraJournal(odoo);
    const paymentId = await registerPayment(odoo, id, { journal_id: journalId, payment_method_line_id: inbound, amount: 100 });
    expect(await odoo.read('account.move', id, ['payment_state', 'amount_residual'])).toEqual({ id, payment_state: 'partial', amount_residual: 244.09 });
    expect((await odoo.read<{ state: string }>('account.payment', paymentId, ['state'])).state).toBe('in_process');

    const kwd = await odoo.kw<number>('account.move', 'create', [
      { move_type: 'out_invoice', partner_id: 7, currency_id: 93, invoice_line_ids: [[0, 0, { name: 'Item', quantity: 1, price_unit: 10.1234, tax_ids: [[6, 0, [1]]] }]] },
    ]);
    expect(await odoo.read('account.move', kwd, ['amount_untaxed', 'amount_tax', 'amount_total', 'currency_id'])).toEqual({
      id: kwd,
      amount_untaxed: 10.123,
      amount_tax: 1.519,
      amount_total: 11.642,
      currency_id: [93, 'KWD'],
    });
  });

  it("can show Enterprise's in_payment instead of paid", async () => {
    const { odoo } = await emulatorWith({ invoicePaidState: 'in_payment' });
    const id = await postedInvoice(odoo);
    const { journalId, inbound } = await tamaraJournal(odoo);
    await registerPayment(odoo, id, { journal_id: journalId, payment_method_line_id: inbound, amount: 344.09 });
    expect((await odoo.read<{ payment_state: string }>('account.move', id, ['payment_state'])).payment_state).toBe('in_payment');
  });

  it('accepts the wizard on draft and cancelled invoices (Odoo 18) and matches the draft one once posted', async () => {
    const { odoo } = await emulatorWith();
    const { journalId, inbound } = await tamaraJournal(odoo);
    const draft = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7, invoice_line_ids: INVOICE_LINES }]);
    const onDraft = await registerPayment(odoo, draft, { journal_id: journalId, payment_method_line_id: inbound, amount: 344.09 });
    expect(await odoo.read('account.move', draft, ['payment_state', 'matched_payment_ids'])).toEqual({ id: draft, payment_state: 'not_paid', matched_payment_ids: [onDraft] });
    expect((await odoo.read<{ state: string }>('account.payment', onDraft, ['state'])).state).toBe('in_process');
    await odoo.kw('account.move', 'action_post', [[draft]]);
    expect((await odoo.read<{ payment_state: string }>('account.move', draft, ['payment_state'])).payment_state).toBe('paid');
    expect((await odoo.read<{ state: string }>('account.payment', onDraft, ['state'])).state).toBe('paid');

    const cancelled = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7, invoice_line_ids: INVOICE_LINES }]);
    expect(await odoo.raw('object', 'execute_kw', [odoo.emulator.database, 2, odoo.emulator.apiKey, 'account.move', 'button_cancel', [[cancelled]], {}])).toEqual({ jsonrpc: '2.0', id: 1 });
    const onCancelled = await registerPayment(odoo, cancelled, { journal_id: journalId, payment_method_line_id: inbound, amount: 10 });
    expect(await odoo.read('account.move', cancelled, ['state', 'payment_state', 'amount_residual'])).toEqual({ id: cancelled, state: 'cancel', payment_state: 'not_paid', amount_residual: 344.09 });
    expect((await odoo.read<{ state: string }>('account.payment', onCancelled, ['state'])).state).toBe('in_process');
  });

  it('protects posted invoices but lets custom x_ fields be written', async () => {
    const { odoo } = await emulatorWith();
    await installTamaraFields(odoo);
    const id = await postedInvoice(odoo);
    expect(await odoo.kw('account.move', 'write', [[id], { x_tamara_status: 'new', x_tamara_order_id: 'T-1' }])).toBe(true);
    expect((await odoo.error('account.move', 'write', [[id], { partner_id: 8 }])).data.message).toBe('You cannot modify the following readonly fields on a posted move: partner_id');
    expect((await odoo.error('account.move', 'action_post', [[id]])).data.message).toBe('The entry INV/2026/00001 (id 1) must be in draft.');
    expect((await odoo.error('account.move', 'write', [[999], { x_tamara_status: 'x' }])).data.name).toBe('odoo.exceptions.MissingError');
    expect(await odoo.kw('account.move', 'read', [[999]], { fields: ['name'] })).toEqual([]);
  });

  it('posts chatter notes with the plain-text body escaped', async () => {
    const { odoo } = await emulatorWith();
    const id = await postedInvoice(odoo);
    const messageId = await odoo.kw<number>('account.move', 'message_post', [[id]], { body: 'Paid <b>in full</b> & closed\nby Tamara', message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
    expect(await odoo.read('mail.message', messageId, ['body', 'message_type', 'subtype_id', 'model', 'res_id', 'author_id'])).toEqual({
      id: messageId,
      body: '<p>Paid &lt;b&gt;in full&lt;/b&gt; &amp; closed\nby Tamara</p>',
      message_type: 'comment',
      subtype_id: [2, 'Note'],
      model: 'account.move',
      res_id: id,
      author_id: [3, 'Administrator'],
    });
    expect((await odoo.error('account.move', 'message_post', [[999]], { body: 'x' })).data.name).toBe('odoo.exceptions.MissingError');
  });
});

describe('credit note → outbound refund payment → paid', () => {
  it('reverses through the wizard, edits the draft credit note to a partial refund and refunds it', async () => {
    const { odoo } = await emulatorWith();
    const invoiceId = await postedInvoice(odoo);
    const { journalId, inbound, outbound } = await tamaraJournal(odoo);
    await registerPayment(odoo, invoiceId, { journal_id: journalId, payment_method_line_id: inbound, amount: 344.09 });

    const wizardId = await odoo.kw<number>('account.move.reversal', 'create', [{ reason: 'one unit returned', journal_id: 1 }], {
      context: { active_model: 'account.move', active_ids: [invoiceId] },
    });
    const action = await odoo.kw<{ res_id: number; context: Record<string, unknown> }>('account.move.reversal', 'refund_moves', [[wizardId]]);
    expect(action.context).toEqual({ default_move_type: 'out_refund' });
    const creditNoteId = action.res_id;
    const draft = await odoo.read<{ invoice_line_ids: number[]; state: string; ref: string; reversed_entry_id: unknown }>('account.move', creditNoteId, [
      'state',
      'ref',
      'reversed_entry_id',
      'invoice_line_ids',
    ]);
    expect(draft.state).toBe('draft');
    expect(draft.ref).toBe('Reversal of: INV/2026/00001, one unit returned');
    expect(draft.reversed_entry_id).toEqual([invoiceId, 'INV/2026/00001']);
    const [productLine, feeLine] = draft.invoice_line_ids;
    await odoo.kw('account.move', 'write', [[creditNoteId], { invoice_line_ids: [[1, productLine, { quantity: 1 }], [2, feeLine]] }]);
    await odoo.kw('account.move', 'action_post', [[creditNoteId]]);
    expect(await odoo.read('account.move', creditNoteId, ['name', 'move_type', 'amount_total', 'amount_residual', 'amount_residual_signed', 'payment_state'])).toEqual({
      id: creditNoteId,
      name: 'RINV/2026/00001',
      move_type: 'out_refund',
      amount_total: 106.36,
      amount_residual: 106.36,
      amount_residual_signed: -106.36,
      payment_state: 'not_paid',
    });
    expect((await odoo.read<{ reversal_move_ids: number[] }>('account.move', invoiceId, ['reversal_move_ids'])).reversal_move_ids).toEqual([creditNoteId]);

    const refundId = await registerPayment(odoo, creditNoteId, { journal_id: journalId, payment_method_line_id: outbound, amount: 106.36, communication: 'Tamara refund R-1' });
    expect(await odoo.read('account.payment', refundId, ['payment_type', 'partner_type', 'state', 'amount_signed', 'reconciled_invoice_ids'])).toEqual({
      id: refundId,
      payment_type: 'outbound',
      partner_type: 'customer',
      state: 'paid',
      amount_signed: -106.36,
      reconciled_invoice_ids: [creditNoteId],
    });
    expect(await odoo.read('account.move', creditNoteId, ['payment_state', 'amount_residual'])).toEqual({ id: creditNoteId, payment_state: 'paid', amount_residual: 0 });
  });

  it('accepts a credit note created directly with reversed_entry_id, and the UI helper for partial credit notes', async () => {
    const { emulator, odoo } = await emulatorWith();
    const invoiceId = await postedInvoice(odoo);
    const direct = await odoo.kw<number>('account.move', 'create', [
      { move_type: 'out_refund', partner_id: 7, reversed_entry_id: invoiceId, invoice_line_ids: [[0, 0, { product_id: 1, quantity: 1, price_unit: 40, tax_ids: [[6, 0, [1]]] }]] },
    ]);
    await odoo.kw('account.move', 'action_post', [[direct]]);
    expect(await odoo.read('account.move', direct, ['name', 'amount_total'])).toEqual({ id: direct, name: 'RINV/2026/00001', amount_total: 46 });

    const helper = emulator.ui.createCreditNote(invoiceId, { reason: 'partial', quantities: [2] });
    expect(emulator.read('account.move', [helper], ['name', 'state', 'amount_untaxed', 'amount_total'])).toEqual([
      { id: helper, name: 'RINV/2026/00002', state: 'posted', amount_untaxed: 184.98, amount_total: 212.73 },
    ]);
    expect((await odoo.error('account.move.reversal', 'create', [{ reason: 'x' }], { context: { active_model: 'account.move', active_ids: [999] } })).data.message).toBe(
      'You can only reverse posted moves.',
    );
  });

  it('cancelling a paid invoice from the UI unmatches its payment', async () => {
    const { emulator, odoo } = await emulatorWith();
    const invoiceId = await postedInvoice(odoo);
    const { journalId, inbound } = await tamaraJournal(odoo);
    const paymentId = await registerPayment(odoo, invoiceId, { journal_id: journalId, payment_method_line_id: inbound, amount: 344.09 });
    emulator.ui.cancelInvoice(invoiceId);
    expect(emulator.read('account.move', [invoiceId], ['state', 'payment_state', 'amount_residual'])).toEqual([
      { id: invoiceId, state: 'cancel', payment_state: 'not_paid', amount_residual: 344.09 },
    ]);
    expect(emulator.read('account.payment', [paymentId], ['state', 'is_reconciled'])).toEqual([{ id: paymentId, state: 'in_process', is_reconciled: false }]);
  });
});

describe('sale order → confirm → invoicing wizard', () => {
  it('invoices a confirmed order and links the invoice to it', async () => {
    const { odoo } = await emulatorWith();
    const orderId = await odoo.kw<number>('sale.order', 'create', [
      { partner_id: 7, order_line: [[0, 0, { product_id: 1, product_uom_qty: 2, discount: 5 }], [0, 0, { product_id: 2, product_uom_qty: 1, price_unit: 12.5 }]] },
    ]);
    expect(await odoo.read('sale.order', orderId, ['name', 'state', 'invoice_status', 'amount_untaxed', 'amount_tax', 'amount_total'])).toEqual({
      id: orderId,
      name: 'S00001',
      state: 'draft',
      invoice_status: 'no',
      amount_untaxed: 202.48,
      amount_tax: 30.38,
      amount_total: 232.86,
    });
    expect(await odoo.kw('sale.order', 'action_confirm', [[orderId]])).toBe(true);
    expect((await odoo.read<{ invoice_status: string }>('sale.order', orderId, ['invoice_status'])).invoice_status).toBe('to invoice');
    const wizardId = await odoo.kw<number>('sale.advance.payment.inv', 'create', [{ advance_payment_method: 'delivered' }], {
      context: { active_model: 'sale.order', active_ids: [orderId] },
    });
    const action = await odoo.kw<{ res_id: number; res_model: string }>('sale.advance.payment.inv', 'create_invoices', [[wizardId]]);
    expect(action.res_model).toBe('account.move');
    expect(await odoo.read('sale.order', orderId, ['invoice_ids', 'invoice_status', 'invoice_count'])).toEqual({
      id: orderId,
      invoice_ids: [action.res_id],
      invoice_status: 'invoiced',
      invoice_count: 1,
    });
    expect(await odoo.read('account.move', action.res_id, ['state', 'invoice_origin', 'amount_total', 'partner_id'])).toEqual({
      id: action.res_id,
      state: 'draft',
      invoice_origin: 'S00001',
      amount_total: 232.86,
      partner_id: [7, 'Tamara Test Customer'],
    });
  });

  it('asks for confirmation before cancelling a confirmed order, and cancels with disable_cancel_warning', async () => {
    const { emulator, odoo } = await emulatorWith();
    const orderId = emulator.ui.createSaleOrder(7, [{ productId: 1, quantity: 1 }]);
    emulator.ui.confirmSaleOrder(orderId);
    const invoiceId = emulator.ui.invoiceSaleOrder(orderId);
    const wizard = await odoo.kw<{ res_model: string }>('sale.order', 'action_cancel', [[orderId]]);
    expect(wizard.res_model).toBe('sale.order.cancel');
    expect((await odoo.read<{ state: string }>('sale.order', orderId, ['state'])).state).toBe('sale');
    expect(await odoo.kw('sale.order', 'action_cancel', [[orderId]], { context: { disable_cancel_warning: true } })).toBe(true);
    expect((await odoo.read<{ state: string }>('sale.order', orderId, ['state'])).state).toBe('cancel');
    expect((await odoo.read<{ state: string }>('account.move', invoiceId, ['state'])).state).toBe('cancel');
  });
});

describe('custom fields and views', () => {
  it('creates x_ fields that then exist on the model, and refuses duplicates and names without x_', async () => {
    const { odoo } = await emulatorWith();
    const modelId = await installTamaraFields(odoo);
    const fields = await odoo.kw<Record<string, { type: string; manual: boolean; string: string }>>('account.move', 'fields_get', [['x_tamara_pay', 'x_tamara_status', 'mobile']], {
      attributes: ['type', 'manual', 'string'],
    });
    expect(fields).toEqual({
      x_tamara_pay: { manual: true, string: 'Pay with Tamara', type: 'boolean' },
      x_tamara_status: { manual: true, string: 'Tamara Status', type: 'char' },
    });
    const invoiceId = await postedInvoice(odoo);
    expect(await odoo.read('account.move', invoiceId, ['x_tamara_pay', 'x_tamara_status'])).toEqual({ id: invoiceId, x_tamara_pay: false, x_tamara_status: false });
    const duplicate = await odoo.error('ir.model.fields', 'create', [{ name: 'x_tamara_pay', ttype: 'boolean', field_description: 'again', model_id: modelId }]);
    expect(duplicate.data.message).toBe('The operation cannot be completed: Field names must be unique per model.');
    const prefix = await odoo.error('ir.model.fields', 'create', [{ name: 'tamara_pay', ttype: 'boolean', field_description: 'no prefix', model_id: modelId }]);
    expect(prefix.data.message).toBe("The operation cannot be completed: Custom fields must have a name that starts with 'x_'!");
    const rows = await odoo.kw<{ model: string; state: string }[]>('ir.model.fields', 'search_read', [[['name', '=', 'x_tamara_pay']]], { fields: ['model', 'state'], order: 'id' });
    expect(rows.map((row) => `${row.model}:${row.state}`)).toEqual(['account.move:manual', 'account.bank.statement.line:base']);
  });

  it('validates inherited views: fields must exist and xpath targets must be found', async () => {
    const { odoo } = await emulatorWith();
    await installTamaraFields(odoo);
    const [formId] = await odoo.kw<number[]>('ir.model.data', 'check_object_reference', ['account', 'view_move_form']).then((reference) => [reference[1] as unknown as number]);
    const arch = `<data><xpath expr="//field[@name='partner_id']" position="after"><field name="x_tamara_pay"/><field name="x_tamara_status" readonly="1"/></xpath></data>`;
    const viewId = await odoo.kw<number>('ir.ui.view', 'create', [{ name: 'account.move.form.tamara', model: 'account.move', inherit_id: formId, arch }]);
    expect(await odoo.read('ir.ui.view', viewId, ['mode', 'type', 'inherit_id', 'arch'])).toEqual({
      id: viewId,
      mode: 'extension',
      type: 'form',
      inherit_id: [formId, 'account.move.form'],
      arch,
    });
    expect(await odoo.kw('ir.ui.view', 'search', [[['name', '=', 'account.move.form.tamara']]])).toEqual([viewId]);
    const wider = arch.replace('readonly="1"/>', 'readonly="1"/><field name="x_tamara_order_id"/>');
    expect(await odoo.kw('ir.ui.view', 'write', [[viewId], { arch: wider }])).toBe(true);
    const badField = await odoo.error('ir.ui.view', 'write', [[viewId], { arch: arch.replace('x_tamara_pay', 'x_tamara_nope') }]);
    expect(badField.data.message).toContain('Field "x_tamara_nope" does not exist in model "account.move"');
    const badTarget = await odoo.error('ir.ui.view', 'create', [{ name: 'bad', model: 'account.move', inherit_id: formId, arch: arch.replace('partner_id', 'no_such_field') }]);
    expect(badTarget.data.message).toBe(`Element '<xpath expr="//field[@name='no_such_field']">' cannot be located in parent view`);
  });
});

describe('automation rules and webhooks', () => {
  async function installAutomation(odoo: Client, url: string): Promise<{ actionId: number; codeActionId: number }> {
    const modelId = await installTamaraFields(odoo);
    const fields = await odoo.kw<{ id: number }[]>('ir.model.fields', 'search_read', [[['model', '=', 'account.move'], ['name', 'in', ['name', 'state', 'amount_total', 'partner_id', 'x_tamara_pay']]]], {
      fields: ['id'],
    });
    const actionId = await odoo.kw<number>('ir.actions.server', 'create', [
      { name: 'Tamara: notify connector', model_id: modelId, state: 'webhook', webhook_url: url, webhook_field_ids: [[6, 0, fields.map((field) => field.id)]] },
    ]);
    const [payField] = await odoo.kw<{ id: number }[]>('ir.model.fields', 'search_read', [[['model', '=', 'account.move'], ['name', '=', 'x_tamara_pay']]], { fields: ['id'] });
    await odoo.kw('base.automation', 'create', [
      {
        name: 'Tamara: x_tamara_pay set',
        model_id: modelId,
        trigger: 'on_create_or_write',
        trigger_field_ids: [[6, 0, [payField.id]]],
        filter_domain: "[('x_tamara_pay', '=', True)]",
        action_server_ids: [[6, 0, [actionId]]],
      },
    ]);
    const codeActionId = await odoo.kw<number>('ir.actions.server', 'create', [
      { name: 'Pay with Tamara', model_id: modelId, binding_model_id: modelId, state: 'code', code: "records.write({'x_tamara_pay': True})" },
    ]);
    return { actionId, codeActionId };
  }

  it('POSTs the payload like Odoo when a user ticks "Pay with Tamara", and only then', async () => {
    const listener = await startListener();
    try {
      const { emulator, odoo } = await emulatorWith();
      const { actionId } = await installAutomation(odoo, listener.url);
      const invoiceId = await postedInvoice(odoo);
      await odoo.kw('account.move', 'write', [[invoiceId], { x_tamara_status: 'new' }]);
      emulator.ui.tickPayWithTamara('account.move', invoiceId);
      await emulator.webhooks.idle();
      expect(listener.hooks).toHaveLength(1);
      const [hook] = listener.hooks;
      expect(hook.rawHeaderNames).toEqual(['host', 'user-agent', 'accept-encoding', 'accept', 'connection', 'content-type', 'content-length']);
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['user-agent']).toBe('python-requests/2.28.1');
      expect(hook.body).toBe(
        `{"_action": "Tamara: notify connector(#${actionId})", "_id": ${invoiceId}, "_model": "account.move", "amount_total": 344.09, "id": ${invoiceId}, ` +
          `"name": "INV/2026/00001", "partner_id": 7, "state": "posted", "x_tamara_pay": true}`,
      );
      // Written again with the same value: the trigger field did not change, nothing is sent.
      await odoo.kw('account.move', 'write', [[invoiceId], { x_tamara_pay: true }]);
      // Created with the box ticked: fires on create (a draft has no name yet).
      const draftId = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 9, x_tamara_pay: true, invoice_line_ids: INVOICE_LINES }]);
      // Odoo posts the webhook inside the call: it has arrived when the RPC answers.
      expect(listener.hooks).toHaveLength(2);
      expect(JSON.parse(listener.hooks[1].body)).toMatchObject({ _id: draftId, name: false, state: 'draft', amount_total: 344.09 });
    } finally {
      await listener.close();
    }
  });

  it('runs the "Pay with Tamara" code action, and a dead or silent listener never fails the RPC', async () => {
    const listener = await startListener({ silent: true });
    try {
      const { emulator, odoo } = await emulatorWith({ webhookTimeoutMs: 200 });
      const { codeActionId } = await installAutomation(odoo, listener.url);
      const invoiceId = await postedInvoice(odoo);
      expect(await odoo.kw('ir.actions.server', 'run', [[codeActionId]], { context: { active_model: 'account.move', active_ids: [invoiceId], active_id: invoiceId } })).toBe(false);
      expect(emulator.read('account.move', [invoiceId], ['x_tamara_pay'])).toEqual([{ id: invoiceId, x_tamara_pay: true }]);
      await emulator.webhooks.idle();
      expect(emulator.webhooks.deliveries.at(-1)?.outcome).toMatchObject({ status: 'failed' });

      await listener.close();
      const second = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7, x_tamara_pay: true, invoice_line_ids: INVOICE_LINES }]);
      expect(second).toBeGreaterThan(invoiceId);
      await emulator.webhooks.idle();
      expect(emulator.webhooks.deliveries.at(-1)?.outcome).toMatchObject({ status: 'failed' });
    } finally {
      await listener.close().catch(() => undefined);
    }
  });

  it('reports required fields one at a time and a URL-less webhook only when it runs', async () => {
    const { odoo } = await emulatorWith();
    expect((await odoo.error('base.automation', 'create', [{}])).data.message).toContain('Field: Model (model_id)');
    expect((await odoo.error('ir.actions.server', 'create', [{ state: 'webhook' }])).data.message).toContain('Field: Action Name (name)');
    const actionId = await odoo.kw<number>('ir.actions.server', 'create', [{ name: 'no url', model_id: 459, state: 'webhook' }]);
    const failure = await odoo.error('ir.actions.server', 'run', [[actionId]], { context: { active_model: 'account.move', active_ids: [1] } });
    expect(failure.data.name).toBe('odoo.exceptions.UserError');
  });
});

describe('version differences', () => {
  it('Odoo 16: `ref` on payments, posted state, name_get, reverse_moves, HTML bodies, no webhook actions, no payment on drafts', async () => {
    const { odoo } = await emulatorWith({ version: 16 });
    expect((await odoo.call<{ server_version_info: unknown[] }>('common', 'version', [])).server_version_info).toEqual([16, 0, 0, 'final', 0, '']);
    expect(await odoo.kw('res.partner', 'name_get', [[7]])).toEqual([[7, 'Tamara Test Customer']]);
    const invoiceId = await postedInvoice(odoo);
    const { journalId, inbound } = await tamaraJournal(odoo);
    const paymentId = await registerPayment(odoo, invoiceId, { journal_id: journalId, payment_method_line_id: inbound, amount: 344.09, communication: 'Tamara order T-16' });
    expect(await odoo.read('account.payment', paymentId, ['ref', 'state', 'is_reconciled'])).toEqual({ id: paymentId, ref: 'Tamara order T-16', state: 'posted', is_reconciled: true });
    expect((await odoo.error('account.payment', 'read', [[paymentId]], { fields: ['memo'] })).data.message).toBe("Invalid field 'memo' on model 'account.payment'");
    const wizardId = await odoo.kw<number>('account.move.reversal', 'create', [{ reason: 'r' }], { context: { active_model: 'account.move', active_ids: [invoiceId] } });
    expect((await odoo.error('account.move.reversal', 'refund_moves', [[wizardId]])).data.name).toBe('builtins.AttributeError');
    const action = await odoo.kw<{ res_id: number }>('account.move.reversal', 'reverse_moves', [[wizardId]]);
    expect((await odoo.read<{ move_type: string }>('account.move', action.res_id, ['move_type'])).move_type).toBe('out_refund');
    const messageId = await odoo.kw<number>('account.move', 'message_post', [[invoiceId]], { body: '<b>html</b>', message_type: 'comment' });
    expect((await odoo.read<{ body: string }>('mail.message', messageId, ['body'])).body).toBe('<p><b>html</b></p>');
    expect((await odoo.error('ir.actions.server', 'create', [{ name: 'hook', model_id: 459, state: 'webhook' }])).data.message).toBe(
      "Wrong value for ir.actions.server.state: 'webhook'",
    );
    const draft = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7, invoice_line_ids: INVOICE_LINES }]);
    const refused = await odoo.error('account.payment.register', 'create', [{ journal_id: journalId }], { context: { active_model: 'account.move', active_ids: [draft] } });
    expect(refused.data.message).toBe('You can only register payment for posted journal entries.');
  });

  it('Odoo 17: refund_moves and name_get, webhooks, no payment memo', async () => {
    const { odoo } = await emulatorWith({ version: 17 });
    expect(await odoo.kw('res.partner', 'name_get', [[8]])).toEqual([[8, 'Local Format Customer']]);
    const fields = await odoo.kw<Record<string, unknown>>('account.payment', 'fields_get', [['memo', 'ref']], { attributes: ['type'] });
    expect(Object.keys(fields)).toEqual(['ref']);
    expect(Object.keys(await odoo.kw<Record<string, unknown>>('sale.order', 'fields_get', [['locked']], { attributes: ['type'] }))).toEqual(['locked']);
  });

  it('Odoo 18: name_get is gone', async () => {
    const { odoo } = await emulatorWith();
    expect((await odoo.error('res.partner', 'name_get', [[7]])).data.message).toBe("The method 'res.partner.name_get' does not exist");
  });

  it('Odoo 19: JSON-2 with a bearer key and HTTP statuses, GET /web/version, no res.partner.mobile', async () => {
    const { emulator, odoo } = await emulatorWith({ version: 19 });
    const json2 = async (model: string, method: string, body: Record<string, unknown>, key = emulator.apiKey): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${emulator.url}/json/2/${model}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `bearer ${key}`, 'X-Odoo-Database': emulator.database },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const version = await fetch(`${emulator.url}/web/version`);
    expect(await version.json()).toEqual({ version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });

    expect(await json2('res.partner', 'search_read', { domain: [['id', '=', 9]], fields: ['name', 'phone', 'phone_sanitized'] })).toEqual({
      status: 200,
      body: [{ id: 9, name: 'Mobile Only Customer', phone: '0551234567', phone_sanitized: '+966551234567' }],
    });
    expect((await json2('res.partner', 'fields_get', { allfields: ['phone', 'mobile'], attributes: ['type'] })).body).toEqual({ phone: { type: 'char' } });
    const created = await json2('account.move', 'create', { vals_list: [{ move_type: 'out_invoice', partner_id: 7, invoice_line_ids: INVOICE_LINES }] });
    expect(created).toEqual({ status: 200, body: [1] });
    expect(await json2('account.move', 'action_post', { ids: [1] })).toEqual({ status: 200, body: false });
    expect(await json2('account.move', 'button_cancel', { ids: [1] })).toEqual({ status: 200, body: null });

    const unauthorized = await json2('res.partner', 'search', { domain: [] }, 'wrong-key');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body).toMatchObject({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' });
    expect((await json2('x_nope.model', 'search', { domain: [] })).status).toBe(404);
    expect((await json2('account.move', 'search', { ids: [1], domain: [] })).status).toBe(422);
    expect((await json2('account.move', 'search', { domain: [], bogus: 1 })).status).toBe(422);
    expect(await json2('account.move', 'write', { ids: [999], vals: { ref: 'x' } })).toMatchObject({ status: 404, body: { name: 'odoo.exceptions.MissingError' } });
    expect(await json2('account.move', 'action_post', { ids: [1] })).toMatchObject({ status: 422, body: { name: 'odoo.exceptions.UserError' } });
    expect((await json2('account.move', 'search_read', { domain: [['state', 'bogus', 1]] })).status).toBe(500);
    // /jsonrpc still works on 19 (deprecated), with error code 0.
    const error = (await odoo.raw('object', 'execute_kw', [emulator.database, 2, 'bad-key', 'res.partner', 'search', [[]], {}])) as { error: { code: number } };
    expect(error.error.code).toBe(0);
  });
});

describe('faults', () => {
  it('refuses connections while down and serves again once cleared', async () => {
    const { emulator, odoo } = await emulatorWith();
    emulator.faults.inject({ kind: 'down' });
    await expect(fetch(`${emulator.url}/jsonrpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).rejects.toThrow();
    emulator.faults.clear();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await odoo.call('common', 'authenticate', [emulator.database, 'admin', emulator.apiKey, {}])).toBe(2);
  });

  it('answers 502 or drops the connection for the next calls only', async () => {
    const { emulator, odoo } = await emulatorWith();
    emulator.faults.inject({ kind: 'http-502' }, { calls: 1 });
    const gateway = await fetch(`${emulator.url}/jsonrpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(gateway.status).toBe(502);
    emulator.faults.inject({ kind: 'connection-reset' }, { calls: 1 });
    await expect(odoo.call('common', 'version', [])).rejects.toThrow();
    expect(await odoo.call('common', 'authenticate', [emulator.database, 'admin', emulator.apiKey, {}])).toBe(2);
  });

  it('delays answers', async () => {
    const { emulator, odoo } = await emulatorWith();
    emulator.faults.inject({ kind: 'latency', ms: 150 }, { calls: 1 });
    const start = Date.now();
    await odoo.call('common', 'version', []);
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('answers a serialization failure without applying the call, then works again', async () => {
    const { emulator, odoo } = await emulatorWith();
    const invoiceId = await postedInvoice(odoo);
    emulator.faults.inject({ kind: 'serialization-failure', model: 'account.move', method: 'write' }, { calls: 1 });
    const failure = await odoo.error('account.move', 'write', [[invoiceId], { ref: 'first' }]);
    expect(failure).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'psycopg2.errors.SerializationFailure' } });
    expect(emulator.read('account.move', [invoiceId], ['ref'])).toEqual([{ id: invoiceId, ref: false }]);
    expect(await odoo.kw('account.move', 'write', [[invoiceId], { ref: 'second' }])).toBe(true);
  });

  it('refuses every credential as if the key had been revoked, until cleared', async () => {
    const { emulator, odoo } = await emulatorWith();
    emulator.faults.inject({ kind: 'access-denied' });
    expect((await odoo.error('res.partner', 'search', [[]])).data.name).toBe('odoo.exceptions.AccessDenied');
    expect(await odoo.call('common', 'authenticate', [emulator.database, 'admin', emulator.apiKey, {}])).toBe(false);
    emulator.faults.clear();
    expect(await odoo.kw('res.partner', 'search_count', [[['id', '=', 7]]])).toBe(1);
  });

  it('raises a ValidationError on a chosen model method', async () => {
    const { emulator, odoo } = await emulatorWith();
    emulator.faults.inject({ kind: 'validation-error', model: 'account.payment.register', method: 'action_create_payments', message: 'Journal locked' });
    const invoiceId = await postedInvoice(odoo);
    const wizardId = await odoo.kw<number>('account.payment.register', 'create', [{ amount: 1 }], { context: { active_model: 'account.move', active_ids: [invoiceId] } });
    expect((await odoo.error('account.payment.register', 'action_create_payments', [[wizardId]])).data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'Journal locked',
    });
    expect(emulator.search('account.payment')).toEqual([]);
  });
});

describe('domains', () => {
  it('evaluates prefix operators, comparison operators, dotted paths and false for empty values', async () => {
    const { odoo } = await emulatorWith();
    const ids = (domain: unknown[], order = 'id'): Promise<number[]> => odoo.kw<number[]>('res.partner', 'search', [domain], { order });
    expect(await ids([['id', '>=', 7]])).toEqual([7, 8, 9]);
    expect(await ids(['|', ['name', '=like', 'Tamara%'], ['phone', 'ilike', '051 2']])).toEqual([7, 8]);
    expect(await ids([['id', '>=', 7], '!', ['country_id', '=', false]])).toEqual([7, 9]);
    expect(await ids([['id', 'in', [7, 9]], ['mobile', '!=', false]])).toEqual([7, 9]);
    expect(await ids([['country_id.code', '=', 'SA'], ['phone', '=', false]])).toEqual([9]);
    expect(await ids(['&', ['id', 'not in', [8]], ['name', '=ilike', '%customer']])).toEqual([7, 9]);
    expect(await ids([['id', '>', 6]], 'name desc')).toEqual([7, 9, 8]);
    expect(await odoo.kw('res.partner', 'search_read', [[['id', '>', 6]]], { fields: ['country_id'], order: 'id', limit: 1, offset: 2, load: null })).toEqual([{ id: 9, country_id: 192 }]);
    expect((await odoo.error('res.partner', 'search', [['|', ['id', '=', 7]]])).data.name).toBe('builtins.ValueError');
  });
});

describe('controls', () => {
  it('logs every call without the secret, with model, method, arguments and outcome', async () => {
    const { emulator, odoo } = await emulatorWith();
    await odoo.kw('res.partner', 'search_read', [[['id', '=', 7]]], { fields: ['name'] });
    await odoo.error('account.move', 'write', [[999], { ref: 'x' }]);
    const [search, write] = emulator.calls.filter((call) => call.transport === 'jsonrpc');
    expect(search).toMatchObject({ service: 'object', model: 'res.partner', method: 'search_read', args: [[['id', '=', 7]]], kwargs: { fields: ['name'] }, uid: 2, outcome: 'ok' });
    expect(write).toMatchObject({ model: 'account.move', method: 'write', outcome: 'odoo.exceptions.MissingError' });
    expect(JSON.stringify(emulator.calls)).not.toContain(emulator.apiKey);
  });

  it('stamps write_date from its clock at second precision and compares cursors as Odoo does', async () => {
    const { emulator, odoo } = await emulatorWith({ now: '2026-11-24 10:54:11.900' });
    const id = await postedInvoice(odoo);
    const { write_date: cursor } = await odoo.read<{ write_date: string }>('account.move', id, ['write_date']);
    expect(cursor).toBe('2026-11-24 10:54:11');
    expect(await odoo.kw('account.move', 'search_count', [[['write_date', '>', cursor]]])).toBe(1);
    expect(await odoo.kw('account.move', 'search_count', [[['write_date', '>=', '2026-11-24T10:54:12Z']]])).toBe(0);
    emulator.clock.advance(60_000);
    emulator.ui.write('account.move', [id], { ref: 'later' });
    expect(emulator.read('account.move', [id], ['write_date'])).toEqual([{ id, write_date: '2026-11-24 10:55:11' }]);
  });

  it('starts blank like a new database, with the modules not yet installed', async () => {
    const { odoo } = await emulatorWith({ seed: 'blank' });
    const [account] = await odoo.kw<{ state: string }[]>('ir.module.module', 'search_read', [[['name', '=', 'account']]], { fields: ['state'] });
    expect(account.state).toBe('uninstalled');
    expect(await odoo.kw('res.partner', 'search_count', [[['id', '>=', 7]]])).toBe(0);
  });

  it('rejects malformed requests like Odoo', async () => {
    const { emulator, odoo } = await emulatorWith();
    const invalid = await fetch(`${emulator.url}/jsonrpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect([invalid.status, await invalid.text()]).toEqual([400, 'Invalid JSON data']);
    expect((await fetch(`${emulator.url}/jsonrpc`)).status).toBe(400);
    expect((await odoo.error('account.move', 'search_read', [[['no_such_field', '=', 1]]])).data.message).toBe(
      "Invalid field account.move.no_such_field in leaf ('no_such_field', '=', 1)",
    );
    expect((await odoo.error('account.move', 'search_read', [[]], { bogus: 1 })).data.message).toBe("BaseModel._read_format() got an unexpected keyword argument 'bogus'");
    const draftId = await odoo.kw<number>('account.move', 'create', [{ move_type: 'out_invoice', partner_id: 7 }]);
    expect((await odoo.error('account.move', 'write', [[draftId], { move_type: 'bogus' }])).data.message).toBe("Wrong value for account.move.move_type: 'bogus'");
  });
});
