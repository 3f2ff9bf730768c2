import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { type Database, openDatabase, openPostgres } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { type Logger, silentLogger } from '../platform/log.ts';
import { ensureSeeded } from './seed.ts';
import { withStartupLock } from '../platform/db/startup-lock.ts';
import { checkServingRole, currentRole, grantServingRole } from '../platform/db/serving-role.ts';
import '../features/registry.ts';
import { refreshSearchIndex } from '../features/search/index.ts';

export type { AppContext };

/** What the log says on every start of a server whose demonstration accounts anyone may use. */
export const demoWarningLine =
  'the database has the demonstration accounts, whose password is public (README.md): anyone who reaches this server can sign in, as an administrator too. Start an empty database with R1540_DEMO unset or false for real records';

/**
 * Opens the database, migrates and seeds it (once, whichever server starts first), and builds the
 * context. With R1540_SERVE_DATABASE_URL the start-up work runs as the tables' owner (DATABASE_URL,
 * or `options.database`), which then grants the serving role its rights, and the app serves through
 * that role; the owner's connection is closed once started (unless it is `options.database`, which
 * stays the caller's).
 */
export async function createContext(
  config: Config,
  options: { database?: Database; migrate?: boolean; seed?: boolean; log?: (line: string) => void; logger?: Logger } = {},
): Promise<AppContext> {
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? ((line: string) => logger.info(line));
  const owner = options.database ?? (await openDatabase(config, options.logger));
  const serving = config.serveDatabaseUrl ? openPostgres(config.serveDatabaseUrl, 10, options.logger) : undefined;
  let ownerOpen = !options.database;
  try {
    const servingRole = serving ? await currentRole(serving.db) : undefined;
    const { demo } = await withStartupLock(owner.db, async (conn) => {
      if (options.migrate !== false) {
        const applied = await migrateToLatest(conn);
        if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
      }
      if (serving && servingRole) {
        // Checked before anything is granted to it.
        await checkServingRole(serving.db);
        await grantServingRole(conn, servingRole);
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
    if (serving) {
      if (ownerOpen) await owner.close();
      ownerOpen = false;
      log(`serving as the database role ${servingRole}, which may not change the audit log`);
    }
    const demoWarning = demo && config.warnDemo;
    if (demoWarning) logger.warn(demoWarningLine);
    return { config, database: serving ?? owner, demo, demoWarning, logger };
  } catch (err) {
    if (serving) await serving.close();
    if (ownerOpen) await owner.close();
    throw err;
  }
}
