import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { generatedHistory } from './history.ts';
import { addCounts } from './store.ts';

/**
 * The generated history (illustrative) from 1 January 2017 to the day before `today`, through the
 * counts' one write path; once (nothing happens when illustrative counts are there already: the
 * upsert would add them twice).
 */
export async function seedVisitHistory(db: Kysely<DB>, today = todayIso()): Promise<string> {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const rows = generatedHistory(yesterday);
  const added = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('site_visit_count').select('id').where('source', '=', 'illustrative').limit(1).executeTakeFirst();
    if (existing) return false;
    await addCounts(trx, rows, 'illustrative');
    return true;
  });
  return added
    ? `generated ${rows.length} days of website visits (illustrative; 68,006 visits from 1 January to 20 December 2018)`
    : 'website visits: the illustrative history is there already';
}
