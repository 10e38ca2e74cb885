import { startTamaraEmulator, TamaraEmulator } from '../../src/emulators/tamara/tamara-emulator';
import { startAppHarness } from '../support/app-harness';
import { TEST_NOTIFICATION_TOKEN, TEST_TAMARA_TOKEN } from '../support/test-config';

describe('webhook registration at start', () => {
  let tamara: TamaraEmulator;
  beforeAll(async () => {
    tamara = await startTamaraEmulator({ apiTokens: [TEST_TAMARA_TOKEN], notificationToken: TEST_NOTIFICATION_TOKEN, requireHttpsWebhooks: false });
  });
  afterAll(() => tamara.close());

  it('registers PUBLIC_URL/webhooks/tamara once, however often the connector starts', async () => {
    for (let i = 0; i < 2; i++) {
      const app = await startAppHarness({ TAMARA_API_URL: tamara.url, PUBLIC_URL: 'https://tamara.shop.example' });
      await app.close();
    }
    const res = await fetch(`${tamara.url}/webhooks`, { headers: { authorization: `Bearer ${TEST_TAMARA_TOKEN}` } });
    const list = (await res.json()) as Array<{ url: string }> | { webhooks?: Array<{ url: string }> };
    const hooks = Array.isArray(list) ? list : (list.webhooks ?? []);
    expect(hooks.filter((w) => w.url === 'https://tamara.shop.example/webhooks/tamara')).toHaveLength(1);
    const registrations = tamara.calls().filter((c) => c.route === 'webhooks' && c.method === 'POST');
    expect(registrations).toHaveLength(2);
    expect(registrations[1].status).not.toBe(200); // the second answer was webhook_already_registered
  });
});
