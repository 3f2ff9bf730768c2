import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import '../../src/features/registry.ts';
import { seedReference } from '../../src/app/seed.ts';
import { seedDemoAccounts } from '../../src/features/accounts/index.ts';
import { setMeta } from '../../src/platform/db/app-meta.ts';

const root = new URL('../../', import.meta.url).pathname;

/**
 * What the template depends on, and only that, so that editing a page reuses it: the database
 * layer and its migrations, the seeding, the reference data and the features that load it (their
 * write cores write the rows and the audit events), the demonstration accounts, the registry, and
 * this file. When any of these change, a new template is built.
 */
const templateSources = [
  'src/platform/db',
  'src/platform/audit',
  'src/app/seed.ts',
  'src/features/registry.ts',
  'src/features/matrix/index.ts',
  'src/features/member-states',
  'src/features/organizations',
  'src/features/matrix/templates',
  'src/features/accounts',
  'test/support/database.ts',
];

function templateKey(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (/\.(ts|tsx|json)$/.test(p) && !/\.test\.tsx?$/.test(p)) h.update(p.slice(root.length)).update(readFileSync(p));
  };
  for (const source of templateSources) walk(join(root, source));
  return h.digest('hex').slice(0, 16);
}

async function fill(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  await seedDemoAccounts(database.db);
  await setMeta(database.db, 'seeded', true);
}

/** Which engine the integration tests run on: PostgreSQL when DATABASE_URL is set. */
export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

async function pgliteTemplate(): Promise<Blob> {
  const dir = join(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${templateKey()}.tar.gz`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Built by whichever test file gets here first; a rename makes it appear whole.
    const database = await openPglite(undefined);
    await fill(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    await database.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    return new Blob([readFileSync(file)]);
  }
}

let counter = 0;

/** A new PostgreSQL database made from the migrated and seeded template: its URL, and how to drop it. */
async function postgresFromTemplate(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const template = `r1540_tpl_${templateKey()}`;
  const name = `r1540_t_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  try {
    await admin.query('select pg_advisory_lock(1540)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (!exists.rowCount) {
        await admin.query(`create database ${template}_building`);
        const building = new URL(url);
        building.pathname = `/${template}_building`;
        const db = openPostgres(building.toString(), 2);
        await fill(db);
        await db.close();
        await admin.query(`alter database ${template}_building rename to ${template}`);
      }
    } finally {
      await admin.query('select pg_advisory_unlock(1540)');
    }
    await admin.query(`create database ${name} template ${template}`);
    // A test database is thrown away: its commits need not wait for the disk.
    await admin.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => dropDatabase(url, name) };
}

/** A fresh database for one test file, migrated and seeded, from a template. */
export async function freshDatabase(): Promise<Database> {
  if (engine === 'pglite') return openPglite(undefined, { loadDataDir: await pgliteTemplate() });
  const { url, drop } = await postgresFromTemplate();
  const database = openPostgres(url, 4);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      await drop();
    },
  };
}

/**
 * A fresh database, from the same template, for code that opens its own from the environment
 * (the command line): a PGlite folder in `dir`, or (DATABASE_URL set) a PostgreSQL database of its
 * own. The environment names it; `drop` removes the PostgreSQL one.
 */
export async function freshDatabaseEnv(dir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'postgres') {
    const { url, drop } = await postgresFromTemplate();
    return { env: { DATABASE_URL: url, R1540_DATA_DIR: join(dir, 'data'), R1540_DEMO: 'false' }, drop };
  }
  const data = join(dir, 'data');
  const database = await openPglite(data, { loadDataDir: await pgliteTemplate() });
  await database.close();
  return { env: { R1540_DATA_DIR: data, R1540_DEMO: 'false' }, drop: async () => {} };
}

/** An empty database (not migrated), for what a first start or `r1540 seed` does to one: its environment, and how to drop it. */
export async function emptyDatabaseEnv(dir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'pglite') return { env: { R1540_DATA_DIR: join(dir, 'data') }, drop: async () => {} };
  const url = new URL(process.env.DATABASE_URL!);
  const name = `r1540_e_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { env: { DATABASE_URL: own.toString(), R1540_DATA_DIR: join(dir, 'data') }, drop: () => dropDatabase(url, name) };
}

/**
 * Drops a test database once its connections are gone. pg's Pool.end() resolves before its
 * connections have closed, and a forced drop would kill them mid-close (an uncaught error).
 */
export async function dropDatabase(url: URL, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const left = await c.query('select 1 from pg_stat_activity where datname = $1', [name]);
      if (!left.rowCount) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}
