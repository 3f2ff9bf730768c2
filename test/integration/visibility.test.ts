import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { type Generated, sql } from 'kysely';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { visibleTo } from '../../src/platform/db/visibility.ts';
import { type Confidentiality, confidentialityLevels, roles } from '../../src/platform/policy/levels.ts';
import { canSee, type Viewer, visibilityScope } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

type ProbeTable = {
  id: Generated<number>;
  confidentiality: Confidentiality;
  state_iso3: string | null;
};

type ProbeDB = {
  visibility_probe: ProbeTable;
  visibility_probe_all: ProbeTable;
};

const states = ['MLI', 'FRA', 'PER', null] as const;

const viewerArb: fc.Arbitrary<Viewer | null> = fc.option(
  fc
    .record({
      role: fc.constantFrom(...roles),
      stateIso3: fc.constantFrom(...states),
      organizationCode: fc.constantFrom('IAEA', null),
    })
    .map((v) => ({ id: 'viewer', email: 'viewer@example.org', displayName: 'Viewer', ...v })),
  { nil: null },
);

const rowArb = fc.record({
  confidentiality: fc.constantFrom(...confidentialityLevels),
  state_iso3: fc.constantFrom(...states),
});

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

describe('visibleTo (SQL) agrees with canSee', () => {
  test('for random viewers and rows, the query returns exactly the rows canSee keeps', async () => {
    // A temporary table lives on one connection: run everything on a single one.
    await database.db.connection().execute(async (conn) => {
      const db = conn.withTables<ProbeDB>();
      await sql`create temporary table visibility_probe (
        id serial primary key,
        confidentiality text not null,
        state_iso3 text
      )`.execute(db);
      await fc.assert(
        fc.asyncProperty(
          fc.array(rowArb, { maxLength: 25 }),
          fc.array(viewerArb, { minLength: 1, maxLength: 4 }),
          async (rows, viewersOfRun) => {
            await sql`truncate visibility_probe`.execute(db);
            const inserted = rows.length
              ? await db.insertInto('visibility_probe').values(rows).returning(['id', 'confidentiality', 'state_iso3']).execute()
              : [];
            for (const viewer of viewersOfRun) {
              const found = await db
                .selectFrom('visibility_probe')
                .select('id')
                .where(visibleTo<DB & ProbeDB, 'visibility_probe'>(visibilityScope(viewer), 'state_iso3'))
                .orderBy('id')
                .execute();
              const expected = inserted.filter((r) => canSee(viewer, r.confidentiality, r.state_iso3)).map((r) => r.id);
              assert.deepEqual(
                found.map((r) => r.id),
                expected.sort((a, b) => a - b),
                `viewer ${JSON.stringify(viewer)}`,
              );
            }
          },
        ),
        { numRuns: 150 },
      );
      await sql`drop table visibility_probe`.execute(db);
    });
  });

  test('every combination, once, for every kind of viewer', async () => {
    await database.db.connection().execute(async (conn) => {
      const db = conn.withTables<ProbeDB>();
      await sql`create temporary table visibility_probe_all (
        id serial primary key,
        confidentiality text not null,
        state_iso3 text
      )`.execute(db);
      const rows = confidentialityLevels.flatMap((confidentiality) => states.map((state_iso3) => ({ confidentiality, state_iso3 })));
      const inserted = await db.insertInto('visibility_probe_all').values(rows).returningAll().execute();
      const viewers: (Viewer | null)[] = [null];
      for (const role of roles)
        for (const stateIso3 of states)
          viewers.push({ id: 'v', email: 'v@example.org', displayName: 'V', role, stateIso3, organizationCode: null });
      for (const viewer of viewers) {
        const found = await db
          .selectFrom('visibility_probe_all')
          .select('id')
          .where(visibleTo<DB & ProbeDB, 'visibility_probe_all'>(visibilityScope(viewer), 'state_iso3'))
          .orderBy('id')
          .execute();
        assert.deepEqual(
          found.map((r) => r.id),
          inserted.filter((r) => canSee(viewer, r.confidentiality, r.state_iso3)).map((r) => r.id),
          `viewer ${JSON.stringify(viewer)}`,
        );
      }
      await sql`drop table visibility_probe_all`.execute(db);
    });
  });
});
