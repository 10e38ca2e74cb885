import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { Clock, SystemClock } from '../shared/time/clock';
import { PaymentsSettings } from '../payments/payments.settings';
import { JobsSettings } from '../jobs/jobs.settings';
import { HttpSettings } from '../http/http.settings';
import { ConnectorMetrics } from '../observability/connector-metrics';

export interface RuntimeOptions {
  /** Background jobs on (service) or off (tests drive them with runOnce). */
  jobsEnabled: boolean;
  reconcileTickMs?: number;
  clock?: Clock;
}

/** Provides the validated configuration and the small settings objects each module reads. */
@Global()
@Module({})
export class ConnectorConfigModule {
  static forRoot(config: AppConfig, runtime: RuntimeOptions): DynamicModule {
    const payments: PaymentsSettings = {
      pollIntervalSeconds: config.reconcile.pollIntervalSeconds,
      expiryGraceSeconds: config.reconcile.expiryGraceSeconds,
      linkExpiryMinutes: config.tamara.linkExpiryMinutes,
      leaseSeconds: config.reconcile.leaseSeconds,
      batchSize: config.reconcile.batchSize,
      defaultStoreCode: config.tamara.storeCode,
      locale: config.tamara.locale,
      paymentType: config.tamara.paymentType,
      defaultPhoneCountry: config.tamara.defaultPhoneCountry,
      tamaraTimeoutMs: config.tamara.timeoutMs,
      linksPerDocumentPerDay: config.tamara.linksPerDocumentPerDay,
    };
    const jobs: JobsSettings = { enabled: runtime.jobsEnabled, reconcileTickMs: runtime.reconcileTickMs ?? 1_000 };
    const http: HttpSettings = { apiKeys: config.http.apiKeys, webhookMaxBodyBytes: config.http.webhookMaxBodyBytes };
    const providers = [
      { provide: AppConfig, useValue: config },
      { provide: PaymentsSettings, useValue: payments },
      { provide: JobsSettings, useValue: jobs },
      { provide: HttpSettings, useValue: http },
      { provide: Clock, useValue: runtime.clock ?? new SystemClock() },
      ConnectorMetrics,
    ];
    return { module: ConnectorConfigModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
