import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import type { CourseTable, VisitTable } from './schema.ts';

export type VisitRow = Selectable<VisitTable>;
export type CourseRow = Selectable<CourseTable>;
type Db = Kysely<DB> | Transaction<DB>;

/**
 * Dates checked: well formed, the end not before the start, and (unless the record is planned)
 * not in the future: what took place has dates up to today.
 */
export function checkDates(startsOn: string, endsOn: string | null | undefined, today: string, planned = false): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, value] of [
    ['startsOn', startsOn],
    ['endsOn', endsOn],
  ] as const) {
    if (!value) {
      if (field === 'startsOn') problems.push({ field, problem: 'is required (YYYY-MM-DD)' });
    } else if (!isIsoDate(value)) problems.push({ field, problem: 'must be a date (YYYY-MM-DD)' });
    else if (!planned && value > today)
      problems.push({ field, problem: `is in the future (today is ${today}): record what has not taken place yet as planned` });
  }
  if (startsOn && endsOn && isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn)
    problems.push({ field: 'endsOn', problem: 'is before the start' });
  return problems;
}

/** How many records that took place started in each year from `from` to `to` (years without one count 0; planned ones not at all). */
export function perYear(
  records: readonly { starts_on: string; status?: string }[],
  from: number,
  to: number,
): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const r of records) {
    if (r.status === 'planned') continue;
    const y = Number(r.starts_on.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const out: { year: number; count: number }[] = [];
  for (let year = from; year <= to; year++) out.push({ year, count: counts.get(year) ?? 0 });
  return out;
}

export function visitResource(v: Pick<VisitRow, 'confidentiality' | 'state_iso3'>) {
  return { type: 'visit' as const, confidentiality: v.confidentiality, stateIso3: v.state_iso3 };
}

export function courseResource(c: Pick<CourseRow, 'confidentiality'>) {
  return { type: 'course' as const, confidentiality: c.confidentiality, stateIso3: null };
}

export interface VisitFilters {
  year?: number;
  state?: string;
  kind?: string;
}

/** The visits the viewer may see (the policy applied in SQL), newest first. */
export async function listVisits(db: Db, viewer: Viewer | null, filters: VisitFilters = {}): Promise<VisitRow[]> {
  let q = db
    .selectFrom('visit')
    .selectAll()
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'visit'>(visibilityScope(viewer), 'state_iso3'));
  if (filters.year) q = q.where('starts_on', '>=', `${filters.year}-01-01`).where('starts_on', '<=', `${filters.year}-12-31`);
  if (filters.state) q = q.where('state_iso3', '=', filters.state.toUpperCase());
  if (filters.kind) q = q.where('kind', '=', filters.kind as VisitRow['kind']);
  const rows = await q.orderBy('starts_on', 'desc').orderBy('state_iso3').execute();
  // The SQL filter and the policy say the same; the second look costs nothing and guards the first.
  return rows.filter((v) => can(viewer, 'read', visitResource(v)));
}

/** The courses the viewer may see (a course concerns no one State: public, or the Committee side), newest first. */
export async function listCourses(db: Db, viewer: Viewer | null, year?: number): Promise<CourseRow[]> {
  let q = db.selectFrom('course').selectAll().where('archived_at', 'is', null);
  if (!visibilityScope(viewer).all) q = q.where('confidentiality', '=', 'public');
  if (year) q = q.where('starts_on', '>=', `${year}-01-01`).where('starts_on', '<=', `${year}-12-31`);
  const rows = await q.orderBy('starts_on', 'desc').execute();
  return rows.filter((c) => can(viewer, 'read', courseResource(c)));
}

/** A visit in the camelCase shape of the API and of its history. */
export function visitRecord(v: VisitRow) {
  return {
    id: v.id,
    stateIso3: v.state_iso3,
    kind: v.kind,
    status: v.status,
    startsOn: v.starts_on,
    endsOn: v.ends_on,
    purposes: v.purposes,
    statesInvolved: v.states_involved,
    organizationsInvolved: v.organizations_involved,
    supportingOrganizations: v.supporting_organizations,
    whoWent: v.who_went,
    partner: v.partner,
    place: v.place,
    note: v.note,
    source: v.source,
    confidentiality: v.confidentiality,
    archived: v.archived_at !== null,
    rowVersion: v.row_version,
  };
}

/** A course in the camelCase shape of the API and of its history. */
export function courseRecord(c: CourseRow) {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    place: c.place,
    region: c.region,
    hostOrganizations: c.host_organizations,
    supportingOrganizations: c.supporting_organizations,
    participatingStates: c.participating_states,
    teachers: c.teachers,
    teachingOrganizations: c.teaching_organizations,
    source: c.source,
    confidentiality: c.confidentiality,
    archived: c.archived_at !== null,
    rowVersion: c.row_version,
  };
}

/** Inserts a visit and its audit event in the caller's transaction; dates are checked first. */
export async function insertVisit(
  trx: Transaction<DB>,
  actor: Actor,
  values: Insertable<VisitTable>,
  today: string = todayIso(),
): Promise<VisitRow> {
  const problems = checkDates(values.starts_on, values.ends_on, today, values.status === 'planned');
  if (problems.length) throw invalid(problems);
  const row = await trx.insertInto('visit').values(values).returningAll().executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'visit',
    recordId: row.id,
    confidentiality: row.confidentiality,
    stateIso3: row.state_iso3,
    after: visitRecord(row),
  });
  return row;
}

/** Inserts a course and its audit event in the caller's transaction; dates are checked first. */
export async function insertCourse(
  trx: Transaction<DB>,
  actor: Actor,
  values: Insertable<CourseTable>,
  today: string = todayIso(),
): Promise<CourseRow> {
  const problems = checkDates(values.starts_on, values.ends_on, today, values.status === 'planned');
  if (problems.length) throw invalid(problems);
  const row = await trx.insertInto('course').values(values).returningAll().executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'course',
    recordId: row.id,
    confidentiality: row.confidentiality,
    after: courseRecord(row),
  });
  return row;
}
