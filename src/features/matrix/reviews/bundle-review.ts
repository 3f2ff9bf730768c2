import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { isoDate, recordId, stateCode, visibleCodes } from '../../../platform/bundle/fields.ts';
import { type BundleSection, type RecordProblem, stricter } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid } from '../../../platform/errors.ts';
import { confidentialityLevels } from '../../../platform/policy/levels.ts';
import { can, may, type Viewer } from '../../../platform/policy/policy.ts';
import type { AppUserTable } from '../../accounts/index.ts';
import { viewerOf } from '../../accounts/index.ts';
import { recordChange } from '../../../platform/audit/record.ts';
import { matrixRecordSchema } from '../versions/bundle.ts';
import { matrixResource } from '../versions/commands.ts';
import { auditedProposal, checkProposal, proposalResource } from '../proposals/proposals.ts';
import { checkCycle, cycleResource, type ReviewCycleRow } from './review-data.ts';
import { type CellSource, proposalKinds, proposalStatuses } from '../schema.ts';
import { cellValues } from '../templates/template.ts';

/*
 * Two sections after `matrices`: the comments and proposals of the States' review of their
 * matrices, then the Committee side's review cycles with their assignments. Both keyed by id, so
 * that a bundle moves the dialogue and the planning whole from one r1540 to another. Accounts
 * (authors, deciders, experts) are named by e-mail and must exist in the receiving database.
 * A record that is new or changed is held to the commands' rules; one equal to the stored
 * record is left alone.
 */

type Db = Kysely<DB> | Transaction<DB>;
type Problem = Omit<RecordProblem, 'index'>;
type Indexed<R> = readonly { index: number; record: R }[];
type Account = Selectable<AppUserTable>;

const instant = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address');
const frozen = (status: string) => status === 'approved' || status === 'published';
const matrixKeyOf = (m: { state_iso3: string; number: number }) => `${m.state_iso3}/${m.number}`;
const stateOfKey = (key: string) => key.slice(0, 3);

/** The accounts with these e-mails, by e-mail. */
async function accountsByEmail(db: Db, emails: readonly (string | null)[]): Promise<Map<string, Account>> {
  const wanted = [...new Set(emails.filter((e): e is string => !!e))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('app_user').selectAll().where('email', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.email, r]));
}

// Comments and proposals

export const proposalRecordSchema = z.strictObject({
  id: recordId,
  /** The matrix version, by its key in the `matrices` section. */
  matrix: z.string().regex(/^[A-Z]{3}\/[1-9][0-9]*$/, 'must be a matrix version written ISO3/number (MLI/2)'),
  field: z.string().min(1, 'is required').max(100),
  kind: z.enum(proposalKinds, `must be one of ${proposalKinds.join(', ')}`),
  comment: z.string().max(4000, 'must be at most 4000 characters').default(''),
  value: z.enum(cellValues, 'must be one of X, ?, NA or "" (blank)').nullable().default(null),
  // The sources of a cell, as the matrices section writes them.
  sources: matrixRecordSchema.shape.cells.element.shape.sources,
  infoDate: isoDate.nullable().default(null),
  status: z.enum(proposalStatuses, `must be one of ${proposalStatuses.join(', ')}`).default('open'),
  author: email,
  createdAt: instant,
  decidedBy: email.nullable().default(null),
  decidedAt: instant.nullable().default(null),
  decisionNote: z.string().max(4000, 'must be at most 4000 characters').default(''),
  archived: z.boolean().default(false),
});
export type ProposalRecord = z.output<typeof proposalRecordSchema>;

async function proposalRows(db: Db, ids?: readonly string[]) {
  let q = db
    .selectFrom('matrix_proposal as p')
    .innerJoin('matrix as m', 'm.id', 'p.matrix_id')
    .innerJoin('app_user as a', 'a.id', 'p.author_id')
    .leftJoin('app_user as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select([
      'm.state_iso3',
      'm.number',
      'm.status as matrix_status',
      'm.confidentiality as matrix_confidentiality',
      'a.email as author_email',
      'd.email as decider_email',
    ]);
  if (ids) {
    if (!ids.length) return [];
    q = q.where('p.id', 'in', [...ids]);
  }
  return q.orderBy('p.id').execute();
}
type ProposalJoined = Awaited<ReturnType<typeof proposalRows>>[number];

function proposalRecord(p: ProposalJoined): ProposalRecord {
  return {
    id: p.id,
    matrix: matrixKeyOf(p),
    field: p.field_code,
    kind: p.kind,
    comment: p.comment,
    value: p.value,
    sources: p.sources,
    infoDate: p.info_date,
    status: p.status,
    author: p.author_email,
    createdAt: p.created_at.toISOString(),
    decidedBy: p.decider_email,
    decidedAt: p.decided_at?.toISOString() ?? null,
    decisionNote: p.decision_note,
    archived: p.archived_at !== null,
  };
}

/** What a comment or proposal says, and by whom: it never changes once recorded. */
const content = (r: ProposalRecord) => ({
  matrix: r.matrix,
  field: r.field,
  kind: r.kind,
  comment: r.comment,
  value: r.value,
  sources: r.sources,
  infoDate: r.infoDate,
  author: r.author,
  createdAt: r.createdAt,
});
const decision = (r: ProposalRecord) => ({
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt,
  decisionNote: r.decisionNote,
});

/** The problems of a proposal's fields (relative to the record) for the fields of its matrix's template. */
function fieldProblems(fieldCodes: ReadonlySet<string>, r: ProposalRecord, template: string): Problem[] {
  if (!fieldCodes.has(r.field))
    return [{ field: 'field', problem: `${r.field} is not a field of the template ${template} of the matrix ${r.matrix}` }];
  const input = {
    field: r.field,
    kind: r.kind,
    comment: r.comment,
    sources: r.sources as CellSource[],
    infoDate: r.infoDate,
    ...(r.value !== null ? { value: r.value } : {}),
  };
  // The command's checks name fields `OP2.USE.N.LF.value`: here they are the record's own.
  return checkProposal(fieldCodes, input).map((p) => ({
    field: p.field.startsWith(`${r.field}.`) ? p.field.slice(r.field.length + 1) : p.field,
    problem: p.problem,
  }));
}

/** The commands' rules for a new comment or proposal, its author and its decision. */
function newProposalProblems(r: ProposalRecord, accounts: Map<string, Account>): Problem[] {
  const problems: Problem[] = [];
  if (r.kind === 'comment' && (r.value !== null || r.sources.length || r.infoDate))
    problems.push({ field: 'value', problem: 'a comment has no value, sources or date: make it a proposal' });
  const resource = proposalResource({ state_iso3: stateOfKey(r.matrix) });
  const author = accounts.get(r.author);
  if (!author) problems.push({ field: 'author', problem: `no account has the e-mail ${r.author}` });
  else if (!can(viewerOf(author), 'comment', resource))
    problems.push({ field: 'author', problem: `${r.author} may not comment on the matrix of ${resource.stateIso3}` });
  const decided = r.status === 'accepted' || r.status === 'declined';
  if (decided) {
    if (!r.decidedBy) problems.push({ field: 'decidedBy', problem: `an ${r.status} ${r.kind} names who decided` });
    if (!r.decidedAt) problems.push({ field: 'decidedAt', problem: `an ${r.status} ${r.kind} says when it was decided` });
    else if (Date.parse(r.decidedAt) < Date.parse(r.createdAt))
      problems.push({ field: 'decidedAt', problem: 'must not be before createdAt' });
    if (r.status === 'declined' && !r.decisionNote.trim())
      problems.push({ field: 'decisionNote', problem: 'say why the proposal is declined' });
    const decider = r.decidedBy ? accounts.get(r.decidedBy) : undefined;
    if (r.decidedBy && !decider) problems.push({ field: 'decidedBy', problem: `no account has the e-mail ${r.decidedBy}` });
    else if (decider && !can(viewerOf(decider), 'update', resource))
      problems.push({ field: 'decidedBy', problem: `${r.decidedBy} does not keep matrices: only the experts accept or decline proposals` });
  } else {
    if (r.decidedBy || r.decidedAt)
      problems.push({ field: 'decidedBy', problem: `a ${r.status} ${r.kind} has no decision: decidedBy and decidedAt are null` });
    if (r.decisionNote) problems.push({ field: 'decisionNote', problem: `a ${r.status} ${r.kind} has no decision note` });
  }
  return problems;
}

async function matricesByKey(db: Db, keys: readonly string[]) {
  const wanted = [...new Set(keys)];
  if (!wanted.length) return new Map<string, { id: string; status: string; template_version: string; state_iso3: string }>();
  const rows = await db
    .selectFrom('matrix')
    .select(['id', 'state_iso3', 'number', 'status', 'template_version'])
    .where('state_iso3', 'in', [...new Set(wanted.map(stateOfKey))])
    .execute();
  return new Map(rows.filter((m) => wanted.includes(matrixKeyOf(m))).map((m) => [matrixKeyOf(m), m]));
}

async function templateFields(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('matrix_template').select(['version', 'definition']).execute();
  return new Map(rows.map((t) => [t.version, new Set(t.definition.fields.map((f) => f.code))]));
}

export const matrixProposalsSection: BundleSection<ProposalRecord> = {
  name: 'matrix-proposals',
  keyField: 'id',
  schema: proposalRecordSchema,
  key: (r) => r.id,
  // Imported by those who keep the matrices: a bundle sets authors and decisions.
  resource: (r) => proposalResource({ state_iso3: stateOfKey(r.matrix) }),

  /** Exactly those the viewer may read: the Committee side's, a point of contact its own State's. */
  async export(db, viewer) {
    if (viewer === null) return [];
    const seen = await visibleCodes(db, viewer);
    const rows = await proposalRows(db);
    return rows
      .filter(
        (p) =>
          seen.states.has(p.state_iso3) &&
          can(viewer, 'read', matrixResource({ confidentiality: p.matrix_confidentiality, state_iso3: p.state_iso3 })) &&
          can(viewer, 'read', proposalResource(p)),
      )
      .map(proposalRecord);
  },

  async stored(db, keys) {
    return new Map((await proposalRows(db, keys)).map((p) => [p.id, proposalRecord(p)]));
  },

  references: (r) => [{ field: 'matrix', section: 'matrices', key: r.matrix, noun: 'matrix version' }],

  async check(db, records) {
    const problems: RecordProblem[] = [];
    const stored = new Map(
      (
        await proposalRows(
          db,
          records.map(({ record }) => record.id),
        )
      ).map((p) => [p.id, p]),
    );
    const matrices = await matricesByKey(
      db,
      records.map(({ record }) => record.matrix),
    );
    const templates = await templateFields(db);
    const accounts = await accountsByEmail(
      db,
      records.flatMap(({ record }) => [record.author, record.decidedBy]),
    );
    for (const { index, record } of records) {
      const row = stored.get(record.id);
      const before = row && proposalRecord(row);
      if (before && sameJson(before, record)) continue;
      const push = (p: Problem) => problems.push({ index, ...p });
      const matrix = matrices.get(record.matrix);
      if (matrix && frozen(matrix.status))
        push({ field: 'matrix', problem: `${record.matrix} is ${matrix.status} and never changes, nor does the dialogue about it` });
      if (before) {
        // What was said, where and by whom never changes; only the decision and the archive flag do.
        if (!sameJson(content(before), content(record)))
          push({
            field: 'comment',
            problem: 'a recorded comment or proposal never changes (its matrix, field, text, value, author and date): record a new one',
          });
        if (before.status !== 'open' && !sameJson(decision(before), decision(record)))
          push({ field: 'status', problem: `this ${before.kind} is already ${before.status}: it is not decided or withdrawn again` });
        else if (!sameJson(decision(before), decision(record)))
          for (const p of newProposalProblems(record, accounts)) if (p.field !== 'author') push(p);
        continue;
      }
      // A matrix stored now: its template's fields (one arriving in the bundle is checked on import).
      const fields = matrix && templates.get(matrix.template_version);
      if (matrix && fields) for (const p of fieldProblems(fields, record, matrix.template_version)) push(p);
      for (const p of newProposalProblems(record, accounts)) push(p);
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const stored = new Map(
      (
        await proposalRows(
          trx,
          records.map((r) => r.id),
        )
      ).map((p) => [p.id, p]),
    );
    // The versions as the matrices section left them: a version new in this bundle is stored now.
    const matrices = await matricesByKey(
      trx,
      records.map((r) => r.matrix),
    );
    const templates = await templateFields(trx);
    const problems = records.flatMap((r, index) => {
      const matrix = matrices.get(r.matrix);
      if (stored.has(r.id)) return [];
      if (!matrix)
        return [
          {
            field: `sections.matrix-proposals[${index}].matrix`,
            problem: `names the matrix version ${r.matrix}, which is not in the database`,
          },
        ];
      return fieldProblems(templates.get(matrix.template_version) ?? new Set(), r, matrix.template_version).map((p) => ({
        field: `sections.matrix-proposals[${index}].${p.field}`,
        problem: p.problem,
      }));
    });
    if (problems.length) throw invalid(problems);
    const accounts = await accountsByEmail(
      trx,
      records.flatMap((r) => [r.author, r.decidedBy]),
    );
    const idOf = (e: string | null) => (e ? accounts.get(e)!.id : null);
    for (const r of records) {
      const row = stored.get(r.id);
      if (row && sameJson(proposalRecord(row), r)) {
        report.add('unchanged');
        continue;
      }
      const matrix = matrices.get(r.matrix)!;
      const values = {
        status: r.status,
        decided_by: idOf(r.decidedBy),
        decided_at: r.decidedAt ? new Date(r.decidedAt) : null,
        decision_note: r.decisionNote,
        archived_at: r.archived ? (row?.archived_at ?? new Date()) : null,
        updated_at: new Date(),
      };
      // The dialogue on a version is frozen with it; the check refused any change to one that was
      // frozen before this import, so a version frozen now arrived in this bundle, with its history.
      const thaw = frozen(matrix.status);
      if (thaw) await sql`select set_config('r1540.restoring', 'on', true)`.execute(trx);
      const after = row
        ? await trx
            .updateTable('matrix_proposal')
            .set({ ...values, row_version: row.row_version + 1 })
            .where('id', '=', r.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('matrix_proposal')
            .values({
              id: r.id,
              matrix_id: matrix.id,
              field_code: r.field,
              author_id: idOf(r.author)!,
              kind: r.kind,
              comment: r.comment,
              value: r.value,
              sources: JSON.stringify(r.sources),
              info_date: r.infoDate,
              created_at: new Date(r.createdAt),
              ...values,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
      if (thaw) await sql`select set_config('r1540.restoring', 'off', true)`.execute(trx);
      await recordChange(trx, actor, {
        action: row ? 'import' : 'create',
        recordType: 'matrix',
        recordId: matrix.id,
        confidentiality: proposalResource(matrix).confidentiality,
        stateIso3: matrix.state_iso3,
        ...(row ? { before: auditedProposal(row) } : {}),
        after: auditedProposal(after),
      });
      report.add(row ? 'updated' : 'created');
    }
  },
};

// Review cycles

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
          title: c.title,
          purpose: c.purpose,
          startsOn: c.starts_on,
          deadline: c.deadline,
          template: c.template_version,
          holdDays: c.hold_days,
          demo: c.demo,
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
      const now = new Date();
      const values = {
        title: r.title.trim(),
        purpose: r.purpose,
        starts_on: r.startsOn,
        deadline: r.deadline,
        template_version: r.template,
        hold_days: r.holdDays,
        demo: r.demo,
        closed_at: r.closedAt ? new Date(r.closedAt) : null,
        archived_at: r.archived ? (kept?.row.archived_at ?? now) : null,
        confidentiality: r.confidentiality,
        updated_at: now,
      };
      const row = kept
        ? await trx
            .updateTable('review_cycle')
            .set({ ...values, row_version: kept.row.row_version + 1 })
            .where('id', '=', r.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('review_cycle')
            .values({ id: r.id, ...values })
            .returningAll()
            .executeTakeFirstOrThrow();
      const before = new Map((kept?.record.assignments ?? []).map((a) => [a.state, a]));
      const changed = given.assignments.filter((a) => !sameJson(before.get(a.state), a));
      if (changed.length)
        await trx
          .insertInto('review_assignment')
          .values(
            changed.map((a) => ({
              cycle_id: row.id,
              state_iso3: a.state,
              expert_id: a.expert ? accounts.get(a.expert)!.id : null,
              note: a.note,
              updated_at: now,
            })),
          )
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
        action: kept ? 'import' : 'create',
        recordType: 'review-cycle',
        recordId: row.id,
        confidentiality: kept ? stricter(kept.row.confidentiality, row.confidentiality) : row.confidentiality,
        ...(kept ? { before: auditedCycle(kept.record) } : {}),
        after: auditedCycle(r),
      });
      report.add(kept ? 'updated' : 'created');
    }
  },
};
