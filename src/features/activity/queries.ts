import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { accountEventsVisibleTo } from '../accounts/index.ts';

/**
 * The accounts the activity feed can be filtered by: those who made a change the viewer may see,
 * by display name (never their e-mail or role).
 */
export async function activityActors(db: Kysely<DB>, viewer: Viewer | null) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('audit_event')
          .select(eb.lit(1).as('one'))
          .whereRef('audit_event.actor_id', '=', 'app_user.id')
          .where(visibleTo<DB, 'audit_event'>(visibilityScope(viewer), 'audit_event.state_iso3'))
          .where(accountEventsVisibleTo(viewer)),
      ),
    )
    .orderBy('display_name')
    .execute();
}
