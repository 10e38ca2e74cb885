import { Test, TestingModule } from '@nestjs/testing';
import { SILENT_LOGGER } from './silent-logger';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConnectorConfigModule } from '../../src/config/config.module';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { PaymentsModule } from '../../src/payments/payments.module';
import { ErpModule } from '../../src/erp/erp.module';
import { TamaraApi } from '../../src/tamara/tamara-api.port';
import { runMigrations } from '../../src/database/migrate';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';
import { ManualClock } from './manual-clock';
import { FakeTamaraApi } from './fake-tamara-api';

export interface CoreHarness {
  module: TestingModule;
  dataSource: DataSource;
  tamara: FakeTamaraApi;
  clock: ManualClock;
  get<T>(type: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** The payments core on a fresh migrated database, with an in-memory Tamara and a manual clock. */
export async function createCoreHarness(env: Record<string, string> = {}): Promise<CoreHarness> {
  const db: TestDatabase = await createTestDatabase();
  const tamara = new FakeTamaraApi();
  const clock = new ManualClock();
  const config = testConfig(env);
  const module = await Test.createTestingModule({
    imports: [
      ConnectorConfigModule.forRoot(config, { jobsEnabled: false, clock }),
      TypeOrmModule.forRoot(buildDataSourceOptions(db.url, { embedded: db.embedded })),
      PaymentsModule,
      ErpModule.register(),
    ],
  })
    .overrideProvider(TamaraApi)
    .useValue(tamara)
    .setLogger(SILENT_LOGGER)
    .compile();
  await module.init();
  const dataSource = module.get(DataSource);
  await runMigrations(dataSource, { lock: !db.embedded });
  return {
    module,
    dataSource,
    tamara,
    clock,
    get: (type) => module.get(type),
    async close() {
      await module.close();
      await db.drop();
    },
  };
}
