// The consolidated list: every request the viewer may see, with its items, the providers'
// responses and the offers matched with each item, each read through the presenters of readers.ts.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { isCommitteeSide, type Viewer } from '../../../platform/policy/policy.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import type { Flag } from '../procedure/procedure.ts';
import {
  flagsOf,
  type ItemRow,
  itemsOf,
  listRequests,
  type MatchView,
  matchesOfItems,
  providerKey,
  type RequestFilters,
  responsesOf,
} from '../queries.ts';
import { readerOf, seesMatch, seesResponse } from '../readers.ts';
import type { Channel, MatchStatus, Priority, RequestStatus } from '../schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

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
