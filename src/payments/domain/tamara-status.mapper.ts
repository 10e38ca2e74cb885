import { assertUnreachable } from '../../shared/errors/app-error';
import { TAMARA_ORDER_STATUSES, TamaraOrderStatus } from '../../tamara/tamara-api.types';
import type { PaymentLinkStatus } from './payment-link-status';

export type ObservedStatus = { kind: 'known'; status: PaymentLinkStatus } | { kind: 'unrecognised'; raw: string };

function isTamaraOrderStatus(raw: string): raw is TamaraOrderStatus {
  return (TAMARA_ORDER_STATUSES as readonly string[]).includes(raw);
}

/**
 * Tamara's order status → the link's status. Exhaustive: a status Tamara adds later fails the build
 * here (when added to TAMARA_ORDER_STATUSES) instead of silently becoming "pending" in the books.
 * An unknown text at run time is reported as unrecognised and treated as "no news".
 */
export function mapTamaraStatus(raw: string): ObservedStatus {
  if (!isTamaraOrderStatus(raw)) return { kind: 'unrecognised', raw };
  switch (raw) {
    case 'new':
      return { kind: 'known', status: 'new' };
    case 'approved':
      return { kind: 'known', status: 'approved' };
    case 'authorised':
      return { kind: 'known', status: 'authorised' };
    case 'declined':
      return { kind: 'known', status: 'declined' };
    case 'expired':
      return { kind: 'known', status: 'expired' };
    // An in-store order is never cancelled by us (void is the tool); a canceled order was not paid.
    case 'canceled':
      return { kind: 'known', status: 'voided' };
    // In-store orders are captured whole; a partial capture or partial cancel still means money was taken.
    case 'updated':
    case 'partially_captured':
    case 'fully_captured':
      return { kind: 'known', status: 'fully_captured' };
    case 'partially_refunded':
      return { kind: 'known', status: 'partially_refunded' };
    case 'fully_refunded':
      return { kind: 'known', status: 'fully_refunded' };
    default:
      return assertUnreachable(raw, 'Tamara order status');
  }
}
