import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

// Tokens pasted from a portal often carry a trailing newline or spaces (Tamara's Magento module strips them too).
const secret = optionalText.transform((v) => (v ? v.replace(/\s+/g, '') : undefined));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
  .transform((u) => u.replace(/\/+$/, ''));

/** Every environment variable the connector reads. Described in docs/configuration.md. */
export const envSchema = z
  .object({
    PORT: int(0, 65535),
    DATABASE_URL: optionalText,
    DATA_DIR: z.string().min(1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
    CONNECTOR_API_KEYS: csv,

    TAMARA_API_URL: httpUrl,
    TAMARA_ALLOW_CUSTOM_API_URL: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    TAMARA_API_TOKEN: secret,
    TAMARA_NOTIFICATION_TOKEN: secret,
    TAMARA_NOTIFICATION_TOKEN_PREVIOUS: secret,
    TAMARA_STORE_CODE: optionalText,
    TAMARA_TIMEOUT_MS: int(1000, 120000),
    TAMARA_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000),
    TAMARA_LINK_EXPIRY_MINUTES: int(5, 1440),
    TAMARA_LOCALE: z.enum(['ar_SA', 'en_US']),
    TAMARA_PAYMENT_TYPE: z.enum(['PAY_BY_INSTALMENTS', 'PAY_NOW']),
    TAMARA_DEFAULT_PHONE_COUNTRY: z.enum(['SA', 'AE', 'BH', 'KW', 'OM']),
    LINKS_PER_DOCUMENT_PER_DAY: int(1, 1000),

    RECONCILE_POLL_INTERVAL_SECONDS: int(1, 600),
    RECONCILE_EXPIRY_GRACE_SECONDS: int(0, 3600),
    RECONCILE_BATCH_SIZE: int(1, 1000),
    RECONCILE_LEASE_SECONDS: int(5, 3600),
    WEBHOOK_MAX_BODY_BYTES: int(1024, 10 * 1024 * 1024),

    ODOO_URL: optionalText.pipe(httpUrl.optional()),
    ODOO_DB: optionalText,
    ODOO_USERNAME: optionalText,
    ODOO_API_KEY: secret,
    ODOO_WEBHOOK_TOKEN: secret,
    ODOO_ALLOW_INSECURE_URL: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    ODOO_PROTOCOL: z.enum(['auto', 'jsonrpc', 'json2']),
    ODOO_TIMEOUT_MS: int(1000, 120000),
    ODOO_POLL_INTERVAL_SECONDS: int(1, 3600),
    ODOO_CURSOR_OVERLAP_SECONDS: int(0, 3600),
  })
  .superRefine((env, ctx) => {
    const official = ['https://api.tamara.co', 'https://api-sandbox.tamara.co'];
    const local = isLoopback(env.TAMARA_API_URL);
    if (!official.includes(env.TAMARA_API_URL) && !local && !env.TAMARA_ALLOW_CUSTOM_API_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['TAMARA_API_URL'],
        message: `must be ${official.join(' or ')} (or a loopback emulator URL); set TAMARA_ALLOW_CUSTOM_API_URL=true to override`,
      });
    }
    // Tamara delivers webhooks to HTTPS addresses only.
    if (env.PUBLIC_URL && !env.PUBLIC_URL.startsWith('https://') && !isLoopback(env.PUBLIC_URL)) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must use https:// (Tamara only calls HTTPS webhooks); plain http is accepted for loopback addresses only' });
    }
    // The API key travels in every Odoo call: plain HTTP only on loopback (emulator, same-host Odoo) or by explicit choice.
    if (env.ODOO_URL && !env.ODOO_URL.startsWith('https://') && !isLoopback(env.ODOO_URL) && !env.ODOO_ALLOW_INSECURE_URL) {
      ctx.addIssue({ code: 'custom', path: ['ODOO_URL'], message: 'must use https:// (or a loopback address); set ODOO_ALLOW_INSECURE_URL=true for a trusted private network' });
    }
    if (env.ODOO_URL && (!env.ODOO_DB || !env.ODOO_USERNAME || !env.ODOO_API_KEY)) {
      for (const key of ['ODOO_DB', 'ODOO_USERNAME', 'ODOO_API_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when ODOO_URL is set' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

function isLoopback(url: string): boolean {
  return /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url);
}
