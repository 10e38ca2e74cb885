import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OdooClient } from './client/odoo-client';
import { OdooDocumentsGateway } from './bridge/odoo-documents.gateway';
import { TamaraJournalLocator } from './bridge/tamara-journal.locator';
import { OdooErpAdapter } from './bridge/odoo-erp.adapter';

const odooClientProvider = {
  provide: OdooClient,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const logger = new Logger('OdooClient');
    return new OdooClient({
      url: config.odoo.url!,
      db: config.odoo.db!,
      username: config.odoo.username!,
      apiKey: config.odoo.apiKey!,
      protocol: config.odoo.protocol,
      timeoutMs: config.odoo.timeoutMs,
      logger: { debug: (e: Record<string, unknown>) => logger.debug(e), warn: (e: Record<string, unknown>) => logger.warn(e) } as never,
    });
  },
};

const providers = [odooClientProvider, OdooDocumentsGateway, TamaraJournalLocator, OdooErpAdapter];

/** Odoo's API client and the ERP adapter that writes Tamara's outcomes back into Odoo. */
@Module({ providers, exports: providers })
export class OdooClientModule {}
