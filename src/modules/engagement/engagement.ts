import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type FieldProblem, invalid } from '../../errors.ts';
import { can, type Viewer } from '../../policy/policy.ts';
import { type Actor, recordChange } from '../audit/record.ts';
import { isIsoDate, todayIso } from '../contacts/contacts.ts';
import type { CourseTable, VisitTable } from './schema.ts';

export type VisitRow = Selectable<VisitTable>;
export type CourseRow = Selectable<CourseTable>;

/** Dates checked: well formed, not in the future, the end not before the start. */
export function checkDates(startsOn: string, endsOn: string | null | undefined, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, value] of [
    ['startsOn', startsOn],
    ['endsOn', endsOn],
  ] as const) {
    if (!value) {
      if (field === 'startsOn') problems.push({ field, problem: 'is required (YYYY-MM-DD)' });
    } else if (!isIsoDate(value)) problems.push({ field, problem: 'must be a date (YYYY-MM-DD)' });
    else if (value > today) problems.push({ field, problem: `is in the future (today is ${today})` });
  }
  if (startsOn && endsOn && endsOn < startsOn) problems.push({ field: 'endsOn', problem: 'is before the start' });
  return problems;
}

/** How many records started in each year from `from` to `to` (years without one count 0). */
export function perYear(records: readonly { starts_on: string }[], from: number, to: number): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const r of records) {
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

/** The visits the viewer may see, newest first. */
export async function listVisits(db: Kysely<DB>, viewer: Viewer | null, filters: VisitFilters = {}): Promise<VisitRow[]> {
  let q = db.selectFrom('visit').selectAll().where('archived_at', 'is', null);
  if (filters.year) q = q.where('starts_on', '>=', `${filters.year}-01-01`).where('starts_on', '<=', `${filters.year}-12-31`);
  if (filters.state) q = q.where('state_iso3', '=', filters.state.toUpperCase());
  if (filters.kind) q = q.where('kind', '=', filters.kind as VisitRow['kind']);
  const rows = await q.orderBy('starts_on', 'desc').orderBy('state_iso3').execute();
  return rows.filter((v) => can(viewer, 'read', visitResource(v)));
}

/** The courses the viewer may see, newest first. */
export async function listCourses(db: Kysely<DB>, viewer: Viewer | null, year?: number): Promise<CourseRow[]> {
  let q = db.selectFrom('course').selectAll().where('archived_at', 'is', null);
  if (year) q = q.where('starts_on', '>=', `${year}-01-01`).where('starts_on', '<=', `${year}-12-31`);
  const rows = await q.orderBy('starts_on', 'desc').execute();
  return rows.filter((c) => can(viewer, 'read', courseResource(c)));
}

/** Inserts a visit and its audit event in the caller's transaction; dates are checked first. */
export async function insertVisit(
  trx: Transaction<DB>,
  actor: Actor,
  values: Insertable<VisitTable>,
  today: string = todayIso(),
): Promise<VisitRow> {
  const problems = checkDates(values.starts_on, values.ends_on, today);
  if (problems.length) throw invalid(problems);
  const row = await trx.insertInto('visit').values(values).returningAll().executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'visit',
    recordId: row.id,
    confidentiality: row.confidentiality,
    stateIso3: row.state_iso3,
    after: row,
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
  const problems = checkDates(values.starts_on, values.ends_on, today);
  if (problems.length) throw invalid(problems);
  const row = await trx.insertInto('course').values(values).returningAll().executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'course',
    recordId: row.id,
    confidentiality: row.confidentiality,
    after: row,
  });
  return row;
}
