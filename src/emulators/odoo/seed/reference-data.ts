import { emptyValue, nowStored } from '../orm/field-values';
import type { Env, StoredRecord } from '../orm/model-types';
import { INTERNAL_USER_GROUP_ID } from '../orm/access-rights';
import { moduleCatalogue, NEVER_INSTALLED_NAMES } from './modules';
import { SEED_VIEWS } from './views';

/** Inserts a row as a module's data file would: every field present, stamped now, no hooks. */
export function insertRow(env: Env, model: string, values: Record<string, unknown> & { id: number }): void {
  const registered = env.registry.model(model);
  const row: Record<string, unknown> = {};
  for (const [name, field] of registered.fields) {
    if (name === 'id' || name === 'display_name' || field.store === false || field.type === 'one2many') continue;
    row[name] = field.default && !(name in values) ? field.default(env, values) : emptyValue(field);
  }
  if (!registered.def.noLogAccess) {
    const now = nowStored(env);
    Object.assign(row, { create_uid: 1, create_date: now, write_uid: 1, write_date: now });
  }
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('_') || registered.fields.has(name)) row[name] = value;
  }
  env.store.insert(model, row as StoredRecord);
}

/** ir.model ids that appear in the recorded requests. */
const MODEL_IDS: Readonly<Record<string, number>> = { 'account.move': 459, 'sale.order': 520, 'account.bank.statement.line': 444 };
/** ir.model.fields ids of account.move fields that the recorded webhook action refers to. */
const FIELD_IDS: Readonly<Record<string, number>> = {
  'account.move.name': 4448,
  'account.move.state': 4452,
  'account.move.move_type': 4453,
  'account.move.partner_id': 4496,
  'account.move.currency_id': 4509,
  'account.move.amount_total': 4514,
  'account.move.amount_residual': 4515,
  'account.move.payment_state': 4523,
};

/** ir.model and ir.model.fields rows describing the served models ("base" state). */
function reflectRegistry(env: Env): void {
  const names = [...env.registry.all().map((model) => model.name), 'account.bank.statement.line'].sort();
  const reserved = new Set(Object.values(MODEL_IDS));
  let nextModelId = 1;
  const modelIds = new Map<string, number>();
  for (const name of names) {
    let id = MODEL_IDS[name];
    if (id === undefined) {
      while (reserved.has(nextModelId)) nextModelId += 1;
      id = nextModelId;
      nextModelId += 1;
    }
    modelIds.set(name, id);
    const registered = env.registry.has(name) ? env.registry.model(name) : undefined;
    insertRow(env, 'ir.model', {
      id,
      model: name,
      name: registered?.def.description ?? 'Bank Statement Line',
      state: 'base',
      transient: registered?.def.transient ?? false,
      is_mail_thread: registered?.def.isMailThread ?? name === 'account.bank.statement.line',
    });
  }
  const reservedFields = new Set(Object.values(FIELD_IDS));
  let nextFieldId = 1;
  for (const model of env.registry.all().sort((a, b) => a.name.localeCompare(b.name))) {
    for (const [name, field] of model.fields) {
      let id = FIELD_IDS[`${model.name}.${name}`];
      if (id === undefined) {
        while (reservedFields.has(nextFieldId)) nextFieldId += 1;
        id = nextFieldId;
        nextFieldId += 1;
      }
      insertRow(env, 'ir.model.fields', {
        id,
        name,
        model: model.name,
        model_id: modelIds.get(model.name),
        field_description: field.string,
        ttype: field.type,
        state: 'base',
        relation: field.relation ?? false,
        relation_field: field.inverseName ?? false,
        required: Boolean(field.required),
        readonly: Boolean(field.readonly),
        index: Boolean(field.index),
        store: field.store !== false && field.type !== 'one2many' && name !== 'display_name',
        copied: field.copy ?? (field.type !== 'one2many' && name !== 'id'),
        translate: Boolean(field.translate),
        tracking: field.tracking ? 1 : 0,
        help: field.help ?? false,
      });
    }
  }
}

/**
 * The database right after `db.create_database` with country SA and the recorded install:
 * "My Company" in SAR, the admin (uid 2), the Saudi chart of accounts (the few accounts used),
 * the 15 % sale tax (id 1), the standard journals (1–10), currencies, countries, views, modules.
 * Sequences are set so the next ids are those the recorded database gave (partner 7, field 6540…).
 */
export function seedReferenceData(env: Env, options: { adminPassword: string; adminLogin: string; modulesInstalled: boolean }): void {
  const major = env.major;
  insertRow(env, 'res.groups', { id: INTERNAL_USER_GROUP_ID, name: 'Internal User', full_name: 'User types / Internal User' });
  insertRow(env, 'res.groups', { id: 2, name: 'Access Rights', full_name: 'Administration / Access Rights' });
  insertRow(env, 'res.groups', { id: 3, name: 'Settings', full_name: 'Administration / Settings' });
  insertRow(env, 'res.groups', { id: 10, name: 'Portal', full_name: 'User types / Portal' });
  insertRow(env, 'res.groups', { id: 11, name: 'Public', full_name: 'User types / Public' });

  insertRow(env, 'res.currency', { id: 1, name: 'USD', full_name: 'United States dollar', symbol: '$', rounding: '0.01', decimal_places: 2, position: 'before', active: true, currency_unit_label: 'Dollars', currency_subunit_label: 'Cents' });
  insertRow(env, 'res.currency', { id: 93, name: 'KWD', full_name: 'Kuwaiti dinar', symbol: ' د.ك ', rounding: '0.001', decimal_places: 3, position: 'after', active: false, currency_unit_label: 'Dinar', currency_subunit_label: 'Fils' });
  insertRow(env, 'res.currency', { id: 125, name: 'EUR', full_name: 'Euro', symbol: '€', rounding: '0.01', decimal_places: 2, position: 'after', active: false, currency_unit_label: 'Euros', currency_subunit_label: 'Cents' });
  insertRow(env, 'res.currency', { id: 128, name: 'AED', full_name: 'United Arab Emirates dirham', symbol: 'AED', rounding: '0.01', decimal_places: 2, position: 'after', active: false, currency_unit_label: 'Dirham', currency_subunit_label: 'Fils' });
  insertRow(env, 'res.currency', { id: 150, name: 'SAR', full_name: 'Saudi riyal', symbol: 'SR', rounding: '0.01', decimal_places: 2, position: 'after', active: true, currency_unit_label: 'Riyal', currency_subunit_label: 'Halala' });

  insertRow(env, 'res.country', { id: 2, name: 'United Arab Emirates', code: 'AE', currency_id: 128, phone_code: 971 });
  insertRow(env, 'res.country', { id: 17, name: 'Bahrain', code: 'BH', currency_id: false, phone_code: 973 });
  insertRow(env, 'res.country', { id: 122, name: 'Kuwait', code: 'KW', currency_id: 93, phone_code: 965 });
  insertRow(env, 'res.country', { id: 192, name: 'Saudi Arabia', code: 'SA', currency_id: 150, phone_code: 966 });
  insertRow(env, 'res.country', { id: 233, name: 'United States', code: 'US', currency_id: 1, phone_code: 1 });

  insertRow(env, 'res.partner', { id: 1, name: 'My Company', complete_name: 'My Company', is_company: true, country_id: 192, phone: '+966 11 234 5678', phone_sanitized: '+966112345678', company_id: 1 });
  insertRow(env, 'res.partner', { id: 2, name: 'OdooBot', complete_name: 'OdooBot', email: 'odoobot@example.com', active: false });
  insertRow(env, 'res.partner', { id: 3, name: 'Administrator', complete_name: 'Administrator', email: 'admin@example.com', company_id: 1 });
  insertRow(env, 'res.partner', { id: 4, name: 'Default User Template', complete_name: 'Default User Template', active: false });
  insertRow(env, 'res.partner', { id: 5, name: 'Public user', complete_name: 'Public user', active: false });
  insertRow(env, 'res.partner', { id: 6, name: 'Portal User Template', complete_name: 'Portal User Template', active: false });
  insertRow(env, 'res.company', { id: 1, name: 'My Company', partner_id: 1, currency_id: 150, country_id: 192, phone: '+966 11 234 5678' });

  insertRow(env, 'res.users', { id: 1, name: 'OdooBot', login: '__system__', partner_id: 2, active: false, groups_id: [INTERNAL_USER_GROUP_ID], company_id: 1, company_ids: [1] });
  insertRow(env, 'res.users', {
    id: 2,
    name: 'Administrator',
    login: options.adminLogin,
    partner_id: 3,
    groups_id: [INTERNAL_USER_GROUP_ID, 2, 3],
    company_id: 1,
    company_ids: [1],
    tz: 'Asia/Riyadh',
    lang: 'en_US',
    _password: options.adminPassword,
  });
  insertRow(env, 'res.users', { id: 3, name: 'Default User Template', login: 'default', partner_id: 4, active: false, company_id: 1, company_ids: [1] });
  insertRow(env, 'res.users', { id: 4, name: 'Public user', login: 'public', partner_id: 5, active: false, groups_id: [11], company_id: 1, company_ids: [1] });
  insertRow(env, 'res.users', { id: 5, name: 'Portal User Template', login: 'portaltemplate', partner_id: 6, active: false, groups_id: [10], company_id: 1, company_ids: [1] });

  insertRow(env, 'uom.uom', { id: 1, name: 'Units', rounding: '0.01' });
  insertRow(env, 'mail.message.subtype', { id: 1, name: 'Discussions', internal: false, sequence: 0 });
  insertRow(env, 'mail.message.subtype', { id: 2, name: 'Note', internal: true, sequence: 100 });
  insertRow(env, 'mail.message.subtype', { id: 3, name: 'Activities', internal: true, sequence: 90 });

  const account = (id: number, code: string, name: string, type: string, reconcile = false): void =>
    insertRow(env, 'account.account', { id, code, name, account_type: type, reconcile, company_id: 1 });
  account(11, '102011', 'Accounts Receivable', 'asset_receivable', true);
  account(39, '201002', 'Accounts Payable', 'liability_payable', true);
  account(69, '201017', 'VAT Output', 'liability_current');
  account(70, '104041', 'VAT Input', 'asset_current');
  account(147, '500001', 'Sales Account', 'income');
  account(148, '400001', 'Cost of Goods Sold', 'expense');
  account(159, '101001', 'Bank', 'asset_cash');
  account(160, '105001', 'Cash', 'asset_cash');
  account(162, '101002', 'Bank Suspense Account', 'asset_current');
  account(168, '101003', 'Outstanding Receipts', 'asset_current', true);
  account(169, '101004', 'Outstanding Payments', 'asset_current', true);

  insertRow(env, 'account.tax', { id: 1, name: '15%', amount: '15', amount_type: 'percent', price_include: false, type_tax_use: 'sale', description: 'VAT 15%', sequence: 1, account_id: 69, company_id: 1 });
  insertRow(env, 'account.tax', { id: 2, name: '15%', amount: '15', amount_type: 'percent', price_include: false, type_tax_use: 'purchase', description: 'VAT 15%', sequence: 1, account_id: 70, company_id: 1 });
  insertRow(env, 'account.tax', { id: 3, name: '0%', amount: '0', amount_type: 'percent', price_include: false, type_tax_use: 'sale', description: 'Zero-rated', sequence: 2, account_id: 69, company_id: 1 });

  const journal = (id: number, name: string, code: string, type: string, extra: Record<string, unknown> = {}): void =>
    insertRow(env, 'account.journal', { id, name, code, type, company_id: 1, sequence: 10, refund_sequence: type === 'sale' || type === 'purchase', ...extra });
  journal(1, 'Customer Invoices', 'INV', 'sale', { sequence: 5, default_account_id: 147 });
  journal(2, 'Vendor Bills', 'BILL', 'purchase', { sequence: 6, default_account_id: 148 });
  journal(3, 'Miscellaneous Operations', 'MISC', 'general', { sequence: 9 });
  journal(4, 'Exchange Difference', 'EXCH', 'general', { sequence: 9 });
  journal(5, 'Cash Basis Taxes', 'CABA', 'general', { sequence: 9 });
  journal(6, 'Bank', 'BNK1', 'bank', { default_account_id: 159, suspense_account_id: 162 });
  journal(7, 'Cash', 'CSH1', 'cash', { default_account_id: 160, suspense_account_id: 162 });
  // Journals 8–10 stand in for the other journals of the recorded Saudi database (names not recorded).
  journal(8, 'Inventory Valuation', 'STJ', 'general', { sequence: 11 });
  journal(9, 'Tax Adjustments', 'TA', 'general', { sequence: 11 });
  journal(10, 'Zakat', 'ZAKAT', 'general', { sequence: 11 });

  insertRow(env, 'account.payment.method', { id: 1, name: 'Manual Payment', code: 'manual', payment_type: 'inbound' });
  insertRow(env, 'account.payment.method', { id: 2, name: 'Manual Payment', code: 'manual', payment_type: 'outbound' });
  const methodLine = (id: number, journalId: number, methodId: number, paymentType: string): void =>
    insertRow(env, 'account.payment.method.line', { id, name: 'Manual Payment', payment_method_id: methodId, journal_id: journalId, sequence: 10, _payment_type: paymentType });
  methodLine(1, 6, 1, 'inbound');
  methodLine(2, 6, 2, 'outbound');
  methodLine(3, 7, 1, 'inbound');
  methodLine(4, 7, 2, 'outbound');

  for (const view of SEED_VIEWS) {
    insertRow(env, 'ir.ui.view', {
      id: view.id,
      name: view.name,
      model: view.model,
      type: major <= 17 && view.type === 'list' ? 'tree' : view.type,
      arch_db: major <= 17 ? view.arch.replace(/<(\/?)list\b/g, '<$1tree') : view.arch,
      mode: 'primary',
      priority: 16,
      key: false,
      inherit_id: false,
    });
  }

  for (const module of moduleCatalogue(major)) {
    const installed = NEVER_INSTALLED_NAMES.has(module.name) ? false : !module.pulledByInstall || options.modulesInstalled;
    insertRow(env, 'ir.module.module', {
      id: module.id,
      name: module.name,
      shortdesc: module.name,
      state: installed ? 'installed' : 'uninstalled',
      latest_version: installed ? module.version : false,
      installed_version: module.version,
      auto_install: module.autoInstall ?? false,
      application: module.application ?? false,
      sequence: module.sequence ?? 100,
      _pulled_by_install: module.pulledByInstall,
    });
  }

  reflectRegistry(env);
  seedXmlIds(env);

  env.store.setNextId('res.partner', 7);
  env.store.setNextId('res.users', 6);
  env.store.setNextId('ir.model.fields', 6540);
  env.store.setNextId('ir.actions.server', 353);
  env.store.setNextId('account.journal', 11);
  env.store.setNextId('account.payment.method.line', 5);
  env.store.setNextId('account.account', 170);
}

function seedXmlIds(env: Env): void {
  const entries: [string, string, string, number][] = [
    ['base', 'main_company', 'res.company', 1],
    ['base', 'main_partner', 'res.partner', 1],
    ['base', 'partner_admin', 'res.partner', 3],
    ['base', 'user_root', 'res.users', 1],
    ['base', 'user_admin', 'res.users', 2],
    ['base', 'group_user', 'res.groups', INTERNAL_USER_GROUP_ID],
    ['base', 'group_erp_manager', 'res.groups', 2],
    ['base', 'group_system', 'res.groups', 3],
    ['base', 'group_portal', 'res.groups', 10],
    ['base', 'group_public', 'res.groups', 11],
    ['base', 'USD', 'res.currency', 1],
    ['base', 'KWD', 'res.currency', 93],
    ['base', 'EUR', 'res.currency', 125],
    ['base', 'AED', 'res.currency', 128],
    ['base', 'SAR', 'res.currency', 150],
    ['base', 'ae', 'res.country', 2],
    ['base', 'kw', 'res.country', 122],
    ['base', 'sa', 'res.country', 192],
    ['base', 'us', 'res.country', 233],
    ['uom', 'product_uom_unit', 'uom.uom', 1],
    ['mail', 'mt_comment', 'mail.message.subtype', 1],
    ['mail', 'mt_note', 'mail.message.subtype', 2],
    ['mail', 'mt_activities', 'mail.message.subtype', 3],
    ['account', 'account_payment_method_manual_in', 'account.payment.method', 1],
    ['account', 'account_payment_method_manual_out', 'account.payment.method', 2],
    ['account', '1_sa_sales_tax_15', 'account.tax', 1],
  ];
  for (const view of SEED_VIEWS) entries.push([view.module, view.xmlName, 'ir.ui.view', view.id]);
  for (const model of env.store.all('ir.model')) entries.push(['base', `model_${String(model.model).replace(/\./g, '_')}`, 'ir.model', model.id]);
  entries.forEach(([module, name, model, resId], index) => insertRow(env, 'ir.model.data', { id: index + 1, module, name, model, res_id: resId, noupdate: false }));
}
