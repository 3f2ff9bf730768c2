import { todayIso } from '../../src/platform/values/dates.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import type { Confidentiality } from '../../src/platform/policy/levels.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// Visits and courses kept through forms and the API, as an expert; and what each viewer may see of them.
const roles = {
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner@engagement.r1540.org',
  provider: 'provider@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
} as const;
type Role = keyof typeof roles | 'public';
const everyone: Role[] = ['public', 'poc', 'pocNer', 'provider', 'expert', 'committee', 'secretariat'];

let t: TestApp;
const clients = {} as Record<Role, Client>;
const tokens = {} as Record<Role, string | undefined>;
const nextYear = String(Number(todayIso().slice(0, 4)) + 1);

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await addUser(db, systemActor, {
    email: roles.pocNer,
    displayName: 'Engagement test point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'demo-password-1540',
  });
  clients.public = new Client(t);
  await clients.public.get('/en/');
  for (const [role, email] of Object.entries(roles) as [keyof typeof roles, string][]) {
    clients[role] = new Client(t);
    await clients[role].login(email);
    const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    tokens[role] = (await createApiToken(db, systemActor, user.id, 'engagement forms')).token;
  }
});
after(() => t.close());

function api(role: Role, path: string, method = 'GET', body?: unknown) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (tokens[role]) headers.authorization = `Bearer ${tokens[role]}`;
  return t.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

const idFrom = (res: Response, kind: 'visits' | 'courses') => {
  const m = new RegExp(`^/en/${kind}/([0-9a-f-]{36})$`).exec(res.headers.get('location') ?? '');
  assert.ok(m, `redirected to the new record, not ${res.headers.get('location')}`);
  return m[1]!;
};

/** A document row linked to a record, as the library stores one (the file itself is not needed here). */
async function linkedDocument(
  title: string,
  confidentiality: Confidentiality,
  recordType: string,
  recordId: string,
  stateIso3: string | null,
  archived = false,
) {
  const db = t.database.db;
  const doc = await db
    .insertInto('document')
    .values({
      title,
      language: 'en',
      kind: recordType === 'visit' ? 'visit' : 'course',
      state_iso3: stateIso3,
      sha256: 'ab'.repeat(32),
      media_type: 'text/plain',
      byte_size: 12,
      page_count: null,
      extracted_text: title,
      extraction_status: 'extracted',
      extraction_problem: null,
      original_name: 'note.txt',
      confidentiality,
      uploaded_by: null,
      archived_at: archived ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('document_link').values({ document_id: doc.id, record_type: recordType, record_id: recordId }).execute();
  return doc.id;
}

const visitForm = {
  stateIso3: 'MLI',
  kind: 'visit-at-invitation',
  status: 'held',
  startsOn: '2018-10-17',
  endsOn: '2018-10-19',
  purposes: ['first-report', 'gaps-and-assistance'],
  place: 'Bamako',
  statesInvolved: '',
  whoWent: 'Two experts of the Group',
  organizationsInvolved: 'unoda',
  supportingOrganizations: 'UNLIREC, WCO',
  partner: '',
  note: 'Workshop on the first report',
  confidentiality: 'public',
};

describe('visits: forms as an expert', () => {
  let visitId = '';

  test('who may open the form', async () => {
    const out = {} as Record<Role, number>;
    for (const r of everyone) out[r] = (await clients[r].get('/en/visits/new')).status;
    assert.deepEqual(out, { public: 401, poc: 403, pocNer: 403, provider: 403, expert: 200, committee: 403, secretariat: 200 });
    assert.match(await (await clients.expert.get('/en/visits')).text(), /href="\/en\/visits\/new"/);
    assert.equal((await (await clients.committee.get('/en/visits')).text()).includes('/en/visits/new'), false);
  });

  test('422: each problem names its field; the form keeps what was typed', async () => {
    const res = await clients.expert.post('/en/visits/new', {
      ...visitForm,
      stateIso3: 'XXX',
      startsOn: `${nextYear}-03-10`,
      endsOn: `${nextYear}-03-01`,
      statesInvolved: 'KGZ ZZZ',
      organizationsInvolved: 'UNODA NOPE',
      supportingOrganizations: 'ALSO-NOPE',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<code>stateIso3<\/code>: XXX: not a Member State/);
    assert.match(html, /<code>startsOn<\/code>: is in the future .*planned/);
    assert.match(html, /<code>endsOn<\/code>: is before the start/);
    assert.match(html, /<code>statesInvolved<\/code>: ZZZ: not a Member State/);
    assert.match(html, /<code>organizationsInvolved<\/code>: NOPE: not a known organization/);
    assert.match(html, /<code>supportingOrganizations<\/code>: ALSO-NOPE: not a known organization/);
    assert.match(html, /value="KGZ ZZZ"/);
    assert.equal((await t.database.db.selectFrom('visit').select('id').execute()).length, 0, 'nothing stored');
  });

  test('a visit that took place, and a planned one in the future', async () => {
    const res = await clients.expert.post('/en/visits/new', visitForm);
    assert.equal(res.status, 303);
    visitId = idFrom(res, 'visits');
    const row = await t.database.db.selectFrom('visit').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.state_iso3, row.status, row.purposes, row.organizations_involved, row.supporting_organizations, row.place, row.source],
      ['MLI', 'held', ['first-report', 'gaps-and-assistance'], ['UNODA'], ['UNLIREC', 'WCO'], 'Bamako', 'entered'],
    );
    const event = await t.database.db.selectFrom('audit_event').selectAll().where('record_id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(event.action, 'create');
    assert.equal((event.after as { supportingOrganizations: string[] }).supportingOrganizations.join(), 'UNLIREC,WCO');

    const planned = await clients.expert.post('/en/visits/new', {
      ...visitForm,
      status: 'planned',
      startsOn: `${nextYear}-03-01`,
      endsOn: `${nextYear}-03-03`,
      place: 'Niamey',
      stateIso3: 'NER',
    });
    assert.equal(planned.status, 303);
    const page = await (await clients.public.get(`/en/visits/${idFrom(planned, 'visits')}`)).text();
    assert.match(page, /Planned/);
    // Planned visits are listed but not counted among the visits per year.
    const perYear = (await (await api('public', `/api/v1/visits/per-year?from=2018&to=${nextYear}`)).json()) as {
      data: { year: number; count: number }[];
    };
    assert.deepEqual(
      perYear.data.find((y) => y.year === Number(nextYear)),
      { year: Number(nextYear), count: 0 },
    );
    assert.deepEqual(
      perYear.data.find((y) => y.year === 2018),
      { year: 2018, count: 1 },
    );
  });

  test('the detail page: dates, kind, purposes, who went, supporting organizations, and only the documents the viewer may see', async () => {
    await linkedDocument('Public workshop report', 'public', 'visit', visitId, 'MLI');
    await linkedDocument('Committee-only debrief', 'committee', 'visit', visitId, 'MLI');
    await linkedDocument('Note shared with Mali', 'committee-and-state', 'visit', visitId, 'MLI');
    await linkedDocument('Archived draft', 'public', 'visit', visitId, 'MLI', true);
    const seen: Record<Role, string[]> = {
      public: ['Public workshop report'],
      provider: ['Public workshop report'],
      pocNer: ['Public workshop report'],
      poc: ['Public workshop report', 'Note shared with Mali'],
      expert: ['Public workshop report', 'Committee-only debrief', 'Note shared with Mali'],
      committee: ['Public workshop report', 'Committee-only debrief', 'Note shared with Mali'],
      secretariat: ['Public workshop report', 'Committee-only debrief', 'Note shared with Mali'],
    };
    const titles = ['Public workshop report', 'Committee-only debrief', 'Note shared with Mali', 'Archived draft'];
    for (const r of everyone) {
      const res = await clients[r].get(`/en/visits/${visitId}`);
      assert.equal(res.status, 200, r);
      const html = await res.text();
      assert.match(html, /Visit at the State’s invitation: Mali/);
      assert.match(html, /Help with the first report/);
      assert.match(html, /UNLIREC, WCO/);
      assert.match(html, /Two experts of the Group/);
      assert.deepEqual(
        titles.filter((x) => html.includes(x)),
        seen[r],
        `page as ${r}`,
      );
      assert.equal(html.includes(`/en/visits/${visitId}/edit`), ['expert', 'secretariat'].includes(r), `edit link as ${r}`);
      const body = (await (await api(r, `/api/v1/visits/${visitId}`)).json()) as { documents: { title: string }[]; place: string };
      assert.equal(body.place, 'Bamako');
      assert.deepEqual(body.documents.map((d) => d.title).sort(), [...seen[r]].sort(), `API as ${r}`);
    }
    assert.equal((await clients.public.get('/en/visits/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await clients.public.get('/en/visits/not-an-id')).status, 404);
  });

  test('editing: saved with the version; a stale version is refused (409); errors name fields (422)', async () => {
    const editPage = await clients.expert.get(`/en/visits/${visitId}/edit`);
    assert.equal(editPage.status, 200);
    assert.match(await editPage.text(), /name="version" value="1"/);
    assert.equal((await clients.committee.get(`/en/visits/${visitId}/edit`)).status, 403);
    assert.equal((await clients.public.get(`/en/visits/${visitId}/edit`)).status, 401);
    const saved = await clients.expert.post(`/en/visits/${visitId}/edit`, { ...visitForm, place: 'Bamako and Kati', version: '1' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `/en/visits/${visitId}`);
    const stale = await clients.secretariat.post(`/en/visits/${visitId}/edit`, { ...visitForm, place: 'Overwritten', version: '1' });
    assert.equal(stale.status, 409);
    const staleHtml = await stale.text();
    assert.match(staleHtml, /<code>version<\/code>: this visit was changed by someone else/);
    assert.match(staleHtml, /name="version" value="2"/);
    const bad = await clients.expert.post(`/en/visits/${visitId}/edit`, {
      ...visitForm,
      endsOn: '2018-10-01',
      organizationsInvolved: 'XYZ',
      version: '2',
    });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /<code>endsOn<\/code>/);
    assert.match(badHtml, /<code>organizationsInvolved<\/code>/);
    const row = await t.database.db.selectFrom('visit').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.deepEqual([row.place, row.row_version], ['Bamako and Kati', 2]);
  });

  test('archiving: out of the lists and figures, kept with its history; no longer changed', async () => {
    assert.equal((await clients.committee.post(`/en/visits/${visitId}/archive`, { version: '2' })).status, 403);
    assert.equal((await clients.expert.post(`/en/visits/${visitId}/archive`, { confirm: 'yes', version: '1' })).status, 409);
    const archived = await clients.expert.post(`/en/visits/${visitId}/archive`, { confirm: 'yes', version: '2' });
    assert.equal(archived.status, 303);
    const list = await (await clients.public.get('/en/visits?year=2018')).text();
    assert.equal(list.includes(visitId), false);
    const page = await (await clients.expert.get(`/en/visits/${visitId}`)).text();
    assert.match(page, /Archived on/);
    assert.equal(page.includes(`/en/visits/${visitId}/edit`), false);
    assert.equal((await clients.expert.post(`/en/visits/${visitId}/edit`, { ...visitForm, version: '3' })).status, 409);
    const perYear = (await (await api('public', '/api/v1/visits/per-year?from=2018&to=2018')).json()) as { data: { count: number }[] };
    assert.equal(perYear.data[0]!.count, 0);
    const events = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', visitId).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'update', 'archive'],
    );
    await assert.rejects(t.database.db.deleteFrom('visit').where('id', '=', visitId).execute());
  });

  test('a visit shared with the State concerned: hidden (404) from everyone else', async () => {
    const res = await clients.expert.post('/en/visits/new', {
      ...visitForm,
      stateIso3: 'NER',
      place: 'Niamey (restricted)',
      confidentiality: 'committee-and-state',
    });
    const id = idFrom(res, 'visits');
    const out = {} as Record<Role, [number, number]>;
    for (const r of everyone) {
      const page = await clients[r].get(`/en/visits/${id}`);
      const json = await api(r, `/api/v1/visits/${id}`);
      out[r] = [page.status, json.status];
      const text = (await page.text()) + (await json.text());
      if (page.status === 404) assert.equal(text.includes('Niamey (restricted)'), false, r);
    }
    assert.deepEqual(out, {
      public: [404, 404],
      poc: [404, 404],
      pocNer: [200, 200],
      provider: [404, 404],
      expert: [200, 200],
      committee: [200, 200],
      secretariat: [200, 200],
    });
    const csv = await (await clients.public.get('/en/visits/per-year.csv?header=machine')).text();
    assert.match(csv, /^\uFEFF?year,visits,visit-at-invitation,round-table,peer-review,joint-visit\r\n/);
    const expertCsv = await (await clients.expert.get('/en/visits/per-year.csv')).text();
    assert.match(expertCsv, /\r\n2018,1,1,0,0,0\r\n/, 'the restricted 2018 visit counts for the Committee side');
    assert.match(csv, /\r\n2018,0,0,0,0,0\r\n/, 'not for the public');
  });
});

describe('visits: the API', () => {
  test('POST, GET, PATCH: keepers only; 422 naming fields; 409 on a stale version', async () => {
    const body = {
      stateIso3: 'KGZ',
      kind: 'peer-review',
      startsOn: '2018-06-28',
      endsOn: '2018-06-30',
      statesInvolved: ['KGZ', 'TJK', 'BLR'],
      organizationsInvolved: ['OSCE'],
      partner: 'Belarus',
      place: 'Issyk-Kul',
    };
    const out = {} as Record<Role, number>;
    for (const r of everyone) out[r] = (await api(r, '/api/v1/visits', 'POST', { ...body, note: `by ${r}` })).status;
    assert.deepEqual(out, { public: 403, poc: 403, pocNer: 403, provider: 403, expert: 201, committee: 403, secretariat: 201 });
    const invalid = await api('expert', '/api/v1/visits', 'POST', {
      ...body,
      stateIso3: 'XXX',
      startsOn: '2999-01-01',
      endsOn: '2998-01-01',
      supportingOrganizations: ['NOPE'],
    });
    assert.equal(invalid.status, 422);
    const problem = (await invalid.json()) as { errors: { field: string }[] };
    assert.deepEqual([...new Set(problem.errors.map((e) => e.field))].sort(), [
      'endsOn',
      'startsOn',
      'stateIso3',
      'supportingOrganizations',
    ]);
    const created = (await (await api('expert', '/api/v1/visits', 'POST', body)).json()) as {
      id: string;
      rowVersion: number;
      status: string;
    };
    assert.deepEqual([created.rowVersion, created.status], [1, 'held']);
    const patched = await api('secretariat', `/api/v1/visits/${created.id}`, 'PATCH', {
      rowVersion: 1,
      status: 'planned',
      startsOn: `${nextYear}-01-05`,
      endsOn: `${nextYear}-01-06`,
    });
    assert.equal(patched.status, 200);
    const after = (await patched.json()) as { rowVersion: number; status: string; place: string };
    assert.deepEqual([after.rowVersion, after.status, after.place], [2, 'planned', 'Issyk-Kul'], 'fields not given are kept');
    assert.equal((await api('expert', `/api/v1/visits/${created.id}`, 'PATCH', { rowVersion: 1, place: 'X' })).status, 409);
    const held = await api('expert', `/api/v1/visits/${created.id}`, 'PATCH', { rowVersion: 2, status: 'held' });
    assert.equal(held.status, 422, 'held with future dates');
    assert.deepEqual(
      ((await held.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['startsOn', 'endsOn'],
    );
    for (const r of ['poc', 'provider', 'committee'] as const)
      assert.equal((await api(r, `/api/v1/visits/${created.id}`, 'PATCH', { rowVersion: 2 })).status, 403, r);
    assert.equal((await api('expert', '/api/v1/visits/00000000-0000-4000-8000-000000000000', 'PATCH', { rowVersion: 1 })).status, 404);
    assert.equal((await api('public', '/api/v1/visits/not-an-id')).status, 404);
  });
});

describe('courses: forms and API', () => {
  const courseForm = {
    title: 'Point-of-contact training course for francophone African States',
    status: 'held',
    startsOn: '2018-08-14',
    endsOn: '2018-08-17',
    place: 'Addis Ababa',
    region: 'Francophone Africa',
    hostOrganizations: 'AU',
    supportingOrganizations: 'UNODA',
    participatingStates: 'BEN BFA CIV MLI',
    teachers: 'Experts of the Group',
    teachingOrganizations: 'WCO',
    confidentiality: 'public',
  };
  let courseId = '';

  test('create as an expert, with errors first; the detail page and its documents', async () => {
    const out = {} as Record<Role, number>;
    for (const r of everyone) out[r] = (await clients[r].get('/en/courses/new')).status;
    assert.deepEqual(out, { public: 401, poc: 403, pocNer: 403, provider: 403, expert: 200, committee: 403, secretariat: 200 });
    const bad = await clients.expert.post('/en/courses/new', {
      ...courseForm,
      title: '',
      place: '',
      endsOn: '2018-08-01',
      hostOrganizations: 'AU NOPE',
      participatingStates: 'BEN QQQ',
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    for (const field of ['title', 'place', 'endsOn', 'hostOrganizations', 'participatingStates'])
      assert.match(html, new RegExp(`<code>${field}</code>`), field);
    const res = await clients.expert.post('/en/courses/new', courseForm);
    assert.equal(res.status, 303);
    courseId = idFrom(res, 'courses');
    await linkedDocument('Course programme', 'public', 'course', courseId, null);
    await linkedDocument('Course evaluation (Committee)', 'committee', 'course', courseId, null);
    const pub = await (await clients.public.get(`/en/courses/${courseId}`)).text();
    assert.match(pub, /Addis Ababa/);
    assert.match(pub, /href="\/en\/states\/BFA"/);
    assert.match(pub, /Course programme/);
    assert.equal(pub.includes('Course evaluation (Committee)'), false);
    assert.match(await (await clients.committee.get(`/en/courses/${courseId}`)).text(), /Course evaluation \(Committee\)/);
    const json = (await (await api('provider', `/api/v1/courses/${courseId}`)).json()) as {
      documents: { title: string }[];
      supportingOrganizations: string[];
    };
    assert.deepEqual(
      json.documents.map((d) => d.title),
      ['Course programme'],
    );
    assert.deepEqual(json.supportingOrganizations, ['UNODA']);
    assert.match(await (await clients.public.get('/en/courses')).text(), new RegExp(`href="/en/courses/${courseId}"`));
  });

  test('edit, stale version, archive', async () => {
    const ok = await clients.expert.post(`/en/courses/${courseId}/edit`, { ...courseForm, endsOn: '', version: '1' });
    assert.equal(ok.status, 303);
    const row = await t.database.db.selectFrom('course').selectAll().where('id', '=', courseId).executeTakeFirstOrThrow();
    assert.deepEqual([row.ends_on, row.row_version], ['2018-08-14', 2], 'a course of one day ends the day it starts');
    const stale = await clients.expert.post(`/en/courses/${courseId}/edit`, { ...courseForm, version: '1' });
    assert.equal(stale.status, 409);
    assert.equal((await clients.provider.post(`/en/courses/${courseId}/edit`, { ...courseForm, version: '2' })).status, 403);
    assert.equal((await clients.expert.post(`/en/courses/${courseId}/archive`, { confirm: 'yes', version: '2' })).status, 303);
    assert.equal((await (await clients.public.get('/en/courses')).text()).includes(courseId), false);
    assert.equal(
      (await clients.expert.post(`/en/courses/${courseId}/archive`, { confirm: 'yes', version: '3' })).status,
      409,
      'archived already',
    );
  });

  test('the API: create, a planned course ahead, a committee course hidden from the public', async () => {
    const body = {
      title: 'OSCE course',
      startsOn: '2018-09-04',
      endsOn: '2018-09-07',
      place: 'Rostov-on-Don',
      hostOrganizations: ['OSCE', 'UNODA'],
    };
    assert.equal((await api('committee', '/api/v1/courses', 'POST', body)).status, 403);
    const future = await api('expert', '/api/v1/courses', 'POST', { ...body, startsOn: `${nextYear}-02-01`, endsOn: `${nextYear}-02-03` });
    assert.equal(future.status, 422);
    assert.deepEqual(
      ((await future.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['startsOn', 'endsOn'],
    );
    assert.equal(
      (
        await api('expert', '/api/v1/courses', 'POST', {
          ...body,
          status: 'planned',
          startsOn: `${nextYear}-02-01`,
          endsOn: `${nextYear}-02-03`,
        })
      ).status,
      201,
    );
    const hidden = (await (
      await api('expert', '/api/v1/courses', 'POST', { ...body, title: 'Committee-only course', confidentiality: 'committee' })
    ).json()) as { id: string };
    for (const r of ['public', 'poc', 'pocNer', 'provider'] as const) {
      const res = await api(r, `/api/v1/courses/${hidden.id}`);
      assert.equal(res.status, 404, r);
      assert.equal((await res.text()).includes('Committee-only course'), false);
      assert.equal((await (await api(r, '/api/v1/courses')).text()).includes('Committee-only course'), false, r);
      assert.equal((await clients[r].get(`/en/courses/${hidden.id}`)).status, 404, r);
    }
    const patched = await api('expert', `/api/v1/courses/${hidden.id}`, 'PATCH', { rowVersion: 1, confidentiality: 'public' });
    assert.equal(patched.status, 200);
    assert.equal((await api('public', `/api/v1/courses/${hidden.id}`)).status, 200);
    assert.equal(
      (await api('expert', `/api/v1/courses/${hidden.id}`, 'PATCH', { rowVersion: 2, teachingOrganizations: ['NOPE'] })).status,
      422,
    );
  });
});

describe('outsiders: the public, a provider, another State’s point of contact', () => {
  test('no form, no change, no archive of a visit or a course, by any door', async () => {
    const visit = (await (
      await api('expert', '/api/v1/visits', 'POST', {
        stateIso3: 'MLI',
        kind: 'visit-at-invitation',
        startsOn: '2018-10-17',
        place: 'Outsider walk',
      })
    ).json()) as { id: string };
    const course = (await (
      await api('expert', '/api/v1/courses', 'POST', { title: 'Outsider walk course', startsOn: '2018-09-04', place: 'Rostov-on-Don' })
    ).json()) as { id: string };
    for (const r of ['public', 'provider', 'pocNer'] as const) {
      const refused = r === 'public' ? 401 : 403;
      for (const [kind, id] of [
        ['visits', visit.id],
        ['courses', course.id],
      ] as const) {
        assert.equal((await clients[r].get(`/en/${kind}/${id}`)).status, 200, `${r} reads a public ${kind}`);
        assert.equal((await clients[r].get(`/en/${kind}/new`)).status, refused, `${r} ${kind}/new`);
        assert.equal((await clients[r].get(`/en/${kind}/${id}/edit`)).status, refused, `${r} ${kind} edit form`);
        assert.equal((await clients[r].post(`/en/${kind}/new`, { title: 'x', stateIso3: 'MLI' })).status, refused, `${r} ${kind} new`);
        assert.equal(
          (await clients[r].post(`/en/${kind}/${id}/edit`, { place: 'Changed', version: '1' })).status,
          refused,
          `${r} ${kind} edit`,
        );
        assert.equal((await clients[r].post(`/en/${kind}/${id}/archive`, { version: '1' })).status, refused, `${r} ${kind} archive`);
        // Through the API the public has no token: the CSRF check refuses its writes (403).
        assert.equal(
          (await api(r, `/api/v1/${kind}/${id}`, 'PATCH', { rowVersion: 1, place: 'Changed' })).status,
          403,
          `${r} ${kind} PATCH`,
        );
        assert.equal(
          (
            await api(r, `/api/v1/${kind}`, 'POST', {
              title: 'x',
              stateIso3: 'MLI',
              kind: 'round-table',
              startsOn: '2018-01-01',
              place: 'x',
            })
          ).status,
          403,
          `${r} ${kind} POST`,
        );
      }
    }
    const v = await t.database.db
      .selectFrom('visit')
      .select(['place', 'row_version', 'archived_at'])
      .where('id', '=', visit.id)
      .executeTakeFirstOrThrow();
    const c = await t.database.db
      .selectFrom('course')
      .select(['place', 'row_version', 'archived_at'])
      .where('id', '=', course.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [v.place, v.row_version, v.archived_at, c.place, c.row_version, c.archived_at],
      ['Outsider walk', 1, null, 'Rostov-on-Don', 1, null],
    );
  });
});
