import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The Member States as at a date: the one rule every figure "as at" a date counts over (reporting
 * status, plans, letters to the non-reporting States, matrix figures, points of contact). A State
 * counts from the day it was admitted to the United Nations (`un_member_since`, inclusive): South
 * Sudan (14 July 2011) is not among the Member States as at 31 December 2010, Montenegro (28 June
 * 2006) not before 2006. An archived State counts on no date. Membership is public: the list is
 * the same for every reader.
 */

/** What the rule reads of a State. */
export interface Membership {
  iso3: string;
  /** ISO date of admission. */
  unMemberSince: string;
  archived?: boolean;
}

/** Whether a State was a Member State on a date (ISO): admitted on or before it, and not archived. */
export function isMemberOn(state: Pick<Membership, 'unMemberSince' | 'archived'>, date: string): boolean {
  return !state.archived && state.unMemberSince <= date;
}

/** The Member States as at a date, of those given, in their order. */
export function membersAsAt<T extends Pick<Membership, 'unMemberSince' | 'archived'>>(states: readonly T[], date: string): T[] {
  return states.filter((s) => isMemberOn(s, date));
}

/** The same rule in SQL, for a `member_state` row under `alias` and a date (ISO) or a date column. */
export function memberOnSql(alias: string, date: string | RawBuilder<unknown>): RawBuilder<boolean> {
  const on = typeof date === 'string' ? sql`${date}::date` : date;
  return sql<boolean>`(${sql.ref(`${alias}.archived_at`)} is null and ${sql.ref(`${alias}.un_member_since`)} <= ${on})`;
}

/** Every State with its admission date (archived ones marked): what the rule needs to answer for any date. */
export async function memberships(db: Kysely<DB> | Transaction<DB>): Promise<Membership[]> {
  const rows = await db.selectFrom('member_state').select(['iso3', 'un_member_since', 'archived_at']).orderBy('iso3').execute();
  return rows.map((r) => ({ iso3: r.iso3.trim(), unMemberSince: String(r.un_member_since), archived: r.archived_at !== null }));
}

/** The codes of the Member States as at a date (ISO), sorted. */
export async function memberStatesAsAt(db: Kysely<DB> | Transaction<DB>, date: string): Promise<string[]> {
  const rows = await db.selectFrom('member_state as s').select('s.iso3').where(memberOnSql('s', date)).orderBy('s.iso3').execute();
  return rows.map((r) => r.iso3.trim());
}
