import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const startupLockKey = 1540_0001;

/**
 * Runs start-up work (migrations, first seed) while holding a PostgreSQL advisory lock, so that
 * app servers starting together on one database take turns: two concurrent
 * `create table if not exists` can otherwise collide. The work gets the one connection that
 * holds the lock and must use it for everything (PGlite has no other connection).
 */
export async function withStartupLock<T>(db: Kysely<DB>, work: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${startupLockKey})`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(${startupLockKey})`.execute(conn);
    }
  });
}
