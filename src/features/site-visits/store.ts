import { randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PageCount } from './figures.ts';
import type { VisitSource } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface DayPageCount extends PageCount {
  day: string;
}

/**
 * Adds counts, one statement for many rows: a row of the same day, source and page has them added
 * (`n = n + excluded.n`), so that several app servers on one database add up without losing any.
 * The one write path of the counts: the counter's flush and the demonstration history use it.
 */
export async function addCounts(db: Db, rows: readonly DayPageCount[], source: VisitSource): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('site_visit_count')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, source })))
      .onConflict((oc) =>
        oc.columns(['day', 'source', 'language', 'section', 'path']).doUpdateSet({
          views: sql`site_visit_count.views + excluded.views`,
          visits: sql`site_visit_count.visits + excluded.visits`,
        }),
      )
      .execute();
  }
}

/**
 * The day's salt, made at random by the first server that needs it and shared by the others; every
 * earlier day's salt is deleted, and with it (on delete cascade) the visitors of that day.
 */
export async function saltOfDay(trx: Transaction<DB>, day: string): Promise<string> {
  await trx.deleteFrom('site_visit_salt').where('day', '<', day).execute();
  await trx
    .insertInto('site_visit_salt')
    .values({ day, salt: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await trx.selectFrom('site_visit_salt').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

/** Keeps the day's visitors not seen before, and answers which they were. */
export async function newVisitors(trx: Transaction<DB>, day: string, visitors: readonly string[]): Promise<Set<string>> {
  if (!visitors.length) return new Set();
  const rows = await trx
    .insertInto('site_visitor')
    .values(visitors.map((visitor) => ({ day, visitor })))
    .onConflict((oc) => oc.columns(['day', 'visitor']).doNothing())
    .returning('visitor')
    .execute();
  return new Set(rows.map((r) => r.visitor));
}

/** The counts of each page over a period (both days included), every source. */
export async function countsOfPeriod(db: Db, from: string, to: string): Promise<PageCount[]> {
  const rows = await db
    .selectFrom('site_visit_count')
    .select(['language', 'section', 'path'])
    .select((eb) => [eb.fn.sum<string>('views').as('views'), eb.fn.sum<string>('visits').as('visits')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['language', 'section', 'path'])
    .execute();
  return rows.map((r) => ({ language: r.language, section: r.section, path: r.path, views: Number(r.views), visits: Number(r.visits) }));
}

/** Whether a period's counts include the generated demonstration history. */
export async function illustrativeIn(db: Db, from: string, to: string): Promise<boolean> {
  const row = await db
    .selectFrom('site_visit_count')
    .select('id')
    .where('source', '=', 'illustrative')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
