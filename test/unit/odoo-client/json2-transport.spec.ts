import { OdooError, type OdooErrorKind } from '../../../src/odoo/client';
import { makeClient } from './support/client-factory';
import { StubOdooServer, TEST_API_KEY, isJsonRpc, jsonRpcAnswer, type ReceivedRequest, type StubResponse } from './support/stub-odoo-server';

const isJson2 = (model: string, method: string) => (r: ReceivedRequest) => r.method === 'POST' && r.path === `/json/2/${model}/${method}`;
const json = (status: number, body: unknown): StubResponse => ({ status, body: JSON.stringify(body) });
const WEB_VERSION_19 = json(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
const TRACEBACK = 'Traceback (most recent call last):\n  File "odoo/http.py", line 1\nodoo.exceptions.UserError: boom';

/** The later 19.x error body: http.serialize_exception(exc). */
function serialized(name: string, message: string): unknown {
  return { name, message, arguments: [message], context: {}, debug: TRACEBACK };
}

describe('JSON-2 transport (Odoo 19)', () => {
  let server: StubOdooServer;

  beforeEach(async () => {
    server = await StubOdooServer.start();
    server.on('version', (r) => r.method === 'GET' && r.path === '/web/version', WEB_VERSION_19);
  });

  afterEach(async () => {
    await server.close();
    expect(server.unmatched).toEqual([]);
  });

  describe('requests', () => {
    it('POSTs named arguments to /json/2/<model>/<method> with the bearer key and the database header', async () => {
      server.on('search_read', isJson2('account.move', 'search_read'), json(200, [{ id: 1, name: 'INV/2026/00001' }]));
      const { client } = makeClient(server.url, { protocol: 'json2' });

      const records = await client.searchRead('account.move', [['x_tamara_pay', '=', true]], {
        fields: ['name'],
        order: 'write_date asc, id asc',
        limit: 50,
        context: { active_test: false },
      });

      expect(records).toEqual([{ id: 1, name: 'INV/2026/00001' }]);
      const [request] = server.received.filter((r) => r.method === 'POST');
      expect(request.headers.authorization).toBe(`bearer ${TEST_API_KEY}`);
      expect(request.headers['x-odoo-database']).toBe('tamara');
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(request.json).toEqual({
        domain: [['x_tamara_pay', '=', true]],
        fields: ['name'],
        order: 'write_date asc, id asc',
        limit: 50,
        context: { active_test: false },
      });
      expect(server.received.some((r) => r.path === '/jsonrpc')).toBe(false);
    });

    it('sends ids for record methods and normalises recordset results (create → [id], message_post → [id])', async () => {
      server
        .on('read', isJson2('account.move', 'read'), json(200, []))
        .on('write', isJson2('account.move', 'write'), json(200, true))
        .on('create', isJson2('account.payment.register', 'create'), json(200, [4]))
        .on('action', isJson2('account.payment.register', 'action_create_payments'), json(200, { type: 'ir.actions.act_window' }))
        .on('message_post', isJson2('account.move', 'message_post'), json(200, [52]))
        .on('button_cancel', isJson2('account.move', 'button_cancel'), { status: 200, body: 'null' });
      const { client } = makeClient(server.url, { protocol: 'json2' });

      await expect(client.read('account.move', [999999], ['name'])).resolves.toEqual([]);
      await client.write('account.move', [1], { x_tamara_status: 'captured' });
      const wizard = await client.runWizard('account.payment.register', { amount: 1 }, { active_model: 'account.move', active_ids: [1] }, 'action_create_payments');
      await expect(client.messagePost('account.move', 1, { body: 'Paid by Tamara <order 1>' })).resolves.toBe(52);
      await expect(client.callRecordMethod('account.move', 'button_cancel', [11])).resolves.toBeNull();

      expect(wizard).toEqual({ wizardId: 4, result: { type: 'ir.actions.act_window' } });
      const bodies = server.received.filter((r) => r.method === 'POST').map((r) => [r.path, r.json]);
      expect(bodies).toEqual([
        ['/json/2/account.move/read', { ids: [999999], fields: ['name'] }],
        ['/json/2/account.move/write', { ids: [1], vals: { x_tamara_status: 'captured' } }],
        ['/json/2/account.payment.register/create', { vals_list: { amount: 1 }, context: { active_model: 'account.move', active_ids: [1] } }],
        ['/json/2/account.payment.register/action_create_payments', { ids: [4], context: { active_model: 'account.move', active_ids: [1] } }],
        ['/json/2/account.move/message_post', { ids: [1], body: 'Paid by Tamara <order 1>', message_type: 'comment', subtype_xmlid: 'mail.mt_note' }],
        ['/json/2/account.move/button_cancel', { ids: [11] }],
      ]);
    });

    it('authenticate() proves the key with res.users/context_get and returns the uid', async () => {
      server.on('context_get', isJson2('res.users', 'context_get'), json(200, { lang: 'en_US', tz: 'Asia/Riyadh', uid: 2 }));
      const { client } = makeClient(server.url, { protocol: 'json2' });

      await expect(client.authenticate()).resolves.toBe(2);
      expect(server.received.find((r) => r.path === '/json/2/res.users/context_get')?.json).toEqual({});
    });

    it('reads the version with GET /web/version', async () => {
      const { client } = makeClient(server.url, { protocol: 'json2' });
      await expect(client.serverVersion()).resolves.toEqual({ major: 19, minor: 0, serie: '19.0', raw: '19.0', saas: false });
    });

    it('works with an injected HTTP function instead of axios', async () => {
      const sent: Array<{ url: string; body?: string }> = [];
      const { client } = makeClient('https://erp.example.com/', {
        protocol: 'json2',
        http: async (request) => {
          sent.push({ url: request.url, body: request.body });
          return { status: 200, headers: { 'content-type': 'application/json' }, body: '3' };
        },
      });

      await expect(client.searchCount('account.move', [])).resolves.toBe(3);
      expect(sent).toEqual([{ url: 'https://erp.example.com/json/2/account.move/search_count', body: '{"domain":[]}' }]);
    });
  });

  describe('errors: both body shapes and the HTTP statuses', () => {
    const cases: Array<[string, number, unknown, OdooErrorKind]> = [
      ['bare string 401 "Invalid apikey"', 401, 'Invalid apikey', 'access_denied'],
      ['bare string 403', 403, 'Forbidden', 'access_denied'],
      ['serialized AccessDenied 403', 403, serialized('odoo.exceptions.AccessDenied', 'Access Denied'), 'access_denied'],
      ['serialized AccessError 403', 403, serialized('odoo.exceptions.AccessError', "You are not allowed to access 'Journal Entry' (account.move) records."), 'access_error'],
      ['serialized NotFound 404 (unknown model)', 404, serialized('werkzeug.exceptions.NotFound', "the model 'x_no.such.model' does not exist"), 'not_found'],
      ['bare string 404 (unknown method)', 404, "The method 'account.move.action_nope' does not exist", 'not_found'],
      ['serialized MissingError 404', 404, serialized('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.\n(Record: account.move(999999,), User: 2)'), 'missing_record'],
      ['bare string 404 MissingError', 404, 'Record does not exist or has been deleted.\n(Record: account.move(999999,), User: 2)', 'missing_record'],
      ['serialized UserError 422', 422, serialized('odoo.exceptions.UserError', 'You can only reverse posted moves.'), 'user_error'],
      ['serialized ValidationError 422', 422, serialized('odoo.exceptions.ValidationError', 'Please define a payment method line on your payment.'), 'user_error'],
      ['serialized RedirectWarning 422', 422, serialized('odoo.exceptions.RedirectWarning', 'Set up a bank account first.'), 'user_error'],
      ['bare string 422 business error', 422, "You can't register a payment because there is nothing left to pay on the selected journal items.", 'user_error'],
      ['serialized UnprocessableEntity 422 (ids on an @api.model method)', 422, serialized('werkzeug.exceptions.UnprocessableEntity', 'cannot call account.move.search with ids'), 'bug'],
      ['bare string 422 (bad argument)', 422, "search_read() got an unexpected keyword argument 'bogus'", 'bug'],
      ['serialized LockError 409', 409, serialized('odoo.exceptions.LockError', 'Cannot lock the record'), 'concurrency'],
      ['bare string 409', 409, 'Conflict', 'concurrency'],
      ['serialized SerializationFailure 500', 500, serialized('psycopg2.errors.SerializationFailure', 'could not serialize access'), 'concurrency'],
      ['serialized builtins.ValueError 500', 500, serialized('builtins.ValueError', "Invalid field 'x_nope' on model 'account.move'"), 'bug'],
      ['bare string 500 "internal server error"', 500, 'internal server error', 'transport'],
      ['bare string 400', 400, 'could not parse the body as json: Expecting value', 'bug'],
      ['a custom UserError subclass: its status decides', 422, serialized('odoo.addons.account.models.account_move.SequenceMixinError', 'Wrong sequence'), 'user_error'],
    ];

    it.each(cases)('%s → %s', async (_what, status, body, kind) => {
      server.on('error', isJson2('account.move', 'action_post'), json(status, body));
      const { client, logger } = makeClient(server.url, { protocol: 'json2' });

      const error = (await client.callRecordMethod('account.move', 'action_post', [1]).catch((e: unknown) => e)) as OdooError;

      expect(error).toBeInstanceOf(OdooError);
      expect(error.kind).toBe(kind);
      expect(error.details).toMatchObject({ protocol: 'json2', httpStatus: status, operation: 'account.move.action_post' });
      const odooMessage = typeof body === 'string' ? body : (body as { message: string }).message;
      expect(error.odooMessage).toBe(odooMessage);
      expect(error.message).not.toContain('Traceback');
      if (typeof body !== 'string') expect(logger.lines.some((l) => l.message === 'Odoo traceback')).toBe(true);
    });

    it.each([
      [502, 'text/html', '<html>Bad Gateway</html>', 'transport'],
      [405, 'text/html', '<html>Method Not Allowed</html>', 'bug'],
      [200, 'text/html', '<html>Maintenance</html>', 'transport'],
    ] as const)('HTTP %s %s → %s', async (status, contentType, body, kind) => {
      server.on('odd', isJson2('account.move', 'action_post'), { status, contentType, body });
      const { client } = makeClient(server.url, { protocol: 'json2' });
      await expect(client.callRecordMethod('account.move', 'action_post', [1])).rejects.toMatchObject({ kind, details: { httpStatus: status } });
    });

    it('retries a read on 409 but never a write, and never a 401', async () => {
      server
        .on('locked once', isJson2('account.move', 'search_count'), json(409, serialized('odoo.exceptions.LockError', 'locked')), 1)
        .on('count', isJson2('account.move', 'search_count'), json(200, 2))
        .on('locked', isJson2('account.move', 'write'), json(409, serialized('odoo.exceptions.LockError', 'locked')))
        .on('denied', isJson2('account.move', 'read'), json(401, 'Invalid apikey'));
      const { client } = makeClient(server.url, { protocol: 'json2' });

      await expect(client.searchCount('account.move', [])).resolves.toBe(2);
      await expect(client.write('account.move', [1], { x_tamara_status: 'x' })).rejects.toMatchObject({ kind: 'concurrency', details: { attempts: 1 } });
      await expect(client.read('account.move', [1], ['name'])).rejects.toMatchObject({ kind: 'access_denied', details: { attempts: 1 } });
      const posts = (path: string) => server.received.filter((r) => r.path === path).length;
      expect([posts('/json/2/account.move/search_count'), posts('/json/2/account.move/write'), posts('/json/2/account.move/read')]).toEqual([2, 1, 1]);
    });
  });

  describe("protocol 'auto'", () => {
    it('uses JSON-2 when common.version says 19', async () => {
      server
        .on('version 19', isJsonRpc('common.version'), (r) =>
          jsonRpcAnswer(r, { result: { server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''], server_serie: '19.0', protocol_version: 1 } }),
        )
        .on('count', isJson2('account.move', 'search_count'), json(200, 7));
      const { client } = makeClient(server.url, { protocol: 'auto' });

      await expect(client.searchCount('account.move', [])).resolves.toBe(7);
      await expect(client.protocol()).resolves.toBe('json2');
      expect(server.calls('common.version')).toHaveLength(1);
    });

    it('uses JSON-RPC below 19', async () => {
      server.on('version 17', isJsonRpc('common.version'), (r) =>
        jsonRpcAnswer(r, { result: { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 } }),
      );
      const { client } = makeClient(server.url, { protocol: 'auto' });

      await expect(client.protocol()).resolves.toBe('jsonrpc');
      await expect(client.features()).resolves.toMatchObject({ paymentMemoField: 'ref', reversalMethod: 'refund_moves' });
    });

    it('falls back to GET /web/version when /jsonrpc is gone (404)', async () => {
      server.on('no jsonrpc', (r) => r.path === '/jsonrpc', { status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' });
      const { client } = makeClient(server.url, { protocol: 'auto' });

      await expect(client.protocol()).resolves.toBe('json2');
    });

    it('a failed version read is not cached', async () => {
      server
        .on('down once', isJsonRpc('common.version'), { status: 503, contentType: 'text/html', body: 'down' }, 3)
        .on('version 18', isJsonRpc('common.version'), (r) =>
          jsonRpcAnswer(r, { result: { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''], server_serie: '18.0', protocol_version: 1 } }),
        );
      const { client } = makeClient(server.url, { protocol: 'auto' });

      await expect(client.protocol()).rejects.toMatchObject({ kind: 'transport', details: { attempts: 3 } });
      await expect(client.protocol()).resolves.toBe('jsonrpc');
    });
  });
});
