import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Logger } from '../log.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

let driver: typeof pg | undefined;

/** The pg driver, loaded when a database is opened (not by every command that starts, `r1540 --help`). */
function pgDriver(): typeof pg {
  if (!driver) {
    driver = createRequire(import.meta.url)('pg') as typeof pg;
    // DATE columns stay 'YYYY-MM-DD' strings: a calendar day has no time zone.
    driver.types.setTypeParser(driver.types.builtins.DATE, (value: string) => value);
  }
  return driver;
}

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The embedded instance, when there is one (backups and test templates use it). */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

export function kyselyOn(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  // PGlite does not lock its folder, and two processes on one folder silently lose writes.
  const release = dataDir ? await lockDataDir(dataDir) : () => {};
  try {
    // Loaded when a database is opened, not by every command that starts (`r1540 --help`).
    const [{ PGlite }, { pg_trgm }, { unaccent }, { createPgConfig }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('@electric-sql/pglite/node-postgres'),
    ]);
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: join(dataDir, 'pglite') } : {}),
      // The same extensions on every open, or PGlite fails on the first insert.
      extensions: { pg_trgm, unaccent },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const pool = new (pgDriver().Pool)(createPgConfig(pglite) as unknown as pg.PoolConfig);
    const db = kyselyOn(pool);
    return {
      db,
      engine: 'pglite',
      pglite,
      async close() {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export function openPostgres(url: string, max = 10, logger?: Logger): Database {
  const pool = new (pgDriver().Pool)({ connectionString: url, max });
  // An idle connection the server closed (a restart, a failover) must not crash the process:
  // the pool drops it and opens another on the next query.
  pool.on('error', (err) => {
    if (logger) logger.error({ err }, 'idle database connection lost');
    else console.error(`[r1540] idle database connection lost: ${err.message}`);
  });
  const db = kyselyOn(pool);
  return {
    db,
    engine: 'postgres',
    pglite: undefined,
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(cfg: { databaseUrl: string | undefined; dataDir: string }, logger?: Logger): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl, 10, logger) : openPglite(cfg.dataDir);
}
