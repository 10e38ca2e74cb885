import { f } from '../orm/field-builders';
import { storeComputed } from '../orm/crud';
import type { Env, ModelDef, StoredRecord } from '../orm/model-types';
import { sanitizePhone } from './phone-sanitizer';

const INTERNAL_GROUPS = ['User types/Internal User'];

function countryPhoneCode(env: Env, partner: StoredRecord): number | undefined {
  const ownCountry = typeof partner.country_id === 'number' ? partner.country_id : undefined;
  const company = env.store.get('res.company', env.services.settings.companyId);
  const countryId = ownCountry ?? (typeof company?.country_id === 'number' ? company.country_id : undefined);
  const country = countryId !== undefined ? env.store.get('res.country', countryId) : undefined;
  return typeof country?.phone_code === 'number' ? country.phone_code : undefined;
}

/**
 * mail.thread.phone's stored `phone_sanitized`: the first number field that sanitises, mobile
 * before phone (res.partner's `_phone_get_number_fields`), with the partner's country or else the
 * company's (which is how "051 234 5678" without a country became +966512345678).
 */
function recomputePartners(env: Env, ids: readonly number[]): void {
  for (const id of ids) {
    const partner = env.store.get('res.partner', id);
    if (!partner) continue;
    const code = countryPhoneCode(env, partner);
    const numberFields = env.profile.hasPartnerMobile ? ['mobile', 'phone'] : ['phone'];
    let sanitized: string | false = false;
    for (const name of numberFields) {
      const value = partner[name];
      if (typeof value === 'string' && value) sanitized = sanitizePhone(value, code);
      if (sanitized) break;
    }
    const parent = typeof partner.parent_id === 'number' ? env.store.get('res.partner', partner.parent_id) : undefined;
    const name = typeof partner.name === 'string' ? partner.name : '';
    const complete = parent && typeof parent.name === 'string' ? `${parent.name}, ${name}` : name;
    storeComputed(env, 'res.partner', id, { phone_sanitized: sanitized, complete_name: complete || false });
  }
}

export const resPartner: ModelDef = {
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name ASC, id DESC',
  isMailThread: true,
  recName: 'complete_name',
  access: { readGroups: INTERNAL_GROUPS },
  fields: {
    name: f.char('Name', { index: true }),
    complete_name: f.char('Complete Name', { readonly: true }),
    parent_id: f.many2one('res.partner', 'Related Company'),
    is_company: f.boolean('Is a Company'),
    type: f.selection('Address Type', [['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address'], ['other', 'Other Address']], { default: f.constant('contact') }),
    ref: f.char('Reference'),
    lang: f.selection('Language', [['en_US', 'English (US)'], ['ar_001', 'Arabic']], { default: f.constant('en_US') }),
    tz: f.char('Timezone'),
    vat: f.char('Tax ID'),
    email: f.char('Email'),
    street: f.char('Street'),
    city: f.char('City'),
    zip: f.char('Zip'),
    country_id: f.many2one('res.country', 'Country'),
    phone: f.char('Phone'),
    mobile: f.char('Mobile', { versions: { max: 18 } }),
    company_id: f.many2one('res.company', 'Company'),
    user_ids: f.one2many('res.users', 'partner_id', 'Users'),
    active: f.boolean('Active', { default: f.constant(true) }),
    customer_rank: f.integer('Customer Rank'),
    phone_sanitized: f.char('Sanitized Number', { readonly: true }),
  },
  displayName: (_env, record) => (typeof record.complete_name === 'string' ? record.complete_name : typeof record.name === 'string' ? record.name : ''),
  hooks: {
    afterCreate: (env, ids) => recomputePartners(env, ids),
    afterWrite: (env, ids) => recomputePartners(env, ids),
  },
};
