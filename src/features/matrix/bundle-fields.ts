import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { AppUserTable } from '../accounts/index.ts';

/*
 * What the matrix's bundle sections share: a moment as a bundle writes it, and the accounts a
 * record names by e-mail (authors, deciders, experts), which must exist in the receiving database.
 */

export type Account = Selectable<AppUserTable>;

export const instant = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address');

/** The accounts with these e-mails, by e-mail. */
export async function accountsByEmail(db: Kysely<DB> | Transaction<DB>, emails: readonly (string | null)[]): Promise<Map<string, Account>> {
  const wanted = [...new Set(emails.filter((e): e is string => !!e))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('app_user').selectAll().where('email', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.email, r]));
}
