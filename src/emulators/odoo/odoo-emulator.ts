import type { CallLogEntry } from './call-log';
import { EmulatorClock } from './clock';
import type { FaultHandle, FaultOptions, FaultSpec } from './faults/fault-injector';
import { OdooCore } from './odoo-core';
import { checkReadFields, formatRecord, search, searchRecords, type SearchOptions } from './orm/crud';
import type { StoredRecord } from './orm/model-types';
import { seedAdminApiKey, seedDemoData } from './seed/demo-data';
import { seedReferenceData } from './seed/reference-data';
import { OdooHttpServer } from './transport/http-server';
import { readAsJson, UserActions } from './user-actions';
import type { WebhookDelivery } from './automation/webhook-sender';
import type { OdooMajorVersion } from './version-profile';
import { createApiKey } from './models/res-users';

export type { CallLogEntry } from './call-log';
export type { FaultSpec, FaultOptions, FaultHandle } from './faults/fault-injector';
export type { WebhookDelivery } from './automation/webhook-sender';
export type { OdooMajorVersion } from './version-profile';
export type { InvoiceInput, InvoiceLineInput, CreditNoteInput, PaymentInput } from './user-actions';
export { OdooException } from './errors';

export const DEFAULT_API_KEY = 'odoo-emulator-api-key-00000000000000000000';

export interface OdooEmulatorOptions {
  /** TCP port (default 0: any free port). */
  readonly port?: number;
  readonly host?: string;
  /** Odoo major version to impersonate (default 18, the recorded one). */
  readonly version?: OdooMajorVersion;
  /** Database name (default "tamara", as recorded). */
  readonly database?: string;
  /** Admin login and password (default "admin" / "admin"). */
  readonly login?: string;
  readonly password?: string;
  /** The admin's API key (default {@link DEFAULT_API_KEY}); null: no key, create one through the web identity-check flow. */
  readonly apiKey?: string | null;
  /**
   * 'demo' (default): database ready for the connector — modules installed, customers 7/8/9,
   * products 1/2, KWD active. 'blank': as right after database creation (the transcripts' start).
   */
  readonly seed?: 'demo' | 'blank';
  /** Fixed start time of the emulator's clock (default: the real clock). */
  readonly now?: Date | string;
  /** payment_state of a fully paid invoice: 'paid' (Community, default) or 'in_payment' (Enterprise accounting). */
  readonly invoicePaidState?: 'paid' | 'in_payment';
  /** Timeout of outgoing webhook POSTs (Odoo: 1 s). */
  readonly webhookTimeoutMs?: number;
  /** Log lines (webhook calls and failures), like Odoo's server log. */
  readonly log?: (line: string) => void;
}

export interface OdooEmulator {
  readonly url: string;
  readonly database: string;
  readonly login: string;
  readonly password: string;
  /** The admin's API key, if one was seeded. */
  readonly apiKey: string | undefined;
  readonly adminUid: number;
  readonly version: OdooMajorVersion;
  close(): Promise<void>;

  /** Every call received (all transports) plus UI helper calls, oldest first. */
  readonly calls: readonly CallLogEntry[];
  clearCalls(): void;

  readonly faults: {
    inject(spec: FaultSpec, options?: FaultOptions): FaultHandle;
    clear(): void;
    active(): FaultSpec[];
  };

  /** Webhooks the emulator sent (automation rules, server actions). */
  readonly webhooks: { readonly deliveries: readonly WebhookDelivery[]; idle(): Promise<void>; clear(): void };

  readonly clock: { now(): Date; set(at: Date | string): void; advance(ms: number): void; release(): void };

  /** Acting as a user in the web client (automations fire as after a UI save). */
  readonly ui: UserActions;

  /** `read` of any record, as RPC would answer it (floats as numbers). */
  read(model: string, ids: readonly number[], fields?: readonly string[]): Record<string, unknown>[];
  search(model: string, domain?: unknown[], options?: SearchOptions): number[];
  searchRead(model: string, domain?: unknown[], fields?: readonly string[], options?: SearchOptions): Record<string, unknown>[];
  /** The raw stored row (store conventions: decimals as text), or undefined. */
  record(model: string, id: number): Readonly<StoredRecord> | undefined;
  /** Moves an id sequence (to line ids up with a recorded database). */
  setNextId(model: string, nextId: number): void;
  /** Creates another API key for a user (default the admin) and returns it. */
  createApiKey(uid?: number, name?: string): string;
}

/** Starts an Odoo emulator on loopback. See docs/odoo-emulator.md. */
export async function startOdooEmulator(options: OdooEmulatorOptions = {}): Promise<OdooEmulator> {
  const clock = new EmulatorClock();
  if (options.now !== undefined) clock.set(options.now);
  const version = options.version ?? 18;
  const login = options.login ?? 'admin';
  const password = options.password ?? 'admin';
  const apiKey = options.apiKey === undefined ? DEFAULT_API_KEY : (options.apiKey ?? undefined);
  let server: OdooHttpServer | undefined;
  let downTimer: NodeJS.Timeout | undefined;
  const core = new OdooCore(
    {
      version,
      database: options.database ?? 'tamara',
      invoicePaidState: options.invoicePaidState ?? 'paid',
      webhookTimeoutMs: options.webhookTimeoutMs ?? 1000,
      clock,
      log: options.log ?? (() => undefined),
    },
    (down, durationMs) => {
      if (downTimer) clearTimeout(downTimer);
      downTimer = undefined;
      if (down) {
        server?.goDown();
        if (durationMs !== undefined) {
          downTimer = setTimeout(() => {
            core.faults.endDown();
            void server?.comeBack();
          }, durationMs);
        }
      } else {
        void server?.comeBack();
      }
    },
  );
  core.store.transaction(() => {
    const env = core.env(1, 'internal');
    seedReferenceData(env, { adminLogin: login, adminPassword: password, modulesInstalled: options.seed !== 'blank' });
    if (options.seed !== 'blank') seedDemoData(env);
    if (apiKey !== undefined) seedAdminApiKey(env, apiKey);
  });
  server = new OdooHttpServer(core, options.host ?? '127.0.0.1');
  await server.listen(options.port ?? 0);
  core.baseUrl = server.url;
  const httpServer = server;
  const ui = new UserActions(core);
  const internalEnv = () => core.env(1, 'internal');

  return {
    url: httpServer.url,
    database: core.settings.database,
    login,
    password,
    apiKey,
    adminUid: 2,
    version,
    close: async () => {
      if (downTimer) clearTimeout(downTimer);
      await core.webhooks.idle();
      await httpServer.close();
    },
    calls: core.calls.entries,
    clearCalls: () => core.calls.clear(),
    faults: {
      inject: (spec, faultOptions) => core.faults.inject(spec, faultOptions),
      clear: () => core.faults.clear(),
      active: () => core.faults.list(),
    },
    webhooks: {
      deliveries: core.webhooks.deliveries,
      idle: () => core.webhooks.idle(),
      clear: () => core.webhooks.clear(),
    },
    clock: {
      now: () => clock.now(),
      set: (at) => clock.set(at),
      advance: (ms) => clock.advance(ms),
      release: () => clock.release(),
    },
    ui,
    read: (model, ids, fields) => readAsJson(core, model, ids, fields),
    search: (model, domain = [], searchOptions = {}) => search(internalEnv(), model, domain, searchOptions),
    searchRead: (model, domain = [], fields, searchOptions = {}) => {
      const env = internalEnv();
      const names = fields && fields.length > 0 ? [...fields] : [...core.registry.model(model).fields.keys()];
      checkReadFields(env, model, names);
      const rows = searchRecords(env, model, domain, searchOptions).map((row) => formatRecord(env, model, row, names, true));
      return JSON.parse(JSON.stringify(rows)) as Record<string, unknown>[];
    },
    record: (model, id) => core.store.get(model, id),
    setNextId: (model, nextId) => core.store.setNextId(model, nextId),
    createApiKey: (uid = 2, name = 'API key') => core.store.transaction(() => createApiKey(core.env(uid, 'internal'), uid, name, '0')),
  };
}
