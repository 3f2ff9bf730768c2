import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../src/platform/db/connect.ts';
import { AppError } from '../../src/platform/errors.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { addWorkingDays } from '../../src/features/assistance/procedure/calendar.ts';
import { moveMatch, suggestMatches } from '../../src/features/assistance/matching/commands.ts';
import { createOffer } from '../../src/features/assistance/offers/commands.ts';
import { takeStep } from '../../src/features/assistance/procedure/steps.ts';
import { createRequest, updateRequest } from '../../src/features/assistance/requests/commands.ts';
import { recordResponse } from '../../src/features/assistance/requests/responses.ts';
import { findRequest, flagsOf, listRequests, stepsOf } from '../../src/features/assistance/queries.ts';
import { publicSummaries } from '../../src/features/assistance/requests/summaries.ts';
import { createLetter } from '../../src/features/correspondence/commands.ts';
import { visibleConcerns } from '../../src/features/correspondence/queries.ts';
import { freshDatabase } from '../support/database.ts';

let database: Database;
const actor = { id: null, label: 'test' };
const v = (role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id: '00000000-0000-0000-0000-000000000000',
  email: `${role}@t`,
  displayName: role,
  role,
  stateIso3: null,
  organizationCode: null,
  ...extra,
});
const expert = v('expert');
const pocMli = v('state-contact', { stateIso3: 'MLI' });
const pocNer = v('state-contact', { stateIso3: 'NER' });
const wco = v('provider', { organizationCode: 'WCO' });
const iaea = v('provider', { organizationCode: 'IAEA' });
const today = '2019-12-31';

const request = (over: Record<string, unknown> = {}) => ({
  stateIso3: 'MLI',
  receivedOn: '2018-06-11',
  channel: 'note-verbale',
  languages: ['fr'],
  consentSummary: true,
  summary: 'Mali asks for help with border controls and export control legislation.',
  invitesVisit: true,
  items: [
    {
      description: 'Training of customs officers in detecting chemical precursors',
      areas: ['border-control'],
      weapons: ['chemical'],
      paragraphs: ['OP3c'],
      kinds: ['training'],
    },
    {
      description: 'Review of the draft export control law',
      areas: ['export-control', 'legislation'],
      paragraphs: ['OP3d'],
      kinds: ['legal-review'],
    },
  ],
  ...over,
});

async function count(
  table: 'assistance_request' | 'assistance_request_item' | 'assistance_step' | 'audit_event' | 'assistance_response',
): Promise<number> {
  const r = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function refused(p: Promise<unknown>, field: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    const fields = (e.fields ?? []).map((f) => f.field);
    assert.ok(fields.includes(field), `expected a problem with ${field}, got ${JSON.stringify(e.fields)}`);
    if (pattern) assert.match((e.fields ?? []).find((f) => f.field === field)!.problem, pattern);
    return true;
  });
}

before(async () => {
  database = await freshDatabase();
});
after(async () => {
  await database.close();
});

describe('a request from the form to delivered', () => {
  let id: string;
  let version: number;
  let items: { id: string }[];

  test('bad input names the fields and writes nothing', async () => {
    const before = await Promise.all([count('assistance_request'), count('assistance_request_item'), count('audit_event')]);
    await refused(
      createRequest(database.db, actor, expert, request({ items: [{ description: 'x', areas: [] }] }), today),
      'items[0].areas',
    );
    await refused(
      createRequest(database.db, actor, expert, request({ items: [{ description: 'x', areas: ['plumbing'] }] }), today),
      'items[0].areas',
      /plumbing/,
    );
    await refused(createRequest(database.db, actor, expert, request({ receivedOn: '2020-01-01' }), today), 'receivedOn');
    await refused(createRequest(database.db, actor, expert, request({ stateIso3: 'XXX' }), today), 'stateIso3');
    await refused(
      createRequest(
        database.db,
        actor,
        expert,
        request({ items: [{ description: 'x', areas: ['legislation'], matrixFields: ['OP9.NOTHING'] }] }),
        today,
      ),
      'items[0].matrixFields',
    );
    assert.deepEqual(await Promise.all([count('assistance_request'), count('assistance_request_item'), count('audit_event')]), before);
  });

  test("a point of contact submits its own State's request, not another's", async () => {
    await assert.rejects(createRequest(database.db, actor, pocNer, request(), today), /only for your own State/);
    const row = await createRequest(database.db, actor, pocMli, request(), today);
    id = row.id;
    version = row.row_version;
    assert.equal(row.status, 'received');
    const steps = await stepsOf(database.db, id);
    assert.deepEqual(
      steps.map((s) => [s.action, s.taken_on]),
      [['receive', '2018-06-11']],
    );
    const full = await database.db
      .selectFrom('assistance_request_item')
      .select('id')
      .where('request_id', '=', id)
      .orderBy('position')
      .execute();
    items = full;
    assert.equal(items.length, 2);
  });

  test('who sees the request', async () => {
    const seen = async (viewer: Viewer | null) => (await listRequests(database.db, viewer, {})).total;
    assert.equal(await seen(expert), 1);
    assert.equal(await seen(pocMli), 1);
    assert.equal(await seen(pocNer), 0);
    assert.equal(await seen(wco), 0, 'not circulated yet');
    assert.equal(await seen(null), 0);
    assert.equal(await findRequest(database.db, pocNer, id), undefined);
    assert.deepEqual(await publicSummaries(database.db), [], 'consented but not posted');
  });

  test('refused steps write nothing; the five working days are counted', async () => {
    const before = await Promise.all([count('assistance_step'), count('audit_event')]);
    await refused(
      takeStep(database.db, actor, expert, id, { action: 'acknowledge', on: '2018-06-12', expectedVersion: version }, today),
      'action',
      /cannot be given "acknowledge"/,
    );
    await refused(
      takeStep(database.db, actor, expert, id, { action: 'authenticate', on: '2018-06-01', expectedVersion: version }, today),
      'on',
      /before the last step/,
    );
    await assert.rejects(
      takeStep(database.db, actor, pocMli, id, { action: 'authenticate', on: '2018-06-12', expectedVersion: version }, today),
      /may not take steps/,
    );
    assert.deepEqual(await Promise.all([count('assistance_step'), count('audit_event')]), before);
    let row = await takeStep(database.db, actor, expert, id, { action: 'authenticate', on: '2018-06-12', expectedVersion: version }, today);
    row = await takeStep(
      database.db,
      actor,
      expert,
      id,
      { action: 'acknowledge', on: '2018-06-13', note: "The Chair's letter", expectedVersion: row.row_version },
      today,
    );
    version = row.row_version;
    // Acknowledged Wednesday 13 June 2018; Eid al-Fitr on Friday 15 and the weekend: not before Thursday 21.
    assert.equal(addWorkingDays('2018-06-13', 5), '2018-06-21');
    const flags = await flagsOf(database.db, [row], '2018-06-21');
    assert.deepEqual(flags.get(id), [{ code: 'circulation-due', dueOn: '2018-06-21' }]);
    await refused(
      takeStep(
        database.db,
        actor,
        expert,
        id,
        { action: 'circulate', on: '2018-06-20', providers: ['organization:WCO'], expectedVersion: version },
        today,
      ),
      'on',
      /not before 2018-06-21/,
    );
    await refused(
      takeStep(
        database.db,
        actor,
        expert,
        id,
        { action: 'circulate', on: '2018-06-21', providers: ['organization:NOPE'], expectedVersion: version },
        today,
      ),
      'providers',
      /NOPE/,
    );
  });

  test('two experts moving the request at once: one wins, the other is told', async () => {
    const move = () =>
      takeStep(
        database.db,
        actor,
        expert,
        id,
        { action: 'circulate', on: '2018-06-21', providers: ['organization:WCO', 'organization:INTERPOL'], expectedVersion: version },
        today,
      );
    const results = await Promise.allSettled([move(), move()]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(lost.reason instanceof AppError && lost.reason.code === 'conflict', String(lost.reason));
    assert.match(lost.reason.message, /changed by someone else/);
    const row = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ row_version: number; status: string }>).value;
    assert.equal(row.status, 'circulated');
    version = row.row_version;
    assert.equal((await stepsOf(database.db, id)).filter((s) => s.action === 'circulate').length, 1);
    assert.equal((await listRequests(database.db, wco, {})).total, 1, 'circulated to WCO');
    assert.equal((await listRequests(database.db, iaea, {})).total, 0, 'not to the IAEA');
  });

  test('responses name the items they answer, from providers it was circulated to', async () => {
    const other = await createRequest(database.db, actor, expert, request({ stateIso3: 'NER', consentSummary: false, summary: '' }), today);
    const otherItem = await database.db
      .selectFrom('assistance_request_item')
      .select('id')
      .where('request_id', '=', other.id)
      .executeTakeFirstOrThrow();
    const before = await count('assistance_response');
    await refused(
      recordResponse(database.db, actor, wco, id, { respondedOn: '2018-07-02', itemIds: [otherItem.id] }, today),
      'itemIds',
      /not items of this request/,
    );
    await refused(
      recordResponse(
        database.db,
        actor,
        expert,
        id,
        { provider: 'organization:IAEA', respondedOn: '2018-07-02', itemIds: [items[0]!.id] },
        today,
      ),
      'provider',
      /not circulated to organization:IAEA/,
    );
    await assert.rejects(
      recordResponse(database.db, actor, iaea, id, { respondedOn: '2018-07-02', itemIds: [items[0]!.id] }, today),
      /was not found/,
    );
    assert.equal(await count('assistance_response'), before);
    await recordResponse(
      database.db,
      actor,
      wco,
      id,
      { respondedOn: '2018-07-02', itemIds: [items[0]!.id], text: 'WCO offers a regional training course.' },
      today,
    );
    await recordResponse(
      database.db,
      actor,
      expert,
      id,
      { provider: 'organization:INTERPOL', respondedOn: '2018-07-05', itemIds: [items[0]!.id, items[1]!.id] },
      today,
    );
    version = (await findRequest(database.db, expert, id))!.row_version;
  });

  test('summary posted, responses forwarded, matched, under way, delivered, closed: every step dated with its actor', async () => {
    let row = await takeStep(database.db, actor, expert, id, { action: 'post-summary', on: '2018-07-06', expectedVersion: version }, today);
    assert.equal((await publicSummaries(database.db)).length, 1);
    row = await takeStep(
      database.db,
      { id: null, label: 'an expert' },
      expert,
      id,
      { action: 'forward', on: '2018-07-10', expectedVersion: row.row_version },
      today,
    );
    assert.equal(row.status, 'forwarded');
    const forwarded = await database.db.selectFrom('assistance_response').select('forwarded_on').where('request_id', '=', id).execute();
    assert.deepEqual(
      forwarded.map((f) => f.forwarded_on),
      ['2018-07-10', '2018-07-10'],
    );
    await refused(
      takeStep(database.db, actor, expert, id, { action: 'forward', on: '2018-07-11', expectedVersion: row.row_version }, today),
      'action',
      /no provider response to forward/,
    );

    const offer = await createOffer(database.db, actor, expert, {
      provider: 'organization:WCO',
      title: 'Strategic trade control enforcement training',
      areas: ['border-control', 'export-control'],
      weapons: ['chemical', 'nuclear', 'biological'],
      paragraphs: ['OP3c', 'OP3d'],
      kinds: ['training'],
      languages: ['en', 'fr'],
      regions: [],
    });
    const suggested = await suggestMatches(database.db, actor, id, 5, '2018-07-12');
    const mine = suggested.find((s) => s.offer_id === offer.id && s.item_id === items[0]!.id);
    assert.ok(mine, 'the WCO training is suggested for the customs training item');
    assert.ok((mine.reasons as { code: string }[]).some((r) => r.code === 'area'));
    let m = await moveMatch(database.db, actor, mine.id, { to: 'proposed', on: '2018-07-12', expectedVersion: mine.row_version }, today);
    m = await moveMatch(database.db, actor, m.id, { to: 'accepted', on: '2018-07-20', expectedVersion: m.row_version }, today);
    await refused(
      moveMatch(database.db, actor, m.id, { to: 'delivered', on: '2018-07-21', expectedVersion: m.row_version }, today),
      'to',
      /allowed: under-way, declined/,
    );
    m = await moveMatch(database.db, actor, m.id, { to: 'under-way', on: '2018-09-01', expectedVersion: m.row_version }, today);
    row = await takeStep(database.db, actor, expert, id, { action: 'start', on: '2018-09-01', expectedVersion: row.row_version }, today);
    m = await moveMatch(
      database.db,
      actor,
      m.id,
      {
        to: 'delivered',
        on: '2018-11-30',
        providerFeedback: '24 officers trained in Bamako',
        stateFeedback: 'Useful; a second course is wanted',
        expectedVersion: m.row_version,
      },
      today,
    );
    assert.equal(m.status, 'delivered');
    row = await takeStep(database.db, actor, expert, id, { action: 'deliver', on: '2018-11-30', expectedVersion: row.row_version }, today);
    row = await takeStep(database.db, actor, expert, id, { action: 'close', on: '2018-12-14', expectedVersion: row.row_version }, today);
    assert.equal(row.status, 'closed');
    await refused(
      takeStep(database.db, actor, pocMli, id, { action: 'withdraw', on: '2018-12-15', expectedVersion: row.row_version }, today),
      'action',
      /closed cannot be given "withdraw"; allowed: post-summary/,
    );
    const steps = await stepsOf(database.db, id);
    assert.deepEqual(
      steps.map((s) => `${s.action} ${s.taken_on} ${s.to_status}`),
      [
        'receive 2018-06-11 received',
        'authenticate 2018-06-12 authenticated',
        'acknowledge 2018-06-13 acknowledged',
        'circulate 2018-06-21 circulated',
        'post-summary 2018-07-06 circulated',
        'forward 2018-07-10 forwarded',
        'start 2018-09-01 under-way',
        'deliver 2018-11-30 delivered',
        'close 2018-12-14 closed',
      ],
    );
    assert.equal(steps.find((s) => s.action === 'forward')!.actor_label, 'an expert');
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'confidentiality', 'state_iso3'])
      .where('record_id', '=', id)
      .execute();
    assert.ok(events.length >= 14, `audit events: ${events.length}`);
    assert.ok(events.every((e) => e.confidentiality === 'committee-and-state' && e.state_iso3?.trim() === 'MLI'));
    await assert.rejects(
      database.db.updateTable('assistance_step').set({ note: 'rewritten' }).where('request_id', '=', id).execute(),
      /never changed/,
    );
  });

  test('a letter concerning the request names it only to those who may see the request', async () => {
    const letter = await createLetter(
      database.db,
      actor,
      {
        kind: 'letter',
        sentOn: '2018-06-13',
        senderKind: 'chair',
        recipientsMode: 'state',
        recipients: ['MLI'],
        subject: "The Chair's acknowledgement",
        confidentiality: 'public',
        concerns: [
          { recordType: 'assistance-request', recordId: id },
          { recordType: 'assistance-request', recordId: 'NV-2016-MLI' },
        ],
      },
      today,
    );
    await assert.rejects(
      createLetter(
        database.db,
        actor,
        {
          kind: 'letter',
          sentOn: '2018-06-13',
          senderKind: 'chair',
          recipientsMode: 'committee',
          subject: 'x',
          concerns: [{ recordType: 'assistance-request', recordId: '00000000-0000-4000-8000-000000000000' }],
        },
        today,
      ),
      /no assistance-request has the id/,
    );
    const concerns = [
      { recordType: 'assistance-request' as const, recordId: id },
      { recordType: 'assistance-request' as const, recordId: 'NV-2016-MLI' },
    ];
    const seen = async (viewer: Viewer | null) => (await visibleConcerns(database.db, viewer, concerns)).map((c) => c.recordId);
    assert.ok(letter.id);
    assert.deepEqual(await seen(expert), [id, 'NV-2016-MLI']);
    assert.deepEqual(await seen(pocMli), [id]);
    assert.deepEqual(await seen(wco), [id], 'circulated to WCO');
    assert.deepEqual(await seen(iaea), []);
    assert.deepEqual(await seen(pocNer), []);
    assert.deepEqual(await seen(null), []);
  });

  test('the State edits its request only while received', async () => {
    const row = await createRequest(database.db, actor, pocMli, request({ receivedOn: '2018-10-01' }), today);
    const edited = await updateRequest(
      database.db,
      actor,
      pocMli,
      row.id,
      row.row_version,
      request({ receivedOn: '2018-10-01', reference: 'NV/2018/77' }),
      today,
    );
    assert.equal(edited.reference, 'NV/2018/77');
    await assert.rejects(
      updateRequest(database.db, actor, pocMli, row.id, row.row_version, request({ receivedOn: '2018-10-01' }), today),
      /changed by someone else/,
    );
    const authenticated = await takeStep(
      database.db,
      actor,
      expert,
      row.id,
      { action: 'authenticate', on: '2018-10-02', expectedVersion: edited.row_version },
      today,
    );
    await assert.rejects(
      updateRequest(database.db, actor, pocMli, row.id, authenticated.row_version, request({ receivedOn: '2018-10-01' }), today),
      /may not change/,
    );
    const withdrawn = await takeStep(
      database.db,
      actor,
      pocMli,
      row.id,
      { action: 'withdraw', on: '2018-10-03', expectedVersion: authenticated.row_version },
      today,
    );
    assert.equal(withdrawn.status, 'withdrawn');
  });
});
