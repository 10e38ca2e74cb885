import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Raw request target, e.g. `/checkout/abc/void?order_id=…`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type StubReply =
  | { status: number; body?: string | object; headers?: Record<string, string> }
  /** Reads the whole request, then never answers (a timeout after Tamara received the body). */
  | { hang: true }
  /** Reads the whole request, then drops the connection. */
  | { reset: true };

/** A loopback HTTP server standing in for Tamara: records requests, answers from a script. */
export class StubTamaraServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queued: StubReply[] = [];
  private fallback: (request: RecordedRequest) => StubReply = () => ({ status: 500, body: { message: 'no stub reply' } });

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<StubTamaraServer> {
    let stub: StubTamaraServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => stub!.handle(req.method ?? '', req.url ?? '', req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    stub = new StubTamaraServer(server, `http://127.0.0.1:${port}`);
    return stub;
  }

  /** Replies used once each, in order, before the fallback. */
  queue(...replies: StubReply[]): this {
    this.queued.push(...replies);
    return this;
  }

  /** Reply for every request once the queue is empty. */
  otherwise(reply: StubReply | ((request: RecordedRequest) => StubReply)): this {
    this.fallback = typeof reply === 'function' ? reply : () => reply;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(method: string, url: string, headers: IncomingHttpHeaders, body: string, res: ServerResponse): void {
    const parsed = new URL(url, 'http://stub');
    const request: RecordedRequest = { method, url, path: parsed.pathname, query: parsed.searchParams, headers, body };
    this.requests.push(request);
    const reply = this.queued.shift() ?? this.fallback(request);
    if ('hang' in reply) return;
    if ('reset' in reply) {
      res.socket?.destroy();
      return;
    }
    const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(text);
  }
}

/** A loopback port with nothing listening on it (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
