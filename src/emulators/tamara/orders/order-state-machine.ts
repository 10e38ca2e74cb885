import type { OrderStatus } from './order.model';

/**
 * Tamara's in-store status flow: new → fully_captured → partially_refunded → fully_refunded,
 * or new → declined / expired (/ canceled when voids cancel). No transition goes backwards.
 */
const ALLOWED: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['fully_captured', 'declined', 'expired', 'canceled'],
  fully_captured: ['partially_refunded', 'fully_refunded'],
  partially_refunded: ['partially_refunded', 'fully_refunded'],
  fully_refunded: [],
  declined: [],
  expired: [],
  canceled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isPaid(status: OrderStatus): boolean {
  return status === 'fully_captured' || status === 'partially_refunded' || status === 'fully_refunded';
}

