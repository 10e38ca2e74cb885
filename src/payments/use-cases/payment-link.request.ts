import type { DocumentSource } from '../../erp/erp-port';
import type { Money } from '../../shared/money/money';

export interface PaymentLinkItemInput {
  referenceId: string;
  name: string;
  sku?: string;
  type?: string;
  quantity: string;
  unitPrice?: Money;
  taxAmount?: Money;
  discountAmount?: Money;
  totalAmount: Money;
}

/** What an ERP document or a POS front-end asks for; validated values only. */
export interface PaymentLinkRequest {
  documentSource: DocumentSource;
  documentId: string;
  documentReference: string;
  amount: Money;
  /** Raw phone as typed; normalised by the use case. */
  phone: string;
  email?: string;
  orderNumber?: string;
  items?: PaymentLinkItemInput[];
  locale?: 'ar_SA' | 'en_US';
  storeCode?: string;
  /** API Idempotency-Key; a repeat returns the first result. */
  idempotencyKey?: string;
}
