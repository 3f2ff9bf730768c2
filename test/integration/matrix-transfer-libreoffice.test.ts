// The exported workbook in a real spreadsheet: LibreOffice Calc opens it and saves it again, and
// r1540 reads the saved workbook back with every cell as it was. This is what happens when an
// expert opens an export, looks at it and sends it back.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { Messages } from '../../src/platform/i18n/i18n.ts';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { cellsOf, openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import { exportFile, exportMatrices, importMatrices, parseFile } from '../../src/features/matrix/transfer/transfer-commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';

const run = promisify(execFile);

/**
 * LibreOffice is a system package (`apt-get install libreoffice-calc-nogui`). Without it the test
 * is skipped and says so, unless R1540_REQUIRE_SYSTEM_TOOLS is set, as `.ci/run` does: then its
 * absence fails the test.
 */
const soffice = await run('soffice', ['--version'], { timeout: 60_000 }).then(
  () => true,
  () => false,
);
const skip = soffice || process.env.R1540_REQUIRE_SYSTEM_TOOLS ? false : 'LibreOffice (soffice) is not installed';
let t: TestApp;
let work: string;
const who: Record<string, Viewer> = {};

before(async () => {
  if (skip) return;
  t = await testApp();
  work = mkdtempSync(join(tmpdir(), 'r1540-lo-'));
  const db = t.database.db;
  for (const email of ['expert', 'committee', 'secretariat', 'poc.mli'])
    who[email] = (await findActiveViewer(db, `${email}@demo.r1540.org`))!;
  const expert = who.expert!;
  const v1 = await startDraft(db, actorOf(expert), 'MLI');
  await saveCells(db, actorOf(expert), expert, v1.id, [
    {
      field: 'OP2.USE.N.LF',
      expectedVersion: 0,
      value: 'X',
      infoDate: '2016-12-30',
      remarks: 'Loi n° 2016-31 « sur la sûreté » — art. 4 ; نص عربي ; 中文备注',
      sources: [
        { kind: 'law', citation: 'Loi n° 2016-31', locator: 'art. 4', language: 'fr' },
        { kind: 'website', citation: 'Journal officiel', url: 'https://sgg-mali.ml/jo/2016-31', language: 'fr' },
      ],
    },
    {
      field: 'OP2.USE.C.LF',
      expectedVersion: 0,
      value: '?',
      sources: [{ kind: 'national-report', citation: 'S/AC.44/2004/(02)/61', locator: 'p. 3' }],
    },
    { field: 'OP2.USE.B.LF', expectedVersion: 0, value: 'NA', remarks: '=1+1 is text, not a formula' },
    {
      field: 'OP1.NPT',
      expectedVersion: 0,
      value: 'X',
      instrumentStatus: 'acceded',
      instrumentDate: '1970-02-10',
      sources: [{ kind: 'organization', citation: 'UNODA treaty database' }],
    },
  ]);
  for (const [w, to] of [
    ['expert', 'sent'],
    ['poc.mli', 'commented'],
    ['expert', 'agreed'],
    ['committee', 'approved'],
    ['secretariat', 'published'],
  ] as const)
    await moveMatrix(db, actorOf(who[w]!), who[w]!, v1.id, to);
});
after(async () => {
  if (skip) return;
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

test('a workbook saved again by LibreOffice Calc imports with no change, every value, source and date intact', { skip }, async () => {
  const db = t.database.db;
  const data = await exportMatrices(db, null, { locale: 'fr', state: 'MLI' });
  const exported = await exportFile(data, 'xlsx', new Messages('fr'));
  writeFileSync(join(work, 'mli.xlsx'), exported.body);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--calc',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(work, 'out'),
      join(work, 'mli.xlsx'),
    ],
    { timeout: 90_000 },
  );
  const resaved = readFileSync(join(work, 'out', 'mli.xlsx'));
  assert.notDeepEqual(resaved, exported.body, 'LibreOffice wrote its own workbook');

  const parsed = await parseFile(db, resaved, 'xlsx');
  assert.deepEqual(parsed.problems, [], 'the workbook saved by LibreOffice reads without a problem');
  const byField = new Map(parsed.cells.filter((c) => c.value !== '').map((c) => [c.field, c]));
  assert.deepEqual([...byField.keys()].sort(), ['OP1.NPT', 'OP2.USE.B.LF', 'OP2.USE.C.LF', 'OP2.USE.N.LF']);
  const use = byField.get('OP2.USE.N.LF')!;
  assert.equal(use.value, 'X');
  assert.equal(use.infoDate, '2016-12-30', 'a date stays a date');
  assert.equal(use.remarks, 'Loi n° 2016-31 « sur la sûreté » — art. 4 ; نص عربي ; 中文备注');
  assert.deepEqual(
    use.sources.map((s) => [s.kind, s.citation, s.locator ?? '', s.url ?? '', s.language ?? '']),
    [
      ['law', 'Loi n° 2016-31', 'art. 4', '', 'fr'],
      ['website', 'Journal officiel', '', 'https://sgg-mali.ml/jo/2016-31', 'fr'],
    ],
  );
  assert.equal(byField.get('OP2.USE.B.LF')!.remarks, '=1+1 is text, not a formula');
  assert.equal(byField.get('OP1.NPT')!.instrumentStatus, 'acceded');
  assert.equal(byField.get('OP1.NPT')!.instrumentDate, '1970-02-10');

  // Imported into the next version: nothing differs from the published one.
  const summary = await importMatrices(db, actorOf(who.expert!), who.expert!, parsed);
  assert.equal(summary.changed, 0, JSON.stringify(summary.states));
  const draft = await startDraft(db, actorOf(who.expert!), 'MLI');
  assert.equal((await openMatrix(db, 'MLI'))?.id, draft.id);
  const again = await importMatrices(db, actorOf(who.expert!), who.expert!, parsed);
  assert.equal(again.changed, 0);
  assert.equal((await cellsOf(db, draft.id)).filter((c) => c.value !== '').length, 4);
});
