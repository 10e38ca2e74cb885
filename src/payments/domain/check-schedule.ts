import { isLive, PaymentLinkStatus } from './payment-link-status';

export interface CheckScheduleSettings {
  pollIntervalSeconds: number;
  expiryGraceSeconds: number;
}

const MAX_BACKOFF_SECONDS = 15 * 60;

/**
 * When the reconciler should next read a link from Tamara (P5: polling is the safety net).
 * - requested: soon, to resolve an unknown create by lookup.
 * - live before expiry: every poll interval (Tamara's guide: 5–10 s).
 * - live after expiry: one final check at expiry + grace; a link still live after that is
 *   re-checked with a growing back-off (and reported as overdue) instead of being declared
 *   expired by our own clock — only Tamara decides that.
 * - anything else: never.
 */
export function nextCheckAt(
  status: PaymentLinkStatus,
  now: Date,
  expiresAt: Date | null,
  overdueChecks: number,
  settings: CheckScheduleSettings,
): Date | null {
  if (status === 'requested') return new Date(now.getTime() + 5_000);
  if (!isLive(status)) return null;
  const poll = new Date(now.getTime() + settings.pollIntervalSeconds * 1000);
  if (!expiresAt) return poll;
  const finalCheck = new Date(expiresAt.getTime() + settings.expiryGraceSeconds * 1000);
  if (poll.getTime() < finalCheck.getTime() && now.getTime() < expiresAt.getTime()) {
    return poll.getTime() > expiresAt.getTime() ? finalCheck : poll;
  }
  if (now.getTime() < finalCheck.getTime()) return finalCheck;
  const backoff = Math.min(MAX_BACKOFF_SECONDS, 30 * 2 ** Math.min(overdueChecks, 10));
  return new Date(now.getTime() + backoff * 1000);
}
