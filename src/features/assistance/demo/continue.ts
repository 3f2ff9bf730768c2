// The demonstration's clearinghouse after the 2018 review, up to the day it is seeded on: the
// requests of 2018 and before go on (the Chair's follow-up letters of 2019, responses, matches,
// delivery), new requests and offers each year (later.ts, later-offers.ts). Everything through
// the write cores, as the system, marked illustrative; the same day gives the same records.
import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { addMatchIn, moveMatchIn } from '../matching/commands.ts';
import { insertOffer } from '../offers/commands.ts';
import { addYears } from '../procedure/calendar.ts';
import { requestState } from '../procedure/state.ts';
import { takeStepIn } from '../procedure/steps.ts';
import { circulationOf, offerProviderKey, providerKey, type RequestRow } from '../queries.ts';
import { insertRequest } from '../requests/commands.ts';
import { recordResponseIn } from '../requests/responses.ts';
import { addDays, type LaterEvent, laterNote, laterRequests } from './later.ts';
import { laterOffers } from './later-offers.ts';

type Trx = Transaction<DB>;

const end2018 = '2018-12-31';

const answered = (provider: string) => `${provider.split(':')[1]} answered after the Chair’s follow-up letter. ${laterNote}`;

/**
 * What happened after 2018 to a request of 2018 or before, by its state at the end of 2018: a
 * request circulated or forwarded got the Chair's follow-up letter two weeks after it fell due,
 * (in 2019 at the earliest), then (by turns) help delivered and the request closed, a response forwarded and a match declined,
 * or the request withdrawn; one under way was delivered (and, every other one, closed).
 */
export function continuation(
  r: { status: string; statusOn: string; circulatedOn: string | null; lastNewsOn: string; followUpOn: string | null },
  providers: string[],
  items: number,
  index: number,
): LaterEvent[] {
  const p0 = providers[0];
  // Nothing after 2018 is dated in 2018: the review's year keeps its figures.
  const since = (day: string) => (day > end2018 ? day : end2018);
  if ((r.status === 'circulated' || r.status === 'forwarded') && r.circulatedOn && !r.followUpOn && p0) {
    const fu = addDays(since(addYears([r.lastNewsOn, r.circulatedOn].sort().at(-1)!, 1)), 14);
    const d = (n: number) => addDays(fu, n);
    const events: LaterEvent[] = [{ kind: 'step', on: fu, action: 'follow-up', note: `The Chair’s follow-up letter. ${laterNote}` }];
    const last = Math.min(2, items);
    switch (index % 3) {
      case 0:
        return [
          ...events,
          { kind: 'response', on: d(60), provider: p0, items: [1], text: answered(p0) },
          { kind: 'match', on: d(61), item: 1, provider: p0, to: 'add' },
          { kind: 'match', on: d(65), item: 1, provider: p0, to: 'proposed' },
          { kind: 'step', on: d(75), action: 'forward', note: laterNote },
          { kind: 'match', on: d(90), item: 1, provider: p0, to: 'accepted' },
          { kind: 'step', on: d(150), action: 'start', note: laterNote },
          { kind: 'match', on: d(150), item: 1, provider: p0, to: 'under-way' },
          { kind: 'step', on: d(400), action: 'deliver', note: laterNote },
          { kind: 'match', on: d(400), item: 1, provider: p0, to: 'delivered' },
          { kind: 'step', on: d(430), action: 'close', note: laterNote },
        ];
      case 1:
        return [
          ...events,
          { kind: 'response', on: d(90), provider: p0, items: [last], text: answered(p0) },
          { kind: 'step', on: d(100), action: 'forward', note: laterNote },
          { kind: 'match', on: d(100), item: last, provider: p0, to: 'add' },
          { kind: 'match', on: d(110), item: last, provider: p0, to: 'proposed' },
          { kind: 'match', on: d(200), item: last, provider: p0, to: 'declined', note: 'The State chose another provider.' },
        ];
      default:
        return [...events, { kind: 'step', on: d(180), action: 'withdraw', note: `The State withdrew the request. ${laterNote}` }];
    }
  }
  if (r.status === 'under-way') {
    const delivered = addDays(since(r.statusOn), 200 + 30 * (index % 4));
    const events: LaterEvent[] = [{ kind: 'step', on: delivered, action: 'deliver', note: laterNote }];
    if (index % 2 === 0) events.push({ kind: 'step', on: addDays(delivered, 40), action: 'close', note: laterNote });
    return events;
  }
  if (r.status === 'delivered') return [{ kind: 'step', on: addDays(since(r.statusOn), 60), action: 'close', note: laterNote }];
  return [];
}

async function version(trx: Trx, id: string): Promise<number> {
  return (await trx.selectFrom('assistance_request').select('row_version').where('id', '=', id).executeTakeFirstOrThrow()).row_version;
}

/** Records a request's events in order, those on or before `today`. */
async function play(trx: Trx, actor: Actor, requestId: string, events: LaterEvent[], offerOf: Map<string, string>, today: string) {
  const items = await trx
    .selectFrom('assistance_request_item')
    .select(['id', 'position'])
    .where('request_id', '=', requestId)
    .where('removed_at', 'is', null)
    .execute();
  const itemAt = (position: number) => items.find((i) => i.position === position)?.id;
  const matchOf = new Map<string, string>();
  let count = { responses: 0, matches: 0 };
  for (const e of events) {
    if (e.on > today) continue;
    if (e.kind === 'step') {
      await takeStepIn(
        trx,
        actor,
        null,
        requestId,
        { action: e.action, on: e.on, note: e.note, providers: e.providers, expectedVersion: await version(trx, requestId) },
        today,
      );
    } else if (e.kind === 'response') {
      const itemIds = e.items.map(itemAt).filter((x): x is string => !!x);
      await recordResponseIn(
        trx,
        actor,
        null,
        requestId,
        { provider: e.provider, respondedOn: e.on, itemIds, text: e.text },
        today,
        'illustrative',
      );
      count = { ...count, responses: count.responses + 1 };
    } else {
      const key = `${e.item}:${e.provider}`;
      const itemId = itemAt(e.item);
      const offerId = offerOf.get(e.provider);
      if (!itemId || !offerId) continue;
      if (e.to === 'add') {
        const row = await addMatchIn(trx, actor, { itemId, offerId, note: e.note ?? laterNote }, e.on);
        matchOf.set(key, row.id);
        count = { ...count, matches: count.matches + 1 };
      } else {
        const id = matchOf.get(key);
        if (!id) continue;
        const m = await trx.selectFrom('assistance_match').select('row_version').where('id', '=', id).executeTakeFirstOrThrow();
        await moveMatchIn(trx, actor, id, { to: e.to, on: e.on, note: e.note, expectedVersion: m.row_version }, today);
      }
    }
  }
  return count;
}

/**
 * Continues the demonstration clearinghouse up to `today`, once (nothing happens if a request
 * received after 2018 is there already). In the caller's transaction.
 */
export async function continueDemoAssistance(
  trx: Trx,
  actor: Actor,
  today: string,
): Promise<{ requests: number; offers: number; responses: number; matches: number }> {
  const done = await trx
    .selectFrom('assistance_request')
    .select('id')
    .where('source', '=', 'illustrative')
    .where('received_on', '>', '2018-12-31')
    .limit(1)
    .executeTakeFirst();
  if (done) return { requests: 0, offers: 0, responses: 0, matches: 0 };
  const offers = laterOffers(today);
  for (const o of offers)
    await insertOffer(trx, actor, null, o.offer, 'illustrative', { recordedAt: new Date(`${o.recordedOn}T09:00:00Z`) });
  const offerOf = new Map<string, string>();
  for (const o of await trx.selectFrom('assistance_offer').selectAll().where('archived_at', 'is', null).orderBy('created_at').execute()) {
    const key = offerProviderKey(o);
    if (!offerOf.has(key)) offerOf.set(key, o.id);
  }
  const total = { requests: 0, offers: offers.length, responses: 0, matches: 0 };
  const add = (c: { responses: number; matches: number }) => {
    total.responses += c.responses;
    total.matches += c.matches;
  };
  // The requests of 2018 and before, in the order received.
  const earlier: RequestRow[] = await trx
    .selectFrom('assistance_request')
    .selectAll()
    .where('source', 'in', ['seed', 'illustrative'])
    .where('archived_at', 'is', null)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  for (const [index, r] of earlier.entries()) {
    const [state, circulation, items] = await Promise.all([
      requestState(trx, r),
      circulationOf(trx, [r.id]),
      trx.selectFrom('assistance_request_item').select('id').where('request_id', '=', r.id).where('removed_at', 'is', null).execute(),
    ]);
    const providers = circulation.map((c) => providerKey(c.provider_kind, c.provider_code.trim())).filter((p) => offerOf.has(p));
    add(await play(trx, actor, r.id, continuation(state, providers, items.length, index), offerOf, today));
  }
  for (const plan of laterRequests(today)) {
    const row = await insertRequest(
      trx,
      actor,
      null,
      {
        stateIso3: plan.state,
        receivedOn: plan.receivedOn,
        channel: plan.channel,
        languages: plan.languages,
        invitesVisit: plan.invitesVisit,
        consentSummary: plan.consentSummary,
        summary: plan.summary,
        items: plan.items,
      },
      today,
      { source: 'illustrative' },
    );
    total.requests++;
    add(await play(trx, actor, row.id, plan.events, offerOf, today));
  }
  return total;
}
