import { z } from 'zod';

/** `GET /merchants/customer/id-verification-status` → `{ is_id_verified }`. */
export const idVerificationResponseSchema = z
  .object({ is_id_verified: z.boolean() })
  .transform((wire): boolean => wire.is_id_verified);
