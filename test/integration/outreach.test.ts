// Engines: both (outreach's write core, its figures from the demonstration data, and its doors)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/record.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createEvent, setEventArchived, updateEvent } from '../../src/features/outreach/commands.ts';
import { byAudience, byGroup, figure, outreachFigures, yearPeriod } from '../../src/features/outreach/figures.ts';
import { listEvents } from '../../src/features/outreach/queries.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoOutreach } from '../../src/features/outreach/demo.ts';
import { type TestApp, testApp } from '../support/app.ts';

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
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('outreach_event')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

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
    assert.match(month, /139th Assembly of the Inter-Parliamentary Union/);
    const feed = await t.request('/en/events.ics?audience=industry');
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
    const atom = await t.request('/en/events.atom');
    assert.match(atom.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  });
});
