import { OdooError, type OdooClient, type OdooDomain, type OdooErrorKind } from '../../../src/odoo/client';
import { makeClient } from './support/client-factory';
import { StubOdooServer, isJsonRpc, transcriptResponse } from './support/stub-odoo-server';
import { allTranscripts, recordedCall, recordedParams, transcript, type Transcript } from './support/transcripts';

/** The kind every recorded Odoo 18 failure must map to. */
const EXPECTED_KIND: Record<string, OdooErrorKind> = {
  '005': 'user_error', // make_key over /jsonrpc: "This method can only be accessed over HTTP"
  '016': 'not_found', // psycopg2.OperationalError: database "no_such_db" does not exist
  '017': 'bug', // builtins.TypeError: authenticate with 3 args
  '019': 'access_denied', // AccessDenied: wrong API key
  '020': 'missing_record', // MissingError res.users(999): wrong uid (the client re-authenticates on it)
  '027': 'user_error', // ValidationError: duplicate field name
  '028': 'user_error', // ValidationError: custom field without x_
  '037': 'user_error', // ValidationError: mandatory field missing
  '039': 'user_error',
  '040': 'user_error',
  '041': 'user_error',
  '049': 'user_error',
  '050': 'user_error',
  '052': 'user_error', // UserError: webhook without URL
  '077': 'user_error', // UserError: readonly field on a posted move
  '081': 'bug', // builtins.ValueError: Expected singleton (message_post with [])
  '094': 'user_error', // UserError: nothing left to pay
  '095': 'user_error', // UserError: wizard without active_model context
  '133': 'missing_record', // MissingError: write on a missing id
  '135': 'bug', // builtins.KeyError: unknown field in write
  '136': 'bug', // builtins.ValueError: unknown field in read
  '137': 'not_found', // AccessError: private method cannot be called remotely
  '138': 'not_found', // builtins.AttributeError: the method does not exist
  '139': 'not_found', // UserError: Object x_no.such.model doesn't exist
  '140': 'bug', // invalid domain operator
  '141': 'bug', // invalid domain field
  '142': 'bug', // AssertionError: domain not a list
  '143': 'bug', // domain leaf with 2 elements
  '144': 'bug', // invalid order
  '145': 'bug', // TypeError: unknown kwarg
  '146': 'bug', // invalid selection value
  '148': 'missing_record', // MissingError: unknown related id in write
  '149': 'user_error', // action_post on a posted invoice
  '150': 'user_error', // unlink of a posted invoice
  '158': 'user_error', // action_post without lines
  '162': 'missing_record', // message_post on a missing record
  '164': 'user_error', // reversal wizard with active_ids [null]
  '166': 'user_error', // reversal wizard on a draft
  '171': 'user_error', // ValidationError: no payment method line
  '178': 'bug', // builtins.KeyError: unknown service
  '179': 'bug', // HTTP 400 text "Invalid JSON data": our request was malformed; repeating it cannot help
  '180': 'bug', // HTTP 400 HTML (wrong Content-Type)
  '181': 'bug', // HTTP 400 HTML (GET)
  '184': 'bug', // builtins.ValueError: params as an array
  '187': 'access_error', // AccessError: no accounting rights
  '188': 'access_error', // AccessError: no rights on ir.model
  '189': 'access_denied', // /web/session/authenticate rejects the API key
  '190': 'access_denied',
  '193': 'not_found', // private method via /web/dataset/call_kw
  '194': 'access_denied', // SessionExpiredException (id null)
  '195': 'access_denied',
  '197': 'access_denied',
};

function isErrorTranscript(t: Transcript): boolean {
  const response = t.response as { error?: unknown } | string | null;
  return typeof response === 'string' ? t.endpoint.includes('/jsonrpc') : response !== null && typeof response === 'object' && 'error' in response;
}

const call = recordedCall;

describe('Odoo 18 error transcripts map to OdooError kinds', () => {
  let server: StubOdooServer;
  let client: OdooClient;

  beforeEach(async () => {
    server = await StubOdooServer.start();
    server.replay(transcript('012')).replay(transcript('011'));
    client = makeClient(server.url).client;
  });

  afterEach(async () => {
    await server.close();
    expect(server.unmatched).toEqual([]);
  });

  it('has an expected kind for every error transcript (a new transcript needs a decision)', () => {
    const errorFiles = allTranscripts()
      .filter(isErrorTranscript)
      .map((t) => t.file.slice(0, 3));
    expect(errorFiles.sort()).toEqual(Object.keys(EXPECTED_KIND).sort());
  });

  describe('the recorded response, whatever request caused it', () => {
    it.each(Object.entries(EXPECTED_KIND))('%s → %s', async (file, kind) => {
      const t = transcript(file);
      server.on(t.file, isJsonRpc('object.execute_kw'), (r) => transcriptResponse(t, (r.json as { id: unknown }).id));

      const error = await client.callKw('account.move', 'action_post', [[1]]).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(OdooError);
      const odooError = error as OdooError;
      expect(odooError.kind).toBe(kind);
      expect(odooError.details.protocol).toBe('jsonrpc');
      expect(odooError.message).not.toMatch(/Traceback|File "/);
      const data = (t.response as { error?: { data?: { name: string; message: string } } }).error?.data;
      if (data) {
        expect(odooError.details.odooName).toBe(data.name);
        expect(odooError.odooMessage).toBe(data.message);
        expect(odooError.message).toContain(data.message);
      } else {
        expect(odooError.details.httpStatus).toBe(t.http_status);
      }
      // Nothing here is transient, so nothing was repeated (AccessDenied gets one fresh login first).
      expect(server.calls('object.execute_kw')).toHaveLength(kind === 'access_denied' ? 2 : 1);
    });
  });

  describe('the exact recorded request, sent by a client method', () => {
    const exact: Array<[file: string, run: (client: OdooClient, k: ReturnType<typeof call>) => Promise<unknown>]> = [
      ['027', (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>)],
      ['028', (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>)],
      ['052', (c, k) => c.callRecordMethod(k.model, k.method, k.args[0] as number[], k.kwargs)],
      ['077', (c, k) => c.write(k.model, k.args[0] as number[], k.args[1] as Record<string, unknown>)],
      ['094', (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>, { context: k.kwargs.context as Record<string, unknown> })],
      ['095', (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>)],
      ['133', (c, k) => c.write(k.model, k.args[0] as number[], k.args[1] as Record<string, unknown>)],
      ['135', (c, k) => c.write(k.model, k.args[0] as number[], k.args[1] as Record<string, unknown>)],
      ['136', (c, k) => c.read(k.model, k.args[0] as number[], k.kwargs.fields as string[])],
      ['137', (c, k) => c.callRecordMethod(k.model, k.method, k.args[0] as number[])],
      ['138', (c, k) => c.callRecordMethod(k.model, k.method, k.args[0] as number[])],
      ['139', (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] })],
      ['140', (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] })],
      ['141', (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] })],
      ['142', (c, k) => c.callKw(k.model, k.method, k.args, k.kwargs)],
      ['143', (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] })],
      ['144', (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[], order: k.kwargs.order as string })],
      ['145', (c, k) => c.callKw(k.model, k.method, k.args, k.kwargs)],
      ['146', (c, k) => c.write(k.model, k.args[0] as number[], k.args[1] as Record<string, unknown>)],
      ['148', (c, k) => c.write(k.model, k.args[0] as number[], k.args[1] as Record<string, unknown>)],
      ['149', (c, k) => c.callRecordMethod(k.model, 'action_post', k.args[0] as number[])],
      ['150', (c, k) => c.unlink(k.model, k.args[0] as number[])],
      ['158', (c, k) => c.callRecordMethod(k.model, 'action_post', k.args[0] as number[])],
      ['162', (c, k) => c.messagePost(k.model, (k.args[0] as number[])[0], { body: k.kwargs.body as string })],
      ['164', (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>, { context: k.kwargs.context as Record<string, unknown> })],
      ['166', (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>, { context: k.kwargs.context as Record<string, unknown> })],
      ['171', (c, k) => c.callRecordMethod(k.model, 'action_create_payments', k.args[0] as number[])],
    ];

    it.each(exact)('%s', async (file, run) => {
      const t = transcript(file);
      server.replay(t);

      const error = await run(client, call(t)).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(OdooError);
      expect((error as OdooError).kind).toBe(EXPECTED_KIND[file]);
      expect((error as OdooError).details.operation).toBe(`${call(t).model}.${call(t).method}`);
    });

    it('016: an unknown database fails authentication with not_found (not retried)', async () => {
      const t = transcript('016');
      server.replay(t);
      const { client: wrongDb } = makeClient(server.url, { db: 'no_such_db' });

      const error = (await wrongDb.read('res.partner', [1], ['name']).catch((e: unknown) => e)) as OdooError;

      expect(error.kind).toBe('not_found');
      expect(error.details.operation).toBe('common.authenticate');
      expect(error.odooMessage).toContain('database "no_such_db" does not exist');
      expect(server.calls('common.authenticate')).toHaveLength(1);
    });

    it('081: message_post with no ids is refused before anything is sent', async () => {
      const error = (await client.callRecordMethod('account.move', 'message_post', []).catch((e: unknown) => e)) as OdooError;
      expect(error.kind).toBe('bug');
      expect(server.calls('object.execute_kw')).toHaveLength(0);
    });

    it('153: read of [null] is refused before anything is sent (Odoo would return a phantom record)', async () => {
      const error = (await client.read('account.move', [null as unknown as number], ['name']).catch((e: unknown) => e)) as OdooError;
      expect(error.kind).toBe('bug');
      expect(server.received).toHaveLength(0);
    });

    it('187: a user without accounting rights gets access_error with Odoo’s message', async () => {
      const t = transcript('187');
      const { client: restricted } = makeClient(server.url, { username: 'tamara-bot', apiKey: 'bot-password-123' });
      server.on(
        'authenticate tamara-bot',
        (r) => isJsonRpc('common.authenticate')(r) && JSON.stringify((r.json as { params: unknown }).params).includes('tamara-bot'),
        (r) => ({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: (r.json as { id: unknown }).id, result: 6 }) }),
      );
      server.replay(t, { apiKey: 'bot-password-123' });
      const k = call(t);

      const error = (await restricted.searchRead(k.model, [], { fields: ['name'], limit: 1 }).catch((e: unknown) => e)) as OdooError;

      expect(error.kind).toBe('access_error');
      expect(error.odooMessage).toMatch(/^You are not allowed to access 'Journal Entry' \(account.move\) records/);
    });
  });
});
