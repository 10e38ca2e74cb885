import { z } from 'zod';

/** `PUT /orders/{order_id}/reference-id` → `{ message }`; nothing in it is used. */
export const updateReferenceResponseSchema = z.object({ message: z.string().nullish() }).transform((): void => undefined);
