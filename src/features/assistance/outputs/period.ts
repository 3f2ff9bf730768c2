// What the outputs read of a period: the responses received and the matches changed between two
// days, on the requests the viewer may see (not archived), each with its request's State and day.
// The presenters of readers.ts then say which of them the viewer sees.
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import { offerProviderKey, requestVisible } from '../queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

const current = (viewer: Viewer | null) => (eb: ExpressionBuilder<DB, 'assistance_request'>) =>
  eb.and([requestVisible(viewer)(eb), eb('assistance_request.archived_at', 'is', null)]);

/** The responses received from one day to another (inclusive), oldest first. */
export function responsesBetween(db: Db, viewer: Viewer | null, from: string, to: string) {
  return db
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
    .where(current(viewer))
    .where('x.archived_at', 'is', null)
    .where('x.responded_on', '>=', from)
    .where('x.responded_on', '<=', to)
    .orderBy('x.responded_on')
    .orderBy('x.created_at')
    .orderBy('x.id')
    .execute();
}

/** The matches of current items whose latest status falls from one day to another, with their offer's provider. */
export async function matchesBetween(db: Db, viewer: Viewer | null, from: string, to: string) {
  const rows = await db
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
    .where(current(viewer))
    .where('i.removed_at', 'is', null)
    .where('m.status_on', '>=', from)
    .where('m.status_on', '<=', to)
    .orderBy('m.status_on')
    .orderBy('assistance_request.received_on')
    .orderBy('i.position')
    .orderBy('m.id')
    .execute();
  return rows.map((x) => ({ ...x, provider_key: offerProviderKey(x) }));
}
