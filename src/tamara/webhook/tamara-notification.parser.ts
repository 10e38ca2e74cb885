import { z } from 'zod';
import type { TamaraNotification } from '../tamara-api.types';

export type NotificationParseResult =
  | { ok: true; notification: TamaraNotification }
  | { ok: false; reason: 'invalid_notification'; fields: string[] };

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : v));

// Tamara (PHP) encodes "no data" as an empty JSON array.
const dataSchema = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown()).length(0)])
  .nullish()
  .transform((v): Record<string, unknown> => (v === null || v === undefined || Array.isArray(v) ? {} : v));

const notificationSchema = z.object({
  order_id: z.guid(),
  order_reference_id: optionalText,
  order_number: optionalText,
  event_type: z.string().min(1),
  data: dataSchema,
});

/**
 * Validates a webhook body into a `TamaraNotification`. Unknown `event_type` values pass through
 * unchanged (Tamara adds events; the caller decides to ignore them). Errors list field paths only,
 * never values.
 */
export function parseTamaraNotification(body: unknown): NotificationParseResult {
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid_notification', fields: parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)') };
  }
  const wire = parsed.data;
  return {
    ok: true,
    notification: {
      orderId: wire.order_id,
      eventType: wire.event_type,
      data: wire.data,
      ...(wire.order_reference_id !== undefined ? { orderReferenceId: wire.order_reference_id } : {}),
      ...(wire.order_number !== undefined ? { orderNumber: wire.order_number } : {}),
    },
  };
}
