import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/record.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { insertVisit } from '../../src/features/engagement/engagement.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  const seeded = await seedDemoEngagement(t.database.db);
  assert.deepEqual(seeded, { visits: 11, courses: 2 });
});
after(() => t.close());

interface Visit {
  stateIso3: string;
  kind: string;
  purposes: string[];
  statesInvolved: string[];
  partner: string;
  source: string;
}

describe('visits and courses', () => {
  test('the seed’s 2018 visits through the API, with filters', async () => {
    const res = await t.request('/api/v1/visits?year=2018');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { count: number; data: Visit[] };
    assert.equal(body.count, 10);
    const invited = body.data.filter((v) => v.kind === 'visit-at-invitation' || v.kind === 'round-table').map((v) => v.stateIso3);
    assert.deepEqual(invited.sort(), ['BHR', 'GNQ', 'GUY', 'MLI', 'PER', 'SUR', 'ZMB']);
    assert.deepEqual(body.data.find((v) => v.stateIso3 === 'MLI')?.purposes, ['first-report']);
    const peer = body.data.find((v) => v.kind === 'peer-review');
    assert.deepEqual(peer?.statesInvolved, ['KGZ', 'TJK', 'BLR']);
    assert.deepEqual(
      body.data
        .filter((v) => v.kind === 'joint-visit')
        .map((v) => [v.stateIso3, v.partner])
        .sort(),
      [
        ['ARM', 'CTED'],
        ['GEO', 'CTED'],
      ],
    );
    assert.ok(body.data.every((v) => v.source === 'seed'));
    const chile = (await (await t.request('/api/v1/visits?state=chl')).json()) as { data: Visit[] };
    assert.deepEqual(
      chile.data.map((v) => [v.kind, v.statesInvolved.join('-')]),
      [['peer-review', 'CHL-COL']],
    );
    const joint = (await (await t.request('/api/v1/visits?kind=joint-visit')).json()) as { count: number };
    assert.equal(joint.count, 2);
  });

  test('visits per year and courses', async () => {
    const res = await t.request('/api/v1/visits/per-year?from=2016&to=2018');
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { data: unknown }).data, [
      { year: 2016, count: 0 },
      { year: 2017, count: 1 },
      { year: 2018, count: 10 },
    ]);
    const courses = (await (await t.request('/api/v1/courses?year=2018')).json()) as {
      count: number;
      data: { place: string; startsOn: string; endsOn: string; hostOrganizations: string[] }[];
    };
    assert.equal(courses.count, 2);
    assert.deepEqual(
      courses.data.map((c) => [c.place, c.startsOn, c.endsOn, c.hostOrganizations.join('+')]),
      [
        ['Rostov-on-Don (Russian Federation)', '2018-09-04', '2018-09-07', 'OSCE+UNODA'],
        ['Addis Ababa', '2018-08-14', '2018-08-17', 'AU'],
      ],
    );
    assert.equal(((await (await t.request('/api/v1/courses?year=2017')).json()) as { count: number }).count, 0);
  });

  test('bad input: a year that is not one, a future date', async () => {
    assert.equal((await t.request('/api/v1/visits?year=abc')).status, 422);
    assert.equal((await t.request('/api/v1/visits?kind=picnic')).status, 422);
    assert.equal((await t.request('/api/v1/visits/per-year?from=2019&to=2018')).status, 422);
    assert.equal((await t.request('/en/visits?year=12')).status, 400);
    await assert.rejects(
      t.database.db
        .transaction()
        .execute((trx) =>
          insertVisit(trx, systemActor, { state_iso3: 'MLI', kind: 'visit-at-invitation', starts_on: '2999-01-01', source: 'entered' }),
        ),
      (e: Error & { fields?: { field: string; problem: string }[] }) =>
        e.fields?.[0]?.field === 'startsOn' && /future/.test(e.fields[0].problem),
    );
    await assert.rejects(t.database.db.deleteFrom('visit').execute());
    await assert.rejects(t.database.db.deleteFrom('course').execute());
  });

  test('a visit kept for the Committee is not shown to others', async () => {
    const row = await t.database.db.transaction().execute((trx) =>
      insertVisit(trx, systemActor, {
        state_iso3: 'NER',
        kind: 'visit-at-invitation',
        starts_on: '2016-05-02',
        note: 'Restricted visit note',
        source: 'entered',
        confidentiality: 'committee-and-state',
      }),
    );
    assert.ok(row.id);
    const pub = await (await t.request('/api/v1/visits?year=2016')).json();
    assert.deepEqual((pub as { count: number }).count, 0);
    const poc = new Client(t);
    await poc.login('poc.mli@demo.r1540.org');
    assert.equal((await (await poc.get('/en/visits?year=2016')).text()).includes('Restricted visit note'), false);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    assert.equal((await (await expert.get('/en/visits?year=2016')).text()).includes('Restricted visit note'), true);
  });

  test('the pages list the visits and the courses in every language', async () => {
    const c = new Client(t);
    const en = await (await c.get('/en/visits?year=2018')).text();
    assert.match(en, /Visits shown: 10/);
    assert.match(en, /Help with the first report/);
    assert.match(en, /href="\/en\/states\/MLI"/);
    const fr = await c.get('/fr/courses');
    assert.equal(fr.status, 200);
    const frText = await fr.text();
    assert.match(frText, /Addis Ababa/);
    assert.match(frText, /Formations pour les points de contact/);
    assert.equal((await c.get('/ar/visits')).status, 200);
  });
});
