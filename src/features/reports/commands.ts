import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  type KeptRow,
  lockKept,
  putKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { Resource } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { parseInput } from '../../platform/values/input.ts';
import { findState } from '../member-states/index.ts';
import { planConflict, type ReportFacts, reportConflicts } from './consistency.ts';
import { type PlanData, type PlanInput, planInput, type ReportData, type ReportInput, reportInput } from './inputs.ts';
import { type PlanView, presentPlan, presentReport, type ReportView } from './present.ts';
import { type Db, type PlanRow, planFacts, planResource, type ReportRow, reportFacts, reportResource } from './queries.ts';

/*
 * The write core of reports and plans: every door (the forms, the API, the bundle, the
 * demonstration data) changes them here, in one transaction with the row version, the checks and
 * the audit event; and here is said what a writer may change (a keeper, to a level it may give).
 */

export type { PlanInput, ReportInput } from './inputs.ts';

type Table = 'national_report' | 'action_plan';
type Data = { stateIso3: string; confidentiality: Confidentiality; source: string };
/** A stored report or plan: each belongs to a State. */
type Stored<T extends Table> = KeptRow<T> & { state_iso3: string };

/** What the core does alike for a report and a plan, and what each does its own way. */
interface Core<T extends Table, D extends Data, V extends { state: string }> {
  kind: KeptKind<T>;
  plural: string;
  resource(row: { state_iso3: string; confidentiality: Confidentiality }): Resource;
  parse(input: unknown, today: string): D;
  columns(data: D): Updateable<DB[T]>;
  present(row: KeptRow<T>): V;
  /** The problems of the record (not archived) among the State's others; `id` is the record's own. */
  conflicts(trx: Db, data: D & { id: string }): Promise<FieldProblem[]>;
  /** The fields whose problem among the others means another record holds the value: a 409, as its unique index gives. */
  unique: readonly string[];
  /** The problems of bringing an archived record back. */
  restoring(trx: Db, row: KeptRow<T>): Promise<FieldProblem[]>;
}

const reportAmongOthers = async (trx: Db, r: ReportFacts) => reportConflicts(r, await reportFacts(trx, r.state, r.symbol, r.id));

const withoutTimes = <R extends { created_at: Date; updated_at: Date }>(row: R) => ({
  ...row,
  created_at: undefined,
  updated_at: undefined,
});

const reports: Core<'national_report', ReportData, ReportView> = {
  kind: { table: 'national_report', noun: 'report', recordType: 'national-report', audited: withoutTimes },
  plural: 'reports',
  resource: reportResource,
  parse: (input, today) => parseInput(reportInput(today), input),
  columns: (v) => ({
    kind: v.kind,
    received_on: v.receivedOn,
    symbol: v.symbol,
    languages: v.languages,
    summary: v.summary,
    paragraphs: v.paragraphs,
    weapon_types: v.weaponTypes,
    confidentiality: v.confidentiality,
  }),
  present: presentReport,
  conflicts: (trx, v) => reportAmongOthers(trx, { id: v.id, state: v.stateIso3, kind: v.kind, receivedOn: v.receivedOn, symbol: v.symbol }),
  unique: ['kind', 'symbol'],
  restoring: (trx, r) =>
    reportAmongOthers(trx, { id: r.id, state: r.state_iso3, kind: r.kind, receivedOn: r.received_on, symbol: r.symbol }),
};

const plans: Core<'action_plan', PlanData, PlanView> = {
  kind: { table: 'action_plan', noun: 'plan', recordType: 'action-plan', audited: withoutTimes },
  plural: 'plans',
  resource: planResource,
  parse: (input, today) => parseInput(planInput(today), input),
  columns: (v) => ({
    number: v.number,
    status: v.status,
    started_on: v.startedOn,
    submitted_on: v.submittedOn,
    published_on: v.publishedOn,
    confidentiality: v.confidentiality,
  }),
  present: presentPlan,
  conflicts: async (trx, v) => planConflict({ id: v.id, state: v.stateIso3, number: v.number }, await planFacts(trx, v.stateIso3, v.id)),
  unique: ['number'],
  restoring: async (trx, p) =>
    (await planFacts(trx, p.state_iso3, p.id)).some((o) => o.number === p.number)
      ? [{ field: 'number', problem: `${p.state_iso3} has another plan numbered ${p.number} now: renumber one of them first` }]
      : [],
};

/** The stored record in the shape of the input, to merge a change into. */
const inputOf = <T extends Table, D extends Data, V extends { state: string }>(core: Core<T, D, V>, row: KeptRow<T>) => {
  const view = core.present(row);
  return { ...view, stateIso3: view.state };
};

/** The unique indexes of reports and plans (migrations 0006, 0014), and the problem each one's violation is. */
const uniqueIndexes: Record<string, FieldProblem> = {
  national_report_one_first__kind: {
    field: 'kind',
    problem: 'the State has a first report already: record this as additional information',
  },
  national_report_symbol__symbol: { field: 'symbol', problem: 'is already the symbol of another report' },
  action_plan_number__number: { field: 'number', problem: 'the State has a plan of this number already' },
};

/** Problems that say another record holds a value: a conflict with the stored records (409), each naming its field. */
const taken = (problems: FieldProblem[]) =>
  new AppError('conflict', problems.map((p) => `${p.field}: ${p.problem}`).join('; '), { fields: problems });

/**
 * Runs a change in one transaction (or the caller's). The unique indexes catch what two writers
 * checking at the same time would both let through (two first reports, a symbol or a plan number
 * twice): that becomes the same field problem, and the same 409, that the checks give.
 */
async function write<R>(db: Db, work: (trx: Transaction<DB>) => Promise<R>): Promise<R> {
  try {
    return await inTransaction(db, work);
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code === '23505')
      for (const [name, problem] of Object.entries(uniqueIndexes))
        if (e.constraint === name || (e.message ?? '').includes(`"${name}"`)) throw taken([problem]);
    throw err;
  }
}

/** The problems of a record among the others: only values another record holds are a 409; any other problem makes it a 422 with all of them. */
const throwIf = (problems: FieldProblem[], unique: readonly string[] = []) => {
  if (!problems.length) return;
  throw problems.every((p) => unique.includes(p.field)) ? taken(problems) : invalid(problems);
};

async function requireState(trx: Db, iso3: string): Promise<string> {
  const state = iso3 ? await findState(trx, iso3) : undefined;
  if (!state) throw invalid([{ field: 'state', problem: `${iso3 || '(empty)'} is not a Member State` }]);
  return state.iso3;
}

/** The keys given a value (undefined means "unchanged"; null and '' clear). */
function defined<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function create<T extends Table, D extends Data, V extends { state: string }>(core: Core<T, D, V>) {
  return (db: Db, by: Writer | null, input: unknown, today = todayIso()): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    const v = core.parse(input, today);
    return write(db, async (trx) => {
      const stateIso3 = await requireState(trx, v.stateIso3);
      const resource = core.resource({ state_iso3: stateIso3, confidentiality: v.confidentiality });
      authorizeChange(viewer, 'create', resource, `the recording of ${core.plural}`);
      throwIf(await core.conflicts(trx, { ...v, stateIso3, id: '' }), core.unique);
      return insertKept(trx, actor, core.kind, { state_iso3: stateIso3, ...core.columns(v), source: v.source } as Insertable<DB[T]>);
    });
  };
}

/** A change: the fields given replace the stored ones (its State and source never change), and the whole is checked again. */
function update<T extends Table, D extends Data, V extends { state: string }>(core: Core<T, D, V>) {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number, change: object, today = todayIso()): Promise<KeptRow<T>> => {
    const w = writerOf(by);
    return write(db, async (trx) => {
      const before = (await lockKept(trx, core.kind, id, expectedVersion, 'restore it before changing it')) as Stored<T>;
      const v = core.parse({ ...inputOf(core, before), ...defined(change), stateIso3: before.state_iso3 }, today);
      // What the writer may change: a record it may change, to a level it may give.
      authorizeChange(w.viewer, 'update', core.resource(before), 'this change');
      authorizeChange(w.viewer, 'update', core.resource({ ...before, confidentiality: v.confidentiality }), 'this change');
      throwIf(await core.conflicts(trx, { ...v, id }), core.unique);
      return updateKept(trx, w.actor, core.kind, before, core.columns(v), 'update');
    });
  };
}

/** Archives (never deletes: the record leaves the lists and the figures, a plan frees its number) or brings back. */
function move<T extends Table, D extends Data, V extends { state: string }>(core: Core<T, D, V>, to: 'archive' | 'restore') {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number): Promise<KeptRow<T>> => {
    const w = writerOf(by);
    return write(db, async (trx) => {
      const before = (await lockKept(trx, core.kind, id, expectedVersion)) as Stored<T>;
      authorizeChange(w.viewer, to, core.resource(before), 'this change');
      if ((to === 'archive') === (before.archived_at !== null)) return before;
      if (to === 'restore') throwIf(await core.restoring(trx, before), core.unique);
      return updateKept(trx, w.actor, core.kind, before, { archived_at: to === 'archive' ? new Date() : null } as never, to);
    });
  };
}

/**
 * A record as a bundle gives it, written inside the import's transaction: the bundle has checked
 * it whole (its fields, and the rules across the State's records as they will be) before anything
 * is written; a new one keeps its id, a stored one is updated ('import'), archived or not.
 */
function importer<T extends Table, D extends Data, V extends { state: string; id: string; archived: boolean }>(core: Core<T, D, V>) {
  return (trx: Transaction<DB>, by: Writer | null, record: V, before: KeptRow<T> | undefined): Promise<KeptRow<T>> => {
    const v = core.parse({ ...record, stateIso3: record.state }, todayIso());
    const columns = { ...core.columns(v), source: v.source } as Updateable<DB[T]>;
    return putKept(trx, writerOf(by).actor, core.kind, record, before, columns, { state_iso3: record.state } as never);
  };
}

/** A change of a report: what is left out stays as it is. */
export type ReportChange = Partial<Omit<ReportInput, 'stateIso3' | 'source'>>;
/** A change of a plan: what is left out stays as it is; a date given as null or '' is cleared. */
export type PlanChange = Partial<Omit<PlanInput, 'stateIso3' | 'source'>>;

type Create<I, R> = (db: Db, by: Writer | null, input: I, today?: string) => Promise<R>;
type Update<C, R> = (db: Db, by: Writer | null, id: string, expectedVersion: number, change: C, today?: string) => Promise<R>;
type Move<R> = (db: Db, by: Writer | null, id: string, expectedVersion: number) => Promise<R>;

/** Records a report: a State's first, or additional information after it. */
export const createReport: Create<ReportInput, ReportRow> = create(reports);
export const updateReport: Update<ReportChange, ReportRow> = update(reports);
export const archiveReport: Move<ReportRow> = move(reports, 'archive');
/** Brings an archived report back, unless it would make a second first report or break the order of the State's reports. */
export const restoreReport: Move<ReportRow> = move(reports, 'restore');
export const importReport = importer(reports);

export const createPlan: Create<PlanInput, PlanRow> = create(plans);
export const updatePlan: Update<PlanChange, PlanRow> = update(plans);
export const archivePlan: Move<PlanRow> = move(plans, 'archive');
/** Brings an archived plan back, unless another plan of the State has taken its number meanwhile. */
export const restorePlan: Move<PlanRow> = move(plans, 'restore');
export const importPlan = importer(plans);
