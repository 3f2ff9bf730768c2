// Engines: both (a representative subset: the matrix's workflow)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import type { Actor } from '../../src/platform/audit/record.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { diffCells } from '../../src/features/matrix/versions/diff.ts';
import { cellMap, cellsOf, matrixVersions } from '../../src/features/matrix/versions/matrices.ts';
import { copyTemplate } from '../../src/features/matrix/templates/templates.ts';
import { addUser } from '../../src/features/accounts/commands.ts';
import { type Viewer, visibilityScope } from '../../src/platform/policy/policy.ts';
import { AppError } from '../../src/platform/errors.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const who: Record<string, Viewer> = {};
const actor = (v: Viewer): Actor => ({ id: v.id, label: v.displayName });
const law = [{ kind: 'law' as const, citation: 'Loi n° 2016-08', locator: 'art. 3' }];

before(async () => {
  t = await testApp();
  const users = await t.database.db.selectFrom('app_user').selectAll().execute();
  for (const u of users) who[u.email.split('@')[0]!] = viewerOf(u);
  const second = await addUser(
    t.database.db,
    { id: null, label: 'test' },
    {
      email: 'expert2@example.org',
      displayName: 'Second Expert',
      role: 'expert',
      password: 'a long enough password',
    },
  );
  who.expert2 = viewerOf(second);
  const poc = await addUser(
    t.database.db,
    { id: null, label: 'test' },
    {
      email: 'poc.fra@example.org',
      displayName: 'POC France',
      role: 'state-contact',
      stateIso3: 'FRA',
      password: 'a long enough password',
    },
  );
  who.pocFra = viewerOf(poc);
});
after(() => t.close());

function expectProblem(err: unknown, code: string, field: RegExp): boolean {
  assert.ok(err instanceof AppError, String(err));
  assert.equal(err.code, code);
  assert.ok(
    err.fields.some((f) => field.test(f.field)),
    JSON.stringify(err.fields),
  );
  return true;
}

test('a matrix goes from draft to publication, and an approved version never changes', async () => {
  const db = t.database.db;
  const expert = who.expert!;
  const draft = await startDraft(db, actor(expert), 'MLI');
  assert.equal(draft.number, 1);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.confidentiality, 'committee-and-state');
  await assert.rejects(startDraft(db, actor(expert), 'MLI'), /already has a matrix version in the works/);

  await saveCells(db, actor(expert), expert, draft.id, [
    { field: 'OP2.MANUFACTURE.N.LF', expectedVersion: 0, value: 'X', sources: law },
    { field: 'OP1.NPT', expectedVersion: 0, value: 'X', sources: law, instrumentStatus: 'ratified', instrumentDate: '1970-02-10' },
  ]);
  await assert.rejects(
    saveCells(db, actor(expert), expert, draft.id, [
      { field: 'OP2.ACQUIRE.N.LF', expectedVersion: 0, value: 'X' },
      { field: 'OP9.NOTHING', expectedVersion: 0, value: 'X', sources: law },
      { field: 'OP2.USE.C.EN', expectedVersion: 0, value: 'Y' },
    ]),
    (err) =>
      expectProblem(err, 'validation', /^OP2\.ACQUIRE\.N\.LF\.sources$/) &&
      expectProblem(err, 'validation', /^OP9\.NOTHING$/) &&
      expectProblem(err, 'validation', /^OP2\.USE\.C\.EN\.value$/),
  );
  assert.equal((await cellsOf(db, draft.id)).length, 2, 'nothing of the bad save was written');

  // Neither the public nor another State's point of contact sees the draft; Mali's does.
  assert.equal((await matrixVersions(db, visibilityScope(null), 'MLI')).length, 0);
  assert.equal((await matrixVersions(db, visibilityScope(who.pocFra!), 'MLI')).length, 0);
  assert.equal((await matrixVersions(db, visibilityScope(who['poc.mli']!), 'MLI')).length, 1);

  await moveMatrix(db, actor(expert), expert, draft.id, 'sent');
  await assert.rejects(moveMatrix(db, actor(who.pocFra!), who.pocFra!, draft.id, 'commented'), /may not/);
  await moveMatrix(db, actor(who['poc.mli']!), who['poc.mli']!, draft.id, 'commented');
  await assert.rejects(moveMatrix(db, actor(expert), expert, draft.id, 'approved'), /cannot become approved/);
  await moveMatrix(db, actor(expert), expert, draft.id, 'agreed');
  await assert.rejects(moveMatrix(db, actor(expert), expert, draft.id, 'approved'), /may not/);
  await moveMatrix(db, actor(who.committee!), who.committee!, draft.id, 'approved');

  await assert.rejects(
    saveCells(db, actor(expert), expert, draft.id, [{ field: 'OP2.USE.N.LF', expectedVersion: 0, value: 'NA' }]),
    /never changes/,
  );
  await assert.rejects(sql`update matrix_cell set value = '?' where matrix_id = ${draft.id}`.execute(db), /never changes/);
  await assert.rejects(sql`delete from matrix_cell where matrix_id = ${draft.id}`.execute(db), /never changes/);

  const published = await moveMatrix(db, actor(who.secretariat!), who.secretariat!, draft.id, 'published');
  assert.equal(published.confidentiality, 'public');
  assert.equal((await matrixVersions(db, visibilityScope(null), 'MLI')).length, 1);

  // The next version starts as a copy of the approved one; the comparison shows what changed.
  const next = await startDraft(db, actor(expert), 'MLI');
  assert.equal(next.number, 2);
  assert.equal(next.based_on, draft.id);
  const copied = await cellsOf(db, next.id);
  assert.equal(copied.length, 2);
  const npt = copied.find((c) => c.field_code === 'OP1.NPT')!;
  assert.equal(npt.instrument_status, 'ratified');
  const manufacture = copied.find((c) => c.field_code === 'OP2.MANUFACTURE.N.LF')!;
  await saveCells(db, actor(expert), expert, next.id, [
    { field: 'OP2.MANUFACTURE.N.LF', expectedVersion: manufacture.row_version, value: '?', sources: law, remarks: 'incomplete' },
  ]);
  const changes = diffCells(cellMap(await cellsOf(db, draft.id)), cellMap(await cellsOf(db, next.id)));
  assert.deepEqual(
    changes.map((c) => [c.field, c.from?.value, c.to?.value, c.changed]),
    [['OP2.MANUFACTURE.N.LF', 'X', '?', ['value', 'remarks']]],
  );
});

test('two experts editing one draft: the stale save is refused and shows the other change', async () => {
  const db = t.database.db;
  const draft = await startDraft(db, actor(who.expert!), 'PER');
  await saveCells(db, actor(who.expert!), who.expert!, draft.id, [
    { field: 'OP3d.CATCH-ALL.C.LF', expectedVersion: 0, value: 'X', sources: law },
  ]);
  await assert.rejects(
    saveCells(db, actor(who.expert2!), who.expert2!, draft.id, [
      { field: 'OP3d.CATCH-ALL.C.LF', expectedVersion: 0, value: 'NA' },
      { field: 'OP3d.TRANSIT.C.LF', expectedVersion: 0, value: 'NA' },
    ]),
    (err) => {
      assert.ok(err instanceof AppError && err.code === 'conflict');
      assert.match(err.fields[0]!.problem, /now "X", saved by Demo Expert/);
      return true;
    },
  );
  const cells = await cellsOf(db, draft.id);
  assert.deepEqual(
    cells.map((c) => [c.field_code, c.value]),
    [['OP3d.CATCH-ALL.C.LF', 'X']],
  );
});

test('a template that a matrix uses is locked from then on', async () => {
  const db = t.database.db;
  await copyTemplate(db, actor(who.admin!), '2017', 'trial');
  await startDraft(db, actor(who.expert!), 'CHL', { templateVersion: 'trial' });
  const trial = await db.selectFrom('matrix_template').select('locked_at').where('version', '=', 'trial').executeTakeFirstOrThrow();
  assert.notEqual(trial.locked_at, null);
});
