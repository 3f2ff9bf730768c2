import { sql, type Transaction } from 'kysely';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { CellSource, ProposalKind, ProposalStatus } from '../schema.ts';
import { auditedProposal, type ProposalRow, proposalResource } from './proposals.ts';

/** A comment or proposal as a bundle carries it, with its accounts resolved to ids. */
export interface RestoredProposal {
  id: string;
  field: string;
  authorId: string;
  kind: ProposalKind;
  comment: string;
  value: '' | 'X' | '?' | 'NA' | null;
  sources: CellSource[];
  infoDate: string | null;
  createdAt: Date;
  status: ProposalStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string;
  archived: boolean;
}

const frozen = (status: string) => status === 'approved' || status === 'published';

/**
 * Stores a comment or proposal from a bundle as it was (its decision included), new or over the
 * stored one (what it says never changes; its decision may), with one audit event on its version.
 * The bundle checked it against the commands' rules first.
 */
export async function restoreProposal(
  trx: Transaction<DB>,
  actor: Actor,
  matrix: { id: string; status: string; state_iso3: string },
  row: ProposalRow | undefined,
  r: RestoredProposal,
): Promise<ProposalRow> {
  const values = {
    status: r.status,
    decided_by: r.decidedBy,
    decided_at: r.decidedAt,
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
          author_id: r.authorId,
          kind: r.kind,
          comment: r.comment,
          value: r.value,
          sources: JSON.stringify(r.sources),
          info_date: r.infoDate,
          created_at: r.createdAt,
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
  return after;
}
