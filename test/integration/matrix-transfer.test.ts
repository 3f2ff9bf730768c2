import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { seedDemoMatrices } from '../../src/features/matrix/versions/demo.ts';
import { diffCells } from '../../src/features/matrix/versions/diff.ts';
import { type CellRow, cellMap, cellsOf, latestApproved, type MatrixRow, openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import { importMatrices, parseFile } from '../../src/features/matrix/transfer/transfer-commands.ts';
import { zipLimits } from '../../src/features/matrix/transfer/transfer-xlsx.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { cliDatabase } from '../support/cli.ts';
import { freshDatabase } from '../support/database.ts';

// Matrices as files: XLSX, CSV and JSON round trips, the checks of an import (all or nothing,
// every problem with its place), the defences of the XLSX reader, confidentiality, the CLI.

let t: TestApp;
let db: Kysely<DB>;
const tokens: Record<'expert' | 'poc' | 'admin', string> = { expert: '', poc: '', admin: '' };
let expert: Viewer;
let admin: Viewer;

before(async () => {
  t = await testApp();
  db = t.database.db;
  // Every State gets the demonstration history: two published versions, and for some a third in the works.
  await seedDemoMatrices(db);
  for (const [w, email] of [
    ['expert', 'expert@demo.r1540.org'],
    ['poc', 'poc.mli@demo.r1540.org'],
    ['admin', 'admin@demo.r1540.org'],
  ] as const) {
    const v = (await findActiveViewer(db, email))!;
    tokens[w] = (await createApiToken(db, systemActor, v.id, 'transfer')).token;
    if (w === 'expert') expert = v;
    if (w === 'admin') admin = v;
  }
});
after(() => t.close());

const auth = (w: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[w]}` });

async function download(path: string, w?: keyof typeof tokens): Promise<Buffer> {
  const res = await t.request(path, { headers: w ? auth(w) : {} });
  assert.equal(res.status, 200, `${path}: ${res.status} ${res.status === 200 ? '' : await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

interface Located {
  field: string;
  problem: string;
  sheet?: string;
  row?: number;
  column?: string | number;
  line?: number;
  path?: string;
}

async function upload(file: Buffer, name: string, options: { dryRun?: boolean; as?: keyof typeof tokens } = {}) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(file)], name));
  if (options.dryRun) form.append('dryRun', 'true');
  const res = await t.request('/api/v1/matrix/import', { method: 'POST', headers: auth(options.as ?? 'expert'), body: form });
  const body = (await res.json()) as {
    errors?: Located[];
    changed?: number;
    states?: { state: string; version: number; newDraft: boolean; changed: string[] }[];
  };
  return { status: res.status, body };
}

/** What must stay as it was when an import is refused: the rows and the history. */
async function snapshot() {
  const count = async (table: 'matrix' | 'matrix_cell' | 'audit_event') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sen = await db.selectFrom('matrix').select(['id', 'row_version']).where('state_iso3', '=', 'SEN').orderBy('number').execute();
  return { matrices: await count('matrix'), cells: await count('matrix_cell'), events: await count('audit_event'), sen };
}

/** A cell's content as stored, to the byte: a missing cell is a blank one. */
function content(c: CellRow | undefined): string {
  return JSON.stringify(
    c
      ? [c.value, c.remarks, JSON.stringify(c.sources), c.info_date, c.instrument_status, c.instrument_date]
      : ['', '', '[]', null, null, null],
  );
}

async function assertSameCells(dbA: Kysely<DB>, a: MatrixRow, dbB: Kysely<DB>, b: MatrixRow, fields: string[]) {
  const [ca, cb] = [await cellsOf(dbA, a.id), await cellsOf(dbB, b.id)];
  assert.deepEqual(diffCells(cellMap(ca), cellMap(cb)), [], `${a.state_iso3}: the versions differ`);
  const ma = new Map(ca.map((c) => [c.field_code, c]));
  const mb = new Map(cb.map((c) => [c.field_code, c]));
  for (const f of fields) assert.equal(content(mb.get(f)), content(ma.get(f)), `${a.state_iso3} ${f}`);
}

async function fieldCodes(): Promise<string[]> {
  const tpl = await db.selectFrom('matrix_template').select('definition').where('version', '=', '2017').executeTakeFirstOrThrow();
  return tpl.definition.fields.map((f) => f.code);
}

/** SEN's open version (a draft from its latest approved version when none is open), with some cells changed. */
async function senDraftChanged(): Promise<{ approved: MatrixRow; draft: MatrixRow; changed: string[] }> {
  const approved = (await latestApproved(db, 'SEN'))!;
  const draft = (await openMatrix(db, 'SEN')) ?? (await startDraft(db, { id: expert.id, label: expert.displayName }, 'SEN'));
  const cells = new Map((await cellsOf(db, draft.id)).map((c) => [c.field_code, c]));
  const changes = ['OP1.NPT', 'OP2.USE.N.LF', 'OP3a.ACCOUNT-PRODUCTION.C.EN'].map((field) => ({
    field,
    expectedVersion: cells.get(field)?.row_version ?? 0,
    value: 'X',
    remarks: `Changed for the round trip: ${field}`,
    sources: [{ kind: 'other' as const, citation: 'A note made for the test', url: 'https://example.org/note' }],
    infoDate: '2024-02-29',
  }));
  await saveCells(db, { id: expert.id, label: expert.displayName }, expert, draft.id, changes);
  return { approved, draft, changed: changes.map((c) => c.field) };
}

describe('round trips', () => {
  test('XLSX, one State: the approved version, imported into the draft, leaves no difference', async () => {
    const fields = await fieldCodes();
    const { approved, draft, changed } = await senDraftChanged();
    const file = await download(`/api/v1/states/SEN/matrix/export?format=xlsx&version=${approved.number}&lang=fr`, 'expert');
    assert.equal(file.readUInt32LE(0), 0x04034b50, 'a zip archive');

    // The workbook as a person sees it: README first, a sheet per section, codes in the header row.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['README', 'OP1', 'OP2', 'OP3a', 'OP3b', 'OP3c', 'OP3d'],
    );
    const readme = wb.getWorksheet('README')!;
    const facts = new Map<string, string>();
    readme.eachRow((r) => facts.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    assert.equal(facts.get('template'), '2017');
    assert.equal(facts.get('demo'), 'yes');
    assert.equal(facts.get('SEN'), 'Sénégal', 'labels in the exporter’s language');
    const op2 = wb.getWorksheet('OP2')!;
    assert.deepEqual((op2.getRow(1).values as unknown[]).slice(1, 7), ['state', 'version', 'field', 'row', 'column', 'value']);
    assert.equal(op2.views[0]?.state, 'frozen');
    assert.equal(op2.getCell('F2').dataValidation?.type, 'list', 'the value column offers the legend');

    const before = await snapshot();
    const dry = await upload(file, 'sen.xlsx', { dryRun: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(await snapshot(), before, 'a dry run writes nothing');

    const res = await upload(file, 'sen.xlsx');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const sen = res.body.states!.find((s) => s.state === 'SEN')!;
    assert.equal(sen.version, draft.number);
    assert.equal(sen.newDraft, false);
    for (const f of changed) assert.ok(sen.changed.includes(f), `${f} is restored`);
    assert.deepEqual(res.body.changed, dry.body.changed);

    const after = (await openMatrix(db, 'SEN'))!;
    assert.equal(after.id, draft.id);
    await assertSameCells(db, approved, db, after, fields);
    const event = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_id', '=', draft.id)
      .where('action', '=', 'update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, expert.id);
    const audited = event.after as Record<string, { value: string }>;
    assert.deepEqual(Object.keys(audited).sort(), [...sen.changed].sort(), 'the audit names each cell changed, as saveCells does');
    assert.equal((event.before as Record<string, { value: string }>)['OP1.NPT']?.value, 'X');

    // Importing the same file again changes nothing and records nothing.
    const again = await snapshot();
    const second = await upload(file, 'sen.xlsx');
    assert.equal(second.status, 200);
    assert.equal(second.body.changed, 0);
    assert.deepEqual(await snapshot(), again);
  });

  for (const format of ['csv', 'json'] as const)
    test(`${format.toUpperCase()}, one State: the same round trip`, async () => {
      const fields = await fieldCodes();
      const { approved, draft } = await senDraftChanged();
      const file = await download(`/api/v1/states/SEN/matrix/export?format=${format}&version=${approved.number}`, 'expert');
      if (format === 'csv') {
        assert.deepEqual([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
        assert.match(file.toString('utf8', 3, 200), /^template,state,version,field,row,column,value,source_kind,citation/);
        assert.match(file.toString('utf8'), /\r\n/);
      } else assert.equal((JSON.parse(file.toString('utf8')) as { template: string }).template, '2017');
      const res = await upload(file, `sen.${format}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok((res.body.changed ?? 0) >= 3);
      await assertSameCells(db, approved, db, (await openMatrix(db, 'SEN'))!, fields);
      assert.equal((await openMatrix(db, 'SEN'))!.id, draft.id);
    });

  test('a State with no version in the works: the import starts a draft from the latest approved one', async () => {
    const candidates = await db.selectFrom('matrix').select('state_iso3').where('status', 'not in', ['approved', 'published']).execute();
    const busy = new Set(candidates.map((c) => c.state_iso3));
    const iso3 = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute())
      .map((s) => s.iso3)
      .find((s) => !busy.has(s) && s !== 'SEN')!;
    const approved = (await latestApproved(db, iso3))!;
    const doc = JSON.parse((await download(`/api/v1/states/${iso3}/matrix/export?format=json`, 'expert')).toString('utf8')) as {
      matrices: { version: number; cells: { field: string; value: string; remarks: string }[] }[];
    };
    assert.equal(doc.matrices[0]!.version, approved.number);
    const cell = doc.matrices[0]!.cells.find((c) => c.value === 'X')!;
    cell.remarks = 'Corrected in a file';
    const res = await upload(Buffer.from(JSON.stringify(doc)), 'one.json');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.states, [
      { state: iso3, version: approved.number + 1, newDraft: true, basedOn: approved.number, changed: [cell.field] },
    ]);
    const draft = (await openMatrix(db, iso3))!;
    assert.equal(draft.number, approved.number + 1);
    assert.equal(draft.based_on, approved.id);
    assert.equal(draft.demo, true);
    const changes = diffCells(cellMap(await cellsOf(db, approved.id)), cellMap(await cellsOf(db, draft.id)));
    assert.deepEqual(
      changes.map((c) => [c.field, c.changed]),
      [[cell.field, ['remarks']]],
    );
    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('record_id', '=', draft.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.actor_id]),
      [
        ['create', expert.id],
        ['update', expert.id],
      ],
    );
  });

  test('XLSX, all States: exported, imported into an empty database, every cell byte-equal', { timeout: 600_000 }, async () => {
    const fields = await fieldCodes();
    const file = await download('/api/v1/matrix/export?format=xlsx', 'expert');
    const db2 = await freshDatabase();
    try {
      const expert2 = (await findActiveViewer(db2.db, 'expert@demo.r1540.org'))!;
      const started = performance.now();
      const parsed = await parseFile(db2.db, file, 'xlsx');
      const summary = await importMatrices(db2.db, { id: expert2.id, label: expert2.displayName }, expert2, parsed);
      const ms = performance.now() - started;
      console.log(
        `# imported ${summary.states.length} matrices (${summary.cells} cells, ${summary.changed} written) from XLSX in ${(ms / 1000).toFixed(1)} s`,
      );
      assert.equal(summary.states.length, 193);
      const exported = await db
        .selectFrom('matrix')
        .selectAll()
        .where('archived_at', 'is', null)
        .orderBy('state_iso3')
        .orderBy('number', 'desc')
        .execute();
      const newest = new Map<string, MatrixRow>();
      for (const m of exported) if (!newest.has(m.state_iso3)) newest.set(m.state_iso3, m);
      assert.equal(newest.size, 193);
      for (const [iso3, m] of newest) {
        const imported = await db2.db.selectFrom('matrix').selectAll().where('state_iso3', '=', iso3).execute();
        assert.equal(imported.length, 1, `${iso3}: one version`);
        assert.equal(imported[0]!.status, 'draft');
        assert.equal(imported[0]!.demo, true, `${iso3}: still marked as demonstration data`);
        await assertSameCells(db, m, db2.db, imported[0]!, fields);
      }
      const events = await db2.db.selectFrom('audit_event').select('action').where('record_type', '=', 'matrix').execute();
      assert.equal(events.filter((e) => e.action === 'create').length, 193);
      assert.equal(events.filter((e) => e.action === 'update').length, 193);
    } finally {
      await db2.close();
    }
  });
});

/** A workbook exported, changed with exceljs, saved again. */
async function edited(file: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first data row of a sheet that passes a test. */
function rowWhere(ws: ExcelJS.Worksheet, ok: (r: ExcelJS.Row) => boolean): number {
  for (let n = 2; n <= ws.rowCount; n++) if (ok(ws.getRow(n))) return n;
  throw new Error(`no such row in ${ws.name}`);
}

/** A zip archive written by hand: entries may declare sizes they do not have. */
function zip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

describe('bad input: every problem with its place, nothing written', () => {
  let senFile: Buffer;
  before(async () => {
    const approved = (await latestApproved(db, 'SEN'))!;
    senFile = await download(`/api/v1/states/SEN/matrix/export?format=xlsx&version=${approved.number}`, 'expert');
  });

  test('a workbook with errors in three cells lists all three with sheet, row and column', async () => {
    let rows: Record<string, number> = {};
    const bad = await edited(senFile, (wb) => {
      const op2 = wb.getWorksheet('OP2')!;
      const op1 = wb.getWorksheet('OP1')!;
      const op3a = wb.getWorksheet('OP3a')!;
      rows = {
        OP2: rowWhere(op2, (r) => r.getCell('F').value === 'X'),
        OP1: 3,
        OP3a: rowWhere(op3a, (r) => !r.getCell('F').value && !r.getCell('G').value && r.getCell('P').value === 0),
      };
      op2.getCell(`F${rows.OP2}`).value = 'Y';
      op1.getCell(`C${rows.OP1}`).value = 'OP1.NOPE';
      op3a.getCell(`F${rows.OP3a}`).value = 'X';
    });
    const before = await snapshot();
    const res = await upload(bad, 'bad.xlsx');
    assert.equal(res.status, 422);
    const places = res.body.errors!.map((e) => `${e.sheet}!${e.column}${e.row}`).sort();
    assert.deepEqual(places, [`OP1!C${rows.OP1}`, `OP2!F${rows.OP2}`, `OP3a!F${rows.OP3a}`].sort(), JSON.stringify(res.body.errors));
    const byPlace = new Map(res.body.errors!.map((e) => [e.sheet, e]));
    assert.match(byPlace.get('OP2')!.problem, /"Y" is not in the legend/);
    assert.match(byPlace.get('OP1')!.problem, /OP1\.NOPE is not a field of the template 2017/);
    assert.match(byPlace.get('OP3a')!.problem, /needs at least one source/);
    assert.match(byPlace.get('OP2')!.field, /^sheet OP2, row \d+, column F \(value\)$/);
    assert.deepEqual(await snapshot(), before, 'no row and no audit event written');
  });

  test('a text file named .xlsx', async () => {
    const before = await snapshot();
    const res = await upload(Buffer.from('template,state,field,value\n2017,SEN,OP1.NPT,X\n'), 'matrix.xlsx');
    assert.equal(res.status, 422);
    assert.match(res.body.errors![0]!.problem, /this file is not an XLSX workbook/);
    assert.deepEqual(await snapshot(), before);
  });

  test('zip bombs: a huge declared size, an extreme ratio, an entry that inflates past what it declares', async () => {
    const before = await snapshot();
    const types = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };
    const huge = zip([types, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declared: 0xfffffff0 }]);
    let res = await upload(huge, 'huge.xlsx');
    assert.equal(res.status, 422);
    assert.match(res.body.errors![0]!.problem, new RegExp(`inflate to more than ${zipLimits.maxUncompressedBytes / 1024 / 1024} MB`));
    assert.equal(res.body.errors![0]!.path, 'xl/worksheets/sheet1.xml');

    const dense = zip([types, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(32 * 1024 * 1024, 0x20) }]);
    assert.ok(dense.length < 100_000, 'a few kilobytes that would be 32 MB');
    res = await upload(dense, 'dense.xlsx');
    assert.equal(res.status, 422);
    assert.match(res.body.errors![0]!.problem, /compressed \d+ to 1 \(a zip bomb\?\)/);

    const liar = zip([types, { name: '_rels/.rels', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declared: 400 }]);
    res = await upload(liar, 'liar.xlsx');
    assert.equal(res.status, 422);
    assert.match(res.body.errors![0]!.problem, /_rels\/\.rels inflates to more than it declares/);
    assert.deepEqual(await snapshot(), before);
  });

  test('a formula cell is refused, naming its sheet and cell', async () => {
    const bad = await edited(senFile, (wb) => {
      wb.getWorksheet('OP2')!.getCell('F5').value = { formula: 'CONCATENATE("X","")', result: 'X' } as ExcelJS.CellFormulaValue;
    });
    const before = await snapshot();
    const res = await upload(bad, 'formula.xlsx');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors!.length, 1);
    assert.deepEqual(
      { sheet: res.body.errors![0]!.sheet, row: res.body.errors![0]!.row, column: res.body.errors![0]!.column },
      { sheet: 'OP2', row: 5, column: 'F' },
    );
    assert.match(res.body.errors![0]!.problem, /OP2!F5 holds a formula: formulas are not accepted/);
    assert.deepEqual(await snapshot(), before);
  });

  test('a sheet with more rows than the template could need', async () => {
    const wb = new ExcelJS.Workbook();
    const readme = wb.addWorksheet('README');
    readme.addRow(['template', '2017']);
    const op1 = wb.addWorksheet('OP1');
    op1.addRow(['state', 'field', 'value']);
    const states = Number(
      (
        await db
          .selectFrom('member_state')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const limit = 1 + states * 30 * 4;
    for (let i = 0; i < limit; i++) op1.addRow(['SEN', 'OP1.NPT', 'NA']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'long.xlsx');
    assert.equal(res.status, 422);
    assert.match(res.body.errors![0]!.problem, new RegExp(`the sheet OP1 has more than ${limit} rows`));
  });

  test('a cell saved by someone else since the export is not overwritten', async () => {
    const draft = (await openMatrix(db, 'SEN'))!;
    const file = await download(`/api/v1/states/SEN/matrix/export?format=xlsx&version=${draft.number}`, 'expert');
    const cell = (await cellsOf(db, draft.id)).find((c) => c.field_code === 'OP2.USE.C.LF');
    await saveCells(db, { id: admin.id, label: admin.displayName }, admin, draft.id, [
      { field: 'OP2.USE.C.LF', expectedVersion: cell?.row_version ?? 0, value: 'NA', remarks: 'Saved meanwhile' },
    ]);
    const before = await snapshot();
    const res = await upload(file, 'stale.xlsx');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors!.length, 1, JSON.stringify(res.body.errors));
    assert.match(res.body.errors![0]!.problem, /someone else saved SEN OP2\.USE\.C\.LF since this file was exported: now "NA", saved by /);
    assert.equal(res.body.errors![0]!.sheet, 'OP2');
    assert.deepEqual(await snapshot(), before);
  });

  test('CSV: texts a spreadsheet would run are prefixed on export; an unprefixed formula is refused', async () => {
    const draft = (await openMatrix(db, 'SEN'))!;
    const cell = (await cellsOf(db, draft.id)).find((c) => c.field_code === 'OP3b.PP-FACILITIES.N.LF');
    const remarks = '=HYPERLINK("https://example.org","see")';
    await saveCells(db, { id: expert.id, label: expert.displayName }, expert, draft.id, [
      {
        field: 'OP3b.PP-FACILITIES.N.LF',
        expectedVersion: cell?.row_version ?? 0,
        value: '?',
        remarks,
        sources: [{ kind: 'law', citation: "-'+ a law, with a comma" }],
      },
    ]);
    const csv = (await download(`/api/v1/states/SEN/matrix/export?format=csv`, 'expert')).toString('utf8');
    assert.ok(csv.includes(`"'=HYPERLINK(""https://example.org"",""see"")"`), 'the remark is quoted and prefixed');
    assert.ok(csv.includes(`"'-'+ a law, with a comma"`));
    const back = await upload(Buffer.from(csv), 'sen.csv');
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal(back.body.changed, 0, 'the prefix is taken off again: no change');

    const lines = csv.split('\r\n');
    const at = lines.findIndex((l) => l.includes('HYPERLINK'));
    lines[at] = lines[at]!.replace(`"'=HYPERLINK`, '"=HYPERLINK');
    const before = await snapshot();
    const res = await upload(Buffer.from(lines.join('\r\n')), 'sen.csv');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors![0]!.line, at + 1);
    assert.equal(res.body.errors![0]!.column, 14);
    assert.match(res.body.errors![0]!.problem, /formulas are not accepted/);
    assert.deepEqual(await snapshot(), before);
  });

  test('JSON problems name their path', async () => {
    const doc = {
      template: '2017',
      matrices: [{ state: 'SEN', cells: [{ field: 'OP1.NPT', value: 'X', sources: [{ kind: 'rumour', citation: '' }] }] }],
    };
    const res = await upload(Buffer.from(JSON.stringify(doc)), 'sen.json');
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors!.map((e) => e.path).sort(), [
      'matrices[0].cells[0].sources[0].citation',
      'matrices[0].cells[0].sources[0].kind',
    ]);
  });
});

describe('who may import and export what', () => {
  test('a point of contact may not import (API or page); the page is for experts', async () => {
    const approved = (await latestApproved(db, 'MLI'))!;
    const file = await download(`/api/v1/states/MLI/matrix/export?format=xlsx&version=${approved.number}`, 'poc');
    const before = await snapshot();
    const res = await upload(file, 'mli.xlsx', { as: 'poc' });
    assert.equal(res.status, 403);
    assert.deepEqual(await snapshot(), before);

    const poc = new Client(t);
    await poc.login('poc.mli@demo.r1540.org');
    assert.equal((await poc.get('/en/states/MLI/matrix/import')).status, 403);
    const page = await (await poc.get('/en/states/MLI/matrix')).text();
    assert.match(page, /href="\/en\/states\/MLI\/matrix\/export\?format=xlsx&amp;version=\d+"/, 'downloads for those who read the matrix');
    assert.doesNotMatch(page, /matrix\/import"/);
  });

  test('the import page: a dry run shows the changes, a bad file every problem; nothing written', async () => {
    const web = new Client(t);
    await web.login('expert@demo.r1540.org');
    const form = await web.get('/en/states/SEN/matrix/import');
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<label for="import-file">/);
    const approved = (await latestApproved(db, 'SEN'))!;
    const file = await download(`/api/v1/states/SEN/matrix/export?format=json&version=${approved.number}`, 'expert');
    const post = async (body: Buffer, name: string, dryRun: boolean) => {
      const data = new FormData();
      data.append('_csrf', web.cookies.get('r1540_csrf') ?? '');
      data.append('file', new File([new Uint8Array(body)], name));
      if (dryRun) data.append('dryRun', '1');
      return web.fetch('/en/states/SEN/matrix/import', { method: 'POST', body: data });
    };
    const before = await snapshot();
    const dry = await post(file, 'sen.json', true);
    assert.equal(dry.status, 200);
    const shown = await dry.text();
    assert.match(shown, /Checked: nothing was written/);
    assert.match(shown, /cells? would change/);
    assert.deepEqual(await snapshot(), before);

    const other = await download('/api/v1/states/MLI/matrix/export?format=csv', 'expert');
    const refused = await post(other, 'mli.csv', false);
    assert.equal(refused.status, 422);
    const text = await refused.text();
    assert.match(text, /Nothing was imported/);
    assert.match(text, /this page imports the matrix of SEN; the file also holds MLI/);
    assert.match(text, /<th scope="row">line 2<\/th>/);
    assert.deepEqual(await snapshot(), before);
  });

  test('the public never gets a draft: one State, a version number, all States', async () => {
    const draft = (await openMatrix(db, 'SEN'))!;
    const one = JSON.parse((await download('/api/v1/states/SEN/matrix/export?format=json')).toString('utf8')) as {
      matrices: { state: string; version: number; status: string }[];
    };
    assert.equal(one.matrices[0]!.status, 'published');
    assert.ok(one.matrices[0]!.version < draft.number);
    assert.equal((await t.request(`/api/v1/states/SEN/matrix/export?format=json&version=${draft.number}`)).status, 404);
    assert.equal((await t.request(`/en/states/SEN/matrix/export?format=csv&version=${draft.number}`)).status, 404);
    const page = await t.request('/en/states/SEN/matrix/export?format=csv');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-disposition') ?? '', /attachment; filename="matrix-SEN-v\d+-/);

    const all = JSON.parse((await download('/api/v1/matrix/export?format=json')).toString('utf8')) as {
      matrices: { status: string; version: number }[];
    };
    assert.equal(all.matrices.length, 193);
    assert.deepEqual([...new Set(all.matrices.map((x) => x.status))], ['published']);
    const mine = JSON.parse((await download('/api/v1/matrix/export?format=json', 'expert')).toString('utf8')) as {
      matrices: { status: string }[];
    };
    assert.ok(
      mine.matrices.some((x) => x.status !== 'published'),
      'the experts get the versions in the works',
    );
    // One rule for both doors (issue 13, item 6): the public's web export is the API's, published only.
    const webAll = await t.request('/en/matrix/export?format=json');
    assert.equal(webAll.status, 200);
    const fromPage = JSON.parse(await webAll.text()) as { matrices: { status: string; version: number }[] };
    assert.deepEqual(fromPage.matrices, all.matrices);
  });
});

// `r1540 matrix import` and `export` in this process, on a database of their own (a PGlite folder,
// or a PostgreSQL database when DATABASE_URL is set).
describe('the command line', () => {
  const cli = cliDatabase('transfer');
  const { r1540 } = cli;

  test('import refuses a bad file with every place, then imports a good one; export as an account and as the public', {
    timeout: 300_000,
  }, async () => {
    const added = await r1540([
      'user',
      'add',
      '--email',
      'cli.expert@example.org',
      '--name',
      'CLI Expert',
      '--role',
      'expert',
      '--password',
      'a long enough password',
    ]);
    assert.equal(added.code, 0, added.stderr);
    const header = 'template,state,version,field,value,source_kind,citation\r\n';
    const bad = join(cli.dir, 'bad.csv');
    writeFileSync(bad, `${header}2017,SEN,,OP1.NPT,Q,law,Loi 1\r\n2017,SEN,,OP2.NOPE,NA,,\r\n`);
    const refused = await r1540(['matrix', 'import', bad, '--as', 'cli.expert@example.org']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /line 2, column 5 \(value\): "Q" is not in the legend/);
    assert.match(refused.stderr, /line 3, column 4 \(field\): OP2\.NOPE is not a field of the template 2017/);

    const good = join(cli.dir, 'good.csv');
    writeFileSync(good, `\uFEFF${header}2017,SEN,,OP1.NPT,X,law,"Loi n° 1, art. 2"\r\n2017,SEN,,OP2.USE.N.LF,NA,,\r\n`);
    const dry = await r1540(['matrix', 'import', good, '--as', 'cli.expert@example.org', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /dry run: nothing written/);
    const done = await r1540(['matrix', 'import', good, '--as', 'cli.expert@example.org']);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /SEN: 2 cells changed in version 1 \(a new draft\)/);

    const out = join(cli.dir, 'sen.json');
    const exported = await r1540(['matrix', 'export', '--state', 'SEN', '--out', out, '--as', 'cli.expert@example.org']);
    assert.equal(exported.code, 0, exported.stderr);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      matrices: {
        version: number;
        status: string;
        cells: { field: string; value: string; sources?: { citation: string }[]; rev: number }[];
      }[];
    };
    assert.equal(doc.matrices[0]!.status, 'draft');
    assert.deepEqual(
      doc.matrices[0]!.cells.filter((c) => c.rev > 0).map((c) => [c.field, c.value, c.sources?.[0]?.citation ?? null]),
      [
        ['OP1.NPT', 'X', 'Loi n° 1, art. 2'],
        ['OP2.USE.N.LF', 'NA', null],
      ],
    );
    const publicView = await r1540(['matrix', 'export', '--state', 'SEN', '--format', 'csv']);
    assert.equal(publicView.code, 1);
    assert.match(publicView.stderr, /SEN has no matrix that you may see/);
  });
});
