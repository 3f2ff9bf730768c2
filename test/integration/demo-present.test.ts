import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { seedDemo } from '../../src/app/seed.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { seedDemoAssistance, seedDemoAssistanceSince2018 } from '../../src/features/assistance/demo.ts';
import { assistanceFigures } from '../../src/features/assistance/outputs/figures.ts';
import { quarterlyUpdate, quarterOf } from '../../src/features/assistance/outputs/quarterly.ts';
import { flagsOf } from '../../src/features/assistance/queries.ts';
import { allContacts, contactFiguresPerYear, unconfirmedContacts } from '../../src/features/contacts/contacts.ts';
import { seedDemoMatrices } from '../../src/features/matrix/versions/demo.ts';
import { seedDemoMatrixWithState } from '../../src/features/matrix/versions/demo-with-state.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';

// Issue 13, item 13: the demonstration data reaches the day it is seeded on. Seeded on a given
// day, the default views of that day are not empty (the quarterly update of its quarter, the
// assistance figures of its year, responses and matches in several statuses, a matrix with the
// State), the overdue items are recent, and the 2018 review's figures are those of the seed.

const days = ['2026-12-06', '2024-03-15'] as const;
let t: TestApp;
let other: Database;
const dbOf: Record<string, Kysely<DB>> = {};
let committee: Viewer;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The 2018 figures of the clearinghouse: the year's and each quarter's, as the Committee side reads them. */
async function figures2018(db: Kysely<DB>) {
  const quarters = [];
  for (const q of [1, 2, 3, 4]) {
    const u = await quarterlyUpdate(db, committee, 2018, q);
    quarters.push({ counts: u.counts, requests: u.requests.map((r) => r.stateIso3), steps: u.steps.length });
  }
  return { year: await assistanceFigures(db, committee, 2018), quarters };
}

let before2018: Awaited<ReturnType<typeof figures2018>>;

before(async () => {
  t = await testApp();
  const user = await t.database.db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', 'committee@demo.r1540.org')
    .executeTakeFirstOrThrow();
  committee = viewerOf(user);
  // The whole demonstration as a first start on 6 December 2026 seeds it.
  await seedDemo(t.database.db, undefined, undefined, days[0]);
  dbOf[days[0]] = t.database.db;
  // Another day: the clearinghouse and Mali's matrix only (the parts that depend on the day), the
  // 2018 figures read before the history after 2018 is added and after.
  other = await freshDatabase();
  dbOf[days[1]] = other.db;
  await seedDemoAssistance(other.db);
  before2018 = await figures2018(other.db);
  await seedDemoAssistanceSince2018(other.db, days[1]);
  await seedDemoMatrices(other.db, undefined, { states: ['MLI'] });
  await seedDemoMatrixWithState(other.db, days[1]);
});
after(async () => {
  await other.close();
  await t.close();
});

for (const day of days)
  describe(`the demonstration seeded on ${day}`, () => {
    test('the quarterly update of the day’s quarter has requests, steps, responses and matches', async () => {
      const u = await quarterlyUpdate(dbOf[day]!, committee, Number(day.slice(0, 4)), quarterOf(day));
      assert.ok(u.counts.requests >= 1, `requests ${JSON.stringify(u.counts)}`);
      assert.ok(u.counts.steps >= 1, `steps ${JSON.stringify(u.counts)}`);
      assert.ok(u.counts.responses >= 1, `responses ${JSON.stringify(u.counts)}`);
      assert.ok(u.counts.matches >= 1, `matches ${JSON.stringify(u.counts)}`);
      assert.ok(
        u.steps.every((s) => s.takenOn <= day),
        'nothing after the day',
      );
    });

    test('the assistance figures of the day’s year have requests and responses', async () => {
      const f = await assistanceFigures(dbOf[day]!, committee, Number(day.slice(0, 4)));
      assert.ok(f.newRequests >= 1, `${f.newRequests} new requests`);
      assert.ok(f.newRequestsPreviousYear >= 2, `${f.newRequestsPreviousYear} the year before`);
      const year = Number(day.slice(0, 4));
      const last = await assistanceFigures(dbOf[day]!, committee, year - 1);
      const before = await assistanceFigures(dbOf[day]!, committee, year - 2);
      assert.ok(last.responses >= 1, `the year before: ${last.responses} responses`);
      assert.ok(last.matchesDelivered + before.matchesDelivered >= 1, 'help delivered in the two years before');
    });

    test('requests with responses, matches in several statuses, requests in several statuses, all illustrative after 2018', async () => {
      const db = dbOf[day]!;
      const responses = await db
        .selectFrom('assistance_response')
        .select(['responded_on', 'source'])
        .where('responded_on', '>', '2018-12-31')
        .execute();
      assert.ok(responses.length >= 5, `${responses.length} responses after 2018`);
      assert.ok(responses.every((r) => r.source === 'illustrative' && r.responded_on <= day));
      const matches = await db.selectFrom('assistance_match').select(['status', 'status_on']).execute();
      const statuses = new Set(matches.map((m) => m.status));
      assert.ok(statuses.size >= 4, `match statuses: ${[...statuses].join(', ')}`);
      for (const s of ['suggested', 'delivered', 'under-way']) assert.ok(statuses.has(s as never), `a ${s} match`);
      assert.ok(matches.every((m) => m.status_on > '2018-12-31' && m.status_on <= day));
      const later = await db
        .selectFrom('assistance_request')
        .select(['status', 'source'])
        .where('received_on', '>', '2018-12-31')
        .execute();
      assert.ok(later.every((r) => r.source === 'illustrative'));
      const requestStatuses = new Set(later.map((r) => r.status));
      for (const s of ['received', 'circulated', 'forwarded', 'under-way', 'closed', 'withdrawn'])
        assert.ok(requestStatuses.has(s as never), `a ${s} request after 2018 (${[...requestStatuses].join(', ')})`);
    });

    test('overdue items are recent: follow-up letters due within the last 13 months, none since 2019', async () => {
      const db = dbOf[day]!;
      const rows = await db.selectFrom('assistance_request').selectAll().execute();
      const flags = [...(await flagsOf(db, rows, day)).values()].flat();
      const followUps = flags.filter((f) => f.code === 'follow-up-due');
      assert.ok(followUps.length >= 1 && followUps.length <= 4, JSON.stringify(flags));
      for (const f of flags) {
        assert.ok(f.dueOn >= addDays(day, -400) && f.dueOn <= day, `${f.code} due on ${f.dueOn}`);
        assert.ok(f.dueOn > '2019-12-31', `${f.code} due since ${f.dueOn}`);
      }
      assert.ok(
        flags.some((f) => f.code === 'acknowledgement-overdue'),
        'an acknowledgement overdue',
      );
    });

    test('a version of Mali’s matrix is with the State, with comments and proposals decided and open', async () => {
      const db = dbOf[day]!;
      const open = await db
        .selectFrom('matrix')
        .selectAll()
        .where('state_iso3', '=', 'MLI')
        .where('status', 'in', ['sent', 'commented'])
        .execute();
      assert.equal(open.length, 1);
      const proposals = await db.selectFrom('matrix_proposal').select(['kind', 'status']).where('matrix_id', '=', open[0]!.id).execute();
      assert.deepEqual(new Set(proposals.map((p) => p.status)), new Set(['open', 'accepted', 'declined']));
      assert.ok(proposals.some((p) => p.kind === 'proposal') && proposals.some((p) => p.kind === 'comment'));
    });
  });

test('reports, plans, visits, courses and letters of the day’s year, illustrative after 2018 (seeded on 2026-12-06)', async () => {
  const db = t.database.db;
  const reports = await db
    .selectFrom('national_report')
    .select(['received_on', 'source'])
    .where('received_on', '>', '2018-12-31')
    .execute();
  const plans = await db.selectFrom('action_plan').select(['started_on', 'source']).where('started_on', '>', '2018-12-31').execute();
  const visits = await db.selectFrom('visit').select(['starts_on', 'source']).where('starts_on', '>', '2018-12-31').execute();
  const courses = await db.selectFrom('course').select(['starts_on', 'source']).where('starts_on', '>', '2018-12-31').execute();
  const letters = await db.selectFrom('letter').select(['sent_on', 'source']).where('sent_on', '>', '2018-12-31').execute();
  for (const [what, rows] of Object.entries({ reports, plans, visits, courses, letters })) {
    const days = rows.map((r) => Object.values(r)[0] as string);
    assert.ok(
      days.some((d) => d.startsWith('2026')),
      `${what} in 2026`,
    );
    assert.ok(
      rows.every((r) => r.source === 'illustrative'),
      `${what} after 2018 are illustrative`,
    );
  }
  assert.ok(letters.every((l) => l.sent_on <= days[0]));
  // Points of contact: a few whose confirmation fell due in the last weeks, not every one since 2005; 106 States as at 2018 as the seed says.
  const due = unconfirmedContacts(await allContacts(db), days[0]);
  assert.ok(due.length >= 1 && due.length <= 8, `${due.length} contacts to remind`);
  for (const c of due)
    assert.ok((c.last_confirmed_on ?? c.designated_on) >= addDays(days[0], -430), `${c.state_iso3} confirmed on ${c.last_confirmed_on}`);
  assert.deepEqual(await contactFiguresPerYear(db, 2018, 2018, '2018-12-31'), [
    { year: 2018, asAt: '2018-12-31', states: 106, newStates: 5 },
  ]);
  // A follow-up letter of the Chair for each follow-up step after 2018.
  const followUps = await db
    .selectFrom('assistance_step')
    .select('id')
    .where('action', '=', 'follow-up')
    .where('taken_on', '>', '2018-12-31')
    .execute();
  const followUpLetters = await db
    .selectFrom('letter')
    .select('id')
    .where('subject', '=', 'Follow-up to your request for assistance')
    .execute();
  assert.ok(followUps.length >= 5);
  assert.equal(followUpLetters.length, followUps.length);
});

test('Mali’s point of contact sees its version with the State and its proposals on the page', async () => {
  const poc = new Client(t);
  await poc.login('poc.mli@demo.r1540.org');
  const res = await poc.get('/en/states/MLI/matrix/proposals');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Adopted by the National Assembly/);
  assert.doesNotMatch(html, /No version of the matrix of Mali is with the State now/);
});

test('the 2018 figures of the clearinghouse are the seed’s: the same before and after the history after 2018', async () => {
  assert.deepEqual(await figures2018(other.db), before2018);
  assert.deepEqual(await figures2018(t.database.db), before2018);
  assert.equal(before2018.year.newRequests, 9, 'nine requests in 2018 (S/2018/1167 ¶18)');
  assert.equal(before2018.year.newRequestsPreviousYear, 3, 'three in 2017');
});

test('the 2018 reporting figures are the seed’s (182 States reported, 32 action plans since 2007)', async () => {
  const res = await t.request('/api/v1/reporting-status?asOf=2018-12-31');
  const body = (await res.json()) as Record<string, number>;
  assert.equal(body.reportingCount, 182);
  assert.equal(body.nonReportingCount, 11);
  const plans = (await (await t.request('/api/v1/action-plans?asOf=2018-12-31')).json()) as Record<string, unknown>;
  assert.equal(plans.since2007, 32, JSON.stringify(plans).slice(0, 300));
});
