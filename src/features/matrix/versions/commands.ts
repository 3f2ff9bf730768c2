import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../../platform/errors.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import { findState } from '../../member-states/index.ts';
import type { MatrixStatus } from '../schema.ts';
import { findTemplate } from '../templates/templates.ts';
import type { CellChangeInput } from './cells.ts';
import { cellsOf, latestApproved, type MatrixRow, openMatrix } from './matrices.ts';
import { auditIn, createVersions, stepMatrix, writeCellChanges } from './writes.ts';

export type { CellChangeInput } from './cells.ts';
export { checkCellChanges } from './cells.ts';
export { auditedMatrix, matrixResource } from './writes.ts';

type Db = Kysely<DB> | Transaction<DB>;
const inTransaction = <T>(db: Db, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
  db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);

async function lockedMatrix(trx: Transaction<DB>, id: string): Promise<MatrixRow> {
  const matrix = await trx.selectFrom('matrix').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!matrix) throw notFound('the matrix');
  return matrix;
}

/** A State's matrix has a version in the works already: a 409 naming the State. */
const inTheWorks = (iso3: string) =>
  new AppError('conflict', `${iso3} already has a matrix version in the works: finish or return it first`, {
    fields: [{ field: 'state', problem: `${iso3} already has a matrix version in the works` }],
  });

/** The unique indexes a new version meets (migrations 0003, 0014): another writer started one meanwhile. */
const versionIndexes = ['matrix_one_open__state', 'matrix_state_number__state'];
const startedMeanwhile = (err: unknown) => {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && versionIndexes.includes(e.constraint ?? '');
};

/**
 * Starts the next version of a State's matrix, as a copy of its latest approved one (the first
 * version starts blank). There is one version in the works per State at a time: the unique
 * indexes refuse a second one started at the same moment, which is then the same 409.
 */
export async function startDraft(db: Db, actor: Actor, iso3: string, options: { templateVersion?: string; demo?: boolean } = {}) {
  try {
    return await startDraftIn(db, actor, iso3, options);
  } catch (err) {
    if (startedMeanwhile(err)) throw inTheWorks(iso3.toUpperCase());
    throw err;
  }
}

function startDraftIn(db: Db, actor: Actor, iso3: string, options: { templateVersion?: string; demo?: boolean }) {
  return inTransaction(db, async (trx) => {
    const state = await findState(trx, iso3);
    if (!state) throw notFound(`the State ${iso3}`);
    if (await openMatrix(trx, state.iso3)) throw inTheWorks(state.iso3);
    const base = await latestApproved(trx, state.iso3);
    const templateVersion = options.templateVersion ?? base?.template_version ?? '2017';
    if (!(await findTemplate(trx, templateVersion))) throw notFound(`the matrix template ${templateVersion}`);
    if (base && base.template_version !== templateVersion)
      throw invalid([{ field: 'template', problem: `the latest approved matrix uses ${base.template_version}: convert it first` }]);
    const [row] = await createVersions(trx, auditIn(trx, actor), [
      { iso3: state.iso3, template: templateVersion, base: base ?? null, demo: options.demo ?? false },
    ]);
    return row!;
  });
}

/**
 * Saves changed cells, all of them or none. Each change names the version of the cell it was
 * made on: if someone saved that cell since, the save is refused and the message shows their
 * value, so that nobody's work is lost.
 */
export async function saveCells(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  matrixId: string,
  changes: CellChangeInput[],
): Promise<{ saved: number; cells: { field: string; rowVersion: number }[] }> {
  return inTransaction(db, async (trx) => {
    const matrix = await lockedMatrix(trx, matrixId);
    const template = await findTemplate(trx, matrix.template_version);
    const fieldCodes = new Set(template!.definition.fields.map((f) => f.code));
    const current = new Map((await cellsOf(trx, matrix.id)).map((c) => [c.field_code, c]));
    // A change without the version it was made on is checked against a blank cell.
    const withVersions = changes.map((c) => ({ ...c, expectedVersion: c.expectedVersion ?? 0 }));
    const saved = await writeCellChanges(trx, auditIn(trx, actor), viewer, [{ matrix, fieldCodes, current, changes: withVersions }]);
    return { saved: changes.length, cells: saved.get(matrix.id) ?? [] };
  });
}

/** Moves a version one step along its way, if the viewer may take that step. */
export async function moveMatrix(db: Db, actor: Actor, viewer: Viewer, matrixId: string, to: MatrixStatus): Promise<MatrixRow> {
  return inTransaction(db, async (trx) => stepMatrix(trx, auditIn(trx, actor), viewer, await lockedMatrix(trx, matrixId), to));
}
