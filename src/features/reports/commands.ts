import { todayIso } from '../../platform/values/dates.ts';
import type { Kysely, Transaction, UpdateObject } from 'kysely';
import { changeScope } from '../../platform/policy/levels.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { locales } from '../../platform/i18n/locales.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { findState } from '../member-states/index.ts';
import { checkPlanInput, checkReportInput, type PlanInput, type ReportInput, tidyList } from './checks.ts';
import { type Db, type PlanRow, planNumberTaken, type ReportRow, reportingDates, reportWithSymbol } from './queries.ts';
import { type PlanStatus, type ReportKind, reportParagraphs, reportWeaponTypes } from './schema.ts';

// What used to live here and moved: the checks (checks.ts) and the queries (queries.ts).
export { checkPlanInput, checkReportInput, type PlanInput, type ReportInput } from './checks.ts';
export {
  planFact,
  planResource,
  type PlanRow,
  plansVisibleTo,
  reportFact,
  reportResource,
  type ReportRow,
  reportsVisibleTo,
  stateCodesVisibleTo,
} from './queries.ts';

const auditedReport = (r: ReportRow) => ({ ...r, created_at: undefined, updated_at: undefined });
const auditedPlan = (p: PlanRow) => ({ ...p, created_at: undefined, updated_at: undefined });

/** The two kinds of record this module keeps, with what their messages and history call them. */
const kept = {
  national_report: { noun: 'report', recordType: 'national-report', audited: auditedReport },
  action_plan: { noun: 'plan', recordType: 'action-plan', audited: auditedPlan },
} as const;
type KeptTable = keyof typeof kept;
type RowOf<T extends KeptTable> = T extends 'national_report' ? ReportRow : PlanRow;

/**
 * Runs a change in one transaction. The unique indexes catch what two writers checking at the
 * same time would both let through (two first reports, a plan number twice): that becomes the same
 * field problem the checks give, not a server error.
 */
async function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code === '23505' && (e.constraint === 'national_report_one_first' || /national_report_one_first/.test(e.message ?? '')))
      throw invalid([{ field: 'kind', problem: 'the State has a first report already: record this as additional information' }]);
    if (e.code === '23505' && (e.constraint === 'action_plan_number' || /action_plan_number/.test(e.message ?? '')))
      throw invalid([{ field: 'number', problem: 'the State has a plan of this number already' }]);
    throw err;
  }
}

async function requireState(trx: Db, iso3: string): Promise<string> {
  const state = iso3 ? await findState(trx, iso3) : undefined;
  if (!state) throw invalid([{ field: 'state', problem: `${iso3 || '(empty)'} is not a Member State` }]);
  return state.iso3;
}

/** The checks of a report against the State's other records. */
async function reportProblems(trx: Db, stateIso3: string, kind: string, receivedOn: string, symbol: string, exceptId?: string) {
  const problems: FieldProblem[] = [];
  const dates = await reportingDates(trx, stateIso3, exceptId);
  if (kind === 'first-report') {
    if (dates.firstReport)
      problems.push({ field: 'kind', problem: `${stateIso3} has a first report already: record this as additional information` });
    else if (dates.earliestAdditional && dates.earliestAdditional < receivedOn)
      problems.push({ field: 'receivedOn', problem: `is after ${stateIso3}’s additional information of ${dates.earliestAdditional}` });
  } else if (dates.firstReport && receivedOn < dates.firstReport)
    problems.push({ field: 'receivedOn', problem: `is before ${stateIso3}’s first report of ${dates.firstReport}` });
  if (symbol) {
    const other = await reportWithSymbol(trx, symbol, exceptId);
    if (other) problems.push({ field: 'symbol', problem: `is already the symbol of ${other.state_iso3}’s report of ${other.received_on}` });
  }
  return problems;
}

async function recordCreated(trx: Transaction<DB>, actor: Actor, table: KeptTable, row: ReportRow | PlanRow) {
  await recordChange(trx, actor, {
    action: 'create',
    recordType: kept[table].recordType,
    recordId: row.id,
    confidentiality: row.confidentiality,
    stateIso3: row.state_iso3,
    after: { ...row, created_at: undefined, updated_at: undefined },
  });
}

export async function createReport(db: Kysely<DB>, actor: Actor, input: ReportInput, today = todayIso()): Promise<ReportRow> {
  const problems = checkReportInput(input, today);
  if (problems.length) throw invalid(problems);
  return inTransaction(db, async (trx) => {
    const stateIso3 = await requireState(trx, input.stateIso3);
    const symbol = input.symbol?.trim() ?? '';
    const more = await reportProblems(trx, stateIso3, input.kind, input.receivedOn, symbol);
    if (more.length) throw invalid(more);
    const row = await trx
      .insertInto('national_report')
      .values({
        state_iso3: stateIso3,
        kind: input.kind as ReportKind,
        received_on: input.receivedOn,
        symbol,
        languages: tidyList(input.languages ?? [], locales),
        summary: input.summary?.trim() ?? '',
        paragraphs: tidyList(input.paragraphs ?? [], reportParagraphs),
        weapon_types: tidyList(input.weaponTypes ?? [], reportWeaponTypes),
        source: input.source ?? 'entered',
        confidentiality: (input.confidentiality as Confidentiality | undefined) ?? 'public',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordCreated(trx, actor, 'national_report', row);
    return row;
  });
}

export async function createPlan(db: Kysely<DB>, actor: Actor, input: PlanInput, today = todayIso()): Promise<PlanRow> {
  const problems = checkPlanInput(input, today);
  if (problems.length) throw invalid(problems);
  return inTransaction(db, async (trx) => {
    const stateIso3 = await requireState(trx, input.stateIso3);
    if (await planNumberTaken(trx, stateIso3, input.number))
      throw invalid([{ field: 'number', problem: `${stateIso3} has a plan numbered ${input.number} already` }]);
    const row = await trx
      .insertInto('action_plan')
      .values({
        state_iso3: stateIso3,
        number: input.number,
        status: input.status as PlanStatus,
        started_on: input.startedOn || null,
        submitted_on: input.submittedOn || null,
        published_on: input.publishedOn || null,
        source: input.source ?? 'entered',
        confidentiality: (input.confidentiality as Confidentiality | undefined) ?? 'public',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordCreated(trx, actor, 'action_plan', row);
    return row;
  });
}

/** Locks a record for a change, refusing it if someone else changed it since `expectedVersion`. */
async function lockRecord<T extends KeptTable>(trx: Transaction<DB>, table: T, id: string, expectedVersion: number): Promise<RowOf<T>> {
  const { noun } = kept[table];
  const before = (await trx
    .selectFrom(table as KeptTable)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()) as RowOf<T> | undefined;
  if (!before) throw notFound(noun === 'plan' ? 'the action plan' : 'the report');
  if (before.row_version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this ${noun} was changed by someone else (version ${before.row_version}, yours ${expectedVersion}): reload to see the change`,
    );
  return before;
}

type Changes<T extends KeptTable> = UpdateObject<DB, T>;

/**
 * Every change of a kept record, in one transaction: lock it at the version the writer saw, work
 * out the new values from the record as it is (`null`: nothing to change), save them under the next
 * version, and record the event with the record before and after.
 */
async function changeRecord<T extends KeptTable>(
  db: Kysely<DB>,
  actor: Actor,
  table: T,
  id: string,
  expectedVersion: number,
  action: 'update' | 'archive' | 'restore',
  changes: (trx: Transaction<DB>, before: RowOf<T>) => Promise<Changes<T> | null>,
): Promise<RowOf<T>> {
  return inTransaction(db, async (trx) => {
    const before = await lockRecord(trx, table, id, expectedVersion);
    if (action === 'update' && before.archived_at)
      throw new AppError('conflict', `this ${kept[table].noun} is archived: restore it before changing it`);
    const set = await changes(trx, before);
    if (!set) return before;
    const after = (await trx
      .updateTable(table as KeptTable)
      .set({ ...(set as Changes<KeptTable>), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as RowOf<T>;
    const audited = kept[table].audited as (r: RowOf<T>) => unknown;
    await recordChange(trx, actor, {
      action,
      recordType: kept[table].recordType,
      recordId: id,
      ...changeScope(before, after),
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** A change of a report: what is left out stays as it is. */
export type ReportChange = Partial<Omit<ReportInput, 'stateIso3' | 'source'>>;

export function updateReport(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: ReportChange,
  today = todayIso(),
): Promise<ReportRow> {
  return changeRecord(db, actor, 'national_report', id, expectedVersion, 'update', async (trx, before) => {
    const next: ReportInput = {
      stateIso3: before.state_iso3,
      kind: input.kind ?? before.kind,
      receivedOn: input.receivedOn ?? before.received_on,
      symbol: input.symbol?.trim() ?? before.symbol,
      languages: input.languages ?? before.languages,
      summary: input.summary?.trim() ?? before.summary,
      paragraphs: input.paragraphs ?? before.paragraphs,
      weaponTypes: input.weaponTypes ?? before.weapon_types,
      confidentiality: input.confidentiality ?? before.confidentiality,
    };
    const problems = checkReportInput(next, today);
    if (problems.length) throw invalid(problems);
    const more = await reportProblems(trx, before.state_iso3, next.kind, next.receivedOn, next.symbol ?? '', id);
    if (more.length) throw invalid(more);
    return {
      kind: next.kind as ReportKind,
      received_on: next.receivedOn,
      symbol: next.symbol ?? '',
      languages: tidyList(next.languages ?? [], locales),
      summary: next.summary ?? '',
      paragraphs: tidyList(next.paragraphs ?? [], reportParagraphs),
      weapon_types: tidyList(next.weaponTypes ?? [], reportWeaponTypes),
      confidentiality: next.confidentiality as Confidentiality,
    };
  });
}

/** A change of a plan: what is left out stays as it is; a date given as null or '' is cleared. */
export type PlanChange = Partial<Omit<PlanInput, 'stateIso3' | 'source'>>;

export function updatePlan(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: PlanChange,
  today = todayIso(),
): Promise<PlanRow> {
  return changeRecord(db, actor, 'action_plan', id, expectedVersion, 'update', async (trx, before) => {
    const keep = <V>(value: V | undefined, was: V) => (value === undefined ? was : value);
    const next: PlanInput = {
      stateIso3: before.state_iso3,
      number: input.number ?? before.number,
      status: input.status ?? before.status,
      startedOn: keep(input.startedOn, before.started_on) || null,
      submittedOn: keep(input.submittedOn, before.submitted_on) || null,
      publishedOn: keep(input.publishedOn, before.published_on) || null,
      confidentiality: input.confidentiality ?? before.confidentiality,
    };
    const problems = checkPlanInput(next, today);
    if (problems.length) throw invalid(problems);
    if (await planNumberTaken(trx, before.state_iso3, next.number, id))
      throw invalid([{ field: 'number', problem: `${before.state_iso3} has a plan numbered ${next.number} already` }]);
    return {
      number: next.number,
      status: next.status as PlanStatus,
      started_on: next.startedOn ?? null,
      submitted_on: next.submittedOn ?? null,
      published_on: next.publishedOn ?? null,
      confidentiality: next.confidentiality as Confidentiality,
    };
  });
}

/** Archives a report (never deleted): it leaves the lists and the figures. */
export function archiveReport(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number): Promise<ReportRow> {
  return changeRecord(db, actor, 'national_report', id, expectedVersion, 'archive', async (_trx, before) =>
    before.archived_at ? null : { archived_at: new Date() },
  );
}

/** Brings an archived report back, unless it would make a second first report or break the order of the State's reports. */
export function restoreReport(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number): Promise<ReportRow> {
  return changeRecord(db, actor, 'national_report', id, expectedVersion, 'restore', async (trx, before) => {
    if (!before.archived_at) return null;
    const problems = await reportProblems(trx, before.state_iso3, before.kind, before.received_on, before.symbol, id);
    if (problems.length) throw invalid(problems);
    return { archived_at: null };
  });
}

export function archivePlan(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number): Promise<PlanRow> {
  return changeRecord(db, actor, 'action_plan', id, expectedVersion, 'archive', async (_trx, before) =>
    before.archived_at ? null : { archived_at: new Date() },
  );
}

/** Brings an archived plan back, unless another plan of the State has taken its number meanwhile. */
export function restorePlan(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number): Promise<PlanRow> {
  return changeRecord(db, actor, 'action_plan', id, expectedVersion, 'restore', async (trx, before) => {
    if (!before.archived_at) return null;
    if (await planNumberTaken(trx, before.state_iso3, before.number, id))
      throw invalid([
        { field: 'number', problem: `${before.state_iso3} has another plan numbered ${before.number} now: renumber one of them first` },
      ]);
    return { archived_at: null };
  });
}
