import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { CoreModule, CoreModuleOptions } from './core.module';
import { AppExceptionFilter } from './http/app-exception.filter';
import { ApiKeyGuard } from './http/api-key.guard';
import { PaymentLinksController } from './http/payment-links.controller';
import { CustomersController } from './http/customers.controller';
import { TamaraWebhookController } from './http/tamara-webhook.controller';
import { HealthController } from './http/health.controller';
import { tamaraNotificationVerifierProvider } from './tamara/tamara.providers';

export type AppModuleOptions = CoreModuleOptions & { controllers?: Array<new (...args: never[]) => unknown> };

/** The service: the core plus its HTTP surface (POS API, Tamara webhooks, health, metrics). */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(options), TerminusModule],
      controllers: [PaymentLinksController, CustomersController, TamaraWebhookController, HealthController, ...(options.controllers ?? [])],
      providers: [ApiKeyGuard, tamaraNotificationVerifierProvider, { provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
