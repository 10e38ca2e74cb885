import { Inject, type Provider } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { OdooSetupError } from './odoo-setup.errors';
import { formatSetupItems, formatSetupReport } from './odoo-setup.report';
import { OdooSetupService, type OdooSetupOptions } from './odoo-setup.service';

/** Injection token for the {@link OdooSetupOptions} the command passes to setup (from AppConfig). */
export const ODOO_SETUP_OPTIONS = Symbol('ODOO_SETUP_OPTIONS');

export interface SetupOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

const PROCESS_OUTPUT: SetupOutput = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs setup and prints the outcome; returns the process exit code (0 = Odoo is set up). On
 * failure it prints what was already done, then why it stopped, with Odoo's own message.
 */
export async function runOdooSetup(setup: Pick<OdooSetupService, 'run'>, options: OdooSetupOptions, output: SetupOutput = PROCESS_OUTPUT): Promise<number> {
  try {
    const report = await setup.run(options);
    for (const line of formatSetupReport(report)) output.stdout(line);
    return 0;
  } catch (error) {
    if (error instanceof OdooSetupError) {
      const done = error.details.completedItems ?? [];
      if (done.length > 0) {
        output.stdout('Done before setup stopped:');
        for (const line of formatSetupItems(done)) output.stdout(line);
      }
      output.stderr(error.message);
      output.stderr('Fix the cause and run `npm run cli -- setup` again: it continues where it stopped.');
      return 1;
    }
    output.stderr(`Setup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

@Command({
  name: 'setup',
  description: 'Install the Tamara fields, action, form group, journal and webhook rules in Odoo (safe to run again)',
})
export class SetupOdooCommand extends CommandRunner {
  constructor(
    private readonly setup: OdooSetupService,
    @Inject(ODOO_SETUP_OPTIONS) private readonly options: OdooSetupOptions,
  ) {
    super();
  }

  async run(): Promise<void> {
    const exitCode = await runOdooSetup(this.setup, this.options);
    // exitCode rather than process.exit(): the CLI still closes its database on the way out.
    if (exitCode !== 0) process.exitCode = exitCode;
  }
}

/**
 * Providers for the CLI module. `OdooClient` itself must be provided by the module that imports
 * these (it is built from ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_API_KEY, ODOO_PROTOCOL).
 */
export function odooSetupProviders(options: OdooSetupOptions): Provider[] {
  return [OdooSetupService, { provide: ODOO_SETUP_OPTIONS, useValue: options }, SetupOdooCommand];
}
