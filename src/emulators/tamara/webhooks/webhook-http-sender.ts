import http from 'node:http';
import https from 'node:https';

export type PostOutcome = { statusCode: number } | { error: string };

/**
 * One POST of a notification body. Resolves with the receiver's status or the network error;
 * never rejects. `signal` lets the emulator abort deliveries in flight when it shuts down.
 */
export function postNotification(url: string, headers: Record<string, string>, body: string, timeoutMs: number, signal: AbortSignal): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ error: 'invalid URL' });
      return;
    }
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, signal, timeout: timeoutMs },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0 }));
        response.on('error', (error) => resolve({ error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ error: error.message }));
    request.end(body);
  });
}
