import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { TamaraApiError, TamaraEmulator, TamaraEmulatorOptions, startTamaraEmulator } from '../../src/emulators/tamara/tamara-emulator';

const TOKEN = 'emulator-spec-token';
const NOTIFICATION_TOKEN = 'emulator-spec-notification-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Answer {
  status: number;
  text: string;
  json: any;
  headers: Headers;
}

interface CallOptions {
  token?: string | null;
  rawBody?: string;
  signal?: AbortSignal;
}

async function call(emulator: TamaraEmulator, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Answer> {
  const token = options.token === undefined ? TOKEN : options.token;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
    ...(options.rawBody !== undefined ? { body: options.rawBody } : body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    total_amount: { amount: 345, currency: 'SAR' },
    phone_number: '966512345678',
    order_reference_id: 'POS-0042-000917',
    order_number: '000917',
    locale: 'en_US',
    payment_type: 'PAY_BY_INSTALMENTS',
    items: [
      {
        reference_id: 'SKU-991',
        type: 'Physical',
        name: 'Running shoes',
        sku: 'SKU-991',
        quantity: 1,
        unit_price: { amount: 345, currency: 'SAR' },
        tax_amount: { amount: 45, currency: 'SAR' },
        discount_amount: { amount: 0, currency: 'SAR' },
        total_amount: { amount: 345, currency: 'SAR' },
      },
    ],
    additional_data: { store_code: 'RUH-01' },
    ...overrides,
  };
}

function kwdSession(amount: unknown, reference = 'KWD-1'): Record<string, unknown> {
  return sessionBody({
    total_amount: { amount, currency: 'KWD' },
    phone_number: '96555123456',
    order_reference_id: reference,
    items: [{ reference_id: 'k', type: 'Physical', name: 'Perfume', sku: 'P-1', quantity: 1, total_amount: { amount, currency: 'KWD' } }],
  });
}

async function createSession(emulator: TamaraEmulator, overrides: Record<string, unknown> = {}): Promise<{ order_id: string; checkout_id: string; checkout_deeplink: string }> {
  const created = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody(overrides));
  expect(created.status).toBe(200);
  return created.json;
}

function errorCodes(answer: Answer): string[] {
  return (answer.json.errors as { error_code: string }[]).map((error) => error.error_code);
}

function expectEnvelope(answer: Answer, status: number, errorCode: string): void {
  expect(answer.status).toBe(status);
  expect(Object.keys(answer.json).sort()).toEqual(['data', 'errors', 'message', 'screen_type', 'title']);
  expect(answer.json).toMatchObject({ data: {}, title: null, screen_type: null });
  expect(typeof answer.json.message).toBe('string');
  expect(errorCodes(answer)).toContain(errorCode);
}

interface ReceivedWebhook {
  url: string;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: any;
  at: number;
}

/** A loopback endpoint standing in for the connector's webhook route. */
class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status = 200;
  onReceive: ((webhook: ReceivedWebhook) => void) | undefined;
  private server!: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const webhook = { url: request.url ?? '', headers: request.headers, text, body: JSON.parse(text), at: Date.now() };
        this.received.push(webhook);
        this.onReceive?.(webhook);
        response.writeHead(this.status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/tamara/webhook`;
    return this;
  }

  events(): string[] {
    return this.received.map((webhook) => webhook.body.event_type);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Small bounded wait for something asynchronous (webhook arrival) — never a fixed sleep. */
async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Tamara emulator', () => {
  let emulator: TamaraEmulator;
  let receiver: WebhookReceiver;
  const started: TamaraEmulator[] = [];

  async function startAnother(options: Partial<TamaraEmulatorOptions>): Promise<TamaraEmulator> {
    const other = await startTamaraEmulator({ notificationToken: NOTIFICATION_TOKEN, ...options });
    started.push(other);
    return other;
  }

  beforeAll(async () => {
    emulator = await startTamaraEmulator({ notificationToken: NOTIFICATION_TOKEN, apiTokens: [TOKEN] });
    receiver = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await Promise.all([emulator.close(), receiver.close(), ...started.map((other) => other.close())]);
  });

  beforeEach(async () => {
    await emulator.reset();
    receiver.received.length = 0;
    receiver.status = 200;
    receiver.onReceive = undefined;
  });

  describe('POST /checkout/in-store-session', () => {
    it('creates a `new` order, answers ids and a payment link, and sends one SMS', async () => {
      const created = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody());

      expect(created.status).toBe(200);
      expect(Object.keys(created.json).sort()).toEqual(['checkout_deeplink', 'checkout_id', 'order_id']);
      expect(created.json.order_id).toMatch(UUID);
      expect(created.json.checkout_id).toMatch(UUID);
      expect(created.json.checkout_deeplink).toBe(
        `${emulator.url}/_emulator/checkout/${created.json.checkout_id}?locale=en_US&orderId=${created.json.order_id}`,
      );
      expect(emulator.sms()).toEqual([
        expect.objectContaining({ to: '966512345678', phoneNumber: '966512345678', orderId: created.json.order_id, link: created.json.checkout_deeplink }),
      ]);
      const order = await call(emulator, 'GET', `/merchants/orders/${created.json.order_id}`);
      expect(order.json).toMatchObject({
        order_id: created.json.order_id,
        order_reference_id: 'POS-0042-000917',
        order_number: '000917',
        status: 'new',
        store_code: 'RUH-01',
        payment_type: 'PAY_BY_INSTALMENTS',
        additional_data: { from_in_store_payment_link: true },
        consumer: { phone_number: '966512345678' },
        total_amount: { amount: 345, currency: 'SAR' },
        captured_amount: { amount: 0, currency: 'SAR' },
        transactions: { captures: [], refunds: [], cancels: [] },
      });
      expect(order.json.created_at).toMatch(ISO_MS);
    });

    it('uses a checkout base URL when one is configured, and order_number falls back to the reference', async () => {
      const other = await startAnother({ checkoutBaseUrl: 'https://checkout-sandbox.tamara.co' });
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody({ order_number: undefined, locale: undefined }));
      expect(created.json.checkout_deeplink).toBe(
        `https://checkout-sandbox.tamara.co/checkout/${created.json.checkout_id}?locale=ar_SA&orderId=${created.json.order_id}`,
      );
      const order = await call(other, 'GET', `/orders/${created.json.order_id}`);
      expect(order.json.order_number).toBe('POS-0042-000917');
    });

    it('accepts amounts as JSON numbers or numeric strings and answers JSON numbers', async () => {
      const created = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: '345.50', currency: 'SAR' } }));
      expect(created.status).toBe(200);
      const order = await call(emulator, 'GET', `/orders/${created.json.order_id}`);
      expect(order.text).toContain('"total_amount":{"amount":345.50,"currency":"SAR"}');
      expect(order.json.total_amount.amount).toBe(345.5);
    });

    it('keeps KWD amounts exact to 3 decimals on the wire', async () => {
      const created = await call(emulator, 'POST', '/checkout/in-store-session', kwdSession(12.345));
      expect(created.status).toBe(200);
      const raw = await call(emulator, 'GET', `/orders/${created.json.order_id}`);
      expect(raw.text).toContain('"total_amount":{"amount":12.345,"currency":"KWD"}');
      expect(raw.json.consumer.phone_number).toBe('96555123456');
    });

    it('refuses missing required fields, listing each one in the envelope', async () => {
      const answer = await call(emulator, 'POST', '/checkout/in-store-session', {});
      expectEnvelope(answer, 400, 'total_amount_is_required');
      expect(errorCodes(answer)).toEqual(['total_amount_is_required', 'phone_number_is_required', 'order_reference_id_is_required', 'items_is_required']);
      expect(answer.json.errors[0]).toEqual({ error_code: 'total_amount_is_required', data: { field: 'total_amount' } });
      expect(emulator.orders()).toHaveLength(0);
      expect(emulator.sms()).toHaveLength(0);
    });

    it('refuses missing item fields, bad enums and the documented lengths', async () => {
      const longName = 'n'.repeat(256);
      const answer = await call(
        emulator,
        'POST',
        '/checkout/in-store-session',
        sessionBody({
          locale: 'fr_FR',
          payment_type: 'PAY_LATER',
          items: [
            { reference_id: 'a', type: 'Physical', name: longName, sku: 's'.repeat(129), quantity: 1, total_amount: { amount: 1, currency: 'SAR' } },
            { type: 'Physical', name: 'x', sku: 'y', quantity: 0, total_amount: { amount: 1, currency: 'SAR' }, item_url: 'not a url' },
          ],
        }),
      );
      expectEnvelope(answer, 400, 'locale_is_invalid');
      expect(errorCodes(answer)).toEqual(
        expect.arrayContaining([
          'payment_type_is_invalid',
          'items_name_is_too_long',
          'items_sku_is_too_long',
          'items_reference_id_is_required',
          'items_quantity_is_invalid',
          'items_item_url_is_invalid',
        ]),
      );
      expect(answer.json.errors.find((e: { error_code: string }) => e.error_code === 'items_reference_id_is_required').data).toEqual({ field: 'items[1].reference_id' });
    });

    it('accepts a 255-character item name and a 128-character sku', async () => {
      const answer = await call(
        emulator,
        'POST',
        '/checkout/in-store-session',
        sessionBody({ items: [{ reference_id: 'a', type: 'Physical', name: 'n'.repeat(255), sku: 's'.repeat(128), quantity: 2, total_amount: { amount: 345, currency: 'SAR' } }] }),
      );
      expect(answer.status).toBe(200);
    });

    it('answers not_supported_country_currency for a currency the merchant has not enabled', async () => {
      const other = await startAnother({ merchantCurrencies: ['SAR'] });
      const aed = await call(other, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: 100, currency: 'AED' }, phone_number: '971501234567' }));
      expectEnvelope(aed, 400, 'not_supported_country_currency');
      expect(aed.json.message).toBe('Unsupported country-currency combination. Please reach out to your account manager for support');
      const usd = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: 100, currency: 'USD' } }));
      expectEnvelope(usd, 400, 'not_supported_country_currency');
    });

    it('answers total_amount_invalid_limit outside the merchant limits (default 1 … 20000)', async () => {
      const tooSmall = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: 0.99, currency: 'SAR' } }));
      const tooLarge = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: '20000.01', currency: 'SAR' } }));
      const atMax = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: 20000, currency: 'SAR' } }));
      expectEnvelope(tooSmall, 400, 'total_amount_invalid_limit');
      expectEnvelope(tooLarge, 400, 'total_amount_invalid_limit');
      expect(atMax.status).toBe(200);

      const other = await startAnother({ limits: { SAR: { min: 100, max: '2500' } } });
      const underCustomMin = await call(other, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: 99.99, currency: 'SAR' } }));
      expectEnvelope(underCustomMin, 400, 'total_amount_invalid_limit');
    });

    it('answers invalid_phone_number for numbers that are not a mobile number of the currency country', async () => {
      for (const phone of ['abc', '12345', '971501234567', '966 512345678', '96651234567', '+966412345678']) {
        const answer = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ phone_number: phone }));
        expectEnvelope(answer, 400, 'invalid_phone_number');
      }
    });

    it('accepts the national, international, + , 00 and 0 forms and stores the 966… form', async () => {
      for (const phone of ['512345678', '0512345678', '966512345678', '+966512345678', '00966512345678']) {
        const created = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ phone_number: phone }));
        expect(created.status).toBe(200);
        const order = await call(emulator, 'GET', `/orders/${created.json.order_id}`);
        expect(order.json.consumer.phone_number).toBe('966512345678');
      }
    });

    it('refuses more decimals than the currency has (400 <field>_invalid_decimal_places)', async () => {
      const sar = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: 100.001, currency: 'SAR' } }));
      expectEnvelope(sar, 400, 'total_amount_invalid_decimal_places');
      expect(sar.json.errors[0].data).toEqual({ field: 'total_amount', max_decimal_places: 2 });
      const kwd = await call(emulator, 'POST', '/checkout/in-store-session', kwdSession(1.2345));
      expectEnvelope(kwd, 400, 'total_amount_invalid_decimal_places');
      const trailingZeros = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: '100.100', currency: 'SAR' } }));
      expect(trailingZeros.status).toBe(200);
    });

    it('rounds instead when rejectExcessDecimals is off', async () => {
      const other = await startAnother({ rejectExcessDecimals: false });
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody({ total_amount: { amount: '100.005', currency: 'SAR' } }));
      expect(created.status).toBe(200);
      expect((await call(other, 'GET', `/orders/${created.json.order_id}`)).text).toContain('"total_amount":{"amount":100.01,"currency":"SAR"}');
    });

    it('refuses an item in another currency', async () => {
      const answer = await call(
        emulator,
        'POST',
        '/checkout/in-store-session',
        sessionBody({ items: [{ reference_id: 'a', type: 'Physical', name: 'x', sku: 'y', quantity: 1, total_amount: { amount: 345, currency: 'AED' } }] }),
      );
      expectEnvelope(answer, 400, 'items_total_amount_invalid_currency');
    });

    it('requires store_code inside additional_data when additional_data is sent', async () => {
      const answer = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ additional_data: {} }));
      expectEnvelope(answer, 400, 'additional_data_store_code_is_required');
    });

    it('answers invalid_json for a body that is not JSON', async () => {
      const answer = await call(emulator, 'POST', '/checkout/in-store-session', undefined, { rawBody: '{"total_amount":' });
      expectEnvelope(answer, 400, 'invalid_json');
    });

    it('ignores expiry_time unless the merchant has it enabled', async () => {
      const ignored = await createSession(emulator, { expiry_time: 60 });
      expect(emulator.order(ignored.order_id)?.expires_at).toBe(new Date(Date.parse(emulator.order(ignored.order_id)!.created_at) + 15 * 60_000).toISOString());
      const outOfRangeIgnored = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody({ expiry_time: 2 }));
      expect(outOfRangeIgnored.status).toBe(200);

      const other = await startAnother({ expiryTimeEnabled: true });
      const honoured = await call(other, 'POST', '/checkout/in-store-session', sessionBody({ expiry_time: 60 }));
      const snapshot = other.order(honoured.json.order_id)!;
      expect(Date.parse(snapshot.expires_at) - Date.parse(snapshot.created_at)).toBe(60 * 60_000);
      const outOfRange = await call(other, 'POST', '/checkout/in-store-session', sessionBody({ expiry_time: 4 }));
      expectEnvelope(outOfRange, 400, 'expiry_time_is_invalid');
    });

    it('allows a second session with the same reference by default; the newest answers by reference', async () => {
      const first = await createSession(emulator);
      const second = await createSession(emulator);
      expect(second.order_id).not.toBe(first.order_id);
      const byReference = await call(emulator, 'GET', '/merchants/orders/reference-id/POS-0042-000917');
      expect(byReference.json.order_id).toBe(second.order_id);
      expect(emulator.sms()).toHaveLength(2);
    });

    it('refuses a duplicate active reference when rejectDuplicateReference is on, but not after the first one expired', async () => {
      const other = await startAnother({ rejectDuplicateReference: true });
      const first = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      const duplicate = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      expectEnvelope(duplicate, 409, 'order_reference_id_already_exists');
      expect(duplicate.json.errors[0].data).toEqual({ order_id: first.json.order_id });
      await other.expire(first.json.order_id);
      const retry = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      expect(retry.status).toBe(200);
    });
  });

  describe('authentication and routing', () => {
    it('answers 401 with the envelope without a bearer token, with an unknown token or another scheme', async () => {
      expectEnvelope(await call(emulator, 'POST', '/checkout/in-store-session', sessionBody(), { token: null }), 401, 'unauthorized');
      expectEnvelope(await call(emulator, 'POST', '/checkout/in-store-session', sessionBody(), { token: 'someone-else' }), 401, 'unauthorized');
      const basic = await fetch(`${emulator.url}/webhooks`, { headers: { Authorization: `Basic ${TOKEN}` } });
      expect(basic.status).toBe(401);
      expect(emulator.orders()).toHaveLength(0);
    });

    it('accepts any non-empty bearer token when no tokens are configured', async () => {
      const other = await startAnother({});
      expect((await call(other, 'GET', '/webhooks', undefined, { token: 'anything' })).status).toBe(200);
      expectEnvelope(await call(other, 'GET', '/webhooks', undefined, { token: '' }), 401, 'unauthorized');
    });

    it('records every call without the Authorization header', async () => {
      await createSession(emulator);
      await call(emulator, 'GET', '/orders/unknown', undefined, { token: null });
      const calls = emulator.calls();
      expect(calls.map((recorded) => [recorded.method, recorded.path, recorded.status, recorded.route])).toEqual([
        ['POST', '/checkout/in-store-session', 200, 'in_store_session'],
        ['GET', '/orders/unknown', 401, 'get_order'],
      ]);
      expect(calls[0]?.body).toMatchObject({ total_amount: { amount: 345, currency: 'SAR' } });
      expect(calls[0]?.at).toMatch(ISO_MS);
      expect(JSON.stringify(calls)).not.toContain(TOKEN);
      expect(calls[0]?.headers).not.toHaveProperty('authorization');
    });

    it('answers 404 with the envelope for unknown routes, orders and references', async () => {
      expectEnvelope(await call(emulator, 'GET', '/no/such/route'), 404, 'not_found');
      expectEnvelope(await call(emulator, 'GET', '/orders/0ac038ef-de4a-491c-828e-b02ec0d4582d'), 404, 'order_not_found');
      expectEnvelope(await call(emulator, 'GET', '/merchants/orders/0ac038ef-de4a-491c-828e-b02ec0d4582d'), 404, 'order_not_found');
      expectEnvelope(await call(emulator, 'GET', '/merchants/orders/reference-id/nope'), 404, 'order_not_found');
      expectEnvelope(await call(emulator, 'DELETE', '/checkout/in-store-session'), 405, 'method_not_allowed');
    });
  });

  describe('GET order (three paths)', () => {
    it('answers the same body on /orders/{id}, /merchants/orders/{id} and /merchants/orders/reference-id/{ref}', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      const [a, b, c] = await Promise.all([
        call(emulator, 'GET', `/orders/${order_id}`),
        call(emulator, 'GET', `/merchants/orders/${order_id}`),
        call(emulator, 'GET', '/merchants/orders/reference-id/POS-0042-000917'),
      ]);
      expect(a.text).toBe(b.text);
      expect(a.text).toBe(c.text);
    });

    it('keeps totals consistent with the transactions', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 45.5, currency: 'SAR' }, comment: 'return' });
      const order = (await call(emulator, 'GET', `/orders/${order_id}`)).json;
      const capture = order.transactions.captures[0];
      expect(order.captured_amount).toEqual(capture.total_amount);
      expect(order.refunded_amount).toEqual({ amount: 45.5, currency: 'SAR' });
      expect(capture.refunded_amount).toEqual({ amount: 45.5, currency: 'SAR' });
      expect(capture.order_id).toBe(order_id);
      expect(capture.shipping_info.shipping_company).toBe('N/A');
      expect(order.tax_amount).toEqual({ amount: 45, currency: 'SAR' });
    });
  });

  describe('status machine', () => {
    it('pay: new → fully_captured with one capture and the first instalment paid', async () => {
      const { order_id } = await createSession(emulator, { total_amount: { amount: 100, currency: 'SAR' } });
      const paid = await emulator.pay(order_id);
      expect(paid.status).toBe('fully_captured');
      expect(paid.captured_amount).toEqual({ amount: 100, currency: 'SAR' });
      expect(paid.paid_amount).toEqual({ amount: 33.34, currency: 'SAR' });
      expect(paid.transactions.captures).toHaveLength(1);
      expect(paid.transactions.captures[0]?.capture_id).toMatch(UUID);
    });

    it('decline: new → declined; the customer cannot pay afterwards (409 transition_not_allowed)', async () => {
      const { order_id } = await createSession(emulator);
      expect((await emulator.decline(order_id)).status).toBe('declined');
      await expect(emulator.pay(order_id)).rejects.toMatchObject({ httpStatus: 409, errorCode: 'transition_not_allowed' });
      const viaControl = await fetch(`${emulator.url}/_emulator/orders/${order_id}/pay`, { method: 'POST' });
      expect(viaControl.status).toBe(409);
      expect(await viaControl.json()).toMatchObject({
        errors: [{ error_code: 'transition_not_allowed', data: { order_id, old_state: 'declined', new_state: 'fully_captured' } }],
      });
    });

    it("declines Tamara's sandbox declined customer (526422337) when paying", async () => {
      const { order_id } = await createSession(emulator, { phone_number: '526422337' });
      expect((await emulator.pay(order_id)).status).toBe('declined');
    });

    it('customer cancel: new → expired at once', async () => {
      const { order_id } = await createSession(emulator);
      expect((await emulator.cancel(order_id)).status).toBe('expired');
    });

    it('expires after 15 minutes on the emulator clock, not before', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.advanceClock(15 * 60 - 1);
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('new');
      await emulator.advanceClock(1);
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('expired');
    });

    it('applies expiry lazily on reads when the clock source moves (no timer involved)', async () => {
      let nowMs = Date.parse('2026-01-01T10:00:00.000Z');
      const other = await startAnother({ now: () => new Date(nowMs), expirySweepIntervalMs: 3_600_000 });
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      expect((await call(other, 'GET', `/orders/${created.json.order_id}`)).json.created_at).toBe('2026-01-01T10:00:00.000Z');
      nowMs += 15 * 60_000;
      expect((await call(other, 'GET', `/orders/${created.json.order_id}`)).json.status).toBe('expired');
    });

    it('expires by timer too, emitting order_expired without any API call', async () => {
      let nowMs = Date.parse('2026-01-01T10:00:00.000Z');
      const other = await startAnother({ now: () => new Date(nowMs), expirySweepIntervalMs: 20 });
      other.registerWebhook({ url: receiver.url, events: ['order_expired'] });
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      nowMs += 15 * 60_000;
      await eventually(() => receiver.received.length === 1);
      expect(receiver.received[0]?.body).toMatchObject({ order_id: created.json.order_id, event_type: 'order_expired', data: [] });
      expect(other.calls()).toHaveLength(1);
    });

    it('never moves backwards: a paid order cannot expire, a refunded one cannot be paid again', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.advanceClock(3600);
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('fully_captured');
      await expect(emulator.expire(order_id)).rejects.toBeInstanceOf(TamaraApiError);
      await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 345, currency: 'SAR' }, comment: 'all' });
      await expect(emulator.pay(order_id)).rejects.toMatchObject({ errorCode: 'transition_not_allowed' });
      expect(emulator.order(order_id)?.status_history.map((entry) => entry.status)).toEqual(['new', 'fully_captured', 'fully_refunded']);
    });
  });

  describe('POST /checkout/{checkout_id}/void', () => {
    it('voids an open session (query parameters): order_was_voided true, status expired', async () => {
      const { order_id, checkout_id } = await createSession(emulator);
      const voided = await call(emulator, 'POST', `/checkout/${checkout_id}/void?order_id=${order_id}&store_code=Branch%20A`);
      expect(voided.status).toBe(200);
      expect(voided.json).toEqual({ order_was_voided: true, captured_amount: { amount: 0, currency: 'SAR' }, message: 'success', store_code: 'Branch A' });
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('expired');
    });

    it('accepts order_id and store_code in a JSON body (PHP SDK style)', async () => {
      const { order_id, checkout_id } = await createSession(emulator);
      const voided = await call(emulator, 'POST', `/checkout/${checkout_id}/void`, { order_id, store_code: 'RUH-01' });
      expect(voided.json).toMatchObject({ order_was_voided: true, message: 'success', store_code: 'RUH-01' });
    });

    it('loses the race against a customer who already paid: order_was_voided false, checkout_already_completed', async () => {
      const { order_id, checkout_id } = await createSession(emulator);
      await emulator.pay(order_id);
      const voided = await call(emulator, 'POST', `/checkout/${checkout_id}/void?order_id=${order_id}`);
      expect(voided.status).toBe(200);
      expect(voided.json).toEqual({
        order_was_voided: false,
        captured_amount: { amount: 345, currency: 'SAR' },
        message: 'checkout_already_completed',
        store_code: 'RUH-01',
      });
      expect(emulator.order(order_id)?.status).toBe('fully_captured');
    });

    it('answers checkout_already_expired for an expired (or already voided) session', async () => {
      const { order_id, checkout_id } = await createSession(emulator);
      await emulator.advanceClock(15 * 60);
      const voided = await call(emulator, 'POST', `/checkout/${checkout_id}/void?order_id=${order_id}`);
      expect(voided.json).toMatchObject({ order_was_voided: false, message: 'checkout_already_expired' });
    });

    it('cancels instead when voidedStatus is canceled, with a cancel transaction', async () => {
      const other = await startAnother({ voidedStatus: 'canceled' });
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      await call(other, 'POST', `/checkout/${created.json.checkout_id}/void?order_id=${created.json.order_id}`);
      const order = (await call(other, 'GET', `/orders/${created.json.order_id}`)).json;
      expect(order.status).toBe('canceled');
      expect(order.canceled_amount).toEqual({ amount: 345, currency: 'SAR' });
      expect(order.transactions.cancels).toHaveLength(1);
    });

    it('answers 404 for an unknown checkout or a mismatched order, 400 without order_id', async () => {
      const { order_id, checkout_id } = await createSession(emulator);
      expectEnvelope(await call(emulator, 'POST', `/checkout/0ac038ef-de4a-491c-828e-b02ec0d4582d/void?order_id=${order_id}`), 404, 'checkout_not_found');
      expectEnvelope(await call(emulator, 'POST', `/checkout/${checkout_id}/void?order_id=0ac038ef-de4a-491c-828e-b02ec0d4582d`), 404, 'order_not_found');
      expectEnvelope(await call(emulator, 'POST', `/checkout/${checkout_id}/void`), 400, 'order_id_is_required');
    });
  });

  describe('POST /payments/simplified-refund/{order_id}', () => {
    it('refunds partially then fully, keeping merchant_refund_id on each refund transaction', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      const first = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, {
        total_amount: { amount: '100.00', currency: 'SAR' },
        comment: 'Refund for the order 123',
        merchant_refund_id: 'CN-1',
      });
      expect(first.status).toBe(200);
      expect(first.json).toEqual({
        order_id,
        comment: 'Refund for the order 123',
        refund_id: expect.stringMatching(UUID),
        capture_id: emulator.order(order_id)?.transactions.captures[0]?.capture_id,
        status: 'partially_refunded',
        refunded_amount: { amount: 100, currency: 'SAR' },
      });
      const second = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 245, currency: 'SAR' }, comment: 'rest' });
      expect(second.json).toMatchObject({ status: 'fully_refunded', refunded_amount: { amount: 245, currency: 'SAR' } });
      const order = (await call(emulator, 'GET', `/orders/${order_id}`)).json;
      expect(order.status).toBe('fully_refunded');
      expect(order.transactions.refunds.map((refund: { refund_id: string; merchant_refund_id: string | null; refund_status: string }) => [refund.refund_id, refund.merchant_refund_id, refund.refund_status])).toEqual([
        [first.json.refund_id, 'CN-1', 'success'],
        [second.json.refund_id, null, 'success'],
      ]);
    });

    it('never refunds more than captured − refunded (400 total_amount_exceeds_refundable_amount)', async () => {
      const { order_id } = await createSession(emulator, { total_amount: { amount: 100, currency: 'SAR' } });
      await emulator.pay(order_id);
      await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 70, currency: 'SAR' }, comment: 'a' });
      const over = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 40, currency: 'SAR' }, comment: 'b' });
      expectEnvelope(over, 400, 'total_amount_exceeds_refundable_amount');
      expect(over.json.errors[0].data).toEqual({ refundable_amount: { amount: 30, currency: 'SAR' } });
      expect(emulator.order(order_id)?.transactions.refunds).toHaveLength(1);
    });

    it('refunds a KWD order exactly: 0.005 + 12.340 of 12.345 → fully_refunded', async () => {
      const created = await call(emulator, 'POST', '/checkout/in-store-session', kwdSession(12.345));
      const orderId = created.json.order_id;
      await emulator.pay(orderId);
      const small = await call(emulator, 'POST', `/payments/simplified-refund/${orderId}`, { total_amount: { amount: 0.005, currency: 'KWD' }, comment: 'CN-1' });
      expect(small.text).toContain('"refunded_amount":{"amount":0.005,"currency":"KWD"}');
      const rest = await call(emulator, 'POST', `/payments/simplified-refund/${orderId}`, { total_amount: { amount: '12.340', currency: 'KWD' }, comment: 'CN-2' });
      expect(rest.json.status).toBe('fully_refunded');
      const order = await call(emulator, 'GET', `/orders/${orderId}`);
      expect(order.text).toContain('"refunded_amount":{"amount":12.345,"currency":"KWD"}');
      expect(order.text).toContain('"captured_amount":{"amount":12.345,"currency":"KWD"}');
    });

    it('refuses a refund on an order that is not paid, or already fully refunded (409 transition_not_allowed)', async () => {
      const { order_id } = await createSession(emulator);
      const unpaid = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 10, currency: 'SAR' }, comment: 'x' });
      expectEnvelope(unpaid, 409, 'transition_not_allowed');
      expect(unpaid.json.errors[0].data).toMatchObject({ order_id, old_state: 'new' });
      await emulator.pay(order_id);
      await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 345, currency: 'SAR' }, comment: 'all' });
      const again = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 1, currency: 'SAR' }, comment: 'more' });
      expectEnvelope(again, 409, 'transition_not_allowed');
    });

    it('validates the body: comment required, amount positive, currency of the order, 404 for unknown orders', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      expectEnvelope(await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 1, currency: 'SAR' } }), 400, 'comment_is_required');
      expectEnvelope(await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 0, currency: 'SAR' }, comment: 'x' }), 400, 'total_amount_amount_is_invalid');
      expectEnvelope(await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 1, currency: 'AED' }, comment: 'x' }), 400, 'total_amount_invalid_currency');
      expectEnvelope(await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 1.001, currency: 'SAR' }, comment: 'x' }), 400, 'total_amount_invalid_decimal_places');
      expectEnvelope(
        await call(emulator, 'POST', '/payments/simplified-refund/0ac038ef-de4a-491c-828e-b02ec0d4582d', { total_amount: { amount: 1, currency: 'SAR' }, comment: 'x' }),
        404,
        'order_not_found',
      );
    });

    it('answers the cumulative refunded amount when refundResponseAmount is cumulative, and a configured over-refund status', async () => {
      const other = await startAnother({ refundResponseAmount: 'cumulative', overRefundHttpStatus: 422 });
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      await other.pay(created.json.order_id);
      await call(other, 'POST', `/payments/simplified-refund/${created.json.order_id}`, { total_amount: { amount: 100, currency: 'SAR' }, comment: 'a' });
      const second = await call(other, 'POST', `/payments/simplified-refund/${created.json.order_id}`, { total_amount: { amount: 45, currency: 'SAR' }, comment: 'b' });
      expect(second.json.refunded_amount).toEqual({ amount: 145, currency: 'SAR' });
      const over = await call(other, 'POST', `/payments/simplified-refund/${created.json.order_id}`, { total_amount: { amount: 201, currency: 'SAR' }, comment: 'c' });
      expectEnvelope(over, 422, 'total_amount_exceeds_refundable_amount');
    });
  });

  describe('PUT /orders/{id}/reference-id and GET id-verification-status', () => {
    it('updates the reference: the order answers by the new reference, not the old one', async () => {
      const { order_id } = await createSession(emulator);
      const updated = await call(emulator, 'PUT', `/orders/${order_id}/reference-id`, { order_reference_id: 'POS-RENUMBERED' });
      expect(updated.json).toEqual({ message: 'Order reference id was updated successfully' });
      expect((await call(emulator, 'GET', '/merchants/orders/reference-id/POS-RENUMBERED')).json.order_id).toBe(order_id);
      expectEnvelope(await call(emulator, 'GET', '/merchants/orders/reference-id/POS-0042-000917'), 404, 'order_not_found');
      expectEnvelope(await call(emulator, 'PUT', `/orders/${order_id}/reference-id`, {}), 400, 'order_reference_id_is_required');
      expectEnvelope(await call(emulator, 'PUT', '/orders/0ac038ef-de4a-491c-828e-b02ec0d4582d/reference-id', { order_reference_id: 'x' }), 404, 'order_not_found');
    });

    it('answers is_id_verified from the configured verified phones', async () => {
      const other = await startAnother({ idVerifiedPhones: ['966512345678'] });
      expect((await call(other, 'GET', '/merchants/customer/id-verification-status?phone_number=966512345678&country_code=SA')).json).toEqual({ is_id_verified: true });
      expect((await call(other, 'GET', '/merchants/customer/id-verification-status?phone_number=512345679&country_code=SA')).json).toEqual({ is_id_verified: false });
      expectEnvelope(await call(other, 'GET', '/merchants/customer/id-verification-status?country_code=SA'), 400, 'phone_number_is_required');
      expectEnvelope(await call(other, 'GET', '/merchants/customer/id-verification-status?phone_number=96555123456&country_code=KW'), 400, 'country_code_is_invalid');
      expectEnvelope(await call(other, 'GET', '/merchants/customer/id-verification-status?phone_number=123&country_code=SA'), 400, 'invalid_phone_number');
    });
  });

  describe('webhook registration API', () => {
    it('registers, retrieves, lists, updates and deletes a webhook', async () => {
      const registered = await call(emulator, 'POST', '/webhooks', { type: 'order', url: receiver.url, events: ['order_captured'], headers: { 'x-shared-secret': 's3cret' } });
      expect(registered.status).toBe(200);
      expect(registered.json).toEqual({
        merchant_id: emulator.options.merchantId,
        webhook_id: expect.stringMatching(UUID),
        url: receiver.url,
        events: ['order_captured'],
        headers: { 'x-shared-secret': 's3cret' },
      });
      const id = registered.json.webhook_id;
      expect((await call(emulator, 'GET', `/webhooks/${id}`)).json).toEqual(registered.json);
      expect((await call(emulator, 'GET', '/webhooks')).json).toEqual([registered.json]);
      const updated = await call(emulator, 'PUT', `/webhooks/${id}`, { webhook_id: id, url: `${receiver.url}?v=2`, events: ['order_captured', 'order_refunded'] });
      expect(updated.json).toMatchObject({ webhook_id: id, url: `${receiver.url}?v=2`, events: ['order_captured', 'order_refunded'], headers: [] });
      expect((await call(emulator, 'DELETE', `/webhooks/${id}`)).status).toBe(200);
      expectEnvelope(await call(emulator, 'GET', `/webhooks/${id}`), 404, 'webhook_not_found');
    });

    it('answers webhook_already_registered with the existing webhook_id for a duplicate URL', async () => {
      const first = await call(emulator, 'POST', '/webhooks', { type: 'order', url: receiver.url, events: ['order_captured'] });
      const duplicate = await call(emulator, 'POST', '/webhooks', { type: 'order', url: receiver.url, events: ['order_refunded'] });
      expectEnvelope(duplicate, 409, 'webhook_already_registered');
      expect(duplicate.json.errors[0].data.webhook_id).toBe(first.json.webhook_id);
    });

    it('validates type, url and events', async () => {
      const answer = await call(emulator, 'POST', '/webhooks', { type: 'orders', url: 'ftp://x', events: ['order_paid'] });
      expectEnvelope(answer, 400, 'type_is_invalid');
      expect(errorCodes(answer)).toEqual(expect.arrayContaining(['url_is_invalid', 'events_is_invalid']));
      expectEnvelope(await call(emulator, 'POST', '/webhooks', { type: 'order', url: `https://x.example/${'a'.repeat(250)}`, events: ['order_captured'] }), 400, 'url_is_too_long');
      const httpsOnly = await startAnother({ requireHttpsWebhooks: true });
      expectEnvelope(await call(httpsOnly, 'POST', '/webhooks', { type: 'order', url: receiver.url, events: ['order_captured'] }), 400, 'url_is_invalid');
    });
  });

  describe('webhook notifications', () => {
    async function subscribe(target: TamaraEmulator = emulator, events?: string[], url = receiver.url): Promise<string> {
      return target.registerWebhook({ url, ...(events ? { events } : {}), headers: { 'X-Merchant-Secret': 'shh' } });
    }

    it('sends order_approved then order_captured on payment, signed with an HS256 JWT (iat, exp = iat + 900, iss Tamara)', async () => {
      await subscribe();
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.webhooksIdle();

      expect(receiver.events()).toEqual(['order_approved', 'order_captured']);
      const [approved, captured] = receiver.received as [ReceivedWebhook, ReceivedWebhook];
      const queryToken = new URL(captured.url, 'http://x').searchParams.get('tamaraToken');
      const headerToken = (captured.headers.authorization ?? '').replace(/^Bearer /, '');
      expect(queryToken).toBe(headerToken);
      expect(decodeProtectedHeader(headerToken)).toEqual({ typ: 'JWT', alg: 'HS256' });
      const { payload } = await jwtVerify(headerToken, new TextEncoder().encode(NOTIFICATION_TOKEN), { algorithms: ['HS256'], issuer: 'Tamara' });
      expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'iss']);
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
      expect(captured.headers['content-type']).toBe('application/json');
      expect(captured.headers['x-merchant-secret']).toBe('shh');

      expect(approved.text).toBe(`{"order_id":"${order_id}","order_reference_id":"POS-0042-000917","order_number":"000917","event_type":"order_approved","data":[]}`);
      const capture = emulator.order(order_id)?.transactions.captures[0];
      expect(captured.body).toEqual({
        order_id,
        order_reference_id: 'POS-0042-000917',
        order_number: '000917',
        event_type: 'order_captured',
        data: { capture_id: capture?.capture_id, captured_amount: { amount: 345, currency: 'SAR' } },
      });
      expect(captured.text).toContain('"captured_amount":{"amount":345.00,"currency":"SAR"}');
    });

    it('signs with the notification token only: another key fails verification', async () => {
      await subscribe();
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.webhooksIdle();
      const token = (receiver.received[0]?.headers.authorization ?? '').replace(/^Bearer /, '');
      await expect(jwtVerify(token, new TextEncoder().encode('another-key'))).rejects.toThrow();
    });

    it('sends order_declined with the decline details, and order_expired with data [] on cancel, expiry and void', async () => {
      await subscribe();
      const declined = await createSession(emulator, { order_reference_id: 'D' });
      await emulator.decline(declined.order_id, { reason: 'Risk', code: 'risk_01', type: 'soft' });
      const canceled = await createSession(emulator, { order_reference_id: 'C' });
      await emulator.cancel(canceled.order_id);
      const voided = await createSession(emulator, { order_reference_id: 'V' });
      await call(emulator, 'POST', `/checkout/${voided.checkout_id}/void?order_id=${voided.order_id}`);
      const timedOut = await createSession(emulator, { order_reference_id: 'T' });
      await emulator.advanceClock(15 * 60);
      await emulator.webhooksIdle();

      expect(receiver.received.map((webhook) => [webhook.body.order_reference_id, webhook.body.event_type])).toEqual([
        ['D', 'order_declined'],
        ['C', 'order_expired'],
        ['V', 'order_expired'],
        ['T', 'order_expired'],
      ]);
      expect(receiver.received[0]?.body.data).toEqual({ declined_reason: 'Risk', declined_code: 'risk_01', decline_type: 'soft' });
      for (const webhook of receiver.received.slice(1)) expect(webhook.text).toContain('"data":[]');
      expect(receiver.received[3]?.body.order_id).toBe(timedOut.order_id);
    });

    it('sends order_refunded with refund_id, capture_id, refunded_amount and comment', async () => {
      await subscribe();
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      const refund = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 1, currency: 'SAR' }, comment: 'GOODWILL' });
      await emulator.webhooksIdle();
      const refunded = receiver.received.find((webhook) => webhook.body.event_type === 'order_refunded');
      expect(refunded?.body.data).toEqual({
        refund_id: refund.json.refund_id,
        capture_id: refund.json.capture_id,
        refunded_amount: { amount: 1, currency: 'SAR' },
        comment: 'GOODWILL',
      });
    });

    it('appends the token with & when the URL has a query, and only to webhooks subscribed to the event', async () => {
      await subscribe(emulator, ['order_captured'], `${receiver.url}?shop=7`);
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.webhooksIdle();
      expect(receiver.events()).toEqual(['order_captured']);
      expect(receiver.received[0]?.url).toMatch(/^\/tamara\/webhook\?shop=7&tamaraToken=[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('skips order_approved when emitApprovedBeforeCapture is off', async () => {
      const other = await startAnother({ emitApprovedBeforeCapture: false });
      await subscribe(other);
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      await other.pay(created.json.order_id);
      await other.webhooksIdle();
      expect(receiver.events()).toEqual(['order_captured']);
    });

    it('lets a registered authorization header replace the Bearer JWT (the token stays in the query)', async () => {
      emulator.registerWebhook({ url: receiver.url, headers: { authorization: '1234' } });
      const { order_id } = await createSession(emulator);
      await emulator.cancel(order_id);
      await emulator.webhooksIdle();
      expect(receiver.received[0]?.headers.authorization).toBe('1234');
      expect(new URL(receiver.received[0]?.url ?? '', 'http://x').searchParams.get('tamaraToken')).toMatch(/^ey/);
    });

    it('records each delivery attempt with the receiver status and retries when configured', async () => {
      const other = await startAnother({ webhookAttempts: 2, webhookRetryDelayMs: 10 });
      await subscribe(other, ['order_expired']);
      receiver.status = 503;
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      await other.cancel(created.json.order_id);
      await other.webhooksIdle();
      expect(other.webhookDeliveries().map((delivery) => [delivery.eventType, delivery.statusCode, delivery.attempt])).toEqual([
        ['order_expired', 503, 1],
        ['order_expired', 503, 2],
      ]);
      expect(other.webhookDeliveries()[0]?.url).toBe(receiver.url);
    });

    it('delivers before the call that caused it answers when delivery is sync', async () => {
      const other = await startAnother({ webhookDelivery: 'sync' });
      await subscribe(other, ['order_captured']);
      const created = await call(other, 'POST', '/checkout/in-store-session', sessionBody());
      await other.pay(created.json.order_id);
      expect(receiver.events()).toEqual(['order_captured']);
    });
  });

  describe('fault injection', () => {
    it('latency: answers after the configured delay', async () => {
      emulator.setFault({ kind: 'latency', ms: 150, route: 'get_order', times: 1 });
      const { order_id } = await createSession(emulator);
      const startedAt = Date.now();
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).status).toBe(200);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    });

    it('http_error: answers 503 without creating anything, for the next call only', async () => {
      emulator.setFault({ kind: 'http_error', status: 503, route: 'in_store_session', times: 1 });
      const failed = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody());
      expectEnvelope(failed, 503, 'internal_server_error');
      expect(emulator.orders()).toHaveLength(0);
      expect(emulator.sms()).toHaveLength(0);
      expect((await call(emulator, 'POST', '/checkout/in-store-session', sessionBody())).status).toBe(200);
      expect(emulator.calls().map((recorded) => [recorded.status, recorded.fault])).toEqual([
        [503, 'http_error'],
        [200, undefined],
      ]);
    });

    it('http_error: a 409 or an HTML 502 can be injected too', async () => {
      emulator.setFault({ kind: 'http_error', status: 409, route: 'simplified_refund', times: 1 });
      emulator.setFault({ kind: 'http_error', status: 502, body: 'html', route: 'get_order', times: 1 });
      expect((await call(emulator, 'POST', '/payments/simplified-refund/x', { total_amount: { amount: 1, currency: 'SAR' }, comment: 'x' })).status).toBe(409);
      const html = await call(emulator, 'GET', '/orders/x');
      expect(html.status).toBe(502);
      expect(html.text).toContain('<html>');
    });

    it('rate_limit: 429 with Retry-After, nothing done', async () => {
      emulator.setFault({ kind: 'rate_limit', retryAfterSeconds: 10, times: 1 });
      const limited = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody());
      expectEnvelope(limited, 429, 'too_many_requests');
      expect(limited.headers.get('retry-after')).toBe('10');
      expect(emulator.orders()).toHaveLength(0);
    });

    it('timeout_after_commit (withhold): the order exists although the client gave up waiting', async () => {
      emulator.setFault({ kind: 'timeout_after_commit', withholdMs: 60_000, route: 'in_store_session', times: 1 });
      await expect(call(emulator, 'POST', '/checkout/in-store-session', sessionBody(), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
      const adopted = await call(emulator, 'GET', '/merchants/orders/reference-id/POS-0042-000917');
      expect(adopted.json.status).toBe('new');
      expect(emulator.sms()).toHaveLength(1);
      expect(emulator.calls()[0]).toMatchObject({ status: 200, fault: 'timeout_after_commit' });
    });

    it('timeout_after_commit (destroy): the socket is dropped after the refund took effect', async () => {
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      emulator.setFault({ kind: 'timeout_after_commit', mode: 'destroy', route: 'simplified_refund', times: 1 });
      await expect(call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 25, currency: 'SAR' }, comment: 'CN-9', merchant_refund_id: 'CN-9' })).rejects.toThrow();
      const order = (await call(emulator, 'GET', `/orders/${order_id}`)).json;
      expect(order.transactions.refunds).toEqual([expect.objectContaining({ merchant_refund_id: 'CN-9', total_amount: { amount: 25, currency: 'SAR' } })]);
    });

    it('malformed_json: a 200 whose body does not parse', async () => {
      const { order_id } = await createSession(emulator);
      emulator.setFault({ kind: 'malformed_json', route: 'get_order', times: 1 });
      const broken = await call(emulator, 'GET', `/orders/${order_id}`);
      expect(broken.status).toBe(200);
      expect(() => JSON.parse(broken.text)).toThrow();
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('new');
    });

    it('unknown_status and response_patch: get-order shows on_hold, or a non-numeric amount', async () => {
      const { order_id } = await createSession(emulator);
      emulator.setFault({ kind: 'unknown_status', times: 1 });
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('on_hold');
      emulator.setFault({ kind: 'response_patch', route: 'get_order', patch: { captured_amount: { amount: 'abc' } }, times: 1 });
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.captured_amount).toEqual({ amount: 'abc', currency: 'SAR' });
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).json.status).toBe('new');
    });

    it('faults stay on their route and last until cleared when no count is given', async () => {
      emulator.setFault({ kind: 'http_error', status: 500, route: 'get_order' });
      const { order_id } = await createSession(emulator);
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).status).toBe(500);
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).status).toBe(500);
      await emulator.clearFaults();
      expect((await call(emulator, 'GET', `/orders/${order_id}`)).status).toBe(200);
    });

    it('webhook_duplicate: the same notification N times, concurrently', async () => {
      await emulator.registerWebhook({ url: receiver.url, events: ['order_captured'] });
      emulator.setFault({ kind: 'webhook_duplicate', copies: 5, concurrent: true, route: 'order_captured', times: 1 });
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.webhooksIdle();
      expect(receiver.events()).toEqual(Array(5).fill('order_captured'));
      expect(new Set(receiver.received.map((webhook) => webhook.text)).size).toBe(1);
      expect(emulator.webhookDeliveries().map((delivery) => delivery.copy).sort()).toEqual([1, 2, 3, 4, 5]);
    });

    it('webhook_duplicate: sequential copies when not concurrent', async () => {
      emulator.registerWebhook({ url: receiver.url, events: ['order_expired'] });
      emulator.setFault({ kind: 'webhook_duplicate', copies: 2, times: 1 });
      const { order_id } = await createSession(emulator);
      await emulator.cancel(order_id);
      await emulator.webhooksIdle();
      expect(receiver.events()).toEqual(['order_expired', 'order_expired']);
      expect(emulator.faults()).toEqual([]);
    });

    it('webhook_out_of_order: holds events and sends them reversed', async () => {
      emulator.registerWebhook({ url: receiver.url });
      emulator.setFault({ kind: 'webhook_out_of_order', count: 2, times: 1 });
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.webhooksIdle();
      expect(receiver.events()).toEqual(['order_captured', 'order_approved']);
    });

    it('webhook_out_of_order: clearing the faults releases what was held', async () => {
      emulator.registerWebhook({ url: receiver.url });
      emulator.setFault({ kind: 'webhook_out_of_order', count: 3 });
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      await emulator.webhooksIdle();
      expect(receiver.received).toHaveLength(0);
      await emulator.clearFaults();
      await emulator.webhooksIdle();
      expect(receiver.events()).toEqual(['order_captured', 'order_approved']);
    });

    it('webhook_before_response: order_captured reaches the merchant before the create call answers', async () => {
      emulator.registerWebhook({ url: receiver.url, events: ['order_captured'] });
      emulator.setFault({ kind: 'webhook_before_response', route: 'in_store_session', times: 1 });
      let answered = false;
      let answeredWhenWebhookArrived: boolean | undefined;
      receiver.onReceive = () => {
        answeredWhenWebhookArrived = answered;
      };
      const created = await call(emulator, 'POST', '/checkout/in-store-session', sessionBody());
      answered = true;
      expect(created.status).toBe(200);
      expect(answeredWhenWebhookArrived).toBe(false);
      expect(receiver.received[0]?.body).toMatchObject({ order_id: created.json.order_id, event_type: 'order_captured' });
    });

    it('webhook_before_response on a refund: order_refunded arrives before the refund answer', async () => {
      emulator.registerWebhook({ url: receiver.url, events: ['order_refunded'] });
      const { order_id } = await createSession(emulator);
      await emulator.pay(order_id);
      emulator.setFault({ kind: 'webhook_before_response', route: 'simplified_refund', times: 1 });
      const refund = await call(emulator, 'POST', `/payments/simplified-refund/${order_id}`, { total_amount: { amount: 5, currency: 'SAR' }, comment: 'x' });
      expect(receiver.received.map((webhook) => webhook.body.data.refund_id)).toEqual([refund.json.refund_id]);
    });
  });

  describe('control API over HTTP', () => {
    async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
      const response = await fetch(`${emulator.url}/_emulator${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      });
      return { status: response.status, json: await response.json() };
    }

    it('acts as the customer and as Tamara: pay, decline, cancel, expire', async () => {
      const paid = await createSession(emulator, { order_reference_id: 'P' });
      const declined = await createSession(emulator, { order_reference_id: 'D' });
      const canceled = await createSession(emulator, { order_reference_id: 'C' });
      const expired = await createSession(emulator, { order_reference_id: 'E' });
      expect((await control('POST', `/orders/${paid.order_id}/pay`)).json.status).toBe('fully_captured');
      const decline = await control('POST', `/orders/${declined.order_id}/decline`, { reason: 'limit', code: 'c1' });
      expect(decline.json.status).toBe('declined');
      expect((await control('POST', `/orders/${canceled.order_id}/cancel`)).json.status).toBe('expired');
      expect((await control('POST', `/orders/${expired.order_id}/expire`)).json.status).toBe('expired');
      expect((await control('POST', '/orders/nope/pay')).status).toBe(404);
    });

    it('moves the clock, lists orders, calls, SMS and deliveries, sets and clears faults, resets', async () => {
      emulator.registerWebhook({ url: receiver.url, events: ['order_expired'] });
      const { order_id } = await createSession(emulator);
      const clock = await control('POST', '/clock/advance', { seconds: 900 });
      expect(clock.json.offset_seconds).toBe(900);
      expect((await control('GET', `/orders/${order_id}`)).json.status).toBe('expired');
      expect((await control('GET', '/orders')).json).toHaveLength(1);
      expect((await control('GET', '/calls')).json).toHaveLength(1);
      expect((await control('GET', '/sms')).json[0].orderId).toBe(order_id);
      await control('POST', '/webhooks/idle');
      expect((await control('GET', '/webhook-deliveries')).json.map((delivery: { eventType: string }) => delivery.eventType)).toEqual(['order_expired']);

      const set = await control('POST', '/faults', { kind: 'http_error', status: 503, route: 'get_order', times: 2 });
      expect(set.json[0]).toMatchObject({ route: 'get_order', remaining: 2, rule: { kind: 'http_error', status: 503 } });
      expect((await control('GET', '/faults')).json).toHaveLength(1);
      expect((await control('POST', '/faults', { kind: 'http_error', status: 200 })).status).toBe(400);
      expect((await control('POST', '/faults', { kind: 'teleport' })).status).toBe(400);
      expect((await control('DELETE', '/faults')).json.cleared).toHaveLength(1);
      expect((await control('POST', '/clock/advance', { seconds: -5 })).status).toBe(400);

      expect((await control('POST', '/reset')).json).toEqual({ reset: true });
      expect((await control('GET', '/orders')).json).toEqual([]);
      expect((await control('GET', '/clock')).json.offset_seconds).toBe(0);
    });

    it("serves a checkout page for the SMS link", async () => {
      const { checkout_deeplink } = await createSession(emulator);
      const page = await fetch(checkout_deeplink);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('345.00 SAR');
    });
  });
});
