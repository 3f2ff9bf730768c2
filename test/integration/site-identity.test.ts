/**
 * Issue 13, item 15: the site's icon, the Committee's name where readers expect it, the quarterly
 * update numbered once, the consolidated list's Reference column wide enough, and item text in its
 * own direction on the Arabic consolidated list.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let committee: Client;
before(async () => {
  t = await testApp({}, { demo: true });
  committee = new Client(t);
  await committee.login('committee@demo.r1540.org');
});
after(() => t.close());

test('/favicon.ico is served, and every page names it', async () => {
  const res = await t.request('/favicon.ico');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  assert.match(await res.text(), /<svg/);
  assert.match(await (await t.request('/en/')).text(), /<link rel="icon" href="\/favicon.ico"/);
});

test('page titles and the footer name the 1540 Committee in the reader’s language, not "r1540"', async () => {
  const names = { en: '1540 Committee', fr: 'Comité 1540', es: 'Comité 1540', ru: 'Комитет 1540', zh: '1540委员会', ar: 'لجنة 1540' };
  for (const [locale, name] of Object.entries(names)) {
    const html = await (await t.request(`/${locale}/states`)).text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    assert.ok(title.endsWith(`· ${name}`), `${locale}: ${title}`);
    const footer = /<footer[^>]*>([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';
    assert.ok(footer.includes(locale === 'ru' ? 'Комитета 1540' : name), `${locale}: ${footer}`); // Russian: the genitive
    assert.doesNotMatch(`${title}${footer}`, /r1540/, locale);
  }
});

test('the quarterly update numbers a request’s items once (a numbered list, no "1." in a bullet)', async () => {
  const html = await (await committee.get('/en/assistance/quarterly?year=2018&quarter=3')).text();
  assert.match(html, /<ol><li value="1">/);
  assert.doesNotMatch(html, /<li>\d+\. /);
});

test('the consolidated list’s Reference column holds the longest reference (XLSX)', async () => {
  const res = await committee.get('/en/assistance/list.xlsx?year=2018');
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const col = ws.getColumn(1);
  let longest = '';
  col.eachCell((cell, row) => {
    if (row > 1 && String(cell.value ?? '').length > longest.length) longest = String(cell.value ?? '');
  });
  assert.ok(longest.includes('¶18, ¶20'), longest);
  assert.ok((col.width ?? 0) >= longest.length || col.alignment?.wrapText === true, `width ${col.width} for "${longest}"`);
  assert.ok((col.width ?? 0) >= longest.length, `width ${col.width} for "${longest}"`);
});

test('the Arabic consolidated list sets each item’s text in its own direction', async () => {
  const html = await (await committee.get('/ar/assistance/list?year=2018')).text();
  assert.match(html, /<td><span dir="auto">1\. Invitation/);
});
