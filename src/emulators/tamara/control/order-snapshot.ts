import { toPlainJson } from '../http/json-codec';
import { orderDetailsView } from '../orders/order-details.view';
import type { EmulatedOrder } from '../orders/order.model';

/** `{amount, currency}` as plain JSON (the number is parsed from the exact decimal text). */
export interface WireMoney {
  amount: number;
  currency: string;
}

/**
 * What the control API and the programmatic API show of an order: the Get Order body plus the
 * emulator's own bookkeeping (checkout id, link, expiry, status history).
 */
export interface EmulatorOrderSnapshot {
  order_id: string;
  checkout_id: string;
  checkout_deeplink: string;
  order_reference_id: string;
  order_number: string;
  status: string;
  store_code: string;
  total_amount: WireMoney;
  captured_amount: WireMoney;
  refunded_amount: WireMoney;
  canceled_amount: WireMoney;
  paid_amount: WireMoney;
  created_at: string;
  expires_at: string;
  transactions: {
    captures: { capture_id: string; total_amount: WireMoney; refunded_amount: WireMoney; created_at: string }[];
    refunds: { refund_id: string; capture_id: string; total_amount: WireMoney; comment: string; merchant_refund_id: string | null; created_at: string }[];
    cancels: { cancel_id: string; total_amount: WireMoney; created_at: string }[];
  };
  status_history: { status: string; at: string; cause: string }[];
  [field: string]: unknown;
}

export function orderSnapshot(order: EmulatedOrder, merchantId: string): EmulatorOrderSnapshot {
  const details = toPlainJson(orderDetailsView(order, merchantId)) as Record<string, unknown>;
  return {
    ...details,
    checkout_id: order.checkoutId,
    checkout_deeplink: order.checkoutDeeplink,
    expires_at: order.expiresAt.toISOString(),
    status_history: order.statusHistory.map((entry) => ({ status: entry.status, at: entry.at.toISOString(), cause: entry.cause })),
  } as EmulatorOrderSnapshot;
}
