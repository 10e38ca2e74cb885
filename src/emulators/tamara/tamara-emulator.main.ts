import { startTamaraEmulator } from './tamara-emulator';

/**
 * `npm run emulator:tamara`: a local stand-in for api-sandbox.tamara.co.
 *   TAMARA_EMULATOR_PORT       port (default 4010)
 *   TAMARA_EMULATOR_HOST       interface (default 127.0.0.1; the control API has no auth, keep it on loopback)
 *   TAMARA_NOTIFICATION_TOKEN  HS256 key for webhook JWTs (default: a printed dev value)
 *   TAMARA_API_TOKEN           the only accepted bearer token (default: any non-empty bearer)
 */
const DEV_NOTIFICATION_TOKEN = 'tamara-emulator-dev-notification-token';

async function main(): Promise<void> {
  const port = Number(process.env.TAMARA_EMULATOR_PORT ?? '4010');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`TAMARA_EMULATOR_PORT must be a port number, got ${process.env.TAMARA_EMULATOR_PORT}`);
  const notificationToken = process.env.TAMARA_NOTIFICATION_TOKEN || DEV_NOTIFICATION_TOKEN;
  const apiToken = process.env.TAMARA_API_TOKEN;
  const emulator = await startTamaraEmulator({
    port,
    host: process.env.TAMARA_EMULATOR_HOST || '127.0.0.1',
    notificationToken,
    apiTokens: apiToken ? [apiToken] : [],
  });

  const lines = [
    `Tamara emulator listening on ${emulator.url}`,
    `  merchant API: ${emulator.url}  (use it as TAMARA_API_URL)`,
    `  API token: ${apiToken ? 'TAMARA_API_TOKEN only' : 'any non-empty bearer token'}`,
    process.env.TAMARA_NOTIFICATION_TOKEN ? '  notification token: from TAMARA_NOTIFICATION_TOKEN' : `  notification token (dev default): ${DEV_NOTIFICATION_TOKEN}`,
    '  control API (no auth):',
    `    POST ${emulator.url}/_emulator/orders/{order_id}/pay | decline | cancel | expire`,
    `    POST ${emulator.url}/_emulator/clock/advance {"seconds":900}`,
    `    GET  ${emulator.url}/_emulator/orders | calls | sms | webhook-deliveries | faults`,
    `    POST ${emulator.url}/_emulator/faults {"kind":"http_error","status":503,"route":"in_store_session","times":1}`,
    `    DELETE ${emulator.url}/_emulator/faults    POST ${emulator.url}/_emulator/reset`,
    `  customer checkout page: ${emulator.url}/_emulator/checkout/{checkout_id}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = (signal: string) => {
    process.stdout.write(`Tamara emulator: ${signal}, stopping\n`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Tamara emulator failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
