// The quarterly update for the assistance working group: what happened in a quarter by the dates
// recorded, each response and match read through the presenters of readers.ts.
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import { itemsOf, listRequests, offerProviderKey, offerVisible, providerKey, requestVisible } from '../queries.ts';
import { matchesBetween, responsesBetween } from './period.ts';
import { readerOf, seesMatch, seesResponse } from '../readers.ts';
import type { Channel, MatchStatus, Priority, RequestStatus } from '../schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
type RequestEb = ExpressionBuilder<DB, 'assistance_request'>;

const quarterBounds = (year: number, quarter: number) => {
  const first = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, first + 2, 0));
  return { from, to: end.toISOString().slice(0, 10) };
};

export interface QuarterlyUpdate {
  year: number;
  quarter: number;
  from: string;
  to: string;
  requests: {
    id: string;
    stateIso3: string;
    receivedOn: string;
    channel: Channel;
    status: RequestStatus;
    invitesVisit: boolean;
    items: { position: number; description: string; areas: string[]; kinds: string[]; priority: Priority; illustrative: boolean }[];
  }[];
  steps: {
    requestId: string;
    stateIso3: string;
    receivedOn: string;
    action: string;
    fromStatus: string;
    toStatus: string;
    takenOn: string;
  }[];
  responses: { requestId: string; stateIso3: string; receivedOn: string; provider: string; respondedOn: string; items: number[] }[];
  matches: {
    id: string;
    requestId: string;
    stateIso3: string;
    receivedOn: string;
    item: number;
    offerTitle: string;
    provider: string;
    status: MatchStatus;
    statusOn: string;
  }[];
  offers: { id: string; provider: string; title: string; areas: string[]; kinds: string[]; recordedOn: string }[];
  counts: {
    requests: number;
    steps: number;
    responses: number;
    matches: number;
    offers: number;
    matchesByStatus: Partial<Record<MatchStatus, number>>;
  };
}

/**
 * What happened in a quarter, by the dates recorded: requests received, steps of the procedure
 * taken, responses received, matches whose latest change falls in it (a match keeps the date of
 * its latest status; earlier ones are in the request's history), and offers recorded in it (an
 * offer has no date of its own but the day it was recorded).
 */
export async function quarterlyUpdate(db: Db, viewer: Viewer | null, year: number, quarter: number): Promise<QuarterlyUpdate> {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError('a quarter is 1, 2, 3 or 4');
  const { from, to } = quarterBounds(year, quarter);
  const since = new Date(`${from}T00:00:00Z`);
  const until = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  const visible = (eb: RequestEb) => eb.and([requestVisible(viewer)(eb), eb('assistance_request.archived_at', 'is', null)]);

  const [{ rows: requestRows }, steps, allResponses, allMatches, offers] = await Promise.all([
    listRequests(db, viewer, { from, to }, { limit: 1_000_000, offset: 0 }),
    db
      .selectFrom('assistance_step as s')
      .innerJoin('assistance_request', 'assistance_request.id', 's.request_id')
      .select([
        's.request_id',
        's.action',
        's.from_status',
        's.to_status',
        's.taken_on',
        'assistance_request.state_iso3',
        'assistance_request.received_on',
      ])
      .where(visible)
      .where('s.action', '!=', 'receive')
      .where('s.taken_on', '>=', from)
      .where('s.taken_on', '<=', to)
      .orderBy('s.taken_on')
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute(),
    responsesBetween(db, viewer, from, to),
    matchesBetween(db, viewer, from, to),
    db
      .selectFrom('assistance_offer')
      .selectAll()
      .where(offerVisible(viewer))
      .where('archived_at', 'is', null)
      .where('created_at', '>=', since)
      .where('created_at', '<', until)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  // Each row as the reader of its request sees it (`readers.ts`).
  const responses = allResponses.filter((x) => seesResponse(readerOf(viewer, x), x));
  const matches = allMatches.map((x) => ({ ...x, provider_key: offerProviderKey(x) })).filter((x) => seesMatch(readerOf(viewer, x), x));
  const requests = [...requestRows].reverse();
  const items = await itemsOf(db, [...new Set([...requests.map((r) => r.id), ...responses.map((x) => x.request_id)])], true);
  const positionOf = new Map(items.map((i) => [i.id, i.position]));
  const matchesByStatus: Partial<Record<MatchStatus, number>> = {};
  for (const x of matches) matchesByStatus[x.status] = (matchesByStatus[x.status] ?? 0) + 1;
  return {
    year,
    quarter,
    from,
    to,
    requests: requests.map((r) => ({
      id: r.id,
      stateIso3: r.state_iso3.trim(),
      receivedOn: r.received_on,
      channel: r.channel,
      status: r.status,
      invitesVisit: r.invites_visit,
      items: items
        .filter((i) => i.request_id === r.id && !i.removed_at)
        .map((i) => ({
          position: i.position,
          description: i.description,
          areas: i.areas,
          kinds: i.kinds,
          priority: i.priority,
          illustrative: i.illustrative,
        })),
    })),
    steps: steps.map((s) => ({
      requestId: s.request_id,
      stateIso3: s.state_iso3.trim(),
      receivedOn: s.received_on,
      action: s.action,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      takenOn: s.taken_on,
    })),
    responses: responses.map((x) => ({
      requestId: x.request_id,
      stateIso3: x.state_iso3.trim(),
      receivedOn: x.received_on,
      provider: providerKey(x.provider_kind, x.provider_code.trim()),
      respondedOn: x.responded_on,
      items: x.item_ids
        .map((id) => positionOf.get(id))
        .filter((p): p is number => p !== undefined)
        .sort((a, b) => a - b),
    })),
    matches: matches.map((x) => ({
      id: x.id,
      requestId: x.request_id,
      stateIso3: x.state_iso3.trim(),
      receivedOn: x.received_on,
      item: x.position,
      offerTitle: x.title,
      provider: x.provider_key,
      status: x.status,
      statusOn: x.status_on,
    })),
    offers: offers.map((o) => ({
      id: o.id,
      provider: offerProviderKey(o),
      title: o.title,
      areas: o.areas,
      kinds: o.kinds,
      recordedOn: o.created_at.toISOString().slice(0, 10),
    })),
    counts: {
      requests: requests.length,
      steps: steps.length,
      responses: responses.length,
      matches: matches.length,
      offers: offers.length,
      matchesByStatus,
    },
  };
}

export const quarterOf = (isoDate: string) => Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
