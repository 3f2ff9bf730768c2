import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { type Database, openDatabase } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { type Logger, silentLogger } from '../platform/log.ts';
import { ensureSeeded } from './seed.ts';
import { withStartupLock } from '../platform/db/startup-lock.ts';
import '../features/registry.ts';
import { refreshSearchIndex } from '../features/search/index.ts';

export type { AppContext };

/** What the log says on every start of a server whose demonstration accounts anyone may use. */
export const demoWarningLine =
  'the database has the demonstration accounts, whose password is public (README.md): anyone who reaches this server can sign in, as an administrator too. Start an empty database with R1540_DEMO unset or false for real records';

export async function createContext(
  config: Config,
  options: { database?: Database; migrate?: boolean; seed?: boolean; log?: (line: string) => void; logger?: Logger } = {},
): Promise<AppContext> {
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? ((line: string) => logger.info(line));
  const database = options.database ?? (await openDatabase(config, options.logger));
  try {
    const { demo } = await withStartupLock(database.db, async (conn) => {
      if (options.migrate !== false) {
        const applied = await migrateToLatest(conn);
        if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
      }
      const seeded = options.seed === false ? { demo: false } : await ensureSeeded(conn, config, log);
      // Index what the seed or a migration queued, so that the first search need not.
      if (options.migrate !== false) {
        const started = Date.now();
        const indexed = await refreshSearchIndex(conn);
        if (indexed.records) log(`indexed ${indexed.records} records for search in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      return seeded;
    });
    const demoWarning = demo && config.warnDemo;
    if (demoWarning) logger.warn(demoWarningLine);
    return { config, database, demo, demoWarning, logger };
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}
