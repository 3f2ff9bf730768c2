import type { Transaction } from 'kysely';
import { stricter } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Confidentiality } from '../../../platform/policy/levels.ts';
import type { MatrixStatus } from '../schema.ts';
import { cellContent, sameContent } from './cells.ts';
import { cellsOf, type MatrixRow } from './matrices.ts';
import { type Auditor, auditedMatrix, type CellWrite, putCells } from './writes.ts';

/** A version as a bundle carries it, to be stored as it was: its status, dates and cells. */
export interface RestoredVersion {
  state: string;
  number: number;
  template: string;
  status: MatrixStatus;
  /** The id of the version it started from. */
  basedOn: string | null;
  demo: boolean;
  statusChangedAt: Date;
  approvedAt: Date | null;
  publishedAt: Date | null;
  archived: boolean;
  confidentiality: Confidentiality;
  cells: CellWrite[];
}

/**
 * Stores a version from a bundle, new or over an open one (a frozen version that differs was
 * refused before): its cells are written while the version is open (a frozen version's cells never
 * change), only those that differ, with their row versions moved on so that an editor who saw them
 * before is told; then the version takes its status and dates. One audit event, `create` or
 * `import`, keeps the cells before and after as the caller words them.
 */
export async function restoreVersion(
  trx: Transaction<DB>,
  audit: Auditor,
  r: RestoredVersion,
  before: MatrixRow | undefined,
  cellsAudited: { before?: unknown; after: unknown },
): Promise<MatrixRow> {
  const id = before
    ? before.id
    : (
        await trx
          .insertInto('matrix')
          .values({
            state_iso3: r.state,
            number: r.number,
            template_version: r.template,
            status: 'draft',
            based_on: r.basedOn,
            confidentiality: 'committee-and-state',
            demo: r.demo,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  const stored = new Map((before ? await cellsOf(trx, id) : []).map((c) => [c.field_code, c]));
  const kept = new Set(r.cells.map((c) => c.field));
  const gone = [...stored.keys()].filter((f) => !kept.has(f));
  if (gone.length) await trx.deleteFrom('matrix_cell').where('matrix_id', '=', id).where('field_code', 'in', gone).execute();
  const changed = r.cells.filter((c) => {
    const now = stored.get(c.field);
    return !now || !sameContent(c, cellContent(now));
  });
  await putCells(
    trx,
    audit.actor,
    changed.map((cell) => ({ matrixId: id, cell })),
    new Date(),
  );
  const after = await trx
    .updateTable('matrix')
    .set({
      status: r.status,
      confidentiality: r.confidentiality,
      demo: r.demo,
      status_changed_at: r.statusChangedAt,
      approved_at: r.approvedAt,
      published_at: r.publishedAt,
      archived_at: r.archived ? (before?.archived_at ?? new Date()) : null,
      row_version: (before?.row_version ?? 1) + (before ? 1 : 0),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit.record({
    action: before ? 'import' : 'create',
    recordType: 'matrix',
    recordId: id,
    confidentiality: stricter(before?.confidentiality ?? 'committee-and-state', after.confidentiality),
    stateIso3: r.state,
    ...(before ? { before: { ...auditedMatrix(before), cells: cellsAudited.before } } : {}),
    after: { ...auditedMatrix(after), cells: cellsAudited.after },
  });
  return after;
}
