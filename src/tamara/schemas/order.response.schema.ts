import { z } from 'zod';
import type { TamaraCapture, TamaraOrder, TamaraRefundTransaction } from '../tamara-api.types';
import { idSchema, optionalTextSchema, tamaraMoneySchema } from './tamara-money.schema';

const captureSchema = z
  .object({ capture_id: idSchema, total_amount: tamaraMoneySchema, created_at: optionalTextSchema })
  .transform(
    (wire): TamaraCapture => ({
      captureId: wire.capture_id,
      totalAmount: wire.total_amount,
      ...(wire.created_at !== undefined ? { createdAt: wire.created_at } : {}),
    }),
  );

const refundSchema = z
  .object({
    refund_id: idSchema,
    capture_id: optionalTextSchema,
    total_amount: tamaraMoneySchema,
    comment: optionalTextSchema,
    merchant_refund_id: z.string().nullish(),
    created_at: optionalTextSchema,
  })
  .transform(
    (wire): TamaraRefundTransaction => ({
      refundId: wire.refund_id,
      totalAmount: wire.total_amount,
      ...(wire.capture_id !== undefined ? { captureId: wire.capture_id } : {}),
      ...(wire.comment !== undefined ? { comment: wire.comment } : {}),
      ...(wire.merchant_refund_id !== undefined ? { merchantRefundId: wire.merchant_refund_id } : {}),
      ...(wire.created_at !== undefined ? { createdAt: wire.created_at } : {}),
    }),
  );

/**
 * Get-order details (`GET /merchants/orders/{id}` and `…/reference-id/{ref}`). Only the fields
 * declared here survive parsing: `consumer`, addresses and everything else personal are dropped
 * at the boundary and never held in memory beyond this call.
 */
export const orderResponseSchema = z
  .object({
    order_id: idSchema,
    order_reference_id: z.string(),
    order_number: optionalTextSchema,
    status: z.string().min(1),
    total_amount: tamaraMoneySchema,
    captured_amount: tamaraMoneySchema,
    refunded_amount: tamaraMoneySchema,
    canceled_amount: tamaraMoneySchema.nullish(),
    paid_amount: tamaraMoneySchema.nullish(),
    store_code: optionalTextSchema,
    created_at: optionalTextSchema,
    transactions: z
      .object({ captures: z.array(captureSchema).nullish(), refunds: z.array(refundSchema).nullish() })
      .nullish(),
  })
  .transform(
    (wire): TamaraOrder => ({
      orderId: wire.order_id,
      orderReferenceId: wire.order_reference_id,
      status: wire.status,
      totalAmount: wire.total_amount,
      capturedAmount: wire.captured_amount,
      refundedAmount: wire.refunded_amount,
      captures: wire.transactions?.captures ?? [],
      refunds: wire.transactions?.refunds ?? [],
      ...(wire.order_number !== undefined ? { orderNumber: wire.order_number } : {}),
      ...(wire.canceled_amount ? { canceledAmount: wire.canceled_amount } : {}),
      ...(wire.paid_amount ? { paidAmount: wire.paid_amount } : {}),
      ...(wire.store_code !== undefined ? { storeCode: wire.store_code } : {}),
      ...(wire.created_at !== undefined ? { createdAt: wire.created_at } : {}),
    }),
  );
