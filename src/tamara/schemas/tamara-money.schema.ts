import { z } from 'zod';
import { Money } from '../../shared/money/money';

/**
 * Tamara's `{ amount, currency }`. Amounts arrive as JSON numbers (300, 300.00, 1.0) or numeric
 * strings ("100.00"); both are read by their decimal text and rounded to the currency's scale.
 */
export const tamaraMoneySchema = z
  .object({ amount: z.union([z.number(), z.string()]), currency: z.string() })
  .transform((wire, ctx): Money => {
    try {
      return Money.rounded(wire.amount, wire.currency);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not an amount in a currency Tamara supports' });
      return z.NEVER;
    }
  });

/** Optional text: null, missing and "" all become undefined. */
export const optionalTextSchema = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : v));

export const idSchema = z.string().min(1);
