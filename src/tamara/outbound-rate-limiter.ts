import { Clock, SystemClock } from '../shared/time/clock';
import { Sleep, realSleep } from './sleep';

export interface OutboundRateLimiterOptions {
  requestsPerSecond: number;
  /** Calls allowed back to back before pacing starts. Default 2. */
  burst?: number;
  /** Upper bound on one 429 pause, whatever Retry-After says. Default 5 minutes. */
  maxPauseMs?: number;
  clock?: Clock;
  sleep?: Sleep;
}

export type RatePermit = { acquired: true; waitedMs: number } | { acquired: false; retryAfterMs: number };

/**
 * Paces every outbound Tamara call: a token bucket (kept as a "theoretical arrival time", GCRA)
 * at `requestsPerSecond` with a small burst, plus a shared pause that a 429 sets for all callers.
 *
 * Each `acquire` reserves its slot synchronously, so concurrent callers are ordered and paced
 * deterministically; a caller that was already waiting when a pause started queues again behind it.
 */
export class OutboundRateLimiter {
  private readonly intervalMs: number;
  private readonly burstToleranceMs: number;
  private readonly maxPauseMs: number;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private theoreticalArrivalMs = Number.NEGATIVE_INFINITY;
  private pausedUntilMs = Number.NEGATIVE_INFINITY;

  constructor(options: OutboundRateLimiterOptions) {
    const { requestsPerSecond } = options;
    if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0) {
      throw new RangeError('requestsPerSecond must be a positive number');
    }
    const burst = options.burst ?? 2;
    if (!Number.isInteger(burst) || burst < 1) throw new RangeError('burst must be a positive integer');
    this.intervalMs = 1000 / requestsPerSecond;
    this.burstToleranceMs = (burst - 1) * this.intervalMs;
    this.maxPauseMs = options.maxPauseMs ?? 300_000;
    this.clock = options.clock ?? new SystemClock();
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Resolves when the caller may send. Refuses (without using a slot) when the wait would exceed
   * `maxWaitMs`, so a long Tamara pause surfaces as "rate limited" instead of a hung request.
   */
  async acquire(maxWaitMs = Number.POSITIVE_INFINITY): Promise<RatePermit> {
    const startedMs = this.nowMs();
    const deadlineMs = startedMs + maxWaitMs;
    for (;;) {
      const nowMs = this.nowMs();
      const slotMs = Math.max(nowMs, this.theoreticalArrivalMs - this.burstToleranceMs, this.pausedUntilMs);
      if (slotMs > deadlineMs) return { acquired: false, retryAfterMs: slotMs - nowMs };
      this.theoreticalArrivalMs = Math.max(this.theoreticalArrivalMs, slotMs) + this.intervalMs;
      if (slotMs > nowMs) await this.sleep(slotMs - nowMs);
      if (this.pausedUntilMs <= this.nowMs()) return { acquired: true, waitedMs: this.nowMs() - startedMs };
      // A 429 arrived while we slept: queue again behind the pause.
    }
  }

  /** Called on a 429: nobody sends until `retryAfterMs` from now; pacing restarts from an empty bucket. */
  pauseFor(retryAfterMs: number): void {
    const pauseMs = Math.min(Math.max(0, retryAfterMs), this.maxPauseMs);
    this.pausedUntilMs = Math.max(this.pausedUntilMs, this.nowMs() + pauseMs);
    this.theoreticalArrivalMs = Math.max(this.theoreticalArrivalMs, this.pausedUntilMs + this.burstToleranceMs);
  }

  /** Milliseconds until the current 429 pause ends (0 when not paused). */
  pauseRemainingMs(): number {
    return Math.max(0, this.pausedUntilMs - this.nowMs());
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}
