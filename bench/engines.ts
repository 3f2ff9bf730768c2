import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/platform/db/connect.ts';

export type Engine = 'pglite' | 'postgres';

/**
 * A throwaway database on each engine: PGlite in a temporary folder, or a database of its own on
 * the PostgreSQL server of this machine (BENCH_DATABASE_URL or DATABASE_URL, else the local one).
 */
export async function openEngine(
  engine: Engine,
  name: string,
  log: (line: string) => void,
): Promise<{ database: Database; env: Record<string, string>; done: () => Promise<void> } | null> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `r1540-bench-${name}-`));
    const database = await openPglite(dir);
    return { database, env: { R1540_DATA_DIR: dir }, done: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  if (!['127.0.0.1', 'localhost'].includes(admin.hostname)) {
    log(`PostgreSQL skipped: ${admin.hostname} is not this machine`);
    return null;
  }
  const dbName = `r1540_bench_${name}_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  try {
    await run(`drop database if exists ${dbName} with (force)`);
    await run(`create database ${dbName}`);
  } catch (err) {
    log(`PostgreSQL skipped: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
  const own = new URL(admin);
  own.pathname = `/${dbName}`;
  const database = openPostgres(own.toString());
  return { database, env: { DATABASE_URL: own.toString() }, done: () => run(`drop database if exists ${dbName} with (force)`) };
}
