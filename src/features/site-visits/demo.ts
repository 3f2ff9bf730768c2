import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { generatedHistory } from './history.ts';
import { addCounts } from './store.ts';

/** The generated history (illustrative) from 1 January 2017 to yesterday, through the counts' one write path. */
export async function seedVisitHistory(db: Kysely<DB>, today = todayIso()): Promise<string> {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const rows = generatedHistory(yesterday);
  await db.transaction().execute((trx) => addCounts(trx, rows, 'illustrative'));
  return `generated ${rows.length} days of website visits (illustrative; 68,006 visits from 1 January to 20 December 2018)`;
}
