import { DEFAULT_API_KEY, startOdooEmulator } from './odoo-emulator';
import type { OdooMajorVersion } from './version-profile';

/**
 * `npm run emulator:odoo`: an Odoo emulator on ODOO_EMULATOR_PORT (default 8069). Optional:
 * ODOO_EMULATOR_VERSION (16–19, default 18), ODOO_EMULATOR_API_KEY, ODOO_EMULATOR_PASSWORD,
 * ODOO_EMULATOR_HOST (default 127.0.0.1), ODOO_EMULATOR_SEED=blank (default: demo data).
 */
async function main(): Promise<void> {
  const port = Number(process.env.ODOO_EMULATOR_PORT ?? 8069);
  const requested = Number(process.env.ODOO_EMULATOR_VERSION ?? 18);
  const version = ([16, 17, 18, 19].includes(requested) ? requested : 18) as OdooMajorVersion;
  const emulator = await startOdooEmulator({
    port,
    seed: process.env.ODOO_EMULATOR_SEED === 'blank' ? 'blank' : 'demo',
    host: process.env.ODOO_EMULATOR_HOST ?? '127.0.0.1',
    version,
    apiKey: process.env.ODOO_EMULATOR_API_KEY ?? DEFAULT_API_KEY,
    password: process.env.ODOO_EMULATOR_PASSWORD ?? 'admin',
    log: (line) => process.stdout.write(`${new Date().toISOString()} odoo-emulator: ${line}\n`),
  });
  process.stdout.write(
    [
      `Odoo ${version} emulator listening on ${emulator.url}`,
      `  database: ${emulator.database}`,
      `  login:    ${emulator.login} (uid ${emulator.adminUid}, password ${emulator.password})`,
      `  API key:  ${emulator.apiKey ?? '(none)'}`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  process.stderr.write(`odoo-emulator failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
