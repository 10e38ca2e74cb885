import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OdooClientModule } from './odoo-client.module';
import { OdooCursorRepository } from './bridge/odoo-cursor.repository';
import { OdooTriggersUseCase, OdooTriggerSettings } from './bridge/odoo-triggers.use-case';
import { OdooTriggersJob } from './odoo-triggers.job';

/** Odoo → core: the triggers (polling + webhook hint) that turn Odoo users' actions into payments and refunds. */
@Module({
  imports: [OdooClientModule],
  providers: [
    OdooCursorRepository,
    {
      provide: OdooTriggerSettings,
      inject: [AppConfig],
      useFactory: (c: AppConfig): OdooTriggerSettings => ({ cursorOverlapSeconds: c.odoo.cursorOverlapSeconds, batchSize: 100 }),
    },
    OdooTriggersUseCase,
    OdooTriggersJob,
  ],
  exports: [OdooTriggersUseCase, OdooTriggersJob, OdooClientModule],
})
export class OdooBridgeModule {}
