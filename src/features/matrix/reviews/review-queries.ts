import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { LocalizedText } from '../../../platform/i18n/locales.ts';
import { isUuid } from '../../../platform/values/codes.ts';
import { type ReviewAssignmentInput, reviewProgress, type StateProgress } from './review.ts';
import type { ReviewCycleTable } from './review-schema.ts';

/* Review cycles as read: the list, one cycle, the experts one may assign, and every State's progress. */

export type ReviewCycleRow = Selectable<ReviewCycleTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** What the policy looks at: cycles are the Committee side's, whatever the row says. */
export const cycleResource = (c?: Pick<ReviewCycleRow, 'confidentiality'>) => ({
  type: 'review-cycle' as const,
  confidentiality: c?.confidentiality ?? ('committee' as const),
});

/** What a cycle is, as every reader of it sees it: the API, the bundle and the history add the rest in their own terms. */
export function cycleContent(c: ReviewCycleRow) {
  return {
    title: c.title,
    purpose: c.purpose,
    startsOn: c.starts_on,
    deadline: c.deadline,
    template: c.template_version,
    holdDays: c.hold_days,
    demo: c.demo,
  };
}

export async function listCycles(db: Db, options: { includeArchived?: boolean } = {}): Promise<ReviewCycleRow[]> {
  let q = db.selectFrom('review_cycle').selectAll();
  if (!options.includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('deadline', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findCycle(db: Db, id: string): Promise<ReviewCycleRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('review_cycle').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The experts one may assign: active accounts with the expert role, by name. */
export async function assignableExperts(db: Db): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('role', '=', 'expert')
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

export interface ReviewStateRow {
  iso3: string;
  names: LocalizedText;
  regionalGroup: string;
}

export interface CycleProgress {
  states: ReviewStateRow[];
  progress: StateProgress[];
}

/**
 * Every Member State's progress in the cycle, as at `today`. Only the Committee side reads
 * cycles, and it sees every version of every matrix, so nothing here needs filtering by State.
 */
export async function cycleProgress(db: Db, cycle: ReviewCycleRow, today: Date): Promise<CycleProgress> {
  const [states, versions, assignments] = await Promise.all([
    db.selectFrom('member_state').select(['iso3', 'names', 'regional_group']).where('archived_at', 'is', null).orderBy('iso3').execute(),
    db
      .selectFrom('matrix')
      .select(['state_iso3', 'number', 'status', 'status_changed_at', 'created_at'])
      .where('archived_at', 'is', null)
      .where('created_at', '>=', new Date(`${cycle.starts_on}T00:00:00Z`))
      .execute(),
    assignmentsOf(db, cycle.id),
  ]);
  const progress = reviewProgress(
    { startsOn: cycle.starts_on, deadline: cycle.deadline, holdDays: cycle.hold_days, closedAt: cycle.closed_at },
    states.map((s) => ({ iso3: s.iso3, regionalGroup: s.regional_group })),
    versions.map((v) => ({
      stateIso3: v.state_iso3,
      number: v.number,
      status: v.status,
      statusChangedAt: v.status_changed_at,
      createdAt: v.created_at,
    })),
    assignments,
    today,
  );
  return { states: states.map((s) => ({ iso3: s.iso3, names: s.names, regionalGroup: s.regional_group })), progress };
}

export async function assignmentsOf(db: Db, cycleId: string): Promise<ReviewAssignmentInput[]> {
  const rows = await db
    .selectFrom('review_assignment as a')
    .leftJoin('app_user as u', 'u.id', 'a.expert_id')
    .select(['a.state_iso3', 'a.expert_id', 'u.display_name', 'a.note'])
    .where('a.cycle_id', '=', cycleId)
    .execute();
  return rows.map((r) => ({ stateIso3: r.state_iso3, expertId: r.expert_id, expertName: r.display_name, note: r.note }));
}
