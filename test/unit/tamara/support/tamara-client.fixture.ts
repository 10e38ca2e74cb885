import { createTamaraHttpClient, CreateTamaraHttpClientOptions, TamaraHttpClient } from '../../../../src/tamara/tamara-http.client';
import type { TamaraClientLogger } from '../../../../src/tamara/tamara-http.options';
import { JumpingTime } from './virtual-time';

export const API_TOKEN = 'tmr_test_api_token_9f8e7d6c5b4a';
export const PHONE = '966512345678';
export const EMAIL = 'mona.lisa@example.com';

export interface RecordingLogger extends TamaraClientLogger {
  entries: Array<Record<string, unknown>>;
}

export function recordingLogger(): RecordingLogger {
  const entries: Array<Record<string, unknown>> = [];
  return { entries, debug: (e) => entries.push({ level: 'debug', ...e }), warn: (e) => entries.push({ level: 'warn', ...e }) };
}

/** A client on virtual time (backoffs cost nothing), deterministic jitter, fast pacing. */
export function testClient(baseUrl: string, overrides: Partial<CreateTamaraHttpClientOptions> = {}) {
  const time = new JumpingTime();
  const logger = recordingLogger();
  const client: TamaraHttpClient = createTamaraHttpClient({
    baseUrl,
    apiToken: API_TOKEN,
    timeoutMs: 2000,
    requestsPerSecond: 1000,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    logger,
    ...overrides,
  });
  return { client, time, logger };
}
