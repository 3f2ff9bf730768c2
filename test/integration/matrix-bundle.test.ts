// Matrices and templates in the export/import bundle: what each viewer exports, a round trip
// into an empty database, and the rule that an approved version never changes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { type Bundle, exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

let source: Database;
let target: Database;

async function viewer(db: Kysely<DB>, email: string): Promise<Viewer> {
  return viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

type MatrixRec = { state: string; number: number; status: string; cells: { field: string; value: string }[] };
const matrices = (b: Bundle) => b.sections.matrices as MatrixRec[];
const keys = (b: Bundle) => matrices(b).map((m) => `${m.state}/${m.number}:${m.status}`);

const law = [{ kind: 'law' as const, citation: 'Loi n° 2016-31', locator: 'art. 4' }];

before(async () => {
  [source, target] = await Promise.all([freshDatabase(), freshDatabase()]);
  const db = source.db;
  const expert = await viewer(db, 'expert@demo.r1540.org');
  const committee = await viewer(db, 'committee@demo.r1540.org');
  const secretariat = await viewer(db, 'secretariat@demo.r1540.org');
  const poc = await viewer(db, 'poc.mli@demo.r1540.org');
  // MLI: version 1 published, version 2 in the works (sent to the State). NER: a draft only.
  const v1 = await startDraft(db, actorOf(expert), 'MLI');
  await saveCells(db, actorOf(expert), expert, v1.id, [
    { field: 'OP2.USE.N.LF', expectedVersion: 0, value: 'X', sources: law, infoDate: '2018-05-02' },
    { field: 'OP2.USE.C.LF', expectedVersion: 0, value: 'NA', remarks: 'Pas d’industrie chimique' },
  ]);
  for (const [who, to] of [
    [expert, 'sent'],
    [poc, 'commented'],
    [expert, 'agreed'],
    [committee, 'approved'],
    [secretariat, 'published'],
  ] as const)
    await moveMatrix(db, actorOf(who), who, v1.id, to);
  const v2 = await startDraft(db, actorOf(expert), 'MLI');
  await saveCells(db, actorOf(expert), expert, v2.id, [{ field: 'OP2.USE.B.LF', expectedVersion: 0, value: '?', sources: law }]);
  await moveMatrix(db, actorOf(expert), expert, v2.id, 'sent');
  await startDraft(db, actorOf(expert), 'NER');
});
after(() => Promise.all([source.close(), target.close()]));

test('each viewer exports the versions they may see: the public the published ones, a point of contact its own State’s drafts', async () => {
  const db = source.db;
  const pub = await exportBundle(db, null);
  const poc = await exportBundle(db, await viewer(db, 'poc.mli@demo.r1540.org'));
  const expert = await exportBundle(db, await viewer(db, 'expert@demo.r1540.org'));
  assert.deepEqual(keys(pub), ['MLI/1:published']);
  assert.deepEqual(keys(poc), ['MLI/1:published', 'MLI/2:sent']);
  assert.deepEqual(keys(expert), ['MLI/1:published', 'MLI/2:sent', 'NER/1:draft']);
  assert.deepEqual(
    (pub.sections['matrix-templates'] as { version: string }[]).map((t) => t.version),
    ['2017'],
  );
  const v2 = matrices(expert).find((m) => m.number === 2)!;
  assert.equal(v2.cells.length, 3, 'the draft carries the published cells and its own');
  assert.deepEqual(
    matrices(expert)[0]!.cells.map((c) => `${c.field}=${c.value}`),
    ['OP2.USE.C.LF=NA', 'OP2.USE.N.LF=X'],
  );
});

test('a bundle moves the whole history into an empty database, and a second import changes nothing', async () => {
  const exported = await exportBundle(source.db, await viewer(source.db, 'admin@demo.r1540.org'));
  const admin = await viewer(target.db, 'admin@demo.r1540.org');
  const first = await importBundle(target.db, actorOf(admin), admin, JSON.parse(JSON.stringify(exported)));
  assert.deepEqual(first.sections.matrices, { created: 3, updated: 0, unchanged: 0 });
  assert.deepEqual(first.sections['matrix-templates'], { created: 0, updated: 0, unchanged: 1 });
  const again = await exportBundle(target.db, admin);
  assert.deepEqual(again.sections.matrices, exported.sections.matrices);
  const second = await importBundle(target.db, actorOf(admin), admin, JSON.parse(JSON.stringify(exported)));
  assert.deepEqual(second.sections.matrices, { created: 0, updated: 0, unchanged: 3 });
  // The imported version 2 is based on the imported version 1.
  const rows = await target.db
    .selectFrom('matrix')
    .select(['id', 'number', 'based_on'])
    .where('state_iso3', '=', 'MLI')
    .orderBy('number')
    .execute();
  assert.equal(rows[1]!.based_on, rows[0]!.id);
});

test('an approved version that differs is refused, an open one is updated, and the problems name the record', async () => {
  const admin = await viewer(target.db, 'admin@demo.r1540.org');
  const exported = await exportBundle(target.db, admin);
  const changed = JSON.parse(JSON.stringify(exported)) as Bundle;
  const list = changed.sections.matrices as MatrixRec[];
  list[0]!.cells[0]!.value = '';
  list[1]!.cells.push({ field: 'OP9.NOPE', value: 'NA' } as MatrixRec['cells'][number]);
  const before = await target.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  try {
    await importBundle(target.db, actorOf(admin), admin, changed);
    assert.fail('expected the import to be refused');
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    const fields = err.fields.map((f) => `${f.field}: ${f.problem}`).join('\n');
    assert.match(fields, /sections\.matrices\[0\]\.cells: MLI\/1 is published and never changes/);
    assert.match(fields, /sections\.matrices\[1\]\.cells\[3\]\.field: OP9\.NOPE is not a field of the template 2017/);
  }
  const afterCount = await target.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(afterCount.n, before.n, 'nothing written');

  // The open version 2 takes the bundle's cells.
  const fixed = JSON.parse(JSON.stringify(exported)) as Bundle;
  (fixed.sections.matrices as MatrixRec[])[1]!.cells.find((c) => c.field === 'OP2.USE.C.LF')!.value = '';
  const result = await importBundle(target.db, actorOf(admin), admin, fixed);
  assert.deepEqual(result.sections.matrices, { created: 0, updated: 1, unchanged: 2 });
  const v2 = await target.db
    .selectFrom('matrix_cell')
    .innerJoin('matrix', 'matrix.id', 'matrix_cell.matrix_id')
    .select(['field_code', 'value'])
    .where('state_iso3', '=', 'MLI')
    .where('number', '=', 2)
    .where('field_code', '=', 'OP2.USE.C.LF')
    .executeTakeFirstOrThrow();
  assert.equal(v2.value, '');
});

test('a point of contact may not import matrices', async () => {
  const poc = await viewer(target.db, 'poc.mli@demo.r1540.org');
  const exported = await exportBundle(target.db, poc);
  await assert.rejects(
    importBundle(target.db, actorOf(poc), poc, exported),
    (err: unknown) => err instanceof AppError && err.code === 'forbidden',
  );
});
