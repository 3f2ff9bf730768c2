import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/platform/db/connect.ts';
import { activeOffers, matchItemsOf, matchOfferOf, weightsInForce } from '../../src/features/assistance/matching/engine-inputs.ts';
import { demoAsAt, seedDemoAssistance } from '../../src/features/assistance/demo.ts';
import { rankOffersForItem, reasonsText } from '../../src/features/assistance/matching/matching.ts';
import { Messages } from '../../src/platform/i18n/i18n.ts';
import { assistanceFigures } from '../../src/features/assistance/outputs/figures.ts';
import { deliveredByProvider, itemsOf, listRequests, responsesOf, stepsOf } from '../../src/features/assistance/queries.ts';
import { publicSummaries } from '../../src/features/assistance/requests/summaries.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

let database: Database;
const expert: Viewer = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'expert@t',
  displayName: 'expert',
  role: 'expert',
  stateIso3: null,
  organizationCode: null,
};
const nineOf2018 = ['BDI', 'BHR', 'GIN', 'GNB', 'GNQ', 'IRQ', 'MDG', 'MLI', 'PER'];

before(async () => {
  database = await freshDatabase();
});
after(async () => {
  await database.close();
});

async function counts(): Promise<number[]> {
  const db = database.db;
  const n = async (
    table:
      | 'assistance_request'
      | 'assistance_request_item'
      | 'assistance_step'
      | 'assistance_offer'
      | 'assistance_response'
      | 'assistance_circulation'
      | 'audit_event',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return Promise.all([
    n('assistance_request'),
    n('assistance_request_item'),
    n('assistance_step'),
    n('assistance_offer'),
    n('assistance_response'),
    n('assistance_circulation'),
    n('audit_event'),
  ]);
}

test('the demonstration seeds through the commands, once', async () => {
  const first = await seedDemoAssistance(database.db);
  assert.equal(first.requests, 15, 'nine of 2018, three of 2017, three earlier');
  assert.equal(first.responses, 9, 'five to Iraq, two to Tajikistan, one each to Togo and Zambia');
  assert.ok(first.offers >= 15);
  const before = await counts();
  assert.deepEqual(await seedDemoAssistance(database.db), { requests: 0, offers: 0, responses: 0 });
  assert.deepEqual(await counts(), before, 'seeding twice adds nothing');
});

test('as at 31 December 2018: nine requests received in 2018 against three in 2017, as the review counts (¶18)', async () => {
  const y2018 = await listRequests(database.db, expert, { year: 2018, to: '2018-12-31' });
  const y2017 = await listRequests(database.db, expert, { year: 2017, to: '2018-12-31' });
  assert.equal(y2018.total, 9);
  assert.equal(y2017.total, 3);
  assert.deepEqual(y2018.rows.map((r) => r.state_iso3.trim()).sort(), nineOf2018);
  assert.ok(y2018.rows.every((r) => r.source === 'seed'));
  assert.ok(
    y2017.rows.every((r) => r.source === 'illustrative'),
    'the review does not name the requests of 2017',
  );
  // Six of the 2018 requests invite a visit: those the review names.
  assert.deepEqual(
    y2018.rows
      .filter((r) => r.invites_visit)
      .map((r) => r.state_iso3.trim())
      .sort(),
    ['BHR', 'GIN', 'GNQ', 'MDG', 'MLI', 'PER'],
  );
  // The figures the Committee side reads (page, CSV, API) say the same.
  const figures = await assistanceFigures(database.db, expert, 2018);
  assert.deepEqual([figures.newRequests, figures.newRequestsPreviousYear, figures.visitInvitations], [9, 3, 6]);
  assert.deepEqual(figures.states.map((s) => s.iso3).sort(), nineOf2018);
  // Nothing of 2018 is dated after the review's data cut-off.
  for (const r of y2018.rows)
    for (const s of await stepsOf(database.db, r.id)) assert.ok(s.taken_on <= demoAsAt, `${r.state_iso3} ${s.action} on ${s.taken_on}`);
});

test("Iraq's request: circulated to WCO, WHO, INTERPOL, WOAH and the NSG, each response naming the items it answers, forwarded to Iraq", async () => {
  const db = database.db;
  const [iraq] = (await listRequests(db, expert, { state: 'IRQ' })).rows;
  assert.ok(iraq);
  assert.equal(iraq.status, 'forwarded');
  const responses = await responsesOf(db, [iraq.id]);
  assert.deepEqual(responses.map((r) => r.provider_code).sort(), ['INTERPOL', 'NSG', 'WCO', 'WHO', 'WOAH']);
  const items = await itemsOf(db, [iraq.id]);
  const ids = new Set(items.map((i) => i.id));
  for (const r of responses) {
    assert.ok(r.item_ids.length >= 1 && r.item_ids.every((i) => ids.has(i)), `${r.provider_code} answers items of the request`);
    assert.ok(r.forwarded_on, `${r.provider_code}'s response is forwarded`);
  }
  const border = items.find((i) => i.areas.includes('border-control'))!;
  assert.deepEqual(
    responses
      .filter((r) => r.item_ids.includes(border.id))
      .map((r) => r.provider_code)
      .sort(),
    ['INTERPOL', 'WCO'],
  );
  const steps = (await stepsOf(db, iraq.id)).map((s) => s.action);
  for (const a of ['receive', 'authenticate', 'acknowledge', 'circulate', 'forward']) assert.ok(steps.includes(a), a);
  // The earlier requests the review names, with their responses.
  for (const [state, providers] of [
    ['TJK', ['NSG', 'WCO']],
    ['TGO', ['UNODA']],
    ['ZMB', ['UNODA']],
  ] as const) {
    const [r] = (await listRequests(db, expert, { state })).rows;
    assert.ok(r && r.received_on < '2017-01-01', `${state}'s request is an earlier one`);
    assert.deepEqual((await responsesOf(db, [r.id])).map((x) => x.provider_code).sort(), providers);
  }
});

test('consented summaries are posted, and only those', async () => {
  const posted = await publicSummaries(database.db);
  assert.ok(posted.length >= 3);
  const all = (await listRequests(database.db, expert)).rows;
  for (const r of all)
    assert.equal(
      posted.some((p) => p.id === r.id),
      r.consent_summary,
      `${r.state_iso3}: posted if and only if consented`,
    );
});

test("the engine proposes WCO or INTERPOL among the top three for Iraq's border-control item, and says why", async () => {
  const db = database.db;
  const [iraq] = (await listRequests(db, expert, { state: 'IRQ' })).rows;
  const items = await matchItemsOf(db, [iraq!.id]);
  const border = items.find((i) => i.areas.includes('border-control'))!;
  const offers = await activeOffers(db);
  const ranked = rankOffersForItem(border, offers.map(matchOfferOf), await deliveredByProvider(db), await weightsInForce(db), 3);
  assert.equal(ranked.length, 3);
  const providerOf = new Map(offers.map((o) => [o.id, o.provider_organization_code ?? o.provider_state_iso3]));
  const top = ranked.find((r) => ['WCO', 'INTERPOL'].includes(providerOf.get(r.offerId) ?? ''));
  assert.ok(top, `top three: ${ranked.map((r) => providerOf.get(r.offerId)).join(', ')}`);
  assert.ok(top.score > 0);
  const reasons = top.reasons.map((r) => r.code);
  assert.ok(reasons.includes('area'), 'the shared area is a reason');
  assert.ok(reasons.includes('language'), 'a common language is a reason');
  // The reasons in words, in the reader's language.
  assert.match(reasonsText(top.reasons, 'en', new Messages('en')), /border control and law enforcement/);
  assert.match(reasonsText(top.reasons, 'fr', new Messages('fr')), /contrôle aux frontières/);
});
