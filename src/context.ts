import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureSeeded } from './db/seed.ts';
import { withStartupLock } from './db/startup-lock.ts';
import { refreshSearchIndex } from './modules/search/indexer.ts';

/** Everything a request or a command needs, built once: the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  /** Whether the data is demonstration data (a banner says so on every page). */
  demo: boolean;
}

export async function createContext(
  config: Config,
  options: { database?: Database; migrate?: boolean; seed?: boolean; log?: (line: string) => void } = {},
): Promise<AppContext> {
  const database = options.database ?? (await openDatabase(config));
  try {
    const { demo } = await withStartupLock(database.db, async (conn) => {
      if (options.migrate !== false) {
        const applied = await migrateToLatest(conn);
        if (applied.length) options.log?.(`applied migrations: ${applied.join(', ')}`);
      }
      const seeded = options.seed === false ? { demo: false } : await ensureSeeded(conn, config, options.log);
      // Index what the seed or a migration queued, so that the first search need not.
      if (options.migrate !== false) {
        const started = Date.now();
        const indexed = await refreshSearchIndex(conn);
        if (indexed.records) options.log?.(`indexed ${indexed.records} records for search in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      return seeded;
    });
    return { config, database, demo };
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}
