import { isPaid, PaymentLinkStatus, UNPAID_FINAL_STATUSES } from './payment-link-status';

/** Position along the paid path; later never goes back to earlier. */
const PROGRESS: Record<PaymentLinkStatus, number> = {
  requested: 0,
  new: 1,
  approved: 2,
  authorised: 3,
  fully_captured: 4,
  partially_refunded: 5,
  fully_refunded: 6,
  declined: -1,
  expired: -1,
  voided: -1,
  failed: -1,
};

export type TransitionDecision =
  | { apply: true }
  | { apply: false; reason: 'same_status' | 'regression' | 'final' };

/**
 * Whether an observed status may replace the current one (P6: monotonic).
 * - Along the paid path only forward moves apply; a late "approved" after "fully_captured" is a no-op.
 * - An unpaid ending (declined/expired/voided) applies only to a live link: a late "expired" can never
 *   undo a capture (mollie #668).
 * - A paid status observed on a link we had closed as unpaid applies: Tamara holds the customer's
 *   money, and hiding it would lose a payment. It is logged as such by the caller.
 * - Our own "failed" (Tamara refused the create) yields to anything Tamara later shows for the order.
 */
export function decideTransition(current: PaymentLinkStatus, observed: PaymentLinkStatus): TransitionDecision {
  if (current === observed) return { apply: false, reason: 'same_status' };
  const currentUnpaidFinal = UNPAID_FINAL_STATUSES.includes(current);
  if (current === 'failed') return { apply: true };
  if (isPaid(observed)) {
    if (currentUnpaidFinal) return { apply: true };
    return PROGRESS[observed] > PROGRESS[current] ? { apply: true } : { apply: false, reason: 'regression' };
  }
  if (UNPAID_FINAL_STATUSES.includes(observed)) {
    if (currentUnpaidFinal) return { apply: false, reason: 'final' };
    return isPaid(current) ? { apply: false, reason: 'regression' } : { apply: true };
  }
  // observed is live (new/approved/authorised)
  if (currentUnpaidFinal) return { apply: false, reason: 'final' };
  return PROGRESS[observed] > PROGRESS[current] ? { apply: true } : { apply: false, reason: 'regression' };
}
