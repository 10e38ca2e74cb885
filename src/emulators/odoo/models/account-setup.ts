import { sqlConstraintError, valueError } from '../errors';
import { create as createRecords } from '../orm/crud';
import { f } from '../orm/field-builders';
import type { Env, ModelDef } from '../orm/model-types';
import { DEFAULT_ACCOUNTS } from '../accounting/default-accounts';

/** Groups named in Odoo's AccessError for accounting models (recorded for account.move). */
export const ACCOUNTING_GROUPS = [
  'Invoicing/Administrator',
  'Invoicing/Invoicing',
  'Sales/User: Own Documents Only',
  'Technical/Show Accounting Features - Readonly',
  'User types/Portal',
];

export const ACCOUNT_TYPES: readonly (readonly [string, string])[] = [
  ['asset_receivable', 'Receivable'],
  ['asset_cash', 'Bank and Cash'],
  ['asset_current', 'Current Assets'],
  ['asset_non_current', 'Non-current Assets'],
  ['liability_payable', 'Payable'],
  ['liability_current', 'Current Liabilities'],
  ['equity', 'Equity'],
  ['income', 'Income'],
  ['income_other', 'Other Income'],
  ['expense', 'Expenses'],
  ['off_balance', 'Off-Balance Sheet'],
];

export const accountAccount: ModelDef = {
  name: 'account.account',
  description: 'Account',
  order: 'code, id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    code: f.char('Code', { required: true }),
    name: f.char('Account Name', { required: true }),
    account_type: f.selection('Type', ACCOUNT_TYPES, { required: true }),
    reconcile: f.boolean('Allow Reconciliation'),
    active: f.boolean('Active', { default: f.constant(true) }),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
  },
  displayName: (_env, record) => `${String(record.code)} ${String(record.name)}`,
};

export const accountTax: ModelDef = {
  name: 'account.tax',
  description: 'Tax',
  order: 'sequence,id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    name: f.char('Tax Name', { required: true }),
    amount: f.float('Amount', { required: true }),
    amount_type: f.selection('Tax Computation', [['group', 'Group of Taxes'], ['fixed', 'Fixed'], ['percent', 'Percentage'], ['division', 'Percentage Tax Included']], {
      default: f.constant('percent'),
    }),
    price_include: f.boolean('Included in Price'),
    type_tax_use: f.selection('Tax Type', [['sale', 'Sales'], ['purchase', 'Purchases'], ['none', 'None']], { default: f.constant('sale') }),
    description: f.char('Label on Invoices'),
    sequence: f.integer('Sequence', { default: f.constant(1) }),
    active: f.boolean('Active', { default: f.constant(true) }),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
    /** The account tax lines of this tax are booked on (VAT Output for sales). */
    account_id: f.many2one('account.account', 'Tax Account'),
  },
};

const JOURNAL_TYPES = (major: number): [string, string][] => [
  ['sale', 'Sales'],
  ['purchase', 'Purchase'],
  ['cash', 'Cash'],
  ['bank', 'Bank'],
  ...(major >= 18 ? ([['credit', 'Credit Card']] as [string, string][]) : []),
  ['general', 'Miscellaneous'],
];


/**
 * A new bank/cash journal gets its own GL account ("101011 Tamara") and the two "Manual Payment"
 * method lines (inbound, outbound), as Odoo creates them.
 */
function setUpLiquidityJournal(env: Env, ids: readonly number[]): void {
  for (const id of ids) {
    const journal = env.store.get('account.journal', id);
    if (!journal || (journal.type !== 'bank' && journal.type !== 'cash')) continue;
    const patch: Record<string, unknown> = {};
    if (journal.default_account_id === false) {
      const existing = env.store.all('account.account').map((row) => String(row.code));
      let number = 1;
      while (existing.includes(`10101${number}`)) number += 1;
      const [accountId] = createRecords(env, 'account.account', [
        { code: `10101${number}`, name: journal.name, account_type: 'asset_cash', reconcile: false },
      ]);
      patch.default_account_id = accountId;
    }
    if (journal.suspense_account_id === false) patch.suspense_account_id = DEFAULT_ACCOUNTS.bankSuspense;
    if (Object.keys(patch).length > 0) env.store.update('account.journal', id, patch);
    const hasLines = env.store.all('account.payment.method.line').some((line) => line.journal_id === id);
    if (!hasLines) {
      createRecords(env, 'account.payment.method.line', [
        { name: 'Manual Payment', payment_method_id: 1, journal_id: id, sequence: 10 },
        { name: 'Manual Payment', payment_method_id: 2, journal_id: id, sequence: 10 },
      ]);
    }
  }
}

export const accountJournal: ModelDef = {
  name: 'account.journal',
  description: 'Journal',
  order: 'sequence, type, code',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    name: f.char('Journal Name', { required: true }),
    code: f.char('Short Code', { required: true }),
    type: f.selection('Type', JOURNAL_TYPES(19), { required: true }),
    active: f.boolean('Active', { default: f.constant(true) }),
    sequence: f.integer('Sequence', { default: f.constant(10) }),
    company_id: f.many2one('res.company', 'Company', { required: true, default: (env) => env.services.settings.companyId }),
    currency_id: f.many2one('res.currency', 'Currency'),
    default_account_id: f.many2one('account.account', 'Default Account'),
    suspense_account_id: f.many2one('account.account', 'Suspense Account'),
    refund_sequence: f.boolean('Dedicated Credit Note Sequence'),
    inbound_payment_method_line_ids: f.one2many('account.payment.method.line', 'journal_id', 'Inbound Payment Methods', {
      inverseFilter: (row) => row._payment_type === 'inbound',
    }),
    outbound_payment_method_line_ids: f.one2many('account.payment.method.line', 'journal_id', 'Outbound Payment Methods', {
      inverseFilter: (row) => row._payment_type === 'outbound',
    }),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      if (vals.type === 'credit' && env.major < 18) throw valueError("Wrong value for account.journal.type: 'credit'");
      if (vals.refund_sequence === undefined) vals.refund_sequence = vals.type === 'sale' || vals.type === 'purchase';
    },
    checkInsert: (env, record) => {
      if (env.store.all('account.journal').some((row) => row.code === record.code && row.company_id === record.company_id)) {
        throw sqlConstraintError('Journal codes must be unique per company.');
      }
    },
    afterCreate: (env, ids) => setUpLiquidityJournal(env, ids),
  },
};

export const accountPaymentMethod: ModelDef = {
  name: 'account.payment.method',
  description: 'Payment Methods',
  order: 'id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    name: f.char('Name', { required: true }),
    code: f.char('Code', { required: true }),
    payment_type: f.selection('Payment Type', [['inbound', 'Inbound'], ['outbound', 'Outbound']], { required: true }),
  },
};

function methodOf(env: Env, line: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  return typeof line.payment_method_id === 'number' ? env.store.get('account.payment.method', line.payment_method_id) : undefined;
}

export const accountPaymentMethodLine: ModelDef = {
  name: 'account.payment.method.line',
  description: 'Payment Methods',
  order: 'sequence, id',
  access: { readGroups: ACCOUNTING_GROUPS },
  fields: {
    name: f.char('Name'),
    sequence: f.integer('Sequence', { default: f.constant(10) }),
    payment_method_id: f.many2one('account.payment.method', 'Payment Method', { required: true }),
    payment_account_id: f.many2one('account.account', 'Outstanding Receipts/Payments Account'),
    journal_id: f.many2one('account.journal', 'Journal'),
    code: f.computed(f.char('Code'), (env, record) => String(methodOf(env, record)?.code ?? '') || false),
    payment_type: f.computed(f.selection('Payment Type', [['inbound', 'Inbound'], ['outbound', 'Outbound']]), (env, record) => methodOf(env, record)?.payment_type ?? false),
  },
  displayName: (env, record) => {
    const journal = typeof record.journal_id === 'number' ? env.store.get('account.journal', record.journal_id) : undefined;
    return journal ? `${String(record.name)} (${String(journal.name)})` : String(record.name);
  },
  hooks: {
    // The journal's inbound/outbound one2many filter on this private copy of the method's direction.
    prepareCreate: (env, vals) => {
      const method = typeof vals.payment_method_id === 'number' ? env.store.get('account.payment.method', vals.payment_method_id) : undefined;
      vals._payment_type = method?.payment_type ?? false;
      if (vals.name === undefined && method) vals.name = method.name;
    },
  },
};
