/**
 * Runs one autocannon load in its own process (forked by the benchmark), so the load generator does
 * not compete with the server for the same event loop. Options arrive as JSON in argv[2]; the
 * result is sent back over IPC.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<Record<string, unknown>>;

interface LoadSpec {
  url: string;
  duration: number;
  connections: number;
  overallRate?: number;
  /** `token`: one token for every request; `key`: a fresh token signed for every notification. */
  webhook?: { token?: string; key?: string };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  // Bodies are built before the run: the load generator shares the machine's two cores with the
  // server and the database, so per-request work here would be charged to the server's numbers.
  const bodies = spec.webhook ? Array.from({ length: 20_000 }, () => notificationBody()) : [];
  const tokens = spec.webhook?.key ? await signTokens(spec.webhook.key, bodies.length) : [];
  let next = 0;
  const requests = spec.webhook
    ? [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.webhook.token ?? ''}` },
          // A new order each time: every request is a real insert, not a cheap duplicate.
          setupRequest: (req: Record<string, unknown>) => {
            const i = next++ % bodies.length;
            if (tokens.length === 0) return { ...req, body: bodies[i] };
            const token = tokens[i];
            return { ...req, path: `/webhooks/tamara?tamaraToken=${token}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: bodies[i] };
          },
        },
      ]
    : undefined;
  const result = await autocannon({
    url: spec.url,
    duration: spec.duration,
    connections: spec.connections,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    ...(requests ? { requests } : {}),
  });
  process.send!(result, () => process.exit(0));
}

async function signTokens(key: string, count: number): Promise<string[]> {
  const secret = new TextEncoder().encode(key);
  const iat = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  // Distinct tokens (the jti makes each one unique), as if every notification came with its own.
  for (let i = 0; i < count; i++) {
    tokens.push(await new SignJWT({ iss: 'Tamara', jti: String(i) }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(iat).setExpirationTime(iat + 900).sign(secret));
  }
  return tokens;
}

function notificationBody(): string {
  return JSON.stringify({
    order_id: randomUUID(),
    order_reference_id: 'BENCH-1',
    order_number: 'BENCH',
    event_type: 'order_captured',
    data: { capture_id: randomUUID() },
  });
}

void main();
