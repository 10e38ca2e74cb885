import { OdooError } from '../../../src/odoo/client';
import { makeClient } from './support/client-factory';
import { StubOdooServer, isJsonRpc, jsonRpcAnswer, odooErrorMember, type StubResponse } from './support/stub-odoo-server';
import { transcript } from './support/transcripts';

const SERIALIZATION_FAILURE = odooErrorMember('psycopg2.errors.SerializationFailure', 'could not serialize access due to concurrent update');
const HTML_502: StubResponse = { status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' };

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OdooError)) throw new Error(`expected an OdooError, got ${String(error)}`);
  return error;
}

describe('retries, timeouts and transport failures (JSON-RPC)', () => {
  let server: StubOdooServer;

  beforeEach(async () => {
    server = await StubOdooServer.start();
    server.replay(transcript('012'));
  });

  afterEach(async () => {
    await server.close();
    expect(server.unmatched).toEqual([]);
  });

  describe('concurrency (D5)', () => {
    it('retries a read after a serialization failure, with backoff', async () => {
      server.on('conflict once', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: SERIALIZATION_FAILURE }), 1).replay(transcript('092'));
      const { client, sleeps } = makeClient(server.url);

      await expect(client.searchCount('account.payment', [['memo', 'ilike', 'no-such-order-id']])).resolves.toBe(0);

      expect(server.calls('object.execute_kw')).toHaveLength(2);
      // random() = 0.5 of min(4000, 250 * 2^0)
      expect(sleeps).toEqual([125]);
    });

    it('gives up after maxAttempts with the attempt count', async () => {
      server.on('conflict', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: SERIALIZATION_FAILURE }));
      const { client, sleeps, logger } = makeClient(server.url);

      const error = await failure(client.read('account.move', [1], ['name']));

      expect(error.kind).toBe('concurrency');
      expect(error.retryable).toBe(true);
      expect(error.details.attempts).toBe(3);
      expect(sleeps).toEqual([125, 250]);
      expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    });

    it('never retries a write: the caller must look for its idempotency marker first', async () => {
      server.on('conflict', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: SERIALIZATION_FAILURE }));
      const { client, sleeps } = makeClient(server.url);

      const error = await failure(client.runWizard('account.payment.register', { amount: 1 }, { active_model: 'account.move', active_ids: [1] }, 'action_create_payments'));

      expect(error.kind).toBe('concurrency');
      expect(error.details.attempts).toBe(1);
      expect(error.details.outcomeUnknown).toBeUndefined();
      expect(server.calls('object.execute_kw')).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it('lets the caller declare another method idempotent', async () => {
      server.on('conflict once', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: SERIALIZATION_FAILURE }), 1).on('ok', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { result: [] }));
      const { client } = makeClient(server.url);

      await expect(client.callKw('account.move', 'read_group', [[], ['amount_total'], ['state']], {}, { idempotent: true })).resolves.toEqual([]);
      expect(server.calls('object.execute_kw')).toHaveLength(2);
    });
  });

  describe('business and permission errors are final', () => {
    it.each([
      ['user_error', odooErrorMember('odoo.exceptions.ValidationError', 'The operation cannot be completed')],
      ['access_error', odooErrorMember('odoo.exceptions.AccessError', 'You are not allowed to access')],
      ['bug', odooErrorMember('builtins.ValueError', 'Invalid field')],
      ['missing_record', odooErrorMember('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.')],
    ])('%s on a read is not retried', async (kind, member) => {
      server.on('error', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: member }));
      const { client, sleeps } = makeClient(server.url);

      const error = await failure(client.searchRead('account.move', [], { fields: ['name'] }));

      expect(error.kind).toBe(kind);
      expect(server.calls('object.execute_kw')).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });
  });

  describe('transport (D7)', () => {
    it('retries a read after a 502 from a proxy', async () => {
      server.on('502 once', isJsonRpc('object.execute_kw'), HTML_502, 1).replay(transcript('021'));
      const { client } = makeClient(server.url);

      await expect(client.read('res.users', [2], ['login', 'name', 'tz', 'lang', 'company_id'])).resolves.toHaveLength(1);
      expect(server.calls('object.execute_kw')).toHaveLength(2);
    });

    it('a 5xx on a write is final and flagged outcome-unknown', async () => {
      server.on('504', isJsonRpc('object.execute_kw'), { status: 504, contentType: 'text/html', body: 'Gateway Timeout' });
      const { client } = makeClient(server.url);

      const error = await failure(client.callRecordMethod('account.move', 'action_post', [1]));

      expect(error).toMatchObject({ kind: 'transport', details: { httpStatus: 504, transportReason: 'http_status', outcomeUnknown: true, attempts: 1 } });
    });

    it('times out every call after timeoutMs; a write is not repeated and its outcome is unknown', async () => {
      server.on('slow', isJsonRpc('object.execute_kw'), { status: 200, body: '{}', delayMs: 5000 });
      const { client } = makeClient(server.url, { timeoutMs: 80 });

      const started = Date.now();
      const error = await failure(client.create('account.payment', { amount: 1 }));

      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toMatchObject({ kind: 'transport', details: { transportReason: 'timeout', outcomeUnknown: true, attempts: 1 } });
      expect(error.message).toBe('Odoo account.payment.create: no answer within 80 ms');
    });

    it('a timed-out read is retried up to maxAttempts', async () => {
      server.on('slow', isJsonRpc('object.execute_kw'), { status: 200, body: '{}', delayMs: 5000 });
      const { client } = makeClient(server.url, { timeoutMs: 60, retry: { maxAttempts: 2 } });

      const error = await failure(client.searchCount('account.move', []));

      expect(error.details).toMatchObject({ transportReason: 'timeout', attempts: 2 });
      expect(server.calls('object.execute_kw')).toHaveLength(2);
    });

    it('the login has a timeout too, and a write whose login failed was certainly not sent', async () => {
      const slow = await StubOdooServer.start();
      slow.on('slow login', isJsonRpc('common.authenticate'), { status: 200, body: '{}', delayMs: 5000 });
      const { client } = makeClient(slow.url, { timeoutMs: 60 });

      const error = await failure(client.write('account.move', [1], { x_tamara_status: 'new' })).finally(() => slow.close());

      expect(error).toMatchObject({ kind: 'transport', details: { operation: 'common.authenticate', transportReason: 'timeout', outcomeUnknown: false } });
      expect(slow.calls('object.execute_kw')).toHaveLength(0);
    });

    it('connection refused: transport, and the request was certainly not executed', async () => {
      const closed = await StubOdooServer.start();
      const url = closed.url;
      await closed.close();
      const { client } = makeClient(url, { retry: { maxAttempts: 1 } });

      const error = await failure(client.serverVersion());

      expect(error).toMatchObject({ kind: 'transport', details: { operation: 'common.version', transportReason: 'connection_refused', outcomeUnknown: false } });
    });

    it('a dropped connection: transport with the outcome unknown', async () => {
      server.on('drop', isJsonRpc('object.execute_kw'), { status: 200, body: '', destroy: true });
      const { client } = makeClient(server.url);

      const error = await failure(client.callRecordMethod('account.move', 'action_post', [1]));

      expect(error).toMatchObject({ kind: 'transport', details: { transportReason: 'connection_failed', outcomeUnknown: true } });
    });

    it('an HTML page with status 200 (maintenance page) is transport, retried for reads', async () => {
      server.on('html', isJsonRpc('object.execute_kw'), { status: 200, contentType: 'text/html', body: '<html>Maintenance</html>' });
      const { client } = makeClient(server.url);

      const error = await failure(client.searchCount('account.move', []));

      expect(error).toMatchObject({ kind: 'transport', details: { transportReason: 'non_json', attempts: 3 } });
    });

    it.each([
      [404, 'not_found'],
      [401, 'access_denied'],
      [403, 'access_denied'],
      [429, 'transport'],
      [503, 'transport'],
      [301, 'invalid_response'],
    ] as const)('HTTP %s without a JSON-RPC body → %s', async (status, kind) => {
      server.on('status', isJsonRpc('object.execute_kw'), { status, contentType: 'text/html', body: '<html></html>' });
      const { client } = makeClient(server.url, { retry: { maxAttempts: 1 } });

      await expect(client.callRecordMethod('account.move', 'action_post', [1])).rejects.toMatchObject({ kind, details: { httpStatus: status } });
    });
  });

  describe('invalid responses', () => {
    it.each([
      ['an answer for another id', (id: number) => ({ jsonrpc: '2.0', id: id + 1, result: 1 })],
      ['a success with id null', () => ({ jsonrpc: '2.0', id: null, result: 1 })],
      ['JSON that is not an envelope', () => [1, 2, 3]],
    ])('%s → invalid_response, not retried', async (_what, body) => {
      server.on('odd', isJsonRpc('object.execute_kw'), (r) => ({ status: 200, body: JSON.stringify(body((r.json as { id: number }).id)) }));
      const { client } = makeClient(server.url);

      await expect(client.searchCount('account.move', [])).rejects.toMatchObject({ kind: 'invalid_response' });
      expect(server.calls('object.execute_kw')).toHaveLength(1);
    });

    it('a result of the wrong shape for a typed helper → invalid_response', async () => {
      server.on('odd', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { result: 'three' }));
      const { client } = makeClient(server.url);

      await expect(client.searchCount('account.move', [])).rejects.toMatchObject({ kind: 'invalid_response', details: { operation: 'account.move.search_count' } });
    });

    it('an error answered with id null (as "Session expired" is, 194) is still read as the error', async () => {
      const t = transcript('194');
      server.on('expired', isJsonRpc('object.execute_kw'), { status: 200, body: JSON.stringify(t.response) });
      const { client } = makeClient(server.url);

      await expect(client.searchCount('account.move', [])).rejects.toMatchObject({ kind: 'access_denied', details: { odooName: 'odoo.http.SessionExpiredException' } });
    });
  });
});
