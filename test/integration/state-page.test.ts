import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { addUser } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { actorOf, systemActor } from '../../src/platform/audit/record.ts';
import { addContact } from '../../src/features/contacts/contacts.ts';
import { createLetter } from '../../src/features/correspondence/commands.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { insertCourse, insertVisit } from '../../src/features/engagement/engagement.ts';
import { stateOverview } from '../../src/features/state-overview/overview.ts';
import { createPlan, createReport } from '../../src/features/reports/commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// What must never reach someone who may not see Mali's points of contact.
const contactSecrets = ['Aminata Secret-Person', 'aminata.secret@example.org', '+223 555 01 01', 'Secret Directorate of Mali'];
const hiddenTitle = 'Committee assessment of Mali, not for the public';
const publicTitle = 'Mali first national report, public copy';
const publicLetter = 'The Chair invites Mali to submit its first report';
const hiddenLetter = 'Internal note on Mali, for the Committee only';

let t: TestApp;
let db: Kysely<DB>;
let filesDir: string;
let ids: { firstReport: string; additional: string; publicDoc: string; hiddenDoc: string };
const clients = {} as Record<'public' | 'poc' | 'pocNer' | 'expert' | 'provider', Client>;

async function viewer(email: string): Promise<Viewer> {
  return viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

async function page(who: keyof typeof clients, path: string): Promise<string> {
  const res = await clients[who].get(path);
  assert.equal(res.status, 200, `${who} ${path}`);
  return res.text();
}

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-state-page-'));
  t = await testApp({ filesDir });
  db = t.database.db;
  await addUser(db, systemActor, {
    email: 'poc.ner@test.r1540.org',
    displayName: 'Test Point of Contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'demo-password-1540',
  });
  const expert = await viewer('expert@demo.r1540.org');
  const actor = actorOf(expert);
  const first = await createReport(db, actor, {
    stateIso3: 'MLI',
    kind: 'first-report',
    receivedOn: '2019-03-04',
    symbol: 'S/AC.44/2019/7',
    languages: ['fr'],
    confidentiality: 'public',
  });
  const more = await createReport(db, actor, {
    stateIso3: 'MLI',
    kind: 'additional-information',
    receivedOn: '2020-06-15',
    symbol: 'S/AC.44/2020/3',
    languages: ['fr', 'en'],
    confidentiality: 'public',
  });
  await createPlan(db, actor, {
    stateIso3: 'MLI',
    number: 1,
    status: 'submitted',
    startedOn: '2020-01-10',
    submittedOn: '2021-02-01',
    confidentiality: 'public',
  });
  await addContact(db, systemActor, 'MLI', {
    location: 'capital',
    name: contactSecrets[0]!,
    email: contactSecrets[1]!,
    phone: contactSecrets[2]!,
    institution: contactSecrets[3]!,
    designatedOn: '2018-05-02',
    lastConfirmedOn: '2024-01-05',
  });
  await db.transaction().execute(async (trx) => {
    await insertVisit(trx, systemActor, {
      state_iso3: 'MLI',
      kind: 'visit-at-invitation',
      starts_on: '2018-10-17',
      ends_on: '2018-10-19',
      purposes: ['first-report'],
      note: 'Bamako',
      source: 'entered',
    });
    // Hosted by Burkina Faso, with Mali taking part.
    await insertVisit(trx, systemActor, {
      state_iso3: 'BFA',
      kind: 'peer-review',
      starts_on: '2019-05-06',
      ends_on: '2019-05-08',
      purposes: ['exchange'],
      states_involved: ['BFA', 'MLI'],
      source: 'entered',
    });
    // Niger's only visit is for the Committee side: the public's page of Niger has no visits section.
    await insertVisit(trx, systemActor, {
      state_iso3: 'NER',
      kind: 'round-table',
      starts_on: '2019-09-09',
      purposes: ['gaps-and-assistance'],
      note: 'Niamey round table, restricted',
      source: 'entered',
      confidentiality: 'committee',
    });
    await insertCourse(trx, systemActor, {
      title: 'Course for francophone points of contact',
      starts_on: '2019-11-04',
      ends_on: '2019-11-07',
      place: 'Dakar',
      participating_states: ['MLI', 'SEN'],
      source: 'entered',
    });
  });
  const upload = (title: string, confidentiality: string, links: string[], text: string) =>
    uploadDocument(db, t.app.config, actor, expert, {
      title,
      language: 'fr',
      kind: 'report',
      state: 'MLI',
      confidentiality,
      links,
      file: { name: 'document.txt', bytes: Buffer.from(text, 'utf8') },
    });
  const publicDoc = await upload(publicTitle, 'public', [`report:${first.id}`], 'Rapport national du Mali : texte public.');
  const hiddenDoc = await upload(hiddenTitle, 'committee', [`report:${first.id}`], 'Évaluation confidentielle du Comité.');
  ids = { firstReport: first.id, additional: more.id, publicDoc: publicDoc.id, hiddenDoc: hiddenDoc.id };
  const letter = (subject: string, confidentiality: string) =>
    createLetter(db, actor, {
      kind: 'letter',
      sentOn: '2019-01-15',
      senderKind: 'chair',
      recipientsMode: 'state',
      recipients: ['MLI'],
      subject,
      confidentiality,
    });
  await letter(publicLetter, 'public');
  await letter(hiddenLetter, 'committee');

  clients.public = new Client(t);
  for (const [who, email] of [
    ['poc', 'poc.mli@demo.r1540.org'],
    ['pocNer', 'poc.ner@test.r1540.org'],
    ['expert', 'expert@demo.r1540.org'],
    ['provider', 'provider@demo.r1540.org'],
  ] as const) {
    clients[who] = new Client(t);
    await clients[who].login(email);
  }
});

after(async () => {
  await t.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('the State page', () => {
  test('the public sees the reporting history, the plan, "designated since", visits, courses and public documents', async () => {
    const html = await page('public', '/en/states/MLI');
    assert.match(html, /First report received on March 4, 2019\./);
    assert.match(html, /S\/AC\.44\/2019\/7/);
    assert.match(html, /S\/AC\.44\/2020\/3/);
    assert.match(html, /href="\/en\/states\/MLI\/reports"/);
    assert.match(html, /A point of contact in office without a break since May 2, 2018\./);
    assert.match(html, /href="\/en\/states\/MLI\/matrix"/);
    assert.match(html, /Course for francophone points of contact/);
    // The peer review hosted by Burkina Faso, with a link to it.
    assert.match(html, /href="\/en\/states\/BFA"/);
    assert.ok(html.includes(`href="/en/documents/${ids.publicDoc}"`));
    assert.ok(html.includes(publicTitle));
  });

  test('the public sees no name, e-mail, phone or institution of the contact, and no link to the details', async () => {
    for (const who of ['public', 'pocNer', 'provider'] as const) {
      const html = await page(who, '/en/states/MLI');
      assert.match(html, /in office without a break since/, who);
      for (const secret of contactSecrets) assert.ok(!html.includes(secret), `${who} sees ${secret}`);
      assert.ok(!html.includes('href="/en/states/MLI/contacts"'), `${who} gets the link to the details`);
    }
    // Not even in the data the page is built from.
    const overview = await stateOverview(db, null, 'MLI');
    const json = JSON.stringify(overview, (_k, v) => (v instanceof Map ? [...v] : v));
    for (const secret of contactSecrets) assert.ok(!json.includes(secret));
  });

  test("the State's own point of contact and an expert get the link to the contacts page", async () => {
    for (const who of ['poc', 'expert'] as const) {
      const html = await page(who, '/en/states/MLI');
      assert.ok(html.includes('href="/en/states/MLI/contacts"'), who);
      assert.match(html, /Points of contact of this State and their details/);
      // The details themselves stay on the contacts page.
      assert.ok(!html.includes(contactSecrets[1]!), who);
    }
    const ner = await page('pocNer', '/en/states/NER');
    assert.ok(ner.includes('href="/en/states/NER/contacts"'), 'Niger’s contact on Niger’s page');
  });

  test('a committee-only document appears for the expert, and not for the public: not even its title', async () => {
    const expert = await page('expert', '/en/states/MLI');
    assert.ok(expert.includes(hiddenTitle));
    assert.ok(expert.includes(`href="/en/documents/${ids.hiddenDoc}"`));
    for (const who of ['public', 'poc', 'pocNer', 'provider'] as const) {
      const html = await page(who, '/en/states/MLI');
      assert.ok(!html.includes(hiddenTitle), `${who} sees the title`);
      assert.ok(!html.includes(ids.hiddenDoc), `${who} sees the id`);
      assert.ok(html.includes(publicTitle), `${who} misses the public document`);
    }
    const pub = await stateOverview(db, null, 'MLI');
    assert.deepEqual(
      pub.documents?.map((d) => d.id),
      [ids.publicDoc],
    );
    // Letters too: the public's page lists one, and counts one.
    assert.deepEqual(
      pub.letters?.rows.map((l) => l.subject),
      [publicLetter],
    );
    assert.equal(pub.letters?.total, 1);
    const publicPage = await page('public', '/en/states/MLI');
    assert.ok(publicPage.includes(publicLetter));
    assert.ok(!publicPage.includes(hiddenLetter));
    assert.ok(expert.includes(hiddenLetter));
    const seen = await stateOverview(db, await viewer('expert@demo.r1540.org'), 'MLI');
    assert.deepEqual(new Set(seen.documents?.map((d) => d.id)), new Set([ids.publicDoc, ids.hiddenDoc]));
    // Linked to the first report: listed beside it.
    assert.ok(seen.documents?.every((d) => d.links.some((l) => l.recordType === 'report' && l.recordId === ids.firstReport)));
  });

  test('a section the viewer may not see is absent, not shown as empty', async () => {
    const pub = await page('public', '/en/states/NER');
    assert.ok(!pub.includes('id="overview-visits"'));
    assert.ok(!pub.includes('Niamey round table'));
    assert.ok(!pub.includes('id="overview-documents"'));
    const expert = await page('expert', '/en/states/NER');
    assert.ok(expert.includes('id="overview-visits"'));
    const overview = await stateOverview(db, null, 'NER');
    assert.equal(overview.visits, null);
    assert.equal(overview.documents, null);
    assert.equal(overview.courses, null);
    assert.equal(overview.letters, null);
    // Reporting and the point of contact are public facts: always there.
    assert.match(pub, /No first report received\./);
    assert.match(pub, /No point of contact designated\./);
  });

  test('the page in Arabic and Chinese', async () => {
    const ar = await page('public', '/ar/states/MLI');
    assert.match(ar, /ورد التقرير الأول في/);
    const zh = await page('public', '/zh/states/MLI');
    assert.match(zh, /首次报告收到日期/);
  });
});
