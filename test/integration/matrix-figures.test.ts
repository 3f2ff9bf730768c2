import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const who: Record<string, Viewer> = {};
const src = [{ kind: 'law' as const, citation: 'Test law' }];

/** Publishes a matrix for a State with these values, dated `publishedOn`. */
async function publish(iso3: string, values: Record<string, 'X' | '?' | 'NA'>, publishedOn: string) {
  const db = t.database.db;
  const e = who.expert!;
  const m = await startDraft(db, { id: e.id, label: e.displayName }, iso3);
  await saveCells(
    db,
    { id: e.id, label: e.displayName },
    e,
    m.id,
    Object.entries(values).map(([field, value]) => ({ field, expectedVersion: 0, value, sources: value === 'NA' ? [] : src })),
  );
  await moveMatrix(db, { id: e.id, label: '' }, e, m.id, 'sent');
  await moveMatrix(db, { id: e.id, label: '' }, e, m.id, 'agreed');
  await moveMatrix(db, { id: who.committee!.id, label: '' }, who.committee!, m.id, 'approved');
  await moveMatrix(db, { id: who.secretariat!.id, label: '' }, who.secretariat!, m.id, 'published');
  await sql`update matrix set published_at = ${`${publishedOn}T12:00:00Z`} where id = ${m.id}`.execute(db);
}

before(async () => {
  t = await testApp();
  for (const u of await t.database.db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  // Hand-made: Mali 3 X (two OP2, one OP1), Niger 1 X and a ?, France 2 X (OP3d) and an NA.
  await publish('MLI', { 'OP2.MANUFACTURE.N.LF': 'X', 'OP2.ACQUIRE.C.EN': 'X', 'OP1.NPT': 'X' }, '2018-06-01');
  await publish('NER', { 'OP2.MANUFACTURE.N.LF': 'X', 'OP2.USE.B.LF': '?' }, '2018-09-01');
  await publish('FRA', { 'OP3d.CATCH-ALL.C.LF': 'X', 'OP3d.TRANSIT.N.EN': 'X', 'OP2.USE.B.LF': 'NA' }, '2019-03-01');
});
after(() => t.close());

async function figures(query: string) {
  const res = await t.request(`/api/v1/matrix/figures?${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { states: number; fields: number; data: unknown };
}

test('X per State, as at a date, from published matrices only', async () => {
  const end2018 = await figures('asOf=2018-12-31&by=state');
  assert.equal(end2018.states, 2);
  const totals = Object.fromEntries((end2018.data as { iso3: string; total: number }[]).map((r) => [r.iso3, r.total]));
  assert.deepEqual(totals, { MLI: 3, NER: 1 });
  const now = await figures('by=state');
  assert.equal(now.states, 3);
  const before = await figures('asOf=2018-01-01');
  assert.equal(before.states, 0);
});

test('by paragraph, weapon type, legal framework against enforcement', async () => {
  const p = (await figures('by=paragraph')).data as { iso3: string; byParagraph: Record<string, number> }[];
  assert.deepEqual(p.find((r) => r.iso3 === 'MLI')?.byParagraph, { OP1: 1, OP2: 2, OP3a: 0, OP3b: 0, OP3c: 0, OP3d: 0 });
  const w = (await figures('by=weapon-type')).data as { iso3: string; byWeaponType: Record<string, number> }[];
  assert.equal(w.find((r) => r.iso3 === 'FRA')?.byWeaponType.chemical, 1);
  assert.equal(w.find((r) => r.iso3 === 'FRA')?.byWeaponType.nuclear, 1);
  const le = (await figures('by=legal-enforcement')).data as {
    iso3: string;
    legalFramework: number;
    enforcement: number;
    instrument: number;
  }[];
  assert.deepEqual(
    le.find((r) => r.iso3 === 'MLI'),
    { iso3: 'MLI', legalFramework: 1, enforcement: 1, instrument: 1 },
  );
});

test('averages by regional group, and bad parameters named', async () => {
  const g = (await figures('by=regional-group')).data as {
    all: { states: number; mean: number };
    groups: { group: string; mean: number }[];
  };
  assert.equal(g.all.states, 3);
  assert.equal(g.all.mean, 2);
  assert.equal(g.groups.find((x) => x.group === 'african')?.mean, 2);
  const bad = await t.request('/api/v1/matrix/figures?asOf=31/12/2018&by=colour');
  assert.equal(bad.status, 422);
  const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['asOf', 'by']);
  assert.equal((await t.request('/api/v1/matrix/figures?template=1999')).status, 404);
});
