import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { substitutePlaceholders, type Transcript } from './transcripts';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  bodyText: string;
  /** Parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface StubResponse {
  status: number;
  contentType?: string;
  body: string;
  /** Answer only after this long (to trip the client's timeout). */
  delayMs?: number;
  /** Drop the connection without answering. */
  destroy?: boolean;
}

interface Exchange {
  label: string;
  matches: (request: ReceivedRequest) => boolean;
  respond: (request: ReceivedRequest) => StubResponse;
  remaining: number;
}

export const TEST_API_KEY = 'odoo-test-key-4f1c9e2a7b3d5a60c8e1f2a3b4c5d6e7';

/**
 * A loopback Odoo that answers from recorded transcripts (or ad-hoc exchanges): a request matches
 * when its JSON-RPC params are deep-equal to the recorded ones, so a test that gets its answer
 * proves the client sent exactly the recorded body. Anything unmatched gets a 599 and is kept in
 * `unmatched` for the test to fail on.
 */
export class StubOdooServer {
  readonly received: ReceivedRequest[] = [];
  readonly unmatched: ReceivedRequest[] = [];
  private readonly exchanges: Exchange[] = [];
  /** Pending `delayMs` waits, cut short on close so no timer outlives the test. */
  private readonly delays = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<StubOdooServer> {
    let stub: StubOdooServer | undefined;
    const server = createServer((req, res) => void stub?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    stub = new StubOdooServer(server, `http://127.0.0.1:${port}`);
    return stub;
  }

  async close(): Promise<void> {
    for (const release of this.delays) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests that reached a given JSON-RPC service.method, e.g. 'common.authenticate'. */
  calls(serviceMethod: string): ReceivedRequest[] {
    return this.received.filter((r) => {
      const params = (r.json as { params?: { service?: string; method?: string } } | undefined)?.params;
      return `${params?.service}.${params?.method}` === serviceMethod;
    });
  }

  /** Replays a /jsonrpc transcript: matches its params exactly, answers its recorded response. */
  replay(t: Transcript, options: { times?: number; apiKey?: string; response?: unknown; expectParams?: unknown } = {}): this {
    const replacements = { '<API_KEY>': options.apiKey ?? TEST_API_KEY };
    const request = t.request as { params: unknown; id: unknown };
    const expectedParams = substitutePlaceholders(options.expectParams ?? request.params, replacements);
    this.exchanges.push({
      label: t.file,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      matches: (r) => {
        const body = r.json as { jsonrpc?: unknown; method?: unknown; params?: unknown; id?: unknown } | undefined;
        return (
          r.method === 'POST' &&
          r.path === '/jsonrpc' &&
          body?.jsonrpc === '2.0' &&
          body.method === 'call' &&
          typeof body.id === 'number' &&
          isDeepStrictEqual(body.params, expectedParams)
        );
      },
      respond: (r) => transcriptResponse(t, (r.json as { id: unknown }).id, options.response),
    });
    return this;
  }

  /** An ad-hoc exchange. */
  on(label: string, matches: (request: ReceivedRequest) => boolean, respond: StubResponse | ((request: ReceivedRequest) => StubResponse), times = Number.POSITIVE_INFINITY): this {
    this.exchanges.push({ label, matches, respond: typeof respond === 'function' ? respond : () => respond, remaining: times });
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bodyText = Buffer.concat(chunks).toString('utf8');
    let json: unknown;
    try {
      json = bodyText ? JSON.parse(bodyText) : undefined;
    } catch {
      json = undefined;
    }
    const request: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, bodyText, json };
    this.received.push(request);
    const exchange = this.exchanges.find((e) => e.remaining > 0 && e.matches(request));
    if (!exchange) {
      this.unmatched.push(request);
      res.writeHead(599, { 'Content-Type': 'text/plain' }).end('no stub exchange matches this request');
      return;
    }
    exchange.remaining -= 1;
    const response = exchange.respond(request);
    if (response.delayMs) await this.delay(response.delayMs);
    if (response.destroy) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    res.writeHead(response.status, { 'Content-Type': response.contentType ?? 'application/json; charset=utf-8' }).end(response.body);
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.delays.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.delays.add(release);
    });
  }
}

/**
 * The recorded response with its JSON-RPC id set to the request's (the recorded ids are the
 * probe's counters). Responses whose recorded id was not an echo (null for "Session expired") are
 * sent unchanged.
 */
export function transcriptResponse(t: Transcript, requestId: unknown, override?: unknown): StubResponse {
  const recorded = override ?? t.response;
  const contentType = t.response_content_type ?? 'application/json; charset=utf-8';
  if (typeof recorded === 'string') return { status: t.http_status, contentType, body: recorded };
  // Raw transport probes (179–184) record {method, headers, body}; the JSON-RPC id is in the body.
  const recordedRequest = t.request as { id?: unknown; body?: { id?: unknown } };
  const recordedRequestId = recordedRequest.id ?? recordedRequest.body?.id;
  const envelope = { ...(recorded as Record<string, unknown>) };
  if ('id' in envelope && envelope.id === recordedRequestId) envelope.id = requestId;
  return { status: t.http_status, contentType, body: JSON.stringify(envelope) };
}

/** A JSON-RPC answer with the request's id. */
export function jsonRpcAnswer(request: ReceivedRequest, member: { result: unknown } | { error: unknown }): StubResponse {
  return { status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: (request.json as { id: unknown }).id, ...member }) };
}

/** Matches a /jsonrpc request by service.method (and, for execute_kw, model.method). */
export function isJsonRpc(serviceMethod: string, modelMethod?: string): (r: ReceivedRequest) => boolean {
  return (r) => {
    const params = (r.json as { params?: { service?: string; method?: string; args?: unknown[] } } | undefined)?.params;
    if (r.path !== '/jsonrpc' || `${params?.service}.${params?.method}` !== serviceMethod) return false;
    if (!modelMethod) return true;
    const args = params?.args ?? [];
    return `${String(args[3])}.${String(args[4])}` === modelMethod;
  };
}

/** An Odoo error envelope as Odoo 18 serialises it (code 200, data = serialize_exception). */
export function odooErrorMember(name: string, message: string, debug = `Traceback (most recent call last):\n  ...\n${name}: ${message}\n`): unknown {
  return { code: 200, message: 'Odoo Server Error', data: { name, debug, message, arguments: [message], context: {} } };
}
