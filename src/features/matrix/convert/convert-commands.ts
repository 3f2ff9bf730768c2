import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import type { Actor } from '../../../platform/audit/record.ts';
import { findState } from '../../member-states/index.ts';
import { auditIn, createVersions } from '../versions/writes.ts';
import { type ConversionMapping, type ConversionPlan, type ConvertibleCell, convertCells, planConversion } from './convert.ts';
import { cellsOf, latestApproved, type MatrixRow, openMatrix } from '../versions/matrices.ts';
import type { CellSource } from '../schema.ts';
import { findTemplate, type TemplateRow } from '../templates/templates.ts';

/** A cell that could not be carried over, with what it said. */
export interface UnmappedCell {
  field: string;
  value: string;
  remarks: string;
  sources: CellSource[];
  infoDate: string | null;
}

/** What the conversion of one State's matrix did. */
export interface StateConversion {
  state: string;
  /** The approved version converted. */
  from: { number: number; template: string };
  /** The new draft. */
  number: number;
  template: string;
  /** Cells carried over (renamed ones included). */
  converted: number;
  renamed: { from: string; to: string }[];
  /** Cells whose field has no counterpart in the new template: not carried over. */
  notMapped: UnmappedCell[];
}

/** The plan as the report shows it (the same for every State on the same template). */
export interface PlanReport {
  from: string;
  to: string;
  /** Source fields with no target. */
  unmappable: string[];
  /** Target fields left blank: no source fills them. */
  unfilled: string[];
}

export const planReport = (p: ConversionPlan): PlanReport => ({ from: p.from, to: p.to, unmappable: p.unmappable, unfilled: p.unfilled });

const draftResource = (iso3: string) => ({ type: 'matrix' as const, confidentiality: 'committee-and-state' as const, stateIso3: iso3 });

/** Problems of a plan, named by their place in the request (`mapping.fields.X`, `to`). */
function mappingProblems(plan: ConversionPlan): FieldProblem[] {
  return plan.problems.map((p) => ({ field: p.field === 'to' ? 'to' : `mapping.${p.field}`, problem: p.problem }));
}

async function targetTemplate(trx: Transaction<DB>, toVersion: string): Promise<TemplateRow> {
  const target = await findTemplate(trx, toVersion);
  if (!target || target.archived_at) throw notFound(`the matrix template ${toVersion}`);
  return target;
}

/** Plans, one per source template, kept for a run over many States. */
type PlanCache = Map<string, ConversionPlan>;

async function planFor(
  trx: Transaction<DB>,
  cache: PlanCache,
  fromVersion: string,
  target: TemplateRow,
  mapping: ConversionMapping | undefined,
): Promise<ConversionPlan> {
  const known = cache.get(fromVersion);
  if (known) return known;
  const source = await findTemplate(trx, fromVersion);
  if (!source) throw notFound(`the matrix template ${fromVersion}`);
  const plan = planConversion(
    { version: source.version, fields: source.definition.fields },
    { version: target.version, fields: target.definition.fields },
    mapping,
  );
  cache.set(fromVersion, plan);
  return plan;
}

async function convertOne(
  trx: Transaction<DB>,
  actor: Actor,
  base: MatrixRow,
  plan: ConversionPlan,
  mapping: ConversionMapping | undefined,
): Promise<{ matrix: MatrixRow; report: StateConversion }> {
  const stored = await cellsOf(trx, base.id);
  const cells = stored.map((c) => ({
    field: c.field_code,
    value: c.value,
    remarks: c.remarks,
    sources: c.sources,
    infoDate: c.info_date,
    instrumentStatus: c.instrument_status as string | null,
    instrumentDate: c.instrument_date,
    updatedBy: c.updated_by,
  })) satisfies ConvertibleCell[];
  const result = convertCells(cells, plan);
  const notMapped = result.unmapped.map((c) => ({
    field: c.field,
    value: c.value,
    remarks: c.remarks,
    sources: c.sources,
    infoDate: c.infoDate,
  }));
  const [row] = await createVersions(
    trx,
    auditIn(trx, actor),
    [
      {
        iso3: base.state_iso3,
        template: plan.to,
        base,
        demo: base.demo,
        // A converted cell keeps who changed it last.
        cells: result.cells,
      },
    ],
    {
      action: 'convert',
      after: () => ({
        convertedFrom: { number: base.number, template: base.template_version },
        mapping: mapping ?? null,
        converted: result.cells.length,
        renamed: result.renamed,
        notMapped,
      }),
    },
  );
  const report: StateConversion = {
    state: base.state_iso3,
    from: { number: base.number, template: base.template_version },
    number: row!.number,
    template: row!.template_version,
    converted: result.cells.length,
    renamed: result.renamed,
    notMapped,
  };
  return { matrix: row!, report };
}

/**
 * Converts a State's latest approved matrix to another template: the next version, a draft in
 * the new template, holds the converted cells. Refused when a version is in the works, when there
 * is no approved version, or when the mapping has problems. Experts and administrators only.
 */
export async function convertMatrix(
  trx: Transaction<DB>,
  actor: Actor,
  viewer: Viewer,
  iso3: string,
  toVersion: string,
  mapping?: ConversionMapping,
): Promise<{ matrix: MatrixRow; report: StateConversion; plan: PlanReport }> {
  const state = await findState(trx, iso3);
  if (!state) throw notFound(`the State ${iso3}`);
  if (!can(viewer, 'create', draftResource(state.iso3)))
    throw new AppError('forbidden', 'your account may not convert this matrix: experts and administrators convert matrices');
  const target = await targetTemplate(trx, toVersion);
  if (await openMatrix(trx, state.iso3))
    throw new AppError('conflict', `${state.iso3} has a matrix version in the works: finish or return it before converting`);
  const base = await latestApproved(trx, state.iso3);
  if (!base) throw new AppError('conflict', `${state.iso3} has no approved matrix to convert`);
  if (base.template_version === target.version)
    throw invalid([{ field: 'to', problem: `the latest approved matrix of ${state.iso3} already uses the template ${target.version}` }]);
  const plan = await planFor(trx, new Map(), base.template_version, target, mapping);
  if (plan.problems.length) throw invalid(mappingProblems(plan));
  const done = await convertOne(trx, actor, base, plan, mapping);
  return { ...done, plan: planReport(plan) };
}

export interface ConvertAllResult {
  converted: StateConversion[];
  /** States left as they are: no approved version, or already in the target template. */
  skipped: { state: string; reason: 'no-approved-version' | 'already-converted' }[];
  plans: PlanReport[];
}

/**
 * Converts the latest approved matrix of every State that has one, in the caller's transaction:
 * all of them or none. Every obstacle (a version in the works, a problem of the mapping) is
 * reported at once, before anything is written.
 */
export async function convertAllMatrices(
  trx: Transaction<DB>,
  actor: Actor,
  viewer: Viewer,
  toVersion: string,
  mapping?: ConversionMapping,
  onProgress?: (done: number, total: number, state: string) => void,
): Promise<ConvertAllResult> {
  if (!can(viewer, 'create', draftResource('')))
    throw new AppError('forbidden', 'your account may not convert matrices: experts and administrators convert matrices');
  const target = await targetTemplate(trx, toVersion);
  const states = (await trx.selectFrom('member_state').select('iso3').where('archived_at', 'is', null).orderBy('iso3').execute()).map(
    (s) => s.iso3,
  );
  const cache: PlanCache = new Map();
  const work: { base: MatrixRow; plan: ConversionPlan }[] = [];
  const skipped: ConvertAllResult['skipped'] = [];
  const blocked: FieldProblem[] = [];
  for (const iso3 of states) {
    if (await openMatrix(trx, iso3)) {
      blocked.push({ field: iso3, problem: 'has a matrix version in the works: finish or return it before converting' });
      continue;
    }
    const base = await latestApproved(trx, iso3);
    if (!base) skipped.push({ state: iso3, reason: 'no-approved-version' });
    else if (base.template_version === target.version) skipped.push({ state: iso3, reason: 'already-converted' });
    else work.push({ base, plan: await planFor(trx, cache, base.template_version, target, mapping) });
  }
  if (blocked.length)
    throw new AppError('conflict', `${blocked.length} States have a matrix version in the works; nothing was converted`, {
      fields: blocked,
    });
  const problems = [...cache.values()].flatMap(mappingProblems);
  if (problems.length) throw invalid(problems);
  const converted: StateConversion[] = [];
  for (const [i, { base, plan }] of work.entries()) {
    converted.push((await convertOne(trx, actor, base, plan, mapping)).report);
    onProgress?.(i + 1, work.length, base.state_iso3);
  }
  return { converted, skipped, plans: [...cache.values()].map(planReport) };
}

/** Thrown to roll a dry run back once its report is made. */
class DryRun extends Error {}

/** Runs a conversion in one transaction; a dry run reports and then rolls everything back. */
export async function inConversionTransaction<T>(db: Kysely<DB>, dryRun: boolean, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = await run(trx);
      if (dryRun) throw new DryRun();
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return result as T;
}
