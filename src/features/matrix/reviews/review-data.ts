import type { Kysely, Transaction, Updateable } from 'kysely';
import type { ReviewCycleTable } from './review-schema.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { assignInput, type AssignInput, type CycleInput, cycleInput } from './inputs.ts';
import { cycleContent, cycleResource, type ReviewCycleRow } from './review-queries.ts';
import { problemsOf } from '../../../platform/values/input.ts';
import { isUuid } from '../../../platform/values/codes.ts';
import { findTemplate } from '../templates/templates.ts';
import { stricter } from '../../../platform/bundle/section.ts';

/*
 * Review cycles: the commands that change them (one transaction each, audited, version-checked),
 * the one write of their assignments, and the import of a cycle from a bundle. The queries are in
 * `review-queries.ts`; the progress is computed by `review.ts` from the matrix versions.
 */

type Db = Kysely<DB> | Transaction<DB>;

export {
  assignableExperts,
  assignmentsOf,
  type CycleProgress,
  cycleProgress,
  cycleResource,
  findCycle,
  listCycles,
  type ReviewCycleRow,
  type ReviewStateRow,
} from './review-queries.ts';

const iso3 = /^[A-Z]{3}$/;

export type { AssignInput, CycleInput } from './inputs.ts';

/** What the audit history keeps of a cycle. */
function audited(c: ReviewCycleRow) {
  return {
    ...cycleContent(c),
    closedAt: c.closed_at,
    archivedAt: c.archived_at,
  };
}

/** Every problem of a cycle's fields, each named by its field: the input's, then whether its template exists. */
export async function checkCycle(db: Db, input: CycleInput): Promise<FieldProblem[]> {
  const parsed = cycleInput.safeParse(input);
  const problems = parsed.success ? [] : problemsOf(parsed.error.issues);
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
  const cycle = isUuid(id)
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
    return changeCycle(trx, actor, cycle, 'update', () => ({
      title: input.title.trim(),
      purpose: (input.purpose ?? '').trim(),
      starts_on: input.startsOn,
      deadline: input.deadline,
      template_version: input.templateVersion ?? cycle.template_version,
      hold_days: input.holdDays ?? cycle.hold_days,
    }));
  });
}

/** Closes a cycle: from then on its progress stands as it was, and it no longer changes. */
export async function closeCycle(db: Db, actor: Actor, viewer: Viewer, id: string, expectedVersion?: number): Promise<ReviewCycleRow> {
  return run(db, async (trx) => {
    const cycle = await lockOpenCycle(trx, viewer, id, expectedVersion);
    return changeCycle(trx, actor, cycle, 'close', (now) => ({ closed_at: now }));
  });
}

/** A change of a cycle (locked by the caller): its row version moved on, with its audit event. */
async function changeCycle(
  trx: Transaction<DB>,
  actor: Actor,
  cycle: ReviewCycleRow,
  action: 'update' | 'close',
  set: (now: Date) => Updateable<ReviewCycleTable>,
): Promise<ReviewCycleRow> {
  const now = new Date();
  const row = await trx
    .updateTable('review_cycle')
    .set({ ...set(now), row_version: cycle.row_version + 1, updated_at: now })
    .where('id', '=', cycle.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action,
    recordType: 'review-cycle',
    recordId: row.id,
    confidentiality: row.confidentiality,
    before: audited(cycle),
    after: audited(row),
  });
  return row;
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
    const codes = input.states.map((s) => s.trim().toUpperCase());
    const note = (input.note ?? '').trim();
    const parsed = assignInput.safeParse({ ...input, states: codes, note });
    const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error.issues).filter((p) => !p.field.startsWith('states['));
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
      const expert = isUuid(input.expertId)
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
    if (problems.length) throw invalid(problems);

    const before = await trx
      .selectFrom('review_assignment')
      .select(['state_iso3', 'expert_id', 'note'])
      .where('cycle_id', '=', cycle.id)
      .where('state_iso3', 'in', codes)
      .execute();
    await putAssignments(
      trx,
      cycle.id,
      codes.map((state) => ({ state, expertId: input.expertId, note })),
      new Date(),
    );
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

/** The one write of a cycle's assignments: each State's expert and note, its row version moved on. */
export async function putAssignments(
  trx: Transaction<DB>,
  cycleId: string,
  rows: readonly { state: string; expertId: string | null; note: string }[],
  now: Date,
): Promise<void> {
  if (!rows.length) return;
  await trx
    .insertInto('review_assignment')
    .values(rows.map((r) => ({ cycle_id: cycleId, state_iso3: r.state, expert_id: r.expertId, note: r.note, updated_at: now })))
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'state_iso3']).doUpdateSet((eb) => ({
        expert_id: eb.ref('excluded.expert_id'),
        note: eb.ref('excluded.note'),
        updated_at: now,
        row_version: eb('review_assignment.row_version', '+', 1),
      })),
    )
    .execute();
}

/** A cycle as a bundle carries it, with the assignments to write (those that differ from the stored ones). */
export interface RestoredCycle {
  id: string;
  title: string;
  purpose: string;
  startsOn: string;
  deadline: string;
  template: string;
  holdDays: number;
  demo: boolean;
  closedAt: Date | null;
  archived: boolean;
  confidentiality: ReviewCycleRow['confidentiality'];
  assignments: { state: string; expertId: string | null; note: string }[];
}

/**
 * Stores a cycle from a bundle as it was (closed or archived included), new or over the stored
 * one, with one audit event (`create` or `import`) keeping the cycle before and after as the
 * bundle words it. The bundle checked it with `checkCycle` first.
 */
export async function restoreCycle(
  trx: Transaction<DB>,
  actor: Actor,
  r: RestoredCycle,
  kept: ReviewCycleRow | undefined,
  audit: { before?: unknown; after: unknown },
): Promise<ReviewCycleRow> {
  const now = new Date();
  const values = {
    title: r.title.trim(),
    purpose: r.purpose,
    starts_on: r.startsOn,
    deadline: r.deadline,
    template_version: r.template,
    hold_days: r.holdDays,
    demo: r.demo,
    closed_at: r.closedAt,
    archived_at: r.archived ? (kept?.archived_at ?? now) : null,
    confidentiality: r.confidentiality,
    updated_at: now,
  };
  const row = kept
    ? await trx
        .updateTable('review_cycle')
        .set({ ...values, row_version: kept.row_version + 1 })
        .where('id', '=', r.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('review_cycle')
        .values({ id: r.id, ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
  await putAssignments(trx, row.id, r.assignments, now);
  await recordChange(trx, actor, {
    action: kept ? 'import' : 'create',
    recordType: 'review-cycle',
    recordId: row.id,
    confidentiality: kept ? stricter(kept.confidentiality, row.confidentiality) : row.confidentiality,
    ...audit,
  });
  return row;
}
