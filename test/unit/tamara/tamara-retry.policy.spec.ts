import { TamaraError, TamaraErrorKind } from '../../../src/tamara/tamara-error';
import { TamaraRetryPolicy } from '../../../src/tamara/tamara-retry.policy';

const error = (kind: TamaraErrorKind) => new TamaraError(kind, kind);

describe('TamaraRetryPolicy', () => {
  const policy = new TamaraRetryPolicy({ readAttempts: 3, writeRateLimitRetries: 2, baseDelayMs: 100, maxDelayMs: 300, random: () => 1 });

  it.each(['unavailable', 'rate_limited'] as const)('retries a read on %s until the attempts run out', (kind) => {
    expect(policy.decide(false, 1, error(kind)).retry).toBe(true);
    expect(policy.decide(false, 2, error(kind)).retry).toBe(true);
    expect(policy.decide(false, 3, error(kind)).retry).toBe(false);
  });

  it.each(['rejected', 'not_found', 'unauthorized', 'invalid_response', 'outcome_unknown'] as const)('does not retry a read on %s', (kind) => {
    expect(policy.decide(false, 1, error(kind)).retry).toBe(false);
  });

  it.each(['unavailable', 'outcome_unknown', 'rejected', 'invalid_response'] as const)('never retries a write on %s', (kind) => {
    expect(policy.decide(true, 1, error(kind)).retry).toBe(false);
  });

  it('retries a write after 429 at most twice', () => {
    expect(policy.decide(true, 1, error('rate_limited')).retry).toBe(true);
    expect(policy.decide(true, 2, error('rate_limited')).retry).toBe(true);
    expect(policy.decide(true, 3, error('rate_limited')).retry).toBe(false);
  });

  it('backs off exponentially up to the cap', () => {
    const big = new TamaraRetryPolicy({ readAttempts: 10, baseDelayMs: 100, maxDelayMs: 300, random: () => 1 });
    const delays = [1, 2, 3, 4].map((attempt) => {
      const d = big.decide(false, attempt, error('unavailable'));
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([100, 200, 300, 300]);
  });

  it('jitters each backoff between half and the full step', () => {
    const low = new TamaraRetryPolicy({ baseDelayMs: 400, random: () => 0 }).decide(false, 1, error('unavailable'));
    expect(low).toEqual({ retry: true, delayMs: 200 });
  });
});
