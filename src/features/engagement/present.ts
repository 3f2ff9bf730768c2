import { type VisibleCodes, visibleCodes } from '../../platform/bundle/fields.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import type { RecordSource } from '../contacts/index.ts';
import type { CourseRow, Db, VisitRow } from './engagement.ts';
import type { EngagementStatus, VisitKind, VisitPurpose } from './schema.ts';

/*
 * What a reader sees of a visit or a course, whatever the door (the lists and pages, the State's
 * page, the API, the bundle): the record if the policy lets the reader see it (the queries decide),
 * and of the States and organizations it names, only those the reader may see.
 */

/** A row as this reader sees it: of the States and organizations it names, those it may not see left out. */
const seenOf =
  <R>(states: readonly (keyof R)[], organizations: readonly (keyof R)[]) =>
  (row: R, seen: VisibleCodes): R => {
    const seenOf = (keys: readonly (keyof R)[], kept: Set<string>) =>
      Object.fromEntries(keys.map((k) => [k, (row[k] as string[]).filter((c) => kept.has(c))]));
    return { ...row, ...seenOf(states, seen.states), ...seenOf(organizations, seen.organizations) };
  };

export const visitSeen = seenOf<VisitRow>(['states_involved'], ['organizations_involved', 'supporting_organizations']);
export const courseSeen = seenOf<CourseRow>(
  ['participating_states'],
  ['host_organizations', 'supporting_organizations', 'teaching_organizations'],
);

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

/** A visit as the bundle carries it. */
export interface VisitView {
  id: string;
  state: string;
  kind: VisitKind;
  status: EngagementStatus;
  startsOn: string;
  endsOn: string | null;
  purposes: VisitPurpose[];
  statesInvolved: string[];
  organizationsInvolved: string[];
  supportingOrganizations: string[];
  whoWent: string;
  partner: string;
  place: string;
  note: string;
  source: RecordSource;
  confidentiality: Confidentiality;
  archived: boolean;
}

export function presentVisit(v: VisitRow): VisitView {
  const { stateIso3, rowVersion: _version, ...rest } = visitRecord(v);
  return { ...rest, state: stateIso3 };
}

/** A course as the bundle carries it. */
export type CourseView = Omit<ReturnType<typeof courseRecord>, 'rowVersion'>;

export function presentCourse(c: CourseRow): CourseView {
  const { rowVersion: _version, ...rest } = courseRecord(c);
  return rest;
}

/** The visits as this reader sees them: of the codes they name, only those it may see. */
export async function visitsFor(db: Db, viewer: Viewer | null, rows: readonly VisitRow[]): Promise<VisitRow[]> {
  if (!rows.length) return [];
  const seen = await visibleCodes(db, viewer);
  return rows.map((v) => visitSeen(v, seen));
}

export async function coursesFor(db: Db, viewer: Viewer | null, rows: readonly CourseRow[]): Promise<CourseRow[]> {
  if (!rows.length) return [];
  const seen = await visibleCodes(db, viewer);
  return rows.map((c) => courseSeen(c, seen));
}

/** One visit or course as this reader sees it (the page or the API of one record). */
export async function visitFor(db: Db, viewer: Viewer | null, v: VisitRow): Promise<VisitRow> {
  return visitSeen(v, await visibleCodes(db, viewer));
}

export async function courseFor(db: Db, viewer: Viewer | null, c: CourseRow): Promise<CourseRow> {
  return courseSeen(c, await visibleCodes(db, viewer));
}
