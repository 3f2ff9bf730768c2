import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The accounts the activity feed can be filtered by. */
export async function activityActors(db: Kysely<DB>) {
  return db.selectFrom('app_user').select(['id', 'display_name', 'email']).orderBy('display_name').execute();
}
