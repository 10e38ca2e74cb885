/**
 * `npm run bench`: webhook intake throughput and latency, beside a bare route of the same server
 * in the same run, written to docs/benchmarks.md. Uses DATABASE_URL when set, else embedded PGlite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { SignJWT } from 'jose';
import { loadConfig } from '../config/app-config';
import { startConnector } from '../bootstrap';

import { fork } from 'node:child_process';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}

const DURATION_S = Number(process.env.BENCH_DURATION_SECONDS ?? 6);
const ROUNDS = 3;
const PACED_S = 10;
const NOTIFICATION_KEY = 'bench-notification-key-0123456789';

/**
 * A database of its own for every run: on the server of DATABASE_URL when set (created and dropped
 * here), else a fresh embedded one. Re-using a database would measure an ever larger inbox table.
 */
async function benchDatabase(): Promise<{ url?: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tamara-bench-'));
  const server = process.env.DATABASE_URL;
  if (!server) return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `tamara_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    async drop() {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATA_DIR: database.dataDir,
    TAMARA_API_URL: 'http://127.0.0.1:9',
    TAMARA_API_TOKEN: 'bench-api-token',
    TAMARA_NOTIFICATION_TOKEN: NOTIFICATION_KEY,
    CONNECTOR_API_KEYS: 'bench-api-key-0123456789',
  });
  const running = await startConnector(config, { runtime: { jobsEnabled: false }, registerWebhook: false, host: '127.0.0.1' });
  const databaseKind = config.database.url ? 'PostgreSQL (a fresh database on the DATABASE_URL server)' : 'embedded PGlite (fresh)';
  try {
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: 'Tamara' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + 900)
      .sign(new TextEncoder().encode(NOTIFICATION_KEY));
    const run = (opts: { path: string; duration?: number; connections?: number; overallRate?: number; webhook?: boolean; freshTokens?: boolean }) =>
      generateLoad({
        url: `${running.url}${opts.path}`,
        duration: opts.duration ?? DURATION_S,
        connections: opts.connections ?? 64,
        overallRate: opts.overallRate,
        webhook: opts.webhook ? (opts.freshTokens ? { key: NOTIFICATION_KEY } : { token }) : undefined,
      });
    const hook = `/webhooks/tamara?tamaraToken=${token}`;

    await run({ path: hook, webhook: true, duration: 2 }); // warm-up: JIT, pool, first pages
    // Throughput runs alternate, three rounds, and the median of each is reported: on a shared
    // 2-core machine a single run of each drifts by ±10 % or more.
    const rounds: Array<{ bare: AutocannonResult; intake: AutocannonResult; fresh: AutocannonResult }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({
        bare: await run({ path: '/health/live' }),
        intake: await run({ path: hook, webhook: true }),
        fresh: await run({ path: hook, webhook: true, freshTokens: true }),
      });
    }
    const bare = median(rounds.map((r) => r.bare));
    const intake = median(rounds.map((r) => r.intake));
    const fresh = median(rounds.map((r) => r.fresh));
    const paced = await run({ path: hook, webhook: true, overallRate: 500, connections: 10, duration: PACED_S });
    const freshPaced = await run({ path: hook, webhook: true, freshTokens: true, overallRate: 500, connections: 10, duration: PACED_S });

    for (const [name, r] of Object.entries({ bare, intake, paced, fresh, freshPaced })) {
      process.stderr.write(`${name}: ${JSON.stringify(r.statusCodeStats)} errors=${r.errors} timeouts=${r.timeouts}\n`);
    }
    const ratio = intake.requests.average / bare.requests.average;
    const row = (name: string, r: AutocannonResult) =>
      `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.non2xx + r.errors + r.timeouts} |`;
    const report = [
      '# Benchmarks',
      '',
      'Measured by `npm run bench` (src/bench/webhook-intake.bench.ts); re-run it to refresh this page.',
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      `- Database: ${databaseKind}; load generator (autocannon) in a separate process on loopback; throughput: median of ${ROUNDS} alternating rounds of ${DURATION_S} s; paced runs ${PACED_S} s; after a 2 s warm-up`,
      '',
      '## Webhook intake (`POST /webhooks/tamara`: JWT verification, body parsing, durable inbox insert, 2xx)',
      '',
      '| run | requests/s | p50 ms | p99 ms | max ms | failures |',
      '|---|---|---|---|---|---|',
      row('bare route `GET /health/live`, 64 connections', bare),
      row('webhook intake, 64 connections (max throughput)', intake),
      row('webhook intake paced at 500 requests/s, 10 connections', paced),
      row('same, a fresh token per notification, 64 connections', fresh),
      row('same, a fresh token per notification, paced at 500 requests/s', freshPaced),
      '',
      'The first runs reuse one notification token for every request (as Tamara does in the header and the query of one notification, and ' +
        'possibly across notifications within a token\'s 15 minutes): the verifier checks a token\'s signature once and remembers it. ' +
        'The "fresh token" runs sign a different token for every notification, the worst case.',
      '',
      `Webhook throughput is **${(ratio * 100).toFixed(0)} %** of the bare route with a reused token and ` +
        `**${((fresh.requests.average / bare.requests.average) * 100).toFixed(0)} %** with fresh tokens (target ≥ 50 %). ` +
        `p99 at 500 requests/s is **${paced.latency.p99} ms** (fresh tokens: **${freshPaced.latency.p99} ms**; target < 25 ms).`,
      '',
      `Targets met: ${ratio >= 0.5 ? 'throughput yes' : 'throughput NO'} (fresh tokens: ${fresh.requests.average / bare.requests.average >= 0.5 ? 'yes' : 'NO'}), ` +
        `${paced.latency.p99 < 25 && freshPaced.latency.p99 < 25 ? 'p99 yes' : 'p99 NO'}.`,
      '',
      '## How to read it',
      '',
      '* Max-throughput runs use 64 connections for both routes, enough to saturate each, alternate over three rounds,',
      "  and report each route's median run; the paced runs use 10 connections.",
      '* The load generator runs in its own process but on the same two cores as the server and PostgreSQL, so',
      '  absolute figures are lower than on a dedicated host and vary by about ±10 % between runs; the ratio is the',
      '  meaningful number.',
      '* What got intake there: inbox inserts are written in batches with one batch in flight (group commit;',
      '  every request still waits for its own commit before its 2xx), the HS256 check uses node:crypto instead of',
      '  WebCrypto, a verified token is remembered for its lifetime, ETags are off, and log redaction is one level',
      '  deep (a line scrubber covers the rest).',
      '* Measured along the way: an empty handler on the same route reaches about 58 % of the bare route at 20',
      '  connections (a POST with a body and a token in header and query costs Express and Nest more than a GET).',
      '',
    ].join('\n');
    writeFileSync(join(process.cwd(), 'docs', 'benchmarks.md'), report);
    process.stdout.write(`${report}\n`);
  } finally {
    await running.close();
    await database.drop();
  }
}

void main().catch((error: Error) => {
  process.stderr.write(`Benchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});

function generateLoad(spec: Record<string, unknown>): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-generator.js'), [JSON.stringify(spec)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (result) => resolve(result as AutocannonResult));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
  });
}

/** The run with the median throughput. */
function median(results: AutocannonResult[]): AutocannonResult {
  return [...results].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(results.length / 2)];
}
