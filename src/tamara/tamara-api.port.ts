import type {
  CreateInStoreSessionRequest,
  InStoreSession,
  SimplifiedRefundRequest,
  SimplifiedRefundResult,
  TamaraOrder,
  VoidCheckoutResult,
  WebhookRegistration,
} from './tamara-api.types';

/**
 * Tamara's merchant API as the connector uses it. Implemented over HTTP by `TamaraHttpClient`;
 * faked in unit tests. Every method throws `TamaraError` on failure.
 *
 * Reads may be retried inside the implementation; writes (create, void, refund, update reference)
 * are sent once: an unknown outcome comes back as `TamaraError('outcome_unknown')`.
 */
export abstract class TamaraApi {
  abstract createInStoreSession(request: CreateInStoreSessionRequest): Promise<InStoreSession>;
  abstract getOrder(orderId: string): Promise<TamaraOrder>;
  /** null when Tamara has no order with this reference (404). */
  abstract findOrderByReference(orderReferenceId: string): Promise<TamaraOrder | null>;
  abstract voidCheckout(checkoutId: string, orderId: string, storeCode?: string): Promise<VoidCheckoutResult>;
  abstract simplifiedRefund(request: SimplifiedRefundRequest): Promise<SimplifiedRefundResult>;
  abstract updateOrderReference(orderId: string, orderReferenceId: string): Promise<void>;
  abstract isCustomerIdVerified(phoneNumber: string, countryCode: 'SA' | 'AE'): Promise<boolean>;
  abstract registerWebhook(url: string, events: readonly string[], headers?: Record<string, string>): Promise<WebhookRegistration>;
}
