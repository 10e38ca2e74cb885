import { orderDetailsView } from '../orders/order-details.view';
import { TamaraErrors } from '../tamara-api-error';
import { parseUpdateReferenceRequest } from '../validation/update-reference.request';
import type { MerchantEndpoint } from './merchant-request';

/** `GET /orders/{order_id}` and `GET /merchants/orders/{order_id}` (both paths are live in Tamara's docs). */
export const getOrderById: MerchantEndpoint = {
  route: 'get_order',
  handle({ params }, core) {
    core.lifecycle.expireDue();
    return orderDetailsView(core.lifecycle.require(params.orderId ?? ''), core.options.merchantId);
  },
};

/** `GET /merchants/orders/reference-id/{ref}`: the newest order carrying the reference. */
export const getOrderByReference: MerchantEndpoint = {
  route: 'get_order',
  handle({ params }, core) {
    core.lifecycle.expireDue();
    const reference = params.reference ?? '';
    const order = core.store.latestByReference(reference);
    if (!order) throw TamaraErrors.orderReferenceNotFound(reference);
    return orderDetailsView(order, core.options.merchantId);
  },
};

/** `PUT /orders/{order_id}/reference-id`. */
export const updateReferenceId: MerchantEndpoint = {
  route: 'update_reference_id',
  handle({ params, body }, core) {
    const reference = parseUpdateReferenceRequest(body);
    core.lifecycle.updateReference(params.orderId ?? '', reference);
    return { message: 'Order reference id was updated successfully' };
  },
};
