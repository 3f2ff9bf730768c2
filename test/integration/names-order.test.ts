import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { messages } from '../../src/platform/i18n/i18n.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// Lists of States in the reader's language's order (issue 13, item 10): sorted by name with
// Intl.Collator(locale), as the UN does in each language, not by ISO code.

let t: TestApp;
let pub: Client;

before(async () => {
  t = await testApp();
  await seedDemoReports(t.database.db);
  await seedDemoCorrespondence(t.database.db);
  pub = new Client(t);
});
after(() => t.close());

const decode = (s: string) =>
  s
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The link texts of the first list of a given class on a page. */
function namesOfList(html: string, cls: string): string[] {
  const start = html.indexOf(`<ul class="${cls}">`);
  assert.ok(start >= 0, `no list ${cls}`);
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((x) => decode(x[1]!));
}

const sorted = (names: string[], locale: string) => [...names].sort(new Intl.Collator(locale).compare);

describe('reporting status: the non-reporting States by name in the reader’s language', () => {
  for (const locale of ['en', 'fr', 'zh', 'ar', 'ru', 'es'])
    test(`/${locale}/reports/status and its CSV`, async () => {
      const html = await (await pub.get(`/${locale}/reports/status?asOf=2010-12-31`)).text();
      const names = namesOfList(html, 'report-states');
      assert.ok(names.length > 10, `${names.length} names`);
      assert.deepEqual(names, sorted(names, locale));
      const csv = await (await pub.get(`/${locale}/reports/status?asOf=2010-12-31&format=csv`)).text();
      const rows = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(',')[0]!));
      assert.deepEqual(rows, sorted(rows, locale));
      assert.deepEqual(rows.length, names.length);
    });

  test('in English, Equatorial Guinea comes before Gambia', async () => {
    const html = await (await pub.get('/en/reports/status?asOf=2005-12-31')).text();
    const names = namesOfList(html, 'report-states');
    const eq = names.indexOf('Equatorial Guinea');
    const ga = names.indexOf('Gambia');
    if (eq >= 0 && ga >= 0) assert.ok(eq < ga, 'Equatorial Guinea before Gambia');
  });
});

test('a letter’s recipients by name in each language', async () => {
  const db = t.database.db;
  const row = await db
    .selectFrom('letter as l')
    .select('l.id')
    .where('l.recipients_mode', '=', 'non-reporting')
    .where('l.confidentiality', '=', 'public')
    .executeTakeFirstOrThrow();
  for (const locale of ['en', 'fr', 'zh', 'ar']) {
    const html = await (await pub.get(`/${locale}/letters/${row.id}`)).text();
    const names = namesOfList(html, 'columns');
    assert.ok(names.length > 1, `${locale}: ${names.length} recipients`);
    assert.deepEqual(names, sorted(names, locale), locale);
  }
});

test('CSV headers in the reader’s language, ?header=machine for stable names (contacts per year)', async () => {
  const fr = (await (await pub.get('/fr/contacts/per-year.csv')).text()).replace(/^\uFEFF/, '').split('\r\n')[0]!;
  const m = messages('fr');
  assert.equal(fr, [m.t('contacts.year'), m.t('reports.asOf'), m.t('contacts.statesInOffice'), m.t('contacts.newStates')].join(','));
  for (const locale of ['en', 'fr', 'zh', 'ar']) {
    const machine = await (await pub.get(`/${locale}/contacts/per-year.csv?header=machine`)).text();
    assert.match(machine, /^\uFEFF?year,as_at,states,new_states\r\n/, locale);
  }
});
