import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { parseInput, problemsOf } from '../../platform/values/input.ts';
import { type NewUser, newUserInput, normaliseEmail, password, tokenInput } from './inputs.ts';
import { hashPassword } from './passwords.ts';
import type { AppUserTable } from './schema.ts';
import { apiTokenPrefix, newSecret, sha256 } from './tokens.ts';
import { auditedUser } from './viewer.ts';

export { type NewUser, normaliseEmail };

/** The problems of a new account: its fields, then what needs the database (the State, the organization, the e-mail not taken). */
async function checkNewUser(db: Kysely<DB>, input: NewUser): Promise<{ user?: z.output<typeof newUserInput>; problems: FieldProblem[] }> {
  const parsed = newUserInput.safeParse(input);
  const problems = parsed.success ? [] : problemsOf(parsed.error.issues);
  const state = input.stateIso3?.trim().toUpperCase();
  if (state && !(await db.selectFrom('member_state').select('iso3').where('iso3', '=', state).executeTakeFirst()))
    problems.push({ field: 'state', problem: `no Member State has the code ${state}` });
  const organization = input.organizationCode?.trim().toUpperCase();
  if (organization && !(await db.selectFrom('organization').select('code').where('code', '=', organization).executeTakeFirst()))
    problems.push({ field: 'organization', problem: `no organization has the code ${organization}` });
  if (await db.selectFrom('app_user').select('id').where('email', '=', normaliseEmail(input.email)).executeTakeFirst())
    problems.push({ field: 'email', problem: 'is already used by another account' });
  return parsed.success ? { user: parsed.data, problems } : { problems };
}

/**
 * Only an administrator gives the administrator role, takes it away, or disables or enables an
 * administrator. `by` is the account acting through the pages or the API; the command line (no
 * `by`) is the operator of the installation, who may.
 */
export function checkAdminRole(by: Viewer | undefined, role: string, what: string): void {
  if (by && role === 'admin' && by.role !== 'admin')
    throw new AppError('forbidden', `only an administrator may ${what}`, {
      fields: [{ field: 'role', problem: `only an administrator may ${what}` }],
    });
}

export async function addUser(db: Kysely<DB>, actor: Actor, input: NewUser, by?: Viewer): Promise<Selectable<AppUserTable>> {
  checkAdminRole(by, input.role.trim(), 'create an administrator');
  const { user, problems } = await checkNewUser(db, input);
  if (!user || problems.length) throw invalid(problems);
  const passwordHash = await hashPassword(user.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('app_user')
      .values({
        email: user.email,
        display_name: user.displayName,
        role: user.role,
        state_iso3: user.stateIso3 ?? null,
        organization_code: user.organizationCode ?? null,
        password_hash: passwordHash,
        locale: user.locale,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'user',
      recordId: row.id,
      confidentiality: 'committee',
      after: auditedUser(row),
    });
    return row;
  });
}

async function userByEmail(db: Kysely<DB>, email: string) {
  const row = await db.selectFrom('app_user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  if (!row) throw notFound(`the account ${email}`);
  return row;
}

/**
 * Revokes every API token of an account still in force, each with its audit event, in the
 * caller's transaction; returns how many.
 */
async function revokeAllApiTokens(trx: Transaction<DB>, actor: Actor, userId: string): Promise<number> {
  const revokedAt = new Date();
  const rows = await trx
    .updateTable('api_token')
    .set({ revoked_at: revokedAt })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'prefix'])
    .execute();
  for (const row of rows) {
    await recordChange(trx, actor, {
      action: 'archive',
      recordType: 'api-token',
      recordId: row.id,
      confidentiality: 'committee',
      before: { name: row.name, prefix: row.prefix, revokedAt: null },
      after: { name: row.name, prefix: row.prefix, revokedAt },
    });
  }
  return rows.length;
}

/** What a change to an account also ended: its API tokens revoked. */
export interface AccountChange {
  changed: boolean;
  tokensRevoked: number;
}

/** Sets a new password, ends every session of the account and revokes its API tokens. */
export async function resetPassword(db: Kysely<DB>, actor: Actor, email: string, given: string): Promise<AccountChange> {
  const checked = parseInput(z.strictObject({ password }), { password: given });
  const user = await userByEmail(db, email);
  const passwordHash = await hashPassword(checked.password);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, updated_at: new Date(), version: user.version + 1 })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
    await recordChange(trx, actor, {
      action: 'reset-password',
      recordType: 'user',
      recordId: user.id,
      confidentiality: 'committee',
      before: { email: user.email, passwordChanged: false },
      after: { email: user.email, passwordChanged: true },
    });
    return { changed: true, tokensRevoked: await revokeAllApiTokens(trx, actor, user.id) };
  });
}

/**
 * Disabling keeps the account and its history; it ends sessions and revokes its API tokens.
 * Enabling brings back neither: tokens left from before (an account disabled before tokens were
 * revoked with it) are revoked then. Only an administrator disables or enables an administrator
 * (`by`, see `checkAdminRole`).
 */
export async function setUserDisabled(db: Kysely<DB>, actor: Actor, email: string, disabled: boolean, by?: Viewer): Promise<AccountChange> {
  const user = await userByEmail(db, email);
  checkAdminRole(by, user.role, disabled ? 'disable an administrator' : 'enable an administrator');
  return db.transaction().execute(async (trx) => {
    let changed = false;
    if ((user.disabled_at !== null) !== disabled) {
      const after = await trx
        .updateTable('app_user')
        .set({ disabled_at: disabled ? new Date() : null, updated_at: new Date(), version: user.version + 1 })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (disabled) await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
      await recordChange(trx, actor, {
        action: disabled ? 'archive' : 'restore',
        recordType: 'user',
        recordId: user.id,
        confidentiality: 'committee',
        before: auditedUser(user),
        after: auditedUser(after),
      });
      changed = true;
    }
    // An account that stays enabled keeps its tokens.
    const tokensRevoked = disabled || changed ? await revokeAllApiTokens(trx, actor, user.id) : 0;
    return { changed, tokensRevoked };
  });
}

export interface CreatedToken {
  id: string;
  token: string;
  prefix: string;
}

/** The token is shown once; only its SHA-256 is kept. */
export async function createApiToken(
  db: Kysely<DB>,
  actor: Actor,
  userId: string,
  name: string,
  expiresInDays?: number,
): Promise<CreatedToken> {
  const { name: cleanName } = parseInput(tokenInput, { name, expiresInDays });
  const token = newSecret(apiTokenPrefix);
  const prefix = token.slice(0, apiTokenPrefix.length + 6);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_token')
      .values({
        user_id: userId,
        name: cleanName,
        token_hash: sha256(token),
        prefix,
        expires_at: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      })
      .returning(['id', 'created_at', 'expires_at'])
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'api-token',
      recordId: row.id,
      confidentiality: 'committee',
      after: { userId, name: cleanName, prefix, expiresAt: row.expires_at },
    });
    return { id: row.id, token, prefix };
  });
}

export async function revokeApiToken(db: Kysely<DB>, actor: Actor, userId: string, tokenId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_token').selectAll().where('id', '=', tokenId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw notFound('the token');
    if (row.revoked_at) return;
    const revokedAt = new Date();
    await trx.updateTable('api_token').set({ revoked_at: revokedAt }).where('id', '=', tokenId).execute();
    await recordChange(trx, actor, {
      action: 'archive',
      recordType: 'api-token',
      recordId: tokenId,
      confidentiality: 'committee',
      before: { name: row.name, prefix: row.prefix, revokedAt: null },
      after: { name: row.name, prefix: row.prefix, revokedAt },
    });
  });
}

export async function listApiTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}
