import { OdooError } from './odoo-error';

export interface OdooRetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_ODOO_RETRY_POLICY: OdooRetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * Methods that change nothing, so repeating them after a timeout or a serialization failure is
 * safe. Everything else (create, write, action_*, message_post, wizards) is never repeated by the
 * client: a timeout may hide a success, and the caller must look for its idempotency marker first.
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'search_read',
  'read',
  'search',
  'search_count',
  'fields_get',
  'name_search',
  'context_get',
]);

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>;
  /** [0, 1); injectable so tests get exact delays. */
  random: () => number;
  onRetry?: (error: OdooError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with a kind that is not transient, or the policy is
 * exhausted. Only `idempotent` work is repeated. Backoff is exponential with full jitter so that
 * several replicas do not hammer a recovering Odoo in step.
 */
export async function withOdooRetries<T>(
  run: (attempt: number) => Promise<T>,
  idempotent: boolean,
  policy: OdooRetryPolicy,
  hooks: RetryHooks,
): Promise<T> {
  const maxAttempts = idempotent ? Math.max(1, policy.maxAttempts) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (!(error instanceof OdooError)) throw error;
      if (!error.retryable || attempt >= maxAttempts) throw error.withDetails({ attempts: attempt });
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.floor(hooks.random() * ceiling);
      hooks.onRetry?.(error, attempt, delayMs);
      await hooks.sleep(delayMs);
    }
  }
}
