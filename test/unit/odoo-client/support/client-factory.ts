import { OdooClient, type OdooClientLogger, type OdooClientOptions } from '../../../../src/odoo/client';
import { TEST_API_KEY } from './stub-odoo-server';

/** Log lines captured for assertions (e.g. "the key never appears in a log"). */
export class RecordingLogger implements OdooClientLogger {
  readonly lines: Array<{ level: 'debug' | 'warn'; message: string; details?: Record<string, unknown> }> = [];
  debug(message: string, details?: Record<string, unknown>): void {
    this.lines.push({ level: 'debug', message, details });
  }
  warn(message: string, details?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, details });
  }
  text(): string {
    return JSON.stringify(this.lines);
  }
}

export interface TestClient {
  client: OdooClient;
  logger: RecordingLogger;
  /** Delays the client asked to sleep between retries. */
  sleeps: number[];
}

/** A client against `url` with the transcripts' database and login, instant retries and recorded logs. */
export function makeClient(url: string, overrides: Partial<OdooClientOptions> = {}): TestClient {
  const logger = new RecordingLogger();
  const sleeps: number[] = [];
  const client = new OdooClient({
    url,
    db: 'tamara',
    username: 'admin',
    apiKey: TEST_API_KEY,
    protocol: 'jsonrpc',
    timeoutMs: 2000,
    logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, logger, sleeps };
}
