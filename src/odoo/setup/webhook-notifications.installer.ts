import { isAtLeast, type OdooServerVersion } from '../client';
import type { OdooSetupClient } from './odoo-setup-client';
import type { OdooModelRef } from './odoo-models';
import type { SetupItem } from './odoo-setup.report';
import { AUTOMATION_RULE_NAME, WEBHOOK_ACTION_NAME } from './odoo-setup.constants';
import { connectorWebhookUrl } from './connector-webhook-url';
import { installWebhookAction } from './webhook-action.installer';
import { installAutomationRule } from './automation-rule.installer';

export interface WebhookNotificationsInput {
  readonly models: readonly OdooModelRef[];
  readonly version: OdooServerVersion;
  readonly hasAutomationRules: boolean;
  readonly publicUrl?: string;
  readonly webhookToken?: string;
}

const POLLING_STILL_WORKS = 'the connector still finds changes by polling Odoo';

export type WebhookTarget = { readonly url: string } | { readonly skipReason: string };

/** Where Odoo should post its change hints, or why it cannot. */
export function webhookTarget(input: Omit<WebhookNotificationsInput, 'models'>): WebhookTarget {
  if (!isAtLeast(input.version, 17)) return { skipReason: `Odoo ${input.version.major} has no webhook server actions (17+); ${POLLING_STILL_WORKS}` };
  if (!input.hasAutomationRules) {
    return { skipReason: `the Automation Rules module (base_automation) is not installed; install it for instant updates — ${POLLING_STILL_WORKS}` };
  }
  if (!input.publicUrl) return { skipReason: `PUBLIC_URL is not set, so Odoo has no address to call; ${POLLING_STILL_WORKS}` };
  if (!input.webhookToken) return { skipReason: `ODOO_WEBHOOK_TOKEN is not set, so Odoo's calls could not be authenticated; ${POLLING_STILL_WORKS}` };
  return { url: connectorWebhookUrl(input.publicUrl, input.webhookToken) };
}

/**
 * Per model: the webhook action, then the automation rule that runs it on save. These are only
 * hints (Odoo sends them fire-and-forget, inside its transaction); polling stays the safety net.
 */
export async function installWebhookNotifications(client: OdooSetupClient, input: WebhookNotificationsInput): Promise<SetupItem[]> {
  const target = webhookTarget(input);
  if ('skipReason' in target) {
    return input.models.flatMap((model): SetupItem[] => [
      { kind: 'webhook_action', subject: `webhook action "${WEBHOOK_ACTION_NAME}"`, model: model.model, outcome: 'skipped', note: target.skipReason },
      { kind: 'automation_rule', subject: `automation rule "${AUTOMATION_RULE_NAME}"`, model: model.model, outcome: 'skipped', note: target.skipReason },
    ]);
  }
  const items: SetupItem[] = [];
  for (const model of input.models) {
    const action = await installWebhookAction(client, model, target.url);
    items.push(action.item);
    items.push(await installAutomationRule(client, model, action.actionId));
  }
  return items;
}
