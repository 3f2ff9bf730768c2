import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { flushSiteVisits, siteVisits } from '../../src/features/site-visits/index.ts';
import { seedVisitHistory } from '../../src/features/site-visits/demo.ts';
import { todayIso } from '../../src/platform/values/dates.ts';
import { createApp } from '../../src/app/http.tsx';
import { Client, type TestApp, testApp } from '../support/app.ts';

// The visit counter through the whole application (PostgreSQL): concurrent page views, what is not
// counted, a database that refuses the counts, and the figures' page, CSV and API for each reader.

const browser = (n: number) =>
  `Mozilla/5.0 (X11; Linux x86_64; visitor ${n}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36`;
let t: TestApp;
const today = todayIso();

async function counts(path?: string) {
  let q = t.database.db
    .selectFrom('site_visit_count')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('views'), eb.lit(0)).as('views'),
      eb.fn.coalesce(eb.fn.sum<string>('visits'), eb.lit(0)).as('visits'),
    ])
    .where('source', '=', 'counted')
    .where('day', '=', today);
  if (path) q = q.where('path', '=', path);
  const row = await q.executeTakeFirstOrThrow();
  return { views: Number(row.views), visits: Number(row.visits) };
}

const view = (path: string, ua: string, init: RequestInit = {}) =>
  t.request(path, { ...init, headers: { 'user-agent': ua, ...(init.headers as Record<string, string> | undefined) } });

before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

describe('the visit counter', () => {
  test('200 concurrent page views by 20 visitors: exactly 200 views and 20 visits, none lost; a visitor comes back the same day: no new visit', async () => {
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => view('/en/states/MLI', browser(i % 20))));
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([200]));
    assert.deepEqual(await counts(), { views: 0, visits: 0 }, 'nothing written while the pages are answered');
    await flushSiteVisits(t.app);
    assert.deepEqual(await counts('/en/states/MLI'), { views: 200, visits: 20 });
    const day = await t.database.db.selectFrom('site_visit_count').selectAll().where('source', '=', 'counted').execute();
    assert.deepEqual(
      day.map((r) => [r.language, r.section, r.path]),
      [['en', 'states', '/en/states/MLI']],
    );

    // The same 20 visitors on another page, and 5 new ones, in two concurrent batches flushed together.
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => view('/fr/', browser(i % 20))),
      ...Array.from({ length: 10 }, (_, i) => view('/fr', browser(100 + (i % 5)))),
    ]);
    await Promise.all([flushSiteVisits(t.app), flushSiteVisits(t.app)]);
    assert.deepEqual(await counts('/fr'), { views: 50, visits: 5 }, 'a visit counts once a day, at its first page');
    assert.deepEqual(await counts(), { views: 250, visits: 25 });
    // The shutdown writes what is left.
    await view('/es/states', browser(200));
    await siteVisits.shutdown?.(t.app);
    assert.deepEqual(await counts('/es/states'), { views: 1, visits: 1 });
  });

  test('two app servers on one database: their counts add up, and a visitor seen by both is one visit', async () => {
    const before = await counts('/en/organizations');
    const other = { ...t.app }; // another server's context: its own counter, the same database
    const second = createApp(other);
    const ask = (server: typeof second, i: number) =>
      server.request('http://localhost/en/organizations', { headers: { 'user-agent': browser(500 + (i % 10)) } });
    const pages = await Promise.all(Array.from({ length: 100 }, (_, i) => [ask(t.server, i), ask(second, i)]).flat());
    assert.deepEqual(new Set(pages.map((r) => r.status)), new Set([200]));
    await Promise.all([flushSiteVisits(t.app), flushSiteVisits(other)]);
    assert.deepEqual(await counts('/en/organizations'), { views: before.views + 200, visits: before.visits + 10 });
  });

  test('not counted: signed-in readers, robots, HEAD, prefetches, errors, the API, static files, downloads', async () => {
    const before = await counts();
    const committee = new Client(t);
    await committee.login('committee@demo.r1540.org');
    assert.equal((await committee.fetch('/en/states/MLI', { headers: { 'user-agent': browser(1) } })).status, 200);
    const asked = [
      await view('/en/states/MLI', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'),
      await view('/en/states/MLI', ''),
      await view('/en/states/MLI', browser(1), { method: 'HEAD' }),
      await view('/en/states/MLI', browser(1), { headers: { 'sec-purpose': 'prefetch' } }),
      await view('/en/states/XXX', browser(1)),
      await view('/api/v1/states/MLI', browser(1)),
      await view('/static/app.css', browser(1)),
      await view('/en/letters?format=csv', browser(1)),
      await view('/en/site-visits', browser(1)),
    ];
    assert.deepEqual(
      asked.map((r) => r.status),
      [200, 200, 200, 200, 404, 200, 200, 200, 401],
    );
    await flushSiteVisits(t.app);
    assert.deepEqual(await counts(), before);
  });

  test('no column can hold an address, a user agent or a cookie', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and table_name like 'site_visit%'
      order by table_name, ordinal_position`.execute(t.database.db);
    assert.deepEqual(
      columns.rows.map((c) => `${c.table_name}.${c.column_name}`),
      [
        'site_visit_count.id',
        'site_visit_count.day',
        'site_visit_count.language',
        'site_visit_count.section',
        'site_visit_count.path',
        'site_visit_count.views',
        'site_visit_count.visits',
        'site_visit_count.source',
        'site_visit_salt.day',
        'site_visit_salt.salt',
        'site_visitor.day',
        'site_visitor.visitor',
      ],
    );
    const visitors = await t.database.db.selectFrom('site_visitor').select('visitor').execute();
    assert.ok(visitors.length >= 26);
    for (const v of visitors) assert.match(v.visitor, /^[0-9a-f]{64}$/, 'a salted hash, nothing else');
  });

  test('a database that refuses the counts: the page is served, the loss is logged, nothing is half written', async () => {
    const before = await counts();
    const visitorsBefore = await t.database.db.selectFrom('site_visitor').select('visitor').execute();
    await sql`create function site_visit_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(
      t.database.db,
    );
    await sql`create trigger site_visit_refuse before insert or update on site_visit_count for each statement execute function site_visit_refuse()`.execute(
      t.database.db,
    );
    try {
      const pages = await Promise.all([
        view('/en/states/MLI', browser(300)),
        view('/en/states/MLI', browser(301)),
        view('/ar', browser(300)),
      ]);
      assert.deepEqual(
        pages.map((r) => r.status),
        [200, 200, 200],
      );
      await flushSiteVisits(t.app);
      const lost = t.logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('site visits:'));
      assert.ok(lost, 'a log line says what was lost');
      assert.equal(lost.lostPageViews, 3);
      assert.equal(lost.lostVisitors, 2);
      assert.equal(lost.level, 40);
      assert.deepEqual(await counts(), before);
      assert.equal(
        (await t.database.db.selectFrom('site_visitor').select('visitor').execute()).length,
        visitorsBefore.length,
        'the visitors rolled back',
      );
    } finally {
      await sql`drop trigger site_visit_refuse on site_visit_count`.execute(t.database.db);
      await sql`drop function site_visit_refuse()`.execute(t.database.db);
    }
  });

  test('the salt and visitors of an earlier day are deleted at the first write of a new day', async () => {
    await t.database.db
      .insertInto('site_visit_salt')
      .values({ day: '2018-12-20', salt: 'a'.repeat(64) })
      .execute();
    await t.database.db
      .insertInto('site_visitor')
      .values({ day: '2018-12-20', visitor: 'b'.repeat(64) })
      .execute();
    await view('/zh', browser(400));
    await flushSiteVisits(t.app);
    const days = await t.database.db.selectFrom('site_visit_salt').select('day').execute();
    assert.deepEqual(
      days.map((d) => d.day),
      [today],
    );
    assert.equal((await t.database.db.selectFrom('site_visitor').where('day', '<', today).select('visitor').execute()).length, 0);
  });
});

describe('the figures: page, CSV and API', () => {
  const clients = {} as Record<'secretariat' | 'poc' | 'provider', Client>;
  before(async () => {
    await seedVisitHistory(t.database.db, '2019-01-10');
    for (const [who, email] of [
      ['secretariat', 'secretariat@demo.r1540.org'],
      ['poc', 'poc.mli@demo.r1540.org'],
      ['provider', 'provider@demo.r1540.org'],
    ] as const) {
      clients[who] = new Client(t);
      await clients[who].login(email);
    }
  });

  test('1 January – 20 December 2018: 68,006 visits, 1 % more than the same days of 2017, with the definitions', async () => {
    const res = await clients.secretariat.get('/api/v1/site-visits?from=2018-01-01&to=2018-12-20');
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown> & {
      visits: number;
      views: number;
      yearBefore: { from: string; to: string; visits: number; views: number };
      change: { visits: number };
      bySection: { key: string; visits: number }[];
      byLanguage: { key: string; visits: number }[];
      topPages: { key: string; views: number }[];
      definitions: Record<string, string>;
    };
    assert.equal(body.visits, 68_006);
    assert.deepEqual(
      body.yearBefore,
      { from: '2017-01-01', to: '2017-12-20', visits: 67_340, views: body.yearBefore.views },
      'the same days of 2017',
    );
    assert.equal(body.change.visits, 1);
    assert.equal(body.illustrative, true);
    assert.equal(
      body.bySection.reduce((a, s) => a + s.visits, 0),
      68_006,
    );
    assert.equal(
      body.byLanguage.reduce((a, s) => a + s.visits, 0),
      68_006,
    );
    assert.ok(body.topPages.length > 0 && body.topPages.length <= 20);
    assert.match(body.definitions.visit ?? '', /distinct visitor on a day/);
    const none = (await (await clients.secretariat.get('/api/v1/site-visits?from=2015-01-01&to=2015-12-31')).json()) as typeof body;
    assert.deepEqual([none.visits, none.views, none.change.visits, none.illustrative], [0, 0, null, false]);
  });

  test('the page and its CSV in the reader’s language; the period as a GET form; bad periods name the field', async () => {
    const page = await clients.secretariat.get('/fr/site-visits?from=2018-01-01&to=2018-12-20');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /68\u202f006|68 006/);
    assert.match(html, /1\s%\sde plus/);
    assert.match(html, /<form method="get"/);
    const csv = await clients.secretariat.get('/fr/site-visits?from=2018-01-01&to=2018-12-20&format=csv');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).split('\r\n'); // text() drops the byte-order mark
    assert.equal(lines[0], 'Groupe,Élément,Visites,Pages vues,Évolution (%)');
    assert.match(lines[1] ?? '', /^Cette période,2018-01-01\/2018-12-20,68006,\d+,$/);
    assert.match(lines[2] ?? '', /^La même période un an plus tôt,2017-01-01\/2017-12-20,67340,\d+,$/);
    assert.equal(lines[3], 'Évolution,,,,1');
    const bad = await clients.secretariat.get('/api/v1/site-visits?from=2018-12-21&to=2018-01-01');
    assert.equal(bad.status, 422);
    assert.deepEqual(
      ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['to'],
    );
    assert.equal((await clients.secretariat.get('/en/site-visits?from=2018-13-01')).status, 422);
  });

  test('points of contact, providers and the public may not see them', async () => {
    for (const path of ['/en/site-visits', '/api/v1/site-visits', '/en/site-visits?format=csv']) {
      assert.equal((await clients.poc.get(path)).status, 403, path);
      assert.equal((await clients.provider.get(path)).status, 403, path);
      assert.equal((await t.request(path)).status, 401, path);
    }
    const home = await (await clients.poc.get('/en/')).text();
    assert.ok(!home.includes('/en/site-visits'), 'no menu entry for a point of contact');
    assert.ok((await (await clients.secretariat.get('/en/')).text()).includes('href="/en/site-visits"'));
  });
});
