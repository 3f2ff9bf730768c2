import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
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
import { type CourseRow, courseResource, type Db, type VisitRow, visitResource } from './engagement.ts';
import {
  type CourseData,
  type CourseInput,
  courseFields,
  courseInput,
  parseInOrder,
  type VisitData,
  type VisitInput,
  visitFields,
  visitInput,
} from './inputs.ts';
import { type CourseView, courseRecord, type VisitView, visitRecord } from './present.ts';
import type { CourseTable, VisitTable } from './schema.ts';

/*
 * The write core of visits and courses: every door (the forms, the API, the bundle, the
 * demonstration data) records, changes and archives them here, in one transaction with the row
 * version, the checks (the States and organizations they name among them) and the audit event;
 * and here is said what a writer may change (a keeper, of a record and to a level and a State it
 * may see).
 */

export type { CourseInput, VisitInput } from './inputs.ts';

/** Codes that name no Member State, or no known organization, each reported on its field. */
async function unknownCodes(trx: Db, field: string, values: string[], of: 'states' | 'organizations'): Promise<FieldProblem[]> {
  if (!values.length) return [];
  const states = of === 'states';
  const valid = values.filter((v) => (states ? /^[A-Z]{3}$/.test(v) : v.length <= 40));
  const known = new Set(
    !valid.length
      ? []
      : states
        ? (await trx.selectFrom('member_state').select('iso3').where('iso3', 'in', valid).execute()).map((s) => s.iso3)
        : (await trx.selectFrom('organization').select('code').where('code', 'in', valid).execute()).map((o) => o.code),
  );
  const unknown = values.filter((v) => !known.has(v));
  if (!unknown.length) return [];
  const problem = states
    ? `${unknown.map((u) => u.slice(0, 12)).join(', ')}: not a Member State (give ISO 3166 codes such as MLI)`
    : `${unknown.map((u) => u.slice(0, 40)).join(', ')}: not a known organization (give codes such as UNODA)`;
  return [{ field, problem }];
}

/** The codes a record names, in any case as given, or as the parse made them. */
function codesIn(data: object | undefined, raw: Record<string, unknown>, field: string): string[] {
  const value = data ? (data as Record<string, unknown>)[field] : raw[field];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim().toUpperCase())
    .filter(Boolean);
}

/** What the core does alike for a visit and a course, and what each does its own way. */
interface Core<T extends 'visit' | 'course', D> {
  kind: KeptKind<T>;
  /** The record's problems that need no database, in the order of its fields, and its values if there are none. */
  parse(input: unknown, today: string): { problems: FieldProblem[]; data?: D };
  /** The fields that name States or organizations, which must exist. */
  named: Record<string, 'states' | 'organizations'>;
  columns(data: D): Updateable<DB[T]>;
  resource(row: { confidentiality: Confidentiality; state_iso3?: string | null }): Resource;
  /** The stored record in the shape of the input, to merge a change into. */
  inputOf(row: KeptRow<T>): Record<string, unknown>;
}

const visits: Core<'visit', VisitData> = {
  kind: { table: 'visit', noun: 'visit', recordType: 'visit', audited: visitRecord },
  parse: (input, today) => parseInOrder(visitInput(today), Object.keys(visitFields), input),
  named: {
    stateIso3: 'states',
    statesInvolved: 'states',
    organizationsInvolved: 'organizations',
    supportingOrganizations: 'organizations',
  },
  columns: (v) => ({
    state_iso3: v.stateIso3,
    kind: v.kind,
    status: v.status,
    starts_on: v.startsOn,
    ends_on: v.endsOn,
    purposes: v.purposes,
    states_involved: v.statesInvolved,
    organizations_involved: v.organizationsInvolved,
    supporting_organizations: v.supportingOrganizations,
    who_went: v.whoWent,
    partner: v.partner,
    place: v.place,
    note: v.note,
    confidentiality: v.confidentiality,
  }),
  resource: (row) => visitResource({ confidentiality: row.confidentiality, state_iso3: row.state_iso3 ?? '' }),
  inputOf: (row) => visitRecord(row),
};

const courses: Core<'course', CourseData> = {
  kind: { table: 'course', noun: 'course', recordType: 'course', audited: courseRecord },
  parse: (input, today) => parseInOrder(courseInput(today), Object.keys(courseFields), input),
  named: {
    participatingStates: 'states',
    hostOrganizations: 'organizations',
    supportingOrganizations: 'organizations',
    teachingOrganizations: 'organizations',
  },
  columns: (c) => ({
    title: c.title,
    status: c.status,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    place: c.place,
    region: c.region,
    host_organizations: c.hostOrganizations,
    supporting_organizations: c.supportingOrganizations,
    participating_states: c.participatingStates,
    teachers: c.teachers,
    teaching_organizations: c.teachingOrganizations,
    confidentiality: c.confidentiality,
  }),
  resource: (row) => courseResource(row),
  inputOf: (row) => courseRecord(row),
};

/** The record's values, every field checked (the codes it names too), or a 422 naming each field. */
async function valuesOf<T extends 'visit' | 'course', D extends object>(
  trx: Db,
  core: Core<T, D>,
  input: Record<string, unknown>,
  today: string,
): Promise<D> {
  const { problems, data } = core.parse(input, today);
  for (const [field, of] of Object.entries(core.named)) problems.push(...(await unknownCodes(trx, field, codesIn(data, input, field), of)));
  if (problems.length || !data) throw invalid(problems);
  return data;
}

function create<T extends 'visit' | 'course', D extends { source: string }>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, input: object, today = todayIso()): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const v = await valuesOf(trx, core, input as Record<string, unknown>, today);
      const values = { ...core.columns(v), source: v.source } as Insertable<DB[T]>;
      authorizeChange(viewer, 'create', core.resource(values as never), `the recording of ${core.kind.noun}s`);
      return insertKept(trx, actor, core.kind, values);
    });
  };
}

/** A change: the fields given replace the stored ones, and the whole is checked again. */
function update<T extends 'visit' | 'course', D extends object>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number, change: object, today = todayIso()): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const before = await lockKept(trx, core.kind, id, expectedVersion, 'it is no longer changed');
      const v = await valuesOf(trx, core, { ...core.inputOf(before), ...change }, today);
      const set = core.columns(v);
      // A keeper changes a record it may see, to a State and a level it may see.
      authorizeChange(viewer, 'update', core.resource(before as never), `a change of this ${core.kind.noun}`);
      authorizeChange(viewer, 'update', core.resource(set as never), `a change of this ${core.kind.noun}`);
      return updateKept(trx, actor, core.kind, before, set, 'update');
    });
  };
}

/** Archives a record (never deleted): it leaves the lists and the figures, and keeps its history. */
function archive<T extends 'visit' | 'course', D extends object>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const before = await lockKept(trx, core.kind, id, expectedVersion, 'it is no longer changed');
      authorizeChange(viewer, 'archive', core.resource(before as never), `the archiving of this ${core.kind.noun}`);
      return updateKept(trx, actor, core.kind, before, { archived_at: new Date() } as never, 'archive');
    });
  };
}

/**
 * A record as a bundle gives it, written inside the import's transaction (the bundle checked it
 * before anything was written): a new one keeps its id, a stored one is updated, archived or not.
 */
function importer<T extends 'visit' | 'course', D extends { source: string }, V extends { id: string; archived: boolean }>(
  core: Core<T, D>,
  inputOf: (record: V) => Record<string, unknown>,
) {
  return (trx: Transaction<DB>, by: Writer | null, record: V, before: KeptRow<T> | undefined) => {
    const { data, problems } = core.parse(inputOf(record), todayIso());
    if (!data) throw invalid(problems);
    return putKept(trx, writerOf(by).actor, core.kind, record, before, { ...core.columns(data), source: data.source } as Updateable<DB[T]>);
  };
}

type Create<I, R> = (db: Db, by: Writer | null, input: I, today?: string) => Promise<R>;
type Update<I, R> = (db: Db, by: Writer | null, id: string, expectedVersion: number, change: Partial<I>, today?: string) => Promise<R>;
type Archive<R> = (db: Db, by: Writer | null, id: string, expectedVersion: number) => Promise<R>;

export const createVisit: Create<VisitInput, VisitRow> = create(visits);
export const updateVisit: Update<VisitInput, VisitRow> = update(visits);
export const archiveVisit: Archive<VisitRow> = archive(visits);
export const importVisit = importer<'visit', VisitData, VisitView>(visits, (v) => ({ ...v, stateIso3: v.state }));

export const createCourse: Create<CourseInput, CourseRow> = create(courses);
export const updateCourse: Update<CourseInput, CourseRow> = update(courses);
export const archiveCourse: Archive<CourseRow> = archive(courses);
export const importCourse = importer<'course', CourseData, CourseView>(courses, (c) => c);

/** A row's keys in the input's spelling: `state_iso3` is `stateIso3`. */
const camel = (row: object) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));

/** A visit given as a row (the demonstration data, older callers), recorded through the write core in the caller's transaction. */
export const insertVisit = (trx: Transaction<DB>, by: Writer, v: Insertable<VisitTable>, today = todayIso()): Promise<VisitRow> =>
  createVisit(trx, by, camel(v) as unknown as VisitInput, today);

export const insertCourse = (trx: Transaction<DB>, by: Writer, c: Insertable<CourseTable>, today = todayIso()): Promise<CourseRow> =>
  createCourse(trx, by, camel(c) as unknown as CourseInput, today);
