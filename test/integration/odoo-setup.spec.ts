import { OdooClient } from '../../src/odoo/client';
import { OdooSetupError, OdooSetupService, TAMARA_FIELD_NAMES, findTamaraJournal, type OdooSetupReport } from '../../src/odoo/setup';
import { startOdooEmulator, type OdooEmulator, type OdooMajorVersion } from '../../src/emulators/odoo/odoo-emulator';

/** Nothing listens on the discard port: Odoo's webhook fails fast and the emulator still logs it. */
const PUBLIC_URL = 'http://127.0.0.1:9';
const TOKEN = 'odoo-webhook-token-3c1d';
const WEBHOOK_URL = `${PUBLIC_URL}/webhooks/odoo?token=${TOKEN}`;
const WEBHOOKS = { publicUrl: PUBLIC_URL, webhookToken: TOKEN };

function clientFor(odoo: OdooEmulator, login = odoo.login, apiKey = odoo.apiKey as string): OdooClient {
  return new OdooClient({ url: odoo.url, db: odoo.database, username: login, apiKey, protocol: 'auto', timeoutMs: 10000 });
}

/** Changes the connector asked Odoo to make over RPC (the emulator's own UI helpers excluded). */
function rpcChanges(odoo: OdooEmulator): string[] {
  return odoo.calls
    .filter((call) => call.transport !== 'ui' && ['create', 'write', 'unlink'].includes(call.method))
    .map((call) => `${call.model}.${call.method}`);
}

function outcomes(report: OdooSetupReport): string[] {
  return [...new Set(report.items.map((item) => item.outcome))];
}

describe('npm run cli -- setup against the Odoo emulator', () => {
  let odoo: OdooEmulator | undefined;

  afterEach(async () => {
    await odoo?.close();
    odoo = undefined;
  });

  async function start(version: OdooMajorVersion = 18): Promise<OdooEmulator> {
    odoo = await startOdooEmulator({ version, now: '2026-11-24T10:00:00Z' });
    return odoo;
  }

  it('creates everything on the first run (Odoo 18)', async () => {
    const emulator = await start(18);
    const client = clientFor(emulator);

    const report = await new OdooSetupService(client).run(WEBHOOKS);

    expect(outcomes(report)).toEqual(['created']);
    for (const model of ['account.move', 'sale.order']) {
      const fields = await client.searchRead('ir.model.fields', [['model', '=', model], ['name', 'in', [...TAMARA_FIELD_NAMES]]], {
        fields: ['name', 'ttype', 'field_description', 'state', 'readonly', 'copied', 'tracking'],
      });
      const byName = new Map(fields.map((row) => [row.name, row]));
      expect([...byName.keys()].sort()).toEqual([...TAMARA_FIELD_NAMES].sort());
      expect(byName.get('x_tamara_pay')).toMatchObject({ ttype: 'boolean', field_description: 'Pay with Tamara', state: 'manual', readonly: false, copied: false, tracking: 1 });
      expect(byName.get('x_tamara_phone')).toMatchObject({ ttype: 'char', field_description: 'Tamara phone (optional override)', readonly: false });
      expect(byName.get('x_tamara_status')).toMatchObject({ ttype: 'char', readonly: true, tracking: 2 });
      expect(byName.get('x_tamara_refund_ids')).toMatchObject({ ttype: 'char', readonly: true });
      expect(byName.get('x_tamara_checkout_url')).toMatchObject({ ttype: 'char', readonly: true, tracking: 0 });
      // The model now really has the fields.
      expect(Object.keys(await client.fieldsGet(model, { fields: [...TAMARA_FIELD_NAMES], attributes: ['type'] })).sort()).toEqual([...TAMARA_FIELD_NAMES].sort());

      const [payAction] = await client.searchRead('ir.actions.server', [['model_id.model', '=', model], ['name', '=', 'Pay with Tamara']], {
        fields: ['state', 'code', 'binding_model_id', 'binding_type'],
      });
      expect(payAction).toMatchObject({ state: 'code', code: "records.write({'x_tamara_pay': True})", binding_type: 'action' });
      expect((payAction.binding_model_id as [number, string])[0]).toBeGreaterThan(0);

      const [xmlId] = await client.searchRead('ir.model.data', [['model', '=', 'ir.ui.view'], ['name', '=', model === 'account.move' ? 'view_move_form' : 'view_order_form']], {
        fields: ['res_id'],
      });
      const [view] = await client.searchRead('ir.ui.view', [['model', '=', model], ['mode', '=', 'extension'], ['name', 'like', 'tamara']], { fields: ['inherit_id', 'arch_db', 'type'] });
      expect((view.inherit_id as [number, string])[0]).toBe(xmlId.res_id);
      expect(view.type).toBe('form');
      expect(view.arch_db).toContain('<xpath expr="//sheet/notebook" position="before">');
      expect(view.arch_db).toContain('<field name="x_tamara_order_id" readonly="1"/>');
    }

    const [journal] = await client.searchRead('account.journal', [['code', '=', 'TMR']], { fields: ['name', 'type', 'inbound_payment_method_line_ids', 'outbound_payment_method_line_ids'] });
    expect(journal).toMatchObject({ id: report.tamaraJournalId, name: 'Tamara', type: 'bank' });
    expect(journal.inbound_payment_method_line_ids).toEqual([report.inboundMethodLineId]);
    expect(journal.outbound_payment_method_line_ids).toEqual([report.outboundMethodLineId]);
    expect(await findTamaraJournal(client)).toEqual({
      journalId: report.tamaraJournalId,
      inboundMethodLineId: report.inboundMethodLineId,
      outboundMethodLineId: report.outboundMethodLineId,
    });

    const webhookActions = await client.searchRead('ir.actions.server', [['state', '=', 'webhook']], { fields: ['name', 'model_name', 'webhook_url', 'webhook_field_ids', 'base_automation_id'] });
    expect(webhookActions.map((row) => [row.name, row.model_name, row.webhook_url])).toEqual([
      ['Tamara: notify connector', 'account.move', WEBHOOK_URL],
      ['Tamara: notify connector', 'sale.order', WEBHOOK_URL],
    ]);
    const payloadFields = await client.searchRead('ir.model.fields', [['id', 'in', webhookActions[0].webhook_field_ids as number[]]], { fields: ['name'] });
    expect(payloadFields.map((row) => row.name).sort()).toEqual(expect.arrayContaining(['move_type', 'name', 'state', 'x_tamara_pay']));
    const rules = await client.searchRead('base.automation', [], { fields: ['model_name', 'trigger', 'trigger_field_ids', 'action_server_ids', 'active'] });
    expect(rules.map((row) => [row.model_name, row.trigger, row.active])).toEqual([
      ['account.move', 'on_create_or_write', true],
      ['sale.order', 'on_create_or_write', true],
    ]);
    expect(rules[0].action_server_ids).toEqual([webhookActions[0].id]);
    const triggerFields = await client.searchRead('ir.model.fields', [['id', 'in', rules[0].trigger_field_ids as number[]]], { fields: ['name'] });
    expect(triggerFields.map((row) => row.name).sort()).toEqual(['state', 'x_tamara_pay']);
  });

  it('reports everything already present and sends no create or write on the second run', async () => {
    const emulator = await start(18);
    const first = await new OdooSetupService(clientFor(emulator)).run(WEBHOOKS);
    emulator.clearCalls();

    const second = await new OdooSetupService(clientFor(emulator)).run(WEBHOOKS);

    expect(outcomes(second)).toEqual(['already_present']);
    expect(rpcChanges(emulator)).toEqual([]);
    expect(second.items.map((item) => item.recordId)).toEqual(first.items.map((item) => item.recordId));
    expect(second).toMatchObject({ tamaraJournalId: first.tamaraJournalId, inboundMethodLineId: first.inboundMethodLineId, outboundMethodLineId: first.outboundMethodLineId });
  });

  it('installs an Odoo that really notifies the connector: Pay with Tamara, and a posted credit note', async () => {
    const emulator = await start(18);
    const client = clientFor(emulator);
    await new OdooSetupService(client).run(WEBHOOKS);
    const [payAction] = await client.searchRead('ir.actions.server', [['model_id.model', '=', 'account.move'], ['name', '=', 'Pay with Tamara']], { fields: ['id'] });
    const invoiceId = emulator.ui.createInvoice({ partnerId: 7, lines: [{ productId: 1, quantity: 1 }], post: true });
    await emulator.webhooks.idle();
    // An ordinary invoice being posted does not concern the connector.
    expect(emulator.webhooks.deliveries).toHaveLength(0);

    emulator.ui.runServerAction(payAction.id, 'account.move', [invoiceId]);
    await emulator.webhooks.idle();

    expect(emulator.webhooks.deliveries.map((delivery) => delivery.url)).toEqual([WEBHOOK_URL]);
    expect(JSON.parse(emulator.webhooks.deliveries[0].body)).toMatchObject({ _model: 'account.move', _id: invoiceId, id: invoiceId, x_tamara_pay: true, state: 'posted', move_type: 'out_invoice' });

    emulator.webhooks.clear();
    const creditNoteId = emulator.ui.createCreditNote(invoiceId);
    await emulator.webhooks.idle();

    const bodies = emulator.webhooks.deliveries.map((delivery) => JSON.parse(delivery.body) as Record<string, unknown>);
    expect(bodies).toContainEqual(expect.objectContaining({ _model: 'account.move', id: creditNoteId, move_type: 'out_refund', state: 'posted' }));
  });

  it('updates the webhook URL when PUBLIC_URL or the token changed, and only that', async () => {
    const emulator = await start(17);
    const client = clientFor(emulator);
    await new OdooSetupService(client).run(WEBHOOKS);
    emulator.clearCalls();

    const report = await new OdooSetupService(client).run({ publicUrl: 'https://connector.example.com', webhookToken: 'rotated-token' });

    expect(report.items.filter((item) => item.outcome !== 'already_present').map((item) => [item.kind, item.model, item.outcome])).toEqual([
      ['webhook_action', 'account.move', 'updated'],
      ['webhook_action', 'sale.order', 'updated'],
    ]);
    expect(rpcChanges(emulator)).toEqual(['ir.actions.server.write', 'ir.actions.server.write']);
    const urls = await client.searchRead('ir.actions.server', [['state', '=', 'webhook']], { fields: ['webhook_url'] });
    expect(urls.map((row) => row.webhook_url)).toEqual([
      'https://connector.example.com/webhooks/odoo?token=rotated-token',
      'https://connector.example.com/webhooks/odoo?token=rotated-token',
    ]);
    expect(JSON.stringify(report)).not.toContain('rotated-token');
  });

  it('skips the webhook action and automation rules on Odoo 16 (polling still works) and sets up the rest', async () => {
    const emulator = await start(16);
    const client = clientFor(emulator);

    const report = await new OdooSetupService(client).run(WEBHOOKS);

    const skipped = report.items.filter((item) => item.outcome === 'skipped');
    expect(skipped.map((item) => [item.kind, item.model])).toEqual([
      ['webhook_action', 'account.move'],
      ['automation_rule', 'account.move'],
      ['webhook_action', 'sale.order'],
      ['automation_rule', 'sale.order'],
    ]);
    expect(skipped[0].note).toBe('Odoo 16 has no webhook server actions (17+); the connector still finds changes by polling Odoo');
    expect(report.items.filter((item) => item.outcome === 'created')).toHaveLength(23);
    expect(await client.searchCount('base.automation', [])).toBe(0);
    expect(rpcChanges(emulator).filter((call) => call.startsWith('base.automation'))).toEqual([]);
    const [view] = await client.searchRead('ir.ui.view', [['name', '=', 'tamara.account.move.form']], { fields: ['arch_db'] });
    expect(view.arch_db).toContain("attrs=\"{'invisible': [('move_type', 'not in', ('out_invoice', 'out_refund'))]}\"");

    emulator.clearCalls();
    const second = await new OdooSetupService(client).run(WEBHOOKS);
    expect(outcomes(second).sort()).toEqual(['already_present', 'skipped']);
    expect(rpcChanges(emulator)).toEqual([]);
  });

  it('skips the webhook with a note when ODOO_WEBHOOK_TOKEN is not set', async () => {
    const emulator = await start(18);

    const report = await new OdooSetupService(clientFor(emulator)).run({ publicUrl: PUBLIC_URL });

    const rule = report.items.find((item) => item.kind === 'automation_rule' && item.model === 'account.move');
    expect(rule).toMatchObject({ outcome: 'skipped', note: expect.stringContaining('ODOO_WEBHOOK_TOKEN is not set') });
  });

  it('works the same on Odoo 19 over JSON-2 and is idempotent there', async () => {
    const emulator = await start(19);
    const client = clientFor(emulator);
    expect(await client.protocol()).toBe('json2');

    const first = await new OdooSetupService(client).run(WEBHOOKS);
    emulator.clearCalls();
    const second = await new OdooSetupService(client).run(WEBHOOKS);

    expect(outcomes(first)).toEqual(['created']);
    expect(outcomes(second)).toEqual(['already_present']);
    expect(rpcChanges(emulator)).toEqual([]);
  });

  it('stops with a clear message and Odoo’s own when the Odoo user lacks the rights', async () => {
    const emulator = await start(18);
    const admin = clientFor(emulator);
    const botId = await admin.create('res.users', { name: 'Tamara bot', login: 'tamara_bot', groups_id: [[6, 0, []]] });
    const botKey = emulator.createApiKey(botId, 'connector');
    emulator.clearCalls();

    const error = await new OdooSetupService(clientFor(emulator, 'tamara_bot', botKey)).run(WEBHOOKS).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(OdooSetupError);
    const setupError = error as OdooSetupError;
    expect(setupError.code).toBe('access_rights');
    expect(setupError.message).toMatch(/^Setup stopped while [^:]+: the Odoo user needs the Settings\/Administration rights to add fields\. Odoo said: You are not allowed to access 'Models' \(ir\.model\) records\./);
    expect(setupError.details.odooMessage).toContain('Administration/Access Rights');
    expect(rpcChanges(emulator)).toEqual([]);
  });

  it('stops with Odoo’s message when the API key is wrong', async () => {
    const emulator = await start(18);

    const error = await new OdooSetupService(clientFor(emulator, emulator.login, 'not-the-key')).run(WEBHOOKS).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(OdooSetupError);
    expect((error as OdooSetupError).code).toBe('login_rejected');
    expect((error as OdooSetupError).message).toContain('check ODOO_DB, ODOO_USERNAME and ODOO_API_KEY');
  });
});
