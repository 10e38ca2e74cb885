import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ScheduleModule } from '@nestjs/schedule';
import type pino from 'pino';
import { AppConfig } from './config/app-config';
import { ConnectorConfigModule, RuntimeOptions } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { buildLoggerParams } from './observability/logger.options';
import { PaymentsModule } from './payments/payments.module';
import { ErpModule } from './erp/erp.module';
import { ConnectorJobsService } from './jobs/connector-jobs.service';

export interface CoreModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  embeddedDatabase: boolean;
  runtime: RuntimeOptions;
  /** ERP adapters (the Odoo bridge); none for a POS-only deployment. */
  erp?: DynamicModule;
  /** Extra feature modules (the Odoo bridge's triggers). */
  features?: DynamicModule[];
  logDestination?: pino.DestinationStream;
}

/** Everything but the HTTP surface: configuration, logging, database, payments core, ERP delivery, jobs. */
@Module({})
export class CoreModule {
  static register(options: CoreModuleOptions): DynamicModule {
    const { config } = options;
    const secrets = [config.tamara.apiToken, ...config.tamara.notificationTokens, ...config.http.apiKeys, config.odoo.apiKey, config.odoo.webhookToken].filter(
      (s): s is string => Boolean(s),
    );
    const imports = [
      ConnectorConfigModule.forRoot(config, options.runtime),
      LoggerModule.forRoot(buildLoggerParams(config.log.level, secrets, options.logDestination)),
      TypeOrmModule.forRoot(buildDataSourceOptions(options.databaseUrl, { embedded: options.embeddedDatabase })),
      ScheduleModule.forRoot(),
      PaymentsModule,
      options.erp ?? ErpModule.register(),
      ...(options.features ?? []),
    ];
    return {
      module: CoreModule,
      global: true,
      imports,
      providers: [ConnectorJobsService],
      exports: [ConnectorJobsService, PaymentsModule, ...(options.erp ? [options.erp] : [ErpModule]), ...(options.features ?? []), LoggerModule],
    };
  }
}
