// The summaries of requests the States consented to publish and the secretariat posted: all the
// public sees of requests.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { itemsOf } from '../queries.ts';
import type { RequestStatus } from '../schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface PublicSummary {
  id: string;
  state_iso3: string;
  received_on: string;
  summary: string;
  summary_posted_on: string;
  status: RequestStatus;
  areas: string[];
  weapons: string[];
  kinds: string[];
}

/** The summaries the States consented to publish and the secretariat posted: all the public sees of requests. */
export async function publicSummaries(db: Db, f: { year?: number; state?: string } = {}): Promise<PublicSummary[]> {
  let q = db
    .selectFrom('assistance_request as r')
    .select(['r.id', 'r.state_iso3', 'r.received_on', 'r.summary', 'r.summary_posted_on', 'r.status'])
    .where('r.consent_summary', '=', true)
    .where('r.summary_posted_on', 'is not', null)
    .where('r.archived_at', 'is', null);
  if (f.year) q = q.where('r.received_on', '>=', `${f.year}-01-01`).where('r.received_on', '<=', `${f.year}-12-31`);
  if (f.state) q = q.where('r.state_iso3', '=', f.state.toUpperCase());
  const rows = await q.orderBy('r.received_on', 'desc').orderBy('r.id').execute();
  const items = await itemsOf(
    db,
    rows.map((r) => r.id),
  );
  const union = (id: string, k: 'areas' | 'weapons' | 'kinds') =>
    [...new Set(items.filter((i) => i.request_id === id).flatMap((i) => i[k]))].sort();
  return rows.map((r) => ({
    ...r,
    state_iso3: r.state_iso3.trim(),
    summary_posted_on: r.summary_posted_on!,
    areas: union(r.id, 'areas'),
    weapons: union(r.id, 'weapons'),
    kinds: union(r.id, 'kinds'),
  }));
}
