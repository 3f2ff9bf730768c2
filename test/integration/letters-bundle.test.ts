// Letters in the export/import bundle: what each role exports is what the letter pages and the API
// show it; an import into an empty database carries them whole and the round trip is identical; an
// edited bundle updates through the write core (recipients and concerns taken off are marked, never
// deleted); a malformed one is refused with every problem named and nothing written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { createLetter, updateLetter } from '../../src/features/correspondence/commands.ts';
import { features } from '../../src/platform/registry.ts';
import { actorOf, systemActor } from '../../src/platform/audit/record.ts';
import { type Bundle, exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';

type Role = 'public' | 'expert' | 'committee' | 'secretariat' | 'poc' | 'provider';
const emails: Record<Exclude<Role, 'public'>, string> = {
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  poc: 'poc.mli@demo.r1540.org',
  provider: 'provider@demo.r1540.org',
};
const roles = Object.keys(emails) as Exclude<Role, 'public'>[];

interface LetterRecord {
  id: string;
  subject: string;
  sentOn: string;
  recipientsMode: string;
  recipients: string[];
  inReplyTo: string | null;
  concerns: { recordType: string; recordId: string }[];
  archived: boolean;
  [field: string]: unknown;
}

let t: TestApp;
let db: Kysely<DB>;
const token = {} as Record<Exclude<Role, 'public'>, string>;
const ids = {} as Record<'request' | 'matrix' | 'listLetter' | 'committeeOnly' | 'shared' | 'reply' | 'archived', string>;

const letters = (b: Bundle) => b.sections.letters as LetterRecord[];
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function viewer(on: Kysely<DB>, email: string): Promise<Viewer> {
  return viewerOf(await on.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

async function count(on: Kysely<DB>, table: 'letter' | 'letter_recipient' | 'letter_concern' | 'audit_event'): Promise<number> {
  const r = await on
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const rejection = (promise: Promise<unknown>): Promise<AppError> =>
  promise.then(
    () => assert.fail('expected a refusal'),
    (err: unknown) => (err instanceof AppError ? err : Promise.reject(err)),
  );

/** A feature's demonstration set, through its manifest, as `npm start` loads it. */
async function seedDemoOf(name: string, on: Kysely<DB>): Promise<void> {
  await features()
    .find((f) => f.name === name)
    ?.seed?.demo?.(on, {});
}

before(async () => {
  t = await testApp();
  db = t.database.db;
  for (const name of ['reports', 'engagement', 'assistance', 'correspondence']) await seedDemoOf(name, db);
  for (const role of roles) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', emails[role]).executeTakeFirstOrThrow();
    token[role] = (await createApiToken(db, systemActor, user.id, 'letters-bundle')).token;
  }
  const actor = actorOf(await viewer(db, emails.expert));
  // A matrix version of Mali, which a letter names (by its key in the bundle).
  ids.matrix = (
    await db
      .insertInto('matrix')
      .values({ state_iso3: 'MLI', number: 1, template_version: '2017', status: 'draft' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const request = await db
    .selectFrom('assistance_request')
    .select('id')
    .where('state_iso3', '=', 'MLI')
    .where('confidentiality', '=', 'committee-and-state')
    .executeTakeFirstOrThrow();
  ids.request = request.id;
  const base = { kind: 'letter', senderKind: 'chair', recipientsMode: 'state', recipients: ['MLI'] };
  ids.shared = (
    await createLetter(db, actor, {
      ...base,
      sentOn: '2019-02-01',
      subject: 'Shared with Mali: its request, its matrix, an old reference',
      confidentiality: 'committee-and-state',
      concerns: [
        { recordType: 'assistance-request', recordId: ids.request },
        { recordType: 'assistance-request', recordId: 'NV-2016-MLI' },
        { recordType: 'matrix', recordId: ids.matrix },
      ],
    })
  ).id;
  ids.committeeOnly = (
    await createLetter(db, actor, { ...base, sentOn: '2019-02-02', subject: 'Committee only', confidentiality: 'committee' })
  ).id;
  ids.reply = (
    await createLetter(db, actor, {
      kind: 'reply',
      sentOn: '2019-03-01',
      senderKind: 'state',
      senderState: 'MLI',
      recipientsMode: 'committee',
      subject: 'Mali replies',
      inReplyTo: ids.shared,
      confidentiality: 'public',
    })
  ).id;
  // A letter to a list of States from which one was taken off later: the bundle carries the current list.
  const list = await createLetter(db, actor, {
    kind: 'letter',
    sentOn: '2019-04-01',
    senderKind: 'chair',
    recipientsMode: 'list',
    recipients: ['NER', 'TCD', 'BFA'],
    subject: 'To the Sahel States',
    confidentiality: 'public',
  });
  ids.listLetter = list.id;
  await updateLetter(db, actor, list.id, list.row_version, {
    kind: 'letter',
    sentOn: '2019-04-01',
    senderKind: 'chair',
    recipientsMode: 'list',
    recipients: ['NER', 'TCD'],
    subject: 'To the Sahel States',
    confidentiality: 'public',
  });
  const archived = await createLetter(db, actor, { ...base, sentOn: '2019-05-01', subject: 'Archived', confidentiality: 'public' });
  ids.archived = archived.id;
  await db.updateTable('letter').set({ archived_at: new Date() }).where('id', '=', archived.id).execute();
});
after(() => t.close());

async function api(path: string, role: Role) {
  const res = await t.request(path, { headers: role === 'public' ? {} : { authorization: `Bearer ${token[role]}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('export', () => {
  test('each role exports the letters, recipients, concerns and replies that the API shows it', async () => {
    for (const role of ['public', ...roles] as Role[]) {
      const bundle = await exportBundle(db, role === 'public' ? null : await viewer(db, emails[role]));
      const exported = letters(bundle);
      const listed = (await api('/api/v1/letters?limit=500', role)).body.data as { id: string }[];
      // Every letter the list shows (it leaves out archived ones) is in the bundle, and no other one but archived ones.
      assert.deepEqual(
        exported
          .filter((l) => !l.archived)
          .map((l) => l.id)
          .sort(),
        listed.map((l) => l.id).sort(),
        role,
      );
      for (const l of exported) {
        const shown = await api(`/api/v1/letters/${l.id}`, role);
        assert.equal(shown.status, 200, `${role} ${l.subject}`);
        const recipients = shown.body.recipients as { states: string[] };
        assert.deepEqual(l.recipients, [...recipients.states].sort(), `${role} ${l.subject}: recipients`);
        assert.equal(l.inReplyTo, shown.body.inReplyTo, `${role} ${l.subject}: the letter replied to`);
        const concerns = (shown.body.concerns as { recordType: string; recordId: string }[]).map((c) =>
          c.recordType === 'matrix' && c.recordId === ids.matrix ? { ...c, recordId: 'MLI/1' } : c,
        );
        assert.deepEqual(
          l.concerns,
          [...concerns].sort((a, b) => `${a.recordType}:${a.recordId}`.localeCompare(`${b.recordType}:${b.recordId}`, 'en')),
          `${role} ${l.subject}: concerns`,
        );
      }
      const shared = exported.find((l) => l.id === ids.shared);
      const concernIds = (shared?.concerns ?? []).map((c) => c.recordId);
      switch (role) {
        case 'public':
        case 'provider':
          assert.equal(shared, undefined, role);
          assert.ok(!exported.some((l) => l.id === ids.committeeOnly), role);
          // The public reply names the letter it answers only to those who may see that one.
          assert.equal(exported.find((l) => l.id === ids.reply)?.inReplyTo, null, role);
          break;
        case 'poc':
          // Mali's own request and matrix, not a reference of the Committee's own.
          assert.deepEqual(concernIds.sort(), ['MLI/1', ids.request].sort());
          assert.ok(!exported.some((l) => l.id === ids.committeeOnly));
          assert.equal(exported.find((l) => l.id === ids.reply)?.inReplyTo, ids.shared);
          break;
        default:
          assert.deepEqual(concernIds.sort(), ['MLI/1', 'NV-2016-MLI', ids.request].sort(), role);
          assert.ok(
            exported.some((l) => l.id === ids.committeeOnly),
            role,
          );
      }
      assert.deepEqual(exported.find((l) => l.id === ids.listLetter)?.recipients, ['NER', 'TCD'], role);
      assert.equal(exported.find((l) => l.id === ids.archived)?.archived, true, role);
    }
  });
});

describe('import', () => {
  let target: Database;
  let targetAdmin: Viewer;
  let source: Bundle;
  before(async () => {
    source = await exportBundle(db, await viewer(db, 'admin@demo.r1540.org'));
    target = await freshDatabase();
    targetAdmin = await viewer(target.db, 'admin@demo.r1540.org');
  });
  after(() => target.close());

  test('into an empty database: every letter created, and the round trip is identical', async () => {
    const result = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, JSON.stringify(source));
    assert.deepEqual(result.sections.letters, { created: letters(source).length, updated: 0, unchanged: 0 });
    const again = await exportBundle(target.db, targetAdmin);
    assert.deepEqual(letters(again), letters(source));
    // The matrix version has another id here: the letter names it all the same.
    const concern = await target.db
      .selectFrom('letter_concern')
      .select('record_id')
      .where('letter_id', '=', ids.shared)
      .where('record_type', '=', 'matrix')
      .executeTakeFirstOrThrow();
    const matrix = await target.db
      .selectFrom('matrix')
      .select(['state_iso3', 'number'])
      .where('id', '=', concern.record_id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([matrix.state_iso3.trim(), matrix.number], ['MLI', 1]);
    // A second import changes nothing and records nothing.
    const events = await count(target.db, 'audit_event');
    const second = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, source);
    assert.deepEqual(second.sections.letters, { created: 0, updated: 0, unchanged: letters(source).length });
    assert.equal(await count(target.db, 'audit_event'), events);
  });

  test('the public’s and a point of contact’s exports, imported into an empty database, come back the same', async () => {
    for (const role of ['public', 'poc'] as const) {
      const seen = role === 'public' ? null : await viewer(db, emails[role]);
      const bundle = await exportBundle(db, seen);
      const empty = await freshDatabase();
      try {
        const admin = await viewer(empty.db, 'admin@demo.r1540.org');
        await importBundle(empty.db, actorOf(admin), admin, bundle);
        const again = await exportBundle(empty.db, role === 'public' ? null : await viewer(empty.db, emails[role]));
        assert.deepEqual(letters(again), letters(bundle), role);
      } finally {
        await empty.close();
      }
    }
  });

  test('an edited bundle: a reply before the letter it answers, recipients and concerns taken off marked, never deleted', async () => {
    const bundle = clone(source);
    const list = letters(bundle).find((l) => l.id === ids.listLetter)!;
    list.recipients = ['NER'];
    const shared = letters(bundle).find((l) => l.id === ids.shared)!;
    shared.concerns = shared.concerns.filter((c) => c.recordType !== 'matrix');
    const first = '5d0a1f38-2b7c-4c1e-9a5b-0c6f3e2d1a01';
    const answer = '5d0a1f38-2b7c-4c1e-9a5b-0c6f3e2d1a02';
    const fresh = (id: string, over: Partial<LetterRecord>) => ({
      ...clone(list),
      id,
      recipientsMode: 'state',
      recipients: ['NER'],
      concerns: [],
      archived: false,
      ...over,
    });
    // The reply comes first in the file: the import writes the letter it answers before it.
    letters(bundle).push(
      fresh(answer, {
        kind: 'reply',
        subject: 'The Niger answers',
        sentOn: '2019-06-10',
        inReplyTo: first,
        senderKind: 'state',
        senderState: 'NER',
        recipientsMode: 'committee',
        recipients: [],
      }),
      fresh(first, { subject: 'To the Niger', sentOn: '2019-06-01', inReplyTo: null }),
    );
    const recipientsBefore = await count(target.db, 'letter_recipient');
    const concernsBefore = await count(target.db, 'letter_concern');
    const result = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, bundle);
    assert.deepEqual(result.sections.letters, { created: 2, updated: 2, unchanged: letters(source).length - 2 });
    const reply = await target.db.selectFrom('letter').select('in_reply_to').where('id', '=', answer).executeTakeFirstOrThrow();
    assert.equal(reply.in_reply_to, first);
    const removed = await target.db
      .selectFrom('letter_recipient')
      .select('state_iso3')
      .where('letter_id', '=', ids.listLetter)
      .where('removed_at', 'is not', null)
      .execute();
    assert.deepEqual(removed, [{ state_iso3: 'TCD' }]);
    const concern = await target.db
      .selectFrom('letter_concern')
      .select('removed_at')
      .where('letter_id', '=', ids.shared)
      .where('record_type', '=', 'matrix')
      .executeTakeFirstOrThrow();
    assert.ok(concern.removed_at !== null);
    // Nothing deleted: the two new letters added their rows, the edits only marked theirs.
    assert.equal(await count(target.db, 'letter_recipient'), recipientsBefore + 1);
    assert.equal(await count(target.db, 'letter_concern'), concernsBefore);
    const events = await target.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('record_type', '=', 'letter')
      .where('record_id', 'in', [ids.listLetter, answer])
      .orderBy('id', 'desc')
      .execute();
    assert.deepEqual(
      events.slice(0, 2).map((e) => e.action),
      ['create', 'import'],
    );
    const again = await exportBundle(target.db, targetAdmin);
    assert.deepEqual(letters(again).find((l) => l.id === ids.listLetter)?.recipients, ['NER']);
  });

  test('malformed letters: every problem named with its path, and nothing written', async () => {
    const good = letters(source).find((l) => l.id === ids.committeeOnly)!;
    const id = (n: number) => `6e1b2f49-3c8d-4d2f-8b6c-1d7f4e3e2b${String(n).padStart(2, '0')}`;
    const records = [
      { kind: 'telegram' },
      { sentOn: '2017-02-30' },
      { sentOn: '2999-01-01' },
      { senderKind: 'state', senderState: null },
      { recipients: ['MLI', 'NER'] },
      { recipientsMode: 'list', recipients: ['MLI', 'ZZZ'] },
      { inReplyTo: '00000000-0000-4000-8000-000000000000' },
      { concerns: [{ recordType: 'visit', recordId: '00000000-0000-4000-8000-000000000000' }] },
      { concerns: [{ recordType: 'matrix', recordId: 'Mali, the second' }] },
      { recipientsMode: 'list', recipients: ['MLI', 'NER'], confidentiality: 'committee-and-state' },
      { colour: 'blue' },
      { inReplyTo: id(12), sentOn: '2019-01-01' },
      { inReplyTo: id(11), sentOn: '2019-01-01' },
      { inReplyTo: ids.reply, sentOn: '2019-01-01' },
      { id: id(0) },
    ].map((over, i) => ({ ...clone(good), id: id(i), ...over }));
    const bundle = { format: 'r1540-bundle', formatVersion: 1, sections: { letters: records } };
    const before = { letters: await count(target.db, 'letter'), events: await count(target.db, 'audit_event') };
    const err = await rejection(importBundle(target.db, actorOf(targetAdmin), targetAdmin, bundle));
    assert.equal(err.code, 'validation');
    const problems = err.fields.map((f) => `${f.field}: ${f.problem}`);
    const expect = (field: string, problem: RegExp) =>
      assert.ok(
        err.fields.some((f) => f.field === field && problem.test(f.problem)),
        `${field} ${problem} in\n${problems.join('\n')}`,
      );
    expect('sections.letters[0].kind', /must be one of letter, note/);
    expect('sections.letters[1].sentOn', /must be a date/);
    expect('sections.letters[2].sentOn', /in the future/);
    expect('sections.letters[3].senderState', /required when the sender is a State/);
    expect('sections.letters[4].recipients', /exactly one State/);
    expect('sections.letters[5].recipients[1]', /ZZZ, which is neither in this bundle nor in the database/);
    expect('sections.letters[6].inReplyTo', /names the letter 00000000-0000-4000-8000-000000000000/);
    expect('sections.letters[7].concerns[0].recordId', /names the visit 00000000/);
    expect('sections.letters[8].concerns[0].recordId', /must be an id, a matrix version/);
    expect('sections.letters[9].confidentiality', /needs a State/);
    expect('sections.letters[10].colour', /is not a field/);
    expect('sections.letters[11].inReplyTo', /cannot reply to itself or to one of its replies/);
    expect('sections.letters[12].inReplyTo', /cannot reply to itself or to one of its replies/);
    expect('sections.letters[13].inReplyTo', /sent on 2019-03-01, after this one/);
    expect('sections.letters[14].id', /repeats the key .* of sections.letters\[0\]/);
    assert.equal(await count(target.db, 'letter'), before.letters);
    assert.equal(await count(target.db, 'audit_event'), before.events);
  });

  test('only the keepers of letters import them', async () => {
    for (const email of ['poc.mli@demo.r1540.org', 'committee@demo.r1540.org']) {
      const who = await viewer(target.db, email);
      const err = await rejection(
        importBundle(target.db, actorOf(who), who, { ...source, sections: { letters: letters(source).slice(0, 1) } }),
      );
      assert.equal(err.code, 'forbidden', email);
    }
  });
});
