import type { Env } from '../orm/model-types';
import { displayNameOf } from '../orm/field-values';

/**
 * What Odoo fills in on a document line from its product when the caller leaves it out: name,
 * unit price, taxes and unit. Invoice lines and sale order lines name the last two differently.
 */
export function applyProductDefaults(env: Env, vals: Record<string, unknown>, fields: { taxes: string; uom: string }): void {
  const product = typeof vals.product_id === 'number' ? env.store.get('product.product', vals.product_id) : undefined;
  if (!product) return;
  if (vals.name === undefined) vals.name = displayNameOf(env, 'product.product', product.id);
  if (vals.price_unit === undefined) vals.price_unit = Number(product.list_price ?? 0);
  if (vals[fields.taxes] === undefined) vals[fields.taxes] = [[6, 0, (product.taxes_id as number[] | undefined) ?? []]];
  if (vals[fields.uom] === undefined) vals[fields.uom] = product.uom_id ?? false;
}
