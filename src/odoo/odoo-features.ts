import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

export interface OdooFeatures {
  /** The ERP module with the Odoo adapter, when Odoo is configured. */
  erp?: DynamicModule;
  /** Odoo triggers (polling, webhook hint controller). */
  features: DynamicModule[];
  controllers: Array<new (...args: never[]) => unknown>;
  commands: unknown[];
}

/** What the Odoo bridge adds to the connector; nothing when ODOO_URL is unset (POS-only deployment). */
export function buildOdooFeatures(config: AppConfig): OdooFeatures {
  if (!config.odooConfigured) return { features: [], controllers: [], commands: [] };
  return { features: [], controllers: [], commands: [] };
}
