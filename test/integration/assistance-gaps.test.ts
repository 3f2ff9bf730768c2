import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../src/platform/errors.ts';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { addMatch, moveMatch } from '../../src/features/assistance/matching/commands.ts';
import { createOffer } from '../../src/features/assistance/offers/commands.ts';
import { takeStep } from '../../src/features/assistance/procedure/steps.ts';
import { createRequest } from '../../src/features/assistance/requests/commands.ts';
import {
  changesAfterDelivery,
  draftRequestFromGaps,
  fieldChangesAfter,
  gapItems,
  type VersionValues,
} from '../../src/features/assistance/requests/gaps.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import templateData from '../../src/features/matrix/templates/data/template-2017.json' with { type: 'json' };
import type { TemplateData } from '../../src/features/matrix/templates/template.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';

const template = templateData as unknown as TemplateData;
let t: TestApp;
const who: Record<string, Viewer> = {};
const actor = { id: null, label: 'test' };
const src = [{ kind: 'law' as const, citation: 'Test law' }];
const v = (role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id: '00000000-0000-0000-0000-000000000000',
  email: `${role}@t`,
  displayName: role,
  role,
  stateIso3: null,
  organizationCode: null,
  ...extra,
});

// Fields of the 2017 template, named for what the test does with them.
const A = 'OP3c.BORDER-CONTROLS.C.EN'; // blank in Mali, X in all three peers: a gap
const B = 'OP2.USE.B.LF'; // blank in Mali, X in one peer of three: not a gap
const C = 'OP3d.LICENSING.N.LF'; // blank in Mali, X in two peers of three: a gap
const D = 'OP2.USE.N.LF'; // '?' in Mali (something found), X in all peers: not a gap
const E = 'OP1.CWC'; // blank in Mali, X in two peers of three: a gap (OP1: reporting)
const F = 'OP3c.TECHNICAL-DETECTION.N.EN'; // X in Niger and Burkina Faso only: a gap for the Committee side (2 of 3), not for Mali's point of contact (1 of the 2 published)

/** An approved (and maybe published) version with these values, approved on `approvedOn`. */
async function approve(iso3: string, values: Record<string, 'X' | '?' | 'NA' | ''>, approvedOn: string, publish = true) {
  const db = t.database.db;
  const e = who.expert!;
  const m = await startDraft(db, actor, iso3);
  const current = new Map(
    (await db.selectFrom('matrix_cell').select(['field_code', 'row_version']).where('matrix_id', '=', m.id).execute()).map((c) => [
      c.field_code,
      c.row_version,
    ]),
  );
  await saveCells(
    db,
    actor,
    e,
    m.id,
    Object.entries(values).map(([field, value]) => ({
      field,
      expectedVersion: current.get(field) ?? 0,
      value,
      sources: value === 'X' || value === '?' ? src : [],
    })),
  );
  await moveMatrix(db, actor, e, m.id, 'sent');
  await moveMatrix(db, actor, e, m.id, 'agreed');
  await moveMatrix(db, actor, who.committee!, m.id, 'approved');
  if (publish) await moveMatrix(db, actor, who.secretariat!, m.id, 'published');
  await sql`update matrix set approved_at = ${`${approvedOn}T12:00:00Z`}, published_at = case when published_at is null then null else ${`${approvedOn}T13:00:00Z`}::timestamptz end where id = ${m.id}`.execute(
    db,
  );
  return m.id;
}

before(async () => {
  t = await testApp();
  for (const u of await t.database.db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  // Mali (African group) and its peers; France (another group) has B, which must not count.
  await approve('MLI', { 'OP1.NPT': 'X', [D]: '?' }, '2018-03-01');
  await approve('NER', { [A]: 'X', [B]: 'X', [C]: 'X', [D]: 'X', [E]: 'X', [F]: 'X' }, '2018-04-01');
  await approve('SEN', { [A]: 'X', [C]: 'X', [D]: 'X', [E]: 'X' }, '2018-05-01');
  await approve('BFA', { [A]: 'X', [D]: 'X', [F]: 'X' }, '2018-06-01', false);
  await approve('FRA', { [B]: 'X' }, '2018-06-01');
});
after(async () => {
  await t.close();
});

const fieldsOf = (items: { matrixFields?: string[] }[]) => items.flatMap((i) => i.matrixFields ?? []).sort();

describe('from gap to request', () => {
  test('a field blank in the State and filled in most of its group appears; one filled in fewer than half does not', async () => {
    const draft = await draftRequestFromGaps(t.database.db, who.expert!, 'MLI', '2018-12-31');
    assert.deepEqual(fieldsOf(draft.items), [E, A, F, C].sort());
    assert.ok(!fieldsOf(draft.items).includes(B), 'B: one peer of three');
    assert.ok(!fieldsOf(draft.items).includes(D), "D: Mali's '?' is not a blank");
    assert.deepEqual(draft.basis.matrix && { number: draft.basis.matrix.number, template: draft.basis.matrix.template }, {
      number: 1,
      template: '2017',
    });
    assert.equal(draft.basis.peers, 3, 'Niger, Senegal, Burkina Faso; not France');
    assert.equal(draft.stateIso3, 'MLI');
    // One item per paragraph and area, each naming its fields.
    const op3c = draft.items.find((i) => i.paragraphs?.includes('OP3c'))!;
    assert.deepEqual(op3c.areas, ['border-control']);
    assert.deepEqual(op3c.matrixFields, [A, F]);
    assert.deepEqual(op3c.weapons, ['nuclear', 'chemical']);
    assert.deepEqual(op3c.kinds, ['training']);
    const row = template.rows.find((r) => r.code === 'OP3c.BORDER-CONTROLS')!.labels.en;
    assert.ok(op3c.description.includes(row), op3c.description);
    assert.match(op3c.description, /African States/);
    const op1 = draft.items.find((i) => i.paragraphs?.includes('OP1'))!;
    assert.deepEqual([op1.areas, op1.matrixFields, op1.kinds], [['reporting'], [E], ['expert-advice']]);
    const op3d = draft.items.find((i) => i.paragraphs?.includes('OP3d'))!;
    assert.deepEqual([op3d.areas, op3d.matrixFields, op3d.kinds], [['export-control'], [C], ['legal-review']]);
    assert.deepEqual(
      draft.items.map((i) => i.paragraphs?.[0]),
      ['OP1', 'OP3c', 'OP3d'],
    );
    // The draft is a request the commands accept as it is.
    const saved = await createRequest(t.database.db, actor, who.expert!, { ...draft, receivedOn: '2019-01-07' }, '2019-12-31');
    assert.equal(saved.state_iso3.trim(), 'MLI');
  });

  test('as at a date: versions approved later are not read', async () => {
    const early = await draftRequestFromGaps(t.database.db, who.expert!, 'MLI', '2018-04-15');
    // Only Niger was approved by then: every field it has and Mali lacks is a gap.
    assert.equal(early.basis.peers, 1);
    assert.deepEqual(fieldsOf(early.items), [A, B, C, E, F].sort());
    const none = await draftRequestFromGaps(t.database.db, who.expert!, 'MLI', '2018-02-01');
    assert.equal(none.basis.matrix, null);
    assert.deepEqual(none.items, []);
  });

  test("the State's own point of contact sees the draft on the published versions; others are told not found", async () => {
    const poc = await draftRequestFromGaps(t.database.db, who['poc.mli']!, 'MLI', '2018-12-31', 'fr');
    assert.equal(poc.basis.peers, 2, "Burkina Faso's version is approved, not published");
    assert.deepEqual(fieldsOf(poc.items), [A, C, E].sort());
    assert.match(poc.items[0]!.description, /Champs de la matrice 1540/);
    for (const viewer of [null, v('state-contact', { stateIso3: 'NER' }), v('provider', { organizationCode: 'WCO' })])
      await assert.rejects(
        draftRequestFromGaps(t.database.db, viewer, 'MLI', '2018-12-31'),
        (e: unknown) => e instanceof AppError && e.code === 'not-found',
      );
    await assert.rejects(
      draftRequestFromGaps(t.database.db, who.expert!, 'MLI', '31/12/2018'),
      (e: unknown) => e instanceof AppError && e.fields[0]?.field === 'asOf',
    );
  });

  test('through the API: the Committee side and the State’s own point of contact; others 404', async () => {
    const db = t.database.db;
    const token = async (email: string) => {
      const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      return (await createApiToken(db, actor, user.id, 'gaps test')).token;
    };
    const get = async (path: string, bearer?: string) => t.request(path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
    const expert = await get('/api/v1/states/MLI/assistance-draft?asOf=2018-12-31', await token('expert@demo.r1540.org'));
    assert.equal(expert.status, 200, await expert.clone().text());
    const body = (await expert.json()) as { draft: { stateIso3: string; items: { matrixFields: string[] }[] }; basis: { peers: number } };
    assert.equal(body.draft.stateIso3, 'MLI');
    assert.deepEqual(fieldsOf(body.draft.items), [E, A, F, C].sort());
    const poc = await token('poc.mli@demo.r1540.org');
    const own = await get('/api/v1/states/mli/assistance-draft?asOf=2018-12-31&lang=es', poc);
    assert.equal(own.status, 200);
    assert.match(
      ((await own.json()) as { draft: { items: { description: string }[] } }).draft.items[0]!.description,
      /Campos de la matriz/,
    );
    assert.equal((await get('/api/v1/states/NER/assistance-draft', poc)).status, 404, "another State's draft");
    assert.equal((await get('/api/v1/states/MLI/assistance-draft')).status, 404, 'the public');
    assert.equal((await get('/api/v1/states/MLI/assistance-draft', await token('provider@demo.r1540.org'))).status, 404, 'a provider');
    assert.equal((await get('/api/v1/states/MLI/assistance-draft?asOf=yesterday', poc)).status, 422);
  });

  test('the pure grouping: OP3 (a) chemical fields fall under chemical security and accounting', () => {
    const state = { iso3: 'AAA', regionalGroup: 'african', organizations: [], values: {} };
    const peers = ['BBB', 'CCC'].map((iso3) => ({
      iso3,
      regionalGroup: 'african',
      organizations: [],
      values: { 'OP3a.ACCOUNT-USE.C.LF': 'X' as const, 'OP3a.ACCOUNT-USE.N.LF': 'X' as const },
    }));
    const items = gapItems(template, state, peers, { regionalGroup: 'african', locale: 'zh' });
    assert.deepEqual(
      items.map((i) => [i.areas, i.matrixFields, i.weapons]),
      [
        [['chemical-security', 'accounting-protection'], ['OP3a.ACCOUNT-USE.C.LF'], ['chemical']],
        [['nuclear-security', 'accounting-protection'], ['OP3a.ACCOUNT-USE.N.LF'], ['nuclear']],
      ],
    );
    assert.match(items[0]!.description, /汇总表/);
    assert.deepEqual(gapItems(template, state, [], { regionalGroup: 'african' }), [], 'no peers, no gaps');
  });
});

describe('after delivery', () => {
  test('pure: a field’s value at delivery against the newest version approved after it', () => {
    const versions: VersionValues[] = [
      { number: 1, approvedOn: '2018-03-01', values: { [A]: '' } },
      { number: 2, approvedOn: '2019-07-01', values: { [A]: 'X', [C]: '?' } },
      { number: 3, approvedOn: '2020-02-01', values: { [A]: 'X', [C]: 'X' } },
    ];
    const r = fieldChangesAfter([A, C, E], '2019-06-01', versions);
    assert.deepEqual(r.before, { number: 1, approvedOn: '2018-03-01' });
    assert.deepEqual(r.after, { number: 3, approvedOn: '2020-02-01' });
    assert.deepEqual(r.changes, [
      { code: A, before: '', after: 'X', changedIn: { number: 2, approvedOn: '2019-07-01' } },
      { code: C, before: '', after: 'X', changedIn: { number: 2, approvedOn: '2019-07-01' } },
    ]);
    assert.deepEqual(fieldChangesAfter([A], '2020-03-01', versions).changes, [], 'nothing approved after the delivery');
    assert.deepEqual(
      fieldChangesAfter([A], '2019-07-01', versions).before,
      { number: 2, approvedOn: '2019-07-01' },
      'approved on the day counts as before',
    );
  });

  test('a delivered match followed by a new approved version shows the changed field', async () => {
    const db = t.database.db;
    const expert = who.expert!;
    const request = await createRequest(
      db,
      actor,
      expert,
      {
        stateIso3: 'MLI',
        receivedOn: '2019-01-07',
        channel: 'note-verbale',
        languages: ['fr'],
        items: [
          {
            description: 'Border control training',
            areas: ['border-control'],
            paragraphs: ['OP3c'],
            weapons: ['chemical'],
            kinds: ['training'],
            matrixFields: [A, C],
          },
        ],
      },
      '2019-12-31',
    );
    let version = request.row_version;
    for (const [action, on, providers] of [
      ['authenticate', '2019-01-08'],
      ['acknowledge', '2019-01-09'],
      ['circulate', '2019-01-18', ['organization:WCO']],
    ] as const) {
      const moved = await takeStep(
        db,
        actor,
        expert,
        request.id,
        { action, on, providers: providers ? [...providers] : undefined, expectedVersion: version },
        '2019-12-31',
      );
      version = moved.row_version;
    }
    const offer = await createOffer(db, actor, expert, {
      provider: 'organization:WCO',
      title: 'Customs training',
      areas: ['border-control'],
    });
    const item = (
      await db.selectFrom('assistance_request_item').select('id').where('request_id', '=', request.id).executeTakeFirstOrThrow()
    ).id;
    let match = await addMatch(db, actor, { itemId: item, offerId: offer.id });
    for (const to of ['proposed', 'accepted', 'under-way', 'delivered'])
      match = await moveMatch(db, actor, match.id, { to, expectedVersion: match.row_version });
    assert.deepEqual((await changesAfterDelivery(db, expert, request.id)).items[0]!.changes, [], 'no version after the delivery yet');
    // The delivery is dated mid-2019; Mali's next version, approved after it, records A (and B, which the item does not address).
    await sql`update assistance_match set status_on = '2019-06-01' where id = ${match.id}`.execute(db);
    await approve('MLI', { [A]: 'X', [B]: 'X' }, '2019-09-01');
    const seen = await changesAfterDelivery(db, expert, request.id);
    assert.equal(seen.items.length, 1);
    assert.equal(seen.items[0]!.deliveredOn, '2019-06-01');
    assert.deepEqual(seen.items[0]!.before, { number: 1, approvedOn: '2018-03-01' });
    assert.deepEqual(seen.items[0]!.changes, [{ code: A, before: '', after: 'X', changedIn: { number: 2, approvedOn: '2019-09-01' } }]);
    // Mali's point of contact sees the same; another State's is told the request is not found.
    assert.deepEqual(
      (await changesAfterDelivery(db, who['poc.mli']!, request.id)).items[0]!.changes.map((c) => c.code),
      [A],
    );
    await assert.rejects(
      changesAfterDelivery(db, v('state-contact', { stateIso3: 'NER' }), request.id),
      (e: unknown) => e instanceof AppError && e.code === 'not-found',
    );
  });
});
