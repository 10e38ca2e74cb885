import type { TamaraError } from './tamara-error';

export interface TamaraRetryPolicyOptions {
  /** Total attempts for a read (GET). Default 3. */
  readAttempts?: number;
  /** Extra attempts for a write after a 429 (Tamara did not execute it). Default 2. */
  writeRateLimitRetries?: number;
  /** First backoff step for reads; doubles per attempt. Default 250 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff step. Default 4 s. */
  maxDelayMs?: number;
  /** Uniform [0, 1); injected for deterministic tests. */
  random?: () => number;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * When to send a call again. Reads are safe to repeat; writes are not (Tamara has no idempotency
 * key), so a write is repeated only after a 429, which means Tamara did not execute it.
 * 429 waits are enforced by the shared rate limiter's pause, so here they only add a little jitter
 * to spread the callers that resume together.
 */
export class TamaraRetryPolicy {
  private readonly readAttempts: number;
  private readonly writeRateLimitRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: TamaraRetryPolicyOptions = {}) {
    this.readAttempts = Math.max(1, options.readAttempts ?? 3);
    this.writeRateLimitRetries = Math.max(0, options.writeRateLimitRetries ?? 2);
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 4000;
    this.random = options.random ?? Math.random;
  }

  /** `attempt` is the 1-based number of the attempt that just failed with `error`. */
  decide(isWrite: boolean, attempt: number, error: TamaraError): RetryDecision {
    if (isWrite) {
      if (error.kind !== 'rate_limited' || attempt > this.writeRateLimitRetries) return { retry: false };
      return { retry: true, delayMs: this.jitter(this.baseDelayMs) };
    }
    if (attempt >= this.readAttempts) return { retry: false };
    if (error.kind === 'rate_limited') return { retry: true, delayMs: this.jitter(this.baseDelayMs) };
    if (error.kind === 'unavailable') return { retry: true, delayMs: this.backoff(attempt) };
    return { retry: false };
  }

  /** "Equal jitter": half the exponential step fixed, half random. */
  private backoff(attempt: number): number {
    const step = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + this.random() * (step / 2));
  }

  private jitter(upToMs: number): number {
    return Math.round(this.random() * upToMs);
  }
}
