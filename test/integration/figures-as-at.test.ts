import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { addContact } from '../../src/features/contacts/contacts.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { memberStatesAsAt } from '../../src/features/member-states/index.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { todayIso } from '../../src/platform/values/dates.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// Figures as at a date (issue 13, items 1–4): the Member States of the date, per-year series cut
// at the date, official figures the same for every reader, points of contact in office that day.

let t: TestApp;
const token: Record<string, string> = {};
const who: Record<string, Viewer> = {};
let pub: Client;

async function api(path: string, as: 'public' | 'expert' = 'public', init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = as === 'public' ? {} : { authorization: `Bearer ${token[as]}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const body = (await res.json()) as Record<string, unknown>;
  assert.ok(res.status < 300, `${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const u of await db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  const expert = await db.selectFrom('app_user').select('id').where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow();
  token.expert = (await createApiToken(db, systemActor, expert.id, 'figures-as-at')).token;
  await seedDemoReports(db);
  pub = new Client(t);
});
after(() => t.close());

describe('item 1: the Member States as at a date', () => {
  test('one rule: a State counts from its admission (South Sudan 14 July 2011, Montenegro 28 June 2006)', async () => {
    const db = t.database.db;
    assert.equal((await memberStatesAsAt(db, '2010-12-31')).length, 192);
    assert.ok(!(await memberStatesAsAt(db, '2011-07-13')).includes('SSD'));
    assert.ok((await memberStatesAsAt(db, '2011-07-14')).includes('SSD'));
    assert.ok(!(await memberStatesAsAt(db, '2006-06-27')).includes('MNE'));
    assert.equal((await memberStatesAsAt(db, '2006-06-28')).length, 192);
  });

  test('reporting status as at 31 December 2010 counts 192 States and does not list South Sudan', async () => {
    const s2010 = await api('/api/v1/reporting-status?asOf=2010-12-31');
    assert.equal(s2010.states, 192);
    assert.equal((s2010.reportingCount as number) + (s2010.nonReportingCount as number), 192);
    assert.ok(!(s2010.nonReporting as string[]).includes('SSD'));
    const s2005 = await api('/api/v1/reporting-status?asOf=2005-12-31');
    assert.equal(s2005.states, 191);
    assert.ok(!(s2005.nonReporting as string[]).includes('MNE'));
    const page = await (await pub.get('/en/reports/status?asOf=2010-12-31')).text();
    assert.doesNotMatch(page, /states\/SSD\/reports/);
    const csv = await (await pub.get('/en/reports/status?asOf=2010-12-31&format=csv')).text();
    assert.doesNotMatch(csv, /SSD/);
    assert.equal((await api('/api/v1/reporting-status?asOf=2018-12-31')).states, 193);
  });

  test('matrix figures: a matrix dated before its State was admitted does not count', async () => {
    const db = t.database.db;
    const e = who.expert!;
    const m = await startDraft(db, { id: e.id, label: e.displayName }, 'SSD');
    await saveCells(db, { id: e.id, label: '' }, e, m.id, [
      { field: 'OP1.NPT', expectedVersion: 0, value: 'X', sources: [{ kind: 'law', citation: 'Test law' }] },
    ]);
    await moveMatrix(db, { id: e.id, label: '' }, e, m.id, 'sent');
    await moveMatrix(db, { id: e.id, label: '' }, e, m.id, 'agreed');
    await moveMatrix(db, { id: who.committee!.id, label: '' }, who.committee!, m.id, 'approved');
    await moveMatrix(db, { id: who.secretariat!.id, label: '' }, who.secretariat!, m.id, 'published');
    await sql`update matrix set published_at = ${'2010-06-01T12:00:00Z'} where id = ${m.id}`.execute(db);
    const states = async (asOf: string) => {
      const f = await api(`/api/v1/matrix/figures?asOf=${asOf}&by=state`);
      return (f.data as { iso3: string }[]).map((r) => r.iso3);
    };
    assert.ok(!(await states('2010-12-31')).includes('SSD'));
    assert.ok((await states('2011-12-31')).includes('SSD'));
  });

  test('points of contact: a State counts from its admission', async () => {
    const db = t.database.db;
    await addContact(db, systemActor, 'SSD', {
      location: 'capital',
      name: 'Figures Test',
      email: 'figures.test@example.org',
      designatedOn: '2010-03-01',
      source: 'entered',
    });
    const data = (await api('/api/v1/contacts/per-year?from=2010&to=2011')).data as { year: number; states: number; newStates: number }[];
    const direct = async (date: string) =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(distinct p.state_iso3) as n from point_of_contact p join member_state s on s.iso3 = p.state_iso3
            where p.archived_at is null and p.designated_on <= ${date}::date and (p.ended_on is null or p.ended_on > ${date}::date)
              and s.un_member_since <= ${date}::date`.execute(db)
        ).rows[0]!.n,
      );
    assert.equal(data[0]!.states, await direct('2010-12-31'), '2010: South Sudan not yet a Member State');
    assert.equal(data[1]!.states, await direct('2011-12-31'));
    assert.equal(data[1]!.states - data[0]!.states >= 1, true, '2011: South Sudan counts');
  });
});

describe('item 2: per-year counts are cut at the date asked', () => {
  test('action plans as at mid-2018: the years add up to the total since 2007', async () => {
    await api('/api/v1/action-plans', 'expert', {
      method: 'POST',
      json: { state: 'BRA', number: 1, status: 'submitted', submittedOn: '2018-10-01' },
    });
    const mid = await api('/api/v1/action-plans?asOf=2018-06-30');
    const perYear = mid.perYear as { year: number; plans: number }[];
    assert.equal(
      perYear.reduce((n, y) => n + y.plans, 0),
      mid.since2007,
    );
    assert.equal(perYear.at(-1)?.year, 2018);
    const end = await api('/api/v1/action-plans?asOf=2018-12-31');
    const perYearEnd = end.perYear as { year: number; plans: number }[];
    assert.equal(
      perYearEnd.reduce((n, y) => n + y.plans, 0),
      end.since2007,
    );
    assert.ok((perYearEnd.at(-1)?.plans ?? 0) > (perYear.at(-1)?.plans ?? 0), 'the plan of October counts at the end of the year only');
    const csv = await (await pub.get('/en/action-plans?asOf=2018-06-30&format=csv')).text();
    assert.match(csv, new RegExp(`2018,${perYear.at(-1)?.plans}\\b`));
  });

  test('points of contact per year: this year is counted as at today, and says so', async () => {
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const data = (await api(`/api/v1/contacts/per-year?from=${year - 1}&to=${year + 1}`)).data as { year: number; asAt: string }[];
    assert.deepEqual(
      data.map((y) => [y.year, y.asAt]),
      [
        [year - 1, `${year - 1}-12-31`],
        [year, today],
      ],
    );
  });
});

describe('item 3: whether and when a State reported is the same for every reader', () => {
  test('a committee-only first report counts for the public too; its content stays hidden', async () => {
    const before = await api('/api/v1/reporting-status?asOf=2018-12-31');
    await api('/api/v1/reports', 'expert', {
      method: 'POST',
      json: { state: 'SOM', kind: 'first-report', receivedOn: '2018-06-01', symbol: 'S/AC.44/2018/FIGURES', confidentiality: 'committee' },
    });
    const publicStatus = await api('/api/v1/reporting-status?asOf=2018-12-31');
    const expertStatus = await api('/api/v1/reporting-status?asOf=2018-12-31', 'expert');
    assert.equal(publicStatus.reportingCount, (before.reportingCount as number) + 1);
    assert.deepEqual(publicStatus, expertStatus);
    assert.ok((publicStatus.reporting as string[]).includes('SOM'));
    // The State's page says it reported, and when; the report itself is not listed to the public.
    const page = await (await pub.get('/en/states/SOM')).text();
    assert.match(page, /First report received on June 1, 2018/);
    assert.doesNotMatch(page, /FIGURES/);
    assert.equal(((await api('/api/v1/reports?from=2018-06-01&to=2018-06-01')).data as unknown[]).length, 0);
  });

  test('a committee-only plan counts in the plan figures for every reader; the list of plans stays filtered', async () => {
    await api('/api/v1/action-plans', 'expert', {
      method: 'POST',
      json: { state: 'ARM', number: 7, status: 'submitted', submittedOn: '2018-03-01', confidentiality: 'committee' },
    });
    const p = await api('/api/v1/action-plans?asOf=2018-12-31');
    const e = await api('/api/v1/action-plans?asOf=2018-12-31', 'expert');
    assert.equal(p.since2007, e.since2007);
    assert.deepEqual(p.perYear, e.perYear);
    assert.ok((p.data as unknown[]).length < (e.data as unknown[]).length);
    const perYearApi = await api('/api/v1/action-plans/per-year?from=2007&to=2018');
    assert.equal(perYearApi.total, e.since2007);
  });
});

describe('item 4: points of contact in office, and "designated since" the start of the run', () => {
  test('a successor designated the day the previous one left continues the run', async () => {
    const db = t.database.db;
    await addContact(db, systemActor, 'LSO', {
      location: 'capital',
      name: 'First Contact',
      email: 'first@example.org',
      designatedOn: '2012-04-02',
      endedOn: '2016-05-01',
      source: 'entered',
    });
    await addContact(db, systemActor, 'LSO', {
      location: 'capital',
      name: 'Second Contact',
      email: 'second@example.org',
      designatedOn: '2016-05-01',
      source: 'entered',
    });
    const state = await (await pub.get('/en/states/LSO')).text();
    assert.match(state, /without a break since April 2, 2012/);
    const contacts = await (await pub.get('/en/states/LSO/contacts')).text();
    assert.match(contacts, /without a break since April 2, 2012/);
    assert.equal(((await api('/api/v1/states/LSO/contacts')) as { since: string }).since, '2012-04-02');
  });

  test('the contacts page says the figures count contacts in office on the day', async () => {
    for (const [lang, text] of [
      ['en', /in office on 31 December of each year/],
      ['fr', /en fonctions le 31 décembre de chaque année/],
    ] as const) {
      const page = await (await pub.get(`/${lang}/contacts`)).text();
      assert.match(page, text);
    }
    const csv = await (await pub.get('/en/contacts/per-year.csv?header=machine')).text();
    assert.match(csv.replace(/^\uFEFF/, ''), /^year,as_at,states,new_states/);
  });
});
