import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ErpModule } from '../erp/erp.module';
import { OdooClientModule } from './odoo-client.module';
import { OdooBridgeModule } from './odoo-bridge.module';
import { OdooErpAdapter } from './bridge/odoo-erp.adapter';
import { OdooWebhookController } from './odoo-webhook.controller';
import { odooSetupProviders } from './setup/setup-odoo.command';

export interface OdooFeatures {
  /** The ERP module with the Odoo adapter, when Odoo is configured. */
  erp?: DynamicModule;
  /** Odoo triggers (polling, webhook hint controller). */
  features: DynamicModule[];
  controllers: Array<new (...args: never[]) => unknown>;
  /** CLI providers (commands and what they need). */
  commands: unknown[];
}

/** What the Odoo bridge adds to the connector; nothing when ODOO_URL is unset (POS-only deployment). */
export function buildOdooFeatures(config: AppConfig): OdooFeatures {
  if (!config.odooConfigured) return { features: [], controllers: [], commands: [] };
  return {
    erp: ErpModule.register([], [OdooErpAdapter], [OdooClientModule]),
    features: [{ module: OdooBridgeModule }],
    controllers: [OdooWebhookController],
    commands: odooSetupProviders({ publicUrl: config.http.publicUrl, webhookToken: config.odoo.webhookToken }),
  };
}
