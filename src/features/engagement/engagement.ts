import type { Kysely, Selectable, Transaction } from 'kysely';
import { findKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import type { CourseTable, VisitTable } from './schema.ts';

export type VisitRow = Selectable<VisitTable>;
export type CourseRow = Selectable<CourseTable>;
export type Db = Kysely<DB> | Transaction<DB>;

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

export function findVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  return findKept(db, 'visit', id);
}

export function findCourse(db: Db, id: string): Promise<CourseRow | undefined> {
  return findKept(db, 'course', id);
}

// The write core and the presenter, where the other modules and the tests have always found them.
export { insertCourse, insertVisit } from './commands.ts';
export { courseRecord, visitRecord } from './present.ts';
