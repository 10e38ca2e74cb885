import { parseRefundRequest } from '../validation/refund.request';
import type { MerchantEndpoint } from './merchant-request';

/** `POST /payments/simplified-refund/{order_id}`. */
export const simplifiedRefund: MerchantEndpoint = {
  route: 'simplified_refund',
  handle({ params, body }, core) {
    const draft = parseRefundRequest(body);
    return core.lifecycle.refund(params.orderId ?? '', draft);
  },
};
