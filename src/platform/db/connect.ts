import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Logger } from '../log.ts';
import type { DB } from './schema.ts';

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

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: string) {
    super(
      `The data folder ${dir} is already in use by process ${pid}. Embedded PGlite allows one process per folder: ` +
        'stop the other process, or run several processes on one PostgreSQL server by setting DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not lock its folder, and two processes on one folder silently lose writes,
 * so we take an exclusive lock file first. A lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'r1540.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readFileSync(path, 'utf8').trim();
      const pid = Number(holder);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new DataDirLockedError(dir, holder);
      }
      if (pid === process.pid) throw new DataDirLockedError(dir, holder);
      unlinkSync(path);
    }
  }
  throw new Error(`could not lock ${dir}`);
}

export function kyselyOn(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
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
