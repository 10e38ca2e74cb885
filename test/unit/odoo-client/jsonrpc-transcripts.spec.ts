import type { OdooClient, OdooDomain } from '../../../src/odoo/client';
import { makeClient } from './support/client-factory';
import { StubOdooServer } from './support/stub-odoo-server';
import { recordedCall, recordedParams, recordedResult, transcript, type Transcript } from './support/transcripts';

type Call = ReturnType<typeof recordedCall>;

/**
 * Each case calls a client method with the values of one recorded exchange; the stub answers only
 * when the JSON-RPC params the client sent are deep-equal to the recorded ones, so a passing case
 * proves the body is exactly what the real Odoo 18 accepted.
 */

describe('OdooClient over JSON-RPC sends the recorded Odoo 18 requests', () => {
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

  it('reads the server version with common.version (011)', async () => {
    await expect(client.serverVersion()).resolves.toEqual({ major: 18, minor: 0, serie: '18.0', raw: '18.0-20250421', saas: false });
  });

  it('authenticates with common.authenticate(db, login, key, {}) and caches the uid (012)', async () => {
    await expect(client.authenticate()).resolves.toBe(2);
    const t = transcript('021');
    server.replay(t);
    const { model, args, kwargs } = recordedCall(t);
    await client.read(model, args[0] as number[], kwargs.fields as string[]);
    expect(server.calls('common.authenticate')).toHaveLength(1);
  });

  const cases: Array<{ file: string; run: (client: OdooClient, call: Call) => Promise<unknown>; expected?: (recorded: unknown) => unknown }> = [
    { file: '010', run: (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] }) },
    { file: '021', run: (c, k) => c.read(k.model, k.args[0] as number[], k.kwargs.fields as string[]) },
    { file: '022', run: (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] }) },
    { file: '023', run: (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>) },
    { file: '025', run: (c, k) => c.create(k.model, k.args[0] as Array<Record<string, unknown>>) },
    {
      file: '029',
      run: (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[], order: k.kwargs.order as string }),
    },
    {
      file: '030',
      run: (c, k) => c.fieldsGet(k.model, { fields: k.args[0] as string[], attributes: k.kwargs.attributes as string[] }),
    },
    { file: '031', run: (c, k) => c.fieldsGet(k.model, { fields: k.args[0] as string[] }) },
    { file: '046', run: (c, k) => c.callRecordMethod(k.model, k.method, k.args[0] as number[], k.kwargs) },
    { file: '066', run: (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>) },
    { file: '068', run: (c, k) => c.callRecordMethod(k.model, 'action_post', k.args[0] as number[]) },
    {
      file: '072',
      run: (c, k) =>
        c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[], context: k.kwargs.context as Record<string, unknown> }),
    },
    { file: '073', run: (c, k) => c.write(k.model, k.args[0] as number[], k.args[1] as Record<string, unknown>), expected: () => undefined },
    {
      file: '078',
      run: (c, k) => c.messagePost(k.model, (k.args[0] as number[])[0], { body: k.kwargs.body as string }),
    },
    { file: '088', run: (c, k) => c.callRecordMethod(k.model, 'action_create_payments', k.args[0] as number[]) },
    { file: '091', run: (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] }) },
    { file: '092', run: (c, k) => c.searchCount(k.model, k.args[0] as OdooDomain) },
    { file: '113', run: (c, k) => c.create(k.model, k.args[0] as Record<string, unknown>) },
    { file: '116', run: (c, k) => c.callRecordMethod(k.model, 'action_confirm', k.args[0] as number[]) },
    {
      file: '126',
      run: (c, k) =>
        c.searchRead(k.model, k.args[0] as OdooDomain, {
          fields: k.kwargs.fields as string[],
          order: k.kwargs.order as string,
          limit: k.kwargs.limit as number,
        }),
    },
    {
      file: '130',
      run: (c, k) =>
        c.searchRead(k.model, k.args[0] as OdooDomain, {
          fields: k.kwargs.fields as string[],
          order: k.kwargs.order as string,
          limit: k.kwargs.limit as number,
          offset: k.kwargs.offset as number,
        }),
    },
    { file: '131', run: (c, k) => c.searchCount(k.model, k.args[0] as OdooDomain) },
    // A missing id is not an error on read: Odoo 18 answers [] (transcript notes 5).
    { file: '132', run: (c, k) => c.read(k.model, k.args[0] as number[], k.kwargs.fields as string[]) },
    { file: '134', run: (c, k) => c.searchRead(k.model, k.args[0] as OdooDomain, { fields: k.kwargs.fields as string[] }) },
    // button_cancel returns None: the envelope has no "result" key at all.
    { file: '155', run: (c, k) => c.callRecordMethod(k.model, 'button_cancel', k.args[0] as number[]), expected: () => null },
    { file: '159', run: (c, k) => c.unlink(k.model, k.args[0] as number[]), expected: () => undefined },
    {
      file: '163',
      run: (c, k) => c.messagePost(k.model, (k.args[0] as number[])[0], { body: k.kwargs.body as string, subtypeXmlid: k.kwargs.subtype_xmlid as string }),
    },
  ];

  it.each(cases)('transcript $file', async ({ file, run, expected }) => {
    const t = transcript(file);
    server.replay(t);
    const result = await run(client, recordedCall(t));
    const recorded = recordedResult(t);
    expect(result).toEqual(expected ? expected(recorded) : recorded);
    expect(server.calls('object.execute_kw')).toHaveLength(1);
  });

  it('runs the payment-register wizard: create in invoice context (086), action in the same context (088)', async () => {
    const create = transcript('086');
    const action = transcript('088');
    const context = recordedCall(create).kwargs.context as Record<string, unknown>;
    const actionParams = recordedParams(action);
    // The web client passes the wizard's context to its button too; the recorded probe did not (088).
    server.replay(create).replay(action, { expectParams: { ...actionParams, args: [...actionParams.args, { context }] } });

    const { model, args } = recordedCall(create);
    const run = await client.runWizard(model, args[0] as Record<string, unknown>, context, 'action_create_payments');

    expect(run).toEqual({ wizardId: recordedResult(create), result: recordedResult(action) });
  });

  it('runs the reversal wizard (096 → 098) and the invoicing wizard (118 → 119)', async () => {
    for (const [createFile, actionFile, actionMethod] of [
      ['096', '098', 'refund_moves'],
      ['118', '119', 'create_invoices'],
    ] as const) {
      const create = transcript(createFile);
      const action = transcript(actionFile);
      const { model, args, kwargs } = recordedCall(create);
      const actionParams = recordedParams(action);
      server.replay(create).replay(action, { expectParams: { ...actionParams, args: [...actionParams.args, { context: kwargs.context }] } });

      const run = await client.runWizard(model, args[0] as Record<string, unknown>, kwargs.context as Record<string, unknown>, actionMethod);

      expect(run).toEqual({ wizardId: recordedResult(create), result: recordedResult(action) });
    }
  });

  it('posts a plain-text note without escaping it itself on 18 (Odoo escapes str bodies, 078/079)', async () => {
    const t = transcript('078');
    server.replay(t);
    await client.messagePost('account.move', 1, { body: recordedCall(t).kwargs.body as string });
    const sent = server.calls('object.execute_kw')[0].json as { params: { args: unknown[] } };
    expect(sent.params.args[6]).toEqual({
      body: 'Tamara checkout created: order b1f3a2c4-0000-4000-8000-000000000001 <b>not bold</b> & more',
      message_type: 'comment',
      subtype_xmlid: 'mail.mt_note',
    });
  });
});

describe('message_post on Odoo 16', () => {
  it('escapes the plain text itself, because 16 treats a str body as HTML', async () => {
    const server = await StubOdooServer.start();
    try {
      server
        .replay(transcript('012'))
        .replay(transcript('011'), {
          response: {
            jsonrpc: '2.0',
            id: 2,
            result: { server_version: '16.0', server_version_info: [16, 0, 0, 'final', 0, ''], server_serie: '16.0', protocol_version: 1 },
          },
        })
        .on('message_post', (r) => r.path === '/jsonrpc' && JSON.stringify(r.json).includes('message_post'), (r) => ({
          status: 200,
          body: JSON.stringify({ jsonrpc: '2.0', id: (r.json as { id: number }).id, result: 5 }),
        }));
      const { client } = makeClient(server.url);

      await expect(client.messagePost('account.move', 1, { body: 'Refund <rf-1> & "done"' })).resolves.toBe(5);

      const sent = server.calls('object.execute_kw')[0].json as { params: { args: unknown[] } };
      expect(sent.params.args[6]).toEqual({ body: 'Refund &lt;rf-1&gt; &amp; &quot;done&quot;', message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
    } finally {
      await server.close();
    }
  });
});
