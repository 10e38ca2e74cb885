import { decideTransition } from '../../../src/payments/domain/link-transition';
import { mapTamaraStatus } from '../../../src/payments/domain/tamara-status.mapper';
import { buildOrderReferenceId } from '../../../src/payments/domain/order-reference';
import { nextCheckAt } from '../../../src/payments/domain/check-schedule';

describe('decideTransition (P6: monotonic)', () => {
  it('moves forward along the paid path', () => {
    expect(decideTransition('requested', 'new').apply).toBe(true);
    expect(decideTransition('new', 'fully_captured').apply).toBe(true);
    expect(decideTransition('fully_captured', 'partially_refunded').apply).toBe(true);
    expect(decideTransition('partially_refunded', 'fully_refunded').apply).toBe(true);
  });

  it('never moves backwards: a late message is a no-op', () => {
    expect(decideTransition('fully_captured', 'new')).toEqual({ apply: false, reason: 'regression' });
    expect(decideTransition('fully_refunded', 'partially_refunded')).toEqual({ apply: false, reason: 'regression' });
    expect(decideTransition('fully_captured', 'expired')).toEqual({ apply: false, reason: 'regression' });
    expect(decideTransition('partially_refunded', 'declined')).toEqual({ apply: false, reason: 'regression' });
  });

  it('ends a live link without payment, but not an ended one', () => {
    expect(decideTransition('new', 'expired').apply).toBe(true);
    expect(decideTransition('new', 'declined').apply).toBe(true);
    expect(decideTransition('voided', 'expired')).toEqual({ apply: false, reason: 'final' });
    expect(decideTransition('expired', 'new')).toEqual({ apply: false, reason: 'final' });
  });

  it('lets a capture Tamara reports win over our own unpaid ending (money must not be hidden)', () => {
    expect(decideTransition('expired', 'fully_captured').apply).toBe(true);
    expect(decideTransition('failed', 'new').apply).toBe(true);
  });

  it('treats a repeat as a no-op', () => {
    expect(decideTransition('new', 'new')).toEqual({ apply: false, reason: 'same_status' });
  });
});

describe('mapTamaraStatus', () => {
  it('maps every Tamara status and reports unknown ones', () => {
    expect(mapTamaraStatus('fully_captured')).toEqual({ kind: 'known', status: 'fully_captured' });
    expect(mapTamaraStatus('canceled')).toEqual({ kind: 'known', status: 'voided' });
    expect(mapTamaraStatus('expired')).toEqual({ kind: 'known', status: 'expired' });
    expect(mapTamaraStatus('on_hold')).toEqual({ kind: 'unrecognised', raw: 'on_hold' });
  });
});

describe('buildOrderReferenceId', () => {
  it('is the document reference plus the attempt, safe for a URL path', () => {
    expect(buildOrderReferenceId('INV/2026/00001', 1)).toBe('INV-2026-00001-1');
    expect(buildOrderReferenceId('S00001', 3)).toBe('S00001-3');
    expect(buildOrderReferenceId('  POS #17 ', 2)).toBe('POS-17-2');
  });
});

describe('nextCheckAt', () => {
  const settings = { pollIntervalSeconds: 7, expiryGraceSeconds: 60 };
  const now = new Date('2026-11-24T10:00:00Z');
  const expires = new Date('2026-11-24T10:15:00Z');

  it('polls a live link every interval until expiry, then once at expiry + grace', () => {
    expect(nextCheckAt('new', now, expires, 0, settings)).toEqual(new Date('2026-11-24T10:00:07Z'));
    expect(nextCheckAt('new', new Date('2026-11-24T10:14:58Z'), expires, 0, settings)).toEqual(new Date('2026-11-24T10:16:00Z'));
    expect(nextCheckAt('new', new Date('2026-11-24T10:15:30Z'), expires, 0, settings)).toEqual(new Date('2026-11-24T10:16:00Z'));
  });

  it('backs off for a link Tamara still shows live after the final check', () => {
    const late = new Date('2026-11-24T10:16:01Z');
    const first = nextCheckAt('new', late, expires, 1, settings)!;
    const later = nextCheckAt('new', late, expires, 5, settings)!;
    expect(first.getTime()).toBeGreaterThan(late.getTime());
    expect(later.getTime() - late.getTime()).toBeGreaterThan(first.getTime() - late.getTime());
    expect(later.getTime() - late.getTime()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('never polls a link in a final state', () => {
    for (const s of ['fully_captured', 'partially_refunded', 'fully_refunded', 'declined', 'expired', 'voided', 'failed'] as const) {
      expect(nextCheckAt(s, now, expires, 0, settings)).toBeNull();
    }
  });
});
