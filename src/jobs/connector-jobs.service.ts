import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicJob } from './periodic-job';
import { ReconcileLinksUseCase } from '../payments/use-cases/reconcile-links.use-case';
import { ProcessTamaraNotificationsUseCase } from '../payments/use-cases/process-tamara-notifications.use-case';
import { DispatchErpOutboxUseCase } from '../erp/dispatch-erp-outbox.use-case';
import { ConnectorMetrics } from '../observability/connector-metrics';
import { JobsSettings } from './jobs.settings';

/**
 * The connector's background work: the Tamara inbox, the reconciler (polling safety net) and ERP
 * write-backs. Every replica runs them; claims in the database keep them from doing work twice.
 * On shutdown they stop claiming and finish what they hold (leases release the rest).
 */
@Injectable()
export class ConnectorJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly inbox: PeriodicJob;
  readonly reconciler: PeriodicJob;
  readonly erpOutbox: PeriodicJob;
  private readonly extra: PeriodicJob[] = [];

  constructor(
    processNotifications: ProcessTamaraNotificationsUseCase,
    reconcile: ReconcileLinksUseCase,
    dispatch: DispatchErpOutboxUseCase,
    metrics: ConnectorMetrics,
    private readonly settings: JobsSettings,
    private readonly scheduler: SchedulerRegistry,
  ) {
    const observe = (job: string) => (s: number) => metrics.jobDuration.observe({ job }, s);
    this.inbox = new PeriodicJob('tamara-inbox', 1_000, () => drain(() => processNotifications.runOnce()), observe('tamara-inbox'));
    this.reconciler = new PeriodicJob('reconciler', settings.reconcileTickMs, () => reconcile.runOnce(), observe('reconciler'));
    this.erpOutbox = new PeriodicJob('erp-outbox', 2_000, () => drain(() => dispatch.runOnce()), observe('erp-outbox'));
  }

  /** Other modules (the Odoo bridge) add their own periodic work here. */
  register(job: PeriodicJob): void {
    this.extra.push(job);
    if (this.settings.enabled) job.start(this.scheduler);
  }

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    for (const job of [this.inbox, this.reconciler, this.erpOutbox, ...this.extra]) job.start(this.scheduler);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.inbox, this.reconciler, this.erpOutbox, ...this.extra].map((j) => j.stop()));
  }
}

async function drain(run: () => Promise<number>): Promise<void> {
  for (let i = 0; i < 20 && (await run()) > 0; i++);
}
