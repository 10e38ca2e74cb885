import 'reflect-metadata';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type pino from 'pino';
import { AppConfig } from './config/app-config';
import { RuntimeOptions } from './config/config.module';
import { AppModule } from './app.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { startEmbeddedPostgres, EmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { createValidationPipe } from './http/validation.pipe';
import { TamaraApi } from './tamara/tamara-api.port';
import { TAMARA_WEBHOOK_EVENTS } from './tamara/tamara-api.types';
import { buildOdooFeatures } from './odoo/odoo-features';

export interface RunningConnector {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface StartOptions {
  runtime: RuntimeOptions;
  erp?: DynamicModule;
  features?: DynamicModule[];
  logDestination?: pino.DestinationStream;
  /** Register the webhook at Tamara when PUBLIC_URL is set (default true). */
  registerWebhook?: boolean;
  /** Keep the embedded database in memory (tests). */
  inMemoryDatabase?: boolean;
  host?: string;
  /** Include the Odoo bridge when ODOO_URL is set (default true). */
  odoo?: boolean;
}

/** Database (embedded when no DATABASE_URL), migrations, then the HTTP service and its jobs. */
export async function startConnector(config: AppConfig, options: StartOptions): Promise<RunningConnector> {
  const database = await prepareDatabase(config, { inMemory: options.inMemoryDatabase });
  const databaseUrl = database.url;
  try {
    const odoo = options.odoo === false ? undefined : buildOdooFeatures(config);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({
        config,
        databaseUrl,
        embeddedDatabase: database.embedded,
        runtime: options.runtime,
        erp: options.erp ?? odoo?.erp,
        features: [...(options.features ?? []), ...(odoo?.features ?? [])],
        controllers: odoo?.controllers,
        logDestination: options.logDestination,
      }),
      { bufferLogs: true, bodyParser: false },
    );
    app.useLogger(app.get(Logger));
    app.useBodyParser('json', { limit: config.http.webhookMaxBodyBytes });
    app.set('etag', false); // API answers are not cached; hashing every body costs throughput
    app.useGlobalPipes(createValidationPipe());
    app.enableShutdownHooks();
    await app.listen(config.http.port, options.host ?? '0.0.0.0');
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://127.0.0.1:${address.port}`;
    if (config.http.publicUrl && options.registerWebhook !== false) {
      await registerWebhook(app, config).catch((error: Error) =>
        app.get(Logger).error({ reason: error.message }, 'Could not register the Tamara webhook; run `npm run cli -- register-webhook` later'),
      );
    }
    return {
      app,
      url,
      databaseUrl,
      async close() {
        await app.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL, or the embedded PGlite under DATA_DIR; migrated either way. */
export async function prepareDatabase(config: AppConfig, options: { inMemory?: boolean } = {}): Promise<PreparedDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  const url = config.database.url ?? (embedded = await startEmbeddedPostgres(config.database.dataDir, options)).url;
  try {
    await migrate(url, Boolean(embedded));
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, embedded: Boolean(embedded), stop: async () => embedded?.stop() };
}

async function migrate(databaseUrl: string, embedded: boolean): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl, { embedded }));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, { lock: !embedded });
  } finally {
    await dataSource.destroy();
  }
}

export function webhookUrl(config: AppConfig): string {
  return `${config.http.publicUrl}/webhooks/tamara`;
}

/** Idempotent: Tamara's `webhook_already_registered` counts as done. */
export async function registerWebhook(app: INestApplication, config: AppConfig): Promise<{ webhookId: string; alreadyRegistered: boolean }> {
  const registration = await app.get(TamaraApi).registerWebhook(webhookUrl(config), TAMARA_WEBHOOK_EVENTS);
  app.get(Logger).log({ webhookId: registration.webhookId, alreadyRegistered: registration.alreadyRegistered }, 'Tamara webhook registered');
  return registration;
}
