import type { TamaraMoney } from '../money/tamara-money';

/** Webhook event types the emulated in-store flow emits. */
export type OrderEventType = 'order_approved' | 'order_declined' | 'order_expired' | 'order_canceled' | 'order_captured' | 'order_refunded';

/**
 * Something that happened to an order, in the words of Tamara's webhook payload. `data` is an
 * empty ARRAY (PHP's empty `[]`) when the event carries nothing, exactly as Tamara sends it.
 */
export interface OrderEvent {
  eventType: OrderEventType;
  orderId: string;
  orderReferenceId: string;
  orderNumber: string;
  data: Record<string, string | TamaraMoney> | [];
  occurredAt: Date;
}

/** The notification body: `{order_id, order_reference_id, order_number, event_type, data}`. */
export function webhookPayloadOf(event: OrderEvent): Record<string, unknown> {
  return {
    order_id: event.orderId,
    order_reference_id: event.orderReferenceId,
    order_number: event.orderNumber,
    event_type: event.eventType,
    data: event.data,
  };
}
