import { z } from 'zod';
import type { SimplifiedRefundResult } from '../tamara-api.types';
import { idSchema, optionalTextSchema, tamaraMoneySchema } from './tamara-money.schema';

/** `POST /payments/simplified-refund/{order_id}` → `{ order_id, refund_id, capture_id, status, refunded_amount, comment }`. */
export const simplifiedRefundResponseSchema = z
  .object({
    order_id: idSchema,
    refund_id: idSchema,
    capture_id: optionalTextSchema,
    status: z.string().min(1),
    refunded_amount: tamaraMoneySchema.nullish(),
    comment: optionalTextSchema,
  })
  .transform(
    (wire): SimplifiedRefundResult => ({
      orderId: wire.order_id,
      refundId: wire.refund_id,
      status: wire.status,
      ...(wire.capture_id !== undefined ? { captureId: wire.capture_id } : {}),
      ...(wire.refunded_amount ? { refundedAmount: wire.refunded_amount } : {}),
      ...(wire.comment !== undefined ? { comment: wire.comment } : {}),
    }),
  );
