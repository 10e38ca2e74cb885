import { mkdirSync, openSync, closeSync, writeFileSync, readFileSync, unlinkSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (Postgres compiled to WASM) under `dataDir` and serves it on a loopback port so
 * the ordinary `pg` driver — and therefore the same TypeORM code path as production — can use it.
 * Embedded means one process: a lock file refuses a second connector on the same data directory
 * (opening one PGlite directory twice can corrupt it).
 */
export async function startEmbeddedPostgres(dataDir: string, options: { inMemory?: boolean } = {}): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let release = () => {};
  let db: InstanceType<typeof PGlite>;
  if (options.inMemory) {
    db = await PGlite.create();
  } else {
    const dir = resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    release = takeLock(resolve(dataDir, 'connector.lock'));
    db = await PGlite.create(dir);
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres@${conn}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
      release();
    },
  };
}

function takeLock(path: string): () => void {
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Another connector process (pid ${pid}) is using this embedded database (${path}). ` +
          'Embedded mode runs one process; set DATABASE_URL to a PostgreSQL server to run several.',
      );
    }
    unlinkSync(path);
  }
  const fd = openSync(path, 'wx');
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

