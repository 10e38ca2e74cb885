import { ODOO_WEBHOOK_PATH } from './odoo-setup.constants';

/**
 * `<PUBLIC_URL>/webhooks/odoo?token=<ODOO_WEBHOOK_TOKEN>`. Odoo's webhook action can send no
 * header or signature (odoo-rpc.md B "Outgoing webhook"), so the shared token rides in the URL.
 */
export function connectorWebhookUrl(publicUrl: string, webhookToken: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${ODOO_WEBHOOK_PATH}?token=${encodeURIComponent(webhookToken)}`;
}

/** The URL with its token hidden, for reports and logs. */
export function redactedWebhookUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1…');
}
