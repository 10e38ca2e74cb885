import { f } from '../orm/field-builders';
import type { ModelDef } from '../orm/model-types';

/** Small reference models: company, country, currency, groups, units of measure. */
export const resCompany: ModelDef = {
  name: 'res.company',
  description: 'Companies',
  order: 'sequence, name',
  access: { readGroups: ['User types/Internal User'], publicRead: true },
  fields: {
    name: f.char('Company Name', { required: true }),
    sequence: f.integer('Sequence', { default: f.constant(10) }),
    partner_id: f.many2one('res.partner', 'Partner', { required: true }),
    currency_id: f.many2one('res.currency', 'Currency', { required: true }),
    country_id: f.many2one('res.country', 'Country'),
    phone: f.char('Phone'),
    email: f.char('Email'),
    tax_calculation_rounding_method: f.selection('Tax Calculation Rounding Method', [['round_per_line', 'Round per Line'], ['round_globally', 'Round Globally']], {
      default: f.constant('round_per_line'),
    }),
  },
};

export const resCountry: ModelDef = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  access: { readGroups: ['User types/Internal User'], publicRead: true },
  noLogAccess: false,
  fields: {
    name: f.char('Country Name', { required: true }),
    code: f.char('Country Code'),
    currency_id: f.many2one('res.currency', 'Currency'),
    phone_code: f.integer('Country Calling Code'),
  },
};

export const resCurrency: ModelDef = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  access: { readGroups: ['User types/Internal User'], publicRead: true },
  fields: {
    name: f.char('Currency', { required: true }),
    full_name: f.char('Name'),
    symbol: f.char('Symbol', { required: true }),
    rounding: f.float('Rounding Factor', { default: f.constant('0.01') }),
    decimal_places: f.integer('Decimal Places', { readonly: true }),
    active: f.boolean('Active', { default: f.constant(true) }),
    position: f.selection('Symbol Position', [['after', 'After Amount'], ['before', 'Before Amount']], { default: f.constant('after') }),
    currency_unit_label: f.char('Currency Unit'),
    currency_subunit_label: f.char('Currency Subunit'),
    // No rate tables in the emulator: every currency converts 1:1 to the company currency.
    rate: f.computed(f.float('Current Rate'), () => '1'),
  },
};

export const resGroups: ModelDef = {
  name: 'res.groups',
  description: 'Access Groups',
  order: 'name',
  fields: {
    name: f.char('Name', { required: true }),
    full_name: f.char('Group Name'),
  },
  displayName: (_env, record) => String(record.full_name || record.name || ''),
};

export const uomUom: ModelDef = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'id',
  access: { readGroups: ['User types/Internal User'], publicRead: true },
  fields: {
    name: f.char('Unit of Measure', { required: true }),
    rounding: f.float('Rounding Precision', { default: f.constant('0.01') }),
    active: f.boolean('Active', { default: f.constant(true) }),
  },
};
