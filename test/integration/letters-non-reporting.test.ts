import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { exportBundle } from '../../src/platform/bundle/bundle.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// A public letter "to all non-reporting States" was resolved over every first report, restricted
// ones included, while the reporting status each reader saw counted only the reports that reader
// could see: comparing the two told which States had filed a restricted report (issue 12, item 5).
// Whether a State has reported is now public (the reporting status is the same for every reader,
// reports feature), and the letter's recipients are the status as at its date: for every reader,
// at every door (the letter's page and API, the lists filtered by State, the bundle, the search),
// the recipients are the non-reporting States of the status that reader sees, and the Committee
// side sees the list as it was sent.

type Who = 'public' | 'expert' | 'poc' | 'pocNer';
const emails: Record<Exclude<Who, 'public'>, string> = {
  expert: 'expert@demo.r1540.org',
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner.letters@example.org',
};
const sentOn = '2018-05-15';

let t: TestApp;
let letterId = '';
const token = {} as Record<Exclude<Who, 'public'>, string>;
const client = {} as Record<Who, Client>;

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in tests
async function api(path: string, who: Who): Promise<any> {
  const res = await t.request(path, who === 'public' ? {} : { headers: { authorization: `Bearer ${token[who]}` } });
  assert.equal(res.status, 200, `${who} ${path}`);
  return res.json();
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await addUser(db, systemActor, {
    email: emails.pocNer,
    displayName: 'Point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'a long enough password 1540',
  } as Parameters<typeof addUser>[2]);
  for (const who of Object.keys(emails) as Exclude<Who, 'public'>[]) {
    const user = await db.selectFrom('app_user').selectAll().where('email', '=', emails[who]).executeTakeFirstOrThrow();
    token[who] = (await createApiToken(db, systemActor, user.id, 'letters')).token;
  }
  for (const who of ['public', 'expert', 'poc', 'pocNer'] as Who[]) {
    client[who] = new Client(t);
    if (who === 'public') await client[who].get('/en/');
    else await client[who].login(emails[who], who === 'pocNer' ? 'a long enough password 1540' : undefined);
  }
  // Every State reported in 2005, publicly, but the Mali and South Sudan (never), Kenya (to the
  // Committee only, in 2017) and the Niger (to the Committee and the Niger, in 2017).
  const states = (await db.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3);
  const rows = states
    .filter((s) => !['MLI', 'SSD', 'KEN', 'NER'].includes(s))
    .map((s) => ({ state_iso3: s, kind: 'first-report' as const, received_on: '2005-06-01', source: 'entered' as const }));
  await db.insertInto('national_report').values(rows).execute();
  await db
    .insertInto('national_report')
    .values([
      { state_iso3: 'KEN', kind: 'first-report', received_on: '2017-01-10', source: 'entered', confidentiality: 'committee' },
      { state_iso3: 'NER', kind: 'first-report', received_on: '2017-02-10', source: 'entered', confidentiality: 'committee-and-state' },
    ])
    .execute();
  const res = await t.request('/api/v1/letters', {
    method: 'POST',
    headers: { authorization: `Bearer ${token.expert}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'letter',
      sentOn,
      sender: { kind: 'chair' },
      recipients: { mode: 'non-reporting' },
      subject: 'A reminder of the Chair',
      confidentiality: 'public',
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  letterId = ((await res.json()) as { id: string }).id;
});
after(() => t.close());

/** The non-reporting States as at the letter's date, in the reporting status the reader sees. */
async function statusOf(who: Who): Promise<string[]> {
  return (await api(`/api/v1/reporting-status?asOf=${sentOn}`, who)).nonReporting;
}

const readers: Who[] = ['public', 'poc', 'pocNer', 'expert'];
/** The list as it was sent: every State without a first report as at the date, restricted reports counted. */
const sent = ['MLI', 'SSD'];

test('the recipients each reader sees are the non-reporting States of the status it sees (API and page)', async () => {
  for (const who of readers) {
    const expected = await statusOf(who);
    const letter = await api(`/api/v1/letters/${letterId}`, who);
    assert.deepEqual(letter.recipients.states, expected, `${who}: the letter's recipients and the reporting status`);
    const listed = await api('/api/v1/letters?from=2018-01-01', who);
    assert.deepEqual(listed.data.find((l: { id: string }) => l.id === letterId).recipients.states, expected, `${who}: the list`);
    const html = await (await client[who].get(`/en/letters/${letterId}`)).text();
    for (const iso3 of ['KEN', 'MLI', 'NER', 'SSD'])
      assert.equal(html.includes(`href="/en/states/${iso3}"`), expected.includes(iso3), `${who}: the page names ${iso3}`);
    assert.match(html, new RegExp(`: ${expected.length} States?`), `${who}: the page counts them`);
  }
  // The Committee side sees the list as sent.
  assert.deepEqual((await api(`/api/v1/letters/${letterId}`, 'expert')).recipients.states, sent);
});

test('the lists filtered by State find the letter for the States it went to, as each reader sees it', async () => {
  for (const who of readers) {
    const expected = await statusOf(who);
    for (const iso3 of ['KEN', 'MLI', 'NER', 'SSD', 'FRA']) {
      const ids = (await api(`/api/v1/letters?state=${iso3}`, who)).data.map((l: { id: string }) => l.id);
      assert.equal(ids.includes(letterId), expected.includes(iso3), `${who}: ?state=${iso3}`);
      const ofState = (await api(`/api/v1/states/${iso3}/letters`, who)).data.map((l: { id: string }) => l.id);
      assert.equal(ofState.includes(letterId), expected.includes(iso3), `${who}: /states/${iso3}/letters`);
      const page = await (await client[who].get(`/en/letters?state=${iso3}`)).text();
      assert.equal(page.includes(`/en/letters/${letterId}`), expected.includes(iso3), `${who}: the list page, state ${iso3}`);
    }
  }
});

test('the bundle carries the recipients each reader sees', async () => {
  for (const who of readers) {
    const viewer =
      who === 'public'
        ? null
        : viewerOf(await t.database.db.selectFrom('app_user').selectAll().where('email', '=', emails[who]).executeTakeFirstOrThrow());
    const bundle = await exportBundle(t.database.db, viewer);
    const record = (bundle.sections.letters as { id: string; recipients: string[] }[]).find((l) => l.id === letterId);
    assert.deepEqual(record?.recipients, await statusOf(who), `${who}: the bundle`);
  }
});

test('the search finds the letter by the names of the States it went to, as each reader sees them', async () => {
  const names: Record<string, string> = { KEN: 'Kenya', MLI: 'Mali', NER: 'Niger', SSD: 'Sudan' };
  for (const who of readers) {
    const expected = await statusOf(who);
    for (const [iso3, name] of Object.entries(names)) {
      const hit = (await api(`/api/v1/search?q=${name}`, who)).data.find((h: { id: string }) => h.id === letterId);
      assert.equal(hit !== undefined, expected.includes(iso3), `${who}: found by ${name}`);
      if (hit) assert.deepEqual(hit.states, expected, `${who}: the States of the hit`);
    }
  }
});
