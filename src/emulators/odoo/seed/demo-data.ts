import { create, write } from '../orm/crud';
import type { Env } from '../orm/model-types';
import { createApiKey } from '../models/res-users';

/**
 * The shop data of the transcripts, for demos and behaviour tests: the three customers (ids 7, 8,
 * 9: international number, local number without country, mobile only), the consumable and the
 * service product (ids 1, 2, both with the 15 % tax), and KWD activated next to SAR.
 */
export function seedDemoData(env: Env): void {
  create(env, 'res.partner', [
    { name: 'Tamara Test Customer', phone: '+966 51 234 5678', ...(env.profile.hasPartnerMobile ? { mobile: '+966 51 234 5678' } : {}), email: 'customer@example.com', country_id: 192 },
    { name: 'Local Format Customer', phone: '051 234 5678' },
    env.profile.hasPartnerMobile
      ? { name: 'Mobile Only Customer', mobile: '0551234567', country_id: 192 }
      : { name: 'Mobile Only Customer', phone: '0551234567', country_id: 192 },
  ]);
  create(env, 'product.product', [
    { name: 'Tamara Test Product', list_price: 99.99, type: 'consu', invoice_policy: 'order', taxes_id: [[6, 0, [1]]], default_code: 'TMR-TEST' },
    { name: 'Tamara Test Service', list_price: 10, type: 'service', taxes_id: [[6, 0, [1]]] },
  ]);
  write(env, 'res.currency', [93], { active: true });
}

/** The admin's API key (the connector's credential), created as the web identity-check flow would. */
export function seedAdminApiKey(env: Env, key: string): void {
  createApiKey(env, 2, 'Odoo emulator key', '0');
  const row = env.store.all('res.users.apikeys').at(-1);
  if (row) env.store.update('res.users.apikeys', row.id, { _key: key });
}
