import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export interface TestDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new database on the PostgreSQL server named by
 * DATABASE_URL (CI: the machine's PostgreSQL), or an in-memory PGlite when DATABASE_URL is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres('', { inMemory: true });
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  const name = `tamara_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated database and a DataSource on it. */
export async function createMigratedDataSource(): Promise<{ db: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const dataSource = new DataSource(buildDataSourceOptions(db.url, { embedded: db.embedded }));
  await dataSource.initialize();
  await runMigrations(dataSource, { lock: !db.embedded });
  return {
    db,
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
