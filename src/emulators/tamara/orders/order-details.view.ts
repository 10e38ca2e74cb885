import { TamaraMoney } from '../money/tamara-money';
import { canceledAmountOf, capturedAmountOf, refundedAmountOf, sumItems } from './order-totals';
import { EmulatedOrder, orderNumberOf } from './order.model';

/**
 * The Get Order body (same for `/orders/{id}`, `/merchants/orders/{id}` and
 * `/merchants/orders/reference-id/{ref}`), shaped like Tamara's examples but with totals
 * that agree with the transactions (Tamara's own samples do not).
 */
export function orderDetailsView(order: EmulatedOrder, merchantId: string): Record<string, unknown> {
  const currency = order.request.totalAmount.currency;
  const zero = TamaraMoney.zero(currency);
  const storeCode = order.request.storeCode ?? '';
  return {
    order_id: order.orderId,
    order_reference_id: order.orderReferenceId,
    order_number: orderNumberOf(order),
    description: '',
    consumer: {
      first_name: order.consumer.firstName,
      last_name: order.consumer.lastName,
      email: order.consumer.email,
      phone_number: order.consumer.phoneNumber,
      national_id: order.consumer.nationalId,
      date_of_birth: order.consumer.dateOfBirth,
      is_first_order: null,
    },
    status: order.status,
    // In-store sessions carry no addresses.
    shipping_address: null,
    billing_address: null,
    items: order.request.items.map((item) => ({
      reference_id: item.referenceId,
      type: item.type,
      name: item.name,
      sku: item.sku,
      quantity: item.quantity,
      tax_amount: item.taxAmount ?? zero,
      total_amount: item.totalAmount,
      unit_price: item.unitPrice ?? zero,
      discount_amount: item.discountAmount ?? zero,
      image_url: item.imageUrl ?? '',
      item_url: item.itemUrl ?? '',
    })),
    payment_type: order.request.paymentType,
    instalments: order.instalments,
    total_amount: order.request.totalAmount,
    shipping_amount: zero,
    tax_amount: sumItems(order, 'taxAmount'),
    discount_amount: { name: '', amount: sumItems(order, 'discountAmount') },
    captured_amount: capturedAmountOf(order),
    refunded_amount: refundedAmountOf(order),
    canceled_amount: canceledAmountOf(order),
    paid_amount: order.paidAmount,
    settlement_status: '',
    settlement_date: null,
    created_at: order.createdAt.toISOString(),
    wallet_prepaid_amount: zero,
    transactions: {
      cancels: order.cancels.map((cancel) => ({
        cancel_id: cancel.cancelId,
        order_id: order.orderId,
        total_amount: cancel.totalAmount,
        items: [],
        created_at: cancel.createdAt.toISOString(),
      })),
      captures: order.captures.map((capture) => ({
        capture_id: capture.captureId,
        order_id: order.orderId,
        merchant_id: merchantId,
        total_amount: capture.totalAmount,
        refunded_amount: capture.refundedAmount,
        shipping_info: {
          shipped_at: capture.createdAt.toISOString(),
          shipping_company: 'N/A',
          tracking_number: null,
          tracking_url: null,
        },
        items: [],
        shipping_amount: capture.shippingAmount,
        tax_amount: capture.taxAmount,
        discount_amount: capture.discountAmount,
        created_at: capture.createdAt.toISOString(),
      })),
      refunds: order.refunds.map((refund) => ({
        refund_id: refund.refundId,
        capture_id: refund.captureId,
        total_amount: refund.totalAmount,
        items: [],
        tax_amount: zero,
        shipping_amount: zero,
        discount_amount: zero,
        created_at: refund.createdAt.toISOString(),
        updated_at: refund.createdAt.toISOString(),
        comment: refund.comment,
        ext_data: [],
        merchant_refund_id: refund.merchantRefundId,
        refund_status: 'success',
      })),
    },
    processing: false,
    store_code: storeCode,
    additional_data: { single_checkout: false, from_in_store_payment_link: true },
  };
}
