import { OdooError } from '../../../src/odoo/client';
import { makeClient } from './support/client-factory';
import { StubOdooServer, TEST_API_KEY, isJsonRpc, jsonRpcAnswer, odooErrorMember, type ReceivedRequest } from './support/stub-odoo-server';
import { transcript } from './support/transcripts';

const ACCESS_DENIED = odooErrorMember('odoo.exceptions.AccessDenied', 'Access Denied');

function argsOf(r: ReceivedRequest): unknown[] {
  return (r.json as { params: { args: unknown[] } }).params.args;
}

describe('JSON-RPC authentication', () => {
  let server: StubOdooServer;

  beforeEach(async () => {
    server = await StubOdooServer.start();
  });

  afterEach(async () => {
    await server.close();
    expect(server.unmatched).toEqual([]);
  });

  it('014: a wrong key makes authenticate answer false → access_denied, never retried', async () => {
    server.replay(transcript('014'));
    const { client, sleeps } = makeClient(server.url, { apiKey: 'wrong-password' });

    const error = (await client.searchRead('res.partner', [], { fields: ['name'] }).catch((e: unknown) => e)) as OdooError;

    expect(error).toBeInstanceOf(OdooError);
    expect(error.kind).toBe('access_denied');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('Odoo refused the API key of user "admin" on database "tamara"');
    expect(server.calls('common.authenticate')).toHaveLength(1);
    expect(server.calls('object.execute_kw')).toHaveLength(0);
    expect(sleeps).toEqual([]);
  });

  it('015: an unknown login also answers false → access_denied', async () => {
    server.replay(transcript('015'));
    const { client } = makeClient(server.url, { username: 'nobody', apiKey: 'x' });
    await expect(client.authenticate()).rejects.toMatchObject({ kind: 'access_denied' });
  });

  it('caches the uid: concurrent calls share one authenticate', async () => {
    server.replay(transcript('012')).replay(transcript('021'));
    const { client } = makeClient(server.url);

    await Promise.all([1, 2, 3].map(() => client.read('res.users', [2], ['login', 'name', 'tz', 'lang', 'company_id'])));

    expect(server.calls('common.authenticate')).toHaveLength(1);
    expect(server.calls('object.execute_kw').map((r) => argsOf(r)[1])).toEqual([2, 2, 2]);
  });

  it('re-authenticates once after AccessDenied and repeats the call (the credential check runs before the method)', async () => {
    server
      .replay(transcript('012'))
      .on('AccessDenied once', isJsonRpc('object.execute_kw', 'account.move.action_post'), (r) => jsonRpcAnswer(r, { error: ACCESS_DENIED }), 1)
      .replay(transcript('068'));
    const { client, logger } = makeClient(server.url);

    await expect(client.callRecordMethod('account.move', 'action_post', [1])).resolves.toBe(false);

    expect(server.calls('common.authenticate')).toHaveLength(2);
    expect(server.calls('object.execute_kw')).toHaveLength(2);
    expect(logger.lines.some((l) => l.level === 'warn' && /authenticating again once/.test(l.message))).toBe(true);
  });

  it('019: when the fresh login is refused too, it stops with access_denied (no loop)', async () => {
    const revokedKey = 'not-a-valid-key-0000000000000000000000';
    server
      .on('authenticate before revocation', isJsonRpc('common.authenticate'), (r) => jsonRpcAnswer(r, { result: 2 }), 1)
      .on('authenticate after revocation', isJsonRpc('common.authenticate'), (r) => jsonRpcAnswer(r, { result: false }))
      .replay(transcript('019'), { apiKey: revokedKey });
    const { client } = makeClient(server.url, { apiKey: revokedKey });

    const error = (await client.searchRead('res.partner', [['id', '=', 1]], { fields: ['name'] }).catch((e: unknown) => e)) as OdooError;

    expect(error.kind).toBe('access_denied');
    expect(error.details.operation).toBe('common.authenticate');
    expect(server.calls('common.authenticate')).toHaveLength(2);
    expect(server.calls('object.execute_kw')).toHaveLength(1);
  });

  it('gives up after one re-authentication when the call keeps failing with AccessDenied', async () => {
    server.replay(transcript('012')).on('always AccessDenied', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: ACCESS_DENIED }));
    const { client, sleeps } = makeClient(server.url);

    const error = (await client.searchCount('account.move', []).catch((e: unknown) => e)) as OdooError;

    expect(error.kind).toBe('access_denied');
    expect(error.details.operation).toBe('account.move.search_count');
    expect(server.calls('common.authenticate')).toHaveLength(2);
    expect(server.calls('object.execute_kw')).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('020: a stale uid (MissingError on res.users(uid) for that same user) triggers one fresh login', async () => {
    server
      .on('stale uid', isJsonRpc('common.authenticate'), (r) => jsonRpcAnswer(r, { result: 999 }), 1)
      .replay(transcript('012'))
      .replay(transcript('020'))
      .on('with uid 2', (r) => isJsonRpc('object.execute_kw')(r) && argsOf(r)[1] === 2, (r) => jsonRpcAnswer(r, { result: [{ id: 1, name: 'My Company' }] }));
    const { client } = makeClient(server.url);

    await expect(client.searchRead('res.partner', [['id', '=', 1]], { fields: ['name'] })).resolves.toEqual([{ id: 1, name: 'My Company' }]);

    expect(server.calls('object.execute_kw').map((r) => argsOf(r)[1])).toEqual([999, 2]);
  });

  it('a MissingError about another record is a plain missing_record (133), no re-login', async () => {
    server.replay(transcript('012')).replay(transcript('133'));
    const { client } = makeClient(server.url);

    await expect(client.write('account.move', [999999], { x_tamara_status: 'x' })).rejects.toMatchObject({ kind: 'missing_record' });
    expect(server.calls('common.authenticate')).toHaveLength(1);
  });

  it('picks up a hot-reloaded key on the next call, without a new client', async () => {
    let currentKey = 'old-key-0000000000000000';
    server
      .on('old key', (r) => isJsonRpc('common.authenticate')(r) && argsOf(r)[2] === 'old-key-0000000000000000', (r) => jsonRpcAnswer(r, { result: 2 }))
      .replay(transcript('092'));
    const { client } = makeClient(server.url, { apiKey: () => currentKey });
    await client.authenticate();

    currentKey = TEST_API_KEY;
    // 092 only matches when the call carries the new key.
    await expect(client.searchCount('account.payment', [['memo', 'ilike', 'no-such-order-id']])).resolves.toBe(0);
  });

  it('authenticate() checks the credentials and returns the uid (012)', async () => {
    server.replay(transcript('012'));
    const { client } = makeClient(server.url);
    await expect(client.authenticate()).resolves.toBe(2);
  });
});
