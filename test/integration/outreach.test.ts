// Engines: both (outreach's write core, its figures from the demonstration data, and its doors)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAppointment } from '../../src/features/administration/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createEvent, setEventArchived, updateEvent } from '../../src/features/outreach/commands.ts';
import { byAudience, byGroup, figure, outreachFigures, yearPeriod } from '../../src/features/outreach/figures.ts';
import { listEvents } from '../../src/features/outreach/queries.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoOutreach } from '../../src/features/outreach/demo.ts';
import ICAL from 'ical.js';
import { SaxesParser } from 'saxes';
import { refreshSearchIndex } from '../../src/features/search/indexer.ts';
import { search } from '../../src/features/search/search.ts';
import { exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { cooperationCommand, eventsCommand } from '../../src/features/outreach/cli.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { rowCount } from '../support/database.ts';
import { commandOnApp } from '../support/cli.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  await seedDemoEngagement(t.database.db);
  await seedDemoOutreach(t.database.db);
});
after(() => t.close());

const facts = async () =>
  (await t.database.db.selectFrom('outreach_event').selectAll().where('archived_at', 'is', null).execute()).map((e) => ({
    startsOn: e.starts_on,
    group: e.event_group,
    audiences: e.audiences,
    participants: e.participants,
    status: e.status,
    listed: e.listed,
  }));

const refusal = async (work: Promise<unknown>): Promise<string[]> => {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') return e.fields.map((f) => f.field);
    throw e;
  }
  assert.fail('the write was accepted');
};

describe('outreach: the 2018 figures from the demonstration data', () => {
  test('the annex rows, the ¶39 count, parliamentarians, industry and joint visits', async () => {
    const f = outreachFigures(await facts(), yearPeriod(2018));
    assert.equal(figure(f, 'annexRows'), 51, 'the annex lists 51 events');
    assert.equal(figure(f, 'paragraph39'), 32, '¶39: 32 outreach events');
    assert.equal(figure(f, 'withParliamentarians'), 2);
    assert.equal(figure(f, 'chairMessagesToParliamentarians'), 2, '¶41: two recorded messages of the Chair');
    assert.equal(figure(f, 'withIndustry'), 2, '¶42');
    assert.equal(figure(f, 'jointVisits'), 3);
    assert.deepEqual(byGroup(await facts(), yearPeriod(2018)), {
      'visit-at-invitation': 6,
      'joint-visit': 3,
      'country-specific': 3,
      regional: 8,
      other: 32,
    });
    assert.equal(byAudience(await facts(), yearPeriod(2018)).industry, 2);
  });
});

describe('outreach: the write core', () => {
  const base = { title: 'Test event', group: 'other', startsOn: '2018-05-02', source: 'entered' };
  const count = () => rowCount(t.database.db, 'outreach_event');

  test('bad input is refused naming the field, and nothing is written', async () => {
    const db = t.database.db;
    const n = await count();
    assert.deepEqual(await refusal(createEvent(db, systemActor, { ...base, endsOn: '2018-05-01' })), ['endsOn']);
    assert.deepEqual(await refusal(createEvent(db, systemActor, { ...base, startsOn: '2099-01-01', status: 'held' })), ['startsOn']);
    assert.deepEqual(await refusal(createEvent(db, systemActor, { ...base, organizerOrganizations: ['NOPE'] })), [
      'organizerOrganizations',
    ]);
    assert.deepEqual(await refusal(createEvent(db, systemActor, { ...base, organizerStates: ['XXX'] })), ['organizerStates']);
    assert.deepEqual(await refusal(createEvent(db, systemActor, { ...base, stateIso3: 'QQQ' })), ['stateIso3']);
    assert.deepEqual(await refusal(createEvent(db, systemActor, { ...base, links: ['visit:00000000-0000-4000-8000-000000000000'] })), [
      'links',
    ]);
    assert.equal(await count(), n, 'nothing written');
  });

  test('a participant named by an expert’s id is one of administration’s experts: else a 422 on that field, nothing written', async () => {
    const db = t.database.db;
    const expert = await createAppointment(db, systemActor, {
      role: 'expert',
      personName: 'Quux Expert',
      stateIso3: 'MLI',
      startsOn: '2018-01-01',
    });
    const chair = await createAppointment(db, systemActor, {
      role: 'chair',
      personName: 'Quux Chair',
      stateIso3: 'PER',
      startsOn: '2030-01-01',
    });
    const n = await count();
    const unknown = '00000000-0000-4000-8000-000000000001';
    const withExpert = (role: string, expertId: string) => ({ ...base, participants: [{ role: 'chair' }, { role, expertId }] });
    assert.deepEqual(await refusal(createEvent(db, systemActor, withExpert('expert', unknown))), ['participants[1].expertId']);
    assert.deepEqual(
      await refusal(createEvent(db, systemActor, withExpert('expert', chair.id))),
      ['participants[1].expertId'],
      'the Chair',
    );
    assert.deepEqual(await refusal(createEvent(db, systemActor, withExpert('member', expert.id))), ['participants[1].expertId']);
    // Through the form, as an expert of the Committee side: the page names the field, the event is not recorded.
    const web = new Client(t);
    await web.login('expert@demo.r1540.org');
    const form = { title: 'Quux seminar', group: 'other', status: 'held', startsOn: '2018-05-02', confidentiality: 'public' };
    const res = await web.post('/en/events/new', { ...form, participants: `chair in-person\nexpert in-person ${unknown}` });
    assert.equal(res.status, 422);
    const page = await res.text();
    assert.match(page, /<code>participants\[1\]\.expertId<\/code>: 00000000-0000-4000-8000-000000000001: not one of the Group of Experts/);
    assert.equal(await count(), n, 'nothing written');
    // One of the Group of Experts is recorded, with the id kept.
    assert.equal((await web.post('/en/events/new', { ...form, participants: `expert in-person ${expert.id}` })).status, 303);
    const made = await db.selectFrom('outreach_event').selectAll().where('title', '=', 'Quux seminar').executeTakeFirstOrThrow();
    assert.deepEqual(made.participants, [{ role: 'expert', mode: 'in-person', expertId: expert.id }]);
    await setEventArchived(db, systemActor, made.id, made.row_version, true);
  });

  test('a planned event becomes held; the public sees it once confirmed; archived, it leaves the lists', async () => {
    const db = t.database.db;
    const planned = await createEvent(db, systemActor, {
      ...base,
      title: 'Planned outreach test',
      status: 'planned',
      startsOn: '2099-03-01',
      stateIso3: 'MLI',
    });
    const publicSees = async () => (await listEvents(db, null, { from: '2018-01-01' })).some((e) => e.id === planned.id);
    assert.equal(await publicSees(), false, 'a planned event not confirmed is the Committee side’s');
    const confirmed = await updateEvent(db, systemActor, planned.id, planned.row_version, { confirmed: true });
    assert.equal(confirmed.row_version, planned.row_version + 1);
    assert.equal(await publicSees(), true);
    assert.deepEqual(await refusal(updateEvent(db, systemActor, planned.id, confirmed.row_version, { status: 'held' })), ['startsOn']);
    const archived = await setEventArchived(db, systemActor, planned.id, confirmed.row_version, true);
    assert.equal(await publicSees(), false);
    await setEventArchived(db, systemActor, planned.id, archived.row_version, false);
    assert.equal(await publicSees(), true);
  });
});

describe('outreach: the doors', () => {
  test('the calendar page, month and list, the feeds, an event and its .ics', async () => {
    const list = await t.request('/en/events?group=joint-visit');
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, /Visit of the Counter-Terrorism Committee Executive Directorate to Armenia/);
    assert.doesNotMatch(html, /Wiesbaden/);
    const month = await (await t.request('/zh/events?view=month&month=2018-10')).text();
    // In Chinese, the event's Chinese title (the seed's annex).
    assert.match(month, /第139届议联大会/);
    const feed = await t.request('/en/events.ics?audience=industry');
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
    const atom = await t.request('/en/events.atom');
    assert.match(atom.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  });
});

describe('outreach: confidentiality through every door, and the feeds parsed', () => {
  let held: string;
  let planned: string;
  before(async () => {
    const db = t.database.db;
    held = (
      await createEvent(db, systemActor, {
        title: 'Quuxheld seminar',
        group: 'regional',
        startsOn: '2018-03-03',
        stateIso3: 'MLI',
        city: 'Bamako',
      })
    ).id;
    planned = (
      await createEvent(db, systemActor, {
        title: 'Zanzibarquux workshop',
        group: 'regional',
        status: 'planned',
        startsOn: '2099-04-04',
        stateIso3: 'MLI',
      })
    ).id;
    await refreshSearchIndex(db);
  });

  test('the public sees the held event and not the planned one: page, API, ICS, Atom, search, bundle', async () => {
    const db = t.database.db;
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    for (const path of ['/en/events?region=', '/api/v1/events', '/en/events.ics?state=MLI', '/en/events.atom?state=MLI']) {
      const pub = await (await t.request(path)).text();
      assert.match(pub, /Quuxheld/, `${path}: the public sees the held event`);
      assert.doesNotMatch(pub, /Zanzibarquux/, `${path}: the public does not see the planned one`);
      assert.match(await (await expert.get(path)).text(), /Zanzibarquux/, `${path}: the expert does`);
    }
    assert.equal((await t.request(`/en/events/${planned}`)).status, 404);
    assert.equal((await t.request(`/api/v1/events/${planned}`)).status, 404);
    assert.equal((await t.request(`/en/events/${planned}/event.ics`)).status, 404);
    assert.equal((await search(db, null, { q: 'Zanzibarquux' })).total, 0, 'the search hides it from the public');
    assert.equal((await search(db, null, { q: 'Quuxheld' })).total, 1);
    const bundle = await exportBundle(db, null);
    const exported = JSON.stringify(bundle.sections['outreach-events']);
    assert.match(exported, /Quuxheld/);
    assert.doesNotMatch(exported, /Zanzibarquux/);
    const state = await (await t.request('/en/states/MLI')).text();
    assert.match(state, /Quuxheld/, 'the State page shows the event');
    assert.doesNotMatch(state, /Zanzibarquux/);
  });

  test('the iCalendar parses; an update keeps the UID and raises SEQUENCE; a filter matching nothing is a valid empty calendar', async () => {
    const vevents = async (path: string) =>
      new ICAL.Component(ICAL.parse(await (await t.request(path)).text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const [before] = await vevents(`/en/events/${held}/event.ics`);
    assert.equal(before!.summary, 'Quuxheld seminar');
    assert.equal(before!.startDate.toString(), '2018-03-03');
    assert.equal(before!.endDate.toString(), '2018-03-04', 'DTEND is the day after (all-day)');
    const row = await t.database.db.selectFrom('outreach_event').select('row_version').where('id', '=', held).executeTakeFirstOrThrow();
    await updateEvent(t.database.db, systemActor, held, row.row_version, { title: 'Quuxheld seminar (renamed)' });
    const after = (await vevents('/en/events.ics?state=MLI&group=regional')).find((e) => e.uid === before!.uid);
    assert.ok(after, 'the same UID in the filtered feed');
    assert.equal(after.summary, 'Quuxheld seminar (renamed)');
    assert.equal(after.sequence, before!.sequence + 1);
    const empty = await t.request('/en/events.ics?group=joint-visit&audience=academia');
    assert.equal(empty.status, 200);
    const cal = new ICAL.Component(ICAL.parse(await empty.text()));
    assert.equal(cal.name, 'vcalendar');
    assert.equal(cal.getAllSubcomponents('vevent').length, 0);
  });

  test('the Atom feed is well-formed XML with one entry per event', async () => {
    const xml = await (await t.request('/en/events.atom?state=MLI')).text();
    const names: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => names.push(tag.name));
    parser.write(xml).close();
    assert.equal(names[0], 'feed');
    assert.ok(names.filter((n) => n === 'entry').length >= 1);
  });
});

describe('outreach: the bundle', () => {
  test('an export imported again into the same database changes nothing (a dry run of the round trip)', async () => {
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', 'admin@demo.r1540.org')
      .executeTakeFirstOrThrow();
    const admin = {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: 'admin',
      stateIso3: null,
      organizationCode: null,
    } as const;
    const bundle = await exportBundle(t.database.db, admin);
    assert.ok((bundle.sections['outreach-events'] ?? []).length >= 52);
    assert.ok((bundle.sections['organization-cooperation'] ?? []).length >= 20);
    const result = await importBundle(
      t.database.db,
      { id: admin.id, label: admin.displayName },
      admin,
      JSON.parse(JSON.stringify(bundle)),
      { dryRun: true },
    );
    for (const name of ['outreach-events', 'organization-cooperation']) {
      const counts = result.sections[name]!;
      assert.equal(counts.created, 0, `${name}: nothing created`);
      assert.equal(counts.updated, 0, `${name}: nothing updated`);
      assert.equal(counts.unchanged, (bundle.sections[name] ?? []).length, `${name}: every record unchanged`);
    }
  });
});

describe('outreach: the calendar under the API, the command line, and a cooperation record changed through the API', () => {
  let held: string;
  let planned: string;
  let expertToken: string;
  before(async () => {
    const db = t.database.db;
    held = (await createEvent(db, systemActor, { title: 'Quuxapi seminar', group: 'regional', startsOn: '2018-06-06', stateIso3: 'PER' }))
      .id;
    planned = (
      await createEvent(db, systemActor, { title: 'Quuxapi planned', group: 'regional', status: 'planned', startsOn: '2099-05-05' })
    ).id;
    const expert = await db.selectFrom('app_user').select('id').where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow();
    expertToken = (await createApiToken(db, systemActor, expert.id, 'outreach-test')).token;
  });
  const parsed = (text: string) => new ICAL.Component(ICAL.parse(text));
  const uids = (cal: ICAL.Component) =>
    cal
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).uid)
      .sort();

  test('/api/v1/events.ics is the page’s feed (the same events and UIDs); an event’s .ics; nothing matched: a valid empty calendar', async () => {
    const api = await t.request('/api/v1/events.ics?group=regional');
    assert.equal(api.status, 200);
    assert.match(api.headers.get('content-type') ?? '', /^text\/calendar/);
    const fromApi = parsed(await api.text());
    const fromPage = parsed(await (await t.request('/en/events.ics?group=regional')).text());
    assert.deepEqual(uids(fromApi), uids(fromPage));
    assert.ok(uids(fromApi).includes(`${held}@r1540.outreach`));
    assert.ok(!uids(fromApi).includes(`${planned}@r1540.outreach`), 'the public: not a planned event');
    const listed = (await (await t.request('/api/v1/events?group=regional')).json()) as { count: number };
    assert.equal(uids(fromApi).length, listed.count, 'the same events as the list');
    // The Committee side sees the planned one in its feed too.
    const auth = { headers: { authorization: `Bearer ${expertToken}` } };
    assert.ok(
      uids(parsed(await (await t.request('/api/v1/events.ics?group=regional', auth)).text())).includes(`${planned}@r1540.outreach`),
    );
    const [one] = parsed(await (await t.request(`/api/v1/events/${held}.ics?lang=fr`)).text())
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    assert.equal(one!.uid, `${held}@r1540.outreach`);
    assert.equal(one!.location, 'Pérou');
    assert.equal(String(one!.component.getFirstPropertyValue('url')), `http://localhost/fr/events/${held}`);
    assert.equal((await t.request(`/api/v1/events/${planned}.ics`)).status, 404);
    assert.equal((await t.request(`/api/v1/events/${planned}.ics`, auth)).status, 200);
    const empty = await t.request('/api/v1/events.ics?organization=NOSUCHBODY');
    assert.equal(empty.status, 200);
    const cal = parsed(await empty.text());
    assert.equal(cal.name, 'vcalendar');
    assert.equal(cal.getAllSubcomponents('vevent').length, 0);
    const bad = await t.request('/api/v1/events.ics?from=soon&lang=de');
    assert.equal(bad.status, 422);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['from', 'lang']);
    assert.equal((await t.request(`/api/v1/events/${held}.ics?lang=de`)).status, 422);
  });

  test('r1540 events list and events ics: as the public, the same events and UIDs as the feed', async () => {
    const list = await commandOnApp(t, eventsCommand, ['list', '--group', 'regional', '--format', 'json']);
    assert.equal(list.code, 0);
    const data = (JSON.parse(list.stdout) as { data: { id: string; title: string }[] }).data;
    assert.ok(data.some((e) => e.id === held));
    assert.ok(!data.some((e) => e.id === planned));
    const asExpert = await commandOnApp(t, eventsCommand, ['list', '--group', 'regional', '--as', 'expert@demo.r1540.org']);
    assert.match(asExpert.stdout, /^starts on +ends on +group/);
    assert.match(asExpert.stdout, /Quuxapi planned/);
    const csv = await commandOnApp(t, eventsCommand, [
      'list',
      '--state',
      'PER',
      '--from',
      '2018-06-01',
      '--to',
      '2018-06-30',
      '--format',
      'csv',
    ]);
    assert.match(csv.stdout, /Quuxapi seminar/);
    const dir = mkdtempSync(join(tmpdir(), 'r1540-events-'));
    try {
      const file = join(dir, 'regional.ics');
      const ics = await commandOnApp(t, eventsCommand, [
        'ics',
        '--group',
        'regional',
        '--out',
        file,
        '--base-url',
        'https://r1540.example.org',
      ]);
      assert.equal(ics.code, 0);
      const cal = parsed(readFileSync(file, 'utf8'));
      assert.deepEqual(uids(cal), uids(parsed(await (await t.request('/en/events.ics?group=regional')).text())));
      const mine = cal.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).uid === `${held}@r1540.outreach`)!;
      assert.equal(String(mine.getFirstPropertyValue('url')), `https://r1540.example.org/en/events/${held}`);
      const none = await commandOnApp(t, eventsCommand, ['ics', '--organization', 'NOSUCHBODY', '--out', '-']);
      assert.equal(parsed(none.stdout).getAllSubcomponents('vevent').length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await assert.rejects(commandOnApp(t, eventsCommand, ['list', '--group', 'nothing']), /--group/);
    await assert.rejects(commandOnApp(t, eventsCommand, ['ics', '--group', 'regional']), /--out/);
    await assert.rejects(commandOnApp(t, eventsCommand, ['list', '--format', 'xml']), /--format/);
  });

  test('r1540 cooperation list: the API’s records, by organization, as the public or an account', async () => {
    const api = (await (await t.request('/api/v1/cooperation?organization=OPCW')).json()) as { data: { id: string }[] };
    const list = await commandOnApp(t, cooperationCommand, ['list', '--organization', 'opcw', '--format', 'json']);
    assert.equal(list.code, 0);
    const data = (JSON.parse(list.stdout) as { data: { id: string; organizationCode: string }[] }).data;
    assert.ok(data.length > 0);
    assert.deepEqual(data.map((c) => c.id).sort(), api.data.map((c) => c.id).sort());
    assert.ok(data.every((c) => c.organizationCode === 'OPCW'));
    const table = await commandOnApp(t, cooperationCommand, ['list', '--as', 'expert@demo.r1540.org']);
    assert.match(table.stdout, /^starts on +ends on +organization +activity/);
    await assert.rejects(commandOnApp(t, cooperationCommand, ['list', '--organization', 'no such']), /--organization/);
    await assert.rejects(commandOnApp(t, cooperationCommand, ['show']), /cooperation list/);
  });

  test('PUT /api/v1/cooperation/{id}: the page’s write core; a stale version is a 409, a bad field a 422 naming it', async () => {
    const db = t.database.db;
    const row = await db
      .selectFrom('organization_cooperation')
      .selectAll()
      .where('archived_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const put = (json: object, token: string | null = expertToken) =>
      t.request(`/api/v1/cooperation/${row.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(json),
      });
    const changed = await put({ rowVersion: row.row_version, description: 'Quuxapi: changed through the API' });
    assert.equal(changed.status, 200, await changed.clone().text());
    const body = (await changed.json()) as { description: string; rowVersion: number; organizationCode: string };
    assert.equal(body.description, 'Quuxapi: changed through the API');
    assert.equal(body.rowVersion, row.row_version + 1);
    assert.equal(body.organizationCode, row.organization_code, 'the fields not given are kept');
    const stale = await put({ rowVersion: row.row_version, description: 'Stale' });
    assert.equal(stale.status, 409);
    for (const [field, value] of [
      ['organizationCode', 'NOSUCHBODY'],
      ['endsOn', '2001-01-01'],
      ['activity', 'picnic'],
    ] as const) {
      const bad = await put({ rowVersion: body.rowVersion, [field]: value });
      assert.equal(bad.status, 422, field);
      assert.deepEqual(
        ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
        [field],
      );
    }
    assert.equal((await put({ rowVersion: body.rowVersion, description: 'x' }, null)).status, 403, 'not the public');
    const history = await db
      .selectFrom('audit_event')
      .select('action')
      .where('record_type', '=', 'cooperation')
      .where('record_id', '=', row.id)
      .execute();
    assert.equal(history.filter((h) => h.action === 'update').length, 1, 'one change, audited; the refused ones wrote nothing');
  });
});
