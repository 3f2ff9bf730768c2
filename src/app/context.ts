import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { type Database, openDatabase } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { ensureSeeded } from './seed.ts';
import { withStartupLock } from '../platform/db/startup-lock.ts';
import '../features/registry.ts';
import { refreshSearchIndex } from '../features/search/index.ts';

export type { AppContext };

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
        if (indexed.records)
          options.log?.(`indexed ${indexed.records} records for search in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      return seeded;
    });
    return { config, database, demo };
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}
