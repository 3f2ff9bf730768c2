// Engines: both (the counter's SQL on PGlite too: counts added by upsert, visitors kept by insert … on conflict do nothing returning, a day's visitors deleted with its salt)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { flushSiteVisits, visitReport } from '../../src/features/site-visits/index.ts';
import { seedVisitHistory } from '../../src/features/site-visits/demo.ts';
import { todayIso } from '../../src/platform/values/dates.ts';
import { type TestApp, testApp } from '../support/app.ts';

const browser = (n: number) =>
  `Mozilla/5.0 (Macintosh; visitor ${n}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15`;
let t: TestApp;

before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('30 concurrent views by 3 visitors, flushed twice: 30 page views and 3 visits', async () => {
  const pages = await Promise.all(
    Array.from({ length: 30 }, (_, i) => t.request('/ru/states', { headers: { 'user-agent': browser(i % 3) } })),
  );
  assert.deepEqual(new Set(pages.map((r) => r.status)), new Set([200]));
  await flushSiteVisits(t.app);
  await t.request('/ru/states', { headers: { 'user-agent': browser(0) } });
  await flushSiteVisits(t.app);
  const rows = await t.database.db.selectFrom('site_visit_count').select(['day', 'path', 'views', 'visits', 'source']).execute();
  assert.deepEqual(rows, [{ day: todayIso(), path: '/ru/states', views: 31, visits: 3, source: 'counted' }]);
  assert.equal((await t.database.db.selectFrom('site_visitor').select('visitor').execute()).length, 3);
});

test('the demonstration history: 68,006 visits from 1 January to 20 December 2018, 1 % more than in 2017', async () => {
  await seedVisitHistory(t.database.db, '2019-01-05');
  assert.match(await seedVisitHistory(t.database.db, '2019-01-05'), /there already/, 'seeded once: a second seeding adds nothing');
  const report = await visitReport(t.database.db, { from: '2018-01-01', to: '2018-12-20' });
  assert.deepEqual([report.visits, report.yearBefore.visits, report.change.visits, report.illustrative], [68_006, 67_340, 1, true]);
  const days = await t.database.db
    .selectFrom('site_visit_count')
    .select('day')
    .where('source', '=', 'illustrative')
    .orderBy('day')
    .execute();
  assert.deepEqual([days[0]?.day, days.at(-1)?.day, days.length], ['2017-01-01', '2019-01-04', 365 + 365 + 4]);
});
