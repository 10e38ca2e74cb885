import { z } from 'zod';

/**
 * Tamara's error body `{ message, errors: [{ error_code, data }], data, title, screen_type }`.
 * Lenient: any part may be missing on non-envelope bodies (proxies, 5xx pages).
 */
export const errorEnvelopeSchema = z.object({
  message: z.string().nullish().catch(undefined),
  errors: z
    .array(
      z.object({
        error_code: z.string().nullish().catch(undefined),
        data: z.record(z.string(), z.unknown()).nullish().catch(undefined),
      }),
    )
    .nullish()
    .catch(undefined),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
