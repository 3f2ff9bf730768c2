import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { startDraft } from '../../src/features/matrix/versions/commands.ts';
import { openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import { createCycle } from '../../src/features/matrix/reviews/review-data.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

interface OpenApiDoc {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }>>;
  components: { securitySchemes: Record<string, unknown> };
}

test('the OpenAPI 3.1 document describes every API route, and each answers as documented', async () => {
  const res = await t.request('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as OpenApiDoc;
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.servers[0]?.url, '/api/v1');
  assert.ok(doc.components.securitySchemes.bearerAuth);
  for (const path of [
    '/states',
    '/states/{iso3}',
    '/organizations',
    '/organizations/{code}',
    '/matrix/templates',
    '/matrix/templates/{version}',
    '/states/{iso3}/matrix',
    '/states/{iso3}/matrix/versions',
    '/states/{iso3}/matrix/diff',
    '/audit',
    '/me',
  ]) {
    assert.ok(doc.paths[path]?.get, `${path} is documented`);
  }
  const expert = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'expert@demo.r1540.org')
    .executeTakeFirstOrThrow();
  const { token } = await createApiToken(t.database.db, { id: null, label: 'test' }, expert.id, 'openapi test');
  const expertViewer = viewerOf(
    await t.database.db.selectFrom('app_user').selectAll().where('id', '=', expert.id).executeTakeFirstOrThrow(),
  );
  const cycle = await createCycle(t.database.db, { id: expert.id, label: 'test' }, expertViewer, {
    title: 'OpenAPI walk',
    startsOn: '2026-01-01',
    deadline: '2026-12-31',
  });
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode('Rapport national, texte intégral.')], 'report.txt', { type: 'text/plain' }));
  for (const [k, v] of Object.entries({ title: 'OpenAPI walk', language: 'fr', kind: 'other', confidentiality: 'public' }))
    form.append(k, v);
  const uploaded = await t.request('/api/v1/documents', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  assert.equal(uploaded.status, 201, await uploaded.clone().text());
  const documentId = ((await uploaded.json()) as { id: string }).id;
  const examples: Record<string, string> = { '{iso3}': 'MLI', '{code}': 'IAEA', '{version}': '2017', '{number}': '17', '{year}': '2018' };
  // `{id}` names a record of the kind the path is about: a demo record where the demo data has one.
  await seedDemoReports(t.database.db);
  await seedDemoEngagement(t.database.db);
  const firstId = async (table: 'national_report' | 'action_plan' | 'visit' | 'course') =>
    (await t.database.db.selectFrom(table).select('id').where('archived_at', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id;
  const ids: Record<string, string> = {
    documents: documentId,
    reports: await firstId('national_report'),
    'action-plans': await firstId('action_plan'),
    visits: await firstId('visit'),
    courses: await firstId('course'),
    letters: (
      await t.database.db
        .insertInto('letter')
        .values({
          kind: 'letter',
          sent_on: '2018-05-02',
          sender_kind: 'chair',
          recipients_mode: 'committee',
          subject: 'OpenAPI walk',
          source: 'entered',
          confidentiality: 'public',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    // Under /assistance the second segment says the kind: `/assistance/requests/{id}`, `/assistance/offers/{id}`.
    'assistance/requests': (
      await t.database.db
        .insertInto('assistance_request')
        .values({ state_iso3: 'MLI', received_on: '2018-06-11', channel: 'note-verbale', status_on: '2018-06-11', source: 'entered' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    'assistance/offers': (
      await t.database.db
        .insertInto('assistance_offer')
        .values({
          provider_kind: 'organization',
          provider_organization_code: 'IAEA',
          title: 'OpenAPI walk',
          areas: ['border-control'],
          source: 'entered',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  };
  // A kind this walk has no record of (a new feature's) is asked for by the first record its list
  // route gives the expert; with none, by an id that names nothing, which must be a documented 404.
  const nothing = '00000000-0000-4000-8000-000000000000';
  const kindOf = (path: string) =>
    ids[path.split('/').slice(1, 3).join('/')] ? path.split('/').slice(1, 3).join('/') : path.split('/')[1]!;
  const idFor = async (path: string) => {
    const known = ids[kindOf(path)] ?? (path.startsWith('/matrix/reviews/') ? cycle.id : undefined);
    if (known) return known;
    const list = path.slice(0, path.indexOf('/{id}'));
    const answer = await t.request(`/api/v1${list}`, { headers: { authorization: `Bearer ${token}` } });
    const first = answer.ok ? ((await answer.json()) as { data?: { id?: string }[] }).data?.[0]?.id : undefined;
    return first ?? nothing;
  };
  // A working group's code names a working group, not an organization.
  const groupCode = 'walk-group';
  await t.database.db
    .insertInto('programme_of_work')
    .values({ number: 17, symbol: 'S/2018/340', started_on: '2018-02-01', ended_on: '2019-01-31' })
    .execute();
  await t.database.db
    .insertInto('working_group')
    .values({ code: groupCode, names: JSON.stringify({ en: 'OpenAPI walk' }), position: 99 })
    .execute();
  // Paths whose required query parameters the walk supplies; MLI gets a draft for the matrix paths.
  const queries: Record<string, string> = {
    '/states/{iso3}/matrix/diff': '?from=1&to=1',
    '/search': '?q=mali',
    '/publications/figures': '?year=2018',
    '/events/figures': '?year=2018',
    '/committee/people/figures': '?year=2018',
    '/trust-fund/figures': '?year=2018',
    '/site-visits': '?from=2018-01-01&to=2018-12-20',
  };
  if (!(await openMatrix(t.database.db, 'MLI'))) await startDraft(t.database.db, { id: null, label: 'test' }, 'MLI');
  for (const [path, ops] of Object.entries(doc.paths)) {
    const id = path.includes('{id}') ? await idFor(path) : '';
    const example = (p: string) => (p === '{code}' && path.startsWith('/working-groups/') ? groupCode : (examples[p] ?? p));
    const concrete = path.replace(/\{\w+\}/g, (p) => (p === '{id}' ? id : example(p)));
    for (const [method, op] of Object.entries(ops)) {
      if (method !== 'get') continue;
      const answer = await t.request(`/api/v1${concrete}${queries[path] ?? ''}`, { headers: { authorization: `Bearer ${token}` } });
      assert.ok(String(answer.status) in op.responses, `${method.toUpperCase()} ${concrete} gave ${answer.status}, not documented`);
      // The walk's database holds no annual review: the review of 2018 is a documented 404 there.
      const absent = id === nothing || path.startsWith('/reviews/{year}');
      assert.equal(answer.status, absent ? 404 : 200, `${concrete} as an expert`);
    }
  }
});
