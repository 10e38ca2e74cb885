import { inspect } from 'node:util';
import { Money } from '../../../src/shared/money/money';
import { TamaraError } from '../../../src/tamara/tamara-error';
import { StubTamaraServer, closedPortUrl } from './support/stub-tamara-server';
import { API_TOKEN, EMAIL, PHONE, testClient } from './support/tamara-client.fixture';
import { T0 } from './support/virtual-time';

const ORDER_ID = '0ac038ef-de4a-491c-828e-b02ec0d4582d';
const ORDER_BODY = {
  order_id: ORDER_ID,
  order_reference_id: 'R',
  status: 'new',
  total_amount: { amount: 10, currency: 'SAR' },
  captured_amount: { amount: 0, currency: 'SAR' },
  refunded_amount: { amount: 0, currency: 'SAR' },
};
const REFUND_OK = { status: 200, body: { order_id: ORDER_ID, refund_id: 'r-1', status: 'partially_refunded' } };
const refund = { orderId: ORDER_ID, totalAmount: Money.of('10', 'SAR'), comment: 'CN/1', merchantRefundId: 'CN/1' };
const session = { orderReferenceId: 'R', totalAmount: Money.of('10', 'SAR'), phoneNumber: PHONE, email: EMAIL, items: [] };

async function failure(promise: Promise<unknown>): Promise<TamaraError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TamaraError)) throw new Error(`expected a TamaraError, got ${inspect(error)}`);
  return error;
}

describe('TamaraHttpClient error classification', () => {
  let tamara: StubTamaraServer;

  beforeEach(async () => {
    tamara = await StubTamaraServer.start();
  });
  afterEach(async () => {
    await tamara.close();
  });

  it('classifies Tamara’s 400 envelope as rejected with its codes and message', async () => {
    tamara.queue({
      status: 400,
      body: {
        message: 'Unsupported country-currency combination. Please reach out to your account manager for support',
        errors: [{ error_code: 'not_supported_country_currency' }, { error_code: 'other_code', data: { field: 'x' } }],
        data: {},
        title: null,
        screen_type: null,
      },
    });
    const { client } = testClient(tamara.baseUrl);

    const error = await failure(client.createInStoreSession(session));

    expect(error.kind).toBe('rejected');
    expect(error.details).toMatchObject({ httpStatus: 400, operation: 'createInStoreSession', errorCode: 'not_supported_country_currency', errorCodes: ['not_supported_country_currency', 'other_code'] });
    expect(error.message).toBe('Tamara createInStoreSession: HTTP 400 not_supported_country_currency: Unsupported country-currency combination. Please reach out to your account manager for support');
    expect(tamara.requests).toHaveLength(1);
  });

  it('keeps errors[0].data (e.g. transition_not_allowed) as errorData', async () => {
    tamara.queue({ status: 422, body: { message: 'no', errors: [{ error_code: 'transition_not_allowed', data: { old_state: 'approved', new_state: 'canceled' } }] } });
    const { client } = testClient(tamara.baseUrl);

    const error = await failure(client.simplifiedRefund(refund));

    expect(error).toMatchObject({ kind: 'rejected', details: { errorCode: 'transition_not_allowed', errorData: { old_state: 'approved', new_state: 'canceled' } } });
  });

  it.each([401, 403])('classifies %i as unauthorized and does not retry a read', async (status) => {
    tamara.otherwise({ status, body: { message: 'Merchant is not found' } });
    const { client } = testClient(tamara.baseUrl);

    const error = await failure(client.getOrder(ORDER_ID));

    expect(error).toMatchObject({ kind: 'unauthorized', details: { httpStatus: status } });
    expect(tamara.requests).toHaveLength(1);
  });

  it('classifies 404 as not_found, and as null for a lookup by reference', async () => {
    tamara.otherwise({ status: 404, body: 'Not Found' });
    const { client } = testClient(tamara.baseUrl);

    expect((await failure(client.getOrder(ORDER_ID))).kind).toBe('not_found');
    await expect(client.findOrderByReference('R-404')).resolves.toBeNull();
    expect(tamara.requests).toHaveLength(2);
  });

  it('classifies 409 on a write as outcome_unknown (maybe done) and does not retry', async () => {
    tamara.otherwise({ status: 409, body: { message: 'conflict', errors: [{ error_code: 'transition_not_allowed' }] } });
    const { client } = testClient(tamara.baseUrl);

    const error = await failure(client.simplifiedRefund(refund));

    expect(error).toMatchObject({ kind: 'outcome_unknown', details: { httpStatus: 409, errorCode: 'transition_not_allowed' } });
    expect(tamara.requests).toHaveLength(1);
  });

  it('classifies 409 on a read as rejected', async () => {
    tamara.otherwise({ status: 409, body: { message: 'conflict' } });
    const { client } = testClient(tamara.baseUrl);

    expect((await failure(client.getOrder(ORDER_ID))).kind).toBe('rejected');
  });

  describe('429', () => {
    it('retries a read after Retry-After seconds', async () => {
      tamara.queue({ status: 429, headers: { 'retry-after': '2' }, body: '' }, { status: 200, body: ORDER_BODY });
      const { client, time } = testClient(tamara.baseUrl);

      await expect(client.getOrder(ORDER_ID)).resolves.toMatchObject({ orderId: ORDER_ID });

      expect(tamara.requests).toHaveLength(2);
      expect(time.sleptMs).toBeGreaterThanOrEqual(2000);
    });

    it('honours Retry-After given as an HTTP date', async () => {
      tamara.queue({ status: 429, headers: { 'retry-after': new Date(T0 + 7000).toUTCString() } }, { status: 200, body: ORDER_BODY });
      const { client, time } = testClient(tamara.baseUrl);

      await client.getOrder(ORDER_ID);

      expect(time.sleptMs).toBeGreaterThanOrEqual(7000);
      expect(time.sleptMs).toBeLessThan(8000);
    });

    it('retries a write at most twice, then throws rate_limited with retryAfterMs', async () => {
      tamara.otherwise({ status: 429, headers: { 'retry-after': '1' } });
      const { client } = testClient(tamara.baseUrl);

      const error = await failure(client.simplifiedRefund(refund));

      expect(error).toMatchObject({ kind: 'rate_limited', details: { httpStatus: 429, retryAfterMs: 1000 } });
      expect(tamara.requests).toHaveLength(3);
      expect(new Set(tamara.requests.map((r) => r.body)).size).toBe(1);
    });

    it('lets a write through once the pause is over', async () => {
      tamara.queue({ status: 429, headers: { 'retry-after': '1' } }, REFUND_OK);
      const { client } = testClient(tamara.baseUrl);

      await expect(client.simplifiedRefund(refund)).resolves.toMatchObject({ refundId: 'r-1' });
      expect(tamara.requests).toHaveLength(2);
    });

    it('pauses every other call until Retry-After has passed', async () => {
      tamara.queue({ status: 429, headers: { 'retry-after': '5' } }, { status: 200, body: { is_id_verified: true } });
      const { client, time } = testClient(tamara.baseUrl, { writeRateLimitRetries: 0 });

      await failure(client.simplifiedRefund(refund));
      const pausedAt = time.clock.ms;
      await client.isCustomerIdVerified(PHONE, 'SA');

      expect(time.clock.ms - pausedAt).toBeGreaterThanOrEqual(5000);
      expect(tamara.requests).toHaveLength(2);
    });

    it('fails fast as rate_limited when Retry-After is longer than the client will wait', async () => {
      tamara.otherwise({ status: 429, headers: { 'retry-after': '120' } });
      const { client } = testClient(tamara.baseUrl, { maxRateLimitWaitMs: 10_000 });

      const error = await failure(client.getOrder(ORDER_ID));

      expect(error.kind).toBe('rate_limited');
      expect(error.details.retryAfterMs).toBeGreaterThan(10_000);
      expect(tamara.requests).toHaveLength(1);
    });

    it('uses a default pause when Retry-After is missing', async () => {
      tamara.otherwise({ status: 429 });
      const { client } = testClient(tamara.baseUrl, { writeRateLimitRetries: 0 });

      expect((await failure(client.simplifiedRefund(refund))).details.retryAfterMs).toBe(1000);
    });
  });

  describe('5xx', () => {
    it('retries a read with growing backoff, then reports unavailable', async () => {
      tamara.otherwise({ status: 503, body: '<html>Service Unavailable</html>' });
      const { client, time } = testClient(tamara.baseUrl);

      const error = await failure(client.getOrder(ORDER_ID));

      expect(error).toMatchObject({ kind: 'unavailable', details: { httpStatus: 503 } });
      expect(tamara.requests).toHaveLength(3);
      expect(time.sleeps).toEqual([188, 375]); // 250·2^n steps, half fixed + half jitter at random()=0.5
    });

    it('recovers when a retried read succeeds', async () => {
      tamara.queue({ status: 500 }, { status: 502 }, { status: 200, body: ORDER_BODY });
      const { client } = testClient(tamara.baseUrl);

      await expect(client.getOrder(ORDER_ID)).resolves.toMatchObject({ status: 'new' });
      expect(tamara.requests).toHaveLength(3);
    });

    it('never retries a write: 500 is outcome_unknown after one request', async () => {
      tamara.otherwise({ status: 500, body: { message: 'Internal error' } });
      const { client } = testClient(tamara.baseUrl);

      const error = await failure(client.createInStoreSession(session));

      expect(error).toMatchObject({ kind: 'outcome_unknown', details: { httpStatus: 500 } });
      expect(tamara.requests).toHaveLength(1);
    });
  });

  describe('transport failures', () => {
    it('reports a timeout after Tamara received the refund as outcome_unknown, without resending', async () => {
      tamara.otherwise({ hang: true });
      const { client } = testClient(tamara.baseUrl, { timeoutMs: 150 });

      const error = await failure(client.simplifiedRefund(refund));

      expect(error.kind).toBe('outcome_unknown');
      expect(error.message).toContain('may have reached Tamara');
      expect(tamara.requests).toHaveLength(1);
      expect(tamara.requests[0].body).toBe('{"total_amount":{"amount":10.00,"currency":"SAR"},"comment":"CN/1","merchant_refund_id":"CN/1"}');
    });

    it('reports a read timeout as unavailable after bounded retries', async () => {
      tamara.otherwise({ hang: true });
      const { client } = testClient(tamara.baseUrl, { timeoutMs: 100, readAttempts: 2 });

      expect((await failure(client.getOrder(ORDER_ID))).kind).toBe('unavailable');
      expect(tamara.requests).toHaveLength(2);
    });

    it('reports a connection reset after sending as outcome_unknown for a write', async () => {
      tamara.otherwise({ reset: true });
      const { client } = testClient(tamara.baseUrl);

      expect((await failure(client.voidCheckout('c', ORDER_ID))).kind).toBe('outcome_unknown');
      expect(tamara.requests).toHaveLength(1);
    });

    it('reports connection refused as unavailable (never sent), for writes too', async () => {
      const { client, time } = testClient(await closedPortUrl());

      const write = await failure(client.createInStoreSession(session));
      const read = await failure(client.getOrder(ORDER_ID));

      expect(write.kind).toBe('unavailable');
      expect(write.message).toContain('ECONNREFUSED');
      expect(write.message).toContain('did not reach Tamara');
      expect(read.kind).toBe('unavailable');
      expect(time.sleeps).toHaveLength(2); // only the read was retried
    });
  });

  describe('2xx bodies that are not JSON', () => {
    it('is outcome_unknown for a write', async () => {
      tamara.otherwise({ status: 200, body: '<html>proxy says hi</html>' });
      const { client } = testClient(tamara.baseUrl);

      expect((await failure(client.createInStoreSession(session))).kind).toBe('outcome_unknown');
      expect(tamara.requests).toHaveLength(1);
    });

    it('is unavailable (and retried) for a read', async () => {
      tamara.otherwise({ status: 200, body: '{"order_id": "truncated' });
      const { client } = testClient(tamara.baseUrl);

      expect((await failure(client.getOrder(ORDER_ID))).kind).toBe('unavailable');
      expect(tamara.requests).toHaveLength(3);
    });
  });

  describe('secrets and personal data', () => {
    const echo = {
      status: 400,
      body: {
        message: `Invalid phone ${PHONE} (+966 51 234 5678 / 512345678) for ${EMAIL}, token ${API_TOKEN}`,
        errors: [{ error_code: 'invalid_phone_number', data: { phone_number: PHONE, consumer: { email: EMAIL }, note: `bearer ${API_TOKEN}` } }],
      },
    };
    const forbidden = [API_TOKEN, PHONE, '512345678', '51 234 5678', EMAIL];

    function expectClean(text: string): void {
      for (const value of forbidden) expect(text).not.toContain(value);
    }

    it.each([
      ['a 400 that echoes them', echo],
      ['a 500', { status: 500, body: echo.body }],
      ['a timeout', { hang: true as const }],
      ['a reset', { reset: true as const }],
      ['a non-JSON 2xx', { status: 200, body: `ok ${PHONE}` }],
    ])('keeps the API token, phone and e-mail out of the error and the logs after %s', async (_name, reply) => {
      tamara.otherwise(reply);
      const { client, logger } = testClient(tamara.baseUrl, { timeoutMs: 100 });

      const error = await failure(client.createInStoreSession(session));

      expectClean(error.message);
      expectClean(String(error.stack));
      expectClean(JSON.stringify(error));
      expectClean(JSON.stringify(error.details));
      expectClean(inspect(error, { depth: 10, showHidden: true }));
      expect((error as Error & { cause?: unknown }).cause).toBeUndefined();
      expectClean(JSON.stringify(logger.entries));
    });

    it('logs a masked phone for calls that carry one', async () => {
      tamara.otherwise({ status: 200, body: { is_id_verified: true } });
      const { client, logger } = testClient(tamara.baseUrl);

      await client.isCustomerIdVerified(PHONE, 'SA');

      expect(logger.entries).toContainEqual(expect.objectContaining({ operation: 'isCustomerIdVerified', phone: '9665******78', httpStatus: 200 }));
      expectClean(JSON.stringify(logger.entries));
    });
  });
});
