import { AppConfig, loadConfig } from '../../src/config/app-config';

export const TEST_API_KEY = 'test-api-key-0123456789abcdef';
export const TEST_TAMARA_TOKEN = 'test-tamara-api-token-abcdef';
export const TEST_NOTIFICATION_TOKEN = 'test-notification-token-0123456789';

/** A valid configuration for tests; anything can be overridden as environment-variable text. */
export function testConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    TAMARA_API_URL: 'http://127.0.0.1:9',
    TAMARA_API_TOKEN: TEST_TAMARA_TOKEN,
    TAMARA_NOTIFICATION_TOKEN: TEST_NOTIFICATION_TOKEN,
    CONNECTOR_API_KEYS: TEST_API_KEY,
    TAMARA_STORE_CODE: 'RUH-01',
    TAMARA_TIMEOUT_MS: '2000',
    ...overrides,
  });
}
