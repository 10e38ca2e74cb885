import type { Clock } from '../shared/time/clock';
import type { OutboundRateLimiter } from './outbound-rate-limiter';
import type { Sleep } from './sleep';

/**
 * Structured log sink. A Nest `Logger` or a pino logger fits. Entries never contain the API token,
 * URLs with query strings, bodies, or an unmasked phone number.
 */
export interface TamaraClientLogger {
  debug(entry: Record<string, unknown>): void;
  warn(entry: Record<string, unknown>): void;
}

export interface TamaraHttpClientOptions {
  /** https://api.tamara.co or https://api-sandbox.tamara.co (or an emulator in tests). */
  baseUrl: string;
  apiToken: string;
  /** Per attempt. */
  timeoutMs: number;
  requestsPerSecond: number;
  logger?: TamaraClientLogger;

  /** Share one limiter between clients; by default each client builds its own. */
  rateLimiter?: OutboundRateLimiter;
  burst?: number;
  /** Longest a call waits for a rate-limit slot before failing as rate_limited. Default 20 s. */
  maxRateLimitWaitMs?: number;
  /** Total attempts for a read. Default 3. */
  readAttempts?: number;
  /** Retries of a write after a 429. Default 2. */
  writeRateLimitRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Largest response body accepted. Default 2 MiB. */
  maxResponseBytes?: number;
  userAgent?: string;

  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
}

export const DEFAULT_USER_AGENT = 'tamara-odoo-connector/0.1.0 (Tamara in-store payment connector for Odoo)';
