import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { archivePlan, createPlan, createReport, updatePlan } from '../../src/features/reports/commands.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const token: Record<string, string> = {};
let pub: Client;
let exp: Client;

async function api(
  path: string,
  who: 'public' | 'expert' | 'secretariat' | 'poc' = 'public',
  init: { method?: string; json?: unknown } = {},
) {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${token[who]}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { errors?: { field: string; problem: string }[] } };
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const [who, email] of [
    ['expert', 'expert@demo.r1540.org'],
    ['secretariat', 'secretariat@demo.r1540.org'],
    ['poc', 'poc.mli@demo.r1540.org'],
  ] as const) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    token[who] = (await createApiToken(db, systemActor, user.id, 'reports-test')).token;
  }
  const seeded = await seedDemoReports(db);
  assert.equal(seeded.plans, 34, '32 received and 2 being drafted');
  pub = new Client(t);
  exp = new Client(t);
  await exp.login('expert@demo.r1540.org');
});
after(() => t.close());

describe('the demonstration data equals the seed’s totals', () => {
  test('182 States had reported as at 31 December 2018; 14 had not at the start of 2018, 11 at its end', async () => {
    const end = await api('/api/v1/reporting-status?asOf=2018-12-31');
    assert.equal(end.status, 200);
    assert.equal(end.body.states, 193);
    assert.equal(end.body.reportingCount, 182);
    assert.equal(end.body.nonReportingCount, 11);
    assert.deepEqual(end.body.additionalInformationInYear, ['ARG', 'AUS', 'BDI', 'GRC', 'HUN', 'IDN', 'KHM', 'MYS']);
    const start = await api('/api/v1/reporting-status?asOf=2017-12-31');
    assert.equal(start.body.nonReportingCount, 14);
    const firsts = (start.body.nonReporting as string[]).filter((s) => !(end.body.nonReporting as string[]).includes(s));
    assert.deepEqual(firsts, ['COM', 'GNB', 'TLS']);
    // The Chair's letter of May 2018 went to the 12 remaining.
    assert.equal((await api('/api/v1/reporting-status?asOf=2018-05-01')).body.nonReportingCount, 12);
  });

  test('32 plans since 2007, 3 of them in 2018; Guyana’s and Suriname’s being drafted with the experts', async () => {
    const res = await api('/api/v1/action-plans?asOf=2018-12-31');
    assert.equal(res.status, 200);
    assert.equal(res.body.since2007, 32);
    const perYear = res.body.perYear as { year: number; plans: number }[];
    assert.equal(perYear.find((y) => y.year === 2018)?.plans, 3);
    assert.equal(
      perYear.reduce((n, y) => n + y.plans, 0),
      32,
    );
    const data = res.body.data as { state: string; number: number; status: string; source: string; submittedOn: string | null }[];
    const of2018 = data
      .filter((p) => p.submittedOn?.startsWith('2018'))
      .map((p) => `${p.state}${p.number}`)
      .sort();
    assert.deepEqual(of2018, ['SRB2', 'TKM1', 'URY1']);
    assert.deepEqual(
      data.filter((p) => p.status === 'drafting-with-experts').map((p) => p.state),
      ['GUY', 'SUR'],
    );
    assert.deepEqual(
      data.filter((p) => p.number === 2).map((p) => p.state),
      ['CAN', 'KGZ', 'SRB', 'UZB'],
    );
    assert.ok(data.filter((p) => p.source === 'seed').length >= 8);
  });

  test('the demonstration data is loaded once', async () => {
    assert.deepEqual(await seedDemoReports(t.database.db), { reports: 0, plans: 0 });
  });
});

describe('the API', () => {
  test('a State’s reports and the reports of a period', async () => {
    const com = await api('/api/v1/states/com/reports');
    assert.equal(com.status, 200);
    assert.deepEqual(
      (com.body.reports as { kind: string; source: string }[]).map((r) => [r.kind, r.source]),
      [['first-report', 'seed']],
    );
    assert.equal((await api('/api/v1/states/XXX/reports')).status, 404);
    const year = await api('/api/v1/reports?from=2018-01-01&to=2018-12-31');
    assert.equal(year.body.count, 11);
    const add = await api('/api/v1/reports?from=2018-01-01&to=2018-12-31&kind=additional-information');
    assert.equal(add.body.count, 8);
    const bad = await api('/api/v1/reports?from=2018-02-30');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors?.[0]?.field, 'from');
    assert.equal((await api('/api/v1/reporting-status?asOf=yesterday')).status, 422);
  });

  test('bad input: a date in the future, an unknown State, a second first report, a plan numbered twice', async () => {
    const future = await api('/api/v1/reports', 'expert', {
      method: 'POST',
      json: { state: 'ARG', kind: 'additional-information', receivedOn: '2999-01-01' },
    });
    assert.equal(future.status, 422);
    assert.equal(future.body.errors?.[0]?.field, 'receivedOn');
    assert.match(future.body.errors?.[0]?.problem ?? '', /future/);
    const unknown = await api('/api/v1/reports', 'expert', {
      method: 'POST',
      json: { state: 'XXX', kind: 'first-report', receivedOn: '2018-01-01' },
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors?.[0]?.field, 'state');
    const second = await api('/api/v1/reports', 'expert', {
      method: 'POST',
      json: { state: 'COM', kind: 'first-report', receivedOn: '2018-01-01' },
    });
    assert.equal(second.status, 409, 'a value another record holds');
    assert.equal(second.body.errors?.[0]?.field, 'kind');
    const twice = await api('/api/v1/action-plans', 'secretariat', {
      method: 'POST',
      json: { state: 'SRB', number: 2, status: 'submitted', submittedOn: '2018-07-01' },
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.errors?.[0]?.field, 'number');
    assert.match(twice.body.errors?.[0]?.problem ?? '', /numbered 2/);
    const noDate = await api('/api/v1/action-plans', 'secretariat', {
      method: 'POST',
      json: { state: 'GUY', number: 2, status: 'submitted' },
    });
    assert.equal(noDate.status, 422);
    assert.equal(noDate.body.errors?.[0]?.field, 'submittedOn');
    assert.equal((await t.database.db.selectFrom('action_plan').select('id').where('state_iso3', '=', 'GUY').execute()).length, 1);
  });

  test('only the keepers record; a record is audited', async () => {
    const json = { state: 'ARG', kind: 'additional-information', receivedOn: '2019-02-01', symbol: 'S/AC.44/2019/1' };
    assert.equal((await api('/api/v1/reports', 'poc', { method: 'POST', json })).status, 403);
    const made = await api('/api/v1/reports', 'expert', { method: 'POST', json });
    assert.equal(made.status, 201);
    assert.equal(made.body.source, 'entered');
    const event = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('record_type', '=', 'national-report')
      .where('record_id', '=', made.body.id as string)
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'create');
    assert.notEqual(event.actor_label, 'system');
  });
});

describe('confidentiality', () => {
  test('a restricted report is seen by the Committee side only (list, pages and CSV); that the State reported, and when, is public (status)', async () => {
    const made = await api('/api/v1/reports', 'expert', {
      method: 'POST',
      json: { state: 'SOM', kind: 'first-report', receivedOn: '2018-06-01', symbol: 'S/AC.44/2018/SECRET', confidentiality: 'committee' },
    });
    assert.equal(made.status, 201);
    const path = '/api/v1/reports?from=2018-06-01&to=2018-06-01';
    assert.equal((await api(path)).body.count, 0);
    assert.equal((await api(path, 'poc')).body.count, 0);
    assert.equal((await api(path, 'expert')).body.count, 1);
    // The status is the same for every reader (issue 13, item 3): SOM's first report counts for the public too.
    assert.equal((await api('/api/v1/reporting-status?asOf=2018-12-31')).body.reportingCount, 183);
    assert.equal((await api('/api/v1/reporting-status?asOf=2018-12-31', 'expert')).body.reportingCount, 183);
    assert.equal(
      (await api('/api/v1/states/SOM/reports')).body.reports &&
        ((await api('/api/v1/states/SOM/reports')).body.reports as unknown[]).length,
      0,
    );
    const page = await (await pub.get('/en/reports?from=2018-06-01&to=2018-06-01')).text();
    assert.doesNotMatch(page, /SECRET|states\/SOM\/reports/);
    const csv = await (await pub.get('/en/reports?from=2018-01-01&to=2018-12-31&format=csv')).text();
    assert.doesNotMatch(csv, /SOM|SECRET/);
    const expertCsv = await (await exp.get('/en/reports?from=2018-01-01&to=2018-12-31&format=csv')).text();
    assert.match(expertCsv, /SECRET/);
    const status = await (await pub.get('/en/reports/status?asOf=2018-12-31&format=csv')).text();
    assert.doesNotMatch(status, /,SOM,/, 'to the public too, SOM has reported');
    const expertStatus = await (await exp.get('/en/reports/status?asOf=2018-12-31&format=csv')).text();
    assert.doesNotMatch(expertStatus, /,SOM,/);
  });
});

describe('pages', () => {
  test('submissions of a period, with a CSV', async () => {
    const res = await pub.get('/en/reports?from=2018-01-01&to=2018-12-31&kind=additional-information');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Reports: 8/);
    assert.match(html, /href="\/en\/states\/HUN\/reports"/);
    assert.match(html, /format=csv/);
    const csv = await pub.get('/en/reports?from=2018-01-01&to=2018-12-31&kind=first-report&format=csv');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 1 + 3);
    assert.match(lines[1]!, /,COM,First report,2018-03-15,/);
    assert.equal((await pub.get('/en/reports?from=31/12/2018')).status, 422);
  });

  test('the non-reporting States as at a date, in six languages, with a CSV', async () => {
    const html = await (await pub.get('/en/reports/status?asOf=2018-12-31')).text();
    // 183: SOM's restricted first report (the confidentiality test) counts for the public too.
    assert.match(html, /183 of 193 States had submitted a first report; 10 had not/);
    for (const l of ['fr', 'es', 'ru', 'zh', 'ar']) assert.equal((await pub.get(`/${l}/reports/status?asOf=2017-12-31`)).status, 200);
    const lines = (await (await pub.get('/en/reports/status?asOf=2017-12-31&format=csv')).text()).trim().split('\r\n');
    assert.equal(lines.length, 1 + 14);
  });

  test('action plans and a State’s reports and plans', async () => {
    const plans = await (await pub.get('/en/action-plans?asOf=2018-12-31')).text();
    assert.match(plans, /Plans received since 2007, as at December 31, 2018: 32/);
    assert.match(plans, /Being drafted with the experts/);
    const srb = await pub.get('/fr/states/SRB/reports');
    assert.equal(srb.status, 200);
    assert.match(await srb.text(), /Présenté/);
    assert.equal((await pub.get('/en/states/XXX/reports')).status, 404);
  });
});

describe('commands', () => {
  test('updates are version-checked; an archived plan frees its number; nothing is deleted', async () => {
    const db = t.database.db;
    const plan = await createPlan(db, systemActor, { stateIso3: 'NPL', number: 1, status: 'drafting', startedOn: '2019-01-01' });
    await assert.rejects(
      updatePlan(db, systemActor, plan.id, plan.row_version + 1, { number: 1, status: 'drafting' }),
      /changed by someone else/,
    );
    const moved = await updatePlan(db, systemActor, plan.id, plan.row_version, {
      number: 1,
      status: 'submitted',
      startedOn: '2019-01-01',
      submittedOn: '2019-06-01',
    });
    assert.equal(moved.row_version, 2);
    await assert.rejects(createPlan(db, systemActor, { stateIso3: 'NPL', number: 1, status: 'drafting' }), /numbered 1/);
    await archivePlan(db, systemActor, plan.id, moved.row_version);
    const again = await createPlan(db, systemActor, { stateIso3: 'NPL', number: 1, status: 'drafting' });
    assert.equal(again.number, 1);
    await assert.rejects(db.deleteFrom('action_plan').where('id', '=', plan.id).execute());
    const report = await createReport(db, systemActor, { stateIso3: 'NPL', kind: 'additional-information', receivedOn: '2019-01-01' });
    await assert.rejects(db.deleteFrom('national_report').where('id', '=', report.id).execute());
    const events = await db.selectFrom('audit_event').select('action').where('record_id', '=', plan.id).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'update', 'archive'],
    );
  });
});
