import { create as createRecords, write as writeRecords } from '../orm/crud';
import { f } from '../orm/field-builders';
import type { Env, FieldDef, ModelDef, StoredRecord } from '../orm/model-types';

const PRODUCT_TYPES_18: [string, string][] = [['consu', 'Goods'], ['service', 'Service'], ['combo', 'Combo']];
const PRODUCT_TYPES_16: [string, string][] = [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']];

/** Product name as Odoo shows it: "[TMR-TEST] Tamara Test Product". */
function productDisplayName(_env: Env, record: StoredRecord): string {
  const name = typeof record.name === 'string' ? record.name : '';
  return typeof record.default_code === 'string' && record.default_code ? `[${record.default_code}] ${name}` : name;
}

function productFields(major: '16' | '18'): Record<string, FieldDef> {
  return {
    name: f.char('Name', { required: true }),
    default_code: f.char('Internal Reference'),
    list_price: f.float('Sales Price', { default: f.constant('1') }),
    type: f.selection('Product Type', major === '18' ? PRODUCT_TYPES_18 : PRODUCT_TYPES_16, { default: f.constant('consu') }),
    invoice_policy: f.selection('Invoicing Policy', [['order', 'Ordered quantities'], ['delivery', 'Delivered quantities']], { default: f.constant('order') }),
    taxes_id: f.many2many('account.tax', 'Sales Taxes'),
    uom_id: f.many2one('uom.uom', 'Unit', { default: f.constant(1) }),
    sale_ok: f.boolean('Can be Sold', { default: f.constant(true) }),
    purchase_ok: f.boolean('Can be Purchased', { default: f.constant(true) }),
    active: f.boolean('Active', { default: f.constant(true) }),
    company_id: f.many2one('res.company', 'Company'),
  };
}

const TEMPLATE_SHARED = ['name', 'default_code', 'list_price', 'type', 'invoice_policy', 'taxes_id', 'uom_id', 'sale_ok', 'purchase_ok', 'active'];

function templateModel(major: '16' | '18'): ModelDef {
  return {
    name: 'product.template',
    description: 'Product',
    order: 'is_favorite desc, name, id',
    versions: major === '18' ? { min: 18 } : { max: 17 },
    access: { readGroups: ['User types/Internal User'] },
    fields: { ...productFields(major), is_favorite: f.boolean('Favorite') },
    displayName: productDisplayName,
  };
}

/**
 * product.product with its template. The emulator keeps the values on the variant and mirrors
 * them on a product.template row (one variant per template), instead of Odoo's `_inherits`.
 */
function productModel(major: '16' | '18'): ModelDef {
  return {
    name: 'product.product',
    description: 'Product Variant',
    order: 'is_favorite desc, default_code, name, id',
    versions: major === '18' ? { min: 18 } : { max: 17 },
    access: { readGroups: ['User types/Internal User'] },
    fields: {
      ...productFields(major),
      is_favorite: f.boolean('Favorite'),
      lst_price: f.computed(f.float('Sales Price'), (_env, record) => record.list_price ?? '0'),
      product_tmpl_id: f.many2one('product.template', 'Product Template'),
    },
    displayName: productDisplayName,
    hooks: {
      prepareCreate: (env, vals) => {
        if (vals.product_tmpl_id === undefined || vals.product_tmpl_id === false) {
          const templateVals: Record<string, unknown> = {};
          for (const name of TEMPLATE_SHARED) if (vals[name] !== undefined) templateVals[name] = vals[name];
          vals.product_tmpl_id = createRecords(env, 'product.template', [templateVals])[0];
        }
      },
      afterWrite: (env, ids, vals) => {
        const shared: Record<string, unknown> = {};
        for (const name of TEMPLATE_SHARED) if (vals[name] !== undefined) shared[name] = vals[name];
        if (Object.keys(shared).length === 0) return;
        for (const id of ids) {
          const templateId = env.store.get('product.product', id)?.product_tmpl_id;
          if (typeof templateId === 'number') writeRecords(env, 'product.template', [templateId], shared);
        }
      },
    },
  };
}

export const productTemplate18 = templateModel('18');
export const productTemplate16 = templateModel('16');
export const productProduct18 = productModel('18');
export const productProduct16 = productModel('16');
