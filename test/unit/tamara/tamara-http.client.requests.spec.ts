import axios from 'axios';
import { HttpService } from '@nestjs/axios';
import { Money } from '../../../src/shared/money/money';
import { TamaraHttpClient } from '../../../src/tamara/tamara-http.client';
import type { CreateInStoreSessionRequest } from '../../../src/tamara/tamara-api.types';
import { StubTamaraServer } from './support/stub-tamara-server';
import { API_TOKEN, PHONE, testClient } from './support/tamara-client.fixture';

const ORDER_ID = '3e318d93-0cbc-4689-9e6c-873daeb158de';
const CHECKOUT_ID = '34c4d9db-d56a-4155-8750-9281ac0f9ec3';
const SESSION_REPLY = { status: 200, body: { checkout_id: CHECKOUT_ID, order_id: ORDER_ID, checkout_deeplink: 'https://checkout.example/x' } };

describe('TamaraHttpClient requests on the wire', () => {
  let tamara: StubTamaraServer;

  beforeEach(async () => {
    tamara = await StubTamaraServer.start();
  });
  afterEach(async () => {
    await tamara.close();
  });

  it('sends an in-store session with KWD amounts as exact 3-decimal JSON numbers and the phone as given', async () => {
    tamara.queue(SESSION_REPLY);
    const { client } = testClient(tamara.baseUrl);
    const kwd = (a: string) => Money.of(a, 'KWD');
    const request: CreateInStoreSessionRequest = {
      orderReferenceId: 'INV/2026/0042',
      orderNumber: '0042',
      totalAmount: kwd('12.345'),
      phoneNumber: '96551234567',
      email: 'c@example.com',
      items: [
        { referenceId: 'L1', type: 'Physical', name: 'Shoes', sku: 'SKU-1', quantity: '2.5', unitPrice: kwd('4.938'), taxAmount: kwd('0'), discountAmount: kwd('0.100'), totalAmount: kwd('12.345') },
      ],
      locale: 'en_US',
      paymentType: 'PAY_BY_INSTALMENTS',
      expiryTimeMinutes: 30,
      storeCode: 'KWT-01',
    };

    await client.createInStoreSession(request);

    expect(tamara.requests[0].method).toBe('POST');
    expect(tamara.requests[0].url).toBe('/checkout/in-store-session');
    expect(tamara.requests[0].body).toBe(
      '{"total_amount":{"amount":12.345,"currency":"KWD"},"phone_number":"96551234567","email":"c@example.com",' +
        '"order_reference_id":"INV/2026/0042","order_number":"0042","locale":"en_US","payment_type":"PAY_BY_INSTALMENTS","expiry_time":30,' +
        '"items":[{"reference_id":"L1","type":"Physical","name":"Shoes","sku":"SKU-1","quantity":2.5,' +
        '"unit_price":{"amount":4.938,"currency":"KWD"},"tax_amount":{"amount":0.000,"currency":"KWD"},' +
        '"discount_amount":{"amount":0.100,"currency":"KWD"},"total_amount":{"amount":12.345,"currency":"KWD"}}],' +
        '"additional_data":{"store_code":"KWT-01"}}',
    );
  });

  it('omits absent optional fields, writes SAR with 2 decimals and leaves out additional_data without a store', async () => {
    tamara.queue(SESSION_REPLY);
    const { client } = testClient(tamara.baseUrl);

    await client.createInStoreSession({
      orderReferenceId: 'R1',
      totalAmount: Money.of('100', 'SAR'),
      phoneNumber: PHONE,
      items: [{ referenceId: 'L1', type: 'Physical', name: 'Bag', sku: 'B', quantity: '1', totalAmount: Money.of('100', 'SAR') }],
    });

    expect(tamara.requests[0].body).toBe(
      '{"total_amount":{"amount":100.00,"currency":"SAR"},"phone_number":"966512345678","order_reference_id":"R1",' +
        '"items":[{"reference_id":"L1","type":"Physical","name":"Bag","sku":"B","quantity":1,"total_amount":{"amount":100.00,"currency":"SAR"}}]}',
    );
  });

  it('sends bearer auth, JSON content type and accept, and a connector user agent', async () => {
    tamara.queue(SESSION_REPLY, { status: 200, body: { is_id_verified: true } });
    const { client } = testClient(tamara.baseUrl);

    await client.createInStoreSession({ orderReferenceId: 'R1', totalAmount: Money.of('1', 'SAR'), phoneNumber: PHONE, items: [] });
    await client.isCustomerIdVerified(PHONE, 'SA');

    for (const { headers } of tamara.requests) {
      expect(headers.authorization).toBe(`Bearer ${API_TOKEN}`);
      expect(headers['content-type']).toBe('application/json');
      expect(headers.accept).toBe('application/json');
      expect(headers['user-agent']).toMatch(/^tamara-odoo-connector\//);
    }
  });

  it('strips whitespace pasted into the API token', async () => {
    tamara.queue({ status: 200, body: { is_id_verified: false } });
    const { client } = testClient(tamara.baseUrl, { apiToken: `  ${API_TOKEN}\n` });

    await client.isCustomerIdVerified(PHONE, 'SA');

    expect(tamara.requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
  });

  it('voids with order_id and store_code both in the query and in the JSON body', async () => {
    tamara.queue({ status: 200, body: { order_was_voided: true, captured_amount: { amount: 0, currency: 'SAR' }, message: 'success', store_code: 'Branch A' } });
    const { client } = testClient(tamara.baseUrl);

    await client.voidCheckout(CHECKOUT_ID, ORDER_ID, 'Branch A');

    expect(tamara.requests[0].method).toBe('POST');
    expect(tamara.requests[0].url).toBe(`/checkout/${CHECKOUT_ID}/void?order_id=${ORDER_ID}&store_code=Branch%20A`);
    expect(tamara.requests[0].body).toBe(`{"order_id":"${ORDER_ID}","store_code":"Branch A"}`);
  });

  it('voids without a store code', async () => {
    tamara.queue({ status: 200, body: { order_was_voided: true, message: 'success' } });
    const { client } = testClient(tamara.baseUrl);

    await client.voidCheckout(CHECKOUT_ID, ORDER_ID);

    expect(tamara.requests[0].url).toBe(`/checkout/${CHECKOUT_ID}/void?order_id=${ORDER_ID}`);
    expect(tamara.requests[0].body).toBe(`{"order_id":"${ORDER_ID}"}`);
  });

  it('refunds with the exact amount, the comment and merchant_refund_id', async () => {
    tamara.queue({ status: 200, body: { order_id: ORDER_ID, refund_id: 'r-1', status: 'partially_refunded' } });
    const { client } = testClient(tamara.baseUrl);

    await client.simplifiedRefund({ orderId: ORDER_ID, totalAmount: Money.of('0.005', 'KWD'), comment: 'Credit note RINV/7', merchantRefundId: 'RINV/7' });

    expect(tamara.requests[0].url).toBe(`/payments/simplified-refund/${ORDER_ID}`);
    expect(tamara.requests[0].body).toBe('{"total_amount":{"amount":0.005,"currency":"KWD"},"comment":"Credit note RINV/7","merchant_refund_id":"RINV/7"}');
  });

  it('looks an order up by id and by URL-encoded reference', async () => {
    tamara.otherwise({ status: 404, body: { message: 'Not found' } });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.getOrder(ORDER_ID)).rejects.toMatchObject({ kind: 'not_found' });
    await client.findOrderByReference('INV/2026 #7?x');

    expect(tamara.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /merchants/orders/${ORDER_ID}`,
      'GET /merchants/orders/reference-id/INV%2F2026%20%237%3Fx',
    ]);
  });

  it('updates the order reference with PUT and a JSON body', async () => {
    tamara.queue({ status: 200, body: { message: 'Order reference id was updated successfully' } });
    const { client } = testClient(tamara.baseUrl);

    await client.updateOrderReference(ORDER_ID, 'INV/2026/0043');

    expect(tamara.requests[0].method).toBe('PUT');
    expect(tamara.requests[0].url).toBe(`/orders/${ORDER_ID}/reference-id`);
    expect(tamara.requests[0].body).toBe('{"order_reference_id":"INV/2026/0043"}');
  });

  it('asks for ID verification with GET and query parameters', async () => {
    tamara.queue({ status: 200, body: { is_id_verified: true } });
    const { client } = testClient(tamara.baseUrl);

    await expect(client.isCustomerIdVerified(PHONE, 'SA')).resolves.toBe(true);

    expect(tamara.requests[0].method).toBe('GET');
    expect(tamara.requests[0].url).toBe(`/merchants/customer/id-verification-status?phone_number=${PHONE}&country_code=SA`);
  });

  it('registers an order webhook with events and custom headers', async () => {
    tamara.queue({ status: 200, body: { webhook_id: 'w-1' } });
    const { client } = testClient(tamara.baseUrl);

    await client.registerWebhook('https://pos.example/webhooks/tamara', ['order_captured', 'order_expired'], { 'X-Webhook-Secret': 's3cr3t-value' });

    expect(tamara.requests[0].url).toBe('/webhooks');
    expect(tamara.requests[0].body).toBe(
      '{"type":"order","url":"https://pos.example/webhooks/tamara","events":["order_captured","order_expired"],"headers":{"X-Webhook-Secret":"s3cr3t-value"}}',
    );
  });

  it('works through a Nest HttpService and a base URL with a trailing slash', async () => {
    tamara.queue({ status: 200, body: { is_id_verified: false } });
    const http = new HttpService(axios.create() as unknown as ConstructorParameters<typeof HttpService>[0]);
    const client = new TamaraHttpClient(http, { baseUrl: `${tamara.baseUrl}/`, apiToken: API_TOKEN, timeoutMs: 2000, requestsPerSecond: 100 });

    await expect(client.isCustomerIdVerified(PHONE, 'AE')).resolves.toBe(false);
    expect(tamara.requests[0].url).toBe(`/merchants/customer/id-verification-status?phone_number=${PHONE}&country_code=AE`);
  });

  it('refuses to start without an API token or with a base URL carrying a query', () => {
    expect(() => testClient(tamara.baseUrl, { apiToken: ' \n' })).toThrow('API token is required');
    expect(() => testClient(`${tamara.baseUrl}/?x=1`)).toThrow(RangeError);
  });
});
