import { todayIso } from '../../platform/values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import { changeScope } from '../../platform/policy/levels.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { type Confidentiality, confidentialityLevels } from '../../platform/policy/levels.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { type CourseRow, checkDates, courseRecord, insertCourse, insertVisit, type VisitRow, visitRecord } from './engagement.ts';
import { type EngagementStatus, engagementStatuses, type VisitKind, type VisitPurpose, visitKinds, visitPurposes } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A visit as the API and the forms give it (camelCase); codes of States and organizations in any case. */
export interface VisitInput {
  stateIso3: string;
  kind: string;
  status?: string;
  startsOn: string;
  endsOn?: string | null;
  purposes?: string[];
  statesInvolved?: string[];
  organizationsInvolved?: string[];
  supportingOrganizations?: string[];
  whoWent?: string;
  partner?: string;
  place?: string;
  note?: string;
  confidentiality?: string;
}

export interface CourseInput {
  title: string;
  status?: string;
  startsOn: string;
  /** A course of one day may leave it out: it ends the day it starts. */
  endsOn?: string | null;
  place: string;
  region?: string;
  hostOrganizations?: string[];
  supportingOrganizations?: string[];
  participatingStates?: string[];
  teachers?: string;
  teachingOrganizations?: string[];
  confidentiality?: string;
}

const codes = (values: readonly string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim().toUpperCase()).filter(Boolean))];

function checkEnum(problems: FieldProblem[], field: string, value: string | undefined, allowed: readonly string[], required = true) {
  if (value === undefined || value === '') {
    if (required) problems.push({ field, problem: `is required: one of ${allowed.join(', ')}` });
  } else if (!allowed.includes(value)) problems.push({ field, problem: `must be one of ${allowed.join(', ')}` });
}

function checkLength(problems: FieldProblem[], field: string, value: string | undefined, max: number, required = false) {
  const v = value?.trim() ?? '';
  if (required && !v) problems.push({ field, problem: 'is required' });
  else if (v.length > max) problems.push({ field, problem: `must be at most ${max} characters` });
}

/** The problems of a visit that need no database: every field named. */
export function checkVisitInput(input: VisitInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.stateIso3?.trim()) problems.push({ field: 'stateIso3', problem: 'is required (the ISO 3166 code of a Member State)' });
  checkEnum(problems, 'kind', input.kind, visitKinds);
  checkEnum(problems, 'status', input.status, engagementStatuses, false);
  problems.push(...checkDates(input.startsOn, input.endsOn || null, today, input.status === 'planned'));
  const badPurposes = (input.purposes ?? []).filter((p) => !(visitPurposes as readonly string[]).includes(p));
  if (badPurposes.length)
    problems.push({ field: 'purposes', problem: `has ${badPurposes.join(', ')}: must be among ${visitPurposes.join(', ')}` });
  checkLength(problems, 'whoWent', input.whoWent, 1000);
  checkLength(problems, 'partner', input.partner, 200);
  checkLength(problems, 'place', input.place, 200);
  checkLength(problems, 'note', input.note, 2000);
  checkEnum(problems, 'confidentiality', input.confidentiality, confidentialityLevels, false);
  for (const field of ['statesInvolved', 'organizationsInvolved', 'supportingOrganizations'] as const)
    if ((input[field] ?? []).length > 60) problems.push({ field, problem: 'at most 60 codes' });
  return problems;
}

export function checkCourseInput(input: CourseInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkLength(problems, 'title', input.title, 300, true);
  checkEnum(problems, 'status', input.status, engagementStatuses, false);
  problems.push(...checkDates(input.startsOn, input.endsOn || null, today, input.status === 'planned'));
  checkLength(problems, 'place', input.place, 200, true);
  checkLength(problems, 'region', input.region, 200);
  checkLength(problems, 'teachers', input.teachers, 1000);
  checkEnum(problems, 'confidentiality', input.confidentiality, confidentialityLevels, false);
  for (const field of ['participatingStates', 'hostOrganizations', 'supportingOrganizations', 'teachingOrganizations'] as const)
    if ((input[field] ?? []).length > 200) problems.push({ field, problem: 'at most 200 codes' });
  return problems;
}

/** Codes that name no Member State, each reported on its field. */
async function checkStates(trx: Db, problems: FieldProblem[], field: string, values: string[]) {
  if (!values.length) return;
  const valid = values.filter((v) => /^[A-Z]{3}$/.test(v));
  const known = valid.length
    ? new Set((await trx.selectFrom('member_state').select('iso3').where('iso3', 'in', valid).execute()).map((s) => s.iso3))
    : new Set<string>();
  const unknown = values.filter((v) => !known.has(v));
  if (unknown.length)
    problems.push({
      field,
      problem: `${unknown.map((u) => u.slice(0, 12)).join(', ')}: not a Member State (give ISO 3166 codes such as MLI)`,
    });
}

async function checkOrganizations(trx: Db, problems: FieldProblem[], field: string, values: string[]) {
  if (!values.length) return;
  const valid = values.filter((v) => v.length <= 40);
  const known = valid.length
    ? new Set((await trx.selectFrom('organization').select('code').where('code', 'in', valid).execute()).map((o) => o.code))
    : new Set<string>();
  const unknown = values.filter((v) => !known.has(v));
  if (unknown.length)
    problems.push({
      field,
      problem: `${unknown.map((u) => u.slice(0, 40)).join(', ')}: not a known organization (give codes such as UNODA)`,
    });
}

/** The visit's values, every field checked (the database ones too), or a 422 naming each field. */
async function visitValues(trx: Db, input: VisitInput, today: string) {
  const problems = checkVisitInput(input, today);
  const stateIso3 = input.stateIso3?.trim().toUpperCase() ?? '';
  if (stateIso3) await checkStates(trx, problems, 'stateIso3', [stateIso3]);
  const statesInvolved = codes(input.statesInvolved);
  const organizationsInvolved = codes(input.organizationsInvolved);
  const supportingOrganizations = codes(input.supportingOrganizations);
  await checkStates(trx, problems, 'statesInvolved', statesInvolved);
  await checkOrganizations(trx, problems, 'organizationsInvolved', organizationsInvolved);
  await checkOrganizations(trx, problems, 'supportingOrganizations', supportingOrganizations);
  if (problems.length) throw invalid(problems);
  return {
    state_iso3: stateIso3,
    kind: input.kind as VisitKind,
    status: (input.status || 'held') as EngagementStatus,
    starts_on: input.startsOn,
    ends_on: input.endsOn || null,
    purposes: [...new Set(input.purposes ?? [])] as VisitPurpose[],
    states_involved: statesInvolved,
    organizations_involved: organizationsInvolved,
    supporting_organizations: supportingOrganizations,
    who_went: input.whoWent?.trim() ?? '',
    partner: input.partner?.trim() ?? '',
    place: input.place?.trim() ?? '',
    note: input.note?.trim() ?? '',
    confidentiality: (input.confidentiality || 'public') as Confidentiality,
  };
}

async function courseValues(trx: Db, input: CourseInput, today: string) {
  const problems = checkCourseInput(input, today);
  const participatingStates = codes(input.participatingStates);
  const host = codes(input.hostOrganizations);
  const supporting = codes(input.supportingOrganizations);
  const teaching = codes(input.teachingOrganizations);
  await checkStates(trx, problems, 'participatingStates', participatingStates);
  await checkOrganizations(trx, problems, 'hostOrganizations', host);
  await checkOrganizations(trx, problems, 'supportingOrganizations', supporting);
  await checkOrganizations(trx, problems, 'teachingOrganizations', teaching);
  if (problems.length) throw invalid(problems);
  return {
    title: input.title.trim(),
    status: (input.status || 'held') as EngagementStatus,
    starts_on: input.startsOn,
    ends_on: input.endsOn || input.startsOn,
    place: input.place.trim(),
    region: input.region?.trim() ?? '',
    host_organizations: host,
    supporting_organizations: supporting,
    participating_states: participatingStates,
    teachers: input.teachers?.trim() ?? '',
    teaching_organizations: teaching,
    confidentiality: (input.confidentiality || 'public') as Confidentiality,
  };
}

/** A visit in the shape of its input, to merge a partial change into. */
export function visitInputOf(v: VisitRow): VisitInput {
  const r = visitRecord(v);
  return { ...r, endsOn: r.endsOn ?? '' };
}

export function courseInputOf(c: CourseRow): CourseInput {
  return courseRecord(c);
}

export async function findVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom('visit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCourse(db: Db, id: string): Promise<CourseRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom('course').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createVisit(db: Kysely<DB>, actor: Actor, input: VisitInput, today = todayIso()): Promise<VisitRow> {
  return db
    .transaction()
    .execute(async (trx) => insertVisit(trx, actor, { ...(await visitValues(trx, input, today)), source: 'entered' }, today));
}

export async function createCourse(db: Kysely<DB>, actor: Actor, input: CourseInput, today = todayIso()): Promise<CourseRow> {
  return db
    .transaction()
    .execute(async (trx) => insertCourse(trx, actor, { ...(await courseValues(trx, input, today)), source: 'entered' }, today));
}

const kept = {
  visit: { noun: 'visit', record: (r: VisitRow) => visitRecord(r) },
  course: { noun: 'course', record: (r: CourseRow) => courseRecord(r) },
} as const;
type Kept = keyof typeof kept;
type RowOf<T extends Kept> = T extends 'visit' ? VisitRow : CourseRow;

/** Locks a record for a change, refusing it if someone changed it since `expectedVersion`, or if it is archived. */
async function lockRecord<T extends Kept>(trx: Transaction<DB>, table: T, id: string, expectedVersion: number): Promise<RowOf<T>> {
  const before = (await trx
    .selectFrom(table as Kept)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()) as RowOf<T> | undefined;
  if (!before) throw notFound(`the ${kept[table].noun}`);
  if (before.row_version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this ${kept[table].noun} was changed by someone else (version ${before.row_version}, yours ${expectedVersion}): reload to see the change`,
    );
  if (before.archived_at) throw new AppError('conflict', `this ${kept[table].noun} is archived: it is no longer changed`);
  return before;
}

async function audit<T extends Kept>(trx: Transaction<DB>, actor: Actor, table: T, action: string, before: RowOf<T>, after: RowOf<T>) {
  const record = kept[table].record as (r: RowOf<T>) => unknown;
  await recordChange(trx, actor, {
    action,
    recordType: table,
    recordId: after.id,
    ...changeScope(before, after),
    before: record(before),
    after: record(after),
  });
}

/** Changes a visit: the fields given replace the stored ones, and the whole is checked again. */
export async function updateVisit(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  change: Partial<VisitInput>,
  today = todayIso(),
): Promise<VisitRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, 'visit', id, expectedVersion);
    const values = await visitValues(trx, { ...visitInputOf(before), ...change }, today);
    const after = await trx
      .updateTable('visit')
      .set({ ...values, row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'visit', 'update', before, after);
    return after;
  });
}

export async function updateCourse(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  change: Partial<CourseInput>,
  today = todayIso(),
): Promise<CourseRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, 'course', id, expectedVersion);
    const values = await courseValues(trx, { ...courseInputOf(before), ...change }, today);
    const after = await trx
      .updateTable('course')
      .set({ ...values, row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'course', 'update', before, after);
    return after;
  });
}

async function archive<T extends Kept>(db: Kysely<DB>, actor: Actor, table: T, id: string, expectedVersion: number): Promise<RowOf<T>> {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, table, id, expectedVersion);
    const after = (await trx
      .updateTable(table as Kept)
      .set({ archived_at: new Date(), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as RowOf<T>;
    await audit(trx, actor, table, 'archive', before, after);
    return after;
  });
}

/** Archives a visit (never deleted): it leaves the lists and the figures, and keeps its history. */
export const archiveVisit = (db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number) =>
  archive(db, actor, 'visit', id, expectedVersion);
export const archiveCourse = (db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number) =>
  archive(db, actor, 'course', id, expectedVersion);
