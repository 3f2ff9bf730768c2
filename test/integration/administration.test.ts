// Engines: both (appointments' overlap rule is a gist exclusion on a date range: it must hold on PGlite as on PostgreSQL)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/record.ts';
import { createAppointment, createContribution, createDonor, createGrant } from '../../src/features/administration/commands.ts';
import { expertsCommand } from '../../src/features/administration/cli.ts';
import { seedDemoAdministration } from '../../src/features/administration/demo.ts';
import { PassThrough } from 'node:stream';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { refreshSearchIndex } from '../../src/features/search/indexer.ts';
import { exportBundle } from '../../src/platform/bundle/bundle.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

const emails = {
  poc: 'poc.mli@demo.r1540.org',
  provider: 'provider@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
} as const;
type Who = keyof typeof emails | 'public';

let t: TestApp;
const clients = {} as Record<Who, Client>;
const tokens = {} as Partial<Record<Who, string>>;
before(async () => {
  t = await testApp();
  assert.deepEqual(await seedDemoAdministration(t.database.db), { appointments: 13, donors: 8, grants: 8 });
  clients.public = new Client(t);
  for (const [who, email] of Object.entries(emails) as [keyof typeof emails, string][]) {
    clients[who] = new Client(t);
    await clients[who].login(email);
    const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    tokens[who] = (await createApiToken(t.database.db, systemActor, user.id, 'administration')).token;
  }
});

function api(who: Who, path: string, method = 'GET', body?: unknown) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (tokens[who]) headers.authorization = `Bearer ${tokens[who]}`;
  return t.request(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}
const everyone: Who[] = ['public', 'poc', 'provider', 'expert', 'committee', 'secretariat'];
after(() => t.close());

const count = async (table: 'appointment' | 'trust_fund_donor' | 'trust_fund_contribution' | 'trust_fund_grant') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A refused write: 422 naming the field, and nothing written. */
async function refused(write: () => Promise<unknown>, field: string, pattern: RegExp) {
  const before = await Promise.all([
    count('appointment'),
    count('trust_fund_donor'),
    count('trust_fund_contribution'),
    count('trust_fund_grant'),
  ]);
  await assert.rejects(write, (err: { code?: string; fields?: { field: string; problem: string }[] }) => {
    assert.equal(err.code, 'validation');
    const p = err.fields?.find((f) => f.field === field);
    assert.ok(p, `a problem naming ${field}: ${JSON.stringify(err.fields)}`);
    assert.match(p.problem, pattern);
    return true;
  });
  const after = await Promise.all([
    count('appointment'),
    count('trust_fund_donor'),
    count('trust_fund_contribution'),
    count('trust_fund_grant'),
  ]);
  assert.deepEqual(after, before);
}

describe('administration: the write core', () => {
  test('bad input: overlapping Chair periods, an unknown State, an appointment ending before it starts', async () => {
    await refused(
      () =>
        createAppointment(t.database.db, systemActor, {
          role: 'chair',
          personName: 'Someone',
          stateIso3: 'FRA',
          startsOn: '2018-06-01',
          endsOn: '2019-06-30',
        }),
      'startsOn',
      /overlaps that of another Chair \(萨查·塞尔吉奥·略伦蒂·索利斯 \(Sacha Sergio Llorentty Solíz\)/,
    );
    await refused(
      () =>
        createAppointment(t.database.db, systemActor, { role: 'expert', personName: 'Someone', stateIso3: 'XYZ', startsOn: '2018-06-01' }),
      'stateIso3',
      /XYZ: not a Member State/,
    );
    await refused(
      () =>
        createAppointment(t.database.db, systemActor, {
          role: 'expert',
          personName: 'Someone',
          stateIso3: 'FRA',
          startsOn: '2018-06-01',
          endsOn: '2018-05-31',
        }),
      'endsOn',
      /is before the start \(2018-06-01\)/,
    );
    await refused(
      () => createDonor(t.database.db, systemActor, { donorKind: 'organization', organizationCode: 'NOPE' }),
      'organizationCode',
      /not a known organization/,
    );
    await refused(() => createDonor(t.database.db, systemActor, { donorKind: 'state', stateIso3: 'DEU' }), 'stateIso3', /already a donor/);
    // The database refuses an overlap too (two writers at once): the exclusion constraint.
    await assert.rejects(
      t.database.db
        .insertInto('appointment')
        .values({ role: 'chair', person_name: 'Twin', state_iso3: 'FRA', starts_on: '2018-12-31', ends_on: null, source: 'entered' })
        .execute(),
      /appointment_one_chair__starts_on/,
    );
    // A Chair after the demonstration one is accepted, the day after its term.
    const next = await createAppointment(t.database.db, systemActor, {
      role: 'chair',
      personName: 'Next Chair',
      stateIso3: 'IDN',
      startsOn: '2019-01-01',
    });
    assert.equal(next.role, 'chair');
  });

  test('a grant is used in or after the year of its contribution', async () => {
    const donor = await createDonor(t.database.db, systemActor, { donorKind: 'state', stateIso3: 'JPN' });
    const c = await createContribution(t.database.db, systemActor, { donorId: donor.id, year: 2019, amount: '1000.50', currency: 'usd' });
    assert.equal(Number(c.amount), 1000.5);
    assert.equal(c.currency, 'USD');
    await refused(
      () => createGrant(t.database.db, systemActor, { contributionId: c.id, usedInYear: 2018, purpose: 'Too early' }),
      'usedInYear',
      /before the year of the contribution \(2019\)/,
    );
    await refused(
      () => createContribution(t.database.db, systemActor, { donorId: donor.id, year: 2019, amount: 5 }),
      'currency',
      /is required with an amount/,
    );
  });
});

describe('administration: the pages', () => {
  test('the people page: public in part, in six languages; the trust fund the Committee side’s only', async () => {
    const res = await t.request('/en/committee/people?year=2018&date=2018-12-28');
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const name of [
      'Edith Valles',
      'Hongliu Zhang',
      'Kiwako Tanaka',
      'Michiel Combrink',
      'Scott Spence',
      'Jonathan Brewer',
      'Raphael Prenat',
    ])
      assert.ok(html.includes(name), name);
    assert.match(html, /6 experts were appointed in 2018/);
    assert.match(html, /Chair on December 28, 2018: 萨查·塞尔吉奥·略伦蒂·索利斯 \(Sacha Sergio Llorentty Solíz\) \(Bolivia/);
    for (const lang of ['fr', 'es', 'ru', 'zh', 'ar']) assert.equal((await t.request(`/${lang}/committee/people`)).status, 200, lang);
    assert.match(await (await t.request('/zh/committee/people?year=2018')).text(), /2018年任命了 6 名专家/);
    assert.equal((await t.request('/en/committee/trust-fund')).status, 401);
    assert.equal((await t.request('/en/committee/people?year=20')).status, 400);
  });
});

describe('administration: workflow through the forms and the API', () => {
  test('the secretariat records, changes, archives and restores an appointment; the history shows each change', async () => {
    const s = clients.secretariat;
    assert.equal((await clients.expert.get('/en/committee/people/new')).status, 403);
    assert.equal((await s.get('/en/committee/people/new')).status, 200);
    const made = await s.post('/en/committee/people/new', {
      role: 'expert',
      personName: 'Form Expert',
      stateIso3: 'MEX',
      startsOn: '2019-04-01',
      endsOn: '',
      note: '',
      confidentiality: 'committee',
    });
    assert.equal(made.status, 303);
    const page = made.headers.get('location')!;
    const id = page.split('/').pop()!;
    assert.match(await (await s.get(page)).text(), /Form Expert/);
    // Kept for the Committee: the public neither sees it in the list nor finds its page.
    assert.doesNotMatch(await (await clients.public.get('/en/committee/people')).text(), /Form Expert/);
    assert.equal((await clients.public.get(page)).status, 404);
    assert.equal((await api('public', `/committee/people/${id}`)).status, 404);
    assert.equal(
      ((await (await api('public', '/committee/people?role=expert')).json()) as { data: { id: string }[] }).data.some((a) => a.id === id),
      false,
    );
    const edited = await s.post(`${page}/edit`, {
      role: 'expert',
      personName: 'Form Expert',
      stateIso3: 'MEX',
      startsOn: '2019-04-01',
      endsOn: '2019-03-01',
      note: '',
      confidentiality: 'public',
      version: '1',
    });
    assert.equal(edited.status, 422);
    assert.match(await edited.text(), /endsOn<\/code>: is before the start/);
    assert.equal(
      (
        await s.post(`${page}/edit`, {
          role: 'expert',
          personName: 'Form Expert',
          stateIso3: 'MEX',
          startsOn: '2019-04-01',
          endsOn: '',
          note: 'Announced',
          confidentiality: 'public',
          version: '1',
        })
      ).status,
      303,
    );
    assert.equal((await clients.public.get(page)).status, 200);
    assert.equal((await s.post(`${page}/archive`, { confirm: 'yes', version: '2' })).status, 303);
    assert.match(await (await s.get('/en/committee/people')).text(), /Archived records[\s\S]*Form Expert/);
    assert.equal((await s.post(`${page}/restore`, { version: '3' })).status, 303);
    const history = await (await s.get(`${page}/history`)).text();
    for (const action of ['archive', 'restore']) assert.ok(history.toLowerCase().includes(action), action);
    assert.match(history, /Announced/);
    assert.equal((await clients.public.get(`${page}/history`)).status, 401);
  });

  test('the trust fund through the API: donors, contributions, grants, figures with their definitions', async () => {
    const fig = (await (await api('expert', '/trust-fund/figures?year=2018')).json()) as {
      donorsWithGrantsUsed: { count: number; donors: string[]; definition: string };
      newContributions: { donors: string[] };
    };
    assert.deepEqual(fig.donorsWithGrantsUsed.donors, ['DEU', 'ESP', 'EU', 'KOR', 'NOR', 'SWE', 'USA']);
    assert.match(fig.donorsWithGrantsUsed.definition, /grant used in the year/);
    assert.deepEqual(fig.newContributions.donors, ['KAZ']);
    const people = (await (await api('public', '/committee/people/figures?year=2018&date=2018-12-28')).json()) as {
      newExperts: { count: number; experts: { personName: string; stateIso3: string }[] };
      chair: { appointment: { personName: string; stateIso3: string } };
    };
    assert.equal(people.newExperts.count, 6);
    assert.deepEqual(people.newExperts.experts.map((e) => e.stateIso3).sort(), ['ARG', 'CHN', 'GBR', 'JPN', 'USA', 'ZAF']);
    assert.equal(people.chair.appointment.stateIso3, 'BOL');
    assert.equal((await api('committee', '/trust-fund/donors', 'POST', { donorKind: 'state', stateIso3: 'CAN' })).status, 403);
    const donor = (await (await api('secretariat', '/trust-fund/donors', 'POST', { donorKind: 'state', stateIso3: 'can' })).json()) as {
      id: string;
      stateIso3: string;
    };
    assert.equal(donor.stateIso3, 'CAN');
    const c = await api('secretariat', '/trust-fund/contributions', 'POST', {
      donorId: donor.id,
      year: 2018,
      amount: 250000,
      currency: 'CAD',
    });
    assert.equal(c.status, 201);
    const contribution = (await c.json()) as { id: string };
    const g = await api('secretariat', '/trust-fund/grants', 'POST', {
      contributionId: contribution.id,
      usedInYear: 2018,
      purpose: 'A regional course',
      activities: [{ description: 'Course', recordType: 'course', recordId: 'abc-1' }],
    });
    assert.equal(g.status, 201);
    const grant = (await g.json()) as { id: string; activities: unknown[]; rowVersion: number };
    assert.deepEqual(grant.activities, [{ description: 'Course', recordType: 'course', recordId: 'abc-1' }]);
    const after = (await (await api('expert', '/trust-fund/figures?year=2018')).json()) as typeof fig;
    assert.deepEqual(after.donorsWithGrantsUsed.donors, ['CAN', 'DEU', 'ESP', 'EU', 'KOR', 'NOR', 'SWE', 'USA']);
    assert.deepEqual(after.newContributions.donors, ['CAN', 'KAZ']);
    const stale = await api('secretariat', `/trust-fund/grants/${grant.id}`, 'PATCH', { rowVersion: 99, purpose: 'x' });
    assert.equal(stale.status, 409);
  });

  test('bad input through the API: a clear error naming the field, nothing written', async () => {
    const before = await count('appointment');
    const cases: [object, string][] = [
      [{ role: 'chair', personName: 'Overlap', stateIso3: 'FRA', startsOn: '2018-12-01' }, 'startsOn'],
      [{ role: 'expert', personName: 'Nowhere', stateIso3: 'ZZZ', startsOn: '2018-12-01' }, 'stateIso3'],
      [{ role: 'expert', personName: 'Backwards', stateIso3: 'FRA', startsOn: '2018-12-01', endsOn: '2018-11-30' }, 'endsOn'],
    ];
    for (const [body, field] of cases) {
      const res = await api('secretariat', '/committee/people', 'POST', body);
      assert.equal(res.status, 422);
      const problem = (await res.json()) as { errors?: { field: string }[]; fields?: { field: string }[] };
      assert.ok(JSON.stringify(problem).includes(`"${field}"`), `${field}: ${JSON.stringify(problem)}`);
    }
    assert.equal(await count('appointment'), before);
  });
});

describe('administration: the trust fund through every door', () => {
  test('pages, API, search and the bundle: the Committee side only', async () => {
    const donor = await t.database.db.selectFrom('trust_fund_donor').select('id').where('state_iso3', '=', 'KAZ').executeTakeFirstOrThrow();
    const expect = { public: [401, 404, 401, 404], poc: [403, 404, 403, 404], provider: [403, 404, 403, 404] } as const;
    for (const who of everyone) {
      const got = [
        (await clients[who].get('/en/committee/trust-fund')).status,
        (await clients[who].get(`/en/committee/trust-fund/donors/${donor.id}`)).status,
        (await api(who, '/trust-fund/donors')).status,
        (await api(who, `/trust-fund/donors/${donor.id}`)).status,
      ];
      assert.deepEqual(got, who in expect ? expect[who as keyof typeof expect] : [200, 200, 200, 200], who);
    }
    await refreshSearchIndex(t.database.db);
    const hits = async (who: Who) =>
      ((await (await api(who, '/search?q=Kazakhstan')).json()) as { data: { type: string }[] }).data.filter(
        (h) => h.type === 'trust-fund-donor',
      ).length;
    assert.equal(await hits('public'), 0);
    assert.equal(await hits('poc'), 0);
    assert.equal(await hits('expert'), 1);
    const experts = ((await (await api('public', '/search?q=Kiwako')).json()) as { data: { type: string }[] }).data;
    assert.ok(experts.some((h) => h.type === 'appointment'));
    const open = await exportBundle(t.database.db, null);
    for (const section of ['trust-fund-donors', 'trust-fund-contributions', 'trust-fund-grants'])
      assert.deepEqual(open.sections[section] ?? [], [], section);
    const appointments = open.sections.appointments as { personName: string; confidentiality: string }[];
    assert.ok(appointments.some((a) => a.personName === 'Scott Spence'));
    assert.ok(appointments.every((a) => a.confidentiality === 'public'));
  });
});

test('r1540 experts list: the Group of Experts in office on a day, as the public sees it', async () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += String(d);
  });
  // The command closes the application it opened: here the test's, which stays open.
  const app = { ...t.app, database: { ...t.database, close: async () => {} } };
  const services = { stdout, stderr, stdin: new PassThrough(), config: t.app.config, env: {}, open: async () => app };
  assert.equal(await expertsCommand(['list', '--format', 'json', '--as-at', '2018-12-28'], services as never), 0);
  const listed = JSON.parse(out) as { count: number; data: { personName: string; role: string }[] };
  // The six of 2018, the two illustrative experts still in office, the coordinator; not the one whose term ended in 2017.
  assert.equal(listed.count, 9);
  assert.equal(
    listed.data
      .filter((e) => e.role === 'coordinator')
      .map((e) => e.personName)
      .join(),
    'Raphael Prenat',
  );
  assert.ok(!listed.data.some((e) => e.personName === 'Illustrative expert C'));
  await assert.rejects(expertsCommand(['list', '--as-at', '28/12/2018'], services as never), /--as-at: must be a date/);
});
