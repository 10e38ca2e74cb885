import { JsonNumberText } from '../money/amount-input';
import { TamaraMoney } from '../money/tamara-money';

/**
 * Deep-merges `patch` into `target` (objects merge, everything else replaces); used by the
 * `response_patch` fault. Money merges as `{amount, currency}` with its exact amount text, so
 * `{"captured_amount":{"amount":"abc"}}` keeps the currency.
 */
export function deepMerge(target: unknown, patch: unknown): unknown {
  const base = target instanceof TamaraMoney ? { amount: new JsonNumberText(target.toFixed()), currency: target.currency } : target;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
