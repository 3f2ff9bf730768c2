// Who reads a request, and what each reader sees of its records: one presenter per record kind and
// reader, which every door reads through (the API, the request page and its history, the bundle
// export, the outputs, the command line), so that no door shows what another hides.
import type { Kysely, Transaction } from 'kysely';
import type { AuditRow } from '../../platform/audit/history.ts';
import type { DB } from '../../platform/db/schema.ts';
import { isCommitteeSide, providerKeyOf, type Viewer } from '../../platform/policy/policy.ts';
import type { CirculationRow, ItemRow, MatchView, RequestRow, ResponseRow, StepRow } from './queries.ts';
import { circulationOf, itemsOf, matchesOfItems, providerKey } from './queries.ts';

/**
 * The Committee side (everything, the overdue flags too), the requesting State (its contact, the
 * responses forwarded to it, the matches put to providers), or a provider the request was
 * circulated to (no contact, its own circulation, responses and matches, the steps without their
 * notes and the people who took them).
 */
export type Audience = 'committee' | 'state' | 'provider';

export interface Reader {
  audience: Audience;
  /** A provider's own key ('organization:WCO'), when it reads as a provider. */
  provider: string | null;
}

export function audienceOf(viewer: Viewer | null, r: Pick<RequestRow, 'state_iso3'>): Audience {
  if (isCommitteeSide(viewer)) return 'committee';
  if (viewer?.role === 'state-contact' && viewer.stateIso3 === r.state_iso3.trim()) return 'state';
  return 'provider';
}

export function readerOf(viewer: Viewer | null, r: Pick<RequestRow, 'state_iso3'>): Reader {
  const audience = audienceOf(viewer, r);
  return { audience, provider: audience === 'provider' ? providerKeyOf(viewer) : null };
}

/** Matches the experts have not yet put to a provider: the Committee side's own working list. */
export const internalMatch = (status: string) => status === 'suggested' || status === 'set-aside';

/** A request's own row: its point of contact only for the Committee side and the State. */
export function seeRequest<R extends Pick<RequestRow, 'contact_name' | 'contact_email'>>(reader: Reader, r: R): R {
  return reader.audience === 'provider' ? { ...r, contact_name: '', contact_email: '' } : r;
}

/** A step of the procedure: a provider sees that it was taken, not its note or who took it. */
export function seeStep<S extends Pick<StepRow, 'note' | 'actor_label' | 'actor_id'>>(reader: Reader, s: S): S {
  return reader.audience === 'provider' ? { ...s, note: '', actor_label: '', actor_id: null } : s;
}

const ownBy = (reader: Reader, key: string) => reader.audience !== 'provider' || key === reader.provider;

/** The circulation: a provider sees only its own. */
export const seesCirculation = (reader: Reader, c: Pick<CirculationRow, 'provider_kind' | 'provider_code'>) =>
  ownBy(reader, providerKey(c.provider_kind, c.provider_code.trim()));

/** A provider's response: the Committee side all, a provider its own, the State those forwarded to it. */
export const seesResponse = (reader: Reader, x: Pick<ResponseRow, 'provider_kind' | 'provider_code' | 'forwarded_on'>) =>
  ownBy(reader, providerKey(x.provider_kind, x.provider_code.trim())) && (reader.audience !== 'state' || x.forwarded_on !== null);

/**
 * A match: the Committee side all; beyond it, only those put to a provider (not suggested or set
 * aside) with an offer the reader may see (public, or a provider's own), and a provider only its own.
 */
export const seesMatch = (reader: Reader, x: Pick<MatchView, 'status' | 'provider_key' | 'offer_confidentiality'>) =>
  reader.audience === 'committee' ||
  (!internalMatch(x.status) &&
    ownBy(reader, x.provider_key) &&
    (x.offer_confidentiality === 'public' || x.provider_key === reader.provider));

/** Everything recorded of one request. */
export interface RequestRecords {
  request: RequestRow;
  items: ItemRow[];
  steps: StepRow[];
  circulation: CirculationRow[];
  responses: ResponseRow[];
  matches: MatchView[];
}

/** A request with its records as the reader sees them: what is blanked, blanked; what is hidden, left out. */
export function requestSeenBy(reader: Reader, all: RequestRecords): RequestRecords {
  return {
    request: seeRequest(reader, all.request),
    items: all.items,
    steps: all.steps.map((s) => seeStep(reader, s)),
    circulation: all.circulation.filter((c) => seesCirculation(reader, c)),
    responses: all.responses.filter((x) => seesResponse(reader, x)),
    matches: all.matches.filter((x) => seesMatch(reader, x)),
  };
}

/** What the doors that show a request as it is now leave out: removed items, their matches, archived responses. */
export function currentOf(records: RequestRecords): RequestRecords {
  const items = records.items.filter((i) => i.removed_at === null);
  const kept = new Set(items.map((i) => i.id));
  return {
    ...records,
    items,
    responses: records.responses.filter((x) => x.archived_at === null),
    matches: records.matches.filter((x) => kept.has(x.item_id)),
  };
}

const idOf = (snapshot: unknown): string | undefined =>
  snapshot && typeof snapshot === 'object' && typeof (snapshot as { id?: unknown }).id === 'string'
    ? (snapshot as { id: string }).id
    : undefined;

/**
 * A request's history as the reader may read it (the Committee side and the State read it): the
 * events of a response or a match only while the reader sees that response or match now, and of
 * the engine's suggestions only those it sees.
 */
export function historySeenBy(reader: Reader, events: AuditRow[], seen: RequestRecords): AuditRow[] {
  if (reader.audience === 'committee') return events;
  const responses = new Set(seen.responses.map((x) => x.id));
  const matches = new Set(seen.matches.map((x) => x.id));
  return events.flatMap((e): AuditRow[] => {
    if (e.action === 'response') return responses.has(idOf(e.after) ?? '') ? [e] : [];
    if (e.action === 'matches:suggest') {
      const shown = Array.isArray(e.after) ? e.after.filter((x) => matches.has(idOf(x) ?? '')) : [];
      return shown.length ? [{ ...e, after: shown }] : [];
    }
    if (e.action === 'matches:add' || e.action.startsWith('match:')) return matches.has(idOf(e.after) ?? '') ? [e] : [];
    return [e];
  });
}

/**
 * Everything recorded of these requests (removed items, archived responses and all), by request:
 * what the presenters of `readers.ts` read from. Five queries whatever the number of requests.
 */
export async function requestRecordsOf(
  db: Kysely<DB> | Transaction<DB>,
  rows: readonly RequestRow[],
): Promise<Map<string, RequestRecords>> {
  const ids = rows.map((r) => r.id);
  const out = new Map<string, RequestRecords>(
    rows.map((request) => [request.id, { request, items: [], steps: [], circulation: [], responses: [], matches: [] }]),
  );
  if (!ids.length) return out;
  const [items, steps, circulation, responses] = await Promise.all([
    itemsOf(db, ids, true),
    db
      .selectFrom('assistance_step')
      .selectAll()
      .where('request_id', 'in', ids)
      .orderBy('taken_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    circulationOf(db, ids),
    db
      .selectFrom('assistance_response')
      .selectAll()
      .where('request_id', 'in', ids)
      .orderBy('responded_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const matches = await matchesOfItems(
    db,
    items.map((i) => i.id),
  );
  const requestOfItem = new Map(items.map((i) => [i.id, i.request_id]));
  for (const i of items) out.get(i.request_id)!.items.push(i);
  for (const s of steps) out.get(s.request_id)!.steps.push(s);
  for (const c of circulation) out.get(c.request_id)!.circulation.push(c);
  for (const x of responses) out.get(x.request_id)!.responses.push(x);
  for (const x of matches) out.get(requestOfItem.get(x.item_id)!)!.matches.push(x);
  return out;
}

/** One request and its records, as the reader sees them now: the API's answer, the request page. */
export async function requestAsSeen(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer | null,
  r: RequestRow,
): Promise<{ reader: Reader; seen: RequestRecords }> {
  const reader = readerOf(viewer, r);
  const all = (await requestRecordsOf(db, [r])).get(r.id)!;
  return { reader, seen: currentOf(requestSeenBy(reader, all)) };
}
