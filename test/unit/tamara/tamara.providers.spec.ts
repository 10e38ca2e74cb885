import { Test } from '@nestjs/testing';
import { HttpModule } from '@nestjs/axios';
import { AppConfig } from '../../../src/config/app-config';
import { TamaraApi } from '../../../src/tamara/tamara-api.port';
import { TamaraHttpClient } from '../../../src/tamara/tamara-http.client';
import { tamaraApiProvider, tamaraNotificationVerifierProvider } from '../../../src/tamara/tamara.providers';
import { TamaraNotificationVerifier } from '../../../src/tamara/webhook/tamara-notification.verifier';
import { StubTamaraServer } from './support/stub-tamara-server';

function configWith(tamara: Partial<AppConfig['tamara']>): AppConfig {
  return { tamara: { apiUrl: 'https://api-sandbox.tamara.co', timeoutMs: 1000, requestsPerSecond: 5, notificationTokens: [], ...tamara } } as AppConfig;
}

async function compile(config: AppConfig, provider: typeof tamaraApiProvider) {
  return Test.createTestingModule({ imports: [HttpModule], providers: [provider, { provide: AppConfig, useValue: config }] }).compile();
}

describe('Tamara Nest providers', () => {
  it('provides TamaraApi as the HTTP client over Nest’s HttpService', async () => {
    const tamara = await StubTamaraServer.start();
    try {
      tamara.queue({ status: 200, body: { is_id_verified: true } });
      const moduleRef = await compile(configWith({ apiUrl: tamara.baseUrl, apiToken: 'token-abc-123' }), tamaraApiProvider);

      const api = moduleRef.get(TamaraApi);

      expect(api).toBeInstanceOf(TamaraHttpClient);
      await expect(api.isCustomerIdVerified('966512345678', 'SA')).resolves.toBe(true);
      expect(tamara.requests[0].headers.authorization).toBe('Bearer token-abc-123');
    } finally {
      await tamara.close();
    }
  });

  it('refuses to build the client without an API token', async () => {
    await expect(compile(configWith({}), tamaraApiProvider)).rejects.toThrow('API token is required');
  });

  it('provides the notification verifier, and refuses to build it without a token', async () => {
    const moduleRef = await compile(configWith({ notificationTokens: ['n-1'] }), tamaraNotificationVerifierProvider);
    expect(moduleRef.get(TamaraNotificationVerifier)).toBeInstanceOf(TamaraNotificationVerifier);

    await expect(compile(configWith({}), tamaraNotificationVerifierProvider)).rejects.toThrow('notification token is required');
  });
});
