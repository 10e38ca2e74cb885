import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies above this are refused; Tamara requests are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`body larger than ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

export function sendJsonText(response: ServerResponse, status: number, jsonText: string, headers: Record<string, string> = {}): void {
  send(response, status, jsonText, { 'Content-Type': 'application/json', ...headers });
}

/** Query parameters as a flat record (the last value wins when a name repeats). */
export function queryRecord(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

/** Request headers minus Authorization (records must never hold the API token). */
export function headersWithoutAuthorization(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'authorization' || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
