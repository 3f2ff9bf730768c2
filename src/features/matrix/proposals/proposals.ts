import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { can, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { findState } from '../../member-states/index.ts';
import { checkCellChanges, matrixResource, moveMatrix, saveCells } from '../versions/commands.ts';
import { cellsOf, type MatrixRow, matrixVersions } from '../versions/matrices.ts';
import {
  type CellSource,
  type MatrixProposalTable,
  type MatrixStatus,
  type ProposalKind,
  proposalKinds,
  type ProposalStatus,
} from '../schema.ts';
import { findTemplate } from '../templates/templates.ts';
import { editable } from '../versions/workflow.ts';

/**
 * The State's review of its matrix. While a version is with the State (sent or commented), those
 * who may comment on it (its point of contact, and the Committee side) comment on a field or
 * propose a value for it with a source; the experts accept a proposal (its value, sources and
 * date go into the cell) or decline it with a note; the author may withdraw an open one.
 */

type Db = Kysely<DB> | Transaction<DB>;
export type ProposalRow = Selectable<MatrixProposalTable>;
export interface ProposalView extends ProposalRow {
  author_name: string;
  decider_name: string | null;
}

/** Statuses in which a version takes comments and proposals: while it is with the State. */
export const reviewable: readonly MatrixStatus[] = ['sent', 'commented'];

/**
 * Who may read the comments and proposals on a version: the dialogue stays between the Committee
 * side and the State, even once the version is published.
 */
export function proposalResource(m: Pick<MatrixRow, 'state_iso3'>) {
  return { type: 'matrix' as const, confidentiality: 'committee-and-state' as const, stateIso3: m.state_iso3 };
}

/** Whether the viewer may comment on this version now (it is with the State, and the policy allows). */
export function mayPropose(viewer: Viewer | null, m: MatrixRow): boolean {
  return reviewable.includes(m.status) && can(viewer, 'comment', matrixResource(m));
}

/**
 * What a comment or proposal says and where it stands, as every reader sees it: the API, the
 * bundle and the history each add who and when in their own terms.
 */
export function proposalContent(p: Pick<ProposalRow, 'field_code' | 'kind' | 'comment' | 'value' | 'sources' | 'info_date' | 'status'>) {
  return {
    field: p.field_code,
    kind: p.kind,
    comment: p.comment,
    value: p.value,
    sources: p.sources,
    infoDate: p.info_date,
    status: p.status,
  };
}

/** What the audit history keeps of a proposal. */
export function auditedProposal(p: ProposalRow) {
  return { proposal: p.id, ...proposalContent(p), decisionNote: p.decision_note };
}

// Queries

/** The version of a State's matrix in the works, if the viewer may see it. */
export async function openVersionFor(db: Db, viewer: Viewer | null, iso3: string): Promise<MatrixRow | undefined> {
  const versions = await matrixVersions(db, visibilityScope(viewer), iso3);
  return versions.find((v) => editable.includes(v.status));
}

/** The comments and proposals on a version, oldest first, with their authors' and deciders' names. */
export async function proposalsOf(db: Db, matrixId: string, filter: 'open' | 'all' = 'all'): Promise<ProposalView[]> {
  let q = db
    .selectFrom('matrix_proposal as p')
    .innerJoin('app_user as a', 'a.id', 'p.author_id')
    .leftJoin('app_user as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select(['a.display_name as author_name', 'd.display_name as decider_name'])
    .where('p.matrix_id', '=', matrixId)
    .where('p.archived_at', 'is', null);
  if (filter === 'open') q = q.where('p.status', '=', 'open');
  return q.orderBy('p.created_at').orderBy('p.id').execute();
}

export async function countOpenProposals(db: Db, matrixId: string): Promise<number> {
  const row = await db
    .selectFrom('matrix_proposal')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('matrix_id', '=', matrixId)
    .where('status', '=', 'open')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findProposal(db: Db, id: string): Promise<ProposalView | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db
    .selectFrom('matrix_proposal as p')
    .innerJoin('app_user as a', 'a.id', 'p.author_id')
    .leftJoin('app_user as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select(['a.display_name as author_name', 'd.display_name as decider_name'])
    .where('p.id', '=', id)
    .where('p.archived_at', 'is', null)
    .executeTakeFirst();
}

// Commands

export interface ProposalInput {
  /** The field code, e.g. `OP2.USE.N.LF`. */
  field: string;
  kind: string;
  comment?: string;
  /** A proposal's value: X, ?, NA or '' (blank). */
  value?: string;
  sources?: CellSource[];
  infoDate?: string | null;
  /** The version commented on; by default the one in the works. */
  version?: number;
}

const bcp47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Every problem of a comment or proposal on a version of this template, each named by its field. */
export function checkProposal(fieldCodes: ReadonlySet<string>, input: ProposalInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const comment = input.comment?.trim() ?? '';
  if (!(proposalKinds as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', problem: `must be one of ${proposalKinds.join(', ')}` });
  if (!input.field) problems.push({ field: 'field', problem: 'is required' });
  else if (!fieldCodes.has(input.field))
    problems.push({ field: 'field', problem: `"${input.field}" is not a field of this matrix’s template` });
  if (comment.length > 4000) problems.push({ field: 'comment', problem: 'must be at most 4,000 characters' });
  if (input.kind === 'comment' && !comment) problems.push({ field: 'comment', problem: 'a comment needs its text' });
  if (input.kind === 'proposal' && fieldCodes.has(input.field)) {
    if (input.value === undefined)
      problems.push({ field: `${input.field}.value`, problem: 'a proposal needs a value (X, ?, NA or blank)' });
    else
      problems.push(
        ...checkCellChanges(fieldCodes, [
          { field: input.field, expectedVersion: 0, value: input.value, sources: input.sources ?? [], infoDate: input.infoDate ?? null },
        ]),
      );
    (input.sources ?? []).forEach((s, i) => {
      if (s.language && !bcp47.test(s.language))
        problems.push({ field: `${input.field}.sources[${i}].language`, problem: 'must be a language tag such as fr or es-419' });
    });
  }
  return problems;
}

/** The version a comment goes on, locked: the one asked for, or the one in the works. */
async function targetVersion(trx: Transaction<DB>, viewer: Viewer, iso3: string, number: number | undefined): Promise<MatrixRow> {
  const state = await findState(trx, iso3);
  if (!state) throw notFound(`the State ${iso3}`);
  const versions = await matrixVersions(trx, visibilityScope(viewer), state.iso3);
  // By default the version in the works, else the newest the viewer sees (which then takes no comments).
  const found =
    number === undefined ? (versions.find((v) => editable.includes(v.status)) ?? versions[0]) : versions.find((v) => v.number === number);
  if (!found)
    throw notFound(
      number === undefined ? `a matrix of ${state.iso3} that you may see` : `version ${number} of the matrix of ${state.iso3}`,
    );
  return trx.selectFrom('matrix').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
}

/**
 * Records a comment on a field, or a proposed value with its sources. The first one on a version
 * that was sent to the State moves it to `commented`, in the same transaction.
 */
export async function propose(db: Kysely<DB>, actor: Actor, viewer: Viewer, iso3: string, input: ProposalInput): Promise<ProposalRow> {
  return db.transaction().execute(async (trx) => {
    const matrix = await targetVersion(trx, viewer, iso3, input.version);
    if (!can(viewer, 'comment', matrixResource(matrix))) throw new AppError('forbidden', 'your account may not comment on this matrix');
    if (!reviewable.includes(matrix.status))
      throw new AppError(
        'conflict',
        `version ${matrix.number} of the matrix of ${matrix.state_iso3} is ${matrix.status}: comments and proposals are taken while a version is with the State (sent or commented)`,
      );
    const template = await findTemplate(trx, matrix.template_version);
    const problems = checkProposal(new Set(template!.definition.fields.map((f) => f.code)), input);
    if (problems.length) throw invalid(problems);
    const kind = input.kind as ProposalKind;
    const row = await trx
      .insertInto('matrix_proposal')
      .values({
        matrix_id: matrix.id,
        field_code: input.field,
        author_id: viewer.id,
        kind,
        comment: input.comment?.trim() ?? '',
        value: kind === 'proposal' ? (input.value as '' | 'X' | '?' | 'NA') : null,
        sources: JSON.stringify(kind === 'proposal' ? cleanSources(input.sources ?? []) : []),
        info_date: kind === 'proposal' ? input.infoDate || null : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: kind === 'proposal' ? 'propose' : 'comment',
      recordType: 'matrix',
      recordId: matrix.id,
      confidentiality: proposalResource(matrix).confidentiality,
      stateIso3: matrix.state_iso3,
      after: auditedProposal(row),
    });
    if (matrix.status === 'sent') await moveMatrix(trx, actor, viewer, matrix.id, 'commented');
    return row;
  });
}

/** Sources as the cells keep them: trimmed, without empty optional parts. */
function cleanSources(sources: CellSource[]): CellSource[] {
  return sources.map((s) => {
    const out: CellSource = { kind: s.kind, citation: s.citation.trim() };
    for (const k of ['locator', 'url', 'language'] as const) {
      const v = s[k]?.trim();
      if (v) out[k] = v;
    }
    return out;
  });
}

/** A proposal and its version, locked, if the viewer may see them. */
async function lockedProposal(trx: Transaction<DB>, viewer: Viewer, id: string): Promise<{ p: ProposalRow; matrix: MatrixRow }> {
  const found = await findProposal(trx, id);
  if (!found) throw notFound('the comment or proposal');
  const matrix = await trx.selectFrom('matrix').selectAll().where('id', '=', found.matrix_id).forUpdate().executeTakeFirstOrThrow();
  if (!can(viewer, 'read', proposalResource(matrix)) || !can(viewer, 'read', matrixResource(matrix)))
    throw notFound('the comment or proposal');
  const p = await trx.selectFrom('matrix_proposal').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return { p, matrix };
}

function stillOpen(p: ProposalRow, matrix: MatrixRow, expectedVersion: number | undefined): void {
  const what = p.kind === 'proposal' ? 'proposal' : 'comment';
  if (p.status !== 'open') throw new AppError('conflict', `this ${what} is already ${p.status}: it is not decided or withdrawn again`);
  if (expectedVersion !== undefined && expectedVersion !== p.row_version)
    throw new AppError('conflict', `this ${what} changed since you opened it (version ${p.row_version}, you had ${expectedVersion})`);
  if (!editable.includes(matrix.status))
    throw new AppError('conflict', `version ${matrix.number} of the matrix is ${matrix.status} and never changes`);
}

export interface DecisionInput {
  decision: string;
  note?: string;
  /** The row version of the proposal the expert saw. */
  expectedVersion?: number;
}

/**
 * An expert's decision. Accepting a proposal puts its value, sources and date into the cell
 * (keeping the cell's remarks and instrument status) in the same transaction; accepting a comment
 * records that it was taken into account. Declining needs a note saying why. A decided proposal
 * is not decided again.
 */
export async function decide(db: Kysely<DB>, actor: Actor, viewer: Viewer, proposalId: string, input: DecisionInput): Promise<ProposalRow> {
  return db.transaction().execute(async (trx) => {
    const { p, matrix } = await lockedProposal(trx, viewer, proposalId);
    if (!can(viewer, 'update', matrixResource(matrix)))
      throw new AppError('forbidden', 'only the experts who keep this matrix accept or decline proposals');
    const note = input.note?.trim() ?? '';
    const problems: FieldProblem[] = [];
    if (input.decision !== 'accept' && input.decision !== 'decline')
      problems.push({ field: 'decision', problem: 'must be accept or decline' });
    if (input.decision === 'decline' && !note) problems.push({ field: 'note', problem: 'say why the proposal is declined' });
    if (note.length > 4000) problems.push({ field: 'note', problem: 'must be at most 4,000 characters' });
    stillOpen(p, matrix, input.expectedVersion);
    if (problems.length) throw invalid(problems);
    const accepted = input.decision === 'accept';
    if (accepted && p.kind === 'proposal') {
      const cell = (await cellsOf(trx, matrix.id)).find((c) => c.field_code === p.field_code);
      await saveCells(trx, actor, viewer, matrix.id, [
        {
          field: p.field_code,
          expectedVersion: cell?.row_version ?? 0,
          value: p.value ?? '',
          sources: p.sources,
          infoDate: p.info_date,
          remarks: cell?.remarks ?? '',
          instrumentStatus: cell?.instrument_status ?? null,
          instrumentDate: cell?.instrument_date ?? null,
        },
      ]);
    }
    const status: ProposalStatus = accepted ? 'accepted' : 'declined';
    const decided = await trx
      .updateTable('matrix_proposal')
      .set({
        status,
        decided_by: viewer.id,
        decided_at: new Date(),
        decision_note: note,
        row_version: p.row_version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', p.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: accepted ? 'accept-proposal' : 'decline-proposal',
      recordType: 'matrix',
      recordId: matrix.id,
      confidentiality: proposalResource(matrix).confidentiality,
      stateIso3: matrix.state_iso3,
      before: auditedProposal(p),
      after: auditedProposal(decided),
    });
    return decided;
  });
}

/** The author takes back an open comment or proposal. */
export async function withdraw(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer,
  proposalId: string,
  input: { expectedVersion?: number } = {},
): Promise<ProposalRow> {
  return db.transaction().execute(async (trx) => {
    const { p, matrix } = await lockedProposal(trx, viewer, proposalId);
    if (p.author_id !== viewer.id) throw new AppError('forbidden', 'only its author withdraws a comment or proposal');
    stillOpen(p, matrix, input.expectedVersion);
    const withdrawn = await trx
      .updateTable('matrix_proposal')
      .set({ status: 'withdrawn', row_version: p.row_version + 1, updated_at: new Date() })
      .where('id', '=', p.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'withdraw-proposal',
      recordType: 'matrix',
      recordId: matrix.id,
      confidentiality: proposalResource(matrix).confidentiality,
      stateIso3: matrix.state_iso3,
      before: auditedProposal(p),
      after: auditedProposal(withdrawn),
    });
    return withdrawn;
  });
}
