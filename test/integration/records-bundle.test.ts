import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { type Bundle, exportBundle, importBundle, validateBundle } from '../../src/platform/bundle/bundle.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { actorOf, systemActor } from '../../src/platform/audit/record.ts';
import { addContact } from '../../src/features/contacts/contacts.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { insertCourse, insertVisit } from '../../src/features/engagement/engagement.ts';
import { archiveReport, createPlan, createReport } from '../../src/features/reports/commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

const sections = ['national-reports', 'action-plans', 'points-of-contact', 'visits', 'courses', 'documents'] as const;
const secrets = ['Ibrahim Confidential-Name', 'ibrahim.secret@example.org', '+223 20 00 00 00', 'Secret Office of Mali'];
const hiddenTitle = 'Committee-only note on Niger';

let source: Database;
let db: Kysely<DB>;
let filesDir: string;
let admin: Viewer;
const ids = {} as Record<'first' | 'archived' | 'ner' | 'publicDoc' | 'hiddenDoc' | 'sharedDoc' | 'contact', string>;

async function viewer(on: Kysely<DB>, email: string): Promise<Viewer> {
  return viewerOf(await on.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

async function count(
  on: Kysely<DB>,
  table: 'audit_event' | 'national_report' | 'action_plan' | 'point_of_contact' | 'visit' | 'course' | 'document' | 'document_link',
): Promise<number> {
  const r = await on
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an AppError');
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Rec = Record<string, unknown>;
const records = (b: Bundle, name: string) => b.sections[name] as Rec[];

before(async () => {
  source = await freshDatabase();
  db = source.db;
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-records-bundle-'));
  admin = await viewer(db, 'admin@demo.r1540.org');
  const expert = await viewer(db, 'expert@demo.r1540.org');
  const actor = actorOf(expert);
  const first = await createReport(db, actor, {
    stateIso3: 'MLI',
    kind: 'first-report',
    receivedOn: '2019-03-04',
    symbol: 'S/AC.44/2019/7',
    languages: ['fr'],
    paragraphs: ['OP1', 'OP2'],
    weaponTypes: ['nuclear'],
    summary: 'Premier rapport du Mali.',
  });
  await createReport(db, actor, { stateIso3: 'MLI', kind: 'additional-information', receivedOn: '2020-06-15', symbol: 'S/AC.44/2020/3' });
  const archived = await createReport(db, actor, {
    stateIso3: 'MLI',
    kind: 'additional-information',
    receivedOn: '2020-07-01',
    symbol: 'S/AC.44/2020/99',
  });
  await archiveReport(db, actor, archived.id, archived.row_version);
  const ner = await createReport(db, actor, {
    stateIso3: 'NER',
    kind: 'first-report',
    receivedOn: '2021-01-12',
    confidentiality: 'committee',
  });
  await createPlan(db, actor, {
    stateIso3: 'MLI',
    number: 1,
    status: 'published',
    startedOn: '2019-01-10',
    submittedOn: '2020-02-01',
    publishedOn: '2020-03-01',
  });
  await createPlan(db, actor, { stateIso3: 'MLI', number: 2, status: 'drafting-with-experts', startedOn: '2023-05-01' });
  const contact = await addContact(db, systemActor, 'MLI', {
    location: 'capital',
    name: secrets[0]!,
    email: secrets[1]!,
    phone: secrets[2]!,
    institution: secrets[3]!,
    languages: ['fr'],
    designatedOn: '2018-05-02',
    lastConfirmedOn: '2024-01-05',
  });
  await addContact(db, systemActor, 'NER', {
    location: 'new-york-mission',
    name: 'Niger NY contact',
    email: 'ny.ner@example.org',
    designatedOn: '2019-02-02',
  });
  await db.transaction().execute(async (trx) => {
    await insertVisit(trx, systemActor, {
      state_iso3: 'MLI',
      kind: 'visit-at-invitation',
      starts_on: '2018-10-17',
      ends_on: '2018-10-19',
      purposes: ['first-report'],
      organizations_involved: ['UNODA'],
      place: 'Bamako',
      source: 'entered',
    });
    await insertVisit(trx, systemActor, {
      state_iso3: 'KGZ',
      kind: 'peer-review',
      starts_on: '2018-06-28',
      ends_on: '2018-06-30',
      purposes: ['exchange'],
      states_involved: ['KGZ', 'TJK', 'BLR'],
      organizations_involved: ['OSCE'],
      source: 'seed',
      confidentiality: 'committee',
    });
    await insertCourse(trx, systemActor, {
      title: 'Course for francophone points of contact',
      starts_on: '2018-08-14',
      ends_on: '2018-08-17',
      place: 'Addis Ababa',
      host_organizations: ['AU'],
      participating_states: ['MLI', 'NER'],
      teaching_organizations: ['WCO'],
      source: 'seed',
    });
  });
  const config = { ...loadConfig({}), filesDir };
  const upload = (title: string, confidentiality: string, state: string, links: string[], text: string) =>
    uploadDocument(db, config, actor, expert, {
      title,
      language: 'fr',
      kind: 'report',
      state,
      confidentiality,
      links,
      file: { name: 'document.txt', bytes: Buffer.from(text, 'utf8') },
    });
  const publicDoc = await upload(
    'Rapport national du Mali',
    'public',
    'MLI',
    [`report:${first.id}`, 'member-state:MLI', `point-of-contact:${contact.id}`],
    'Le Mali présente son premier rapport national.',
  );
  const hiddenDoc = await upload(hiddenTitle, 'committee', 'NER', [`report:${ner.id}`], 'Note confidentielle du Comité sur le Niger.');
  const sharedDoc = await upload(
    'Échange avec le point de contact du Mali',
    'committee-and-state',
    'MLI',
    [],
    'Échange réservé au Comité et au Mali.',
  );
  Object.assign(ids, {
    first: first.id,
    archived: archived.id,
    ner: ner.id,
    publicDoc: publicDoc.id,
    hiddenDoc: hiddenDoc.id,
    sharedDoc: sharedDoc.id,
    contact: contact.id,
  });
});

after(async () => {
  await source.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('the records in the bundle', () => {
  test('a round trip into a fresh database gives the same records, and a second import changes nothing', async () => {
    const exported = await exportBundle(db, admin);
    assert.equal(records(exported, 'national-reports').length, 4);
    assert.equal(records(exported, 'action-plans').length, 2);
    assert.equal(records(exported, 'points-of-contact').length, 2);
    assert.equal(records(exported, 'documents').length, 3);
    assert.equal(records(exported, 'national-reports').find((r) => r.id === ids.archived)?.archived, true);
    const doc = records(exported, 'documents').find((d) => d.id === ids.publicDoc)!;
    assert.match(String(doc.sha256), /^[0-9a-f]{64}$/);
    assert.equal(doc.mediaType, 'text/plain');
    assert.equal((doc.links as unknown[]).length, 3);

    // The files travel beside the bundle: copied into the other installation's store.
    const targetFiles = mkdtempSync(join(tmpdir(), 'r1540-records-target-'));
    cpSync(filesDir, targetFiles, { recursive: true });
    const target = await freshDatabase();
    try {
      const targetAdmin = await viewer(target.db, 'admin@demo.r1540.org');
      const result = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, JSON.stringify(exported), { filesDir: targetFiles });
      assert.deepEqual(result.sections['national-reports'], { created: 4, updated: 0, unchanged: 0 });
      assert.deepEqual(result.sections['action-plans'], { created: 2, updated: 0, unchanged: 0 });
      assert.deepEqual(result.sections['points-of-contact'], { created: 2, updated: 0, unchanged: 0 });
      assert.deepEqual(result.sections.visits, { created: 2, updated: 0, unchanged: 0 });
      assert.deepEqual(result.sections.courses, { created: 1, updated: 0, unchanged: 0 });
      assert.deepEqual(result.sections.documents, { created: 3, updated: 0, unchanged: 0 });

      const again = await exportBundle(target.db, targetAdmin);
      for (const name of sections) assert.deepEqual(again.sections[name], exported.sections[name], name);
      assert.deepEqual(again.sections, exported.sections);

      // The text was extracted again from the file, as an upload does.
      const text = await target.db
        .selectFrom('document')
        .select(['extracted_text', 'uploaded_by'])
        .where('id', '=', ids.publicDoc)
        .executeTakeFirstOrThrow();
      assert.equal(text.extracted_text, 'Le Mali présente son premier rapport national.');
      assert.equal(text.uploaded_by, targetAdmin.id);
      // Each record created has its audit event, by the importer.
      const events = await target.db
        .selectFrom('audit_event')
        .select(['record_type', 'action', 'actor_id'])
        .where('action', '=', 'create')
        .where('actor_id', '=', targetAdmin.id)
        .execute();
      assert.equal(events.filter((e) => e.record_type === 'document').length, 3);
      assert.equal(events.filter((e) => e.record_type === 'point-of-contact').length, 2);

      const before = await count(target.db, 'audit_event');
      const second = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, exported, { filesDir: targetFiles });
      for (const name of sections) assert.equal(second.sections[name]!.created + second.sections[name]!.updated, 0, name);
      assert.equal(await count(target.db, 'audit_event'), before);
    } finally {
      await target.close();
      rmSync(targetFiles, { recursive: true, force: true });
    }
  });

  test("a contact's details are absent from the public's export; each viewer exports only what it may see", async () => {
    const pub = await exportBundle(db, null);
    assert.deepEqual(pub.sections['points-of-contact'], []);
    const text = JSON.stringify(pub);
    for (const secret of [...secrets, 'ny.ner@example.org', hiddenTitle, ids.hiddenDoc, ids.ner, ids.sharedDoc])
      assert.ok(!text.includes(secret), secret);
    // The public document, without its link to a contact the public may not see.
    const doc = records(pub, 'documents').find((d) => d.id === ids.publicDoc)!;
    assert.deepEqual(
      (doc.links as { recordType: string }[]).map((l) => l.recordType),
      ['member-state', 'report'],
    );
    // A committee-only peer review is not in it.
    assert.equal(records(pub, 'visits').length, 1);

    const poc = await exportBundle(db, await viewer(db, 'poc.mli@demo.r1540.org'));
    assert.deepEqual(
      records(poc, 'points-of-contact').map((c) => c.name),
      [secrets[0]],
    );
    assert.ok(records(poc, 'documents').some((d) => d.id === ids.sharedDoc));
    assert.ok(!JSON.stringify(poc).includes('ny.ner@example.org'));
    assert.ok(!JSON.stringify(poc).includes(hiddenTitle));

    const expert = await exportBundle(db, await viewer(db, 'expert@demo.r1540.org'));
    assert.equal(records(expert, 'points-of-contact').length, 2);
    assert.ok(records(expert, 'documents').some((d) => d.title === hiddenTitle));
  });

  test('an invalid record is reported at its path, and nothing is written', async () => {
    const bundle = clone(await exportBundle(db, admin)) as Bundle;
    const reports = records(bundle, 'national-reports');
    const reportIndex = reports.findIndex((r) => r.id === ids.first);
    reports[reportIndex]!.receivedOn = '2999-01-01';
    const contacts = records(bundle, 'points-of-contact');
    const contactIndex = contacts.findIndex((c) => c.id === ids.contact);
    contacts[contactIndex]!.email = 'not an address';
    const plans = records(bundle, 'action-plans');
    const planIndex = plans.findIndex((p) => p.number === 2);
    plans[planIndex]!.number = 1;
    const visits = records(bundle, 'visits');
    visits[0]!.state = 'XXA';
    const courses = records(bundle, 'courses');
    courses[0]!.colour = 'blue';
    const documents = records(bundle, 'documents');
    documents.push({
      ...clone(documents[0]!),
      id: '6f1c5d0e-8a2b-4c3d-9e4f-0a1b2c3d4e5f',
      title: 'A scan nobody copied',
      sha256: 'ab'.repeat(32),
      links: [],
    });
    const missingIndex = documents.length - 1;

    const counts = async () =>
      Promise.all(
        (
          ['audit_event', 'national_report', 'action_plan', 'point_of_contact', 'visit', 'course', 'document', 'document_link'] as const
        ).map((t) => count(db, t)),
      );
    const before = await counts();
    const versions = JSON.stringify(await db.selectFrom('national_report').select(['id', 'row_version']).orderBy('id').execute());
    const err = await rejection(importBundle(db, actorOf(admin), admin, JSON.stringify(bundle), { filesDir }));
    assert.equal(err.code, 'validation');
    const fields = err.fields.map((f) => f.field);
    for (const expected of [
      `sections.national-reports[${reportIndex}].receivedOn`,
      `sections.action-plans[${planIndex}].number`,
      `sections.points-of-contact[${contactIndex}].email`,
      'sections.visits[0].state',
      'sections.courses[0].colour',
      `sections.documents[${missingIndex}].sha256`,
    ])
      assert.ok(fields.includes(expected), `${expected} in ${fields.join(', ')}`);
    assert.match(err.fields.find((f) => f.field.endsWith('receivedOn'))!.problem, /in the future/);
    assert.match(err.fields.find((f) => f.field === 'sections.visits[0].state')!.problem, /XXA/);
    const missing = err.fields.find((f) => f.field === `sections.documents[${missingIndex}].sha256`)!.problem;
    assert.match(missing, /A scan nobody copied/);
    assert.match(missing, /6f1c5d0e-8a2b-4c3d-9e4f-0a1b2c3d4e5f/);
    assert.match(missing, /not in the file store/);
    assert.deepEqual(await counts(), before);
    assert.equal(JSON.stringify(await db.selectFrom('national_report').select(['id', 'row_version']).orderBy('id').execute()), versions);
    // The same problems without importing.
    const { problems } = await validateBundle(JSON.stringify(bundle), db, { filesDir });
    assert.deepEqual(problems, err.fields);
  });

  test('a changed record is updated with an audit event; a document keeps its file and gains links, never loses one', async () => {
    const bundle = clone(await exportBundle(db, admin)) as Bundle;
    const report = records(bundle, 'national-reports').find((r) => r.id === ids.first)!;
    report.summary = 'Premier rapport du Mali (corrigé).';
    const doc = records(bundle, 'documents').find((d) => d.id === ids.publicDoc)!;
    doc.title = 'Rapport national du Mali (2019)';
    doc.links = [
      { recordType: 'member-state', recordId: 'MLI' },
      { recordType: 'action-plan', recordId: String(records(bundle, 'action-plans')[0]!.id) },
    ];
    const eventsBefore = await count(db, 'audit_event');
    const result = await importBundle(db, actorOf(admin), admin, bundle, { filesDir });
    assert.deepEqual(result.sections['national-reports'], { created: 0, updated: 1, unchanged: 3 });
    assert.deepEqual(result.sections.documents, { created: 0, updated: 1, unchanged: 2 });
    assert.equal(await count(db, 'audit_event'), eventsBefore + 2);
    const event = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_type', '=', 'document')
      .where('record_id', '=', ids.publicDoc)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'import');
    assert.equal(event.actor_id, admin.id);
    const links = await db.selectFrom('document_link').select('record_type').where('document_id', '=', ids.publicDoc).execute();
    assert.deepEqual(links.map((l) => l.record_type).sort(), ['action-plan', 'member-state', 'point-of-contact', 'report']);

    // A document's file never changes.
    const changedFile = clone(bundle);
    records(changedFile, 'documents').find((d) => d.id === ids.publicDoc)!.sha256 = 'cd'.repeat(32);
    const err = await rejection(importBundle(db, actorOf(admin), admin, changedFile, { filesDir }));
    assert.ok(err.fields.some((f) => /^sections\.documents\[\d+\]\.sha256$/.test(f.field) && /never changes/.test(f.problem)));
  });

  test('only the keepers import: an expert may not import points of contact', async () => {
    const bundle = await exportBundle(db, admin);
    const only = { ...bundle, sections: { 'points-of-contact': bundle.sections['points-of-contact']! } };
    const expert = await viewer(db, 'expert@demo.r1540.org');
    const err = await rejection(importBundle(db, actorOf(expert), expert, only, { filesDir }));
    assert.equal(err.code, 'forbidden');
    assert.ok(err.fields.some((f) => f.field === 'sections.points-of-contact'));
  });
});
