import { sql, type Transaction } from 'kysely';
import { type Actor, type Change, recordChange } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import type { CellSource, MatrixStatus } from '../schema.ts';
import { type CellChangeInput, type CellContent, cellContent, checkCellChanges, normalSource } from './cells.ts';
import type { CellRow, MatrixRow } from './matrices.ts';
import { confidentialityFor, editable, stepTo } from './workflow.ts';

/*
 * The write core of a matrix version and its cells. Every door (forms, API, file import, bundle
 * import, conversion, demonstration data, proposals) writes `matrix` and `matrix_cell` through
 * these functions only: they hold the row versions, the checks of a value, who may change what,
 * and the audit event, so that no door stores what another would refuse.
 */

/** Who the audit events name, and where they go: one event a statement, or (the demonstration) collected. */
export interface Auditor {
  actor: Actor;
  record: (change: Change) => Promise<void>;
}

export const auditIn = (trx: Transaction<DB>, actor: Actor): Auditor => ({ actor, record: (change) => recordChange(trx, actor, change) });

export function matrixResource(m: Pick<MatrixRow, 'confidentiality' | 'state_iso3'>) {
  return { type: 'matrix' as const, confidentiality: m.confidentiality, stateIso3: m.state_iso3 };
}

/** What the audit history keeps of a version. */
export function auditedMatrix(
  m: Pick<MatrixRow, 'state_iso3' | 'number' | 'template_version' | 'status' | 'based_on' | 'confidentiality'>,
) {
  return {
    state: m.state_iso3,
    number: m.number,
    template: m.template_version,
    status: m.status,
    basedOn: m.based_on,
    confidentiality: m.confidentiality,
  };
}

/** A cell as written, with the stamp it may bring (a conversion keeps who changed it; the demonstration its past). */
export interface CellWrite extends CellContent {
  field: string;
  updatedBy?: string | null;
  /** The row version of a cell that did not exist (an existing one moves one on). */
  rowVersion?: number;
}

/**
 * The one statement that writes cells: each batch one JSON parameter (binding tens of thousands
 * of parameters costs more than the writing), inserted or, where the cell exists, updated with its
 * row version moved on.
 */
export async function putCells(
  trx: Transaction<DB>,
  actor: Actor,
  rows: { matrixId: string; cell: CellWrite }[],
  at: Date,
): Promise<{ matrix_id: string; field_code: string; row_version: number }[]> {
  const values = rows.map(({ matrixId, cell: c }) => ({
    matrix_id: matrixId,
    field_code: c.field,
    value: c.value,
    remarks: c.remarks,
    sources: c.sources.map(normalSource),
    info_date: c.infoDate,
    instrument_status: c.instrumentStatus,
    instrument_date: c.instrumentDate,
    updated_by: c.updatedBy === undefined ? actor.id : c.updatedBy,
    row_version: c.rowVersion ?? 1,
  }));
  const written: { matrix_id: string; field_code: string; row_version: number }[] = [];
  for (let i = 0; i < values.length; i += 5000) {
    const result = await sql<{ matrix_id: string; field_code: string; row_version: number }>`
      insert into matrix_cell (matrix_id, field_code, value, remarks, sources, info_date, instrument_status, instrument_date, updated_by, updated_at, row_version)
      select x.matrix_id, x.field_code, x.value, x.remarks, x.sources, x.info_date, x.instrument_status, x.instrument_date, x.updated_by, ${at}, x.row_version
      from jsonb_to_recordset(${JSON.stringify(values.slice(i, i + 5000))}::jsonb) as x(
        matrix_id uuid, field_code text, value text, remarks text, sources jsonb, info_date date, instrument_status text, instrument_date date,
        updated_by uuid, row_version int)
      on conflict (matrix_id, field_code) do update set
        value = excluded.value, remarks = excluded.remarks, sources = excluded.sources, info_date = excluded.info_date,
        instrument_status = excluded.instrument_status, instrument_date = excluded.instrument_date,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at, row_version = matrix_cell.row_version + 1
      returning matrix_id, field_code, row_version`.execute(trx);
    written.push(...result.rows);
  }
  return written;
}

const asWrite = (c: CellChangeInput): CellWrite => ({
  field: c.field,
  value: c.value,
  remarks: c.remarks ?? '',
  // Checked by then: `checkCellChanges` refuses an unknown kind.
  sources: (c.sources ?? []).map((x) => normalSource(x as CellSource)),
  infoDate: c.infoDate ?? null,
  instrumentStatus: c.instrumentStatus ?? null,
  instrumentDate: c.instrumentDate ?? null,
});

/** The cells of one version to change: the version (locked by the caller), its cells as they stand, the changes. */
export interface CellChanges {
  matrix: MatrixRow;
  fieldCodes: ReadonlySet<string>;
  current: ReadonlyMap<string, CellRow>;
  changes: (CellChangeInput & { rowVersion?: number })[];
}

/** The conflict of a stale save: each cell saved by someone else since, with its value now and who saved it. */
async function staleConflict(trx: Transaction<DB>, stale: { change: CellChangeInput; now: CellRow | undefined }[]): Promise<AppError> {
  const names = new Map((await trx.selectFrom('app_user').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
  return new AppError(
    'conflict',
    `someone else saved ${stale.length === 1 ? 'this field' : 'these fields'} since you opened the matrix; nothing was saved`,
    {
      fields: stale.map(({ change, now }) => {
        const who = now?.updated_by ? (names.get(now.updated_by) ?? 'someone') : 'someone';
        return { field: change.field, problem: `now "${now?.value ?? ''}", saved by ${who}; you had version ${change.expectedVersion}` };
      }),
    },
  );
}

/**
 * Changes cells of open versions, all of them or none: the viewer may change each version, each
 * is still open, every change passes `checkCellChanges`, and a change that names the row version
 * it was made on finds the cell still at that version. Each version's row version moves on and its
 * audit event keeps each field's before and after. Returns the new row version of each cell.
 */
export async function writeCellChanges(
  trx: Transaction<DB>,
  audit: Auditor,
  viewer: Viewer,
  targets: readonly CellChanges[],
  at = new Date(),
): Promise<Map<string, { field: string; rowVersion: number }[]>> {
  for (const { matrix, fieldCodes, current, changes } of targets) {
    if (!can(viewer, 'update', matrixResource(matrix))) throw new AppError('forbidden', 'your account may not change this matrix');
    if (!editable.includes(matrix.status))
      throw new AppError('conflict', `this matrix is ${matrix.status} and never changes: start a new draft`);
    const problems = checkCellChanges(fieldCodes, changes);
    if (problems.length) throw invalid(problems);
    const stale = changes
      .filter((c) => c.expectedVersion !== undefined && (current.get(c.field)?.row_version ?? 0) !== c.expectedVersion)
      .map((change) => ({ change, now: current.get(change.field) }));
    if (stale.length) throw await staleConflict(trx, stale);
  }
  const touched = targets.filter((t) => t.changes.length);
  const written = await putCells(
    trx,
    audit.actor,
    touched.flatMap((t) => t.changes.map((c) => ({ matrixId: t.matrix.id, cell: { ...asWrite(c), rowVersion: c.rowVersion } }))),
    at,
  );
  const saved = new Map(touched.map((t) => [t.matrix.id, [] as { field: string; rowVersion: number }[]]));
  for (const w of written) saved.get(w.matrix_id)?.push({ field: w.field_code, rowVersion: w.row_version });
  if (touched.length)
    await trx
      .updateTable('matrix')
      .set({ updated_at: at, row_version: sql<number>`row_version + 1` })
      .where(
        'id',
        'in',
        touched.map((t) => t.matrix.id),
      )
      .execute();
  for (const { matrix, current, changes } of touched) {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const c of changes) {
      const old = current.get(c.field);
      const w = asWrite(c);
      before[c.field] = old ? cellContent(old) : null;
      after[c.field] = { value: w.value, remarks: w.remarks, sources: w.sources, infoDate: w.infoDate };
    }
    await audit.record({
      action: 'update',
      recordType: 'matrix',
      recordId: matrix.id,
      confidentiality: matrix.confidentiality,
      stateIso3: matrix.state_iso3,
      before,
      after,
    });
    // The order of the changes, as the callers gave them.
    const order = new Map(changes.map((c, i) => [c.field, i]));
    saved.get(matrix.id)?.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
  }
  return saved;
}

/** A new version of a State's matrix. */
export interface NewVersion {
  iso3: string;
  /** Its number; the State's next by default. */
  number?: number;
  template: string;
  /** The approved version it starts from. */
  base: MatrixRow | null;
  demo: boolean;
  /** Its cells: a copy of the base's by default; a conversion gives its own. */
  cells?: CellWrite[];
  /** When it started (the demonstration's past); now by default. */
  at?: Date;
}

/**
 * Starts new versions (drafts), each numbered after its State's last and filled with a copy of its
 * base's cells (or the cells given), with the audit event `create` (or the caller's action and
 * what it adds to the event). The callers checked that none of the States has a version open (the
 * database's one-open-version index guards it too) and that the template is the base's.
 */
export async function createVersions(
  trx: Transaction<DB>,
  audit: Auditor,
  versions: readonly NewVersion[],
  event: { action?: string; after?: (row: MatrixRow) => Record<string, unknown> } = {},
): Promise<MatrixRow[]> {
  if (!versions.length) return [];
  const unnumbered = [...new Set(versions.filter((v) => v.number === undefined).map((v) => v.iso3))];
  const last = new Map(
    unnumbered.length
      ? (
          await trx
            .selectFrom('matrix')
            .select(['state_iso3', (eb) => eb.fn.max('number').as('n')])
            .where('state_iso3', 'in', unnumbered)
            .groupBy('state_iso3')
            .execute()
        ).map((r) => [r.state_iso3, Number(r.n)])
      : [],
  );
  const rows = await trx
    .insertInto('matrix')
    .values(
      versions.map((v) => ({
        state_iso3: v.iso3,
        number: v.number ?? (last.get(v.iso3) ?? 0) + 1,
        template_version: v.template,
        based_on: v.base?.id ?? null,
        demo: v.demo,
        ...(v.at ? { status_changed_at: v.at, created_at: v.at, updated_at: v.at } : {}),
      })),
    )
    .returningAll()
    .execute();
  const byState = new Map(rows.map((r) => [r.state_iso3, r]));
  const copied = versions.filter((v) => !v.cells && v.base).map((v) => byState.get(v.iso3)!.id);
  // A copied cell keeps its row as it was: who changed it last, and when.
  if (copied.length)
    await sql`
      insert into matrix_cell (matrix_id, field_code, value, info_date, remarks, sources, instrument_status, instrument_date, updated_by, updated_at)
      select m.id, c.field_code, c.value, c.info_date, c.remarks, c.sources, c.instrument_status, c.instrument_date, c.updated_by, c.updated_at
      from matrix m join matrix_cell c on c.matrix_id = m.based_on
      where m.id in (${sql.join(copied)})`.execute(trx);
  for (const v of versions) {
    const row = byState.get(v.iso3)!;
    if (v.cells?.length)
      await putCells(
        trx,
        audit.actor,
        v.cells.map((cell) => ({ matrixId: row.id, cell })),
        v.at ?? new Date(),
      );
    await audit.record({
      action: event.action ?? 'create',
      recordType: 'matrix',
      recordId: row.id,
      confidentiality: row.confidentiality,
      stateIso3: row.state_iso3,
      after: { ...auditedMatrix(row), ...event.after?.(row) },
    });
  }
  return versions.map((v) => byState.get(v.iso3)!);
}

/** Moves a version (locked by the caller) one step along its way, if the viewer may take that step. */
export async function stepMatrix(
  trx: Transaction<DB>,
  audit: Auditor,
  viewer: Viewer,
  matrix: MatrixRow,
  to: MatrixStatus,
  at = new Date(),
): Promise<MatrixRow> {
  const step = stepTo(matrix.status, to);
  if (!step) throw new AppError('conflict', `a ${matrix.status} matrix cannot become ${to}`);
  if (!can(viewer, step.needs, matrixResource(matrix))) throw new AppError('forbidden', `your account may not make this matrix ${to}`);
  const moved = await trx
    .updateTable('matrix')
    .set({
      status: to,
      confidentiality: confidentialityFor(to),
      status_changed_at: at,
      ...(to === 'approved' ? { approved_at: at } : {}),
      ...(to === 'published' ? { published_at: at } : {}),
      row_version: sql<number>`row_version + 1`,
      updated_at: at,
    })
    .where('id', '=', matrix.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit.record({
    action: to,
    recordType: 'matrix',
    recordId: matrix.id,
    // The history of a version is as confidential as the version was before this step.
    confidentiality: matrix.confidentiality,
    stateIso3: matrix.state_iso3,
    before: auditedMatrix(matrix),
    after: auditedMatrix(moved),
  });
  return moved;
}
