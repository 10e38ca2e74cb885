import { z } from 'zod';
import type { VoidCheckoutResult } from '../tamara-api.types';
import { optionalTextSchema, tamaraMoneySchema } from './tamara-money.schema';

/**
 * `POST /checkout/{checkout_id}/void`, flat shape as in Tamara's examples and PHP SDK:
 * `{ order_was_voided, captured_amount, message, store_code }` (the OpenAPI *schema* nests
 * message/store_code in an array; no example or client does).
 */
export const voidCheckoutResponseSchema = z
  .object({
    order_was_voided: z.boolean(),
    message: z.string().nullish(),
    captured_amount: tamaraMoneySchema.nullish(),
    store_code: optionalTextSchema,
  })
  .transform(
    (wire): VoidCheckoutResult => ({
      orderWasVoided: wire.order_was_voided,
      message: wire.message ?? '',
      ...(wire.captured_amount ? { capturedAmount: wire.captured_amount } : {}),
    }),
  );
