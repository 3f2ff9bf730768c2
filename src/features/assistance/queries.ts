import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { canSeeRequest, isCommitteeSide, providerKeyOf, type Viewer } from '../../platform/policy/policy.ts';
import { type Flag, overdue } from './procedure/procedure.ts';
import { stateOf } from './procedure/state.ts';
import type {
  AssistanceCirculationTable,
  AssistanceMatchTable,
  AssistanceOfferTable,
  AssistanceRequestItemTable,
  AssistanceRequestTable,
  AssistanceResponseTable,
  AssistanceStepTable,
  ProviderKind,
  RequestStatus,
} from './schema.ts';

export type RequestRow = Selectable<AssistanceRequestTable>;
export type ItemRow = Selectable<AssistanceRequestItemTable>;
export type StepRow = Selectable<AssistanceStepTable>;
export type OfferRow = Selectable<AssistanceOfferTable>;
export type CirculationRow = Selectable<AssistanceCirculationTable>;
export type ResponseRow = Selectable<AssistanceResponseTable>;
export type MatchRow = Selectable<AssistanceMatchTable>;
type Db = Kysely<DB> | Transaction<DB>;

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export const providerKey = (kind: ProviderKind, code: string) => `${kind}:${code}`;
export function parseProviderKey(key: string): { kind: ProviderKind; code: string } | null {
  const m = /^(state|organization):([A-Za-z0-9._-]{1,40})$/.exec(key.trim());
  if (!m) return null;
  return { kind: m[1] as ProviderKind, code: m[1] === 'state' ? m[2]!.toUpperCase() : m[2]! };
}
export const offerProviderKey = (o: Pick<OfferRow, 'provider_kind' | 'provider_state_iso3' | 'provider_organization_code'>) =>
  o.provider_kind === 'state'
    ? providerKey('state', o.provider_state_iso3!.trim())
    : providerKey('organization', o.provider_organization_code!);

/**
 * The policy's rule for requests as a where-clause: the Committee side sees every request; a
 * State's point of contact its own State's (committee-and-state); a provider those circulated to
 * it; the public none (it sees consented summaries through `publicSummaries`).
 */
export function requestVisible(viewer: Viewer | null) {
  return (eb: ExpressionBuilder<DB, 'assistance_request'>) => {
    if (isCommitteeSide(viewer)) return eb.lit(true);
    const parts = [];
    if (viewer?.role === 'state-contact' && viewer.stateIso3)
      parts.push(
        eb.and([
          eb('assistance_request.confidentiality', '=', 'committee-and-state'),
          eb('assistance_request.state_iso3', '=', viewer.stateIso3),
        ]),
      );
    const key = providerKeyOf(viewer);
    if (key) {
      const p = parseProviderKey(key)!;
      parts.push(
        eb.exists(
          eb
            .selectFrom('assistance_circulation as c')
            .select('c.id')
            .whereRef('c.request_id', '=', 'assistance_request.id')
            .where('c.provider_kind', '=', p.kind)
            .where('c.provider_code', '=', p.code),
        ),
      );
    }
    return parts.length ? eb.or(parts) : eb.lit(false);
  };
}

export interface RequestFilters {
  state?: string;
  year?: number;
  status?: RequestStatus;
  /** Received from / to (ISO dates, inclusive). */
  from?: string;
  to?: string;
  includeArchived?: boolean;
}

function requestWhere(viewer: Viewer | null, f: RequestFilters) {
  return (eb: ExpressionBuilder<DB, 'assistance_request'>) => {
    const parts = [requestVisible(viewer)(eb)];
    if (!f.includeArchived) parts.push(eb('assistance_request.archived_at', 'is', null));
    if (f.state) parts.push(eb('assistance_request.state_iso3', '=', f.state.toUpperCase()));
    if (f.year) {
      parts.push(eb('assistance_request.received_on', '>=', `${f.year}-01-01`));
      parts.push(eb('assistance_request.received_on', '<=', `${f.year}-12-31`));
    }
    if (f.from) parts.push(eb('assistance_request.received_on', '>=', f.from));
    if (f.to) parts.push(eb('assistance_request.received_on', '<=', f.to));
    if (f.status) parts.push(eb('assistance_request.status', '=', f.status));
    return eb.and(parts);
  };
}

/** A page of the requests the viewer may see, newest first, and how many there are. */
export async function listRequests(
  db: Db,
  viewer: Viewer | null,
  f: RequestFilters = {},
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ total: number; rows: RequestRow[] }> {
  const where = requestWhere(viewer, f);
  const [count, rows] = await Promise.all([
    db
      .selectFrom('assistance_request')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('assistance_request')
      .selectAll()
      .where(where)
      .orderBy('received_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The providers a request was circulated to, as provider keys. */
export async function circulationOf(db: Db, requestIds: string[]): Promise<CirculationRow[]> {
  if (!requestIds.length) return [];
  return db
    .selectFrom('assistance_circulation')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .orderBy('circulated_on')
    .orderBy('provider_code')
    .execute();
}

/** One request, if the viewer may see it (else undefined: the caller says 404). */
export async function findRequest(db: Db, viewer: Viewer | null, id: string): Promise<RequestRow | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('assistance_request').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const circulated = (await circulationOf(db, [id])).map((c) => providerKey(c.provider_kind, c.provider_code.trim()));
  return canSeeRequest(viewer, { confidentiality: row.confidentiality, stateIso3: row.state_iso3.trim() }, circulated) ? row : undefined;
}

export async function itemsOf(db: Db, requestIds: string[], includeRemoved = false): Promise<ItemRow[]> {
  if (!requestIds.length) return [];
  let q = db.selectFrom('assistance_request_item').selectAll().where('request_id', 'in', requestIds);
  if (!includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('request_id').orderBy('position').execute();
}

export async function stepsOf(db: Db, requestId: string): Promise<StepRow[]> {
  return db
    .selectFrom('assistance_step')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('taken_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The responses to these requests (not archived), oldest first: readers see them through `seesResponse`. */
export async function responsesOf(db: Db, requestIds: string[]): Promise<ResponseRow[]> {
  if (!requestIds.length) return [];
  return db
    .selectFrom('assistance_response')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .where('archived_at', 'is', null)
    .orderBy('responded_on')
    .orderBy('created_at')
    .execute();
}

export interface MatchView extends MatchRow {
  offer_title: string;
  provider_key: string;
  offer_confidentiality: OfferRow['confidentiality'];
}

/** The matches of these request items with their offers: readers see them through `seesMatch`. */
export async function matchesOfItems(db: Db, itemIds: string[]): Promise<MatchView[]> {
  if (!itemIds.length) return [];
  const rows = await db
    .selectFrom('assistance_match as m')
    .innerJoin('assistance_offer as o', 'o.id', 'm.offer_id')
    .selectAll('m')
    .select([
      'o.title as offer_title',
      'o.confidentiality as offer_confidentiality',
      'o.provider_kind',
      'o.provider_state_iso3',
      'o.provider_organization_code',
    ])
    .where('m.item_id', 'in', itemIds)
    .orderBy('m.item_id')
    .orderBy('m.score', 'desc')
    .orderBy('m.offer_id')
    .execute();
  return rows.map(({ provider_kind, provider_state_iso3, provider_organization_code, ...m }) => ({
    ...m,
    provider_key: offerProviderKey({ provider_kind, provider_state_iso3, provider_organization_code }),
  }));
}

/** The deadlines passed, per request, for a list (one query for the steps, one for the responses). */
export async function flagsOf(db: Db, rows: RequestRow[], today: string): Promise<Map<string, Flag[]>> {
  const ids = rows.map((r) => r.id);
  const out = new Map<string, Flag[]>();
  if (!ids.length) return out;
  const [steps, responses] = await Promise.all([
    db
      .selectFrom('assistance_step')
      .select(['request_id', 'action', 'taken_on'])
      .where('request_id', 'in', ids)
      .orderBy('taken_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('assistance_response')
      .select(['request_id', 'responded_on', 'forwarded_on'])
      .where('request_id', 'in', ids)
      .where('archived_at', 'is', null)
      .execute(),
  ]);
  for (const r of rows)
    out.set(
      r.id,
      overdue(
        stateOf(
          r,
          steps.filter((s) => s.request_id === r.id),
          responses.filter((x) => x.request_id === r.id),
        ),
        today,
      ),
    );
  return out;
}

/** Offers: public ones for everyone, all for the Committee side, and a provider's own. */
export function offerVisible(viewer: Viewer | null) {
  return (eb: ExpressionBuilder<DB, 'assistance_offer'>) => {
    if (isCommitteeSide(viewer)) return eb.lit(true);
    const parts = [eb('assistance_offer.confidentiality', '=', 'public')];
    const key = providerKeyOf(viewer);
    if (key) {
      const p = parseProviderKey(key)!;
      parts.push(
        eb(p.kind === 'state' ? 'assistance_offer.provider_state_iso3' : 'assistance_offer.provider_organization_code', '=', p.code),
      );
    }
    return eb.or(parts);
  };
}

export interface OfferFilters {
  provider?: string;
  area?: string;
  includeArchived?: boolean;
}

export async function listOffers(db: Db, viewer: Viewer | null, f: OfferFilters = {}): Promise<OfferRow[]> {
  let q = db.selectFrom('assistance_offer').selectAll().where(offerVisible(viewer));
  if (!f.includeArchived) q = q.where('archived_at', 'is', null);
  if (f.area) q = q.where(sql<boolean>`${f.area} = any(areas)`);
  if (f.provider) {
    const p = parseProviderKey(f.provider);
    if (!p) return [];
    q = q.where(p.kind === 'state' ? 'provider_state_iso3' : 'provider_organization_code', '=', p.code);
  }
  return q
    .orderBy('provider_kind')
    .orderBy('provider_organization_code')
    .orderBy('provider_state_iso3')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function findOffer(db: Db, viewer: Viewer | null, id: string): Promise<OfferRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('assistance_offer').selectAll().where('id', '=', id).where(offerVisible(viewer)).executeTakeFirst();
}

/** The weights in force: the newest saved, or none (the engine's defaults). */
export async function currentWeights(db: Db): Promise<Record<string, unknown> | null> {
  const row = await db
    .selectFrom('assistance_weights')
    .select('weights')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.weights ?? null;
}

/**
 * What each provider has delivered, by the items' areas and weapon types: the engine's track record.
 */
export async function deliveredByProvider(db: Db): Promise<Map<string, { areas: string[]; weapons: string[] }[]>> {
  const rows = await db
    .selectFrom('assistance_match as m')
    .innerJoin('assistance_offer as o', 'o.id', 'm.offer_id')
    .innerJoin('assistance_request_item as i', 'i.id', 'm.item_id')
    .select(['o.provider_kind', 'o.provider_state_iso3', 'o.provider_organization_code', 'i.areas', 'i.weapons'])
    .where('m.status', '=', 'delivered')
    .execute();
  const out = new Map<string, { areas: string[]; weapons: string[] }[]>();
  for (const r of rows) {
    const key = offerProviderKey(r);
    out.set(key, [...(out.get(key) ?? []), { areas: r.areas, weapons: r.weapons }]);
  }
  return out;
}
