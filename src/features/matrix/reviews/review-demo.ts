import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../../platform/audit/record.ts';
import { assignExpert, createCycle, type ReviewCycleRow } from './review-data.ts';

/** The demonstration cycle: made up, marked `demo` like the demonstration matrices. */
export const demoReview = {
  title: 'Comprehensive review 2026',
  purpose:
    'Demonstration: a review of every Member State’s matrix before the comprehensive review of resolution 1540 (2004). Made-up plan, not the Committee’s.',
  startsOn: '2026-06-01',
  deadline: '2027-03-31',
  templateVersion: '2017',
  holdDays: 60,
};

/** The States the demo expert looks after in the demonstration cycle. */
export const demoReviewStates = ['BFA', 'MLI', 'NER', 'SEN', 'TCD', 'PER', 'FJI', 'ARM'] as const;

/**
 * Opens the demonstration review cycle and assigns a few States to the demo expert, once: a
 * second call finds the demonstration cycle and leaves it alone. Null when there is no demo
 * expert account to assign (the demonstration matrices need it too).
 */
export async function seedDemoReview(db: Kysely<DB>, actor: Actor = systemActor): Promise<ReviewCycleRow | null> {
  const expert = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'expert@demo.r1540.org')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!expert) return null;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('review_cycle')
      .selectAll()
      .where('demo', '=', true)
      .where('title', '=', demoReview.title)
      .executeTakeFirst();
    if (existing) return existing;
    const cycle = await createCycle(trx, actor, null, demoReview, { demo: true });
    await assignExpert(trx, actor, null, cycle.id, {
      states: [...demoReviewStates],
      expertId: expert.id,
      note: 'Demonstration assignment',
    });
    return cycle;
  });
}
