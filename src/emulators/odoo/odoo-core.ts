import { AutomationEngine } from './automation/automation-engine';
import { WebhookSender } from './automation/webhook-sender';
import { CallLog } from './call-log';
import { EmulatorClock } from './clock';
import { FaultInjector } from './faults/fault-injector';
import { MODEL_DEFINITIONS } from './models';
import { BASE_METHODS } from './orm/base-methods';
import { createEnv } from './orm/env';
import type { EmulatorSettings, Env, EnvServices, TransportKind } from './orm/model-types';
import { RecordStore } from './orm/record-store';
import { Registry } from './orm/registry';
import { versionProfile, type OdooMajorVersion, type VersionProfile } from './version-profile';

export interface CoreOptions {
  readonly version: OdooMajorVersion;
  readonly database: string;
  readonly invoicePaidState: 'paid' | 'in_payment';
  readonly webhookTimeoutMs: number;
  readonly clock: EmulatorClock;
  readonly log: (line: string) => void;
}

/** The emulated Odoo instance behind the HTTP layer: data, models, automations, faults, call log. */
export class OdooCore {
  readonly profile: VersionProfile;
  readonly registry: Registry;
  readonly store = new RecordStore();
  readonly clock: EmulatorClock;
  readonly automations = new AutomationEngine();
  readonly webhooks: WebhookSender;
  readonly settings: EmulatorSettings;
  readonly calls = new CallLog();
  readonly faults: FaultInjector;
  baseUrl = 'http://127.0.0.1:8069';
  private readonly services: EnvServices;

  constructor(
    readonly options: CoreOptions,
    onDownChange: (down: boolean, durationMs?: number) => void,
  ) {
    this.profile = versionProfile(options.version);
    this.registry = new Registry(MODEL_DEFINITIONS, BASE_METHODS, options.version);
    this.clock = options.clock;
    this.webhooks = new WebhookSender(
      () => 'python-requests/2.28.1',
      () => options.webhookTimeoutMs,
      options.log,
    );
    this.settings = {
      database: options.database,
      companyId: 1,
      invoicePaidState: options.invoicePaidState,
      webhookUserAgent: 'python-requests/2.28.1',
      webhookTimeoutMs: options.webhookTimeoutMs,
      baseUrl: () => this.baseUrl,
    };
    this.services = { automations: this.automations, webhooks: this.webhooks, settings: this.settings };
    this.faults = new FaultInjector(onDownChange);
  }

  env(uid: number, transport: TransportKind, context: Readonly<Record<string, unknown>> = {}): Env {
    return createEnv({
      registry: this.registry,
      store: this.store,
      uid,
      context,
      profile: this.profile,
      clock: this.clock,
      services: this.services,
      transport,
    });
  }

  /** Runs `work` as one Odoo transaction (undone on error), with fresh automation bookkeeping. */
  transaction<T>(work: () => T): T {
    return this.store.transaction(() => {
      this.automations.beginCall();
      return work();
    });
  }
}
