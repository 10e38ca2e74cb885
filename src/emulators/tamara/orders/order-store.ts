import type { EmulatedOrder } from './order.model';

/** In-memory orders, indexed by Tamara order id, checkout id and (current) merchant reference. */
export class OrderStore {
  private readonly byOrderId = new Map<string, EmulatedOrder>();
  private readonly byCheckoutId = new Map<string, EmulatedOrder>();

  add(order: EmulatedOrder): void {
    this.byOrderId.set(order.orderId, order);
    this.byCheckoutId.set(order.checkoutId, order);
  }

  get(orderId: string): EmulatedOrder | undefined {
    return this.byOrderId.get(orderId);
  }

  getByCheckoutId(checkoutId: string): EmulatedOrder | undefined {
    return this.byCheckoutId.get(checkoutId);
  }

  /** All orders carrying `reference`, oldest first. */
  allByReference(reference: string): EmulatedOrder[] {
    return this.all().filter((order) => order.orderReferenceId === reference);
  }

  /** When several orders share a reference (a POS retry after expiry), the newest one answers. */
  latestByReference(reference: string): EmulatedOrder | undefined {
    return this.allByReference(reference).at(-1);
  }

  /** Oldest first (Map keeps insertion order). */
  all(): EmulatedOrder[] {
    return [...this.byOrderId.values()];
  }

  clear(): void {
    this.byOrderId.clear();
    this.byCheckoutId.clear();
  }
}
