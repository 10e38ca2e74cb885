import { parseTamaraNotification } from '../../../src/tamara/webhook/tamara-notification.parser';
import { notificationDedupeKey } from '../../../src/tamara/webhook/notification-dedupe-key';
import type { TamaraNotification } from '../../../src/tamara/tamara-api.types';

const ORDER_ID = '0ac038ef-de4a-491c-828e-b02ec0d4582d';

function parsed(body: unknown): TamaraNotification {
  const result = parseTamaraNotification(body);
  if (!result.ok) throw new Error(`expected a valid notification: ${result.fields.join(', ')}`);
  return result.notification;
}

describe('parseTamaraNotification', () => {
  it('parses an order_captured notification', () => {
    const body = {
      order_id: ORDER_ID,
      order_reference_id: 'INV/2026/0042',
      order_number: '0042',
      event_type: 'order_captured',
      data: { capture_id: 'c-1', captured_amount: { amount: 300.0, currency: 'SAR' } },
    };

    expect(parseTamaraNotification(body)).toEqual({
      ok: true,
      notification: { orderId: ORDER_ID, orderReferenceId: 'INV/2026/0042', orderNumber: '0042', eventType: 'order_captured', data: body.data },
    });
  });

  it('turns Tamara’s empty-array data into {}', () => {
    expect(parsed({ order_id: ORDER_ID, order_reference_id: 'R', order_number: 'N', event_type: 'order_expired', data: [] }).data).toEqual({});
  });

  it('passes unknown event types through unchanged', () => {
    expect(parsed({ order_id: ORDER_ID, event_type: 'order_on_hold', data: {} }).eventType).toBe('order_on_hold');
  });

  it('treats missing or null optional fields as absent', () => {
    expect(parsed({ order_id: ORDER_ID, order_reference_id: null, event_type: 'order_approved' })).toEqual({ orderId: ORDER_ID, eventType: 'order_approved', data: {} });
  });

  it.each([
    ['a non-object body', 'hello', ['(root)']],
    ['a non-uuid order_id', { order_id: '42', event_type: 'order_captured', data: {} }, ['order_id']],
    ['a missing event_type', { order_id: ORDER_ID, data: {} }, ['event_type']],
    ['a non-empty array as data', { order_id: ORDER_ID, event_type: 'order_captured', data: [1] }, ['data']],
    ['a string as data', { order_id: ORDER_ID, event_type: 'order_captured', data: 'x' }, ['data']],
  ])('rejects %s with the offending fields', (_name, body, fields) => {
    expect(parseTamaraNotification(body)).toEqual({ ok: false, reason: 'invalid_notification', fields });
  });

  it('lists field paths only, never values', () => {
    const result = parseTamaraNotification({ order_id: '966512345678', event_type: 5 });
    expect(JSON.stringify(result)).not.toContain('966512345678');
  });
});

describe('notificationDedupeKey', () => {
  const refund = (refundId: string, extra: Record<string, unknown> = {}) =>
    parsed({ order_id: ORDER_ID, order_reference_id: 'R', event_type: 'order_refunded', data: { refund_id: refundId, refunded_amount: { amount: 10, currency: 'SAR' }, comment: 'CN', ...extra } });

  it('is a stable SHA-256 hex digest', () => {
    expect(notificationDedupeKey(refund('r-1'))).toMatch(/^[0-9a-f]{64}$/);
    expect(notificationDedupeKey(refund('r-1'))).toBe(notificationDedupeKey(refund('r-1')));
  });

  it('does not depend on key order', () => {
    const a = parsed(JSON.parse('{"order_id":"' + ORDER_ID + '","event_type":"order_captured","data":{"capture_id":"c","captured_amount":{"amount":1,"currency":"SAR"}}}'));
    const b = parsed(JSON.parse('{"data":{"captured_amount":{"currency":"SAR","amount":1},"capture_id":"c"},"event_type":"order_captured","order_id":"' + ORDER_ID + '"}'));
    expect(notificationDedupeKey(a)).toBe(notificationDedupeKey(b));
  });

  it('separates two refunds of the same amount by refund_id', () => {
    expect(notificationDedupeKey(refund('r-1'))).not.toBe(notificationDedupeKey(refund('r-2')));
  });

  it('separates events of the same order', () => {
    const expired = parsed({ order_id: ORDER_ID, event_type: 'order_expired', data: [] });
    const declined = parsed({ order_id: ORDER_ID, event_type: 'order_declined', data: [] });
    expect(notificationDedupeKey(expired)).not.toBe(notificationDedupeKey(declined));
  });

  it('treats data [] and {} as the same delivery', () => {
    const a = parsed({ order_id: ORDER_ID, event_type: 'order_expired', data: [] });
    const b = parsed({ order_id: ORDER_ID, event_type: 'order_expired', data: {} });
    expect(notificationDedupeKey(a)).toBe(notificationDedupeKey(b));
  });
});
