import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { viewerOf } from './viewer.ts';

export async function listUsers(db: Kysely<DB>) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'role', 'state_iso3', 'organization_code', 'disabled_at', 'created_at'])
    .orderBy('email')
    .execute();
}

export async function findUserById(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('app_user').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('app_user').select(['id', 'email', 'disabled_at']).where('email', '=', email).executeTakeFirst();
}

/** The viewer an operator acts as on the command line: the account must exist and be active. */
export async function findActiveViewer(db: Kysely<DB>, email: string): Promise<Viewer | null> {
  const row = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
  return row && !row.disabled_at ? viewerOf(row) : null;
}
