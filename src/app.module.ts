import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type pino from 'pino';
import { AppConfig } from './config/app-config';
import { ConnectorConfigModule, RuntimeOptions } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { buildLoggerParams } from './observability/logger.options';
import { PaymentsModule } from './payments/payments.module';
import { ErpModule } from './erp/erp.module';
import { ConnectorJobsService } from './jobs/connector-jobs.service';
import { AppExceptionFilter } from './http/app-exception.filter';
import { ApiKeyGuard } from './http/api-key.guard';
import { PaymentLinksController } from './http/payment-links.controller';
import { CustomersController } from './http/customers.controller';
import { TamaraWebhookController } from './http/tamara-webhook.controller';
import { HealthController } from './http/health.controller';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  embeddedDatabase: boolean;
  runtime: RuntimeOptions;
  /** ERP adapters (the Odoo bridge); none for a POS-only deployment. */
  erp?: DynamicModule;
  /** Extra feature modules (the Odoo bridge's triggers and controllers). */
  features?: DynamicModule[];
  logDestination?: pino.DestinationStream;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    const secrets = [
      config.tamara.apiToken,
      ...config.tamara.notificationTokens,
      ...config.http.apiKeys,
      config.odoo.apiKey,
    ].filter((s): s is string => Boolean(s));
    return {
      module: AppModule,
      imports: [
        ConnectorConfigModule.forRoot(config, options.runtime),
        LoggerModule.forRoot(buildLoggerParams(config.log.level, secrets, options.logDestination)),
        TypeOrmModule.forRoot(buildDataSourceOptions(options.databaseUrl, { embedded: options.embeddedDatabase })),
        TerminusModule,
        PaymentsModule,
        options.erp ?? ErpModule.register(),
        ...(options.features ?? []),
      ],
      controllers: [PaymentLinksController, CustomersController, TamaraWebhookController, HealthController],
      providers: [ConnectorJobsService, ApiKeyGuard, { provide: APP_FILTER, useClass: AppExceptionFilter }],
      exports: [ConnectorJobsService],
    };
  }
}
