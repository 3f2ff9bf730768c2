import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { normaliseEmail, tooManyAttempts } from './commands.ts';
import { verifyPassword } from './passwords.ts';
import { viewerOf } from './viewer.ts';

export interface ThrottleRules {
  maxFailures: number;
  windowMinutes: number;
}

/**
 * Checks a password. Failures are counted per e-mail as typed and per address, whether or not
 * the account exists, and the answer is the same for a wrong e-mail and a wrong password.
 */
export async function logIn(
  db: Kysely<DB>,
  rules: ThrottleRules,
  input: { email: string; password: string; address: string },
): Promise<Viewer> {
  const key = normaliseEmail(input.email);
  const since = new Date(Date.now() - rules.windowMinutes * 60_000);
  // Failures older than the window no longer count: forget them.
  await db.deleteFrom('login_failure').where('at', '<', since).execute();
  const counts = await db
    .selectFrom('login_failure')
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('account_key', '=', key).as('forAccount'),
      eb.fn.count<string>('id').filterWhere('address', '=', input.address).as('forAddress'),
    ])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('account_key', '=', key), eb('address', '=', input.address)]))
    .executeTakeFirstOrThrow();
  if (Number(counts.forAccount) >= rules.maxFailures || Number(counts.forAddress) >= rules.maxFailures * 4) {
    throw tooManyAttempts(rules.windowMinutes);
  }
  const user = await db.selectFrom('app_user').selectAll().where('email', '=', key).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.disabled_at !== null) {
    await db.insertInto('login_failure').values({ account_key: key, address: input.address }).execute();
    throw new AppError('unauthenticated', 'the e-mail address or the password is wrong');
  }
  await db.deleteFrom('login_failure').where('account_key', '=', key).execute();
  return viewerOf(user);
}
