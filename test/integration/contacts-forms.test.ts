import { todayIso } from '../../src/platform/values/dates.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { addContact, type ContactRow } from '../../src/features/contacts/contacts.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// The forms and API writes of points of contact, and what they must never show to whom.
const roles = {
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner@forms.r1540.org',
  provider: 'provider@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
} as const;
type Role = keyof typeof roles | 'public';
const everyone: Role[] = ['public', 'poc', 'pocNer', 'provider', 'expert', 'committee', 'secretariat'];
/** Those who must never see Mali's contact details. */
const outsiders: Role[] = ['public', 'provider', 'pocNer'];

const mali = {
  location: 'capital',
  name: 'Aminata Formtest',
  title: 'Directrice (test)',
  institution: 'Ministère formtest des affaires étrangères',
  email: 'aminata.formtest@example.org',
  phone: '+223 20 99 11 22',
  languages: ['fr'],
  designatedOn: '2015-04-01',
  lastConfirmedOn: '2016-04-01',
};
const secrets = [mali.name, mali.email, mali.phone, mali.institution, 'formtest'];

let t: TestApp;
let mli: ContactRow;
let ner: ContactRow;
const clients = {} as Record<Role, Client>;
const tokens = {} as Record<Role, string | undefined>;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await addUser(db, systemActor, {
    email: roles.pocNer,
    displayName: 'Forms test point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'demo-password-1540',
  });
  mli = await addContact(db, systemActor, 'MLI', mali);
  ner = await addContact(db, systemActor, 'NER', {
    location: 'new-york-mission',
    name: 'Ibrahim Nigertest',
    email: 'ibrahim.nigertest@example.org',
    designatedOn: '2017-02-01',
  });
  clients.public = new Client(t);
  await clients.public.get('/en/');
  for (const [role, email] of Object.entries(roles) as [keyof typeof roles, string][]) {
    clients[role] = new Client(t);
    await clients[role].login(email);
    const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    tokens[role] = (await createApiToken(db, systemActor, user.id, 'contacts forms')).token;
  }
});
after(() => t.close());

function api(role: Role, path: string, method: string, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (tokens[role]) headers.authorization = `Bearer ${tokens[role]}`;
  return t.request(path, { method, headers, body: JSON.stringify(body) });
}

async function current(id: string): Promise<ContactRow> {
  return t.database.db.selectFrom('point_of_contact').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function assertNoSecret(text: string, where: string) {
  for (const s of secrets) assert.equal(text.includes(s), false, `${where}: shows "${s}"`);
}

const statuses = async (path: (r: Role) => string, run: (r: Role, p: string) => Promise<Response>) => {
  const out = {} as Record<Role, number>;
  for (const r of everyone) {
    const res = await run(r, path(r));
    out[r] = res.status;
    const text = await res.text();
    if (outsiders.includes(r)) assertNoSecret(text, `${r} ${path(r)}`);
  }
  return out;
};

describe('points of contact: the forms', () => {
  test('who may open each form; an outsider never sees a detail on any of them', async () => {
    const get = (r: Role, p: string) => clients[r].get(p);
    assert.deepEqual(await statuses(() => '/en/states/MLI/contacts/new', get), {
      public: 401,
      poc: 403,
      pocNer: 403,
      provider: 403,
      expert: 403,
      committee: 403,
      secretariat: 200,
    });
    assert.deepEqual(await statuses(() => `/en/states/MLI/contacts/${mli.id}/edit`, get), {
      public: 401,
      poc: 200,
      pocNer: 403,
      provider: 403,
      expert: 403,
      committee: 403,
      secretariat: 200,
    });
    assert.deepEqual(await statuses(() => `/en/states/MLI/contacts/${mli.id}/end`, get), {
      public: 401,
      poc: 403,
      pocNer: 403,
      provider: 403,
      expert: 403,
      committee: 403,
      secretariat: 200,
    });
    // The State's own page: the details and the buttons only for those who may.
    const page = await (await clients.poc.get('/en/states/MLI/contacts')).text();
    assert.match(page, new RegExp(`href="/en/states/MLI/contacts/${mli.id}/edit"`));
    assert.equal(page.includes(`/contacts/${mli.id}/end`), false, 'the point of contact does not end designations');
    const secretariat = await (await clients.secretariat.get('/en/states/MLI/contacts')).text();
    assert.match(secretariat, /href="\/en\/states\/MLI\/contacts\/new"/);
    assert.match(secretariat, new RegExp(`/contacts/${mli.id}/end`));
    for (const r of outsiders) {
      const html = await (await clients[r].get('/en/states/MLI/contacts')).text();
      assertNoSecret(html, `${r} contacts page`);
      assert.equal(html.includes(mli.id), false, `${r}: the page names the contact's id`);
    }
    // Niger's point of contact edits Niger's contacts, not Mali's.
    assert.equal((await clients.pocNer.get(`/en/states/NER/contacts/${ner.id}/edit`)).status, 200);
    // A contact is found only under its own State.
    assert.equal((await clients.secretariat.get(`/en/states/MLI/contacts/${ner.id}/edit`)).status, 404);
    assert.equal((await clients.secretariat.get('/en/states/XXX/contacts/new')).status, 404);
  });

  test('designating: errors name each field (422), then a designation is recorded and audited', async () => {
    const bad = await clients.secretariat.post('/en/states/MLI/contacts/new', {
      location: 'moon',
      name: ' ',
      email: 'not-an-address',
      languages: 'fr 12',
      designatedOn: '2999-01-01',
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    for (const field of ['location', 'name', 'email', 'languages', 'designatedOn'])
      assert.match(html, new RegExp(`<code>${field}</code>`), field);
    assert.match(html, /value="not-an-address"/, 'the form keeps what was typed');
    const ok = await clients.secretariat.post('/en/states/MLI/contacts/new', {
      location: 'new-york-mission',
      name: 'Moussa Newdesignation',
      title: 'Counsellor',
      institution: 'Permanent Mission of Mali',
      email: 'moussa.newdesignation@example.org',
      phone: '+1 212 000 0000',
      languages: 'fr en',
      designatedOn: '2018-03-01',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/en/states/MLI/contacts');
    const row = await t.database.db
      .selectFrom('point_of_contact')
      .selectAll()
      .where('name', '=', 'Moussa Newdesignation')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.location, row.languages, row.source, row.designated_on],
      ['new-york-mission', ['fr', 'en'], 'entered', '2018-03-01'],
    );
    const event = await t.database.db.selectFrom('audit_event').selectAll().where('record_id', '=', row.id).executeTakeFirstOrThrow();
    assert.deepEqual([event.action, event.confidentiality, event.state_iso3], ['create', 'committee-and-state', 'MLI']);
    // Refused accounts change nothing, whatever they send.
    for (const r of ['poc', 'expert', 'pocNer'] as const)
      assert.equal(
        (await clients[r].post('/en/states/MLI/contacts/new', { location: 'capital', name: `By ${r}`, designatedOn: '2018-01-01' })).status,
        403,
        r,
      );
    assert.equal(
      await t.database.db.selectFrom('point_of_contact').select('id').where('name', 'like', 'By %').executeTakeFirst(),
      undefined,
    );
  });

  test('editing: the point of contact of the State saves; a stale version is refused (409); errors name fields (422)', async () => {
    const before = await current(mli.id);
    const form = {
      location: 'capital',
      name: mali.name,
      title: mali.title,
      institution: mali.institution,
      email: mali.email,
      phone: '+223 20 99 33 44',
      languages: 'fr ar',
      designatedOn: mali.designatedOn,
      version: String(before.row_version),
    };
    const saved = await clients.poc.post(`/en/states/MLI/contacts/${mli.id}/edit`, form);
    assert.equal(saved.status, 303);
    const after = await current(mli.id);
    assert.deepEqual([after.phone, after.languages, after.row_version], ['+223 20 99 33 44', ['fr', 'ar'], before.row_version + 1]);
    const stale = await clients.secretariat.post(`/en/states/MLI/contacts/${mli.id}/edit`, { ...form, phone: '+223 00' });
    assert.equal(stale.status, 409);
    const staleHtml = await stale.text();
    assert.match(staleHtml, /<code>version<\/code>/);
    assert.match(staleHtml, new RegExp(`name="version" value="${after.row_version}"`), 'the form now carries the current version');
    assert.equal((await current(mli.id)).phone, '+223 20 99 33 44', 'nothing saved');
    // The date of designation is the keepers' (the point of contact is refused it by name, 403).
    const dated = await clients.poc.post(`/en/states/MLI/contacts/${mli.id}/edit`, {
      ...form,
      version: String(after.row_version),
      designatedOn: '2015-05-01',
    });
    assert.equal(dated.status, 403);
    assert.match(await dated.text(), /designatedOn/);
    const invalid = await clients.secretariat.post(`/en/states/MLI/contacts/${mli.id}/edit`, {
      ...form,
      version: String(after.row_version),
      email: 'nope',
      designatedOn: '2016-05-01',
    });
    assert.equal(invalid.status, 422);
    const html = await invalid.text();
    assert.match(html, /<code>email<\/code>/);
    assert.match(html, /<code>designatedOn<\/code>: is after the last confirmation \(2016-04-01\)/);
    assert.equal((await current(mli.id)).row_version, after.row_version);
    assert.equal(
      (await clients.pocNer.post(`/en/states/MLI/contacts/${mli.id}/edit`, { ...form, version: String(after.row_version) })).status,
      403,
    );
    const events = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', mli.id).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'update'],
    );
  });

  test('confirming: the reminder list drops the contact; ending: the designation stays in the history', async () => {
    const due = async () => (await (await clients.committee.get('/en/contacts/reminders')).text()).includes(mali.name);
    assert.equal(await due(), true, 'last confirmed in 2016: on the reminder list');
    const before = await current(mli.id);
    const confirmed = await clients.poc.post(`/en/states/MLI/contacts/${mli.id}/confirm`, {
      version: String(before.row_version),
      next: '//evil.example/',
    });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/en/states/MLI/contacts', 'a foreign address is not followed');
    assert.equal((await current(mli.id)).last_confirmed_on, todayIso());
    assert.equal(await due(), false);
    // The reminder list itself confirms (the secretariat), and comes back to it.
    const old = await addContact(t.database.db, systemActor, 'MLI', {
      location: 'capital',
      name: 'Oumar Remindertest',
      designatedOn: '2010-01-01',
    });
    assert.match(await (await clients.secretariat.get('/en/contacts/reminders')).text(), new RegExp(`/contacts/${old.id}/confirm`));
    const back = await clients.secretariat.post(`/en/states/MLI/contacts/${old.id}/confirm`, {
      version: '1',
      next: '/en/contacts/reminders',
    });
    assert.equal(back.headers.get('location'), '/en/contacts/reminders');
    assert.equal((await clients.pocNer.post(`/en/states/MLI/contacts/${old.id}/confirm`, { version: '2' })).status, 403);

    const v = String((await current(mli.id)).row_version);
    assert.equal((await clients.poc.post(`/en/states/MLI/contacts/${mli.id}/end`, { endedOn: todayIso(), version: v })).status, 403);
    const future = await clients.secretariat.post(`/en/states/MLI/contacts/${mli.id}/end`, { endedOn: '2999-12-31', version: v });
    assert.equal(future.status, 422);
    assert.match(await future.text(), /<code>endedOn<\/code>: is in the future/);
    const early = await clients.secretariat.post(`/en/states/MLI/contacts/${mli.id}/end`, { endedOn: '2014-01-01', version: v });
    assert.equal(early.status, 422);
    assert.match(await early.text(), /<code>endedOn<\/code>: is before the designation/);
    const ended = await clients.secretariat.post(`/en/states/MLI/contacts/${mli.id}/end`, { endedOn: '2019-06-30', version: v });
    assert.equal(ended.status, 303);
    const row = await current(mli.id);
    assert.deepEqual([row.ended_on, row.archived_at], ['2019-06-30', null]);
    const history = await (await clients.poc.get('/en/states/MLI/contacts')).text();
    assert.match(history, /Aminata Formtest/, 'still in the history of designations');
    // An ended designation is neither confirmed nor ended again.
    assert.equal((await clients.poc.post(`/en/states/MLI/contacts/${mli.id}/confirm`, { version: String(row.row_version) })).status, 409);
    assert.equal(
      (await clients.secretariat.post(`/en/states/MLI/contacts/${mli.id}/end`, { endedOn: '2019-07-01', version: String(row.row_version) }))
        .status,
      409,
    );
    await assert.rejects(t.database.db.deleteFrom('point_of_contact').where('id', '=', mli.id).execute());
  });
});

describe('points of contact: the API writes', () => {
  test('PATCH /contacts/{id}: not found for those who may not see it, forbidden for those who may not change it', async () => {
    const fresh = await addContact(t.database.db, systemActor, 'MLI', { ...mali, lastConfirmedOn: null, designatedOn: '2016-01-01' });
    const out = {} as Record<Role, number>;
    for (const r of everyone) {
      const res = await api(r, `/api/v1/contacts/${fresh.id}`, 'PATCH', { rowVersion: 1, title: 'Tried' });
      out[r] = res.status;
      const text = await res.text();
      if (outsiders.includes(r)) assertNoSecret(text, `PATCH as ${r}`);
      if (r === 'poc') {
        assert.match(res.headers.get('cache-control') ?? '', /no-store/);
        const body = JSON.parse(text) as { title: string; rowVersion: number; email: string };
        assert.deepEqual([body.title, body.rowVersion, body.email], ['Tried', 2, mali.email]);
      }
    }
    // The public writes without a token or a cookie: the CSRF check stops it first.
    assert.deepEqual(out, { public: 403, poc: 200, pocNer: 404, provider: 404, expert: 403, committee: 403, secretariat: 409 });
    const unknown = await api('secretariat', '/api/v1/contacts/00000000-0000-4000-8000-000000000000', 'PATCH', { rowVersion: 1 });
    assert.equal(unknown.status, 404);
    const invalid = await api('secretariat', `/api/v1/contacts/${fresh.id}`, 'PATCH', {
      rowVersion: 2,
      email: 'nope',
      location: 'capital',
      designatedOn: '2999-01-01',
    });
    assert.equal(invalid.status, 422);
    const problem = (await invalid.json()) as { errors: { field: string }[] };
    assert.deepEqual(problem.errors.map((e) => e.field).sort(), ['designatedOn', 'email']);
    const missing = await api('secretariat', `/api/v1/contacts/${fresh.id}`, 'PATCH', { title: 'No version' });
    assert.equal(missing.status, 422);
    assert.equal(((await missing.json()) as { errors: { field: string }[] }).errors[0]?.field, 'rowVersion');
  });

  test('confirm and end through the API; an outsider learns nothing', async () => {
    const fresh = await addContact(t.database.db, systemActor, 'MLI', { ...mali, lastConfirmedOn: null, designatedOn: '2016-01-01' });
    for (const r of outsiders) {
      for (const [path, body] of [
        [`/api/v1/contacts/${fresh.id}/confirm`, { rowVersion: 1 }],
        [`/api/v1/contacts/${fresh.id}/end`, { rowVersion: 1, endedOn: '2018-01-01' }],
      ] as const) {
        const res = await api(r, path, 'POST', body);
        assert.equal(res.status, r === 'public' ? 403 : 404, `${r} ${path}`);
        assertNoSecret(await res.text(), `${r} ${path}`);
      }
    }
    const confirmed = await api('poc', `/api/v1/contacts/${fresh.id}/confirm`, 'POST', { rowVersion: 1, confirmedOn: '2018-05-02' });
    assert.equal(confirmed.status, 200);
    assert.equal(((await confirmed.json()) as { lastConfirmedOn: string }).lastConfirmedOn, '2018-05-02');
    const future = await api('poc', `/api/v1/contacts/${fresh.id}/confirm`, 'POST', { rowVersion: 2, confirmedOn: '2999-01-01' });
    assert.equal(future.status, 422);
    assert.equal(((await future.json()) as { errors: { field: string }[] }).errors[0]?.field, 'confirmedOn');
    assert.equal((await api('poc', `/api/v1/contacts/${fresh.id}/end`, 'POST', { rowVersion: 2, endedOn: '2018-06-01' })).status, 403);
    assert.equal((await api('expert', `/api/v1/contacts/${fresh.id}/end`, 'POST', { rowVersion: 2, endedOn: '2018-06-01' })).status, 403);
    assert.equal(
      (await api('secretariat', `/api/v1/contacts/${fresh.id}/end`, 'POST', { rowVersion: 1, endedOn: '2018-06-01' })).status,
      409,
      'stale',
    );
    const ended = await api('secretariat', `/api/v1/contacts/${fresh.id}/end`, 'POST', { rowVersion: 2, endedOn: '2018-06-01' });
    assert.equal(ended.status, 200);
    assert.equal(((await ended.json()) as { endedOn: string }).endedOn, '2018-06-01');
    assert.equal(
      (await api('secretariat', `/api/v1/contacts/${fresh.id}/end`, 'POST', { rowVersion: 3, endedOn: '2018-07-01' })).status,
      409,
      'ended already',
    );
    // Niger's point of contact still sees only Niger's details.
    const nerList = await (
      await t.request('/api/v1/states/NER/contacts', { headers: { authorization: `Bearer ${tokens.pocNer}` } })
    ).text();
    assert.match(nerList, /ibrahim\.nigertest@example\.org/);
    assertNoSecret(
      await (await t.request('/api/v1/states/MLI/contacts', { headers: { authorization: `Bearer ${tokens.pocNer}` } })).text(),
      'NER reads MLI',
    );
  });

  test('the figures per year as CSV: public, and no detail in them', async () => {
    for (const r of everyone) {
      const res = await clients[r].get('/en/contacts/per-year.csv?header=machine');
      assert.equal(res.status, 200, r);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      const text = await res.text();
      assert.match(text, /^\uFEFF?year,as_at,states,new_states\r\n2004,2004-12-31,/);
      assertNoSecret(text, `${r} per-year CSV`);
    }
    const csv = await (await clients.public.get('/en/contacts/per-year.csv')).text();
    // Mali (2015, ended 2019), Niger (2017), Mali again (2016 and 2018 designations).
    assert.match(csv, /\r\n2017,2017-12-31,2,1\r\n/);
  });
});
