import { DataSource } from 'typeorm';
import { startTamaraEmulator, TamaraEmulator } from '../../src/emulators/tamara/tamara-emulator';
import { ProcessTamaraNotificationsUseCase } from '../../src/payments/use-cases/process-tamara-notifications.use-case';
import { TAMARA_WEBHOOK_EVENTS } from '../../src/tamara/tamara-api.types';
import { startAppHarness, AppHarness } from './app-harness';
import { TEST_NOTIFICATION_TOKEN, TEST_TAMARA_TOKEN } from './test-config';

export interface TamaraE2e {
  app: AppHarness;
  tamara: TamaraEmulator;
  dataSource: DataSource;
  /** Waits until the emulator has delivered its webhooks, then processes the connector's inbox. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The whole connector over HTTP against the Tamara emulator, whose webhooks reach the connector. */
export async function startTamaraE2e(env: Record<string, string> = {}): Promise<TamaraE2e> {
  const tamara = await startTamaraEmulator({ apiTokens: [TEST_TAMARA_TOKEN], notificationToken: TEST_NOTIFICATION_TOKEN, requireHttpsWebhooks: false });
  const app = await startAppHarness({ TAMARA_API_URL: tamara.url, ...env }, { registerWebhook: false });
  tamara.registerWebhook({ url: `${app.url}/webhooks/tamara`, events: [...TAMARA_WEBHOOK_EVENTS] });
  return {
    app,
    tamara,
    dataSource: app.connector.app.get(DataSource),
    async settle() {
      await tamara.webhooksIdle();
      for (let i = 0; i < 5 && (await app.connector.app.get(ProcessTamaraNotificationsUseCase).runOnce()) > 0; i++);
    },
    async close() {
      await app.close();
      await tamara.close();
    },
  };
}
