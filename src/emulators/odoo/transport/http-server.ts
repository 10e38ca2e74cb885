import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CallLogEntry } from '../call-log';
import { asOdooException } from '../errors';
import type { OdooCore } from '../odoo-core';
import { dispatchRpc } from './jsonrpc-services';
import { werkzeugPage } from './envelopes';
import { HTML_CONTENT_TYPE, JSON_CONTENT_TYPE, send } from './http-io';
import { serveIncomingWebhook } from './incoming-webhook-route';
import { requireParams, serveJsonRoute, type JsonRouteContext } from './json-route';
import { serveJson2, webVersion, type Json2Call } from './json2-route';
import { SessionStore, webCallKw, webSessionAuthenticate, webSessionDestroy } from './web-session';

const BAD_GATEWAY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const NOT_FOUND = 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

/** The emulator's HTTP face: routes, transport-level faults, and the call log of every RPC. */
export class OdooHttpServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private listening = false;
  readonly sessions = new SessionStore();

  constructor(
    private readonly core: OdooCore,
    private readonly host: string,
  ) {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `odoo emulator error: ${String(error)}`);
        else response.destroy();
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    this.listening = true;
  }

  /** Connection refused from now on: stop listening and drop open connections. */
  goDown(): void {
    if (!this.listening) return;
    this.listening = false;
    this.server.close();
    for (const socket of this.sockets) socket.destroy();
  }

  async comeBack(): Promise<void> {
    if (this.listening) return;
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const latency = this.core.faults.latencyMs();
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const failure = this.core.faults.transportFailure();
    if (failure === 'reset') {
      request.socket.destroy();
      return;
    }
    if (failure === '502') {
      send(response, 502, 'text/html', BAD_GATEWAY);
      return;
    }
    const path = new URL(request.url ?? '/', 'http://emulator').pathname;
    const profile = this.core.profile;
    const routeType = profile.major >= 19 ? 'jsonrpc' : 'json';
    const code = profile.rpcErrorCode;
    // Odoo POSTs webhooks synchronously inside the call: answer once those it triggered are done.
    const mark = this.core.webhooks.mark();
    const webhooksDone = (): Promise<void> => this.core.webhooks.settledSince(mark);
    const json = (route: string, handler: (context: JsonRouteContext) => unknown): Promise<void> =>
      serveJsonRoute(request, response, route, routeType, code, handler, webhooksDone);

    if (path === '/jsonrpc') return json('/jsonrpc', (context) => this.jsonRpc(context));
    if (path === '/web/session/authenticate') {
      return json(path, (context) => this.logged({ transport: 'web', service: path, method: 'authenticate' }, () => webSessionAuthenticate(this.core, this.sessions, context)));
    }
    if (path === '/web/session/destroy') return json(path, (context) => webSessionDestroy(this.sessions, context));
    if (path === '/web/webclient/version_info') return json(path, () => this.versionInfo());
    const dataset = /^\/web\/dataset\/(call_kw|call_button)(\/.*)?$/.exec(path);
    if (dataset) {
      const route = `/web/dataset/${dataset[1]}${dataset[2] ? '/<path:path>' : ''}`;
      return json(route, (context) => this.datasetCall(context, path, dataset[1] === 'call_button'));
    }
    const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
    if (json2 && profile.hasJson2) {
      const log = (call: Json2Call): ((outcome: string) => void) => {
        const kwargs = { ...call.keywords, ...(Object.keys(call.context).length > 0 ? { context: call.context } : {}) };
        const entry = this.core.calls.record({ transport: 'json2', service: path, model: call.model, method: call.method, args: call.ids, kwargs, uid: call.uid });
        return (outcome) => {
          entry.outcome = outcome;
        };
      };
      return serveJson2(this.core, request, response, decodeURIComponent(json2[1]), decodeURIComponent(json2[2]), log, webhooksDone);
    }
    if (path === '/web/version' && profile.hasJson2 && request.method === 'GET') {
      send(response, 200, JSON_CONTENT_TYPE, webVersion(this.core));
      return;
    }
    const hook = /^\/web\/hook\/([^/]+)$/.exec(path);
    if (hook && profile.hasWebhookActions) return serveIncomingWebhook(this.core, request, response, hook[1]);
    send(response, 404, HTML_CONTENT_TYPE, werkzeugPage(404, NOT_FOUND));
  }

  /** /web/dataset/call_kw and call_button, logged like any call. */
  private datasetCall(context: JsonRouteContext, path: string, button: boolean): unknown {
    const { model, method, args, kwargs } = context.params;
    return this.logged(
      {
        transport: 'web',
        service: path,
        model: String(model),
        method: String(method),
        args: Array.isArray(args) ? args : [],
        kwargs: (kwargs as Record<string, unknown> | undefined) ?? {},
        uid: this.sessions.uidOf(context.request),
      },
      () => webCallKw(this.core, this.sessions, context, button),
    );
  }

  private versionInfo(): Record<string, unknown> {
    return {
      server_version: this.core.profile.serverVersion,
      server_version_info: this.core.profile.serverVersionInfo,
      server_serie: this.core.profile.serverSerie,
      protocol_version: 1,
    };
  }

  /** /jsonrpc: logs the call (without the password or key) and runs `dispatch_rpc`. */
  private jsonRpc(context: JsonRouteContext): unknown {
    const { service, method, args } = context.params;
    requireParams('RPC.jsonrpc', context.params, ['service', 'method', 'args']);
    const list = Array.isArray(args) ? args : [];
    const objectCall = service === 'object';
    const model = objectCall ? String(list[3]) : undefined;
    const name = objectCall ? String(list[4]) : String(method);
    // The password/key (3rd argument) is never logged.
    const positional = objectCall ? (method === 'execute_kw' ? ((list[5] as unknown[]) ?? []) : list.slice(5)) : service === 'common' ? list.filter((_value, index) => index !== 2) : list;
    const kwargs = objectCall && method === 'execute_kw' ? ((list[6] as Record<string, unknown>) ?? {}) : {};
    const uid = objectCall && typeof list[1] === 'number' ? list[1] : undefined;
    return this.logged(
      { transport: 'jsonrpc', service: String(service), model, method: name, args: Array.isArray(positional) ? positional : [], kwargs, uid },
      () => dispatchRpc(this.core, service, method, args),
    );
  }

  private logged(call: Omit<CallLogEntry, 'at' | 'outcome' | 'args' | 'kwargs'> & Partial<Pick<CallLogEntry, 'args' | 'kwargs'>>, work: () => unknown): unknown {
    const entry = this.core.calls.record({ args: [], kwargs: {}, ...call });
    try {
      const result = work();
      entry.outcome = 'ok';
      return result;
    } catch (error) {
      entry.outcome = asOdooException(error).pythonName;
      throw error;
    }
  }
}
