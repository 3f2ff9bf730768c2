import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { neutralise } from '../../src/platform/formats/csv.ts';
import { messages } from '../../src/platform/i18n/i18n.ts';
import { tableCsv } from '../../src/features/matrix/figures/figure-views.ts';
import { cellsOf } from '../../src/features/matrix/versions/matrices.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';

/**
 * The figure pages, their CSV and the API's change and gaps, on hand-made matrices. Every
 * expected number was counted by hand from the table below.
 *
 *   State (group)   published    X                                                  other
 *   MLI (african)   2018-06-01   OP1.NPT, OP2.MANUFACTURE.N.LF, OP2.ACQUIRE.C.EN     (v1: 3 X)
 *   NER (african)   2018-09-01   OP2.MANUFACTURE.N.LF                                OP2.USE.B.LF ?
 *   SEN (african)   2018-10-01   OP1.NPT
 *   FRA (weog)      2019-03-01   OP3d.CATCH-ALL.C.LF, OP3d.TRANSIT.N.EN (demo)       OP2.USE.B.LF NA
 *   MLI v2          2019-06-01   OP2.MANUFACTURE.N.LF, OP2.ACQUIRE.C.EN,             OP1.NPT ?
 *                                OP3a.ACCOUNT-PRODUCTION.N.LF                        (lost NPT, gained OP3a)
 *   MLI v3          draft        adds OP3b and OP3c fields: never counted
 *   BFA (african)   draft only   OP2.ACQUIRE.C.EN, OP1.NPT and more: never counted
 *
 * Now: X by paragraph OP1 1 (SEN), OP2 3 (MLI 2, NER 1), OP3a 1 (MLI), OP3d 2 (FRA); total 7.
 * As at 2018-12-31: OP1 2 (MLI, SEN), OP2 3 (MLI 2, NER 1); total 5 over 3 States.
 */
let t: TestApp;
const who: Record<string, Viewer> = {};
const src = [{ kind: 'law' as const, citation: 'Test law' }];
type Value = 'X' | '?' | 'NA';

async function draft(iso3: string, values: Record<string, Value>, demo = false) {
  const db = t.database.db;
  const e = who.expert!;
  const m = await startDraft(db, { id: e.id, label: e.displayName }, iso3, { demo });
  const current = new Map((await cellsOf(db, m.id)).map((c) => [c.field_code, c.row_version]));
  await saveCells(
    db,
    { id: e.id, label: e.displayName },
    e,
    m.id,
    Object.entries(values).map(([field, value]) => ({
      field,
      expectedVersion: current.get(field) ?? 0,
      value,
      sources: value === 'NA' ? [] : src,
    })),
  );
  return m;
}

async function publish(iso3: string, values: Record<string, Value>, publishedOn: string, demo = false) {
  const db = t.database.db;
  const e = who.expert!;
  const m = await draft(iso3, values, demo);
  await moveMatrix(db, { id: e.id, label: '' }, e, m.id, 'sent');
  await moveMatrix(db, { id: e.id, label: '' }, e, m.id, 'agreed');
  await moveMatrix(db, { id: who.committee!.id, label: '' }, who.committee!, m.id, 'approved');
  await moveMatrix(db, { id: who.secretariat!.id, label: '' }, who.secretariat!, m.id, 'published');
  await sql`update matrix set published_at = ${`${publishedOn}T12:00:00Z`} where id = ${m.id}`.execute(db);
}

before(async () => {
  t = await testApp();
  for (const u of await t.database.db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  await publish('MLI', { 'OP2.MANUFACTURE.N.LF': 'X', 'OP2.ACQUIRE.C.EN': 'X', 'OP1.NPT': 'X' }, '2018-06-01');
  await publish('NER', { 'OP2.MANUFACTURE.N.LF': 'X', 'OP2.USE.B.LF': '?' }, '2018-09-01');
  await publish('SEN', { 'OP1.NPT': 'X' }, '2018-10-01');
  await publish('FRA', { 'OP3d.CATCH-ALL.C.LF': 'X', 'OP3d.TRANSIT.N.EN': 'X', 'OP2.USE.B.LF': 'NA' }, '2019-03-01', true);
  await publish('MLI', { 'OP1.NPT': '?', 'OP3a.ACCOUNT-PRODUCTION.N.LF': 'X' }, '2019-06-01');
  await draft('MLI', { 'OP3b.PP-FACILITIES.N.LF': 'X', 'OP3c.BORDER-CONTROLS.N.LF': 'X' });
  await draft('BFA', { 'OP2.ACQUIRE.C.EN': 'X', 'OP1.NPT': 'X', 'OP2.MANUFACTURE.N.LF': 'X', 'OP3d.TRANSIT.N.EN': 'X' });
});
after(() => t.close());

async function page(path: string, status = 200): Promise<string> {
  const res = await t.request(path);
  const text = await res.text();
  assert.equal(res.status, status, text.slice(0, 2000));
  return text;
}

/** A figures CSV; with the stable machine header row unless the path asks for another. */
async function csv(path: string): Promise<{ raw: string; rows: string[][] }> {
  const res = await t.request(path.includes('header=') ? path : `${path}${path.includes('?') ? '&' : '?'}header=machine`);
  // Read as bytes: Response.text() would drop the byte-order mark this test checks.
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  assert.equal(res.status, 200, raw.slice(0, 2000));
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="r1540-figures-[\w.-]+\.csv"$/);
  return { raw, rows: parseCsv(raw.replace(/^\uFEFF/, '')) };
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** The cells of the table with this id, as text, row by row (header row included). */
function tableCells(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*id="${id}-table"[^>]*>([\\s\\S]*?)</table>`))?.[1];
  assert.ok(table, `no table ${id}`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/[\u00a0\u202f]/g, ' ')
        .trim(),
    ),
  );
}

/** The bars of the chart with this id: value, x and height. */
function bars(html: string, id: string): { value: number; x: number; height: number }[] {
  const svg = html.match(new RegExp(`<svg[^>]*aria-labelledby="chart-${id}-title[^>]*>([\\s\\S]*?)</svg>`))?.[1];
  assert.ok(svg, `no chart ${id}`);
  return [
    ...svg.matchAll(/<rect class="chart-bar[^"]*" x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="([\d.]+)" data-value="([\d.]+)"/g),
  ].map((r) => ({
    x: Number(r[1]),
    height: Number(r[2]),
    value: Number(r[3]),
  }));
}

describe('overview', () => {
  test('numbers by paragraph now, and a bar per paragraph with heights in proportion', async () => {
    const html = await page('/en/matrix/figures');
    const cells = tableCells(html, 'paragraph');
    // Code, paragraph, fields in the template, X over all States, average over the 4 States.
    assert.deepEqual(
      cells.slice(1).map((r) => [r[0], r[2], r[3], r[4]]),
      [
        ['OP 1', '30', '1', '0.3'],
        ['OP 2', '104', '3', '0.8'],
        ['OP 3 (a)', '48', '1', '0.3'],
        ['OP 3 (b)', '48', '0', '0'],
        ['OP 3 (c)', '42', '0', '0'],
        ['OP 3 (d)', '90', '2', '0.5'],
      ],
    );
    const b = bars(html, 'paragraph');
    assert.deepEqual(
      b.map((x) => x.value),
      [1, 3, 1, 0, 0, 2],
    );
    // Ticks 0–3 over a plot 220 high (320 less margins of 28 and 72): 220 / 3 per field.
    for (const bar of b) assert.ok(Math.abs(bar.height - (bar.value * 220) / 3) < 0.01, `${bar.value} → ${bar.height}`);
    assert.ok(b[0]!.x < b[5]!.x, 'left to right in English');
    assert.match(html, /<svg[^>]*role="img"[^>]*>\s*<title id="chart-paragraph-title">Fields with measures \(X\) by paragraph/);
    assert.match(html, /<desc id="chart-paragraph-desc">/);
    assert.doesNotMatch(html, /\sstyle="/, 'no inline styles: the CSP forbids them');
    // Facts: 4 States, 7 X, average 1.75 (shown 1.8), median 1.5.
    assert.match(html, /<dt>States with a published matrix<\/dt>\s*<dd>4<\/dd>/);
    assert.match(html, /<dt>Fields with measures \(X\), all States<\/dt>\s*<dd>7<\/dd>/);
    assert.match(html, /<dt>Median per State<\/dt>\s*<dd>1.5<\/dd>/);
  });

  test('as at a date: only what was published by then; drafts never count', async () => {
    const html = await page('/en/matrix/figures?asOf=2018-12-31');
    const cells = tableCells(html, 'paragraph');
    assert.deepEqual(
      cells.slice(1).map((r) => r[3]),
      ['2', '3', '0', '0', '0', '0'],
    );
    // Weapon types: NPT is nuclear (MLI, SEN), MANUFACTURE.N nuclear (MLI, NER), ACQUIRE.C chemical (MLI).
    const weapons = tableCells(html, 'weapon-type');
    assert.deepEqual(
      weapons.slice(1).map((r) => [r[0], r[2]]),
      [
        ['Nuclear', '4'],
        ['Chemical', '1'],
        ['Biological', '0'],
        ['Means of delivery', '0'],
        ['No weapon type in particular', '0'],
      ],
    );
    // Legal framework: MANUFACTURE.N.LF ×2; enforcement: ACQUIRE.C.EN; instruments: NPT ×2.
    const le = tableCells(html, 'legal-enforcement');
    assert.deepEqual(le.at(-1), ['Total', '2', '1', '2']);
  });

  test('as at a date before any publication: an empty state, no chart', async () => {
    const html = await page('/en/matrix/figures?asOf=2018-01-01');
    assert.match(html, /No matrix on the 2017 template had been published on January 1, 2018\./);
    assert.doesNotMatch(html, /<svg/);
    assert.doesNotMatch(html, /<table/);
  });

  test('the demonstration notice when the figures rest on demo data, not otherwise', async () => {
    assert.match(await page('/en/matrix/figures'), /Demonstration data: these figures/);
    assert.doesNotMatch(await page('/en/matrix/figures?asOf=2018-12-31'), /Demonstration data: these figures/);
  });

  test('in Arabic: right to left, the first paragraph at the right, Arabic labels', async () => {
    const html = await page('/ar/matrix/figures');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<svg[^>]*direction="rtl"/);
    const b = bars(html, 'paragraph');
    assert.ok(b[0]!.x > b[5]!.x, 'OP1 stands right of OP3d');
    assert.match(html, /الفقرة 3 \(د\)/);
    assert.match(html, /<title id="chart-paragraph-title">الخانات التي فيها تدابير/);
  });

  test('bad input is named and kept (422)', async () => {
    const html = await page('/en/matrix/figures?asOf=2018-02-31&template=1999', 422);
    assert.match(html, /<code>asOf<\/code>: Give a date written YYYY-MM-DD\./);
    assert.match(html, /<code>template<\/code>: No public template has this version\./);
    assert.match(html, /value="2018-02-31"/);
  });
});

test('the tables show labels in the reader’s language, not internal codes (issue 13, item 10)', async () => {
  const codes = new Set(['OP1', 'OP2', 'OP3a', 'OP3d', 'nuclear', 'chemical', 'biological', 'delivery', 'none', 'all', 'african']);
  for (const locale of ['en', 'fr', 'zh', 'ar']) {
    const views = ['overview', 'regional-group', 'organization', 'change&from=2018-12-31&to=2019-12-31'];
    for (const view of views) {
      const html = await page(`/${locale}/matrix/figures?view=${view}`);
      const ids = [...html.matchAll(/<table[^>]*id="([\w-]+)-table"/g)].map((x) => x[1]!);
      assert.ok(ids.length > 0, `${locale} ${view}: tables`);
      for (const id of ids)
        for (const cell of tableCells(html, id).flat()) assert.ok(!codes.has(cell), `${locale} ${view} ${id}: shows the code ${cell}`);
    }
  }
  const zh = tableCells(await page('/zh/matrix/figures'), 'paragraph');
  assert.equal(zh[1]![0], '第1段');
});

describe('CSV', () => {
  test('by paragraph as at 2018-12-31: BOM, codes as header, localized labels, values', async () => {
    const { raw, rows } = await csv('/en/matrix/figures.csv?view=overview&asOf=2018-12-31&table=paragraph');
    assert.equal(raw.slice(0, 42), '\uFEFFparagraph,label,fields,x,mean_per_state\r\n');
    assert.equal(rows.length, 7);
    assert.deepEqual(rows[1], [
      'OP1',
      'Operative paragraph 1 and related matters: instruments, organizations, codes of conduct, arrangements',
      '30',
      '2',
      '0.6667',
    ]);
    assert.deepEqual(rows[2]!.slice(2), ['104', '3', '1']);
    const fr = await csv('/fr/matrix/figures.csv?view=overview&asOf=2018-12-31&table=weapon-type');
    assert.deepEqual(fr.rows[0], ['weapon_type', 'label', 'fields', 'x', 'mean_per_state']);
    assert.deepEqual(fr.rows[1]!.slice(0, 2), ['nuclear', 'Nucléaire']);
  });

  test('the header row in the reader’s language; header=machine for the stable codes (issue 13, item 10)', async () => {
    for (const locale of ['en', 'fr', 'zh', 'ar'] as const) {
      const m = messages(locale);
      const { rows } = await csv(`/${locale}/matrix/figures.csv?view=overview&asOf=2018-12-31&table=weapon-type&header=labels`);
      assert.deepEqual(rows[0], [
        m.t('figures.col.code'),
        m.t('figures.col.weaponType'),
        m.t('figures.col.fields'),
        m.t('figures.col.x'),
        m.t('figures.col.meanPerState'),
      ]);
      const plain = await t.request(`/${locale}/matrix/figures.csv?view=overview&asOf=2018-12-31&table=weapon-type`);
      assert.equal((await plain.text()).split('\r\n')[0], rows[0]!.join(','), `${locale}: labels by default`);
      const machine = await csv(`/${locale}/matrix/figures.csv?view=overview&asOf=2018-12-31&table=weapon-type&header=machine`);
      assert.deepEqual(machine.rows[0], ['weapon_type', 'label', 'fields', 'x', 'mean_per_state']);
      assert.deepEqual(machine.rows.slice(1), rows.slice(1), 'the same values');
    }
  });

  test('by regional group and by organization: mean, median, min, max', async () => {
    const { rows } = await csv('/en/matrix/figures.csv?view=regional-group');
    assert.deepEqual(rows, [
      ['regional_group', 'label', 'states', 'mean', 'median', 'min', 'max'],
      ['african', 'African States', '3', '1.6667', '1', '1', '3'],
      ['western-european-other', 'Western European and other States', '1', '2', '2', '2', '2'],
      ['all', 'All States', '4', '1.75', '1.5', '1', '3'],
    ]);
    const org = await csv('/en/matrix/figures.csv?view=organization');
    assert.deepEqual(
      org.rows.slice(1).map((r) => [r[0], r[2], r[3]]),
      [
        ['AU', '3', '1.6667'],
        ['EU', '1', '2'],
        ['OSCE', '1', '2'],
        ['all', '4', '1.75'],
      ],
    );
  });

  test('distribution in bins of 2', async () => {
    const { rows } = await csv('/en/matrix/figures.csv?view=distribution&binWidth=2');
    assert.deepEqual(rows[0], ['from', 'to', 'label', 'states']);
    // NER, SEN have 1; FRA 2 and MLI 3; 362 fields make 182 bins.
    assert.deepEqual(rows[1], ['0', '1', '0 to 1', '2']);
    assert.deepEqual(rows[2], ['2', '3', '2 to 3', '2']);
    assert.equal(rows.length, 1 + 182);
    assert.deepEqual(new Set(rows.slice(3).map((r) => r[3])), new Set(['0']));
  });

  test('per State, sorted by X: no draft State', async () => {
    const { rows } = await csv('/en/matrix/figures.csv?view=state&sort=x&dir=desc');
    assert.deepEqual(
      rows.map((r) => r.slice(0, 7)),
      [
        ['iso3', 'name', 'group', 'x', 'q', 'na', 'blank'],
        ['MLI', 'Mali', 'African States', '3', '1', '0', '358'],
        ['FRA', 'France', 'Western European and other States', '2', '0', '1', '359'],
        ['NER', 'Niger', 'African States', '1', '1', '0', '360'],
        ['SEN', 'Senegal', 'African States', '1', '0', '0', '361'],
      ],
    );
  });

  test('formulas are neutralised; numbers stay numbers', () => {
    assert.equal(neutralise('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(neutralise('+1'), "'+1");
    assert.equal(neutralise('@SUM'), "'@SUM");
    assert.equal(neutralise('Mali'), 'Mali');
    const out = tableCsv(
      {
        id: 'x',
        caption: '',
        rowHeader: 0,
        columns: [
          { code: 'label', label: '', kind: 'text' },
          { code: 'difference', label: '', kind: 'count' },
        ],
        rows: [{ cells: ['-1+2', -4] }, { cells: ['a "quoted", name', 1 / 3] }],
      },
      'machine',
    );
    assert.equal(out, `\uFEFFlabel,difference\r\n'-1+2,-4\r\n"a ""quoted"", name",0.3333\r\n`);
  });
});

describe('per State page', () => {
  test('sortable, with links to each matrix; drafts never count', async () => {
    const html = await page('/en/matrix/figures?view=state&sort=x&dir=desc');
    const cells = tableCells(html, 'state');
    assert.deepEqual(
      cells.slice(1).map((r) => [r[0], r[1], r[3]]),
      [
        ['MLI', 'Mali', '3'],
        ['FRA', 'France', '2'],
        ['NER', 'Niger', '1'],
        ['SEN', 'Senegal', '1'],
      ],
    );
    assert.match(html, /<a href="\/en\/states\/MLI\/matrix">Mali<\/a>/);
    assert.doesNotMatch(html, /BFA|Burkina/);
    assert.match(html, /<th scope="col" class="num" aria-sort="descending"><a href="[^"]*sort=x&amp;dir=asc/);
    const byName = tableCells(await page('/en/matrix/figures?view=state&sort=name&dir=asc'), 'state');
    assert.deepEqual(
      byName.slice(1).map((r) => r[0]),
      ['FRA', 'MLI', 'NER', 'SEN'],
    );
  });
});

describe('change between two dates', () => {
  test('page and CSV: gains and losses per paragraph and per State', async () => {
    const html = await page('/en/matrix/figures?view=change&from=2018-12-31&to=2019-12-31');
    const p = tableCells(html, 'change-paragraph');
    assert.deepEqual(
      p.slice(1).map((r) => [r[0], r[2], r[3], r[4]]),
      [
        ['OP 1', '0', '1', '-1'],
        ['OP 2', '0', '0', '0'],
        ['OP 3 (a)', '1', '0', '1'],
        ['OP 3 (b)', '0', '0', '0'],
        ['OP 3 (c)', '0', '0', '0'],
        ['OP 3 (d)', '2', '0', '2'],
        ['', '3', '1', '2'],
      ],
    );
    assert.equal(bars(html, 'change-paragraph').length, 12, 'gained and lost for each of six paragraphs');
    const { rows } = await csv('/en/matrix/figures.csv?view=change&from=2018-12-31&to=2019-12-31&table=change-state');
    assert.deepEqual(rows, [
      ['iso3', 'name', 'before', 'after', 'difference', 'gained', 'lost', 'gained_fields', 'lost_fields'],
      ['FRA', 'France', '0', '2', '2', '2', '0', 'OP3d.CATCH-ALL.C.LF OP3d.TRANSIT.N.EN', ''],
      ['MLI', 'Mali', '3', '3', '0', '1', '1', 'OP3a.ACCOUNT-PRODUCTION.N.LF', 'OP1.NPT'],
      ['NER', 'Niger', '1', '1', '0', '0', '0', '', ''],
      ['SEN', 'Senegal', '1', '1', '0', '0', '0', '', ''],
      ['all', 'Total', '5', '7', '2', '3', '1', '', ''],
    ]);
  });

  test('API: per State and in total', async () => {
    const res = await t.request('/api/v1/matrix/figures?by=change&from=2018-12-31&to=2019-12-31');
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      demo: boolean;
      from: string;
      to: string;
      states: number;
      data: { total: unknown; states: { iso3: string; gained: string[]; lost: string[] }[] };
    };
    assert.deepEqual(body.data.total, { statesBefore: 3, statesAfter: 4, before: 5, after: 7, difference: 2, gained: 3, lost: 1 });
    assert.deepEqual(
      body.data.states.find((s) => s.iso3 === 'MLI'),
      {
        iso3: 'MLI',
        before: 3,
        after: 3,
        difference: 0,
        gained: ['OP3a.ACCOUNT-PRODUCTION.N.LF'],
        lost: ['OP1.NPT'],
      },
    );
    assert.equal(body.demo, true, 'FRA is demonstration data');
    assert.equal(body.states, 4);
    const before2019 = (await (await t.request('/api/v1/matrix/figures?by=change&from=2018-07-01&to=2018-12-31')).json()) as typeof body;
    assert.equal(before2019.demo, false);
    assert.deepEqual(before2019.data.total, { statesBefore: 1, statesAfter: 3, before: 3, after: 5, difference: 2, gained: 2, lost: 0 });
    const missing = await t.request('/api/v1/matrix/figures?by=change');
    assert.equal(missing.status, 422);
    assert.deepEqual(
      ((await missing.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['from'],
    );
    const reversed = await t.request('/api/v1/matrix/figures?by=change&from=2019-12-31&to=2018-12-31');
    assert.equal(reversed.status, 422);
    const figures = (await (await t.request('/api/v1/matrix/figures?asOf=2018-12-31')).json()) as { demo: boolean };
    assert.equal(figures.demo, false);
  });
});

describe('gaps of a State', () => {
  // NER as at 2018-12-31, against MLI v1 and SEN (BFA's draft never counts): OP1.NPT is X in
  // both (100%), OP2.ACQUIRE.C.EN in MLI only (50%: not more than half). OP2.USE.B.LF is '?'.
  test('API: hand-computed shares, the threshold strict', async () => {
    const res = await t.request('/api/v1/states/NER/matrix/gaps?asOf=2018-12-31');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { published: boolean; peers: number; demo: boolean; regionalGroup: string; data: unknown[] };
    assert.equal(body.published, true);
    assert.equal(body.peers, 2);
    assert.equal(body.demo, false);
    assert.equal(body.regionalGroup, 'african');
    assert.deepEqual(body.data, [
      { field: 'OP1.NPT', share: 1, peersWithX: 2, paragraph: 'OP1', weaponType: 'nuclear', measureKind: 'instrument' },
    ]);
    const lower = (await (await t.request('/api/v1/states/ner/matrix/gaps?asOf=2018-12-31&threshold=0.4')).json()) as typeof body;
    assert.deepEqual(
      (lower.data as { field: string; share: number }[]).map((g) => [g.field, g.share]),
      [
        ['OP1.NPT', 1],
        ['OP2.ACQUIRE.C.EN', 0.5],
      ],
    );
    const none = (await (await t.request('/api/v1/states/MLI/matrix/gaps?asOf=2018-01-01')).json()) as typeof body;
    assert.equal(none.published, false);
    assert.deepEqual(none.data, []);
    assert.equal((await t.request('/api/v1/states/XXX/matrix/gaps')).status, 404);
    assert.equal((await t.request('/api/v1/states/NER/matrix/gaps?threshold=1.5')).status, 422);
    assert.equal((await t.request('/api/v1/states/NER/matrix/gaps?asOf=2018-02-30')).status, 422);
  });

  test('page: field labels in the reader’s language; CSV', async () => {
    const html = await page('/fr/matrix/figures?view=gaps&state=NER&asOf=2018-12-31&threshold=0.4');
    const cells = tableCells(html, 'gaps');
    assert.deepEqual(
      cells.slice(1).map((r) => [r[0], r[3], r[4]]),
      [
        ['OP1.NPT', '100 %', '2'],
        ['OP2.ACQUIRE.C.EN', '50 %', '1'],
      ],
    );
    assert.match(cells[1]![1]!, /Traité sur la non-prolifération des armes nucléaires/);
    const { rows } = await csv('/en/matrix/figures.csv?view=gaps&state=NER&asOf=2018-12-31');
    assert.deepEqual(rows[0], ['field', 'label', 'paragraph', 'share', 'peers_with_x']);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[3], r[4]]),
      [['OP1.NPT', '1', '2']],
    );
    const none = await page('/en/matrix/figures?view=gaps&state=MLI&asOf=2018-01-01');
    assert.match(none, /Mali had no published matrix on January 1, 2018/);
    assert.match(await page('/en/matrix/figures?view=gaps'), /Choose a State to see its gaps\./);
  });

  test('the State’s matrix page links to its gaps', async () => {
    const html = await page('/en/states/MLI/matrix');
    assert.match(html, /href="\/en\/matrix\/figures\?view=gaps&amp;state=MLI&amp;template=2017"/);
  });
});

test('the menu has Figures', async () => {
  assert.match(await page('/en/'), /<a href="\/en\/matrix\/figures"[^>]*>Figures<\/a>/);
});
