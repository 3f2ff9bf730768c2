// The clearinghouse's outputs as data: the consolidated list (every request with its items, the
// providers' responses and the offers matched with each item), the quarterly update for the
// assistance working group, and the figures per year. Each is read as far as the viewer may see:
// a request `requestVisible` hides is neither listed nor counted, and each response and match is
// read through the presenters of `readers.ts` (a provider its own; the State the responses
// forwarded to it; the matches the experts keep to themselves stay on the Committee side).
import { todayIso } from '../../../platform/values/dates.ts';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { isCommitteeSide, type Viewer } from '../../../platform/policy/policy.ts';
import type { Flag } from '../procedure/procedure.ts';
import {
  flagsOf,
  type ItemRow,
  itemsOf,
  listRequests,
  type MatchView,
  offerProviderKey,
  offerVisible,
  providerKey,
  type RequestFilters,
  requestVisible,
  responsesOf,
  matchesOfItems,
} from '../queries.ts';
import { readerOf, seesMatch, seesResponse } from '../readers.ts';
import type { Channel, MatchStatus, Priority, RequestStatus } from '../schema.ts';
import { type Area, areas } from '../taxonomy.ts';

type Db = Kysely<DB> | Transaction<DB>;
type RequestEb = ExpressionBuilder<DB, 'assistance_request'>;

const quarterBounds = (year: number, quarter: number) => {
  const first = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, first + 2, 0));
  return { from, to: end.toISOString().slice(0, 10) };
};

// -------------------------------------------------------------------------------------------------
// The consolidated list

export interface ListFilters {
  year?: number;
  state?: string;
  status?: RequestStatus;
}

export interface ListMatch {
  id: string;
  offerId: string;
  offerTitle: string;
  /** 'organization:WCO', 'state:FRA'. */
  provider: string;
  status: MatchStatus;
  statusOn: string;
  origin: 'engine' | 'hand';
}

export interface ListItem {
  id: string;
  position: number;
  description: string;
  paragraphs: string[];
  weapons: string[];
  areas: string[];
  kinds: string[];
  priority: Priority;
  timeframe: string;
  illustrative: boolean;
  /** The responses that name this item. */
  responses: { provider: string; respondedOn: string }[];
  matches: ListMatch[];
}

export interface ListResponse {
  id: string;
  provider: string;
  respondedOn: string;
  forwardedOn: string | null;
  /** The positions of the items it answers. */
  items: number[];
}

export interface ListRequest {
  id: string;
  reference: string;
  stateIso3: string;
  receivedOn: string;
  channel: Channel;
  status: RequestStatus;
  statusOn: string;
  invitesVisit: boolean;
  consentSummary: boolean;
  summaryPostedOn: string | null;
  /** The deadlines passed as at `today` (the Committee side's; empty for anyone else). */
  flags: Flag[];
  items: ListItem[];
  responses: ListResponse[];
}

export interface ConsolidatedList {
  filters: ListFilters;
  today: string;
  requests: ListRequest[];
  counts: { requests: number; items: number; responses: number; matches: number };
}

const itemOf = (i: ItemRow): Omit<ListItem, 'responses' | 'matches'> => ({
  id: i.id,
  position: i.position,
  description: i.description,
  paragraphs: i.paragraphs,
  weapons: i.weapons,
  areas: i.areas,
  kinds: i.kinds,
  priority: i.priority,
  timeframe: i.timeframe,
  illustrative: i.illustrative,
});

const matchOf = (x: MatchView): ListMatch => ({
  id: x.id,
  offerId: x.offer_id,
  offerTitle: x.offer_title,
  provider: x.provider_key,
  status: x.status,
  statusOn: x.status_on,
  origin: x.origin,
});

/**
 * Every request the viewer may see (newest first), with its State, date, channel, status and its
 * date, visit invitation, items, the providers' responses and the offers matched with each item.
 * Five queries whatever the number of requests.
 */
export async function consolidatedList(
  db: Db,
  viewer: Viewer | null,
  filters: ListFilters = {},
  today = todayIso(),
): Promise<ConsolidatedList> {
  const f: RequestFilters = { year: filters.year, state: filters.state, status: filters.status };
  const { rows } = await listRequests(db, viewer, f, { limit: 1_000_000, offset: 0 });
  const ids = rows.map((r) => r.id);
  const readers = new Map(rows.map((r) => [r.id, readerOf(viewer, r)]));
  const [items, allResponses, flags] = await Promise.all([
    itemsOf(db, ids),
    responsesOf(db, ids),
    isCommitteeSide(viewer) ? flagsOf(db, rows, today) : Promise.resolve(new Map<string, Flag[]>()),
  ]);
  const responses = allResponses.filter((x) => seesResponse(readers.get(x.request_id)!, x));
  const requestOfItem = new Map(items.map((i) => [i.id, i.request_id]));
  const matches = (
    await matchesOfItems(
      db,
      items.map((i) => i.id),
    )
  ).filter((x) => seesMatch(readers.get(requestOfItem.get(x.item_id)!)!, x));

  const itemsByRequest = new Map<string, ItemRow[]>();
  for (const i of items) itemsByRequest.set(i.request_id, [...(itemsByRequest.get(i.request_id) ?? []), i]);
  const matchesByItem = new Map<string, ListMatch[]>();
  for (const x of matches) matchesByItem.set(x.item_id, [...(matchesByItem.get(x.item_id) ?? []), matchOf(x)]);
  const responsesByRequest = new Map<string, typeof responses>();
  for (const x of responses) responsesByRequest.set(x.request_id, [...(responsesByRequest.get(x.request_id) ?? []), x]);

  const requests = rows.map((r): ListRequest => {
    const own = itemsByRequest.get(r.id) ?? [];
    const position = new Map(own.map((i) => [i.id, i.position]));
    const answers = (responsesByRequest.get(r.id) ?? []).map((x) => ({
      id: x.id,
      provider: providerKey(x.provider_kind, x.provider_code.trim()),
      respondedOn: x.responded_on,
      forwardedOn: x.forwarded_on,
      items: x.item_ids
        .map((id) => position.get(id))
        .filter((p): p is number => p !== undefined)
        .sort((a, b) => a - b),
      itemIds: x.item_ids,
    }));
    return {
      id: r.id,
      reference: r.reference,
      stateIso3: r.state_iso3.trim(),
      receivedOn: r.received_on,
      channel: r.channel,
      status: r.status,
      statusOn: r.status_on,
      invitesVisit: r.invites_visit,
      consentSummary: r.consent_summary,
      summaryPostedOn: r.summary_posted_on,
      flags: flags.get(r.id) ?? [],
      items: own.map((i) => ({
        ...itemOf(i),
        responses: answers.filter((a) => a.itemIds.includes(i.id)).map((a) => ({ provider: a.provider, respondedOn: a.respondedOn })),
        matches: matchesByItem.get(i.id) ?? [],
      })),
      responses: answers.map(({ itemIds: _, ...a }) => a),
    };
  });
  return {
    filters,
    today,
    requests,
    counts: {
      requests: requests.length,
      items: items.length,
      responses: responses.length,
      matches: matches.length,
    },
  };
}

// -------------------------------------------------------------------------------------------------
// The quarterly update

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

  const responsesQ = db
    .selectFrom('assistance_response as x')
    .innerJoin('assistance_request', 'assistance_request.id', 'x.request_id')
    .select([
      'x.request_id',
      'x.provider_kind',
      'x.provider_code',
      'x.responded_on',
      'x.forwarded_on',
      'x.item_ids',
      'assistance_request.state_iso3',
      'assistance_request.received_on',
    ])
    .where(visible)
    .where('x.archived_at', 'is', null)
    .where('x.responded_on', '>=', from)
    .where('x.responded_on', '<=', to);

  const matchesQ = db
    .selectFrom('assistance_match as m')
    .innerJoin('assistance_request_item as i', 'i.id', 'm.item_id')
    .innerJoin('assistance_request', 'assistance_request.id', 'i.request_id')
    .innerJoin('assistance_offer as o', 'o.id', 'm.offer_id')
    .select([
      'm.id',
      'm.status',
      'm.status_on',
      'i.position',
      'i.request_id',
      'assistance_request.state_iso3',
      'assistance_request.received_on',
      'o.title',
      'o.confidentiality as offer_confidentiality',
      'o.provider_kind',
      'o.provider_state_iso3',
      'o.provider_organization_code',
    ])
    .where(visible)
    .where('i.removed_at', 'is', null)
    .where('m.status_on', '>=', from)
    .where('m.status_on', '<=', to);

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
    responsesQ.orderBy('x.responded_on').orderBy('x.created_at').orderBy('x.id').execute(),
    matchesQ.orderBy('m.status_on').orderBy('assistance_request.received_on').orderBy('i.position').orderBy('m.id').execute(),
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

// -------------------------------------------------------------------------------------------------
// Figures per year

/**
 * What the figures are counted over: every request (the Committee side); the requests the viewer
 * may see and the posted summaries (a State's point of contact, a provider); the posted summaries
 * only (the public).
 */
export type FiguresBasis = 'all' | 'visible' | 'summaries';

export interface AssistanceFigures {
  year: number;
  previousYear: number;
  basis: FiguresBasis;
  /** New requests (by the date received) in the year and in the year before. */
  newRequests: number;
  newRequestsPreviousYear: number;
  /** Of the year's requests the viewer sees in full, those that invite a visit. */
  visitInvitations: number;
  /** The requesting States of the year: requests, and items of the requests seen in full. */
  states: { iso3: string; requests: number; items: number }[];
  /** Every area: the year's requests with an item in it, and the items (of the requests seen in full). */
  areas: { area: Area; requests: number; items: number }[];
  /** Per provider: responses received in the year, the items they answer, and matches delivered in the year. */
  providers: { provider: string; responses: number; itemsAnswered: number; delivered: number }[];
  responses: number;
  matchesDelivered: number;
}

export const figuresBasisOf = (viewer: Viewer | null): FiguresBasis => (isCommitteeSide(viewer) ? 'all' : viewer ? 'visible' : 'summaries');

/**
 * The year's figures as far as the viewer may see: the requests `requestVisible` lets it see in
 * full, and the summaries posted with the States' consent (all the public sees). Of a request
 * seen only through its summary, what the summary shows is counted: the request, its State and
 * its areas; its items, responses and matches are not.
 */
export async function assistanceFigures(db: Db, viewer: Viewer | null, year: number): Promise<AssistanceFigures> {
  const previousYear = year - 1;
  const yearFrom = `${year}-01-01`;
  const yearTo = `${year}-12-31`;
  const posted = (eb: RequestEb) =>
    eb.and([eb('assistance_request.consent_summary', '=', true), eb('assistance_request.summary_posted_on', 'is not', null)]);
  const full = requestVisible(viewer);

  const responsesQ = db
    .selectFrom('assistance_response as x')
    .innerJoin('assistance_request', 'assistance_request.id', 'x.request_id')
    .select(['x.provider_kind', 'x.provider_code', 'x.forwarded_on', 'x.item_ids', 'assistance_request.state_iso3'])
    .where(full)
    .where('assistance_request.archived_at', 'is', null)
    .where('x.archived_at', 'is', null)
    .where('x.responded_on', '>=', yearFrom)
    .where('x.responded_on', '<=', yearTo);

  const deliveredQ = db
    .selectFrom('assistance_match as m')
    .innerJoin('assistance_request_item as i', 'i.id', 'm.item_id')
    .innerJoin('assistance_request', 'assistance_request.id', 'i.request_id')
    .innerJoin('assistance_offer as o', 'o.id', 'm.offer_id')
    .select([
      'm.status',
      'o.confidentiality as offer_confidentiality',
      'o.provider_kind',
      'o.provider_state_iso3',
      'o.provider_organization_code',
      'assistance_request.state_iso3',
    ])
    .where(full)
    .where('assistance_request.archived_at', 'is', null)
    .where('i.removed_at', 'is', null)
    .where('m.status', '=', 'delivered')
    .where('m.status_on', '>=', yearFrom)
    .where('m.status_on', '<=', yearTo);

  const [requests, allResponses, allDelivered] = await Promise.all([
    db
      .selectFrom('assistance_request')
      .select((eb) => [
        'assistance_request.id',
        'assistance_request.state_iso3',
        'assistance_request.received_on',
        'assistance_request.invites_visit',
        full(eb).as('full'),
      ])
      .where((eb) => eb.or([full(eb), posted(eb)]))
      .where('assistance_request.archived_at', 'is', null)
      .where('assistance_request.received_on', '>=', `${previousYear}-01-01`)
      .where('assistance_request.received_on', '<=', yearTo)
      .execute(),
    responsesQ.execute(),
    deliveredQ.execute(),
  ]);
  // A provider counts its own responses. The State counts every response to its requests, forwarded
  // or not: the number, not the response, which its request page shows once forwarded.
  const responses = allResponses.filter((x) => readerOf(viewer, x).audience !== 'provider' || seesResponse(readerOf(viewer, x), x));
  const delivered = allDelivered.map((x) => ({ ...x, provider_key: offerProviderKey(x) })).filter((x) => seesMatch(readerOf(viewer, x), x));
  const ofYear = requests.filter((r) => r.received_on >= yearFrom);
  const seenInFull = new Set(ofYear.filter((r) => r.full).map((r) => r.id));
  const items = await itemsOf(
    db,
    ofYear.map((r) => r.id),
  );

  const states = new Map<string, { iso3: string; requests: number; items: number }>();
  for (const r of ofYear) {
    const iso3 = r.state_iso3.trim();
    const s = states.get(iso3) ?? { iso3, requests: 0, items: 0 };
    s.requests++;
    states.set(iso3, s);
  }
  const areaRequests = new Map<string, Set<string>>();
  const areaItems = new Map<string, number>();
  const stateOf = new Map(ofYear.map((r) => [r.id, r.state_iso3.trim()]));
  for (const i of items) {
    for (const a of i.areas) areaRequests.set(a, (areaRequests.get(a) ?? new Set()).add(i.request_id));
    if (!seenInFull.has(i.request_id)) continue;
    states.get(stateOf.get(i.request_id)!)!.items++;
    for (const a of i.areas) areaItems.set(a, (areaItems.get(a) ?? 0) + 1);
  }

  const providers = new Map<string, { provider: string; responses: number; itemsAnswered: number; delivered: number }>();
  const providerRow = (provider: string) => {
    const p = providers.get(provider) ?? { provider, responses: 0, itemsAnswered: 0, delivered: 0 };
    providers.set(provider, p);
    return p;
  };
  for (const x of responses) {
    const p = providerRow(providerKey(x.provider_kind, x.provider_code.trim()));
    p.responses++;
    p.itemsAnswered += x.item_ids.length;
  }
  for (const d of delivered) providerRow(d.provider_key).delivered++;

  return {
    year,
    previousYear,
    basis: figuresBasisOf(viewer),
    newRequests: ofYear.length,
    newRequestsPreviousYear: requests.length - ofYear.length,
    visitInvitations: ofYear.filter((r) => r.full && r.invites_visit).length,
    states: [...states.values()].sort((a, b) => b.requests - a.requests || a.iso3.localeCompare(b.iso3)),
    areas: areas.map((area) => ({ area, requests: areaRequests.get(area)?.size ?? 0, items: areaItems.get(area) ?? 0 })),
    providers: [...providers.values()].sort(
      (a, b) => b.responses - a.responses || b.delivered - a.delivered || a.provider.localeCompare(b.provider),
    ),
    responses: responses.length,
    matchesDelivered: delivered.length,
  };
}
