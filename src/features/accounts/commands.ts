import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { type Role, roles } from '../../platform/policy/levels.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { AppUserTable } from './schema.ts';
import { apiTokenPrefix, newSecret, sha256 } from './tokens.ts';
import { auditedUser } from './viewer.ts';

export interface NewUser {
  email: string;
  displayName: string;
  role: string;
  password: string;
  stateIso3?: string | null;
  organizationCode?: string | null;
  locale?: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function checkNewUser(db: Kysely<DB>, input: NewUser): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const email = normaliseEmail(input.email);
  if (!emailPattern.test(email)) problems.push({ field: 'email', problem: 'is not an e-mail address' });
  if (!input.displayName.trim()) problems.push({ field: 'displayName', problem: 'is required' });
  if (!(roles as readonly string[]).includes(input.role)) problems.push({ field: 'role', problem: `must be one of ${roles.join(', ')}` });
  const pw = passwordProblem(input.password);
  if (pw) problems.push({ field: 'password', problem: pw });
  if (input.locale && !isLocale(input.locale)) problems.push({ field: 'locale', problem: 'is not one of ar, zh, en, fr, ru, es' });
  if (input.role === 'state-contact' && !input.stateIso3)
    problems.push({ field: 'state', problem: 'is required for a State point of contact' });
  if (input.role === 'provider' && !input.stateIso3 && !input.organizationCode)
    problems.push({ field: 'organization', problem: 'a provider speaks for a State or an organization' });
  if (input.stateIso3) {
    const s = await db.selectFrom('member_state').select('iso3').where('iso3', '=', input.stateIso3).executeTakeFirst();
    if (!s) problems.push({ field: 'state', problem: `no Member State has the code ${input.stateIso3}` });
  }
  if (input.organizationCode) {
    const o = await db.selectFrom('organization').select('code').where('code', '=', input.organizationCode).executeTakeFirst();
    if (!o) problems.push({ field: 'organization', problem: `no organization has the code ${input.organizationCode}` });
  }
  const taken = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) problems.push({ field: 'email', problem: 'is already used by another account' });
  return problems;
}

export async function addUser(db: Kysely<DB>, actor: Actor, input: NewUser): Promise<Selectable<AppUserTable>> {
  const problems = await checkNewUser(db, input);
  if (problems.length) throw invalid(problems);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('app_user')
      .values({
        email: normaliseEmail(input.email),
        display_name: input.displayName.trim(),
        role: input.role as Role,
        state_iso3: input.stateIso3 ?? null,
        organization_code: input.organizationCode ?? null,
        password_hash: passwordHash,
        locale: input.locale ?? 'en',
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

/** Sets a new password and ends every session of the account. */
export async function resetPassword(db: Kysely<DB>, actor: Actor, email: string, password: string): Promise<void> {
  const pw = passwordProblem(password);
  if (pw) throw invalid([{ field: 'password', problem: pw }]);
  const user = await userByEmail(db, email);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
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
  });
}

/** Disabling keeps the account and its history; it ends sessions and stops its API tokens. */
export async function setUserDisabled(db: Kysely<DB>, actor: Actor, email: string, disabled: boolean): Promise<void> {
  const user = await userByEmail(db, email);
  if ((user.disabled_at !== null) === disabled) return;
  await db.transaction().execute(async (trx) => {
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
  const cleanName = name.trim();
  if (!cleanName) throw invalid([{ field: 'name', problem: 'is required' }]);
  if (cleanName.length > 100) throw invalid([{ field: 'name', problem: 'must be at most 100 characters' }]);
  if (expiresInDays !== undefined && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650))
    throw invalid([{ field: 'expiresInDays', problem: 'must be a whole number of days from 1 to 3650' }]);
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

export function tooManyAttempts(minutes: number): AppError {
  return new AppError('too-many-requests', `too many failed attempts: try again in ${minutes} minutes`, {
    retryAfterSeconds: minutes * 60,
  });
}
