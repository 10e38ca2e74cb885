import type { Money } from '../shared/money/money';
import type { PaymentLinkStatus } from '../payments/domain/payment-link-status';

/** Where a payment link's document lives. 'api' links (POS front-ends) have no ERP write-back. */
export type DocumentSource = 'api' | 'odoo.invoice' | 'odoo.sale_order';

/** What the ERP adapter is told about a link; a read-only copy taken when the event was recorded. */
export interface PaymentLinkSnapshot {
  id: string;
  documentSource: DocumentSource;
  documentId: string;
  documentReference: string;
  attempt: number;
  orderReferenceId: string;
  tamaraOrderId: string | null;
  checkoutId: string | null;
  checkoutUrl: string | null;
  status: PaymentLinkStatus;
  amount: Money;
  capturedAmount: Money;
  refundedAmount: Money;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface RefundSnapshot {
  id: string;
  /** What asked for it, e.g. "odoo.credit_note:17" or "api:<Idempotency-Key>". */
  requestKey: string;
  amount: Money;
  tamaraRefundId: string | null;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
}

/**
 * Events the payments core records (in its transactional outbox, in the same database transaction
 * as the change they describe) and delivers to the ERP adapter of the link's document source.
 * Delivery is at-least-once, in order per link: adapters must be idempotent.
 */
export type ErpEvent =
  | { type: 'link.status_changed'; link: PaymentLinkSnapshot; from: PaymentLinkStatus | null; to: PaymentLinkStatus; cause: string }
  | { type: 'link.captured'; link: PaymentLinkSnapshot; capturedAmount: Money }
  | { type: 'refund.succeeded'; link: PaymentLinkSnapshot; refund: RefundSnapshot }
  | { type: 'refund.failed'; link: PaymentLinkSnapshot; refund: RefundSnapshot };

export type ErpErrorKind =
  /** Try again later (ERP down, timeout, serialization failure). */
  | 'retryable'
  /** A person must look (document cancelled, amounts differ, ERP validation error). Not retried. */
  | 'business'
  /** Credentials refused: stop delivering to this ERP until fixed, alert once. */
  | 'auth';

export class ErpError extends Error {
  constructor(
    readonly kind: ErpErrorKind,
    message: string,
    readonly code = 'ERP_ERROR',
  ) {
    super(message);
    this.name = 'ErpError';
  }
}

/** One per document source; registered with the outbox dispatcher. */
export interface ErpAdapter {
  readonly sources: readonly DocumentSource[];
  /** Must be idempotent: the same event can be delivered again after a crash. */
  handle(event: ErpEvent): Promise<void>;
}

export const ERP_ADAPTERS = Symbol('ERP_ADAPTERS');
