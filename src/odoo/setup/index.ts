/** Public surface of the Odoo setup (`npm run cli -- setup`) and the run-time journal lookup. */
export { OdooSetupService, type OdooSetupOptions } from './odoo-setup.service';
export { SetupOdooCommand, ODOO_SETUP_OPTIONS, odooSetupProviders, runOdooSetup, type SetupOutput } from './setup-odoo.command';
export { findTamaraJournal, type TamaraJournalRef } from './tamara-journal';
export { OdooSetupError, type OdooSetupErrorCode, type SetupStep } from './odoo-setup.errors';
export { formatSetupReport, setupChangedOdoo, type OdooSetupReport, type SetupItem, type SetupItemKind, type SetupOutcome } from './odoo-setup.report';
export type { OdooSetupClient } from './odoo-setup-client';
export { TAMARA_FIELDS, TAMARA_FIELD_NAMES, type TamaraFieldSpec } from './tamara-fields.constant';
export { connectorWebhookUrl } from './connector-webhook-url';
export { FORM_VIEW_ANCHOR, tamaraFormViewArch } from './form-view-arch';
export {
  TAMARA_JOURNAL,
  PAY_ACTION_NAME,
  WEBHOOK_ACTION_NAME,
  AUTOMATION_RULE_NAME,
  FORM_VIEW_NAMES,
  ODOO_WEBHOOK_PATH,
} from './odoo-setup.constants';
