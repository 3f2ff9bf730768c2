import { todayIso } from '../../platform/values/dates.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { type ContactProjection, stateContacts, stateContactsFor } from '../contacts/index.ts';
import { type StateDocument, documentsAboutState } from '../documents/index.ts';
import type { CourseRow, VisitRow } from '../engagement/index.ts';
import { coursesAttendedBy, visitsInvolving } from '../engagement/index.ts';
import { type LetterRow, listLetters } from '../correspondence/index.ts';
import { firstReportOn, type PlanRow, plansVisibleTo, type ReportRow, reportsVisibleTo } from '../reports/index.ts';
import { findState, type StateRow } from '../member-states/index.ts';

/**
 * Everything one State's page shows, as far as the viewer may see: assembled here, rendered by
 * `overview-page.tsx`. A list holds only what the policy lets the viewer read; a section that
 * is optional is `null` when the viewer sees nothing in it, so that the page leaves it out
 * rather than saying "0" (which would count what is hidden).
 */
export interface StateOverview {
  state: StateRow;
  /** When the State's first report was received: public, whatever the report's confidentiality (its content may not be). */
  firstReportOn: string | null;
  /** The first report and each later submission of additional information, oldest first. Always shown: reporting is public. */
  reports: ReportRow[];
  /** Action plans, by number. Always shown. */
  plans: PlanRow[];
  contact: {
    /** Designated since when: everyone may know it, never a name, an e-mail or a phone. */
    projection: ContactProjection;
    /** The Committee side and the State's own points of contact get a link to the contacts page. */
    detailsLink: boolean;
  };
  /** Visits to the State and those that involved it; `null` when the viewer sees none. */
  visits: VisitRow[] | null;
  /** The names of the other States those visits were hosted by, that the viewer may see. */
  hosts: Map<string, StateRow['names']>;
  /** Courses the State took part in; `null` when the viewer sees none. */
  courses: CourseRow[] | null;
  /** Documents about the State (filed under it or linked to it or its records); `null` when none is visible. */
  documents: StateDocument[] | null;
  /** The latest letters from, to or about the State, and how many the viewer may see in all; `null` when none. */
  letters: { rows: LetterRow[]; total: number } | null;
}

const orNull = <T>(list: T[]): T[] | null => (list.length ? list : null);

/** How many letters the page lists; the rest are a link away. */
export const lettersShown = 20;

/** The State's page data, for this viewer. Throws not-found for an unknown code, forbidden for a State the viewer may not read. */
export async function stateOverview(db: Kysely<DB>, viewer: Viewer | null, iso3: string, today = todayIso()): Promise<StateOverview> {
  const state = await findState(db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
  if (!can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }))
    throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'you may not see this State');
  const code = state.iso3;
  const [firstOn, reports, plans, contacts, visits, courses] = await Promise.all([
    firstReportOn(db, code),
    reportsVisibleTo(db, viewer, { stateIso3: code }),
    plansVisibleTo(db, viewer, code),
    stateContacts(db, code),
    visitsInvolving(db, viewer, code),
    coursesAttendedBy(db, viewer, code),
  ]);
  // Documents linked to the State's records that the viewer sees (never to hidden ones).
  const records = [
    ...reports.map((r) => ({ recordType: 'report', recordId: r.id })),
    ...plans.map((p) => ({ recordType: 'action-plan', recordId: p.id })),
    ...visits.map((v) => ({ recordType: 'visit', recordId: v.id })),
  ];
  const documents = await documentsAboutState(db, viewer, code, records);
  const letters = await listLetters(db, viewer, { state: code }, { limit: lettersShown, offset: 0 });
  const seenContacts = stateContactsFor(viewer, code, contacts, today);
  const hosts = new Map<string, StateRow['names']>();
  for (const host of new Set(visits.map((v) => v.state_iso3).filter((h) => h !== code))) {
    const s = await findState(db, host);
    if (s && can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
      hosts.set(s.iso3, s.names);
  }
  return {
    state,
    firstReportOn: firstOn,
    reports,
    plans,
    // Only the projection leaves this function: the rows with names and e-mails stay here.
    contact: { projection: seenContacts.projection, detailsLink: seenContacts.details !== null },
    visits: orNull(visits),
    hosts,
    courses: orNull(courses),
    documents: orNull(documents),
    letters: letters.total ? letters : null,
  };
}
