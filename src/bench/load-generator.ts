/**
 * Runs one autocannon load in its own process (forked by the benchmark), so the load generator does
 * not compete with the server for the same event loop. Options arrive as JSON in argv[2]; the
 * result is sent back over IPC.
 */
import { randomUUID } from 'node:crypto';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<Record<string, unknown>>;

interface LoadSpec {
  url: string;
  duration: number;
  connections: number;
  overallRate?: number;
  webhook?: { token: string };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  const requests = spec.webhook
    ? [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.webhook.token}` },
          // A new order each time: every request is a real insert, not a cheap duplicate.
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            body: JSON.stringify({
              order_id: randomUUID(),
              order_reference_id: 'BENCH-1',
              order_number: 'BENCH',
              event_type: 'order_captured',
              data: { capture_id: randomUUID() },
            }),
          }),
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

void main();
