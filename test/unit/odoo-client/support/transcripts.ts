import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One recorded exchange with the real Odoo 18 server (test/fixtures/odoo-transcripts/README.md). */
export interface Transcript {
  file: string;
  title: string;
  endpoint: string;
  request: unknown;
  response: unknown;
  http_status: number;
  response_content_type: string | null;
  response_raw_text?: string;
  notes?: string;
}

export const TRANSCRIPT_DIR = join(__dirname, '..', '..', '..', 'fixtures', 'odoo-transcripts', 'odoo18');

let cache: Transcript[] | undefined;

export function allTranscripts(): Transcript[] {
  cache ??= readdirSync(TRANSCRIPT_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(join(TRANSCRIPT_DIR, file), 'utf8')) as Omit<Transcript, 'file'>), file }));
  return cache;
}

/** By its three-digit number, e.g. transcript('012'). */
export function transcript(number: string): Transcript {
  const found = allTranscripts().find((t) => t.file.startsWith(`${number}-`));
  if (!found) throw new Error(`no transcript ${number}`);
  return found;
}

/** The recorded JSON-RPC `params` (for /jsonrpc exchanges). */
export function recordedParams(t: Transcript): { service: string; method: string; args: unknown[] } {
  return (t.request as { params: { service: string; method: string; args: unknown[] } }).params;
}

/** The object.execute_kw call of a recorded exchange. */
export function recordedCall(t: Transcript): { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> } {
  const [, , , model, method, args, kwargs] = recordedParams(t).args as [unknown, unknown, unknown, string, string, unknown[], Record<string, unknown>?];
  return { model, method, args, kwargs: kwargs ?? {} };
}

/** The recorded `result` of a successful JSON-RPC exchange. */
export function recordedResult(t: Transcript): unknown {
  return (t.response as { result?: unknown }).result;
}

/** Deep copy with the README's placeholders replaced by test values. */
export function substitutePlaceholders(value: unknown, replacements: Record<string, string>): unknown {
  if (typeof value === 'string') return replacements[value] ?? value;
  if (Array.isArray(value)) return value.map((item) => substitutePlaceholders(item, replacements));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitutePlaceholders(item, replacements)]));
  }
  return value;
}
