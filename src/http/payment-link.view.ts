import { Money } from '../shared/money/money';
import type { PaymentLinkEntity } from '../payments/persistence/payment-link.entity';
import type { RefundEntity } from '../payments/persistence/refund.entity';

/** What callers see of a link: no customer PII beyond a masked phone. */
export function toLinkView(link: PaymentLinkEntity, refunds?: RefundEntity[]) {
  const money = (v: string) => Money.rounded(v, link.currency).toJSON();
  return {
    id: link.id,
    reference: link.documentReference,
    documentSource: link.documentSource,
    documentId: link.documentId,
    attempt: link.attempt,
    orderReferenceId: link.orderReferenceId,
    status: link.status,
    amount: money(link.amount),
    capturedAmount: money(link.capturedAmount),
    refundedAmount: money(link.refundedAmount),
    customerPhone: link.phoneMasked,
    tamaraOrderId: link.tamaraOrderId,
    tamaraCheckoutId: link.checkoutId,
    checkoutUrl: link.checkoutUrl,
    storeCode: link.storeCode,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    error: link.errorCode ? { code: link.errorCode, message: link.errorMessage } : null,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
    ...(refunds ? { refunds: refunds.map(toRefundView) } : {}),
  };
}

export function toRefundView(refund: RefundEntity) {
  return {
    id: refund.id,
    status: refund.status,
    amount: Money.rounded(refund.amount, refund.currency).toJSON(),
    comment: refund.comment,
    tamaraRefundId: refund.tamaraRefundId,
    error: refund.errorCode ? { code: refund.errorCode, message: refund.errorMessage } : null,
    createdAt: refund.createdAt.toISOString(),
    updatedAt: refund.updatedAt.toISOString(),
  };
}
