import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { createPlan, createReport } from '../../src/features/reports/commands.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { type TestApp, testApp } from '../support/app.ts';

// One report or plan through the API: GET, PATCH with the row version, archive and restore; plans per year.
let t: TestApp;
const token: Record<string, string> = {};
type Who = 'public' | 'expert' | 'secretariat' | 'committee' | 'poc';
type Body = Record<string, unknown> & { errors?: { field: string; problem: string }[] };

async function api(path: string, who: Who = 'public', init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${token[who]}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Body };
}
const patch = (path: string, who: Who, json: unknown) => api(path, who, { method: 'PATCH', json });
const post = (path: string, who: Who, json: unknown) => api(path, who, { method: 'POST', json });

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const [who, email] of [
    ['expert', 'expert@demo.r1540.org'],
    ['secretariat', 'secretariat@demo.r1540.org'],
    ['committee', 'committee@demo.r1540.org'],
    ['poc', 'poc.mli@demo.r1540.org'],
  ] as const) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    token[who] = (await createApiToken(db, systemActor, user.id, 'records-test')).token;
  }
  await seedDemoReports(db);
});
after(() => t.close());

describe('a report', () => {
  let id = '';

  test('GET: the report as the lists give it; a hidden or unknown one is not found', async () => {
    const made = await post('/api/v1/reports', 'expert', {
      state: 'NPL',
      kind: 'additional-information',
      receivedOn: '2019-03-01',
      symbol: 'S/AC.44/2019/7',
      paragraphs: ['OP2'],
    });
    assert.equal(made.status, 201);
    id = made.body.id as string;
    const got = await api(`/api/v1/reports/${id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, made.body);
    assert.equal(got.body.archived, false);
    assert.equal(got.body.rowVersion, 1);
    const secret = await createReport(t.database.db, systemActor, {
      stateIso3: 'NPL',
      kind: 'additional-information',
      receivedOn: '2019-04-01',
      confidentiality: 'committee',
    });
    for (const who of ['public', 'poc'] as const) {
      const hidden = await api(`/api/v1/reports/${secret.id}`, who);
      assert.equal(hidden.status, 404, who);
      assert.match(hidden.type, /^application\/problem\+json/);
    }
    assert.equal((await api(`/api/v1/reports/${secret.id}`, 'committee')).status, 200);
    assert.equal((await api('/api/v1/reports/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await api('/api/v1/reports/not-an-id')).status, 404);
  });

  test('PATCH changes what is sent, keeps the rest, and needs the row version', async () => {
    const changed = await patch(`/api/v1/reports/${id}`, 'secretariat', {
      rowVersion: 1,
      summary: 'Export controls',
      weaponTypes: ['chemical', 'nuclear', 'chemical'],
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.rowVersion, 2);
    assert.equal(changed.body.summary, 'Export controls');
    assert.deepEqual(changed.body.weaponTypes, ['nuclear', 'chemical']);
    assert.equal(changed.body.symbol, 'S/AC.44/2019/7', 'kept');
    assert.deepEqual(changed.body.paragraphs, ['OP2'], 'kept');
    const stale = await patch(`/api/v1/reports/${id}`, 'expert', { rowVersion: 1, summary: 'Mine' });
    assert.equal(stale.status, 409);
    assert.match(stale.type, /^application\/problem\+json/);
    assert.match(String(stale.body.detail), /changed by someone else \(version 2, yours 1\)/);
    assert.equal((await patch(`/api/v1/reports/${id}`, 'expert', { summary: 'No version' })).status, 422);
    const bad = await patch(`/api/v1/reports/${id}`, 'expert', { rowVersion: 2, paragraphs: ['OP9'], receivedOn: '2999-01-01' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors?.map((e) => e.field).sort(), ['paragraphs', 'receivedOn']);
    const first = await patch(`/api/v1/reports/${id}`, 'expert', { rowVersion: 2, kind: 'first-report' });
    assert.equal(first.status, 409, 'the State has its first report: a value another record holds');
    assert.equal(first.body.errors?.[0]?.field, 'kind');
    assert.equal((await api(`/api/v1/reports/${id}`)).body.summary, 'Export controls', 'nothing half-saved');
  });

  test('only the keepers change; the public is stopped at the door', async () => {
    assert.equal((await patch(`/api/v1/reports/${id}`, 'poc', { rowVersion: 2, summary: 'x' })).status, 403);
    assert.equal((await patch(`/api/v1/reports/${id}`, 'committee', { rowVersion: 2, summary: 'x' })).status, 403);
    assert.equal((await patch(`/api/v1/reports/${id}`, 'public', { rowVersion: 2, summary: 'x' })).status, 403);
    assert.equal((await post(`/api/v1/reports/${id}/archive`, 'poc', { rowVersion: 2 })).status, 403);
    assert.equal((await api(`/api/v1/reports/${id}`)).body.rowVersion, 2);
  });

  test('archive and restore with the row version; a second first report is not restored', async () => {
    assert.equal((await post(`/api/v1/reports/${id}/archive`, 'expert', { rowVersion: 1 })).status, 409);
    const archived = await post(`/api/v1/reports/${id}/archive`, 'expert', { rowVersion: 2 });
    assert.equal(archived.status, 200);
    assert.equal(archived.body.archived, true);
    assert.equal((await api('/api/v1/reports?from=2019-03-01&to=2019-03-01')).body.count, 0);
    const restored = await post(`/api/v1/reports/${id}/restore`, 'expert', { rowVersion: 3 });
    assert.equal(restored.body.archived, false);
    assert.equal(restored.body.rowVersion, 4);

    // A mistaken first report, archived and replaced by the right one: the mistake cannot come back.
    const wrong = await post('/api/v1/reports', 'expert', { state: 'SOM', kind: 'first-report', receivedOn: '2018-05-01' });
    await post(`/api/v1/reports/${wrong.body.id}/archive`, 'expert', { rowVersion: 1 });
    assert.equal((await post('/api/v1/reports', 'expert', { state: 'SOM', kind: 'first-report', receivedOn: '2018-06-01' })).status, 201);
    const back = await post(`/api/v1/reports/${wrong.body.id}/restore`, 'expert', { rowVersion: 2 });
    assert.equal(back.status, 409);
    assert.equal(back.body.errors?.[0]?.field, 'kind');
    const status = await api('/api/v1/reporting-status?asOf=2018-05-15');
    assert.ok((status.body.nonReporting as string[]).includes('SOM'), 'the archived mistake does not count');

    const events = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', id).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'update', 'archive', 'restore'],
    );
  });
});

describe('a plan', () => {
  test('GET, PATCH (null clears a date), a number taken twice, archive and restore', async () => {
    const made = await post('/api/v1/action-plans', 'secretariat', {
      state: 'NPL',
      number: 1,
      status: 'drafting',
      startedOn: '2019-01-10',
    });
    assert.equal(made.status, 201);
    const id = made.body.id as string;
    assert.deepEqual((await api(`/api/v1/action-plans/${id}`)).body, made.body);
    const sent = await patch(`/api/v1/action-plans/${id}`, 'expert', { rowVersion: 1, status: 'submitted', submittedOn: '2019-06-01' });
    assert.equal(sent.status, 200);
    assert.equal(sent.body.startedOn, '2019-01-10', 'kept');
    const cleared = await patch(`/api/v1/action-plans/${id}`, 'expert', { rowVersion: 2, startedOn: null });
    assert.equal(cleared.body.startedOn, null);
    const second = await post('/api/v1/action-plans', 'expert', { state: 'NPL', number: 2, status: 'drafting' });
    const twice = await patch(`/api/v1/action-plans/${second.body.id}`, 'expert', { rowVersion: 1, number: 1 });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.errors?.[0]?.field, 'number');
    assert.match(twice.body.errors?.[0]?.problem ?? '', /numbered 1 already/);
    assert.equal((await patch(`/api/v1/action-plans/${id}`, 'expert', { rowVersion: 2, status: 'published' })).status, 409);
    const noDate = await patch(`/api/v1/action-plans/${id}`, 'expert', { rowVersion: 3, status: 'published' });
    assert.equal(noDate.status, 422);
    assert.equal(noDate.body.errors?.[0]?.field, 'publishedOn');
    assert.equal((await patch(`/api/v1/action-plans/${id}`, 'poc', { rowVersion: 3, number: 5 })).status, 403);
    const archived = await post(`/api/v1/action-plans/${id}/archive`, 'expert', { rowVersion: 3 });
    assert.equal(archived.body.archived, true);
    const renumbered = await patch(`/api/v1/action-plans/${second.body.id}`, 'expert', { rowVersion: 1, number: 1 });
    assert.equal(renumbered.status, 200, 'the archived plan freed its number');
    const refused = await post(`/api/v1/action-plans/${id}/restore`, 'expert', { rowVersion: 4 });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.errors?.[0]?.field, 'number');
    assert.equal((await api('/api/v1/action-plans/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  test('two plans of one number recorded at the same moment: one is stored, the other refused by field (409)', async () => {
    const input = { stateIso3: 'BTN', number: 1, status: 'drafting' };
    const results = await Promise.allSettled([
      createPlan(t.database.db, systemActor, input),
      createPlan(t.database.db, systemActor, input),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal(refused.reason.code, 'conflict');
    assert.equal(refused.reason.fields[0].field, 'number');
    assert.equal((await t.database.db.selectFrom('action_plan').select('id').where('state_iso3', '=', 'BTN').execute()).length, 1);
  });

  test('plans per year: the seed’s 32 since 2007, 3 in 2018; the same for every reader (issue 13, item 3)', async () => {
    const res = await api('/api/v1/action-plans/per-year?from=2007&to=2018');
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 32);
    const data = res.body.data as { year: number; plans: number }[];
    assert.equal(data.length, 12);
    assert.deepEqual(data.at(-1), { year: 2018, plans: 3 });
    await createPlan(t.database.db, systemActor, {
      stateIso3: 'BTN',
      number: 2,
      status: 'submitted',
      submittedOn: '2018-03-03',
      confidentiality: 'committee',
    });
    // A committee-only plan counts for the public too: that and when a State submitted a plan is public.
    assert.equal((await api('/api/v1/action-plans/per-year?from=2018&to=2018')).body.total, 4);
    assert.equal((await api('/api/v1/action-plans/per-year?from=2018&to=2018', 'expert')).body.total, 4);
    assert.equal((await api('/api/v1/action-plans/per-year?from=2019&to=2018')).status, 422);
    assert.equal((await api('/api/v1/action-plans/per-year?from=1999')).status, 422);
    const spec = await api('/api/v1/openapi.json');
    const paths = spec.body.paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of [
      ['/reports/{id}', 'patch'],
      ['/reports/{id}/archive', 'post'],
      ['/action-plans/{id}', 'get'],
      ['/action-plans/{id}/restore', 'post'],
      ['/action-plans/per-year', 'get'],
    ] as const)
      assert.ok(paths[path]?.[method], `${method} ${path} is documented`);
  });
});
