import { Test } from '@nestjs/testing';
import { OdooClient } from '../../../src/odoo/client';
import { OdooSetupError, OdooSetupService, SetupOdooCommand, odooSetupProviders, runOdooSetup, type OdooSetupReport } from '../../../src/odoo/setup';
import { FakeOdooSetupClient } from './support/fake-odoo-setup-client';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) } };
}

describe('the setup command output', () => {
  it('prints every item in plain words, a summary and the journal ids, and exits 0', async () => {
    const odoo = new FakeOdooSetupClient();
    const { out, err, output } = capture();

    const exitCode = await runOdooSetup(new OdooSetupService(odoo), { publicUrl: 'https://c.example.com', webhookToken: 'tok-123' }, output);

    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe('Odoo 18.0-20250421: Tamara setup');
    expect(out).toContain(`  created          field x_tamara_pay on account.move (id ${odoo.rows('ir.model.fields').find((r) => r.name === 'x_tamara_pay')?.id})`);
    expect(out.some((line) => /^ {2}created {10}webhook action "Tamara: notify connector" on sale\.order \(id \d+\) — posts to https:\/\/c\.example\.com\/webhooks\/odoo\?token=…$/.test(line))).toBe(true);
    expect(out).toContain('Summary: 27 created.');
    expect(out[out.length - 1]).toMatch(/^Tamara journal id \d+, inbound payment method line \d+, outbound payment method line \d+\.$/);
    expect(out.join('\n')).not.toContain('tok-123');
  });

  it('says so when there was nothing to change', async () => {
    const odoo = new FakeOdooSetupClient('16.0-20240304');
    await runOdooSetup(new OdooSetupService(odoo), {}, capture().output);
    const { out, output } = capture();

    await runOdooSetup(new OdooSetupService(odoo), {}, output);

    expect(out).toContain('Summary: 23 already present, 4 skipped — nothing to change, Odoo was already set up.');
    expect(out.filter((line) => line.includes('skipped'))[0]).toContain('Odoo 16 has no webhook server actions (17+); the connector still finds changes by polling Odoo');
  });

  it('prints what was done, then Odoo’s message, and exits 1 on failure', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.denyCreate('account.journal', "You are not allowed to create 'Journal' (account.journal) records.");
    const { out, err, output } = capture();

    const exitCode = await runOdooSetup(new OdooSetupService(odoo), {}, output);

    expect(exitCode).toBe(1);
    expect(out[0]).toBe('Done before setup stopped:');
    expect(out.length).toBe(1 + 20);
    expect(err[0]).toBe(
      'Setup stopped while setting up the Tamara journal: the Odoo user needs the Invoicing/Administrator rights to create the Tamara journal. ' +
        "Odoo said: You are not allowed to create 'Journal' (account.journal) records.",
    );
    expect(err[1]).toContain('run `npm run cli -- setup` again');
  });

  it('reports an unexpected error as a failure too', async () => {
    const { err, output } = capture();
    const broken = { run: async (): Promise<OdooSetupReport> => Promise.reject(new Error('boom')) };

    expect(await runOdooSetup(broken, {}, output)).toBe(1);
    expect(err).toEqual(['Setup failed: boom']);
  });

  it('does not print an empty "done" list when nothing was done', async () => {
    const { out, err, output } = capture();
    const failing = { run: async (): Promise<OdooSetupReport> => Promise.reject(new OdooSetupError('login_rejected', 'Odoo rejected the login', { step: 'version' })) };

    expect(await runOdooSetup(failing, {}, output)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toBe('Odoo rejected the login');
  });
});

describe('SetupOdooCommand in a Nest module', () => {
  async function commandWith(odoo: FakeOdooSetupClient): Promise<SetupOdooCommand> {
    const moduleRef = await Test.createTestingModule({
      providers: [...odooSetupProviders({ publicUrl: 'https://c.example.com', webhookToken: 'tok' }), { provide: OdooClient, useValue: odoo }],
    }).compile();
    return moduleRef.get(SetupOdooCommand);
  }

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('gets the service, the client and the options injected, prints the report and leaves the exit code alone', async () => {
    const odoo = new FakeOdooSetupClient();
    const command = await commandWith(odoo);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);

    await command.run();

    expect(stdout.mock.calls.map(([text]) => String(text))).toContain('Summary: 27 created.\n');
    expect(odoo.rows('ir.actions.server').find((row) => row.state === 'webhook')?.webhook_url).toBe('https://c.example.com/webhooks/odoo?token=tok');
    expect(process.exitCode).toBeUndefined();
  });

  it('sets exit code 1 and writes the reason to stderr when setup fails', async () => {
    const odoo = new FakeOdooSetupClient();
    odoo.denyCreate('ir.model.fields', 'You are not allowed to create fields.');
    const command = await commandWith(odoo);
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

    await command.run();

    expect(process.exitCode).toBe(1);
    expect(String(stderr.mock.calls[0][0])).toContain('the Odoo user needs the Settings/Administration rights to add fields. Odoo said: You are not allowed to create fields.');
  });
});
