import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { isoDate, recordId, visibleCodes } from '../../../platform/bundle/fields.ts';
import type { BundleSection, RecordProblem } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid } from '../../../platform/errors.ts';
import { can } from '../../../platform/policy/policy.ts';
import { viewerOf } from '../../accounts/index.ts';
import { type Account, accountsByEmail, email, instant } from '../bundle-fields.ts';
import { type CellSource, proposalKinds, proposalStatuses } from '../schema.ts';
import { cellValues } from '../templates/template.ts';
import { matrixRecordSchema } from '../versions/bundle.ts';
import { matrixResource } from '../versions/commands.ts';
import { checkProposal, proposalContent, proposalResource } from './proposals.ts';
import { restoreProposal } from './restore.ts';

/*
 * The bundle section after `matrices`: the comments and proposals of the States' review of their
 * matrices, keyed by id, so that a bundle moves the dialogue whole from one r1540 to another.
 * Authors and deciders are named by e-mail. A record that is new or changed is held to the
 * commands' rules; one equal to the stored record is left alone.
 */

type Db = Kysely<DB> | Transaction<DB>;
type Problem = Omit<RecordProblem, 'index'>;

const frozen = (status: string) => status === 'approved' || status === 'published';
const matrixKeyOf = (m: { state_iso3: string; number: number }) => `${m.state_iso3}/${m.number}`;
const stateOfKey = (key: string) => key.slice(0, 3);

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
    ...proposalContent(p),
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
      await restoreProposal(trx, actor, matrices.get(r.matrix)!, row, {
        id: r.id,
        field: r.field,
        authorId: idOf(r.author)!,
        kind: r.kind,
        comment: r.comment,
        value: r.value,
        sources: r.sources,
        infoDate: r.infoDate,
        createdAt: new Date(r.createdAt),
        status: r.status,
        decidedBy: idOf(r.decidedBy),
        decidedAt: r.decidedAt ? new Date(r.decidedAt) : null,
        decisionNote: r.decisionNote,
        archived: r.archived,
      });
      report.add(row ? 'updated' : 'created');
    }
  },
};
