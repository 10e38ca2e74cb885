import { createHash } from 'node:crypto';
import type { TamaraNotification } from '../tamara-api.types';
import { canonicalJson } from './canonical-json';

/**
 * Inbox de-duplication key for a webhook (Tamara sends no event id): SHA-256 (hex) over order_id,
 * event_type, the transaction id in `data` (capture_id, refund_id or cancel_id) and the canonical
 * body. Two deliveries of the same event collide; two refunds of the same amount do not.
 */
export function notificationDedupeKey(notification: TamaraNotification): string {
  const transactionId = ['capture_id', 'refund_id', 'cancel_id']
    .map((key) => notification.data[key])
    .find((v): v is string => typeof v === 'string' && v !== '');
  const material = JSON.stringify([notification.orderId, notification.eventType, transactionId ?? '', canonicalJson(notification)]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}
