import { Inject, Injectable } from '@nestjs/common';
import { OdooClient } from '../client';
import type { OdooSetupClient } from './odoo-setup-client';
import { OdooSetupError, setupErrorFrom, type SetupStep } from './odoo-setup.errors';
import type { OdooSetupReport, SetupItem } from './odoo-setup.report';
import { findSetupModels, type OdooModelRef } from './odoo-models';
import { installCustomFields, readFieldAttributeSupport } from './custom-fields.installer';
import { installPayAction } from './pay-action.installer';
import { installFormView } from './form-view.installer';
import { installTamaraJournal } from './tamara-journal.installer';
import { installWebhookNotifications } from './webhook-notifications.installer';
import { AUTOMATION_RULE_NAME, FORM_VIEW_NAMES, PAY_ACTION_NAME, WEBHOOK_ACTION_NAME } from './odoo-setup.constants';

export interface OdooSetupOptions {
  /** The connector's public base URL (PUBLIC_URL); without it no webhook is installed. */
  readonly publicUrl?: string;
  /** ODOO_WEBHOOK_TOKEN: shared secret Odoo sends back in the webhook URL. */
  readonly webhookToken?: string;
}

const SALES_APP_MISSING = 'the Sales app (sale.order) is not installed';

/**
 * Installs the connector's footprint in the merchant's Odoo over RPC: custom fields, the "Pay
 * with Tamara" action, a "Tamara" group on the invoice and sales order forms, the Tamara bank
 * journal and, on 17+, the webhook action with its automation rules. Every step looks for its
 * record first, so running it again changes nothing. It stops at the first failure, with what
 * was done so far in the error.
 */
@Injectable()
export class OdooSetupService {
  constructor(@Inject(OdooClient) private readonly client: OdooSetupClient) {}

  async run(options: OdooSetupOptions = {}): Promise<OdooSetupReport> {
    const items: SetupItem[] = [];
    const step = <T>(name: SetupStep, work: () => Promise<T>): Promise<T> =>
      work().catch((error: unknown) => {
        const translated = setupErrorFrom(error, name);
        throw translated instanceof OdooSetupError ? translated.withCompletedItems(items) : translated;
      });

    const version = await step('version', () => this.client.serverVersion());
    const models = await step('models', () => findSetupModels(this.client));
    const attributeSupport = await step('fields', () => readFieldAttributeSupport(this.client));
    const targets: OdooModelRef[] = models.saleOrder ? [models.accountMove, models.saleOrder] : [models.accountMove];

    for (const model of targets) {
      items.push(...(await step('fields', () => installCustomFields(this.client, model, attributeSupport))));
      items.push(await step('server_action', () => installPayAction(this.client, model)));
      items.push(await step('form_view', () => installFormView(this.client, model, version.major)));
    }
    if (!models.saleOrder) items.push(...salesOrderSkipped());

    const journal = await step('journal', () => installTamaraJournal(this.client));
    items.push(...journal.items);

    items.push(
      ...(await step('webhook', () =>
        installWebhookNotifications(this.client, {
          models: targets,
          version,
          hasAutomationRules: models.hasAutomationRules,
          publicUrl: options.publicUrl,
          webhookToken: options.webhookToken,
        }),
      )),
    );

    return {
      odooVersion: version.raw,
      items,
      tamaraJournalId: journal.journal.journalId,
      inboundMethodLineId: journal.journal.inboundMethodLineId,
      outboundMethodLineId: journal.journal.outboundMethodLineId,
    };
  }
}

function salesOrderSkipped(): SetupItem[] {
  const model = 'sale.order';
  return [
    { kind: 'field', subject: 'fields x_tamara_*', model, outcome: 'skipped', note: SALES_APP_MISSING },
    { kind: 'server_action', subject: `server action "${PAY_ACTION_NAME}"`, model, outcome: 'skipped', note: SALES_APP_MISSING },
    { kind: 'form_view', subject: `form view "${FORM_VIEW_NAMES[model]}"`, model, outcome: 'skipped', note: SALES_APP_MISSING },
    { kind: 'webhook_action', subject: `webhook action "${WEBHOOK_ACTION_NAME}"`, model, outcome: 'skipped', note: SALES_APP_MISSING },
    { kind: 'automation_rule', subject: `automation rule "${AUTOMATION_RULE_NAME}"`, model, outcome: 'skipped', note: SALES_APP_MISSING },
  ];
}
