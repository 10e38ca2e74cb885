/** The calls this client makes, named once so that logs, errors and retry rules agree. */
export const TAMARA_OPERATIONS = {
  createInStoreSession: { isWrite: true, pathTemplate: 'POST /checkout/in-store-session' },
  getOrder: { isWrite: false, pathTemplate: 'GET /merchants/orders/{order_id}' },
  findOrderByReference: { isWrite: false, pathTemplate: 'GET /merchants/orders/reference-id/{order_reference_id}' },
  voidCheckout: { isWrite: true, pathTemplate: 'POST /checkout/{checkout_id}/void' },
  simplifiedRefund: { isWrite: true, pathTemplate: 'POST /payments/simplified-refund/{order_id}' },
  updateOrderReference: { isWrite: true, pathTemplate: 'PUT /orders/{order_id}/reference-id' },
  isCustomerIdVerified: { isWrite: false, pathTemplate: 'GET /merchants/customer/id-verification-status' },
  registerWebhook: { isWrite: true, pathTemplate: 'POST /webhooks' },
} as const satisfies Record<string, { isWrite: boolean; pathTemplate: string }>;

export type TamaraOperation = keyof typeof TAMARA_OPERATIONS;

export function isWriteOperation(operation: TamaraOperation): boolean {
  return TAMARA_OPERATIONS[operation].isWrite;
}
