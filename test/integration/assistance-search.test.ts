import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/platform/db/connect.ts';
import { createOffer, setOfferArchived } from '../../src/features/assistance/offers/commands.ts';
import { takeStep } from '../../src/features/assistance/procedure/steps.ts';
import { createRequest } from '../../src/features/assistance/requests/commands.ts';
import { search } from '../../src/features/search/search.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
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
let requestId: string;
let offerId: string;

before(async () => {
  database = await freshDatabase();
  const db = database.db;
  const r = await createRequest(
    db,
    actor,
    pocMli,
    {
      stateIso3: 'MLI',
      receivedOn: '2019-01-07',
      channel: 'online-form',
      languages: ['fr'],
      items: [
        {
          description: 'Formation des douaniers à la détection des précurseurs chimiques',
          areas: ['border-control'],
          weapons: ['chemical'],
          kinds: ['training'],
        },
      ],
    },
    '2019-12-31',
  );
  requestId = r.id;
  // Circulated to WCO: the provider sees it on its pages, but does not find it through the search.
  let version = r.row_version;
  for (const [action, on, providers] of [
    ['authenticate', '2019-01-08'],
    ['acknowledge', '2019-01-09'],
    ['circulate', '2019-01-18', ['organization:WCO']],
  ] as const)
    version = (
      await takeStep(
        db,
        actor,
        expert,
        r.id,
        { action, on, providers: providers ? [...providers] : undefined, expectedVersion: version },
        '2019-12-31',
      )
    ).row_version;
  offerId = (
    await createOffer(db, actor, expert, {
      provider: 'organization:WCO',
      title: 'Strategic trade enforcement courses',
      description: 'Courses for customs administrations on strategic goods.',
      areas: ['border-control', 'export-control'],
      weapons: ['chemical'],
    })
  ).id;
});
after(async () => {
  await database.close();
});

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

test("a request is found by its items' text by the Committee side and its own State only", async () => {
  const db = database.db;
  const q = { q: 'précurseurs' };
  assert.deepEqual(ids(await search(db, expert, q)), [requestId]);
  assert.deepEqual(ids(await search(db, pocMli, q)), [requestId], "Mali's point of contact finds Mali's request");
  assert.equal((await search(db, pocNer, q)).total, 0, "Niger's point of contact does not");
  assert.equal((await search(db, wco, q)).total, 0, 'a provider does not find requests through the search, even one circulated to it');
  assert.equal((await search(db, null, q)).total, 0, 'the public does not');
  // By the State's name in another language, and the kind filter.
  const zh = await search(db, expert, { q: '马里', kind: 'assistance-request' });
  assert.deepEqual(ids(zh), [requestId]);
  assert.equal(zh.hits[0]!.path, `/assistance/requests/${requestId}`);
  assert.equal(zh.hits[0]!.state, 'MLI');
});

test('an offer is public: found by its provider’s name and its areas in any language, until archived', async () => {
  const db = database.db;
  assert.deepEqual(ids(await search(db, null, { q: 'strategic goods' })), [offerId]);
  assert.deepEqual(ids(await search(db, null, { q: '世界海关组织', kind: 'assistance-offer' })), [offerId], 'the provider in Chinese');
  assert.deepEqual(
    ids(await search(db, pocNer, { q: 'contrôle aux frontières', kind: 'assistance-offer' })),
    [offerId],
    'the area in French',
  );
  assert.deepEqual(ids(await search(db, null, { q: 'пограничный контроль', kind: 'assistance-offer' })), [offerId], 'the area in Russian');
  const o = await db.selectFrom('assistance_offer').select('row_version').where('id', '=', offerId).executeTakeFirstOrThrow();
  await setOfferArchived(db, actor, expert, offerId, o.row_version, true);
  assert.equal((await search(db, null, { q: 'strategic goods' })).total, 0);
});
