import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { isoDate, recordId, stateCode } from '../../../platform/bundle/fields.ts';
import type { BundleSection, RecordProblem } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { confidentialityLevels } from '../../../platform/policy/levels.ts';
import { can, may, type Viewer } from '../../../platform/policy/policy.ts';
import { accountsByEmail, email, instant } from '../bundle-fields.ts';
import { checkCycle, cycleResource, type ReviewCycleRow, restoreCycle } from './review-data.ts';
import { cycleContent } from './review-queries.ts';

/*
 * The bundle section after `matrix-proposals`: the Committee side's review cycles with their
 * assignments, keyed by id, so that a bundle moves the planning whole from one r1540 to another.
 * Experts are named by e-mail. A record that is new or changed is held to the commands' rules;
 * one equal to the stored record is left alone.
 */

type Db = Kysely<DB> | Transaction<DB>;
type Indexed<R> = readonly { index: number; record: R }[];
type Problem = Omit<RecordProblem, 'index'>;

const assignmentSchema = z.strictObject({
  state: stateCode,
  /** The expert's e-mail; null: the Group of Experts as a whole. */
  expert: email.nullable().default(null),
  note: z.string().max(1000, 'must be at most 1000 characters').default(''),
});

export const cycleRecordSchema = z.strictObject({
  id: recordId,
  title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  purpose: z.string().max(4000, 'must be at most 4000 characters').default(''),
  startsOn: isoDate,
  deadline: isoDate,
  template: z.string().min(1, 'is required'),
  holdDays: z.number('must be a whole number').int('must be a whole number').min(1).max(3650).default(60),
  demo: z.boolean().default(false),
  closedAt: instant.nullable().default(null),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('committee'),
  assignments: z.array(assignmentSchema).default([]),
});
export type CycleRecord = z.output<typeof cycleRecordSchema>;
type AssignmentRecord = CycleRecord['assignments'][number];

const byState = (a: AssignmentRecord, b: AssignmentRecord) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0);

async function storedCycles(db: Db, ids?: readonly string[]) {
  let q = db.selectFrom('review_cycle').selectAll();
  if (ids) {
    if (!ids.length) return new Map<string, { row: ReviewCycleRow; record: CycleRecord }>();
    q = q.where('id', 'in', [...ids]);
  }
  const rows = await q.orderBy('id').execute();
  const assignments = rows.length
    ? await db
        .selectFrom('review_assignment as a')
        .leftJoin('app_user as u', 'u.id', 'a.expert_id')
        .select(['a.cycle_id', 'a.state_iso3', 'u.email', 'a.note'])
        .where(
          'a.cycle_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('a.state_iso3')
        .execute()
    : [];
  return new Map(
    rows.map((c) => [
      c.id,
      {
        row: c,
        record: {
          id: c.id,
          ...cycleContent(c),
          closedAt: c.closed_at?.toISOString() ?? null,
          archived: c.archived_at !== null,
          confidentiality: c.confidentiality,
          assignments: assignments.filter((a) => a.cycle_id === c.id).map((a) => ({ state: a.state_iso3, expert: a.email, note: a.note })),
        } satisfies CycleRecord,
      },
    ]),
  );
}

/**
 * The cycle as it will be stored: assignments are never deleted, so those stored and absent from
 * the bundle stay (a bundle clears one with `"expert": null`); all in State order.
 */
function normalise(r: CycleRecord, before: CycleRecord | undefined): CycleRecord {
  const given = new Set(r.assignments.map((a) => a.state));
  const kept = (before?.assignments ?? []).filter((a) => !given.has(a.state));
  return { ...r, assignments: [...r.assignments, ...kept].sort(byState) };
}

const auditedCycle = (r: CycleRecord) => ({ ...r, id: undefined });

export const reviewCyclesSection: BundleSection<CycleRecord> = {
  name: 'review-cycles',
  keyField: 'id',
  schema: cycleRecordSchema,
  key: (r) => r.id,
  resource: (r) => cycleResource(r),

  /** The Committee side's own planning: anybody else's export has none. */
  async export(db, viewer: Viewer | null) {
    if (!may(viewer, 'read-review-cycles')) return [];
    return [...(await storedCycles(db)).values()].map((c) => c.record).filter((r) => can(viewer, 'read', cycleResource(r)));
  },

  async stored(db, keys) {
    return new Map([...(await storedCycles(db, keys))].map(([k, c]) => [k, c.record]));
  },

  references: (r) => [
    { field: 'template', section: 'matrix-templates', key: r.template, noun: 'matrix template' },
    ...r.assignments.map((a, i) => ({ field: `assignments[${i}].state`, section: 'member-states', key: a.state, noun: 'Member State' })),
  ],

  async check(db, records: Indexed<CycleRecord>) {
    const problems: RecordProblem[] = [];
    const stored = await storedCycles(
      db,
      records.map(({ record }) => record.id),
    );
    const accounts = await accountsByEmail(
      db,
      records.flatMap(({ record }) => record.assignments.map((a) => a.expert)),
    );
    const states = [...new Set(records.flatMap(({ record }) => record.assignments.map((a) => a.state)))];
    const archivedStates = new Set(
      states.length
        ? (
            await db.selectFrom('member_state').select('iso3').where('iso3', 'in', states).where('archived_at', 'is not', null).execute()
          ).map((s) => s.iso3)
        : [],
    );
    for (const { index, record } of records) {
      const push = (p: Problem) => problems.push({ index, ...p });
      const before = stored.get(record.id)?.record;
      const seen = new Map<string, number>();
      record.assignments.forEach((a, i) => {
        const first = seen.get(a.state);
        if (first !== undefined)
          push({ field: `assignments[${i}].state`, problem: `${a.state} is assigned twice (also assignments[${first}])` });
        else seen.set(a.state, i);
      });
      const after = normalise(record, before);
      if (before && sameJson(before, after)) continue;
      if (before?.closedAt) {
        push({ field: 'closedAt', problem: 'this review cycle is closed and no longer changes' });
        continue;
      }
      if (before?.archived && record.archived && !sameJson({ ...before, archived: false }, { ...after, archived: false }))
        push({ field: 'archived', problem: 'this review cycle is archived: restore it to change it' });
      const cycle = {
        title: record.title,
        purpose: record.purpose,
        startsOn: record.startsOn,
        deadline: record.deadline,
        holdDays: record.holdDays,
      };
      for (const p of await checkCycle(db, cycle)) push(p);
      // Assignments that are new or differ from the stored ones: the rules of assigning an expert.
      const storedAssignments = new Map((before?.assignments ?? []).map((a) => [a.state, a]));
      record.assignments.forEach((a, i) => {
        if (sameJson(storedAssignments.get(a.state), a)) return;
        if (archivedStates.has(a.state))
          push({ field: `assignments[${i}].state`, problem: `${a.state} is archived: assign an expert to a current Member State` });
        const expert = a.expert ? accounts.get(a.expert) : undefined;
        if (a.expert && (expert?.role !== 'expert' || expert.disabled_at))
          push({ field: `assignments[${i}].expert`, problem: `${a.expert} is not an active account of the Group of Experts` });
      });
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const stored = await storedCycles(
      trx,
      records.map((r) => r.id),
    );
    const accounts = await accountsByEmail(
      trx,
      records.flatMap((r) => r.assignments.map((a) => a.expert)),
    );
    for (const given of records) {
      const kept = stored.get(given.id);
      const r = normalise(given, kept?.record);
      if (kept && sameJson(kept.record, r)) {
        report.add('unchanged');
        continue;
      }
      const before = new Map((kept?.record.assignments ?? []).map((a) => [a.state, a]));
      await restoreCycle(
        trx,
        actor,
        {
          id: r.id,
          title: r.title,
          purpose: r.purpose,
          startsOn: r.startsOn,
          deadline: r.deadline,
          template: r.template,
          holdDays: r.holdDays,
          demo: r.demo,
          closedAt: r.closedAt ? new Date(r.closedAt) : null,
          archived: r.archived,
          confidentiality: r.confidentiality,
          // Only the assignments that differ from the stored ones are written.
          assignments: given.assignments
            .filter((a) => !sameJson(before.get(a.state), a))
            .map((a) => ({ state: a.state, expertId: a.expert ? accounts.get(a.expert)!.id : null, note: a.note })),
        },
        kept?.row,
        { ...(kept ? { before: auditedCycle(kept.record) } : {}), after: auditedCycle(r) },
      );
      report.add(kept ? 'updated' : 'created');
    }
  },
};
