import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { normaliseEmail } from './commands.ts';
import { verifyPassword } from './passwords.ts';
import { viewerOf } from './viewer.ts';

export interface ThrottleRules {
  maxFailures: number;
  windowMinutes: number;
}

/** The failures in the window that concern one attempt, and the seconds since the last of each kind. */
export interface FailureCounts {
  /** This client on this account. */
  pair: number;
  pairSince: number | null;
  /** This client on any account. */
  client: number;
  clientSince: number | null;
  /** Any client on this account. */
  account: number;
  accountSince: number | null;
}

/** A wait that doubles with each failure past a threshold, from `first` seconds up to `cap`. */
function doubling(failures: number, threshold: number, first: number, cap: number): number {
  if (failures < threshold) return 0;
  return Math.min(cap, first * 2 ** Math.min(failures - threshold, 30));
}

/**
 * How many seconds this attempt must still wait (0: it may try). Back-off, not a wall:
 * - one client on one account: after `maxFailures` failures, 30 s, doubling with each further
 *   failure up to the window (the account's owner elsewhere is not held up);
 * - one client on any account (guessing across accounts): after 4 × `maxFailures`, 1 s, doubling up
 *   to the window;
 * - any client on one account (guessing from many addresses): after 4 × `maxFailures`, 1 s, doubling
 *   up to a minute, so that the right password from elsewhere waits at most that long.
 * Each wait runs from the last failure of its kind; a refused attempt is not a failure.
 */
export function waitSeconds(counts: FailureCounts, rules: ThrottleRules): number {
  const window = rules.windowMinutes * 60;
  const many = rules.maxFailures * 4;
  const waits = [
    [doubling(counts.pair, rules.maxFailures, 30, window), counts.pairSince],
    [doubling(counts.client, many, 1, window), counts.clientSince],
    [doubling(counts.account, many, 1, 60), counts.accountSince],
  ] as const;
  let wait = 0;
  for (const [backOff, since] of waits) if (backOff > 0) wait = Math.max(wait, backOff - (since ?? 0));
  return Math.max(0, Math.ceil(wait));
}

async function failureCounts(db: Kysely<DB>, key: string, address: string, windowMinutes: number): Promise<FailureCounts> {
  const pair = sql<boolean>`account_key = ${key} and address = ${address}`;
  const client = sql<boolean>`address = ${address}`;
  const account = sql<boolean>`account_key = ${key}`;
  const since = (where: typeof pair) => sql<number | null>`extract(epoch from clock_timestamp() - max(at) filter (where ${where}))::float8`;
  const row = await db
    .selectFrom('login_failure')
    .select([
      sql<string>`count(*) filter (where ${pair})`.as('pair'),
      since(pair).as('pairSince'),
      sql<string>`count(*) filter (where ${client})`.as('client'),
      since(client).as('clientSince'),
      sql<string>`count(*) filter (where ${account})`.as('account'),
      since(account).as('accountSince'),
    ])
    .where(sql<boolean>`at > clock_timestamp() - make_interval(mins => ${windowMinutes})`)
    .where((eb) => eb.or([eb('account_key', '=', key), eb('address', '=', address)]))
    .executeTakeFirstOrThrow();
  return {
    pair: Number(row.pair),
    pairSince: row.pairSince,
    client: Number(row.client),
    clientSince: row.clientSince,
    account: Number(row.account),
    accountSince: row.accountSince,
  };
}

export function tooManyAttempts(seconds: number): AppError {
  return new AppError('too-many-requests', `too many failed attempts: try again in ${seconds} seconds`, { retryAfterSeconds: seconds });
}

/**
 * Checks a password. Failures are counted per e-mail as typed and per client address (see
 * `clientAddress`), whether or not the account exists, and the answer is the same for a wrong
 * e-mail and a wrong password. A client that failed too often waits (`waitSeconds`).
 */
export async function logIn(
  db: Kysely<DB>,
  rules: ThrottleRules,
  input: { email: string; password: string; address: string },
): Promise<Viewer> {
  const key = normaliseEmail(input.email);
  // Failures older than the window no longer count: forget them.
  await db
    .deleteFrom('login_failure')
    .where('at', '<', new Date(Date.now() - rules.windowMinutes * 60_000))
    .execute();
  const wait = waitSeconds(await failureCounts(db, key, input.address, rules.windowMinutes), rules);
  if (wait > 0) throw tooManyAttempts(wait);
  const user = await db.selectFrom('app_user').selectAll().where('email', '=', key).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.disabled_at !== null) {
    await db.insertInto('login_failure').values({ account_key: key, address: input.address }).execute();
    throw new AppError('unauthenticated', 'the e-mail address or the password is wrong');
  }
  // This client's failures on this account are forgiven; others' stay counted.
  await db.deleteFrom('login_failure').where('account_key', '=', key).where('address', '=', input.address).execute();
  return viewerOf(user);
}
