import { TamaraMoney } from '../money/tamara-money';
import type { EmulatedOrder } from './order.model';

// Order totals are always derived from the transactions, so they cannot drift apart.

export function capturedAmountOf(order: EmulatedOrder): TamaraMoney {
  return order.captures.reduce((sum, capture) => sum.plus(capture.totalAmount), TamaraMoney.zero(order.request.totalAmount.currency));
}

export function refundedAmountOf(order: EmulatedOrder): TamaraMoney {
  return order.refunds.reduce((sum, refund) => sum.plus(refund.totalAmount), TamaraMoney.zero(order.request.totalAmount.currency));
}

export function canceledAmountOf(order: EmulatedOrder): TamaraMoney {
  return order.cancels.reduce((sum, cancel) => sum.plus(cancel.totalAmount), TamaraMoney.zero(order.request.totalAmount.currency));
}

export function sumItems(order: EmulatedOrder, field: 'taxAmount' | 'discountAmount'): TamaraMoney {
  const zero = TamaraMoney.zero(order.request.totalAmount.currency);
  return order.request.items.reduce((sum, item) => sum.plus(item[field] ?? zero), zero);
}
