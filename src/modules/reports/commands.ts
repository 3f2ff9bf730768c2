import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../errors.ts';
import { locales } from '../../i18n/locales.ts';
import { type Confidentiality, confidentialityLevels } from '../../policy/levels.ts';
import { can, type Viewer } from '../../policy/policy.ts';
import { type Actor, recordChange } from '../audit/record.ts';
import { findState } from '../member-states/queries.ts';
import {
  type ActionPlanTable,
  type NationalReportTable,
  type PlanStatus,
  planStatuses,
  type ReportKind,
  type ReportSource,
  reportKinds,
  reportParagraphs,
  reportWeaponTypes,
} from './schema.ts';
import type { PlanFact, ReportFact } from './status.ts';

export type ReportRow = Selectable<NationalReportTable>;
export type PlanRow = Selectable<ActionPlanTable>;
type Db = Kysely<DB> | Transaction<DB>;

export const reportResource = (r: Pick<ReportRow, 'confidentiality' | 'state_iso3'>) => ({
  type: 'national-report' as const,
  confidentiality: r.confidentiality,
  stateIso3: r.state_iso3,
});
export const planResource = (p: Pick<PlanRow, 'confidentiality' | 'state_iso3'>) => ({
  type: 'action-plan' as const,
  confidentiality: p.confidentiality,
  stateIso3: p.state_iso3,
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

// ---- Queries: every list is filtered by the policy, so that what it hides is not even counted.

export async function reportsVisibleTo(
  db: Db,
  viewer: Viewer | null,
  filters: { stateIso3?: string; from?: string; to?: string; kind?: string } = {},
): Promise<ReportRow[]> {
  let q = db.selectFrom('national_report').selectAll().where('archived_at', 'is', null);
  if (filters.stateIso3) q = q.where('state_iso3', '=', filters.stateIso3);
  if (filters.from) q = q.where('received_on', '>=', filters.from);
  if (filters.to) q = q.where('received_on', '<=', filters.to);
  if (filters.kind) q = q.where('kind', '=', filters.kind as ReportKind);
  const rows = await q.orderBy('received_on').orderBy('state_iso3').execute();
  return rows.filter((r) => can(viewer, 'read', reportResource(r)));
}

export async function plansVisibleTo(db: Db, viewer: Viewer | null, stateIso3?: string): Promise<PlanRow[]> {
  let q = db.selectFrom('action_plan').selectAll().where('archived_at', 'is', null);
  if (stateIso3) q = q.where('state_iso3', '=', stateIso3);
  const rows = await q.orderBy('state_iso3').orderBy('number').execute();
  return rows.filter((p) => can(viewer, 'read', planResource(p)));
}

export async function stateCodesVisibleTo(db: Db, viewer: Viewer | null): Promise<string[]> {
  const rows = await db
    .selectFrom('member_state')
    .select(['iso3', 'confidentiality'])
    .where('archived_at', 'is', null)
    .orderBy('iso3')
    .execute();
  return rows
    .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
    .map((s) => s.iso3);
}

export const reportFact = (r: ReportRow): ReportFact => ({
  stateIso3: r.state_iso3,
  kind: r.kind,
  receivedOn: r.received_on,
  archived: r.archived_at !== null,
});
export const planFact = (p: PlanRow): PlanFact => ({
  stateIso3: p.state_iso3,
  number: p.number,
  status: p.status,
  submittedOn: p.submitted_on,
  archived: p.archived_at !== null,
});

// ---- Commands

function checkDate(problems: FieldProblem[], field: string, value: string | null | undefined, today: string, required = false) {
  if (value === undefined || value === null || value === '') {
    if (required) problems.push({ field, problem: 'is required (YYYY-MM-DD)' });
    return;
  }
  if (!isIsoDate(value)) problems.push({ field, problem: 'must be a date (YYYY-MM-DD)' });
  else if (value > today) problems.push({ field, problem: `is in the future (today is ${today})` });
}

function checkConfidentiality(problems: FieldProblem[], value: string | undefined) {
  if (value !== undefined && !(confidentialityLevels as readonly string[]).includes(value))
    problems.push({ field: 'confidentiality', problem: `must be one of ${confidentialityLevels.join(', ')}` });
}

function checkSubset(problems: FieldProblem[], field: string, values: readonly string[] | undefined, allowed: readonly string[]) {
  const bad = (values ?? []).filter((v) => !allowed.includes(v));
  if (bad.length) problems.push({ field, problem: `has ${bad.join(', ')}: must be among ${allowed.join(', ')}` });
}

export interface ReportInput {
  stateIso3: string;
  kind: string;
  receivedOn: string;
  symbol?: string;
  languages?: string[];
  summary?: string;
  paragraphs?: string[];
  weaponTypes?: string[];
  confidentiality?: string;
  source?: ReportSource;
}

export function checkReportInput(input: ReportInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(reportKinds as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', problem: `must be one of ${reportKinds.join(', ')}` });
  checkDate(problems, 'receivedOn', input.receivedOn, today, true);
  if ((input.symbol ?? '').length > 100) problems.push({ field: 'symbol', problem: 'must be at most 100 characters' });
  if ((input.summary ?? '').length > 4000) problems.push({ field: 'summary', problem: 'must be at most 4000 characters' });
  checkSubset(problems, 'languages', input.languages, locales);
  checkSubset(problems, 'paragraphs', input.paragraphs, reportParagraphs);
  checkSubset(problems, 'weaponTypes', input.weaponTypes, reportWeaponTypes);
  checkConfidentiality(problems, input.confidentiality);
  return problems;
}

const auditedReport = (r: ReportRow) => ({ ...r, archived_at: r.archived_at, created_at: undefined, updated_at: undefined });
const auditedPlan = (p: PlanRow) => ({ ...p, created_at: undefined, updated_at: undefined });

async function requireState(trx: Db, iso3: string): Promise<string> {
  const state = iso3 ? await findState(trx, iso3) : undefined;
  if (!state) throw invalid([{ field: 'state', problem: `${iso3 || '(empty)'} is not a Member State` }]);
  return state.iso3;
}

async function firstReportTaken(trx: Db, stateIso3: string, exceptId?: string): Promise<boolean> {
  let q = trx
    .selectFrom('national_report')
    .select('id')
    .where('state_iso3', '=', stateIso3)
    .where('kind', '=', 'first-report')
    .where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createReport(db: Kysely<DB>, actor: Actor, input: ReportInput, today = todayIso()): Promise<ReportRow> {
  const problems = checkReportInput(input, today);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
    const stateIso3 = await requireState(trx, input.stateIso3);
    if (input.kind === 'first-report' && (await firstReportTaken(trx, stateIso3)))
      throw invalid([{ field: 'kind', problem: `${stateIso3} has a first report already: record this as additional information` }]);
    const row = await trx
      .insertInto('national_report')
      .values({
        state_iso3: stateIso3,
        kind: input.kind as ReportKind,
        received_on: input.receivedOn,
        symbol: input.symbol?.trim() ?? '',
        languages: input.languages ?? [],
        summary: input.summary?.trim() ?? '',
        paragraphs: input.paragraphs ?? [],
        weapon_types: input.weaponTypes ?? [],
        source: input.source ?? 'entered',
        confidentiality: (input.confidentiality as Confidentiality | undefined) ?? 'public',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'national-report',
      recordId: row.id,
      confidentiality: row.confidentiality,
      stateIso3,
      after: auditedReport(row),
    });
    return row;
  });
}

/** The two kinds of record this module keeps, with what their messages and history call them. */
const kept = {
  national_report: { noun: 'report', recordType: 'national-report', audited: (r: ReportRow) => auditedReport(r) },
  action_plan: { noun: 'plan', recordType: 'action-plan', audited: (r: PlanRow) => auditedPlan(r) },
} as const;
type KeptTable = keyof typeof kept;
type RowOf<T extends KeptTable> = T extends 'national_report' ? ReportRow : PlanRow;

/** Locks a record for a change, refusing it if someone else changed it since `expectedVersion`. */
async function lockRecord<T extends KeptTable>(trx: Transaction<DB>, table: T, id: string, expectedVersion: number): Promise<RowOf<T>> {
  const { noun } = kept[table];
  const before = (await trx.selectFrom(table as KeptTable).selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as
    | RowOf<T>
    | undefined;
  if (!before) throw notFound(noun === 'plan' ? 'the action plan' : 'the report');
  if (before.row_version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this ${noun} was changed by someone else (version ${before.row_version}, yours ${expectedVersion}): reload to see the change`,
    );
  return before;
}

/** Archives a report or a plan (never deleted), with its history. */
async function archiveRecord<T extends KeptTable>(db: Kysely<DB>, actor: Actor, table: T, id: string, expectedVersion: number): Promise<RowOf<T>> {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, table, id, expectedVersion);
    if (before.archived_at) return before;
    const after = (await trx
      .updateTable(table as KeptTable)
      .set({ archived_at: new Date(), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as RowOf<T>;
    const audited = kept[table].audited as (r: RowOf<T>) => unknown;
    await recordChange(trx, actor, {
      action: 'archive',
      recordType: kept[table].recordType,
      recordId: id,
      confidentiality: after.confidentiality,
      stateIso3: after.state_iso3,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export async function updateReport(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: Omit<ReportInput, 'stateIso3' | 'source'>,
  today = todayIso(),
): Promise<ReportRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, 'national_report', id, expectedVersion);
    const problems = checkReportInput({ ...input, stateIso3: before.state_iso3 }, today);
    if (problems.length) throw invalid(problems);
    if (input.kind === 'first-report' && (await firstReportTaken(trx, before.state_iso3, id)))
      throw invalid([{ field: 'kind', problem: `${before.state_iso3} has a first report already` }]);
    const after = await trx
      .updateTable('national_report')
      .set({
        kind: input.kind as ReportKind,
        received_on: input.receivedOn,
        symbol: input.symbol?.trim() ?? before.symbol,
        languages: input.languages ?? before.languages,
        summary: input.summary?.trim() ?? before.summary,
        paragraphs: input.paragraphs ?? before.paragraphs,
        weapon_types: input.weaponTypes ?? before.weapon_types,
        confidentiality: (input.confidentiality as Confidentiality | undefined) ?? before.confidentiality,
        row_version: before.row_version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'national-report',
      recordId: id,
      confidentiality: after.confidentiality,
      stateIso3: after.state_iso3,
      before: auditedReport(before),
      after: auditedReport(after),
    });
    return after;
  });
}

export function archiveReport(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number): Promise<ReportRow> {
  return archiveRecord(db, actor, 'national_report', id, expectedVersion);
}

export interface PlanInput {
  stateIso3: string;
  number: number;
  status: string;
  startedOn?: string | null;
  submittedOn?: string | null;
  publishedOn?: string | null;
  confidentiality?: string;
  source?: ReportSource;
}

export function checkPlanInput(input: PlanInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > 99)
    problems.push({ field: 'number', problem: 'must be a whole number from 1 to 99' });
  if (!(planStatuses as readonly string[]).includes(input.status))
    problems.push({ field: 'status', problem: `must be one of ${planStatuses.join(', ')}` });
  checkDate(problems, 'startedOn', input.startedOn, today);
  const sent = input.status === 'submitted' || input.status === 'published';
  checkDate(problems, 'submittedOn', input.submittedOn, today, sent);
  checkDate(problems, 'publishedOn', input.publishedOn, today, input.status === 'published');
  if (input.submittedOn && input.publishedOn && input.publishedOn < input.submittedOn)
    problems.push({ field: 'publishedOn', problem: 'is before the submission' });
  checkConfidentiality(problems, input.confidentiality);
  return problems;
}

async function planNumberTaken(trx: Db, stateIso3: string, number: number, exceptId?: string): Promise<boolean> {
  let q = trx
    .selectFrom('action_plan')
    .select('id')
    .where('state_iso3', '=', stateIso3)
    .where('number', '=', number)
    .where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createPlan(db: Kysely<DB>, actor: Actor, input: PlanInput, today = todayIso()): Promise<PlanRow> {
  const problems = checkPlanInput(input, today);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
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
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'action-plan',
      recordId: row.id,
      confidentiality: row.confidentiality,
      stateIso3,
      after: auditedPlan(row),
    });
    return row;
  });
}

export async function updatePlan(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: Omit<PlanInput, 'stateIso3' | 'source'>,
  today = todayIso(),
): Promise<PlanRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, 'action_plan', id, expectedVersion);
    const problems = checkPlanInput({ ...input, stateIso3: before.state_iso3 }, today);
    if (problems.length) throw invalid(problems);
    if (await planNumberTaken(trx, before.state_iso3, input.number, id))
      throw invalid([{ field: 'number', problem: `${before.state_iso3} has a plan numbered ${input.number} already` }]);
    const after = await trx
      .updateTable('action_plan')
      .set({
        number: input.number,
        status: input.status as PlanStatus,
        started_on: input.startedOn || null,
        submitted_on: input.submittedOn || null,
        published_on: input.publishedOn || null,
        confidentiality: (input.confidentiality as Confidentiality | undefined) ?? before.confidentiality,
        row_version: before.row_version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'action-plan',
      recordId: id,
      confidentiality: after.confidentiality,
      stateIso3: after.state_iso3,
      before: auditedPlan(before),
      after: auditedPlan(after),
    });
    return after;
  });
}

export function archivePlan(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number): Promise<PlanRow> {
  return archiveRecord(db, actor, 'action_plan', id, expectedVersion);
}
