import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import type { LocalizedText } from '../../../platform/i18n/locales.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { type ReviewAssignmentInput, reviewProgress, type StateProgress } from './review.ts';
import type { ReviewCycleTable } from './review-schema.ts';
import { findTemplate } from '../templates/templates.ts';

/*
 * Review cycles: queries, and the commands that change them (one transaction each, audited,
 * version-checked). The progress itself is computed by `review.ts` from the matrix versions.
 */

export type ReviewCycleRow = Selectable<ReviewCycleTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** What the policy looks at: cycles are the Committee side's, whatever the row says. */
export const cycleResource = (c?: Pick<ReviewCycleRow, 'confidentiality'>) => ({
  type: 'review-cycle' as const,
  confidentiality: c?.confidentiality ?? ('committee' as const),
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const iso3 = /^[A-Z]{3}$/;

export async function listCycles(db: Db, options: { includeArchived?: boolean } = {}): Promise<ReviewCycleRow[]> {
  let q = db.selectFrom('review_cycle').selectAll();
  if (!options.includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('deadline', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findCycle(db: Db, id: string): Promise<ReviewCycleRow | undefined> {
  if (!uuid.test(id)) return undefined;
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

export interface CycleInput {
  title: string;
  purpose?: string;
  startsOn: string;
  deadline: string;
  /** By default the template of the newest locked version. */
  templateVersion?: string;
  holdDays?: number;
}

/** What the audit history keeps of a cycle. */
function audited(c: ReviewCycleRow) {
  return {
    title: c.title,
    purpose: c.purpose,
    startsOn: c.starts_on,
    deadline: c.deadline,
    template: c.template_version,
    holdDays: c.hold_days,
    demo: c.demo,
    closedAt: c.closed_at,
    archivedAt: c.archived_at,
  };
}

function validDate(value: string): boolean {
  return (
    isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

/** Every problem of a cycle's fields, each named by its field. */
export async function checkCycle(db: Db, input: CycleInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ field: 'title', problem: 'is required' });
  else if (title.length > 200) problems.push({ field: 'title', problem: 'must be at most 200 characters' });
  if ((input.purpose ?? '').length > 4000) problems.push({ field: 'purpose', problem: 'must be at most 4,000 characters' });
  const startsOk = validDate(input.startsOn);
  const deadlineOk = validDate(input.deadline);
  if (!startsOk) problems.push({ field: 'startsOn', problem: 'must be a date written YYYY-MM-DD' });
  if (!deadlineOk) problems.push({ field: 'deadline', problem: 'must be a date written YYYY-MM-DD' });
  if (startsOk && deadlineOk && input.deadline < input.startsOn)
    problems.push({ field: 'deadline', problem: 'must not be before the first day of the cycle' });
  const hold = input.holdDays;
  if (hold !== undefined && (!Number.isInteger(hold) || hold < 1 || hold > 3650))
    problems.push({ field: 'holdDays', problem: 'must be a whole number of days from 1 to 3,650' });
  if (input.templateVersion !== undefined && !(await findTemplate(db, input.templateVersion)))
    problems.push({ field: 'templateVersion', problem: `no matrix template has the version ${input.templateVersion}` });
  return problems;
}

async function defaultTemplate(db: Db): Promise<string> {
  const t = await db
    .selectFrom('matrix_template')
    .select('version')
    .where('archived_at', 'is', null)
    .where('locked_at', 'is not', null)
    .orderBy('approved_on', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return t?.version ?? '2017';
}

const run = <T>(db: Db, body: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
  db.isTransaction ? body(db as Transaction<DB>) : (db as Kysely<DB>).transaction().execute(body);

/** Opens a cycle. `viewer` null is the system (the demonstration seed). */
export async function createCycle(
  db: Db,
  actor: Actor,
  viewer: Viewer | null,
  input: CycleInput,
  options: { demo?: boolean } = {},
): Promise<ReviewCycleRow> {
  if (viewer && !can(viewer, 'create', cycleResource())) throw new AppError('forbidden', 'your account may not open a review cycle');
  return run(db, async (trx) => {
    const problems = await checkCycle(trx, input);
    if (problems.length) throw invalid(problems);
    const row = await trx
      .insertInto('review_cycle')
      .values({
        title: input.title.trim(),
        purpose: (input.purpose ?? '').trim(),
        starts_on: input.startsOn,
        deadline: input.deadline,
        template_version: input.templateVersion ?? (await defaultTemplate(trx)),
        ...(input.holdDays !== undefined ? { hold_days: input.holdDays } : {}),
        demo: options.demo ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'review-cycle',
      recordId: row.id,
      confidentiality: row.confidentiality,
      after: audited(row),
    });
    return row;
  });
}

/** Locks a cycle for a change: it must exist, the viewer may change it, and it is still open. */
async function lockOpenCycle(trx: Transaction<DB>, viewer: Viewer, id: string, expectedVersion?: number): Promise<ReviewCycleRow> {
  const cycle = uuid.test(id)
    ? await trx.selectFrom('review_cycle').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!cycle || !can(viewer, 'read', cycleResource(cycle))) throw notFound('the review cycle');
  if (!can(viewer, 'update', cycleResource(cycle))) throw new AppError('forbidden', 'your account may not change this review cycle');
  if (cycle.archived_at) throw new AppError('conflict', 'this review cycle is archived');
  if (cycle.closed_at) throw new AppError('conflict', 'this review cycle is closed and no longer changes');
  if (expectedVersion !== undefined && expectedVersion !== cycle.row_version)
    throw new AppError('conflict', 'someone changed this review cycle since you opened it; nothing was saved: reload it and try again', {
      fields: [{ field: 'version', problem: `is now ${cycle.row_version}; you had ${expectedVersion}` }],
    });
  return cycle;
}

/** Changes a cycle's title, purpose, dates or hold limit, if nobody changed it meanwhile. */
export async function updateCycle(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  input: CycleInput,
): Promise<ReviewCycleRow> {
  return run(db, async (trx) => {
    const cycle = await lockOpenCycle(trx, viewer, id, expectedVersion);
    const problems = await checkCycle(trx, input);
    if (problems.length) throw invalid(problems);
    const row = await trx
      .updateTable('review_cycle')
      .set({
        title: input.title.trim(),
        purpose: (input.purpose ?? '').trim(),
        starts_on: input.startsOn,
        deadline: input.deadline,
        template_version: input.templateVersion ?? cycle.template_version,
        hold_days: input.holdDays ?? cycle.hold_days,
        row_version: cycle.row_version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', cycle.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'review-cycle',
      recordId: row.id,
      confidentiality: row.confidentiality,
      before: audited(cycle),
      after: audited(row),
    });
    return row;
  });
}

/** Closes a cycle: from then on its progress stands as it was, and it no longer changes. */
export async function closeCycle(db: Db, actor: Actor, viewer: Viewer, id: string, expectedVersion?: number): Promise<ReviewCycleRow> {
  return run(db, async (trx) => {
    const cycle = await lockOpenCycle(trx, viewer, id, expectedVersion);
    const now = new Date();
    const row = await trx
      .updateTable('review_cycle')
      .set({ closed_at: now, row_version: cycle.row_version + 1, updated_at: now })
      .where('id', '=', cycle.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'close',
      recordType: 'review-cycle',
      recordId: row.id,
      confidentiality: row.confidentiality,
      before: audited(cycle),
      after: audited(row),
    });
    return row;
  });
}

export interface AssignInput {
  /** ISO 3166-1 alpha-3 codes. */
  states: string[];
  /** An expert's account id; null clears the assignment. */
  expertId: string | null;
  note?: string;
}

/** Splits a typed list of State codes ("MLI, NER BFA") into codes in capitals. */
export function parseStateCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * Assigns an expert to States of a cycle (or clears their assignment), all of them or none, as one
 * audited change of the cycle. Each problem names its field: `states[2]` for the third code.
 */
export async function assignExpert(
  db: Db,
  actor: Actor,
  viewer: Viewer | null,
  cycleId: string,
  input: AssignInput,
): Promise<{ assigned: number }> {
  return run(db, async (trx) => {
    let cycle: ReviewCycleRow;
    if (viewer) cycle = await lockOpenCycle(trx, viewer, cycleId);
    else {
      const found = await trx.selectFrom('review_cycle').selectAll().where('id', '=', cycleId).forUpdate().executeTakeFirst();
      if (!found) throw notFound('the review cycle');
      cycle = found;
    }
    const problems: FieldProblem[] = [];
    const codes = input.states.map((s) => s.trim().toUpperCase());
    if (!codes.length) problems.push({ field: 'states', problem: 'name at least one State' });
    if (codes.length > 250) problems.push({ field: 'states', problem: 'name at most 250 States at a time' });
    const known = new Set(
      codes.length
        ? (
            await trx
              .selectFrom('member_state')
              .select('iso3')
              .where('iso3', 'in', codes.filter((c) => iso3.test(c)).concat(['']))
              .where('archived_at', 'is', null)
              .execute()
          ).map((r) => r.iso3)
        : [],
    );
    const seen = new Set<string>();
    codes.forEach((code, i) => {
      if (!known.has(code)) problems.push({ field: `states[${i}]`, problem: `"${code}" is not the code of a Member State` });
      else if (seen.has(code)) problems.push({ field: `states[${i}]`, problem: `${code} is named twice` });
      seen.add(code);
    });
    let expertName: string | null = null;
    if (input.expertId !== null) {
      const expert = uuid.test(input.expertId)
        ? await trx
            .selectFrom('app_user')
            .select(['id', 'display_name', 'role', 'disabled_at'])
            .where('id', '=', input.expertId)
            .executeTakeFirst()
        : undefined;
      if (expert?.role !== 'expert' || expert.disabled_at)
        problems.push({ field: 'expert', problem: 'is not an active account of the Group of Experts' });
      else expertName = expert.display_name;
    }
    const note = (input.note ?? '').trim();
    if (note.length > 1000) problems.push({ field: 'note', problem: 'must be at most 1,000 characters' });
    if (problems.length) throw invalid(problems);

    const before = await trx
      .selectFrom('review_assignment')
      .select(['state_iso3', 'expert_id', 'note'])
      .where('cycle_id', '=', cycle.id)
      .where('state_iso3', 'in', codes)
      .execute();
    const now = new Date();
    await trx
      .insertInto('review_assignment')
      .values(codes.map((code) => ({ cycle_id: cycle.id, state_iso3: code, expert_id: input.expertId, note, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['cycle_id', 'state_iso3']).doUpdateSet((eb) => ({
          expert_id: eb.ref('excluded.expert_id'),
          note: eb.ref('excluded.note'),
          updated_at: now,
          row_version: eb('review_assignment.row_version', '+', 1),
        })),
      )
      .execute();
    await recordChange(trx, actor, {
      action: input.expertId ? 'assign' : 'unassign',
      recordType: 'review-cycle',
      recordId: cycle.id,
      confidentiality: cycle.confidentiality,
      before: Object.fromEntries(before.map((b) => [b.state_iso3, { expert: b.expert_id, note: b.note }])),
      after: Object.fromEntries(codes.map((c) => [c, { expert: input.expertId, expertName, note }])),
    });
    return { assigned: codes.length };
  });
}
