import { inspect } from 'node:util';
import { OdooHttpFailure, createAxiosOdooHttp, type OdooHttpRequest } from '../../../src/odoo/client';
import { StubOdooServer, TEST_API_KEY } from './support/stub-odoo-server';

/** The default HTTP port: every status is a value, failures below HTTP carry nothing of the request. */
describe('createAxiosOdooHttp', () => {
  let server: StubOdooServer;
  const http = createAxiosOdooHttp();

  function request(url: string, timeoutMs = 1000): OdooHttpRequest {
    return {
      method: 'POST',
      url,
      headers: { Authorization: `bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ params: { args: ['tamara', 2, TEST_API_KEY] } }),
      timeoutMs,
    };
  }

  async function rejection(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e,
    );
  }

  beforeEach(async () => {
    server = await StubOdooServer.start();
  });

  afterEach(async () => {
    await server.close();
  });

  it('returns 4xx/5xx answers as values, with the raw text body and lower-case headers', async () => {
    server.on('500', () => true, { status: 500, contentType: 'text/html', body: '<h1>boom</h1>' });

    const response = await http(request(`${server.url}/jsonrpc`));

    expect(response).toMatchObject({ status: 500, body: '<h1>boom</h1>' });
    expect(response.headers['content-type']).toBe('text/html');
  });

  it('does not follow redirects (the Odoo URL must not forward our key elsewhere)', async () => {
    server.on('redirect', () => true, { status: 302, body: '' });
    await expect(http(request(`${server.url}/jsonrpc`))).resolves.toMatchObject({ status: 302 });
    expect(server.received).toHaveLength(1);
  });

  function expectNothingOfTheRequest(failure: unknown): void {
    const rendered = [JSON.stringify(failure), inspect(failure, { depth: 10, showHidden: true }), (failure as Error).stack ?? ''];
    for (const text of rendered) expect(text).not.toContain(TEST_API_KEY);
  }

  it('a timeout → OdooHttpFailure "timeout", maybe sent, nothing of the request in it', async () => {
    server.on('slow', () => true, { status: 200, body: '{}', delayMs: 5000 });

    const failure = await rejection(http(request(`${server.url}/jsonrpc`, 50)));

    expect(failure).toBeInstanceOf(OdooHttpFailure);
    expect(failure).toMatchObject({ reason: 'timeout', requestMayHaveBeenSent: true });
    expectNothingOfTheRequest(failure);
  });

  it('a refused connection → "connection_refused", certainly not sent', async () => {
    const closed = await StubOdooServer.start();
    const url = closed.url;
    await closed.close();

    const failure = await rejection(http(request(`${url}/jsonrpc`)));

    expect(failure).toMatchObject({ reason: 'connection_refused', requestMayHaveBeenSent: false });
    expectNothingOfTheRequest(failure);
  });

  it('a dropped connection → "connection_failed", maybe sent', async () => {
    server.on('drop', () => true, { status: 200, body: '', destroy: true });

    const failure = await rejection(http(request(`${server.url}/jsonrpc`)));

    expect(failure).toMatchObject({ reason: 'connection_failed', requestMayHaveBeenSent: true });
    expectNothingOfTheRequest(failure);
  });
});
