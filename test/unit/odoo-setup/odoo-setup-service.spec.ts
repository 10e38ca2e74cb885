import { OdooSetupError, OdooSetupService, TAMARA_FIELD_NAMES, findTamaraJournal, type OdooSetupReport, type SetupItem } from '../../../src/odoo/setup';
import { FakeOdooSetupClient } from './support/fake-odoo-setup-client';

const PUBLIC_URL = 'https://connector.example.com';
const TOKEN = 'odoo-hook-token-5f2c9a';
const WEBHOOKS = { publicUrl: PUBLIC_URL, webhookToken: TOKEN };

function outcomes(report: OdooSetupReport | readonly SetupItem[]): string[] {
  const items = 'items' in report ? report.items : report;
  return [...new Set(items.map((item) => item.outcome))];
}

function item(report: OdooSetupReport, kind: SetupItem['kind'], model?: string): SetupItem {
  const found = report.items.find((candidate) => candidate.kind === kind && candidate.model === model);
  if (!found) throw new Error(`no ${kind} item for ${model}`);
  return found;
}

async function failure(promise: Promise<unknown>): Promise<OdooSetupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OdooSetupError);
  return error as OdooSetupError;
}

describe('OdooSetupService on Odoo 18', () => {
  it('creates the fields, actions, views, journal, webhook actions and automation rules on the first run', async () => {
    const odoo = new FakeOdooSetupClient();

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    expect(outcomes(report)).toEqual(['created']);
    for (const model of ['account.move', 'sale.order']) {
      const modelId = model === 'account.move' ? 459 : 520;
      const fields = odoo.rows('ir.model.fields').filter((row) => row.model_id === modelId && String(row.name).startsWith('x_tamara_'));
      expect(fields.map((row) => row.name).sort()).toEqual([...TAMARA_FIELD_NAMES].sort());
      const byName = new Map(fields.map((row) => [row.name, row]));
      expect(byName.get('x_tamara_pay')).toMatchObject({ ttype: 'boolean', field_description: 'Pay with Tamara', state: 'manual', copied: false, tracking: 1 });
      expect(byName.get('x_tamara_pay')?.readonly).toBeUndefined();
      expect(byName.get('x_tamara_phone')).toMatchObject({ ttype: 'char', field_description: 'Tamara phone (optional override)' });
      expect(byName.get('x_tamara_phone')?.readonly).toBeUndefined();
      for (const name of ['x_tamara_status', 'x_tamara_order_id', 'x_tamara_checkout_id', 'x_tamara_checkout_url', 'x_tamara_refund_ids', 'x_tamara_error']) {
        expect(byName.get(name)).toMatchObject({ ttype: 'char', readonly: true, copied: false });
      }
      const [payAction] = odoo.rows('ir.actions.server').filter((row) => row.model_id === modelId && row.name === 'Pay with Tamara');
      expect(payAction).toMatchObject({ state: 'code', binding_model_id: modelId, code: "records.write({'x_tamara_pay': True})" });
    }
    // One batch create per model: Odoo reloads its registry on every ir.model.fields create.
    expect(odoo.calls.filter((call) => call.model === 'ir.model.fields' && call.method === 'create')).toHaveLength(2);
  });

  it('inherits the main form of each model (by xml id, else the lowest-priority primary form) before the notebook', async () => {
    const odoo = new FakeOdooSetupClient();

    await new OdooSetupService(odoo).run(WEBHOOKS);

    const views = odoo.rows('ir.ui.view').filter((row) => row.mode === 'extension');
    expect(views.map((row) => [row.model, row.inherit_id])).toEqual([
      ['account.move', 800],
      ['sale.order', 810],
    ]);
    for (const view of views) {
      const arch = String(view.arch_db);
      expect(arch).toContain('<xpath expr="//sheet/notebook" position="before">');
      expect(arch).toContain('<group name="tamara" string="Tamara"');
      expect(arch).toContain('<field name="x_tamara_pay"/>');
      expect(arch).toContain('<field name="x_tamara_phone"/>');
      expect(arch).toContain('<field name="x_tamara_status" readonly="1"/>');
      expect(arch).toContain('<field name="x_tamara_checkout_url" readonly="1" widget="url"/>');
    }
    expect(String(views[0].arch_db)).toContain(`invisible="move_type not in ('out_invoice', 'out_refund')"`);
    expect(String(views[1].arch_db)).not.toContain('invisible=');
  });

  it('creates the Tamara bank journal and reports its Manual payment method lines', async () => {
    const odoo = new FakeOdooSetupClient();
    expect(await findTamaraJournal(odoo)).toBeNull();

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    const [journal] = odoo.rows('account.journal').filter((row) => row.code === 'TMR');
    expect(journal).toMatchObject({ name: 'Tamara', type: 'bank' });
    const lines = odoo.rows('account.payment.method.line').filter((row) => row.journal_id === journal.id);
    const inbound = lines.find((line) => line.payment_type === 'inbound');
    const outbound = lines.find((line) => line.payment_type === 'outbound');
    expect(report).toMatchObject({ tamaraJournalId: journal.id, inboundMethodLineId: inbound?.id, outboundMethodLineId: outbound?.id });
    expect(await findTamaraJournal(odoo)).toEqual({ journalId: journal.id, inboundMethodLineId: inbound?.id, outboundMethodLineId: outbound?.id });
  });

  it('points a webhook action at PUBLIC_URL/webhooks/odoo with the token, and an on-save automation rule at it', async () => {
    const odoo = new FakeOdooSetupClient();

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    const webhooks = odoo.rows('ir.actions.server').filter((row) => row.state === 'webhook');
    expect(webhooks.map((row) => [row.model_id, row.name, row.webhook_url])).toEqual([
      [459, 'Tamara: notify connector', `${PUBLIC_URL}/webhooks/odoo?token=${TOKEN}`],
      [520, 'Tamara: notify connector', `${PUBLIC_URL}/webhooks/odoo?token=${TOKEN}`],
    ]);
    expect(webhooks[0].webhook_field_ids).toEqual([4400, 4448, odoo.rows('ir.model.fields').find((r) => r.model_id === 459 && r.name === 'x_tamara_pay')?.id, 4452, 4453]);
    const rules = odoo.rows('base.automation');
    expect(rules).toHaveLength(2);
    const moveRule = rules.find((row) => row.model_id === 459);
    const payFieldId = odoo.rows('ir.model.fields').find((r) => r.model_id === 459 && r.name === 'x_tamara_pay')?.id;
    expect(moveRule).toMatchObject({
      trigger: 'on_create_or_write',
      trigger_field_ids: [payFieldId, 4452],
      action_server_ids: [webhooks[0].id],
      filter_domain:
        "['|', '|', ('x_tamara_pay', '=', True), ('x_tamara_order_id', '!=', False), '&', ('move_type', '=', 'out_refund'), ('state', '=', 'posted')]",
    });
    expect(rules.find((row) => row.model_id === 520)).toMatchObject({ action_server_ids: [webhooks[1].id], filter_domain: "['|', ('x_tamara_pay', '=', True), ('x_tamara_order_id', '!=', False)]" });
    // The token is a secret: the report shows the URL without it.
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('changes nothing and reports everything already present on the second run', async () => {
    const odoo = new FakeOdooSetupClient();
    const service = new OdooSetupService(odoo);
    const first = await service.run(WEBHOOKS);
    const changesAfterFirstRun = odoo.changeCount();

    const second = await service.run(WEBHOOKS);

    expect(odoo.changeCount()).toBe(changesAfterFirstRun);
    expect(outcomes(second)).toEqual(['already_present']);
    expect(second.items.map((i) => [i.kind, i.subject, i.model, i.recordId])).toEqual(first.items.map((i) => [i.kind, i.subject, i.model, i.recordId]));
    expect(second).toMatchObject({ tamaraJournalId: first.tamaraJournalId, inboundMethodLineId: first.inboundMethodLineId, outboundMethodLineId: first.outboundMethodLineId });
  });

  it('updates the webhook URL of both actions when PUBLIC_URL or the token changed', async () => {
    const odoo = new FakeOdooSetupClient();
    const service = new OdooSetupService(odoo);
    await service.run(WEBHOOKS);
    const createsAfterFirstRun = odoo.createCount();

    const report = await service.run({ publicUrl: 'https://new-host.example.com/', webhookToken: 'rotated-token-77' });

    expect(odoo.rows('ir.actions.server').filter((row) => row.state === 'webhook').map((row) => row.webhook_url)).toEqual([
      'https://new-host.example.com/webhooks/odoo?token=rotated-token-77',
      'https://new-host.example.com/webhooks/odoo?token=rotated-token-77',
    ]);
    const updated = report.items.filter((i) => i.outcome === 'updated');
    expect(updated.map((i) => [i.kind, i.model])).toEqual([
      ['webhook_action', 'account.move'],
      ['webhook_action', 'sale.order'],
    ]);
    expect(updated[0].note).toBe('set URL (now https://new-host.example.com/webhooks/odoo?token=…)');
    expect(odoo.createCount()).toBe(createsAfterFirstRun);
    expect(JSON.stringify(report)).not.toContain('rotated-token-77');
  });

  it.each([
    [{ webhookToken: TOKEN }, 'PUBLIC_URL is not set'],
    [{ publicUrl: PUBLIC_URL }, 'ODOO_WEBHOOK_TOKEN is not set'],
  ])('skips the webhook action and automation rules with a note when %j', async (options, reason) => {
    const odoo = new FakeOdooSetupClient();

    const report = await new OdooSetupService(odoo).run(options);

    const skipped = report.items.filter((i) => i.outcome === 'skipped');
    expect(skipped.map((i) => [i.kind, i.model])).toEqual([
      ['webhook_action', 'account.move'],
      ['automation_rule', 'account.move'],
      ['webhook_action', 'sale.order'],
      ['automation_rule', 'sale.order'],
    ]);
    for (const i of skipped) expect(i.note).toContain(reason);
    expect(skipped[0].note).toContain('polling');
    expect(odoo.rows('base.automation')).toHaveLength(0);
    expect(odoo.rows('ir.actions.server').filter((row) => row.state === 'webhook')).toHaveLength(0);
  });

  it('skips webhooks when the Automation Rules module is not installed', async () => {
    const odoo = new FakeOdooSetupClient('18.0-20250421', { automationRules: false });

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    expect(item(report, 'automation_rule', 'account.move')).toMatchObject({ outcome: 'skipped' });
    expect(item(report, 'automation_rule', 'account.move').note).toContain('base_automation');
  });

  it('sets up invoices only, and says why, when the Sales app is not installed', async () => {
    const odoo = new FakeOdooSetupClient('18.0-20250421', { salesApp: false });

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    const saleItems = report.items.filter((i) => i.model === 'sale.order');
    expect(saleItems.map((i) => i.kind)).toEqual(['field', 'server_action', 'form_view', 'webhook_action', 'automation_rule']);
    for (const i of saleItems) expect(i).toMatchObject({ outcome: 'skipped', note: 'the Sales app (sale.order) is not installed' });
    expect(item(report, 'automation_rule', 'account.move').outcome).toBe('created');
  });
});

describe('OdooSetupService on other versions', () => {
  it('skips the webhook action and automation rules on Odoo 16 and uses attrs in the view', async () => {
    const odoo = new FakeOdooSetupClient('16.0-20240304');

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    expect(item(report, 'webhook_action', 'account.move')).toMatchObject({ outcome: 'skipped', note: expect.stringContaining('Odoo 16 has no webhook server actions') });
    expect(item(report, 'automation_rule', 'sale.order').outcome).toBe('skipped');
    expect(odoo.calls.some((call) => call.model === 'base.automation')).toBe(false);
    expect(odoo.rows('ir.actions.server').map((row) => row.state)).toEqual(['code', 'code']);
    const moveView = odoo.rows('ir.ui.view').find((row) => row.mode === 'extension' && row.model === 'account.move');
    expect(String(moveView?.arch_db)).toContain(`attrs="{'invisible': [('move_type', 'not in', ('out_invoice', 'out_refund'))]}"`);
    expect(report.tamaraJournalId).toBeGreaterThan(0);
  });

  it('installs webhooks on Odoo 17, and rewrites the view layout after an upgrade from 16', async () => {
    const odoo = new FakeOdooSetupClient('16.0-20240304');
    await new OdooSetupService(odoo).run(WEBHOOKS);
    odoo.version = { ...odoo.version, major: 17, raw: '17.0-20240821', serie: '17.0' };

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    expect(item(report, 'form_view', 'account.move')).toMatchObject({ outcome: 'updated', note: 'set layout' });
    expect(item(report, 'form_view', 'sale.order').outcome).toBe('already_present');
    expect(item(report, 'webhook_action', 'account.move').outcome).toBe('created');
    expect(item(report, 'automation_rule', 'sale.order').outcome).toBe('created');
  });
});

describe('OdooSetupService with an Odoo set up by hand or partly', () => {
  it('keeps existing fields and a bound "Pay with Tamara" action as they are (transcripts 023–034)', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.insert('ir.model.fields', { id: 6540, name: 'x_tamara_pay', model_id: 459, model: 'account.move', ttype: 'boolean', field_description: 'Pay with Tamara', state: 'manual' });
    odoo.insert('ir.model.fields', { id: 6551, name: 'x_tamara_phone', model_id: 459, model: 'account.move', ttype: 'char', field_description: 'Tamara Phone', state: 'manual' });
    // account.bank.statement.line's reflected copy must not count as "present on account.move".
    odoo.insert('ir.model.fields', { id: 6545, name: 'x_tamara_status', model_id: 470, model: 'account.bank.statement.line', ttype: 'char', state: 'base' });
    odoo.insert('ir.actions.server', { id: 353, name: 'Pay with Tamara', model_id: 459, binding_model_id: 459, state: 'code', code: "records.write({'x_tamara_pay': True})" });

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    const moveFields = report.items.filter((i) => i.kind === 'field' && i.model === 'account.move');
    expect(moveFields.filter((i) => i.outcome === 'already_present').map((i) => [i.subject, i.recordId])).toEqual([
      ['field x_tamara_pay', 6540],
      ['field x_tamara_phone', 6551],
    ]);
    expect(moveFields.filter((i) => i.outcome === 'created')).toHaveLength(6);
    expect(odoo.rows('ir.model.fields').find((row) => row.id === 6551)?.field_description).toBe('Tamara Phone');
    expect(item(report, 'server_action', 'account.move')).toMatchObject({ outcome: 'already_present', recordId: 353 });
  });

  it('puts back a "Pay with Tamara" action that lost its Action-menu binding', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.insert('ir.actions.server', { id: 353, name: 'Pay with Tamara', model_id: 459, binding_model_id: false, state: 'code', code: "records.write({'x_tamara_pay': True})" });

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    expect(item(report, 'server_action', 'account.move')).toMatchObject({ outcome: 'updated', recordId: 353, note: 'set binding_model_id' });
    expect(odoo.rows('ir.actions.server').find((row) => row.id === 353)?.binding_model_id).toBe(459);
  });

  it('adds a missing outbound Manual line to an existing Tamara journal', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.insert('account.journal', { id: 11, name: 'Tamara', code: 'TMR', type: 'bank' });
    odoo.insert('account.payment.method.line', { id: 5, journal_id: 11, payment_method_id: 1, code: 'manual', payment_type: 'inbound', sequence: 10 });
    expect(await findTamaraJournal(odoo)).toBeNull();

    const report = await new OdooSetupService(odoo).run(WEBHOOKS);

    const journalItems = report.items.filter((i) => i.kind === 'journal' || i.kind === 'payment_method_line');
    expect(journalItems.map((i) => [i.kind, i.outcome, i.subject.split(' ')[0]])).toEqual([
      ['journal', 'already_present', 'journal'],
      ['payment_method_line', 'already_present', 'inbound'],
      ['payment_method_line', 'created', 'outbound'],
    ]);
    const outbound = odoo.rows('account.payment.method.line').find((row) => row.journal_id === 11 && row.payment_type === 'outbound');
    expect(report).toMatchObject({ tamaraJournalId: 11, inboundMethodLineId: 5, outboundMethodLineId: outbound?.id });
    expect(await findTamaraJournal(odoo)).toEqual({ journalId: 11, inboundMethodLineId: 5, outboundMethodLineId: outbound?.id });
  });

  it('relinks an automation rule that no longer runs the webhook action, keeping the merchant’s other actions', async () => {
    const odoo = new FakeOdooSetupClient();
    const service = new OdooSetupService(odoo);
    await service.run(WEBHOOKS);
    const rule = odoo.rows('base.automation').find((row) => row.model_id === 459) as Record<string, unknown>;
    rule.action_server_ids = [999];

    const report = await service.run(WEBHOOKS);

    expect(item(report, 'automation_rule', 'account.move')).toMatchObject({ outcome: 'updated', note: 'set action_server_ids' });
    const webhookAction = odoo.rows('ir.actions.server').find((row) => row.state === 'webhook' && row.model_id === 459);
    expect(rule.action_server_ids).toEqual([999, webhookAction?.id]);
  });
});

describe('OdooSetupService failures', () => {
  const ACCESS_ERROR =
    "You are not allowed to access 'Models' (ir.model) records.\n\nThis operation is allowed for the following groups:\n\t- Administration/Access Rights\n\nContact your administrator to request access if necessary.";

  it('stops with the rights the Odoo user needs and Odoo’s own message when it may not add fields', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.denyCreate('ir.model.fields', ACCESS_ERROR);

    const error = await failure(new OdooSetupService(odoo).run(WEBHOOKS));

    expect(error.code).toBe('access_rights');
    expect(error.message).toContain('the Odoo user needs the Settings/Administration rights to add fields');
    expect(error.message).toContain(ACCESS_ERROR);
    expect(error.details).toMatchObject({ step: 'fields', odooMessage: ACCESS_ERROR, odooErrorKind: 'access_error', completedItems: [] });
  });

  it('keeps what was done before it stopped (journal rights)', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.denyCreate('account.journal', "You are not allowed to create 'Journal' (account.journal) records.");

    const error = await failure(new OdooSetupService(odoo).run(WEBHOOKS));

    expect(error.code).toBe('access_rights');
    expect(error.message).toContain('Invoicing/Administrator');
    expect(error.details.completedItems?.filter((i) => i.outcome === 'created')).toHaveLength(2 * (8 + 2));
  });

  it('refuses to use an x_tamara_ field of the wrong type', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.insert('ir.model.fields', { id: 6540, name: 'x_tamara_pay', model_id: 459, model: 'account.move', ttype: 'char', state: 'manual' });

    const error = await failure(new OdooSetupService(odoo).run(WEBHOOKS));

    expect(error.code).toBe('conflict');
    expect(error.message).toContain('x_tamara_pay on account.move already exists as a char field');
    expect(odoo.createCount()).toBe(0);
  });

  it('refuses to use a TMR journal that is not a bank journal', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.insert('account.journal', { id: 12, name: 'Tamara sales', code: 'TMR', type: 'sale' });

    const error = await failure(new OdooSetupService(odoo).run(WEBHOOKS));

    expect(error.code).toBe('conflict');
    expect(error.message).toContain('code TMR already exists but is a "sale" journal');
    expect(await findTamaraJournal(odoo)).toBeNull();
  });

  it('asks for the Invoicing app when account.move is unknown', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.rows('ir.model').splice(0);

    const error = await failure(new OdooSetupService(odoo).run(WEBHOOKS));

    expect(error.code).toBe('module_missing');
    expect(error.message).toContain('Invoicing app');
  });
});
