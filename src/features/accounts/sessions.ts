import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { apiTokenPrefix, newSecret, sha256 } from './tokens.ts';
import { viewerOf } from './viewer.ts';

const day = 24 * 60 * 60 * 1000;

export async function createSession(db: Kysely<DB>, userId: string, days: number): Promise<string> {
  const token = newSecret();
  const now = new Date();
  // Expired sessions are removed when they are next used, or here, whichever comes first.
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
  await db
    .insertInto('session')
    .values({ id: sha256(token), user_id: userId, expires_at: new Date(now.getTime() + days * day), last_seen_at: now })
    .execute();
  return token;
}

/** The account behind a session cookie; the expiry slides forward at most once an hour. */
export async function viewerFromSession(db: Kysely<DB>, token: string, days: number): Promise<Viewer | null> {
  const id = sha256(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .selectAll('app_user')
    .select(['session.expires_at', 'session.last_seen_at'])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return null;
  const now = Date.now();
  if (row.expires_at.getTime() <= now) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  if (now - row.last_seen_at.getTime() > 60 * 60 * 1000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(now), expires_at: new Date(now + days * day) })
      .where('id', '=', id)
      .execute();
  }
  return viewerOf(row);
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sha256(token)).execute();
}

export async function viewerFromApiToken(db: Kysely<DB>, token: string): Promise<Viewer | null> {
  if (!token.startsWith(apiTokenPrefix)) return null;
  const row = await db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .selectAll('app_user')
    .select(['api_token.id as token_id', 'api_token.expires_at', 'api_token.revoked_at', 'api_token.last_used_at'])
    .where('api_token.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || row.revoked_at !== null) return null;
  if (row.expires_at && row.expires_at.getTime() <= Date.now()) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60 * 1000) {
    await db.updateTable('api_token').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  }
  return viewerOf(row);
}
