import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
