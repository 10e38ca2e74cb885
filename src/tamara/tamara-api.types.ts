import type { Money } from '../shared/money/money';

/** Statuses Tamara documents for orders (British "authorised", single-l "canceled"). */
export const TAMARA_ORDER_STATUSES = [
  'new',
  'approved',
  'authorised',
  'declined',
  'expired',
  'canceled',
  'updated',
  'partially_captured',
  'fully_captured',
  'partially_refunded',
  'fully_refunded',
] as const;
export type TamaraOrderStatus = (typeof TAMARA_ORDER_STATUSES)[number];

export const TAMARA_WEBHOOK_EVENTS = [
  'order_approved',
  'order_authorised',
  'order_declined',
  'order_canceled',
  'order_updated',
  'order_captured',
  'order_refunded',
  'order_expired',
] as const;
export type TamaraWebhookEvent = (typeof TAMARA_WEBHOOK_EVENTS)[number];

export type TamaraLocale = 'ar_SA' | 'en_US';
export type TamaraPaymentType = 'PAY_BY_INSTALMENTS' | 'PAY_NOW';

export interface TamaraItem {
  referenceId: string;
  type: string;
  name: string;
  sku: string;
  /** Decimal text, e.g. "1" or "2.5". */
  quantity: string;
  unitPrice?: Money;
  taxAmount?: Money;
  discountAmount?: Money;
  totalAmount: Money;
}

export interface CreateInStoreSessionRequest {
  orderReferenceId: string;
  orderNumber?: string;
  totalAmount: Money;
  /** Already normalised (see shared/phone). */
  phoneNumber: string;
  email?: string;
  items: TamaraItem[];
  locale?: TamaraLocale;
  paymentType?: TamaraPaymentType;
  /** Only honoured when Tamara enabled `expiry_time` for the merchant. */
  expiryTimeMinutes?: number;
  storeCode?: string;
}

export interface InStoreSession {
  orderId: string;
  checkoutId: string;
  checkoutDeeplink?: string;
}

export interface TamaraCapture {
  captureId: string;
  totalAmount: Money;
  createdAt?: string;
}

export interface TamaraRefundTransaction {
  refundId: string;
  captureId?: string;
  totalAmount: Money;
  comment?: string;
  merchantRefundId?: string | null;
  createdAt?: string;
}

/** Get-order details, reduced to what the connector uses. Customer PII is never kept. */
export interface TamaraOrder {
  orderId: string;
  orderReferenceId: string;
  orderNumber?: string;
  /** Raw status text from Tamara; mapped (exhaustively) by the payments domain. */
  status: string;
  totalAmount: Money;
  capturedAmount: Money;
  refundedAmount: Money;
  canceledAmount?: Money;
  paidAmount?: Money;
  storeCode?: string;
  createdAt?: string;
  captures: TamaraCapture[];
  refunds: TamaraRefundTransaction[];
}

export interface VoidCheckoutResult {
  orderWasVoided: boolean;
  /** "success", "checkout_already_completed", "checkout_already_expired", or another text. */
  message: string;
  capturedAmount?: Money;
}

export interface SimplifiedRefundRequest {
  orderId: string;
  totalAmount: Money;
  comment: string;
  merchantRefundId?: string;
}

export interface SimplifiedRefundResult {
  orderId: string;
  refundId: string;
  captureId?: string;
  /** New order status: "partially_refunded" or "fully_refunded". */
  status: string;
  refundedAmount?: Money;
  comment?: string;
}

export interface WebhookRegistration {
  webhookId: string;
  /** True when Tamara answered `webhook_already_registered` (treated as success). */
  alreadyRegistered: boolean;
}

/** A webhook notification body as Tamara sends it; only a hint, never trusted for state. */
export interface TamaraNotification {
  orderId: string;
  orderReferenceId?: string;
  orderNumber?: string;
  eventType: string;
  /** `{}` when Tamara sent `[]` (its encoding of "no data"). */
  data: Record<string, unknown>;
}
