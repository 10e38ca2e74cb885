import type { DataSourceOptions } from 'typeorm';
import { PaymentLinkEntity } from '../payments/persistence/payment-link.entity';
import { RefundEntity } from '../payments/persistence/refund.entity';
import { PaymentEventEntity } from '../payments/persistence/payment-event.entity';
import { TamaraInboxEntity } from '../payments/persistence/tamara-inbox.entity';
import { ErpOutboxEntity } from '../payments/persistence/erp-outbox.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { OdooCursor1764000000001 } from './migrations/1764000000001-odoo-cursor';

export const ENTITIES = [PaymentLinkEntity, RefundEntity, PaymentEventEntity, TamaraInboxEntity, ErpOutboxEntity];
export const MIGRATIONS = [InitialSchema1764000000000, OdooCursor1764000000001];

/** One definition for the service, the CLI and the tests. Never `synchronize`. */
export function buildDataSourceOptions(url: string, options: { embedded?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'connector_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // Embedded PGlite is one session behind a multiplexer: keep the pool tiny (docs/style.md §3.3).
    extra: options.embedded ? { max: 4, connectionTimeoutMillis: 30000 } : { max: 10, connectionTimeoutMillis: 10000 },
  };
}
