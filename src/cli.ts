import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { prepareDatabase } from './bootstrap';
import { CONNECTOR_COMMANDS } from './cli/connector-commands';
import { buildOdooFeatures } from './odoo/odoo-features';

@Module({})
class CliModule {
  static register(core: DynamicModule, commands: unknown[]): DynamicModule {
    return { module: CliModule, imports: [core], providers: commands as never[] };
  }
}

/** `npm run cli -- <command>`: operations on the connector's database, Tamara and Odoo. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.tamara.apiToken) throw new ConfigError(['TAMARA_API_TOKEN is required (Partners Portal → API Tokens)']);
  const database = await prepareDatabase(config);
  try {
    const odoo = buildOdooFeatures(config);
    const core = CoreModule.register({
      config,
      databaseUrl: database.url,
      embeddedDatabase: database.embedded,
      runtime: { jobsEnabled: false },
      erp: odoo.erp,
      features: odoo.features,
    });
    await CommandFactory.run(CliModule.register(core, [...CONNECTOR_COMMANDS, ...odoo.commands]), {
      logger: ['error', 'warn'],
      errorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      },
    });
  } finally {
    await database.stop();
  }
}

void main().catch((error: Error) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\nSee docs/configuration.md.\n` : `${error.message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
