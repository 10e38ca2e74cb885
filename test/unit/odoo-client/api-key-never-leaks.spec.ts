import { inspect } from 'node:util';
import { OdooError, type OdooClient } from '../../../src/odoo/client';
import { makeClient, type RecordingLogger } from './support/client-factory';
import { StubOdooServer, TEST_API_KEY, isJsonRpc, jsonRpcAnswer, odooErrorMember, type ReceivedRequest } from './support/stub-odoo-server';
import { transcript } from './support/transcripts';

const OLD_KEY = 'rotated-out-key-9a8b7c6d5e4f3a2b1c0d';

function everyRendering(error: unknown): string[] {
  const e = error as Error;
  return [e.message, String(e), JSON.stringify(e), e.stack ?? '', inspect(e, { depth: 10, showHidden: true })];
}

function expectNoKey(texts: string[], ...keys: string[]): void {
  for (const text of texts) for (const key of keys) expect(text).not.toContain(key);
}

describe('the API key never appears in an error or a log line', () => {
  let server: StubOdooServer;
  const failures: unknown[] = [];
  const loggers: RecordingLogger[] = [];

  function client(overrides: Parameters<typeof makeClient>[1] = {}): OdooClient {
    const made = makeClient(server.url, overrides);
    loggers.push(made.logger);
    return made.client;
  }

  async function collect(promise: Promise<unknown>): Promise<OdooError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OdooError);
    failures.push(error);
    return error as OdooError;
  }

  beforeEach(async () => {
    server = await StubOdooServer.start();
    failures.length = 0;
    loggers.length = 0;
  });

  afterEach(async () => {
    await server.close();
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expectNoKey(everyRendering(failure), TEST_API_KEY, OLD_KEY);
    for (const logger of loggers) expectNoKey([logger.text()], TEST_API_KEY, OLD_KEY);
  });

  it('when Odoo echoes the key in its message, arguments and traceback (JSON-RPC)', async () => {
    const echo = odooErrorMember('builtins.ValueError', `Invalid value '${TEST_API_KEY}'`, `Traceback\n  args=('tamara', 2, '${TEST_API_KEY}')\nValueError`);
    server.replay(transcript('012')).on('echo', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: echo }));

    const error = await collect(client().searchCount('account.move', []));

    expect(error.kind).toBe('bug');
    expect(error.odooMessage).toBe("Invalid value '[redacted]'");
  });

  it('when the key is refused (AccessDenied, re-login answering false)', async () => {
    server
      .on('login', isJsonRpc('common.authenticate'), (r) => jsonRpcAnswer(r, { result: 2 }), 1)
      .on('refused', isJsonRpc('common.authenticate'), (r) => jsonRpcAnswer(r, { result: false }))
      .on('denied', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { error: odooErrorMember('odoo.exceptions.AccessDenied', 'Access Denied') }));

    await collect(client().callRecordMethod('account.move', 'action_post', [1]));
  });

  it('on timeouts, dropped connections and refused connections (the HTTP library’s error holds the request)', async () => {
    server
      .on('slow', isJsonRpc('common.authenticate'), { status: 200, body: '{}', delayMs: 5000 }, 1)
      .replay(transcript('012'))
      .on('drop', isJsonRpc('object.execute_kw'), { status: 200, body: '', destroy: true });

    await collect(client({ timeoutMs: 50, retry: { maxAttempts: 1 } }).authenticate());
    await collect(client().write('account.move', [1], { x_tamara_status: 'x' }));
    const closed = await StubOdooServer.start();
    const closedUrl = closed.url;
    await closed.close();
    const refused = makeClient(closedUrl, { retry: { maxAttempts: 1 } });
    loggers.push(refused.logger);
    failures.push(await refused.client.authenticate().catch((e: unknown) => e));
  });

  it('on JSON-2 errors that echo the key or the Authorization header', async () => {
    server
      .on('401', (r: ReceivedRequest) => r.path === '/json/2/account.move/read', { status: 401, body: JSON.stringify(`Invalid apikey ${TEST_API_KEY}`) })
      .on('500', (r: ReceivedRequest) => r.path === '/json/2/account.move/write', {
        status: 500,
        body: JSON.stringify({ name: 'builtins.TypeError', message: `headers: Authorization: bearer ${TEST_API_KEY}`, debug: `Traceback ${TEST_API_KEY}` }),
      });
    const json2 = client({ protocol: 'json2' });

    const denied = await collect(json2.read('account.move', [1], ['name']));
    const bug = await collect(json2.write('account.move', [1], { name: 'x' }));

    expect(denied.kind).toBe('access_denied');
    expect(bug.odooMessage).toBe('headers: Authorization: bearer [redacted]');
  });

  it('keeps scrubbing a key after it was rotated out (hot reload)', async () => {
    let key = OLD_KEY;
    server
      .on('echo old', isJsonRpc('common.authenticate'), (r) => jsonRpcAnswer(r, { error: odooErrorMember('builtins.ValueError', `bad ${OLD_KEY}`) }), 1)
      .on('echo both', isJsonRpc('common.authenticate'), (r) =>
        jsonRpcAnswer(r, { error: odooErrorMember('builtins.ValueError', `bad ${OLD_KEY} / ${TEST_API_KEY}`) }),
      );
    const rotating = client({ apiKey: () => key });
    await collect(rotating.authenticate());

    key = TEST_API_KEY;
    const error = await collect(rotating.authenticate());
    expect(error.odooMessage).toBe('bad [redacted] / [redacted]');
  });

  it('on invalid responses and options errors', async () => {
    server.replay(transcript('012')).on('odd', isJsonRpc('object.execute_kw'), (r) => jsonRpcAnswer(r, { result: 'not a count' }));

    await collect(client().searchCount('account.move', []));
    failures.push(
      (() => {
        try {
          makeClient('not a url', { apiKey: TEST_API_KEY });
          return undefined;
        } catch (e) {
          return e;
        }
      })(),
    );
  });
});
