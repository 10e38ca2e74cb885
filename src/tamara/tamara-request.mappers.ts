import { Money, RAW_NUMBER_PREFIX, rawJsonNumber, stringifyWithExactNumbers } from '../shared/money/money';
import type { CreateInStoreSessionRequest, SimplifiedRefundRequest, TamaraItem } from './tamara-api.types';

/**
 * Typed requests → Tamara's snake_case JSON text. Amounts and quantities are written as bare JSON
 * numbers with exact decimal text (KWD `12.345`, SAR `100.00`); optional fields are left out,
 * not sent as null.
 */

type WireMoney = { amount: string; currency: string };

function wireMoney(money: Money): WireMoney {
  return { amount: rawJsonNumber(money), currency: money.currency };
}

const QUANTITY_TEXT = /^\d+(\.\d+)?$/;

function wireQuantity(quantity: string): string {
  const text = quantity.trim();
  if (!QUANTITY_TEXT.test(text)) throw new RangeError('Tamara item quantity must be a non-negative decimal text');
  return `${RAW_NUMBER_PREFIX}${text}`;
}

function wireItem(item: TamaraItem): Record<string, unknown> {
  return {
    reference_id: item.referenceId,
    type: item.type,
    name: item.name,
    sku: item.sku,
    quantity: wireQuantity(item.quantity),
    ...(item.unitPrice ? { unit_price: wireMoney(item.unitPrice) } : {}),
    ...(item.taxAmount ? { tax_amount: wireMoney(item.taxAmount) } : {}),
    ...(item.discountAmount ? { discount_amount: wireMoney(item.discountAmount) } : {}),
    total_amount: wireMoney(item.totalAmount),
  };
}

export function inStoreSessionBody(request: CreateInStoreSessionRequest): string {
  const expiry = request.expiryTimeMinutes;
  return stringifyWithExactNumbers({
    total_amount: wireMoney(request.totalAmount),
    phone_number: request.phoneNumber,
    ...(request.email !== undefined ? { email: request.email } : {}),
    order_reference_id: request.orderReferenceId,
    ...(request.orderNumber !== undefined ? { order_number: request.orderNumber } : {}),
    ...(request.locale !== undefined ? { locale: request.locale } : {}),
    ...(request.paymentType !== undefined ? { payment_type: request.paymentType } : {}),
    // Tamara's SDK sends expiry_time only when positive; Tamara ignores it unless enabled for the merchant.
    ...(expiry !== undefined && Number.isInteger(expiry) && expiry > 0 ? { expiry_time: expiry } : {}),
    items: request.items.map(wireItem),
    ...(request.storeCode !== undefined ? { additional_data: { store_code: request.storeCode } } : {}),
  });
}

/** Void: the OpenAPI puts order_id/store_code in the query, the PHP SDK in the body; we send both. */
export function voidCheckoutBody(orderId: string, storeCode?: string): string {
  return JSON.stringify({ order_id: orderId, ...(storeCode !== undefined ? { store_code: storeCode } : {}) });
}

export function voidCheckoutQuery(orderId: string, storeCode?: string): Record<string, string> {
  return { order_id: orderId, ...(storeCode !== undefined ? { store_code: storeCode } : {}) };
}

export function simplifiedRefundBody(request: SimplifiedRefundRequest): string {
  return stringifyWithExactNumbers({
    total_amount: wireMoney(request.totalAmount),
    comment: request.comment,
    ...(request.merchantRefundId !== undefined ? { merchant_refund_id: request.merchantRefundId } : {}),
  });
}

export function updateOrderReferenceBody(orderReferenceId: string): string {
  return JSON.stringify({ order_reference_id: orderReferenceId });
}

export function registerWebhookBody(url: string, events: readonly string[], headers?: Record<string, string>): string {
  return JSON.stringify({ type: 'order', url, events, ...(headers !== undefined ? { headers } : {}) });
}

/** `?a=1&b=x%20y` with RFC 3986 encoding (spaces as %20, as in Tamara's curl samples). */
export function queryString(params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
