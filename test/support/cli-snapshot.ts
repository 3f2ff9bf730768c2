import { join } from 'node:path';
import { sql } from 'kysely';
import { type Database, openPglite } from '../../src/platform/db/connect.ts';
import { runCli, type CliRun } from './cli.ts';

/**
 * `r1540` in process on the database of a test app (test/support/app.ts), for the doors only the
 * command line opens (`r1540 export --as`). On PostgreSQL, the same database; on PGlite, whose
 * test database lives in memory, a copy in `dir` of what it holds now (take it once the records
 * are written).
 */
export async function cliOnDatabase(database: Database, dir: string): Promise<(args: string[]) => Promise<CliRun>> {
  let env: Record<string, string>;
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0]!.name}`;
    env = { DATABASE_URL: url.toString(), R1540_DATA_DIR: join(dir, 'data'), R1540_DEMO: 'false' };
  } else {
    const data = join(dir, 'data');
    const copy = await openPglite(data, { loadDataDir: await database.pglite!.dumpDataDir('gzip') });
    await copy.close();
    env = { R1540_DATA_DIR: data, R1540_DEMO: 'false' };
  }
  return (args) => runCli(args, env);
}

/** `r1540 export`, as the account (the public without one): the bundle it prints, parsed. */
export async function cliExport(r1540: (args: string[]) => Promise<CliRun>, email: string | null): Promise<string> {
  const run = await r1540(['export', ...(email ? ['--as', email] : [])]);
  if (run.code !== 0) throw new Error(`r1540 export ${email ? `--as ${email}` : ''} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}
