/** Names under which setup finds its own records again (that is what makes it safe to re-run). */

/** The two Odoo models the connector works on. */
export const TARGET_MODELS = ['account.move', 'sale.order'] as const;
export type TargetModelName = (typeof TARGET_MODELS)[number];

/** Module xml ids of each model's main form view (fallback: lowest-priority primary form). */
export const MAIN_FORM_VIEW_XML_IDS: Readonly<Record<TargetModelName, { module: string; name: string }>> = {
  'account.move': { module: 'account', name: 'view_move_form' },
  'sale.order': { module: 'sale', name: 'view_order_form' },
};

export const PAY_ACTION_NAME = 'Pay with Tamara';
export const PAY_ACTION_CODE = "records.write({'x_tamara_pay': True})";

export const WEBHOOK_ACTION_NAME = 'Tamara: notify connector';
export const AUTOMATION_RULE_NAME = 'Tamara: notify connector on change';

/** ir.ui.view names; one extension view per model. */
export const FORM_VIEW_NAMES: Readonly<Record<TargetModelName, string>> = {
  'account.move': 'tamara.account.move.form',
  'sale.order': 'tamara.sale.order.form',
};

export const TAMARA_JOURNAL = { name: 'Tamara', code: 'TMR', type: 'bank' } as const;

/** The connector's route for Odoo's webhook hints. */
export const ODOO_WEBHOOK_PATH = '/webhooks/odoo';
