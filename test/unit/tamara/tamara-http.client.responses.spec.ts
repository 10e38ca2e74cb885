import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Money } from '../../../src/shared/money/money';
import { TamaraError } from '../../../src/tamara/tamara-error';
import { StubTamaraServer } from './support/stub-tamara-server';
import { testClient } from './support/tamara-client.fixture';

/** Response examples from Tamara's own OpenAPI document (vendored fixture). */
const openApi = JSON.parse(readFileSync(join(__dirname, '../../fixtures/tamara-openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content: { 'application/json': { examples: Record<string, { value: unknown }> } } }> }>>;
};
function example(path: string, method: string, name: string): Record<string, unknown> {
  return openApi.paths[path][method].responses['200'].content['application/json'].examples[name].value as Record<string, unknown>;
}

const ORDER_ID = '0ac038ef-de4a-491c-828e-b02ec0d4582d';

describe('TamaraHttpClient response parsing', () => {
  let tamara: StubTamaraServer;

  beforeEach(async () => {
    tamara = await StubTamaraServer.start();
  });
  afterEach(async () => {
    await tamara.close();
  });

  it('parses the in-store session response', async () => {
    tamara.queue({ status: 200, body: example('/checkout/in-store-session', 'post', 'Success') });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.createInStoreSession({ orderReferenceId: 'R', totalAmount: Money.of('1', 'SAR'), phoneNumber: '966512345678', items: [] })).resolves.toEqual({
      orderId: '3e318d93-0cbc-4689-9e6c-873daeb158de',
      checkoutId: '34c4d9db-d56a-4155-8750-9281ac0f9ec3',
      checkoutDeeplink: '<URL>',
    });
  });

  it('parses a fully captured order and keeps no customer data', async () => {
    const body = example('/orders/{order_id}', 'get', 'Status `"fully_captured"`');
    tamara.queue({ status: 200, body });
    const { client } = testClient(tamara.baseUrl);

    const order = await client.getOrder(ORDER_ID);

    expect(order).toMatchObject({ orderId: ORDER_ID, orderReferenceId: '1231234123', orderNumber: '1231234123', status: 'fully_captured', createdAt: '2023-06-22T10:21:22.000Z' });
    expect(order.totalAmount.toString()).toBe('300.00 SAR');
    expect(order.capturedAmount.toString()).toBe('300.00 SAR');
    expect(order.refundedAmount.toString()).toBe('0.00 SAR');
    expect(order.paidAmount?.toString()).toBe('100.00 SAR');
    expect(order.storeCode).toBeUndefined();
    expect(order.captures).toEqual([{ captureId: 'd5a4be96-30de-4df1-a93f-43bb7b85a60a', totalAmount: Money.of('300', 'SAR'), createdAt: '2023-07-10T08:08:52.000Z' }]);
    const kept = JSON.stringify(order);
    expect(kept).not.toMatch(/consumer|address|Mona|Lisa|966532298658|customer@email\.com|date_of_birth|national/);
    expect(Object.keys(order).sort()).toEqual(
      ['canceledAmount', 'capturedAmount', 'captures', 'createdAt', 'orderId', 'orderNumber', 'orderReferenceId', 'paidAmount', 'refundedAmount', 'refunds', 'status', 'totalAmount'],
    );
  });

  it('parses refund transactions of a fully refunded order', async () => {
    tamara.queue({ status: 200, body: example('/orders/{order_id}', 'get', 'Status `"fully_refunded"`') });
    const { client } = testClient(tamara.baseUrl);

    const order = await client.findOrderByReference('1231234123');

    expect(order?.status).toBe('fully_refunded');
    expect(order?.refunds).toEqual([
      { refundId: 'ae81b5a7-0792-4c4e-b351-430cbcdf00ec', captureId: 'd5a4be96-30de-4df1-a93f-43bb7b85a60a', totalAmount: Money.of('300', 'SAR'), merchantRefundId: null, createdAt: '2023-07-10T08:08:52.000Z' },
    ]);
  });

  it('reads amounts given as numeric strings and rounds to the currency scale', async () => {
    tamara.queue({
      status: 200,
      body: {
        order_id: ORDER_ID,
        order_reference_id: 'R',
        status: 'new',
        total_amount: { amount: '12.345', currency: 'KWD' },
        captured_amount: { amount: '0.00', currency: 'KWD' },
        refunded_amount: { amount: 0, currency: 'KWD' },
        store_code: 'KWT-01',
        unknown_future_field: { anything: true },
      },
    });
    const { client } = testClient(tamara.baseUrl);

    const order = await client.getOrder(ORDER_ID);

    expect(order.totalAmount.toFixed()).toBe('12.345');
    expect(order.capturedAmount.toFixed()).toBe('0.000');
    expect(order.storeCode).toBe('KWT-01');
    expect(order.captures).toEqual([]);
    expect(order.refunds).toEqual([]);
  });

  it.each([
    ['Void Success', { orderWasVoided: true, message: 'success' }],
    ['Checkout Already Completed', { orderWasVoided: false, message: 'checkout_already_completed' }],
    ['Checkout Already Expired', { orderWasVoided: false, message: 'checkout_already_expired' }],
  ])('parses the flat void response (%s)', async (name, expected) => {
    tamara.queue({ status: 200, body: example('/checkout/{checkout_id}/void', 'post', name) });
    const { client } = testClient(tamara.baseUrl);

    const result = await client.voidCheckout('c', 'o', 'Test Store');

    expect(result).toMatchObject(expected);
    expect(result.capturedAmount?.toString()).toBe('100.00 SAR');
  });

  it('parses the simplified refund response', async () => {
    tamara.queue({ status: 200, body: example('/payments/simplified-refund/{order_id}', 'post', 'Partially Refunded') });
    const { client } = testClient(tamara.baseUrl);

    const result = await client.simplifiedRefund({ orderId: ORDER_ID, totalAmount: Money.of('100', 'SAR'), comment: 'Refund for the order 123' });

    expect(result).toEqual({
      orderId: ORDER_ID,
      refundId: '924001dc-0e25-463e-82f2-1848aca95542',
      captureId: 'bd10fc2c-4db8-426e-a1fd-b16388d42c01',
      status: 'partially_refunded',
      refundedAmount: Money.of('100', 'SAR'),
      comment: 'Refund for the order 123',
    });
  });

  it('parses webhook registration, and treats webhook_already_registered as success with the existing id', async () => {
    const already = (status: number) => ({
      status,
      body: { message: 'Webhook already registered', errors: [{ error_code: 'webhook_already_registered', data: { webhook_id: 'w-existing' } }] },
    });
    tamara.queue({ status: 200, body: { merchant_id: 'm', webhook_id: 'w-new', url: 'u', events: [], headers: [] } }, already(400), already(409), already(422));
    const { client } = testClient(tamara.baseUrl);

    await expect(client.registerWebhook('https://x/y', ['order_captured'])).resolves.toEqual({ webhookId: 'w-new', alreadyRegistered: false });
    for (let i = 0; i < 3; i++) {
      await expect(client.registerWebhook('https://x/y', ['order_captured'])).resolves.toEqual({ webhookId: 'w-existing', alreadyRegistered: true });
    }
  });

  it('does not turn webhook_already_registered without a webhook id into success', async () => {
    tamara.queue({ status: 400, body: { message: 'dup', errors: [{ error_code: 'webhook_already_registered' }] } });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.registerWebhook('https://x/y', ['order_captured'])).rejects.toMatchObject({ kind: 'rejected', errorCode: 'webhook_already_registered' });
  });

  it('accepts the update-reference acknowledgement', async () => {
    tamara.queue({ status: 200, body: { message: 'Order reference id was updated successfully' } });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.updateOrderReference(ORDER_ID, 'R2')).resolves.toBeUndefined();
  });

  it.each([
    ['a missing required field', { order_reference_id: 'R', status: 'new', total_amount: { amount: 1, currency: 'SAR' }, captured_amount: { amount: 0, currency: 'SAR' }, refunded_amount: { amount: 0, currency: 'SAR' } }, 'order_id'],
    ['a non-numeric amount', { order_id: ORDER_ID, order_reference_id: 'R', status: 'fully_captured', total_amount: { amount: 'abc', currency: 'SAR' }, captured_amount: { amount: 0, currency: 'SAR' }, refunded_amount: { amount: 0, currency: 'SAR' } }, 'total_amount'],
    ['an unsupported currency', { order_id: ORDER_ID, order_reference_id: 'R', status: 'new', total_amount: { amount: 1, currency: 'USD' }, captured_amount: { amount: 0, currency: 'SAR' }, refunded_amount: { amount: 0, currency: 'SAR' } }, 'total_amount'],
  ])('reports %s as invalid_response without retrying', async (_name, body, field) => {
    tamara.otherwise({ status: 200, body });
    const { client, logger } = testClient(tamara.baseUrl);

    const error = await client.getOrder(ORDER_ID).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TamaraError);
    expect(error).toMatchObject({ kind: 'invalid_response', details: { httpStatus: 200, operation: 'getOrder' } });
    expect((error as Error).message).toContain(field);
    expect(tamara.requests).toHaveLength(1);
    expect(logger.entries.some((e) => e.msg === 'tamara response violates schema')).toBe(true);
  });

  it('keeps an unknown order status as text (mapped by the payments domain)', async () => {
    tamara.queue({
      status: 200,
      body: { order_id: ORDER_ID, order_reference_id: 'R', status: 'on_hold', total_amount: { amount: 1, currency: 'SAR' }, captured_amount: { amount: 0, currency: 'SAR' }, refunded_amount: { amount: 0, currency: 'SAR' } },
    });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.getOrder(ORDER_ID)).resolves.toMatchObject({ status: 'on_hold' });
  });

  it('reports a void response without order_was_voided as invalid_response', async () => {
    tamara.queue({ status: 200, body: { message: 'success' } });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.voidCheckout('c', 'o')).rejects.toMatchObject({ kind: 'invalid_response' });
  });
});
