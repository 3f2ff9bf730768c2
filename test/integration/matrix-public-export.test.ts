// The public's export of every State's matrix is built once and kept until something it shows
// changes: a new publication shows at once, a draft never does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const who: Record<string, Viewer> = {};
before(async () => {
  t = await testApp();
  for (const w of ['expert', 'committee', 'secretariat', 'poc.mli'])
    who[w] = (await findActiveViewer(t.database.db, `${w}@demo.r1540.org`))!;
});
after(() => t.close());

async function publishWith(value: 'X' | 'NA', remarks: string) {
  const db = t.database.db;
  const draft = await startDraft(db, actorOf(who.expert!), 'MLI');
  const current = await db
    .selectFrom('matrix_cell')
    .select('row_version')
    .where('matrix_id', '=', draft.id)
    .where('field_code', '=', 'OP2.USE.N.LF')
    .executeTakeFirst();
  await saveCells(db, actorOf(who.expert!), who.expert!, draft.id, [
    {
      field: 'OP2.USE.N.LF',
      expectedVersion: current?.row_version ?? 0,
      value,
      remarks,
      sources: [{ kind: 'law', citation: 'Loi n° 2016-31' }],
    },
  ]);
  for (const [w, to] of [
    ['expert', 'sent'],
    ['expert', 'agreed'],
    ['committee', 'approved'],
    ['secretariat', 'published'],
  ] as const)
    await moveMatrix(db, actorOf(who[w]!), who[w]!, draft.id, to);
  return draft;
}

const publicExport = async () => {
  const res = await t.request('/api/v1/matrix/export?format=json');
  assert.equal(res.status, 200);
  return res.text();
};

test('the public export shows each new publication at once and never a draft', async () => {
  await publishWith('X', 'first publication');
  const first = await publicExport();
  assert.match(first, /first publication/);
  assert.equal(await publicExport(), first, 'the same export while nothing changed');

  // A draft in the works changes nothing the public sees.
  const draft = await startDraft(t.database.db, actorOf(who.expert!), 'MLI');
  await saveCells(t.database.db, actorOf(who.expert!), who.expert!, draft.id, [
    { field: 'OP2.USE.C.LF', expectedVersion: 0, value: 'NA', remarks: 'draft only' },
  ]);
  const withDraft = await publicExport();
  assert.doesNotMatch(withDraft, /draft only/);
  await moveMatrix(t.database.db, actorOf(who.expert!), who.expert!, draft.id, 'sent');
  await moveMatrix(t.database.db, actorOf(who.expert!), who.expert!, draft.id, 'agreed');
  await moveMatrix(t.database.db, actorOf(who.committee!), who.committee!, draft.id, 'approved');
  assert.doesNotMatch(await publicExport(), /draft only/, 'approved is not yet published');
  await moveMatrix(t.database.db, actorOf(who.secretariat!), who.secretariat!, draft.id, 'published');
  const second = await publicExport();
  assert.match(second, /draft only/, 'published now');
  assert.match(second, /first publication/);
});

test('the page and the API give the public the same export of every State: the published matrices (one rule)', async () => {
  const api = await t.request('/api/v1/matrix/export?format=json&lang=fr');
  const page = await t.request('/fr/matrix/export?format=json');
  assert.equal(api.status, 200);
  assert.equal(page.status, 200, 'the page serves the public too');
  const matrices = (res: string) => (JSON.parse(res) as { matrices: { state: string; number: number; status: string }[] }).matrices;
  const fromApi = matrices(await api.text());
  const fromPage = matrices(await page.text());
  assert.ok(fromApi.length > 0);
  assert.deepEqual(fromPage, fromApi);
  assert.deepEqual(
    fromPage.filter((x) => x.status !== 'published'),
    [],
    'only published versions',
  );
});
