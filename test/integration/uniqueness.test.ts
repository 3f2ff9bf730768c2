// Engines: both (PGlite runs one transaction at a time, PostgreSQL runs them at once: on each, 20 parallel writes of one value give one 201 and 19 × 409)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest, migrationNames } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { emptyDatabaseEnv, engine } from '../support/database.ts';

// Every rule of uniqueness is a database index: twenty requests sent at once with one value make
// one record, and the nineteen others are told 409, naming the field; and the migration that adds
// the last index copes with a database that already holds twins.

let t: TestApp;
let db: Kysely<DB>;
const tokens = { expert: '', secretariat: '' };

before(async () => {
  t = await testApp();
  db = t.database.db;
  for (const [w, email] of [
    ['expert', 'expert@demo.r1540.org'],
    ['secretariat', 'secretariat@demo.r1540.org'],
  ] as const)
    tokens[w] = (await createApiToken(db, systemActor, (await findActiveViewer(db, email))!.id, 'race')).token;
});
after(() => t.close());

interface Problem {
  errors?: { field: string; problem: string }[];
}

/** The same request twenty times at once: the statuses counted, and the fields the 409s name. */
async function race(path: string, body: unknown, as: keyof typeof tokens = 'expert') {
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      t.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ),
  );
  const statuses: Record<number, number> = {};
  const fields = new Set<string>();
  const others: string[] = [];
  for (const res of responses) {
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const json = (await res.json()) as Problem;
    if (res.status === 409) for (const e of json.errors ?? []) fields.add(e.field);
    else if (res.status !== 201) others.push(`${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  }
  return { statuses, fields: [...fields], others: [...new Set(others)] };
}

describe('twenty writes at once of one value: one 201, nineteen 409 naming the field', () => {
  test('a report’s UN symbol', async () => {
    const symbol = 'S/AC.44/2019/RACE';
    const { statuses, fields, others } = await race('/api/v1/reports', {
      state: 'KEN',
      kind: 'additional-information',
      receivedOn: '2019-02-01',
      symbol,
    });
    assert.deepEqual(statuses, { 201: 1, 409: 19 }, others.join('\n'));
    assert.deepEqual(fields, ['symbol']);
    assert.equal((await db.selectFrom('national_report').select('id').where('symbol', '=', symbol).execute()).length, 1);
  });

  test('a State’s first report', async () => {
    const none = await db
      .selectFrom('member_state')
      .select('iso3')
      .where('archived_at', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('national_report')
              .select('id')
              .whereRef('national_report.state_iso3', '=', 'member_state.iso3')
              .where('kind', '=', 'first-report')
              .where('national_report.archived_at', 'is', null),
          ),
        ),
      )
      .orderBy('iso3')
      .executeTakeFirstOrThrow();
    const { statuses, fields, others } = await race('/api/v1/reports', {
      state: none.iso3,
      kind: 'first-report',
      receivedOn: '2004-10-01',
    });
    assert.deepEqual(statuses, { 201: 1, 409: 19 }, others.join('\n'));
    assert.deepEqual(fields, ['kind']);
    const firsts = await db
      .selectFrom('national_report')
      .select('id')
      .where('state_iso3', '=', none.iso3)
      .where('kind', '=', 'first-report')
      .execute();
    assert.equal(firsts.length, 1);
  });

  test('a plan’s number', async () => {
    const { statuses, fields, others } = await race(
      '/api/v1/action-plans',
      { state: 'KEN', number: 42, status: 'drafting' },
      'secretariat',
    );
    assert.deepEqual(statuses, { 201: 1, 409: 19 }, others.join('\n'));
    assert.deepEqual(fields, ['number']);
    const plans = await db.selectFrom('action_plan').select('id').where('state_iso3', '=', 'KEN').where('number', '=', 42).execute();
    assert.equal(plans.length, 1);
  });

  test('a State’s matrix version in the works', async () => {
    const { statuses, fields, others } = await race('/api/v1/states/KEN/matrix', {});
    assert.deepEqual(statuses, { 201: 1, 409: 19 }, others.join('\n'));
    assert.deepEqual(fields, ['state']);
    const versions = await db.selectFrom('matrix').select(['number', 'status']).where('state_iso3', '=', 'KEN').execute();
    assert.equal(versions.length, 1, 'one version, not one per request');
  });
});

/** An empty database of the engine under test, and how to close and drop it. */
async function emptyDatabase(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openPglite(undefined);
    return { database, done: () => database.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'r1540-uniqueness-'));
  const { env, drop } = await emptyDatabaseEnv(dir);
  const database = openPostgres(env.DATABASE_URL!, 2);
  return {
    database,
    done: async () => {
      await database.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Migrates to the migration before `name`: a database as an older release left it. */
async function migrateBefore(db: Kysely<unknown>, name: string): Promise<void> {
  const names = migrationNames();
  const before = names[names.indexOf(name) - 1]!;
  const provider = {
    async getMigrations() {
      const dir = new URL('../../src/platform/db/migrations/', import.meta.url);
      return Object.fromEntries(
        await Promise.all(names.map(async (n) => [n, (await import(new URL(`${n}.ts`, dir).href)) as Migration] as const)),
      );
    },
  };
  const { error } = await new Migrator({ db, provider }).migrateTo(before);
  if (error) throw error;
}

test('the migration keeps the oldest of reports that share a symbol, archives the others with an audit event, then refuses twins', async () => {
  const { database, done } = await emptyDatabase();
  try {
    const raw = database.db as unknown as Kysely<unknown>;
    await migrateBefore(raw, '0014-uniqueness');
    await sql`
      insert into member_state (iso3, iso2, m49, un_member_since, names, regional_group, search_text)
      values ('KEN', 'KE', '404', '1963-12-16', '{"en":"Kenya"}', 'African', 'kenya')`.execute(raw);
    const report = (symbol: string, at: string, archived = false) =>
      sql<{ id: string }>`
      insert into national_report (state_iso3, kind, received_on, symbol, source, created_at, archived_at)
      values ('KEN', 'additional-information', '2019-02-01', ${symbol}, 'entered', ${at}::timestamptz, ${archived ? sql`now()` : sql`null`})
      returning id`.execute(raw);
    const oldest = (await report('S/AC.44/2019/9', '2024-01-01T10:00:00Z')).rows[0]!.id;
    const second = (await report('S/AC.44/2019/9', '2024-01-01T10:00:01Z')).rows[0]!.id;
    const third = (await report('S/AC.44/2019/9', '2024-01-01T10:00:02Z')).rows[0]!.id;
    const archivedBefore = (await report('S/AC.44/2019/9', '2023-01-01T10:00:00Z', true)).rows[0]!.id;
    const other = (await report('S/AC.44/2019/10', '2024-01-01T10:00:03Z')).rows[0]!.id;
    const blank = [(await report('', '2024-01-01T10:00:04Z')).rows[0]!.id, (await report('', '2024-01-01T10:00:05Z')).rows[0]!.id];

    await migrateToLatest(raw);

    const rows = await database.db.selectFrom('national_report').select(['id', 'archived_at', 'row_version']).execute();
    const archived = new Set(rows.filter((r) => r.archived_at !== null).map((r) => r.id));
    assert.deepEqual(
      [...archived].sort(),
      [second, third, archivedBefore].sort(),
      'the later twins archived; the oldest and the others kept',
    );
    for (const kept of [oldest, other, ...blank]) assert.ok(!archived.has(kept), kept);
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'record_id', 'record_type', 'actor_label', 'after'])
      .where('record_type', '=', 'national-report')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.record_id, e.actor_label]),
      [
        ['archive', second, 'system'],
        ['archive', third, 'system'],
      ],
    );
    assert.match(
      JSON.stringify(events[0]!.after),
      new RegExp(`migration 0014-uniqueness: the symbol S/AC.44/2019/9 is that of the report ${oldest}`),
    );

    // From now on the database refuses a twin, and names the rule by the field.
    await assert.rejects(report('S/AC.44/2019/10', '2024-01-02T00:00:00Z'), (err: { code?: string; constraint?: string }) => {
      assert.equal(err.code, '23505');
      assert.equal(err.constraint, 'national_report_symbol__symbol');
      return true;
    });
    await report('S/AC.44/2019/10', '2024-01-02T00:00:00Z', true); // an archived twin is allowed
  } finally {
    await done();
  }
});
