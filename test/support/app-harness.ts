import { startConnector, RunningConnector, StartOptions } from '../../src/bootstrap';
import { ConnectorJobsService } from '../../src/jobs/connector-jobs.service';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig, TEST_API_KEY } from './test-config';
import { LogCapture } from './log-capture';

export interface AppHarness {
  connector: RunningConnector;
  url: string;
  logs: LogCapture;
  jobs: ConnectorJobsService;
  /** fetch against the connector with the API key (unless headers override it). */
  api(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The whole connector (HTTP, database, jobs off) on a fresh database, logs captured. */
export async function startAppHarness(env: Record<string, string> = {}, options: Partial<StartOptions> = {}): Promise<AppHarness> {
  const db: TestDatabase = await createTestDatabase();
  const logs = new LogCapture();
  const config = testConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'debug', ...env });
  const connector = await startConnector(config, {
    runtime: { jobsEnabled: false },
    logDestination: logs,
    host: '127.0.0.1',
    ...options,
  });
  return {
    connector,
    url: connector.url,
    logs,
    jobs: connector.app.get(ConnectorJobsService),
    async api(path, init = {}) {
      const response = await fetch(`${connector.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          authorization: `Bearer ${TEST_API_KEY}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: response.status, body, headers: response.headers };
    },
    async close() {
      await connector.close();
      await db.drop();
    },
  };
}
