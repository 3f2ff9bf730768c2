import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { allContacts, statesWithContactsAsAt } from '../../src/features/contacts/contacts.ts';
import { contactStatesAt2018, seedDemoContacts } from '../../src/features/contacts/demo.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

const roles = {
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner@test.r1540.org',
  provider: 'provider@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
} as const;
type Role = keyof typeof roles | 'public';

// What must never reach someone who may not see Mali's points of contact.
const secrets = ['Demo contact MLI', 'demo.contact.mli@example.org', '+00 000 000 0000', 'Demo institution of MLI'];

let t: TestApp;
const clients = {} as Record<Role, Client>;
const tokens = {} as Record<Role, string | undefined>;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  const ner = await addUser(db, systemActor, {
    email: roles.pocNer,
    displayName: 'Test Point of Contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'demo-password-1540',
  });
  assert.ok(ner.id);
  await seedDemoContacts(db);
  clients.public = new Client(t);
  tokens.public = undefined;
  for (const [role, email] of Object.entries(roles) as [keyof typeof roles, string][]) {
    clients[role] = new Client(t);
    await clients[role].login(email);
    const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    tokens[role] = (await createApiToken(db, systemActor, user.id, 'contacts test')).token;
  }
});
after(() => t.close());

function api(role: Role, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (tokens[role]) headers.set('authorization', `Bearer ${tokens[role]}`);
  return t.request(path, { ...init, headers });
}

const seeing: Role[] = ['poc', 'expert', 'committee', 'secretariat'];
const notSeeing: Role[] = ['public', 'pocNer', 'provider'];

describe('points of contact', () => {
  test(`the demonstration data: exactly ${contactStatesAt2018} States as at 31 December 2018, five new in 2018`, async () => {
    const rows = await allContacts(t.database.db);
    assert.equal(statesWithContactsAsAt(rows, '2018-12-31').size, 106);
    const res = await api('public', '/api/v1/contacts/per-year?from=2017&to=2018');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { data: { year: number; asAt: string; states: number; newStates: number }[] };
    assert.deepEqual(body.data, [
      { year: 2017, asAt: '2017-12-31', states: 101, newStates: body.data[0]!.newStates },
      { year: 2018, asAt: '2018-12-31', states: 106, newStates: 5 },
    ]);
    const new2018 = [...statesWithContactsAsAt(rows, '2018-12-31')].filter((s) => !statesWithContactsAsAt(rows, '2017-12-31').has(s));
    assert.deepEqual(new2018.sort(), ['BHR', 'GIN', 'GNB', 'KWT', 'TLS']);
    const seeded = rows.filter((r) => r.source === 'seed');
    assert.equal(seeded.length, 5);
    assert.ok(rows.every((r) => r.name.includes('Demo') && r.name.includes('made up')));
    // Once only.
    assert.equal(await seedDemoContacts(t.database.db), 0);
  });

  for (const role of [...seeing, ...notSeeing]) {
    const sees = seeing.includes(role);
    test(`${role} ${sees ? 'sees' : 'never sees'} Mali's contact details: page, API, CSV, list`, async () => {
      const page = await clients[role].get('/en/states/MLI/contacts');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /A point of contact in office without a break since/);
      const json = await api(role, '/api/v1/states/MLI/contacts');
      assert.equal(json.status, 200);
      const body = (await json.json()) as { designated: boolean; since: string; contacts?: { email: string }[] };
      assert.equal(body.designated, true);
      assert.match(body.since, /^\d{4}-\d{2}-\d{2}$/);
      const csv = await clients[role].get('/en/states/MLI/contacts.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const csvText = await csv.text();
      const list = await (await clients[role].get('/en/contacts')).text();
      assert.match(list, /href="\/en\/states\/MLI\/contacts"/);
      for (const secret of secrets) {
        assert.equal(html.includes(secret), sees, `page: ${secret}`);
        assert.equal(JSON.stringify(body).includes(secret), sees, `API: ${secret}`);
        assert.equal(csvText.includes(secret), sees, `CSV: ${secret}`);
        assert.equal(list.includes(secret), false, `list: ${secret}`);
      }
      assert.equal(body.contacts !== undefined, sees);
      if (!sees) assert.deepEqual(Object.keys(body).sort(), ['designated', 'since', 'stateIso3']);
    });
  }

  test("Niger's point of contact sees Niger's details (if any) but not Mali's; the reminder list is the Committee side's", async () => {
    const own = await api('pocNer', '/api/v1/states/NER/contacts');
    assert.equal(own.status, 200);
    assert.ok(((await own.json()) as { contacts?: unknown[] }).contacts !== undefined);
    assert.equal((await clients.public.get('/en/contacts/reminders')).status, 401);
    assert.equal((await clients.poc.get('/en/contacts/reminders')).status, 403);
    assert.equal((await clients.provider.get('/en/contacts/reminders')).status, 403);
    const res = await clients.committee.get('/en/contacts/reminders');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Contacts to confirm: \d+/);
    assert.match(html, /demo\.contact\.[a-z]{3}@example\.org/);
  });

  test('recording a contact: the secretariat only; future dates and unknown States refused; audited', async () => {
    const contact = { location: 'capital', name: 'Test Person NER', email: 'test.ner@example.org', designatedOn: '2020-01-15' };
    const post = (role: Role, iso3: string, body: unknown) =>
      api(role, `/api/v1/states/${iso3}/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const role of ['poc', 'pocNer', 'provider', 'expert', 'committee'] as const)
      assert.equal((await post(role, 'NER', contact)).status, 403, role);
    const future = await post('secretariat', 'NER', { ...contact, designatedOn: '2999-01-01' });
    assert.equal(future.status, 422);
    const problem = (await future.json()) as { errors: { field: string; problem: string }[] };
    assert.equal(problem.errors[0]?.field, 'designatedOn');
    assert.match(problem.errors[0]!.problem, /future/);
    const unknown = await post('secretariat', 'XXX', contact);
    assert.equal(unknown.status, 404);
    const ok = await post('secretariat', 'NER', contact);
    assert.equal(ok.status, 201);
    const created = (await ok.json()) as { id: string; source: string };
    assert.equal(created.source, 'entered');
    const event = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_type', '=', 'point-of-contact')
      .where('record_id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.equal(event.confidentiality, 'committee-and-state');
    assert.equal(event.state_iso3, 'NER');
    // Niger's point of contact now sees it; Mali's does not.
    const own = (await (await api('pocNer', '/api/v1/states/NER/contacts')).json()) as { contacts: { name: string }[] };
    assert.ok(own.contacts.some((c) => c.name === 'Test Person NER'));
    assert.equal((await (await api('poc', '/api/v1/states/NER/contacts')).text()).includes('Test Person NER'), false);
    assert.equal((await (await clients.poc.get('/en/states/NER/contacts')).text()).includes('test.ner@example.org'), false);
    // Nothing is hard-deleted.
    await assert.rejects(t.database.db.deleteFrom('point_of_contact').where('id', '=', created.id).execute());
  });

  test('an unknown State is a 404 on every door', async () => {
    assert.equal((await api('public', '/api/v1/states/XXX/contacts')).status, 404);
    assert.equal((await clients.public.get('/en/states/XXX/contacts')).status, 404);
    assert.equal((await clients.committee.get('/en/states/XXX/contacts.csv')).status, 404);
    assert.equal((await api('public', '/api/v1/contacts/per-year?from=2019&to=2018')).status, 422);
  });
});
