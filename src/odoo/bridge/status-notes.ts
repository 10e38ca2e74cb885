import type { PaymentLinkSnapshot, RefundSnapshot } from '../../erp/erp-port';
import type { PaymentLinkStatus } from '../../payments/domain/payment-link-status';

/** x_tamara_status: Tamara's vocabulary plus the connector's own states; our "failed" reads "error" in Odoo. */
export function odooStatus(status: PaymentLinkStatus): string {
  return status === 'failed' ? 'error' : status;
}

const money = (m: { toString(): string }) => m.toString();

/** The chatter note for a status change, in words a cashier understands (plain text: Odoo escapes it). */
export function statusNote(link: PaymentLinkSnapshot): string {
  const order = link.tamaraOrderId ? ` Tamara order ${link.tamaraOrderId}.` : '';
  switch (link.status) {
    case 'requested':
      return `Tamara: payment link requested for ${money(link.amount)} (reference ${link.orderReferenceId}).`;
    case 'new':
    case 'approved':
    case 'authorised':
      return `Tamara: payment link sent to the customer by SMS for ${money(link.amount)}.${order} Link: ${link.checkoutUrl ?? 'n/a'}`;
    case 'fully_captured':
      return `Tamara: the customer paid ${money(link.capturedAmount)}.${order}`;
    case 'partially_refunded':
      return `Tamara: partially refunded; ${money(link.refundedAmount)} of ${money(link.capturedAmount)} refunded so far.${order}`;
    case 'fully_refunded':
      return `Tamara: fully refunded (${money(link.refundedAmount)}).${order}`;
    case 'declined':
      return `Tamara declined this payment.${order} Tick "Pay with Tamara" again to send a new link, or take another payment method.`;
    case 'expired':
      return `Tamara: the payment link expired before the customer paid.${order} Tick "Pay with Tamara" again to send a new link.`;
    case 'voided':
      return `Tamara: the payment link was cancelled; the customer can no longer pay with it.${order}`;
    case 'failed':
      return `Tamara could not create the payment link: ${link.errorMessage ?? 'unknown error'} Fix it and tick "Pay with Tamara" again.`;
  }
}

export function refundNote(refund: RefundSnapshot, link: PaymentLinkSnapshot): string {
  if (refund.status === 'succeeded') {
    return `Tamara refunded ${money(refund.amount)} (refund ${refund.tamaraRefundId}, Tamara order ${link.tamaraOrderId}).`;
  }
  if (refund.status === 'needs_review') {
    return `Tamara refund of ${money(refund.amount)} needs a check: ${refund.errorMessage ?? ''} Look at Tamara order ${link.tamaraOrderId} in the Tamara partner portal before doing anything else.`;
  }
  return `Tamara refused the refund of ${money(refund.amount)}: ${refund.errorMessage ?? 'unknown reason'}`;
}
