/**
 * The emulator's "now": a source clock plus an offset that tests move forward. Everything the
 * emulated Tamara does (order creation, expiry, capture times, webhook JWT `iat`) reads this
 * clock, so expiry can be tested without waiting in real time.
 */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(private readonly source: () => Date) {}

  now(): Date {
    return new Date(this.source().getTime() + this.offsetMs);
  }

  /** Moves time forward; time never goes backwards, like Tamara's status machine. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`clock can only move forward (got ${seconds} s)`);
    this.offsetMs += Math.round(seconds * 1000);
  }

  offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

