import { RouteTable } from '../http/route-matcher';
import { createInStoreSession, voidCheckoutSession } from './checkout.endpoints';
import { idVerificationStatus } from './customer.endpoints';
import type { MerchantEndpoint } from './merchant-request';
import { getOrderById, getOrderByReference, updateReferenceId } from './order.endpoints';
import { simplifiedRefund } from './refund.endpoints';
import { deleteWebhook, listWebhooks, registerWebhook, retrieveWebhook, updateWebhook } from './webhook.endpoints';

/** Tamara's merchant API as far as the in-store flow uses it. */
export const MERCHANT_ROUTES = new RouteTable<MerchantEndpoint>([
  { method: 'POST', path: '/checkout/in-store-session', target: createInStoreSession },
  { method: 'POST', path: '/checkout/:checkoutId/void', target: voidCheckoutSession },
  { method: 'GET', path: '/orders/:orderId', target: getOrderById },
  { method: 'GET', path: '/merchants/orders/reference-id/:reference', target: getOrderByReference },
  { method: 'GET', path: '/merchants/orders/:orderId', target: getOrderById },
  { method: 'PUT', path: '/orders/:orderId/reference-id', target: updateReferenceId },
  { method: 'POST', path: '/payments/simplified-refund/:orderId', target: simplifiedRefund },
  { method: 'GET', path: '/merchants/customer/id-verification-status', target: idVerificationStatus },
  { method: 'POST', path: '/webhooks', target: registerWebhook },
  { method: 'GET', path: '/webhooks', target: listWebhooks },
  { method: 'GET', path: '/webhooks/:webhookId', target: retrieveWebhook },
  { method: 'PUT', path: '/webhooks/:webhookId', target: updateWebhook },
  { method: 'DELETE', path: '/webhooks/:webhookId', target: deleteWebhook },
]);
