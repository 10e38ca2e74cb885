import { OutboundRateLimiter } from '../../../src/tamara/outbound-rate-limiter';
import { VirtualTime } from './support/virtual-time';

function limiterOn(time: VirtualTime, requestsPerSecond: number, burst: number) {
  return new OutboundRateLimiter({ requestsPerSecond, burst, clock: time.clock, sleep: time.sleep });
}

/** Starts `count` concurrent acquires; records when each is granted, in ms after the call. */
function acquireAll(limiter: OutboundRateLimiter, time: VirtualTime, count: number): number[] {
  const start = time.now;
  const grantedAt: number[] = [];
  for (let i = 0; i < count; i++) {
    void limiter.acquire().then(() => grantedAt.push(time.now - start));
  }
  return grantedAt;
}

describe('OutboundRateLimiter', () => {
  let time: VirtualTime;

  beforeEach(() => {
    time = new VirtualTime();
  });

  it('lets a burst through at once, then paces at requestsPerSecond', async () => {
    const limiter = limiterOn(time, 5, 2);

    const granted = acquireAll(limiter, time, 6);
    await time.advance(2000);

    expect(granted).toEqual([0, 0, 200, 400, 600, 800]);
  });

  it('refills while idle, but never beyond the burst', async () => {
    const limiter = limiterOn(time, 10, 3);
    acquireAll(limiter, time, 4);
    await time.advance(10_000);

    const granted = acquireAll(limiter, time, 5);
    await time.advance(1000);

    expect(granted).toEqual([0, 0, 0, 100, 200]);
  });

  it('pauses every caller after a 429 and resumes paced, from an empty bucket', async () => {
    const limiter = limiterOn(time, 10, 2);
    const granted = acquireAll(limiter, time, 4); // slots 0, 0, 100, 200
    await time.advance(50);
    expect(granted).toEqual([0, 0]);

    limiter.pauseFor(3000); // Tamara said Retry-After: 3 at t=50
    expect(limiter.pauseRemainingMs()).toBe(3000);
    await time.advance(5000);

    expect(granted).toEqual([0, 0, 3050, 3150]);
    expect(limiter.pauseRemainingMs()).toBe(0);
  });

  it('holds new callers during a pause', async () => {
    const limiter = limiterOn(time, 10, 2);
    limiter.pauseFor(2000);

    const granted = acquireAll(limiter, time, 1);
    await time.advance(1999);
    expect(granted).toEqual([]);
    await time.advance(1);
    expect(granted).toEqual([2000]);
  });

  it('keeps the longer of two overlapping pauses', async () => {
    const limiter = limiterOn(time, 10, 1);
    limiter.pauseFor(5000);
    limiter.pauseFor(1000);

    expect(limiter.pauseRemainingMs()).toBe(5000);
  });

  it('caps a pause at maxPauseMs', () => {
    const limiter = new OutboundRateLimiter({ requestsPerSecond: 1, maxPauseMs: 60_000, clock: time.clock, sleep: time.sleep });
    limiter.pauseFor(3_600_000);

    expect(limiter.pauseRemainingMs()).toBe(60_000);
  });

  it('refuses, without using a slot, when the wait would exceed maxWaitMs', async () => {
    const limiter = limiterOn(time, 10, 1);
    limiter.pauseFor(30_000);

    await expect(limiter.acquire(10_000)).resolves.toEqual({ acquired: false, retryAfterMs: 30_000 });

    const granted = acquireAll(limiter, time, 1);
    await time.advance(30_000);
    expect(granted).toEqual([30_000]);
  });

  it('rejects a non-positive rate or burst', () => {
    expect(() => new OutboundRateLimiter({ requestsPerSecond: 0 })).toThrow(RangeError);
    expect(() => new OutboundRateLimiter({ requestsPerSecond: 1, burst: 0 })).toThrow(RangeError);
  });
});
