import type { OdooMany2one } from '../client/odoo-types';

/** The fields the bridge reads, typed as Odoo sends them (`false` for empty). */
export interface OdooInvoice {
  id: number;
  name: string | false;
  state: 'draft' | 'posted' | 'cancel';
  move_type: string;
  payment_state: string | false;
  amount_total: number;
  amount_residual: number;
  currency_id: OdooMany2one | false;
  partner_id: OdooMany2one | false;
  invoice_line_ids: number[];
  reversed_entry_id: OdooMany2one | false;
  x_tamara_pay: boolean;
  x_tamara_phone: string | false;
  x_tamara_status: string | false;
  x_tamara_order_id: string | false;
  x_tamara_refund_ids: string | false;
  x_tamara_error: string | false;
  write_date: string;
  [key: string]: unknown;
}

export interface OdooSaleOrder {
  id: number;
  name: string;
  state: string;
  amount_total: number;
  currency_id: OdooMany2one | false;
  partner_id: OdooMany2one | false;
  order_line: number[];
  invoice_ids: number[];
  x_tamara_pay: boolean;
  x_tamara_phone: string | false;
  x_tamara_status: string | false;
  x_tamara_order_id: string | false;
  x_tamara_error: string | false;
  write_date: string;
  [key: string]: unknown;
}

export const INVOICE_FIELDS = [
  'id', 'name', 'state', 'move_type', 'payment_state', 'amount_total', 'amount_residual', 'currency_id', 'partner_id',
  'invoice_line_ids', 'reversed_entry_id', 'x_tamara_pay', 'x_tamara_phone', 'x_tamara_status', 'x_tamara_order_id',
  'x_tamara_refund_ids', 'x_tamara_error', 'write_date',
] as const;

export const SALE_ORDER_FIELDS = [
  'id', 'name', 'state', 'amount_total', 'currency_id', 'partner_id', 'order_line', 'invoice_ids', 'x_tamara_pay',
  'x_tamara_phone', 'x_tamara_status', 'x_tamara_order_id', 'x_tamara_error', 'write_date',
] as const;

/** Values written back to a document; only these x_ fields are ever written by the connector. */
export interface TamaraFieldValues {
  x_tamara_pay?: boolean;
  x_tamara_status?: string | false;
  x_tamara_order_id?: string | false;
  x_tamara_checkout_id?: string | false;
  x_tamara_checkout_url?: string | false;
  x_tamara_refund_ids?: string | false;
  x_tamara_error?: string | false;
}

export type OdooDocumentModel = 'account.move' | 'sale.order';
