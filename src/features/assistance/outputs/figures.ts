// The figures of a year: new requests against the year before, the requesting States, items per
// area, responses and deliveries per provider, counted over what the viewer may see.
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { isCommitteeSide, type Viewer } from '../../../platform/policy/policy.ts';
import { itemsOf, providerKey, requestVisible } from '../queries.ts';
import { matchesBetween, responsesBetween } from './period.ts';
import { readerOf, seesMatch, seesResponse } from '../readers.ts';
import { type Area, areas } from '../taxonomy.ts';

type Db = Kysely<DB> | Transaction<DB>;
type RequestEb = ExpressionBuilder<DB, 'assistance_request'>;

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
    responsesBetween(db, viewer, yearFrom, yearTo),
    matchesBetween(db, viewer, yearFrom, yearTo),
  ]);
  // A provider counts its own responses. The State counts every response to its requests, forwarded
  // or not: the number, not the response, which its request page shows once forwarded.
  const responses = allResponses.filter((x) => readerOf(viewer, x).audience !== 'provider' || seesResponse(readerOf(viewer, x), x));
  const delivered = allDelivered.filter((x) => x.status === 'delivered' && seesMatch(readerOf(viewer, x), x));
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
