// Engines: both (seed and a first start, on each engine)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { createContext } from '../../src/app/context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { runCli } from '../support/cli.ts';
import { emptyDatabaseEnv, engine } from '../support/database.ts';

/**
 * Tables whose rows differ between the two by nature, and why. Every other table must hold as
 * many rows after `r1540 seed --demo` as after a first start.
 */
const differByNature: Record<string, string> = {
  app_meta: 'a first start writes `seeded` so that it seeds only once; `r1540 seed` loads what the database lacks, as often as it is run',
  search_queue: 'a first start indexes what it seeded before it serves; `r1540 seed` leaves the seeded records queued for the next start',
  search_chunk: 'the index: made by a first start from what it seeded, by the next start after `r1540 seed`',
};

async function rowCounts(db: Kysely<DB>): Promise<Map<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts = new Map<string, number>();
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts.set(name, Number(rows[0]!.n));
  }
  return counts;
}

// `r1540 seed --demo` is to seed what a first start seeds with demonstration data: both call
// seedDemo (src/app/seed.ts), and this compares what they leave, table by table, on two empty
// databases (PGlite folders, or PostgreSQL databases when DATABASE_URL is set).
describe(`r1540 seed --demo and a first start (${engine})`, () => {
  let dir: string;
  const drops: (() => Promise<void>)[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'r1540-seed-'));
  });
  after(async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the same rows in every table, but those that differ by nature', { timeout: 600_000 }, async () => {
    const seeded = await emptyDatabaseEnv(join(dir, 'seed'));
    drops.push(seeded.drop);
    const run = await runCli(['seed', '--demo'], { ...seeded.env, R1540_DEMO: 'false' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^loaded .*193 Member States/);
    assert.match(run.stdout, /^created 6 demonstration accounts/m);

    const started = await emptyDatabaseEnv(join(dir, 'start'));
    drops.push(started.drop);
    const app = await createContext(loadConfig({ ...started.env, R1540_DEMO: 'true' }));
    let fromStart: Map<string, number>;
    try {
      assert.equal(app.demo, true);
      fromStart = await rowCounts(app.database.db);
    } finally {
      await app.database.close();
    }

    const database = await openDatabase(loadConfig(seeded.env));
    let fromSeed: Map<string, number>;
    try {
      fromSeed = await rowCounts(database.db);
    } finally {
      await database.close();
    }

    assert.deepEqual([...fromSeed.keys()], [...fromStart.keys()], 'the same tables');
    for (const name of Object.keys(differByNature)) assert.ok(fromStart.has(name), `${name} is a table`);
    const compared = (counts: Map<string, number>) => Object.fromEntries([...counts].filter(([name]) => !(name in differByNature)));
    assert.deepEqual(compared(fromSeed), compared(fromStart));
    // The demonstration sets are there, not only equal: a few of them by name.
    for (const table of ['app_user', 'matrix', 'matrix_cell', 'national_report', 'point_of_contact', 'letter', 'assistance_request'])
      assert.ok((fromSeed.get(table) ?? 0) > 0, `${table} has demonstration rows`);
  });
});
