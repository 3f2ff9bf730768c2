import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import '../../src/features/registry.ts';
import { seedDemo, seedReference } from '../../src/app/seed.ts';
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

function hashOf(sources: readonly string[], salt = ''): string {
  const h = createHash('sha256').update(salt);
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (/\.(ts|tsx|json)$/.test(p) && !/\.test\.tsx?$/.test(p)) h.update(p.slice(root.length)).update(readFileSync(p));
  };
  for (const source of sources) walk(join(root, source));
  return h.digest('hex').slice(0, 16);
}

/**
 * The day the demonstration template is seeded as on (its history runs up to it): fixed, so that a
 * test reads the same demonstration data whatever the day it runs.
 */
export const demoToday = '2026-12-01';

/**
 * The two templates: migrated and seeded (reference data and the demonstration accounts), and the
 * same with every feature's demonstration data (what a first start with it has), which depends on
 * all the code that writes it: any change under src/ makes a new one.
 */
const templates = {
  seeded: { key: () => hashOf(templateSources), fill },
  demo: {
    key: () => hashOf(['src', 'test/support/database.ts'], demoToday),
    fill: async (database: Database) => {
      await fill(database);
      await seedDemo(database.db, undefined, undefined, demoToday);
    },
  },
} as const;
export type Template = keyof typeof templates;

async function fill(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  await seedDemoAccounts(database.db);
  await setMeta(database.db, 'seeded', true);
}

/** Which engine the integration tests run on: PostgreSQL when DATABASE_URL is set. */
export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * The template's data folder as a tarball in .tmp/, built by whichever test process gets here first
 * (the others wait for it: a demonstration template takes some 20 s to build), then read by all.
 */
async function pgliteTemplate(kind: Template): Promise<Blob> {
  const dir = join(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${kind}-${templates[kind].key()}.tar.gz`);
  const lock = `${file}.lock`;
  for (let waited = 0; ; waited += 250) {
    try {
      return new Blob([readFileSync(file)]);
    } catch {}
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process builds it; a lock older than five minutes was left by one that died.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000 || waited > 600_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const database = await openPglite(undefined);
    await templates[kind].fill(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    await database.close();
    // A rename makes it appear whole.
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    return new Blob([readFileSync(file)]);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let counter = 0;

/** A new PostgreSQL database made from the migrated and seeded template: its URL, and how to drop it. */
async function postgresFromTemplate(kind: Template): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const template = `r1540_tpl_${kind === 'demo' ? 'demo_' : ''}${templates[kind].key()}`;
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
        await templates[kind].fill(db);
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

/**
 * A fresh database for one test file from a template: migrated and seeded (reference data and the
 * demonstration accounts), or with `demo` every feature's demonstration data too (seeded as on
 * `demoToday`), as a first start with demonstration data has it.
 */
export async function freshDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const kind: Template = options.demo ? 'demo' : 'seeded';
  if (engine === 'pglite') return openPglite(undefined, { loadDataDir: await pgliteTemplate(kind) });
  const { url, drop } = await postgresFromTemplate(kind);
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
 * A fresh database, from a template (with `demo`, the demonstration one), for code that opens its own from the environment
 * (the command line): a PGlite folder in `dir`, or (DATABASE_URL set) a PostgreSQL database of its
 * own. The environment names it; `drop` removes the PostgreSQL one.
 */
export async function freshDatabaseEnv(
  dir: string,
  options: { demo?: boolean } = {},
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const kind: Template = options.demo ? 'demo' : 'seeded';
  if (engine === 'postgres') {
    const { url, drop } = await postgresFromTemplate(kind);
    return { env: { DATABASE_URL: url, R1540_DATA_DIR: join(dir, 'data'), R1540_DEMO: 'false' }, drop };
  }
  const data = join(dir, 'data');
  const database = await openPglite(data, { loadDataDir: await pgliteTemplate(kind) });
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

/** The number of rows of a table (to show that a refused write wrote nothing). */
export async function rowCount(db: Kysely<DB>, table: keyof DB & string): Promise<number> {
  const row = await db
    .selectFrom(table as never)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number((row as { n: string }).n);
}
