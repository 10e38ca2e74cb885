import type { TamaraMoney } from '../money/tamara-money';
import type { InStoreSessionRequest } from '../validation/in-store-session.request';

/** Statuses an in-store (payment link) order can have. `canceled` only when voids are configured to cancel. */
export const ORDER_STATUSES = ['new', 'declined', 'expired', 'canceled', 'fully_captured', 'partially_refunded', 'fully_refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface CaptureTransaction {
  captureId: string;
  totalAmount: TamaraMoney;
  taxAmount: TamaraMoney;
  shippingAmount: TamaraMoney;
  discountAmount: TamaraMoney;
  /** Cumulative amount refunded against this capture. */
  refundedAmount: TamaraMoney;
  createdAt: Date;
}

export interface RefundTransaction {
  refundId: string;
  captureId: string;
  totalAmount: TamaraMoney;
  comment: string;
  merchantRefundId: string | null;
  createdAt: Date;
}

export interface CancelTransaction {
  cancelId: string;
  totalAmount: TamaraMoney;
  createdAt: Date;
}

export interface DeclineDetails {
  declinedReason: string;
  declinedCode: string;
  declineType: string;
}

/** What the customer told Tamara at checkout (the in-store request carries only the phone and e-mail). */
export interface ConsumerDetails {
  firstName: string;
  lastName: string;
  email: string;
  /** `966…` form, as Tamara echoes phones back. */
  phoneNumber: string;
  nationalId: string;
  dateOfBirth: string | null;
}

export interface EmulatedOrder {
  readonly orderId: string;
  readonly checkoutId: string;
  readonly request: InStoreSessionRequest;
  readonly checkoutDeeplink: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** Updatable through `PUT /orders/{id}/reference-id`. */
  orderReferenceId: string;
  status: OrderStatus;
  consumer: ConsumerDetails;
  instalments: number | null;
  paidAmount: TamaraMoney;
  captures: CaptureTransaction[];
  refunds: RefundTransaction[];
  cancels: CancelTransaction[];
  decline: DeclineDetails | undefined;
  statusHistory: { status: OrderStatus; at: Date; cause: string }[];
}

export function orderNumberOf(order: EmulatedOrder): string {
  // Tamara falls back to the reference id when no order number was sent.
  return order.request.orderNumber ?? order.orderReferenceId;
}
