import { Logger, Provider } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { AppConfig } from '../config/app-config';
import { TamaraApi } from './tamara-api.port';
import { TamaraHttpClient } from './tamara-http.client';
import { TamaraNotificationVerifier } from './webhook/tamara-notification.verifier';

/**
 * Nest wiring. Needs `HttpModule` imported and `AppConfig` provided by the importing module.
 * Both factories throw when their secret is missing, so the application refuses to start.
 */
export const tamaraApiProvider: Provider = {
  provide: TamaraApi,
  inject: [HttpService, AppConfig],
  useFactory: (http: HttpService, config: AppConfig): TamaraApi =>
    new TamaraHttpClient(http, {
      baseUrl: config.tamara.apiUrl,
      apiToken: config.tamara.apiToken ?? '',
      timeoutMs: config.tamara.timeoutMs,
      requestsPerSecond: config.tamara.requestsPerSecond,
      logger: new Logger(TamaraHttpClient.name),
    }),
};

export const tamaraNotificationVerifierProvider: Provider = {
  provide: TamaraNotificationVerifier,
  inject: [AppConfig],
  useFactory: (config: AppConfig): TamaraNotificationVerifier => new TamaraNotificationVerifier(config.tamara.notificationTokens),
};
