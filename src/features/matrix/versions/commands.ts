import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { findState } from '../../member-states/index.ts';
import { cellsOf, comparable, latestApproved, type MatrixRow, openMatrix } from './matrices.ts';
import type { CellSource, MatrixStatus } from '../schema.ts';
import { cellValues } from '../templates/template.ts';
import { findTemplate } from '../templates/templates.ts';
import { confidentialityFor, editable, stepTo } from './workflow.ts';

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

/**
 * Starts the next version of a State's matrix, as a copy of its latest approved one (the first
 * version starts blank). There is one version in the works per State at a time.
 */
export async function startDraft(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  iso3: string,
  options: { templateVersion?: string; demo?: boolean } = {},
): Promise<MatrixRow> {
  const run = async (trx: Transaction<DB>) => {
    const state = await findState(trx, iso3);
    if (!state) throw notFound(`the State ${iso3}`);
    if (await openMatrix(trx, state.iso3))
      throw new AppError('conflict', `${state.iso3} already has a matrix version in the works: finish or return it first`);
    const base = await latestApproved(trx, state.iso3);
    const templateVersion = options.templateVersion ?? base?.template_version ?? '2017';
    if (!(await findTemplate(trx, templateVersion))) throw notFound(`the matrix template ${templateVersion}`);
    if (base && base.template_version !== templateVersion)
      throw invalid([{ field: 'template', problem: `the latest approved matrix uses ${base.template_version}: convert it first` }]);
    const last = await trx
      .selectFrom('matrix')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('state_iso3', '=', state.iso3)
      .executeTakeFirst();
    const row = await trx
      .insertInto('matrix')
      .values({
        state_iso3: state.iso3,
        number: Number(last?.n ?? 0) + 1,
        template_version: templateVersion,
        based_on: base?.id ?? null,
        demo: options.demo ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (base) {
      const cells = await cellsOf(trx, base.id);
      if (cells.length)
        await trx
          .insertInto('matrix_cell')
          .values(
            cells.map((c) => ({
              matrix_id: row.id,
              field_code: c.field_code,
              value: c.value,
              info_date: c.info_date,
              remarks: c.remarks,
              sources: JSON.stringify(c.sources),
              instrument_status: c.instrument_status,
              instrument_date: c.instrument_date,
              updated_by: c.updated_by,
            })),
          )
          .execute();
    }
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'matrix',
      recordId: row.id,
      confidentiality: row.confidentiality,
      stateIso3: row.state_iso3,
      after: auditedMatrix(row),
    });
    return row;
  };
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);
}

export interface CellChangeInput {
  field: string;
  /** The row version the editor saw; 0 for a cell that did not exist yet. */
  expectedVersion: number;
  value: string;
  remarks?: string;
  sources?: CellSource[];
  infoDate?: string | null;
  instrumentStatus?: string | null;
  instrumentDate?: string | null;
}

const sourceKinds = ['law', 'national-report', 'website', 'organization', 'other'];
const instrumentStatuses = ['signed', 'ratified', 'acceded', 'succeeded', 'member', 'not-party'];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Every problem of a set of changes, each named by its field code. */
export function checkCellChanges(fieldCodes: ReadonlySet<string>, changes: CellChangeInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const at = (part: string) => `${c.field}${part}`;
    if (!fieldCodes.has(c.field)) {
      problems.push({ field: c.field, problem: 'is not a field of this matrix’s template' });
      continue;
    }
    if (seen.has(c.field)) problems.push({ field: c.field, problem: 'is changed twice in one save' });
    seen.add(c.field);
    if (!(cellValues as readonly string[]).includes(c.value))
      problems.push({ field: at('.value'), problem: `"${c.value}" is not in the legend (X, ?, NA or blank)` });
    const sources = c.sources ?? [];
    if ((c.value === 'X' || c.value === '?') && sources.length === 0)
      problems.push({ field: at('.sources'), problem: `a value of ${c.value} needs at least one source` });
    sources.forEach((s, i) => {
      if (!sourceKinds.includes(s.kind))
        problems.push({ field: at(`.sources[${i}].kind`), problem: `must be one of ${sourceKinds.join(', ')}` });
      if (!s.citation?.trim()) problems.push({ field: at(`.sources[${i}].citation`), problem: 'is required' });
      if (s.url && !/^https?:\/\//.test(s.url))
        problems.push({ field: at(`.sources[${i}].url`), problem: 'must be an http or https address' });
    });
    for (const [part, date] of [
      ['.infoDate', c.infoDate],
      ['.instrumentDate', c.instrumentDate],
    ] as const) {
      if (date && (!isoDate.test(date) || Number.isNaN(Date.parse(date))))
        problems.push({ field: at(part), problem: 'must be a date written YYYY-MM-DD' });
      else if (date && Date.parse(date) > Date.now()) problems.push({ field: at(part), problem: 'is in the future' });
    }
    if (c.instrumentStatus && !instrumentStatuses.includes(c.instrumentStatus))
      problems.push({ field: at('.instrumentStatus'), problem: `must be one of ${instrumentStatuses.join(', ')}` });
    if ((c.remarks ?? '').length > 4000) problems.push({ field: at('.remarks'), problem: 'must be at most 4,000 characters' });
  }
  return problems;
}

/**
 * Saves changed cells, all of them or none. Each change names the version of the cell it was
 * made on: if someone saved that cell since, the save is refused and the message shows their
 * value, so that nobody's work is lost.
 */
export async function saveCells(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  viewer: Viewer,
  matrixId: string,
  changes: CellChangeInput[],
): Promise<{ saved: number; cells: { field: string; rowVersion: number }[] }> {
  const run = async (trx: Transaction<DB>) => {
    const matrix = await trx.selectFrom('matrix').selectAll().where('id', '=', matrixId).forUpdate().executeTakeFirst();
    if (!matrix) throw notFound('the matrix');
    if (!can(viewer, 'update', matrixResource(matrix))) throw new AppError('forbidden', 'your account may not change this matrix');
    if (!editable.includes(matrix.status))
      throw new AppError('conflict', `this matrix is ${matrix.status} and never changes: start a new draft`);
    const template = await findTemplate(trx, matrix.template_version);
    const problems = checkCellChanges(new Set(template!.definition.fields.map((f) => f.code)), changes);
    if (problems.length) throw invalid(problems);
    const current = new Map((await cellsOf(trx, matrix.id)).map((c) => [c.field_code, c]));
    const stale = changes.filter((c) => (current.get(c.field)?.row_version ?? 0) !== c.expectedVersion);
    if (stale.length) {
      const names = new Map((await trx.selectFrom('app_user').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
      throw new AppError(
        'conflict',
        `someone else saved ${stale.length === 1 ? 'this field' : 'these fields'} since you opened the matrix; nothing was saved`,
        {
          fields: stale.map((c) => {
            const now = current.get(c.field);
            const who = now?.updated_by ? (names.get(now.updated_by) ?? 'someone') : 'someone';
            return { field: c.field, problem: `now "${now?.value ?? ''}", saved by ${who}; you had version ${c.expectedVersion}` };
          }),
        },
      );
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const saved: { field: string; rowVersion: number }[] = [];
    for (const c of changes) {
      const old = current.get(c.field);
      const values = {
        value: c.value as '' | 'X' | '?' | 'NA',
        remarks: c.remarks ?? '',
        sources: JSON.stringify(c.sources ?? []),
        info_date: c.infoDate ?? null,
        instrument_status: (c.instrumentStatus ?? null) as null,
        instrument_date: c.instrumentDate ?? null,
        updated_by: actor.id,
        updated_at: new Date(),
      };
      const written = old
        ? await trx
            .updateTable('matrix_cell')
            .set({ ...values, row_version: old.row_version + 1 })
            .where('id', '=', old.id)
            .returning('row_version')
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('matrix_cell')
            .values({ ...values, matrix_id: matrix.id, field_code: c.field })
            .returning('row_version')
            .executeTakeFirstOrThrow();
      saved.push({ field: c.field, rowVersion: written.row_version });
      before[c.field] = old ? comparable(old) : null;
      after[c.field] = { value: values.value, remarks: values.remarks, sources: c.sources ?? [], infoDate: values.info_date };
    }
    await trx
      .updateTable('matrix')
      .set({ updated_at: new Date(), row_version: matrix.row_version + 1 })
      .where('id', '=', matrix.id)
      .execute();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'matrix',
      recordId: matrix.id,
      confidentiality: matrix.confidentiality,
      stateIso3: matrix.state_iso3,
      before,
      after,
    });
    return { saved: changes.length, cells: saved };
  };
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);
}

/** Moves a version one step along its way, if the viewer may take that step. */
export async function moveMatrix(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  viewer: Viewer,
  matrixId: string,
  to: MatrixStatus,
): Promise<MatrixRow> {
  const run = async (trx: Transaction<DB>) => {
    const matrix = await trx.selectFrom('matrix').selectAll().where('id', '=', matrixId).forUpdate().executeTakeFirst();
    if (!matrix) throw notFound('the matrix');
    const step = stepTo(matrix.status, to);
    if (!step) throw new AppError('conflict', `a ${matrix.status} matrix cannot become ${to}`);
    if (!can(viewer, step.needs, matrixResource(matrix))) throw new AppError('forbidden', `your account may not make this matrix ${to}`);
    const now = new Date();
    const moved = await trx
      .updateTable('matrix')
      .set({
        status: to,
        confidentiality: confidentialityFor(to),
        status_changed_at: now,
        ...(to === 'approved' ? { approved_at: now } : {}),
        ...(to === 'published' ? { published_at: now } : {}),
        row_version: matrix.row_version + 1,
        updated_at: now,
      })
      .where('id', '=', matrix.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
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
  };
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);
}
