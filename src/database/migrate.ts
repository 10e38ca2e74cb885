import { DataSource } from 'typeorm';

/** Fixed advisory-lock id so two replicas booting together never migrate at once. */
const MIGRATION_LOCK_ID = 74_110_001;

export async function runMigrations(dataSource: DataSource, options: { lock: boolean }): Promise<string[]> {
  if (!options.lock) {
    return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
