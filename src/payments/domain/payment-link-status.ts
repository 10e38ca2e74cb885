/**
 * The life of a payment link, in Tamara's vocabulary plus the connector's own states:
 * - requested: intent committed; the Tamara create call is under way or its outcome is unknown.
 * - new: Tamara created the order and SMSed the link; waiting for the customer.
 * - approved / authorised: Tamara-side intermediate states (not expected in-store, tolerated).
 * - fully_captured: the customer paid; money is Tamara's to settle.
 * - partially_refunded / fully_refunded: after refunds.
 * - declined / expired: Tamara's terminal outcomes without payment.
 * - voided: the connector voided the link before the customer paid.
 * - failed: Tamara refused to create the order (bad input, limits, disabled merchant).
 */
export const PAYMENT_LINK_STATUSES = [
  'requested',
  'new',
  'approved',
  'authorised',
  'fully_captured',
  'partially_refunded',
  'fully_refunded',
  'declined',
  'expired',
  'voided',
  'failed',
] as const;

export type PaymentLinkStatus = (typeof PAYMENT_LINK_STATUSES)[number];

/** A link in one of these states may still change without anybody acting. */
export const LIVE_STATUSES: readonly PaymentLinkStatus[] = ['requested', 'new', 'approved', 'authorised'];

/** States in which money was captured (refunds possible). */
export const PAID_STATUSES: readonly PaymentLinkStatus[] = ['fully_captured', 'partially_refunded', 'fully_refunded'];

/** Ended without payment. */
export const UNPAID_FINAL_STATUSES: readonly PaymentLinkStatus[] = ['declined', 'expired', 'voided', 'failed'];

export function isLive(status: PaymentLinkStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

export function isPaid(status: PaymentLinkStatus): boolean {
  return PAID_STATUSES.includes(status);
}
