import { assertServiceSecrets, ConfigError, loadConfig } from '../../../src/config/app-config';

describe('loadConfig', () => {
  it('applies the defaults from config/defaults.env', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.tamara.apiUrl).toBe('https://api-sandbox.tamara.co');
    expect(config.tamara.linkExpiryMinutes).toBe(15);
    expect(config.database.url).toBeUndefined();
  });

  it('lists every wrong value at once, by variable name', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', RECONCILE_POLL_INTERVAL_SECONDS: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      expect(text).toContain('PORT');
      expect(text).toContain('LOG_LEVEL');
      expect(text).toContain('RECONCILE_POLL_INTERVAL_SECONDS');
    }
  });

  it('refuses a Tamara URL that is neither Tamara nor a loopback emulator, and incomplete Odoo settings', () => {
    expect(() => loadConfig({ TAMARA_API_URL: 'https://evil.example.com' })).toThrow(/TAMARA_API_URL must be/);
    expect(() => loadConfig({ ODOO_URL: 'https://odoo.example.com' })).toThrow(/ODOO_API_KEY is required when ODOO_URL is set/);
  });

  it('requires an https PUBLIC_URL, except on loopback (the demo)', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'http://tamara.shop.example' })).toThrow(/PUBLIC_URL must use https/);
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000' }).http.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('requires https for a remote Odoo (its API key travels with every call), unless explicitly allowed', () => {
    const odoo = { ODOO_DB: 'db', ODOO_USERNAME: 'bot', ODOO_API_KEY: 'key' };
    expect(() => loadConfig({ ...odoo, ODOO_URL: 'http://erp.example.com' })).toThrow(/ODOO_URL must use https/);
    expect(loadConfig({ ...odoo, ODOO_URL: 'https://erp.example.com' }).odoo.url).toBe('https://erp.example.com');
    expect(loadConfig({ ...odoo, ODOO_URL: 'http://127.0.0.1:8069' }).odooConfigured).toBe(true);
    expect(loadConfig({ ...odoo, ODOO_URL: 'http://10.0.0.5:8069', ODOO_ALLOW_INSECURE_URL: 'true' }).odoo.url).toBe('http://10.0.0.5:8069');
  });

  it('accepts loopback emulator URLs and strips whitespace from pasted tokens', () => {
    const config = loadConfig({ TAMARA_API_URL: 'http://127.0.0.1:4010/', TAMARA_API_TOKEN: ' abc\ndef ' });
    expect(config.tamara.apiUrl).toBe('http://127.0.0.1:4010');
    expect(config.tamara.apiToken).toBe('abcdef');
  });

  it('refuses to start the service without a notification token (no fail-open webhooks)', () => {
    const config = loadConfig({ TAMARA_API_TOKEN: 'x'.repeat(20), CONNECTOR_API_KEYS: 'k'.repeat(20) });
    expect(() => assertServiceSecrets(config)).toThrow(/TAMARA_NOTIFICATION_TOKEN is required/);
  });

  it('accepts current and previous notification tokens for rotation', () => {
    const config = loadConfig({ TAMARA_NOTIFICATION_TOKEN: 'new-token', TAMARA_NOTIFICATION_TOKEN_PREVIOUS: 'old-token' });
    expect(config.tamara.notificationTokens).toEqual(['new-token', 'old-token']);
  });
});
