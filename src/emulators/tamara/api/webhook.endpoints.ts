import { parseRegisterWebhookRequest, parseUpdateWebhookRequest } from '../validation/webhook.request';
import { webhookView } from '../webhooks/webhook-registry';
import type { MerchantEndpoint } from './merchant-request';

/** `POST /webhooks`; a URL already registered answers `webhook_already_registered` with its id. */
export const registerWebhook: MerchantEndpoint = {
  route: 'webhooks',
  handle({ body }, core) {
    const input = parseRegisterWebhookRequest(body, { requireHttps: core.options.requireHttpsWebhooks });
    return webhookView(core.registry.register(input), core.options.merchantId);
  },
};

/** `GET /webhooks` — linked from Tamara's docs but absent from its OpenAPI; answers a plain array. */
export const listWebhooks: MerchantEndpoint = {
  route: 'webhooks',
  handle(_request, core) {
    return core.registry.list().map((registration) => webhookView(registration, core.options.merchantId));
  },
};

export const retrieveWebhook: MerchantEndpoint = {
  route: 'webhooks',
  handle({ params }, core) {
    return webhookView(core.registry.get(params.webhookId ?? ''), core.options.merchantId);
  },
};

export const updateWebhook: MerchantEndpoint = {
  route: 'webhooks',
  handle({ params, body }, core) {
    const webhookId = params.webhookId ?? '';
    const current = core.registry.get(webhookId);
    const input = parseUpdateWebhookRequest(body, current.type, { requireHttps: core.options.requireHttpsWebhooks });
    return webhookView(core.registry.update(webhookId, input), core.options.merchantId);
  },
};

/** `DELETE /webhooks/{id}`: 200 with `{}` (Tamara documents no body). */
export const deleteWebhook: MerchantEndpoint = {
  route: 'webhooks',
  handle({ params }, core) {
    core.registry.remove(params.webhookId ?? '');
    return {};
  },
};
