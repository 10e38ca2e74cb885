import type { ModuleInfo } from '../models/ir-module';

/**
 * The 56 modules of the recorded database (ids and versions from transcript 003), plus a few that
 * stay uninstalled. `pulledByInstall` marks what the recorded `button_immediate_install` of
 * account, sale_management, base_automation, contacts and sms brought in.
 */
const PRE_INSTALLED = new Set([
  'base', 'bus', 'web', 'web_tour', 'web_editor', 'web_unsplash', 'html_editor', 'base_import', 'base_import_module',
  'base_install_request', 'auth_totp',
]);

const APPLICATIONS: Readonly<Record<string, { application: boolean; sequence: number; autoInstall?: boolean }>> = {
  sale_management: { application: true, sequence: 15 },
  account: { application: true, sequence: 30 },
  contacts: { application: true, sequence: 150 },
  base_automation: { application: false, sequence: 100 },
  sms: { application: false, sequence: 100, autoInstall: true },
};

const RECORDED: readonly [number, string, string][] = [
  [1, 'account', '18.0.1.3'], [6, 'account_edi_ubl_cii', '18.0.1.0'], [9, 'account_payment', '18.0.2.0'], [16, 'analytic', '18.0.1.2'],
  [24, 'auth_signup', '18.0.1.0'], [25, 'auth_totp', '18.0.1.0'], [26, 'auth_totp_mail', '18.0.1.0'], [28, 'auth_totp_portal', '18.0.1.0'],
  [31, 'base', '18.0.1.3'], [33, 'base_automation', '18.0.1.0'], [36, 'base_import', '18.0.2.0'], [37, 'base_import_module', '18.0.1.0'],
  [38, 'base_install_request', '18.0.1.0'], [39, 'base_setup', '18.0.1.0'], [43, 'bus', '18.0.1.0'], [50, 'contacts', '18.0.1.0'],
  [62, 'digest', '18.0.1.1'], [78, 'google_gmail', '18.0.1.2'], [108, 'html_editor', '18.0.1.0'], [109, 'http_routing', '18.0.1.0'],
  [113, 'iap', '18.0.1.1'], [115, 'iap_mail', '18.0.1.0'], [189, 'l10n_gcc_invoice', '18.0.1.0.1'], [284, 'l10n_sa', '18.0.2.0'],
  [319, 'mail', '18.0.1.18'], [320, 'mail_bot', '18.0.1.2'], [353, 'onboarding', '18.0.1.2'], [354, 'partner_autocomplete', '18.0.1.1'],
  [355, 'payment', '18.0.2.0'], [373, 'phone_validation', '18.0.2.1'], [375, 'portal', '18.0.1.0'], [409, 'privacy_lookup', '18.0.1.0'],
  [410, 'product', '18.0.1.2'], [445, 'resource', '18.0.1.1'], [446, 'resource_mail', '18.0.1.0'], [447, 'sale', '18.0.1.2'],
  [448, 'sale_async_emails', '18.0.1.0'], [450, 'sale_edi_ubl', '18.0.1.0'], [457, 'sale_management', '18.0.1.0'],
  [461, 'sale_pdf_quote_builder', '18.0.1.0'], [470, 'sale_sms', '18.0.1.0'], [475, 'sales_team', '18.0.1.1'], [476, 'sms', '18.0.3.0'],
  [477, 'snailmail', '18.0.0.4'], [478, 'snailmail_account', '18.0.0.1'], [480, 'spreadsheet', '18.0.1.0'], [481, 'spreadsheet_account', '18.0.1.0'],
  [482, 'spreadsheet_dashboard', '18.0.1.0'], [483, 'spreadsheet_dashboard_account', '18.0.1.0'], [490, 'spreadsheet_dashboard_sale', '18.0.1.0'],
  [581, 'uom', '18.0.1.0'], [582, 'utm', '18.0.1.1'], [583, 'web', '18.0.1.0'], [584, 'web_editor', '18.0.1.0'], [586, 'web_tour', '18.0.1.0'],
  [587, 'web_unsplash', '18.0.1.1'],
];

const NEVER_INSTALLED: readonly [number, string][] = [
  [420, 'point_of_sale'],
  [515, 'stock'],
  [598, 'website'],
];

export function moduleCatalogue(major: number): ModuleInfo[] {
  const recorded = RECORDED.map(([id, name, version]) => ({
    id,
    name,
    version: version.replace(/^18\.0/, `${major}.0`),
    pulledByInstall: !PRE_INSTALLED.has(name),
    application: APPLICATIONS[name]?.application ?? false,
    sequence: APPLICATIONS[name]?.sequence ?? 100,
    autoInstall: APPLICATIONS[name]?.autoInstall ?? false,
  }));
  const others = NEVER_INSTALLED.map(([id, name]) => ({ id, name, version: `${major}.0.1.0`, pulledByInstall: false, application: true, sequence: 50 }));
  return [...recorded, ...others];
}

export const NEVER_INSTALLED_NAMES = new Set(NEVER_INSTALLED.map(([, name]) => name));
