import { z } from 'zod';
import type { InStoreSession } from '../tamara-api.types';
import { idSchema, optionalTextSchema } from './tamara-money.schema';

/** `POST /checkout/in-store-session` → `{ checkout_id, order_id, checkout_deeplink }`. */
export const inStoreSessionResponseSchema = z
  .object({ checkout_id: idSchema, order_id: idSchema, checkout_deeplink: optionalTextSchema })
  .transform(
    (wire): InStoreSession => ({
      orderId: wire.order_id,
      checkoutId: wire.checkout_id,
      ...(wire.checkout_deeplink !== undefined ? { checkoutDeeplink: wire.checkout_deeplink } : {}),
    }),
  );
