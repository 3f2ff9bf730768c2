// On PostgreSQL in CI (and on PGlite with the README's `npm test`): a CSV header in six languages is the same on both engines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { messages } from '../../src/platform/i18n/i18n.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// Issue 13, item 10 (rest): the visits per-year CSV is headed in the reader's language, like the
// other CSVs; ?header=machine keeps the stable machine names for scripts.

let t: TestApp;
let pub: Client;

before(async () => {
  t = await testApp();
  pub = new Client(t);
});
after(() => t.close());

const headerOf = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;

test('the visits per-year CSV is headed in the reader’s language; ?header=machine for the stable names', async () => {
  const kinds = ['engagement.kindVisit', 'engagement.kindRoundTable', 'engagement.kindPeerReview', 'engagement.kindJointVisit'] as const;
  const seen = new Set<string>();
  for (const locale of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
    const res = await pub.get(`/${locale}/visits/per-year.csv`);
    assert.equal(res.status, 200, locale);
    const header = headerOf(await res.text());
    const m = messages(locale);
    const labels = [m.t('engagement.year'), m.t('engagement.count'), ...kinds.map((k) => m.t(k))];
    assert.equal(header.split(',').length, 6, `${locale}: ${header}`);
    for (const label of labels) assert.ok(header.includes(label), `${locale}: "${label}" in ${header}`);
    assert.ok(!header.includes('visit-at-invitation'), `${locale}: no machine name in ${header}`);
    seen.add(header);
    const machine = headerOf(await (await pub.get(`/${locale}/visits/per-year.csv?header=machine`)).text());
    assert.equal(machine, 'year,visits,visit-at-invitation,round-table,peer-review,joint-visit', locale);
  }
  assert.equal(seen.size, 6, 'a different header in each language');
});
