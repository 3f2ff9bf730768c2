import { matrixCommand, matrixUsage } from '../modules/matrix/cli.ts';
import { reportsCommand, reportsUsage } from '../modules/reports/cli.ts';
import { contactsCommand, contactsUsage } from '../modules/contacts/cli.ts';
import { searchCommand, searchUsage } from '../modules/search/cli.ts';
import { assistanceCommand, assistanceUsage } from '../modules/assistance/cli.ts';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { createContext } from '../context.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { withStartupLock } from '../db/startup-lock.ts';
import { seedDemoAccounts, seedReference } from '../db/seed.ts';
import { seedDemoMatrices } from '../modules/matrix/demo.ts';
import { seedDemoReview } from '../modules/matrix/review-demo.ts';
import { seedDemoContacts } from '../modules/contacts/demo.ts';
import { seedDemoEngagement } from '../modules/engagement/demo.ts';
import { seedDemoReports } from '../modules/reports/demo.ts';
import { backupCommand, exportCommand, importCommand, restoreCommand } from './bundle.ts';
import { serveCommand } from './serve.ts';
import { tokenCommand, userCommand } from './users.ts';

export type Command = (config: Config, args: string[]) => Promise<number | undefined>;

export const usage = `Usage: r1540 <command> [options]

  serve                      start the web server (PORT, HOST; migrates and seeds on first start)
  migrate                    apply the database migrations
  seed [--demo] [--demo-matrices]
                             load the shipped reference data (and the demo accounts; and a made-up
                             matrix history for every State that has none, with the demo accounts)
  user add --email E --name N --role R [--state ISO3] [--organization CODE] [--password P]
  user reset-password --email E [--password P]
  user disable --email E     (user enable --email E brings it back)
  token create --email E --name N [--days D]   print a new personal API token
  export [--as E] [--out FILE]    every record the account may see, as a JSON bundle
  import FILE [--as E] [--dry-run]  load a bundle: all of it, or nothing
  backup [--out FILE]        the whole database, with checksums
  restore FILE               load a backup into an empty database and verify it
${matrixUsage}
${reportsUsage}
${contactsUsage}
${searchUsage}
${assistanceUsage}

Environment: DATABASE_URL, R1540_DATA_DIR, PORT, HOST, … (see README.md).
Passwords not given on the command line are read from R1540_PASSWORD or standard input.`;

const migrate: Command = async (config) => {
  const database = await openDatabase(config);
  try {
    const applied = await withStartupLock(database.db, (conn) => migrateToLatest(conn));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
  return 0;
};

const seed: Command = async (config, args) => {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean', default: false }, 'demo-matrices': { type: 'boolean', default: false } },
  });
  const app = await createContext(config, { seed: false });
  try {
    const ref = await seedReference(app.database.db);
    console.log(`added ${ref.states} Member States and ${ref.organizations} organizations`);
    // The demonstration matrices are moved along their workflow by the demo accounts.
    if (values.demo || values['demo-matrices']) console.log(`added ${await seedDemoAccounts(app.database.db)} demonstration accounts`);
    if (values['demo-matrices']) {
      const m = await seedDemoMatrices(app.database.db, undefined, { log: (line) => console.log(line) });
      await seedDemoReview(app.database.db);
      await seedDemoContacts(app.database.db);
      await seedDemoEngagement(app.database.db);
      await seedDemoReports(app.database.db);
      console.log(
        `added ${m.matrices} demonstration matrix versions for ${m.states} States in ${(m.ms / 1000).toFixed(1)} s` +
          (m.skipped ? ` (${m.skipped} States already had a matrix)` : ''),
      );
    }
  } finally {
    await app.database.close();
  }
  return 0;
};

export const commands: Record<string, Command> = {
  serve: async (config) => {
    await serveCommand(config);
    return 0;
  },
  migrate,
  seed,
  user: userCommand,
  token: tokenCommand,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
  restore: restoreCommand,
  matrix: matrixCommand,
  reports: reportsCommand,
  contacts: contactsCommand,
  search: searchCommand,
  assistance: assistanceCommand,
};
