import { isRecord, validationError } from '../validation/field-issues';
import { parseInStoreSessionRequest } from '../validation/in-store-session.request';
import type { MerchantEndpoint } from './merchant-request';

/** `POST /checkout/in-store-session` → `{checkout_id, order_id, checkout_deeplink}`; Tamara SMSes the link. */
export const createInStoreSession: MerchantEndpoint = {
  route: 'in_store_session',
  handle({ body }, core) {
    const request = parseInStoreSessionRequest(body, core.options);
    const order = core.lifecycle.createSession(request);
    return { checkout_id: order.checkoutId, order_id: order.orderId, checkout_deeplink: order.checkoutDeeplink };
  },
};

/**
 * `POST /checkout/{checkout_id}/void`. Tamara's reference puts `order_id`/`store_code` in the
 * query string, its PHP SDK in a JSON body: both are accepted, the query string first.
 */
export const voidCheckoutSession: MerchantEndpoint = {
  route: 'void',
  handle({ params, query, body }, core) {
    const fromBody = isRecord(body) ? body : {};
    const orderId = query.get('order_id') ?? textOrUndefined(fromBody.order_id);
    const storeCode = query.get('store_code') ?? textOrUndefined(fromBody.store_code);
    if (orderId === undefined || orderId === '') {
      throw validationError([{ field: 'order_id', problem: 'is_required', detail: 'is required' }]);
    }
    return core.lifecycle.voidSession(params.checkoutId ?? '', orderId, storeCode);
  },
};

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
