/**
 * `npm run demo`: the whole job end to end on a fresh machine — the Tamara sandbox emulator, the
 * Odoo emulator, and the connector on its embedded database — playing one invoice from "Pay with
 * Tamara" to paid, then partially refunded, printing each step as it happens.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/app-config';
import { startConnector, RunningConnector } from '../bootstrap';
import { startTamaraEmulator } from '../emulators/tamara/tamara-emulator';
import { startOdooEmulator } from '../emulators/odoo/odoo-emulator';
import { OdooSetupService } from '../odoo/setup/odoo-setup.service';
import { OdooClient } from '../odoo/client/odoo-client';
import { formatSetupReport } from '../odoo/setup/odoo-setup.report';
import { maskPhone } from '../shared/phone/phone-number';

const say = (text: string) => process.stdout.write(`${text}\n`);
const step = (n: number, text: string) => say(`\n[${n}] ${text}`);

async function main(): Promise<void> {
  const dataDir = join(process.cwd(), 'data', 'demo');
  rmSync(dataDir, { recursive: true, force: true }); // a fresh demo every time
  const notificationToken = randomBytes(24).toString('hex');
  const apiToken = `demo-${randomBytes(12).toString('hex')}`;

  step(1, 'Starting the Tamara sandbox emulator and the Odoo emulator');
  const tamara = await startTamaraEmulator({ apiTokens: [apiToken], notificationToken, requireHttpsWebhooks: false });
  const odoo = await startOdooEmulator();
  say(`    Tamara emulator: ${tamara.url}`);
  say(`    Odoo emulator:   ${odoo.url} (database ${odoo.database}, user ${odoo.login})`);

  step(2, 'Starting the connector on its embedded PostgreSQL');
  const port = await freePort();
  const config = loadConfig({
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    TAMARA_API_URL: tamara.url,
    TAMARA_API_TOKEN: apiToken,
    TAMARA_NOTIFICATION_TOKEN: notificationToken,
    CONNECTOR_API_KEYS: randomBytes(24).toString('hex'),
    TAMARA_STORE_CODE: 'RUH-01',
    ODOO_URL: odoo.url,
    ODOO_DB: odoo.database,
    ODOO_USERNAME: odoo.login,
    ODOO_API_KEY: odoo.apiKey,
    ODOO_WEBHOOK_TOKEN: randomBytes(16).toString('hex'),
    ODOO_POLL_INTERVAL_SECONDS: '2',
    RECONCILE_POLL_INTERVAL_SECONDS: '5',
  });
  let connector: RunningConnector | undefined;
  try {
    connector = await startConnector(config, { runtime: { jobsEnabled: true, reconcileTickMs: 1000 }, host: '127.0.0.1' });
    say(`    Connector: ${connector.url} (webhook registered at Tamara: ${config.http.publicUrl}/webhooks/tamara)`);

    step(3, 'Setting up Odoo (npm run cli -- setup): fields, "Pay with Tamara" action, form group, Tamara journal, automation');
    const report = await new OdooSetupService(connector.app.get(OdooClient, { strict: false })).run({ publicUrl: config.http.publicUrl, webhookToken: config.odoo.webhookToken });
    for (const line of formatSetupReport(report)) say(`    ${line}`);

    step(4, 'An accountant posts an invoice for "Tamara Test Customer" (+966 51 234 5678)');
    const invoiceId = odoo.ui.createInvoice({ partnerId: 7, lines: [{ productId: 1, quantity: 3 }], post: true });
    const invoice = () => odoo.read('account.move', [invoiceId])[0] as Record<string, any>;
    say(`    ${invoice().name}: ${invoice().amount_total} SAR, ${invoice().payment_state}`);

    step(5, 'The cashier clicks "Pay with Tamara"');
    odoo.ui.tickPayWithTamara('account.move', invoiceId);
    await waitFor('the payment link', () => invoice().x_tamara_status === 'new');
    say(`    Tamara status: ${invoice().x_tamara_status}, order ${invoice().x_tamara_order_id}`);
    const sms = (await control(tamara.url, 'GET', '/_emulator/sms')) as Array<{ to: string; link: string }>;
    const last = sms[sms.length - 1];
    say(`    SMS sent by Tamara to ${maskPhone(last.to)}: ${last.link}`);

    step(6, 'The customer opens the link and pays the first instalment');
    await control(tamara.url, 'POST', `/_emulator/orders/${invoice().x_tamara_order_id}/pay`);
    await waitFor('the payment in Odoo', () => ['paid', 'in_payment'].includes(invoice().payment_state));
    const payment = odoo.searchRead('account.payment', [['memo', 'ilike', `Tamara order ${invoice().x_tamara_order_id}`]], ['name', 'amount', 'journal_id', 'memo'])[0];
    say(`    Invoice ${invoice().name}: ${invoice().payment_state}; Tamara status ${invoice().x_tamara_status}`);
    say(`    Payment ${payment.name}: ${payment.amount} SAR on ${(payment.journal_id as [number, string])[1]}, memo "${payment.memo}"`);

    step(7, 'The customer returns one item: the accountant posts a credit note for it');
    const creditNoteId = odoo.ui.createCreditNote(invoiceId, { quantities: [1], post: true });
    const creditNote = () => odoo.read('account.move', [creditNoteId])[0] as Record<string, any>;
    say(`    ${creditNote().name}: ${creditNote().amount_total} SAR`);
    await waitFor('the refund', () => creditNote().x_tamara_status === 'refunded' && ['paid', 'in_payment'].includes(creditNote().payment_state));
    await waitFor('the invoice status', () => invoice().x_tamara_status === 'partially_refunded');
    say(`    Refunded at Tamara: refund ${creditNote().x_tamara_refund_ids}; credit note ${creditNote().payment_state}`);
    say(`    Invoice ${invoice().name}: Tamara status ${invoice().x_tamara_status}, refund ids ${invoice().x_tamara_refund_ids}`);

    step(8, 'What the invoice chatter shows');
    const notes = odoo.searchRead('mail.message', [['model', '=', 'account.move'], ['res_id', '=', invoiceId]], ['body'], { order: 'id asc' } as never);
    for (const note of notes) say(`    • ${unescapeHtml(String(note.body).replace(/<[^>]+>/g, ''))}`);

    say('\nDone: one link, one SMS, one payment, one refund. (Data in ./data/demo; run again for a fresh demo.)');
  } finally {
    await connector?.close();
    await tamara.close();
    await odoo.close();
  }
}

async function waitFor(what: string, ready: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function control(baseUrl: string, method: string, path: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { method });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

void main().catch((error: Error) => {
  process.stderr.write(`\nThe demo failed: ${error.message}\n`);
  process.exit(1);
});
