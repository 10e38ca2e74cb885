import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema, Env } from './env.schema';
import type { TamaraCountry } from '../shared/phone/phone-number';

/** The typed configuration tree. Nothing else in the code base reads process.env. */
export class AppConfig {
  constructor(
    readonly http: { port: number; publicUrl?: string; apiKeys: string[]; webhookMaxBodyBytes: number },
    readonly database: { url?: string; dataDir: string },
    readonly log: { level: Env['LOG_LEVEL'] },
    readonly tamara: {
      apiUrl: string;
      apiToken?: string;
      notificationTokens: string[];
      storeCode?: string;
      timeoutMs: number;
      requestsPerSecond: number;
      linkExpiryMinutes: number;
      locale: 'ar_SA' | 'en_US';
      paymentType: 'PAY_BY_INSTALMENTS' | 'PAY_NOW';
      defaultPhoneCountry: TamaraCountry;
      linksPerDocumentPerDay: number;
    },
    readonly reconcile: { pollIntervalSeconds: number; expiryGraceSeconds: number; batchSize: number; leaseSeconds: number },
    readonly odoo: {
      url?: string;
      db?: string;
      username?: string;
      apiKey?: string;
      webhookToken?: string;
      protocol: 'auto' | 'jsonrpc' | 'json2';
      timeoutMs: number;
      pollIntervalSeconds: number;
      cursorOverlapSeconds: number;
    },
  ) {}

  get odooConfigured(): boolean {
    return Boolean(this.odoo.url);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads KEY=VALUE lines (comments and blanks ignored). */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]] = m[2];
  }
  return out;
}

export const DEFAULTS_FILE = join(__dirname, '..', '..', 'config', 'defaults.env');

/** Validates defaults + environment at start; every wrong or missing value is listed at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const merged = { ...readEnvFile(DEFAULTS_FILE), ...stripEmpty(env) };
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`));
  }
  const e = parsed.data;
  return new AppConfig(
    { port: e.PORT, publicUrl: e.PUBLIC_URL, apiKeys: e.CONNECTOR_API_KEYS, webhookMaxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES },
    { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    { level: e.LOG_LEVEL },
    {
      apiUrl: e.TAMARA_API_URL,
      apiToken: e.TAMARA_API_TOKEN,
      notificationTokens: [e.TAMARA_NOTIFICATION_TOKEN, e.TAMARA_NOTIFICATION_TOKEN_PREVIOUS].filter(
        (t): t is string => Boolean(t),
      ),
      storeCode: e.TAMARA_STORE_CODE,
      timeoutMs: e.TAMARA_TIMEOUT_MS,
      requestsPerSecond: e.TAMARA_REQUESTS_PER_SECOND,
      linkExpiryMinutes: e.TAMARA_LINK_EXPIRY_MINUTES,
      locale: e.TAMARA_LOCALE,
      paymentType: e.TAMARA_PAYMENT_TYPE,
      defaultPhoneCountry: e.TAMARA_DEFAULT_PHONE_COUNTRY,
      linksPerDocumentPerDay: e.LINKS_PER_DOCUMENT_PER_DAY,
    },
    {
      pollIntervalSeconds: e.RECONCILE_POLL_INTERVAL_SECONDS,
      expiryGraceSeconds: e.RECONCILE_EXPIRY_GRACE_SECONDS,
      batchSize: e.RECONCILE_BATCH_SIZE,
      leaseSeconds: e.RECONCILE_LEASE_SECONDS,
    },
    {
      url: e.ODOO_URL,
      db: e.ODOO_DB,
      username: e.ODOO_USERNAME,
      apiKey: e.ODOO_API_KEY,
      webhookToken: e.ODOO_WEBHOOK_TOKEN,
      protocol: e.ODOO_PROTOCOL,
      timeoutMs: e.ODOO_TIMEOUT_MS,
      pollIntervalSeconds: e.ODOO_POLL_INTERVAL_SECONDS,
      cursorOverlapSeconds: e.ODOO_CURSOR_OVERLAP_SECONDS,
    },
  );
}

/**
 * What the running service (not a CLI command) additionally requires: the secrets without which
 * it would either fail every Tamara call or accept unauthenticated webhooks.
 */
export function assertServiceSecrets(config: AppConfig): void {
  const problems: string[] = [];
  if (!config.tamara.apiToken) problems.push('TAMARA_API_TOKEN is required (Partners Portal → API Tokens)');
  if (config.tamara.notificationTokens.length === 0) {
    problems.push('TAMARA_NOTIFICATION_TOKEN is required: webhooks cannot be verified without it, so the connector will not start');
  }
  if (config.http.apiKeys.length === 0) {
    problems.push('CONNECTOR_API_KEYS is required (comma-separated keys for the HTTP API)');
  }
  if (config.http.apiKeys.some((k) => k.length < 16)) problems.push('CONNECTOR_API_KEYS entries must be at least 16 characters');
  if (problems.length) throw new ConfigError(problems);
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
