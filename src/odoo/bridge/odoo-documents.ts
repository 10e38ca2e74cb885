import type { DocumentSource } from '../../erp/erp-port';
import type { OdooDocumentModel } from './odoo-records';

/** How the bridge names Odoo documents in the payments core. */
export const ODOO_INVOICE: DocumentSource = 'odoo.invoice';
export const ODOO_SALE_ORDER: DocumentSource = 'odoo.sale_order';

export function modelOf(source: DocumentSource): OdooDocumentModel {
  if (source === ODOO_INVOICE) return 'account.move';
  if (source === ODOO_SALE_ORDER) return 'sale.order';
  throw new Error(`Not an Odoo document source: ${source}`);
}

/** Refund request key of a credit note: one Tamara refund per credit note (P3). */
export const creditNoteRefundKey = (creditNoteId: number) => `odoo.credit_note:${creditNoteId}`;

export function creditNoteIdOf(requestKey: string): number | undefined {
  const m = /^odoo\.credit_note:(\d+)$/.exec(requestKey);
  return m ? Number(m[1]) : undefined;
}

/** The idempotency markers searched for before registering a payment (memo on 18+, ref before). */
export const paymentMarker = (tamaraOrderId: string) => `Tamara order ${tamaraOrderId}`;
export const refundMarker = (tamaraRefundId: string) => `Tamara refund ${tamaraRefundId}`;
