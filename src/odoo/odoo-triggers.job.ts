import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConnectorJobsService } from '../jobs/connector-jobs.service';
import { PeriodicJob } from '../jobs/periodic-job';
import { AppConfig } from '../config/app-config';
import { OdooTriggersUseCase } from './bridge/odoo-triggers.use-case';

/** Polls Odoo for documents to act on; Odoo's webhook hint kicks it early. */
@Injectable()
export class OdooTriggersJob implements OnApplicationBootstrap {
  readonly job: PeriodicJob;

  constructor(
    triggers: OdooTriggersUseCase,
    config: AppConfig,
    private readonly jobs: ConnectorJobsService,
  ) {
    this.job = new PeriodicJob('odoo-triggers', config.odoo.pollIntervalSeconds * 1000, () => triggers.runOnce());
  }

  onApplicationBootstrap(): void {
    this.jobs.register(this.job);
  }

  kick(): void {
    this.job.kick();
    this.jobs.erpOutbox.kick();
  }
}
