import { Test, TestingModule } from '@nestjs/testing';
import { SILENT_LOGGER } from './silent-logger';
import { DataSource } from 'typeorm';
import { CoreModule } from '../../src/core.module';
import { TamaraApi } from '../../src/tamara/tamara-api.port';
import { runMigrations } from '../../src/database/migrate';
import { buildOdooFeatures } from '../../src/odoo/odoo-features';
import { OdooClient } from '../../src/odoo/client/odoo-client';
import { OdooSetupService } from '../../src/odoo/setup/odoo-setup.service';
import { OdooTriggersUseCase } from '../../src/odoo/bridge/odoo-triggers.use-case';
import { DispatchErpOutboxUseCase } from '../../src/erp/dispatch-erp-outbox.use-case';
import { ReconcileLinksUseCase } from '../../src/payments/use-cases/reconcile-links.use-case';
import { startOdooEmulator, OdooEmulator, OdooEmulatorOptions } from '../../src/emulators/odoo/odoo-emulator';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';
import { ManualClock } from './manual-clock';
import { FakeTamaraApi } from './fake-tamara-api';

export interface OdooHarness {
  odoo: OdooEmulator;
  tamara: FakeTamaraApi;
  clock: ManualClock;
  module: TestingModule;
  dataSource: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
  /** One round of everything the service's jobs do: Odoo triggers, ERP write-backs, reconciler. */
  cycle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The connector's core and Odoo bridge on a fresh database, against the Odoo emulator (set up with
 * `npm run cli -- setup`'s service) and an in-memory Tamara.
 */
export async function startOdooHarness(odooOptions: OdooEmulatorOptions = {}): Promise<OdooHarness> {
  const odoo = await startOdooEmulator(odooOptions);
  const db: TestDatabase = await createTestDatabase();
  const config = testConfig({
    DATABASE_URL: db.url,
    ODOO_URL: odoo.url,
    ODOO_DB: odoo.database,
    ODOO_USERNAME: odoo.login,
    ODOO_API_KEY: odoo.apiKey!,
    ODOO_CURSOR_OVERLAP_SECONDS: '5',
  });
  const tamara = new FakeTamaraApi();
  const clock = new ManualClock();
  const features = buildOdooFeatures(config);
  const module = await Test.createTestingModule({
    imports: [
      CoreModule.register({
        config,
        databaseUrl: db.url,
        embeddedDatabase: db.embedded,
        runtime: { jobsEnabled: false, clock },
        erp: features.erp,
        features: features.features,
      }),
    ],
    providers: [OdooSetupService],
  })
    .overrideProvider(TamaraApi)
    .useValue(tamara)
    .setLogger(SILENT_LOGGER)
    .compile();
  await module.init();
  const dataSource = module.get(DataSource);
  await runMigrations(dataSource, { lock: !db.embedded });
  await module.get(OdooSetupService).run({});
  const get = <T>(type: new (...args: never[]) => T) => module.get(type, { strict: false });
  return {
    odoo,
    tamara,
    clock,
    module,
    dataSource,
    get,
    async cycle() {
      // As the service's jobs do: each pass delivers one write-back per document, so drain.
      const drain = async () => {
        for (let i = 0; i < 20 && (await get(DispatchErpOutboxUseCase).runOnce()) > 0; i++);
      };
      await get(OdooTriggersUseCase).runOnce();
      await drain();
      clock.advance(8);
      await get(ReconcileLinksUseCase).runOnce();
      await drain();
    },
    async close() {
      await module.close();
      await db.drop();
      await odoo.close();
    },
  };
}

export { OdooClient };
