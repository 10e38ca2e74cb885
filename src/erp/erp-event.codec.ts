import { Money } from '../shared/money/money';
import type { ErpEvent, PaymentLinkSnapshot, RefundSnapshot } from './erp-port';

type Json = Record<string, any>;

const money = (m: Json) => Money.rounded(m.amount, m.currency);

function link(j: Json): PaymentLinkSnapshot {
  return { ...(j as PaymentLinkSnapshot), amount: money(j.amount), capturedAmount: money(j.capturedAmount), refundedAmount: money(j.refundedAmount) };
}

function refund(j: Json): RefundSnapshot {
  return { ...(j as RefundSnapshot), amount: money(j.amount) };
}

/** Turns an outbox payload (JSON) back into a typed event with Money values. */
export function reviveErpEvent(payload: Json): ErpEvent {
  switch (payload.type) {
    case 'link.status_changed':
      return { type: payload.type, link: link(payload.link), from: payload.from, to: payload.to, cause: payload.cause };
    case 'link.captured':
      return { type: payload.type, link: link(payload.link), capturedAmount: money(payload.capturedAmount) };
    case 'refund.succeeded':
    case 'refund.failed':
      return { type: payload.type, link: link(payload.link), refund: refund(payload.refund) };
    default:
      throw new Error(`Unknown ERP event type ${String(payload.type)}`);
  }
}
