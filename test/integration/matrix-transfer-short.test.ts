import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { cellsOf, type MatrixRow } from '../../src/features/matrix/versions/matrices.ts';
import { zipLimits } from '../../src/features/matrix/transfer/transfer-xlsx.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { inflateEntry, zipDirectory } from '../../src/platform/formats/zip-read.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';

// A matrix file that is cut short, or a cell that does not say its value, never blanks a cell:
// a CSV line with fewer (or more) fields than the header, a JSON cell without `value` and a
// workbook sheet whose XML stops early are refused at their place, and nothing is written. A blank
// is said: an empty value field with every field there (CSV), `"value": null` or "" (JSON).

const field = 'OP3b.PP-FACILITIES.N.LF';
const sources = [
  { kind: 'law' as const, citation: 'Law 2015-12 on nuclear security', locator: 'art. 4' },
  { kind: 'website' as const, citation: 'Ministry of Energy', url: 'https://energy.example.org/facilities' },
];

let t: TestApp;
let db: Kysely<DB>;
let token = '';
let expert: Viewer;
let draft: MatrixRow;

before(async () => {
  t = await testApp();
  db = t.database.db;
  expert = (await findActiveViewer(db, 'expert@demo.r1540.org'))!;
  token = (await createApiToken(db, systemActor, expert.id, 'short files')).token;
  draft = await startDraft(db, { id: expert.id, label: expert.displayName }, 'NER');
  await saveCells(db, { id: expert.id, label: expert.displayName }, expert, draft.id, [
    { field, expectedVersion: 0, value: 'X', sources, remarks: 'Kept in the register.' },
  ]);
});
after(() => t.close());

const auth = () => ({ authorization: `Bearer ${token}` });

/** The cell back as it was (an X with two sources), for the tests after a blank. */
async function restoreX() {
  const now = (await cellsOf(db, draft.id)).find((c) => c.field_code === field);
  await saveCells(db, { id: expert.id, label: expert.displayName }, expert, draft.id, [
    { field, expectedVersion: now?.row_version ?? 0, value: 'X', sources, remarks: 'Kept in the register.' },
  ]);
}

async function download(format: 'csv' | 'json' | 'xlsx'): Promise<Buffer> {
  const res = await t.request(`/api/v1/states/NER/matrix/export?format=${format}&version=${draft.number}`, { headers: auth() });
  assert.equal(res.status, 200, await res.clone().text());
  return Buffer.from(await res.arrayBuffer());
}

interface Problem {
  field: string;
  problem: string;
  line?: number;
  column?: number | string;
  path?: string;
  sheet?: string;
}

async function upload(file: Buffer, name: string): Promise<{ status: number; errors: Problem[] }> {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(file)], name));
  const res = await t.request('/api/v1/matrix/import', { method: 'POST', headers: auth(), body: form });
  const body = (await res.json()) as { errors?: Problem[] };
  return { status: res.status, errors: body.errors ?? [] };
}

/** The cell as stored, and how many audit events there are: what a refused import leaves as it was. */
async function state() {
  const cell = (await cellsOf(db, draft.id)).find((c) => c.field_code === field);
  const events = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { value: cell?.value ?? '', sources: cell?.sources ?? [], remarks: cell?.remarks ?? '', events: Number(events.n) };
}

async function assertUntouched(before: Awaited<ReturnType<typeof state>>) {
  const now = await state();
  assert.equal(now.value, 'X', 'the X stays');
  assert.equal(now.sources.length, 2, 'its sources stay');
  assert.deepEqual(now, before, 'nothing written, no audit event');
}

/** A CSV line's fields as written (quotes kept): joined with commas, the line again. */
function fieldsOf(line: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ',' && !quoted) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out;
}

describe('CSV', () => {
  let lines: string[];
  let at: number;
  before(async () => {
    const text = (await download('csv')).toString('utf8').replace(/^\uFEFF/, '');
    lines = text.split('\r\n');
    at = lines.findIndex((l) => fieldsOf(l)[3] === field);
    assert.ok(at > 0 && fieldsOf(lines[at]!)[6] === 'X', 'the exported line of the cell');
    assert.equal(fieldsOf(lines[0]!).length, 17);
  });

  test('a file cut in the middle of a line is refused at that line; the X and its sources stay', async () => {
    const before = await state();
    // The example of the issue: the line of the cell cut after its field code, and nothing after it.
    const cut = `${[...lines.slice(0, at), `2017,NER,${draft.number},${field}`].join('\r\n')}`;
    const res = await upload(Buffer.from(cut), 'ner.csv');
    assert.equal(res.status, 422, JSON.stringify(res.errors));
    assert.equal(res.errors.length, 1);
    assert.equal(res.errors[0]!.line, at + 1, 'the line of the file (the header is line 1)');
    assert.equal(res.errors[0]!.column, 5, 'the first field missing');
    assert.match(res.errors[0]!.field, new RegExp(`^line ${at + 1}, column 5`));
    assert.match(res.errors[0]!.problem, /the line has 4 fields; the header has 17/);
    await assertUntouched(before);
  });

  test('a short line anywhere, or a long one, is refused and nothing is imported', async () => {
    const before = await state();
    const other = lines.findIndex((l, i) => i > at + 2 && l.startsWith('2017,NER,'));
    const short = [...lines];
    short[at] = fieldsOf(lines[at]!).slice(0, 12).join(',');
    short[other] = fieldsOf(lines[other]!).slice(0, 16).join(',');
    const res = await upload(Buffer.from(short.join('\r\n')), 'ner.csv');
    assert.equal(res.status, 422);
    assert.deepEqual(
      res.errors.map((e) => e.line),
      [at + 1, other + 1],
      'each short line at its place',
    );
    const long = [...lines];
    long[at] = `${lines[at]},extra`;
    const refused = await upload(Buffer.from(long.join('\r\n')), 'ner.csv');
    assert.equal(refused.status, 422);
    assert.equal(refused.errors[0]!.line, at + 1);
    assert.match(refused.errors[0]!.problem, /the line has 18 fields; the header has 17/);
    await assertUntouched(before);
  });

  test('a blank is said with every field: an empty value and no source makes the cell blank', async () => {
    const blank = fieldsOf(lines[at]!).map((v, i) => (i < 6 || i === 16 ? v : ''));
    // The header and that one line: the continuation line of the second source left out.
    const file = [lines[0], blank.join(',')].join('\r\n');
    const res = await upload(Buffer.from(file), 'ner.csv');
    assert.equal(res.status, 200, JSON.stringify(res.errors));
    const now = await state();
    assert.equal(now.value, '');
    assert.deepEqual(now.sources, []);
    // Back as it was, for the tests after this one.
    await restoreX();
  });
});

describe('JSON', () => {
  let doc: { matrices: { cells: Record<string, unknown>[] }[] };
  let k: number;
  before(async () => {
    doc = JSON.parse((await download('json')).toString('utf8'));
    k = doc.matrices[0]!.cells.findIndex((c) => c.field === field);
    assert.equal(doc.matrices[0]!.cells[k]!.value, 'X');
  });
  const withCell = (cell: Record<string, unknown>) => {
    const copy = structuredClone(doc);
    copy.matrices[0]!.cells = [cell];
    return Buffer.from(JSON.stringify(copy));
  };

  test('a cell without value is refused at its path; the X and its sources stay', async () => {
    const before = await state();
    const res = await upload(withCell({ field }), 'ner.json');
    assert.equal(res.status, 422, JSON.stringify(res.errors));
    assert.deepEqual(
      res.errors.map((e) => [e.path, e.field]),
      [[`matrices[0].cells[0].value`, `matrices[0].cells[0].value`]],
    );
    assert.match(res.errors[0]!.problem, /is missing/);
    const { value: _v, ...rest } = doc.matrices[0]!.cells[k]!;
    assert.equal((await upload(withCell(rest), 'ner.json')).status, 422, 'also with its other parts there');
    await assertUntouched(before);
  });

  test('"value": null (or "") says blank', async () => {
    const res = await upload(withCell({ field, value: null }), 'ner.json');
    assert.equal(res.status, 200, JSON.stringify(res.errors));
    assert.equal((await state()).value, '');
    await restoreX();
    const again = await upload(withCell({ field, value: '' }), 'ner.json');
    assert.equal(again.status, 200, JSON.stringify(again.errors));
    assert.equal((await state()).value, '');
    await restoreX();
  });
});

/** A zip archive of these entries (deflated), as a workbook is. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(e.data.length, 24);
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

describe('XLSX', () => {
  test('a sheet whose XML stops after the first row of a cell (its further source lost) is refused', async () => {
    const before = await state();
    const file = await download('xlsx');
    const entries = zipDirectory(file, zipLimits).map((e) => ({ name: e.name, data: inflateEntry(file, e) }));
    const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml')!.data.toString('utf8');
    const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const index = strings.indexOf(field);
    assert.ok(index >= 0, 'the field code is a shared string');
    const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && e.data.includes(`<v>${index}</v>`))!;
    const xml = sheet.data.toString('utf8');
    // The cell's first row, then the start of its continuation row (the second source): cut there.
    const first = xml.indexOf('</row>', xml.indexOf(`<v>${index}</v>`)) + '</row>'.length;
    const cut = `${xml.slice(0, first)}<row r="9999"><c r="A9999" t="s"><v>`;
    sheet.data = Buffer.from(cut);
    const res = await upload(zip(entries), 'ner.xlsx');
    assert.equal(res.status, 422, JSON.stringify(res.errors));
    assert.match(res.errors[0]!.problem, /is cut short/);
    assert.equal(res.errors[0]!.field, sheet.name);
    await assertUntouched(before);
  });

  test('an empty value cell on the row of a State and field is a blank, as a spreadsheet writes it', async () => {
    const file = await download('xlsx');
    const entries = zipDirectory(file, zipLimits).map((e) => ({ name: e.name, data: inflateEntry(file, e) }));
    const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml')!.data.toString('utf8');
    const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const index = strings.indexOf(field);
    const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && e.data.includes(`<v>${index}</v>`))!;
    const xml = sheet.data.toString('utf8');
    const start = xml.lastIndexOf('<row ', xml.indexOf(`<v>${index}</v>`));
    const end = xml.indexOf('</row>', start);
    // Keep state, version, field, row and column labels and rev; the value, the sources and the rest emptied.
    const row = xml.slice(start, end).replace(/<c r="([F-O])(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, '');
    const next = xml.indexOf('</row>', end + 6);
    const continuation = xml.slice(end + 6, next + 6);
    assert.match(continuation, /<row /);
    // The continuation row (the second source) goes too.
    sheet.data = Buffer.from(xml.slice(0, start) + row + xml.slice(end, end + 6) + xml.slice(next + 6));
    const res = await upload(zip(entries), 'ner.xlsx');
    assert.equal(res.status, 200, JSON.stringify(res.errors));
    const now = await state();
    assert.equal(now.value, '');
    assert.deepEqual(now.sources, []);
  });
});
