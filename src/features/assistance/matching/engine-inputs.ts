// What the engine reads from the database: the items (with their request's State, region and
// languages), the current offers, the providers' track record and the weights in force.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { currentWeights, type OfferRow, offerProviderKey } from '../queries.ts';
import type { MatchItem, MatchOffer } from './matching.ts';
import { parseWeights } from './weights.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The engine's inputs for a set of items (their request's State, region and languages). */
export async function matchItemsOf(db: Db, requestIds?: string[]): Promise<MatchItem[]> {
  let q = db
    .selectFrom('assistance_request_item as i')
    .innerJoin('assistance_request as r', 'r.id', 'i.request_id')
    .innerJoin('member_state as s', 's.iso3', 'r.state_iso3')
    .select([
      'i.id',
      'i.request_id',
      'r.state_iso3',
      's.regional_group',
      'r.languages',
      'i.paragraphs',
      'i.weapons',
      'i.areas',
      'i.kinds',
      'r.received_on',
    ])
    .where('i.removed_at', 'is', null)
    .where('r.archived_at', 'is', null);
  if (requestIds) q = q.where('i.request_id', 'in', requestIds.length ? requestIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.orderBy('r.received_on').orderBy('i.position').execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    stateIso3: r.state_iso3.trim(),
    region: r.regional_group,
    languages: r.languages,
    paragraphs: r.paragraphs,
    weapons: r.weapons,
    areas: r.areas,
    kinds: r.kinds,
    receivedOn: r.received_on,
  }));
}

export function matchOfferOf(o: OfferRow): MatchOffer {
  return {
    id: o.id,
    providerKey: offerProviderKey(o),
    paragraphs: o.paragraphs,
    weapons: o.weapons,
    areas: o.areas,
    kinds: o.kinds,
    regions: o.regions,
    languages: o.languages,
    periodFrom: o.period_from,
    periodTo: o.period_to,
  };
}

export async function activeOffers(db: Db): Promise<OfferRow[]> {
  return db.selectFrom('assistance_offer').selectAll().where('archived_at', 'is', null).orderBy('id').execute();
}

/** The weights in force, parsed (saved weights were checked when saved). */
export async function weightsInForce(db: Db) {
  return parseWeights((await currentWeights(db)) ?? {});
}
