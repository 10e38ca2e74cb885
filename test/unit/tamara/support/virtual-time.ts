import { Clock } from '../../../../src/shared/time/clock';
import type { Sleep } from '../../../../src/tamara/sleep';

export const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);

export class ManualClock extends Clock {
  constructor(public ms: number = T0) {
    super();
  }
  now(): Date {
    return new Date(this.ms);
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A scheduler over a manual clock: `sleep` registers a timer, `advance` moves time and fires due
 * timers in order. For code with several concurrent waiters (rate limiter).
 */
export class VirtualTime {
  readonly clock = new ManualClock();
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;

  readonly sleep: Sleep = (ms) =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.clock.ms + Math.max(0, ms), seq: this.seq++, resolve });
    });

  get now(): number {
    return this.clock.ms;
  }

  async advance(ms: number): Promise<void> {
    const target = this.clock.ms + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.clock.ms = due.at;
      due.resolve();
    }
    this.clock.ms = target;
    await flush();
  }
}

/**
 * Time that jumps forward whenever someone sleeps: for one caller at a time (HTTP client tests),
 * so backoffs and Retry-After waits cost nothing and are recorded.
 */
export class JumpingTime {
  readonly clock = new ManualClock();
  readonly sleeps: number[] = [];
  readonly sleep: Sleep = async (ms) => {
    this.sleeps.push(ms);
    this.clock.ms += Math.max(0, ms);
  };

  get sleptMs(): number {
    return this.sleeps.reduce((a, b) => a + b, 0);
  }
}
