import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { type Bundle, exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { moveMatrix, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { decide, propose } from '../../src/features/matrix/proposals/proposals.ts';
import { assignExpert, createCycle } from '../../src/features/matrix/reviews/review-data.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

/*
 * The States' comments and proposals on their matrices, and the review cycles, in the bundle:
 * a round trip, who sees what in an export, and a refused import that writes nothing.
 */

const law = [{ kind: 'law' as const, citation: 'Loi n° 2016-08 du 7 avril 2016', locator: 'art. 12', language: 'fr' }];

async function viewer(db: Kysely<DB>, email: string): Promise<Viewer> {
  return viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

async function count(db: Kysely<DB>, table: 'audit_event' | 'matrix_proposal' | 'review_cycle'): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

type Rec = Record<string, unknown>;
const section = (b: Bundle, name: string) => b.sections[name] as Rec[];

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an AppError');
}

let database: Database;
let db: Kysely<DB>;
let admin: Viewer;
let cycleId: string;

before(async () => {
  database = await freshDatabase();
  db = database.db;
  admin = await viewer(db, 'admin@demo.r1540.org');
  const expert = await viewer(db, 'expert@demo.r1540.org');
  const committee = await viewer(db, 'committee@demo.r1540.org');
  const poc = await viewer(db, 'poc.mli@demo.r1540.org');
  const as = (v: Viewer) => actorOf(v);

  // Mali's version 1: a proposal accepted, a comment declined, then approved (frozen with its dialogue).
  const v1 = await startDraft(db, as(expert), 'MLI');
  await moveMatrix(db, as(expert), expert, v1.id, 'sent');
  const accepted = await propose(db, as(poc), poc, 'MLI', {
    field: 'OP2.USE.N.LF',
    kind: 'proposal',
    value: 'X',
    comment: 'Article 12 prohibits the use of nuclear weapons.',
    sources: law,
    infoDate: '2016-04-07',
  });
  const declined = await propose(db, as(poc), poc, 'MLI', { field: 'OP2.USE.C.LF', kind: 'comment', comment: 'See our 2019 report.' });
  await decide(db, as(expert), expert, accepted.id, { decision: 'accept' });
  await decide(db, as(expert), expert, declined.id, { decision: 'decline', note: 'The report does not cover chemical weapons.' });
  await moveMatrix(db, as(expert), expert, v1.id, 'agreed');
  await moveMatrix(db, as(committee), committee, v1.id, 'approved');
  // Version 2, with the State again: an open comment.
  const v2 = await startDraft(db, as(expert), 'MLI');
  await moveMatrix(db, as(expert), expert, v2.id, 'sent');
  await propose(db, as(poc), poc, 'MLI', { field: 'OP2.USE.B.LF', kind: 'comment', comment: 'A draft law is before parliament.' });
  // France's version 1: an expert's comment, which Mali's point of contact does not see.
  const fra = await startDraft(db, as(expert), 'FRA');
  await moveMatrix(db, as(expert), expert, fra.id, 'sent');
  await propose(db, as(expert), expert, 'FRA', { field: 'OP2.USE.N.LF', kind: 'comment', comment: 'Please confirm the 2021 amendment.' });

  const cycle = await createCycle(db, as(expert), expert, {
    title: 'Comprehensive review 2025',
    purpose: 'Resolution 2663 (2022)',
    startsOn: '2025-01-01',
    deadline: '2025-12-31',
    holdDays: 45,
  });
  cycleId = cycle.id;
  await assignExpert(db, as(expert), expert, cycle.id, { states: ['MLI', 'FRA'], expertId: expert.id, note: 'West Africa first' });
});
after(() => database.close());

describe('export', () => {
  test('the Committee side exports every proposal with its decision, and the cycles with their assignments', async () => {
    const b = await exportBundle(db, admin);
    const proposals = section(b, 'matrix-proposals');
    assert.equal(proposals.length, 4);
    const accepted = proposals.find((p) => p.field === 'OP2.USE.N.LF' && p.matrix === 'MLI/1')!;
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.author, 'poc.mli@demo.r1540.org');
    assert.equal(accepted.decidedBy, 'expert@demo.r1540.org');
    assert.ok(typeof accepted.decidedAt === 'string' && typeof accepted.createdAt === 'string');
    assert.deepEqual(accepted.sources, law);
    const declined = proposals.find((p) => p.status === 'declined')!;
    assert.equal(declined.decisionNote, 'The report does not cover chemical weapons.');
    const cycles = section(b, 'review-cycles');
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0]!.id, cycleId);
    assert.equal(cycles[0]!.holdDays, 45);
    assert.deepEqual(cycles[0]!.assignments, [
      { state: 'FRA', expert: 'expert@demo.r1540.org', note: 'West Africa first' },
      { state: 'MLI', expert: 'expert@demo.r1540.org', note: 'West Africa first' },
    ]);
  });

  test('the public and a provider export no review cycles and no proposals; a point of contact its own State’s', async () => {
    for (const who of [null, await viewer(db, 'provider@demo.r1540.org')]) {
      const b = await exportBundle(db, who);
      assert.deepEqual(section(b, 'matrix-proposals'), [], `${who?.email ?? 'the public'}`);
      assert.deepEqual(section(b, 'review-cycles'), [], `${who?.email ?? 'the public'}`);
    }
    const poc = await exportBundle(db, await viewer(db, 'poc.mli@demo.r1540.org'));
    assert.deepEqual(section(poc, 'review-cycles'), []);
    const mine = section(poc, 'matrix-proposals');
    assert.equal(mine.length, 3);
    assert.ok(mine.every((p) => String(p.matrix).startsWith('MLI/')));
  });
});

describe('import', () => {
  test('a round trip into a fresh database gives the same proposals and cycles; again, nothing changes', async () => {
    const source = await exportBundle(db, admin);
    const target = await freshDatabase();
    try {
      const targetAdmin = await viewer(target.db, 'admin@demo.r1540.org');
      const result = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, JSON.stringify(source));
      assert.deepEqual(result.sections['matrix-proposals'], { created: 4, updated: 0, unchanged: 0 });
      assert.deepEqual(result.sections['review-cycles'], { created: 1, updated: 0, unchanged: 0 });
      const again = await exportBundle(target.db, targetAdmin);
      for (const name of ['matrices', 'matrix-proposals', 'review-cycles'])
        assert.deepEqual(section(again, name), section(source, name), name);
      // Version 1 arrived approved, with its dialogue; it stays frozen.
      const v1 = await target.db
        .selectFrom('matrix')
        .select('status')
        .where('state_iso3', '=', 'MLI')
        .where('number', '=', 1)
        .executeTakeFirstOrThrow();
      assert.equal(v1.status, 'approved');
      const events = await target.db
        .selectFrom('audit_event')
        .select(['action', 'record_type'])
        .where('record_type', 'in', ['matrix', 'review-cycle'])
        .where('action', '=', 'create')
        .execute();
      assert.equal(events.filter((e) => e.record_type === 'review-cycle').length, 1);

      const before = await count(target.db, 'audit_event');
      const second = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, source);
      assert.deepEqual(second.sections['matrix-proposals'], { created: 0, updated: 0, unchanged: 4 });
      assert.deepEqual(second.sections['review-cycles'], { created: 0, updated: 0, unchanged: 1 });
      assert.equal(await count(target.db, 'audit_event'), before);
    } finally {
      await target.close();
    }
  });

  test('a proposal on a matrix version neither in the bundle nor stored is refused at its path, and nothing is written', async () => {
    const b = await exportBundle(db, admin);
    const open = section(b, 'matrix-proposals').find((p) => p.matrix === 'MLI/2')!;
    const cycle = { ...section(b, 'review-cycles')[0]!, id: '5b0c8f8e-1d2a-4c3b-9e4f-0a1b2c3d4e5f', title: 'Another cycle' };
    const bundle = {
      ...b,
      sections: {
        'review-cycles': [cycle],
        'matrix-proposals': [
          { ...open, id: '0f6e2a4c-8b1d-4e3f-a5c7-9d2b4f6a8c0e', matrix: 'MLI/9' },
          { ...open, id: '1a7f3b5d-9c2e-4f40-b6d8-ae3c5a7b9d1f', field: 'OP9.NOPE' },
        ],
      },
    };
    const [events, proposals, cycles] = [
      await count(db, 'audit_event'),
      await count(db, 'matrix_proposal'),
      await count(db, 'review_cycle'),
    ];
    const err = await rejection(importBundle(db, actorOf(admin), admin, JSON.stringify(bundle)));
    assert.equal(err.code, 'validation');
    const fields = err.fields.map((f) => f.field);
    assert.ok(fields.includes('sections.matrix-proposals[0].matrix'), JSON.stringify(err.fields));
    assert.match(
      err.fields.find((f) => f.field === 'sections.matrix-proposals[0].matrix')!.problem,
      /MLI\/9.*neither in this bundle nor in the database/,
    );
    assert.ok(fields.includes('sections.matrix-proposals[1].field'), JSON.stringify(err.fields));
    assert.equal(await count(db, 'audit_event'), events);
    assert.equal(await count(db, 'matrix_proposal'), proposals);
    assert.equal(await count(db, 'review_cycle'), cycles);
  });

  test('a new proposal on an approved version, or a change to a recorded one, is refused', async () => {
    const b = await exportBundle(db, admin);
    const recorded = section(b, 'matrix-proposals').find((p) => p.matrix === 'MLI/1')!;
    const onOpen = section(b, 'matrix-proposals').find((p) => p.matrix === 'MLI/2')!;
    const bundle = {
      ...b,
      sections: {
        'matrix-proposals': [
          { ...recorded, id: '2b8a4c6e-0d3f-4a51-87e9-bf4d6b8cae20', status: 'open', decidedBy: null, decidedAt: null, decisionNote: '' },
          { ...onOpen, comment: 'Rewritten afterwards' },
        ],
      },
    };
    const err = await rejection(importBundle(db, actorOf(admin), admin, bundle));
    assert.match(err.fields.find((f) => f.field === 'sections.matrix-proposals[0].matrix')?.problem ?? '', /approved and never changes/);
    assert.match(err.fields.find((f) => f.field === 'sections.matrix-proposals[1].comment')?.problem ?? '', /never changes/);
  });

  test('a provider may not import proposals or cycles', async () => {
    const b = await exportBundle(db, admin);
    const provider = await viewer(db, 'provider@demo.r1540.org');
    const err = await rejection(
      importBundle(db, actorOf(provider), provider, {
        ...b,
        sections: { 'review-cycles': section(b, 'review-cycles').map((c) => ({ ...c, title: 'Renamed' })) },
      }),
    );
    assert.equal(err.code, 'forbidden');
  });
});
