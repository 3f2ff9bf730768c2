import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/connect.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { type DemoResult, seedDemoMatrices } from '../../src/features/matrix/versions/demo.ts';
import { diffCells } from '../../src/features/matrix/versions/diff.ts';
import { cellMap, cellsOf, matrixVersions } from '../../src/features/matrix/versions/matrices.ts';
import { visibilityScope } from '../../src/platform/policy/policy.ts';
import { engine, freshDatabase } from '../support/database.ts';

// The demonstration matrices of all 193 States, seeded once on a fresh database of this engine
// (the test template holds none, to keep the other tests fast).
let database: Database;
let seeded: DemoResult;
const progress: string[] = [];

before(
  async () => {
    database = await freshDatabase();
    seeded = await seedDemoMatrices(database.db, systemActor, { log: (l) => progress.push(l) });
    console.log(
      `${engine}: ${seeded.matrices} demonstration matrix versions for ${seeded.states} States in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    // About 6 s on an idle 2-core machine; room for a busy one.
  },
  { timeout: 300_000 },
);
after(() => database?.close());

const count = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(database.db)).rows[0]!.n);

test('every one of the 193 States gets a published matrix, all of it marked as demonstration data', async () => {
  const db = database.db;
  assert.equal(seeded.states, 193);
  assert.equal(seeded.skipped, 0);
  assert.ok(progress.length >= 9 && /193 of 193 States/.test(progress.at(-1)!), progress.join('\n'));
  assert.equal(await count(sql`select count(*) n from matrix`), seeded.matrices);
  assert.equal(await count(sql`select count(*) n from matrix where not demo`), 0);
  assert.equal(await count(sql`select count(distinct state_iso3) n from matrix where status = 'published'`), 193);
  // The public sees the published versions; an open version (about a third of States) only the Committee side.
  assert.equal(
    (await matrixVersions(db, visibilityScope(null), 'FRA')).every((m) => m.status === 'published'),
    true,
  );
  const open = await count(sql`select count(*) n from matrix where status in ('draft', 'sent')`);
  assert.ok(open > 30 && open < 100, `${open} open versions`);
  // Past dates, as the demonstration's history has them.
  assert.equal(await count(sql`select count(*) n from matrix where number = 1 and extract(year from published_at) <> 2018`), 0);
  assert.equal(
    await count(sql`select count(*) n from matrix where number = 2 and (published_at < '2020-01-01' or published_at >= '2024-01-01')`),
    0,
  );
  assert.equal(await count(sql`select count(*) n from matrix where status_changed_at > now() or created_at > status_changed_at`), 0);
});

test('every X and ? has a source, and every source says it is demonstration data', async () => {
  assert.equal(await count(sql`select count(*) n from matrix_cell where value in ('X', '?') and jsonb_array_length(sources) = 0`), 0);
  assert.equal(
    await count(sql`
      select count(*) n from matrix_cell c, jsonb_array_elements(c.sources) s
      where s->>'citation' not like '%(demonstration data)'`),
    0,
  );
  assert.ok((await count(sql`select count(*) n from matrix_cell where value = 'NA'`)) > 0, 'some fields do not apply to small States');
  assert.ok((await count(sql`select count(*) n from matrix_cell where value = '?'`)) > 0);
});

test('the history shows each step by the demo account that took it, and versions compare', async () => {
  const db = database.db;
  const versions = await db.selectFrom('matrix').selectAll().where('state_iso3', '=', 'MLI').orderBy('number').execute();
  assert.ok(versions.length >= 2);
  const events = await db
    .selectFrom('audit_event')
    .select(['record_id', 'action', 'actor_label'])
    .where('record_type', '=', 'matrix')
    .where('state_iso3', '=', 'MLI')
    .orderBy('id')
    .execute();
  for (const v of versions.filter((m) => m.status === 'published')) {
    assert.deepEqual(
      events.filter((e) => e.record_id === v.id).map((e) => [e.action, e.actor_label]),
      [
        ['create', 'system'],
        ['update', 'Demo Expert'],
        ['sent', 'Demo Expert'],
        ['agreed', 'Demo Expert'],
        ['approved', 'Demo Committee Member'],
        ['published', 'Demo Secretariat'],
      ],
    );
  }
  // Every published version went through every step.
  assert.equal(await count(sql`select count(*) n from audit_event where record_type = 'matrix' and action = 'published'`), 386);
  const [v1, v2] = versions;
  const changes = diffCells(cellMap(await cellsOf(db, v1!.id)), cellMap(await cellsOf(db, v2!.id)));
  assert.ok(changes.length > 0, 'version 2 differs from version 1');
  assert.ok(changes.every((c) => c.to && c.to.value !== ''));
});

test('seeding again adds nothing', async () => {
  const before = await count(sql`select count(*) n from matrix_cell`);
  const again = await seedDemoMatrices(database.db, systemActor);
  assert.deepEqual([again.states, again.matrices, again.skipped], [0, 0, 193]);
  assert.equal(await count(sql`select count(*) n from matrix_cell`), before);
});

test('the same States get the same matrices on another database', async () => {
  const other = await freshDatabase();
  try {
    const some = ['FRA', 'MLI', 'TUV', 'USA', 'KAZ'];
    const r = await seedDemoMatrices(other.db, systemActor, { states: some });
    assert.equal(r.states, some.length);
    const snapshot = async (d: Database) =>
      (
        await sql<Record<string, unknown>>`
          select m.state_iso3, m.number, m.status, m.status_changed_at, m.approved_at, m.published_at, c.field_code, c.value,
                 c.sources, c.info_date, c.remarks, c.instrument_status, c.instrument_date, c.row_version
          from matrix m join matrix_cell c on c.matrix_id = m.id
          where m.state_iso3 in (${sql.join(some)})
          order by m.state_iso3, m.number, c.field_code`.execute(d.db)
      ).rows;
    const mine = await snapshot(database);
    assert.ok(mine.length > 500);
    assert.deepEqual(await snapshot(other), mine);
  } finally {
    await other.close();
  }
});
