// The figures of the review's generated paragraphs (sections II.A and II.B; those of the
// Committee's own year are in figures-committee.ts): pure functions over
// the records as plain facts, as at the data cut-off date. Each returns its value and the records
// behind it; the definitions are in the catalogue (`annualReview.figure.<key>`).
import { reportingStatus } from '../reports/index.ts';
import { type CommitteeFacts, committeeFigures } from './figures-committee.ts';

export interface Period {
  year: number;
  /** The data cut-off (ISO): nothing received after it counts. */
  cutOff: string;
}

export interface MemberFact {
  iso3: string;
  unMemberSince: string;
  archived?: boolean;
}
export interface ReportFact {
  id: string;
  stateIso3: string;
  kind: 'first-report' | 'additional-information';
  receivedOn: string;
}
export interface PlanFact {
  id: string;
  stateIso3: string;
  number: number;
  status: 'drafting' | 'drafting-with-experts' | 'submitted' | 'published';
  submittedOn: string | null;
}
export interface VisitFact {
  id: string;
  stateIso3: string;
  kind: string;
  startsOn: string;
}
export interface ContactFact {
  id: string;
  stateIso3: string;
  designatedOn: string;
  endedOn: string | null;
}
export interface CourseFact {
  id: string;
  place: string;
  startsOn: string;
  endsOn: string;
}
export interface RequestFact {
  id: string;
  stateIso3: string;
  receivedOn: string;
}

/** Every fact a generation reads; archived records are left out by the loader. */
export interface Facts extends CommitteeFacts {
  members: MemberFact[];
  reports: ReportFact[];
  plans: PlanFact[];
  visits: VisitFact[];
  contacts: ContactFact[];
  courses: CourseFact[];
  requests: RequestFact[];
}

export interface Figure<V = unknown> {
  key: string;
  value: V;
  records: { type: string; id: string }[];
}

const fig = <V>(key: string, value: V, records: { type: string; id: string }[] = []): Figure<V> => ({ key, value, records });
const refs = (type: string, rows: readonly { id: string }[]) => rows.map((r) => ({ type, id: r.id }));
const uniqueSorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
/** 31 December of the year before. */
const yearStart = (p: Period) => `${p.year}-01-01`;
const dayBefore = (p: Period) => `${p.year - 1}-12-31`;
const inYear = (date: string, p: Period) => date >= yearStart(p) && date <= p.cutOff;

/** The Member States on a date (admitted by then, not archived), sorted. */
export function membersOn(members: readonly MemberFact[], date: string): string[] {
  return members
    .filter((m) => !m.archived && m.unMemberSince <= date)
    .map((m) => m.iso3)
    .sort();
}

/**
 * ¶9: the States whose first report came in the year (to the cut-off), the Member States and those
 * that had reported as at the cut-off, and the non-reporting States at the start of the year
 * (31 December before, over the Member States then) and at the cut-off.
 */
export function reportFigures(facts: Pick<Facts, 'members' | 'reports'>, p: Period): Figure[] {
  const firsts = facts.reports.filter((r) => r.kind === 'first-report');
  const end = membersOn(facts.members, p.cutOff);
  const start = membersOn(facts.members, dayBefore(p));
  const statusEnd = reportingStatus(end, firsts, p.cutOff);
  const statusStart = reportingStatus(start, firsts, dayBefore(p));
  const endSet = new Set(end);
  const newFirsts = firsts.filter((r) => inYear(r.receivedOn, p) && endSet.has(r.stateIso3));
  const reported = new Set(statusEnd.reporting);
  return [
    fig('firstReports', uniqueSorted(newFirsts.map((r) => r.stateIso3)), refs('national-report', newFirsts)),
    fig('memberStates', end.length),
    fig(
      'reportingStates',
      statusEnd.reporting.length,
      refs(
        'national-report',
        firsts.filter((r) => reported.has(r.stateIso3) && r.receivedOn <= p.cutOff),
      ),
    ),
    fig('nonReportingStart', statusStart.nonReporting.length),
    fig('nonReportingEnd', statusEnd.nonReporting.length),
    fig('nonReportingStates', statusEnd.nonReporting),
  ];
}

/** ¶10: the States that sent additional information in the year (to the cut-off). */
export function additionalInformationFigures(facts: Pick<Facts, 'reports'>, p: Period): Figure[] {
  const rows = facts.reports.filter((r) => r.kind === 'additional-information' && inYear(r.receivedOn, p));
  return [fig('additionalInformation', uniqueSorted(rows.map((r) => r.stateIso3)), refs('national-report', rows))];
}

const received = (plan: PlanFact): plan is PlanFact & { submittedOn: string } =>
  (plan.status === 'submitted' || plan.status === 'published') && plan.submittedOn !== null;

/** ¶11: the plans received in the year (each State with its plan's number) and all those received since `since` (2007). */
export function planFigures(facts: Pick<Facts, 'plans'>, p: Period, since = 2007): Figure[] {
  const got = facts.plans.filter(received);
  const year = got.filter((x) => inYear(x.submittedOn, p)).sort((a, b) => a.stateIso3.localeCompare(b.stateIso3) || a.number - b.number);
  const all = got.filter((x) => x.submittedOn >= `${since}-01-01` && x.submittedOn <= p.cutOff);
  return [
    fig(
      'plansInYear',
      year.map((x) => ({ state: x.stateIso3, number: x.number })),
      refs('action-plan', year),
    ),
    fig('plansSince', all.length, refs('action-plan', all)),
  ];
}

/** The kinds of visit made at a State's invitation: a visit, or a national round table (not peer reviews, not joint visits). */
export const invitedKinds: readonly string[] = ['visit-at-invitation', 'round-table'];

/** ¶12: the visits at a State's invitation (visits and national round tables) begun in the year (to the cut-off), and their States. */
export function visitFigures(facts: Pick<Facts, 'visits'>, p: Period): Figure[] {
  const rows = facts.visits.filter((v) => invitedKinds.includes(v.kind) && inYear(v.startsOn, p));
  return [fig('visitedStates', uniqueSorted(rows.map((v) => v.stateIso3)), refs('visit', rows))];
}

const inOffice = (c: ContactFact, date: string) => c.designatedOn <= date && (c.endedOn === null || c.endedOn > date);

/**
 * ¶13: the Member States with a point of contact in office at the cut-off, and those among them
 * that had none on 31 December before (their first designation, or one after a gap).
 */
export function contactFigures(facts: Pick<Facts, 'contacts' | 'members'>, p: Period): Figure[] {
  const members = new Set(membersOn(facts.members, p.cutOff));
  const now = facts.contacts.filter((c) => inOffice(c, p.cutOff) && members.has(c.stateIso3));
  const before = new Set(facts.contacts.filter((c) => inOffice(c, dayBefore(p))).map((c) => c.stateIso3));
  const fresh = now.filter((c) => !before.has(c.stateIso3));
  return [
    fig('newContactStates', uniqueSorted(fresh.map((c) => c.stateIso3)), refs('point-of-contact', fresh)),
    fig('contactStates', new Set(now.map((c) => c.stateIso3)).size, refs('point-of-contact', now)),
  ];
}

/** ¶14: the training courses for points of contact begun in the year (to the cut-off), in date order. */
export function courseFigures(facts: Pick<Facts, 'courses'> & Partial<Pick<Facts, 'events'>>, p: Period): Figure[] {
  const rows = facts.courses.filter((c) => inYear(c.startsOn, p)).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  // A course keeps its place in one language; the outreach event of the course (linked to it) has the
  // city in the languages the secretariat translated it into: the paragraph reads it in those.
  const placesOf = (id: string) => {
    const event = facts.events?.find((e) => e.links?.includes(`course:${id}`) && e.translations && Object.keys(e.translations).length);
    return event ? Object.fromEntries(Object.entries(event.translations!).flatMap(([l, t]) => (t?.city ? [[l, t.city]] : []))) : {};
  };
  return [
    fig(
      'courses',
      rows.map((c) => {
        const places = placesOf(c.id);
        return { place: c.place, from: c.startsOn, to: c.endsOn, ...(Object.keys(places).length ? { places } : {}) };
      }),
      refs('course', rows),
    ),
  ];
}

/** ¶18: the requests for assistance received in the year (to the cut-off) with their States, and those of the whole year before. */
export function requestFigures(facts: Pick<Facts, 'requests'>, p: Period): Figure[] {
  const year = facts.requests.filter((r) => inYear(r.receivedOn, p));
  const before = facts.requests.filter((r) => r.receivedOn >= `${p.year - 1}-01-01` && r.receivedOn <= dayBefore(p));
  return [
    fig('requests', year.length, refs('assistance-request', year)),
    fig('requestStates', uniqueSorted(year.map((r) => r.stateIso3)), refs('assistance-request', year)),
    fig('requestsYearBefore', before.length, refs('assistance-request', before)),
  ];
}

/** Every figure of the review, by key. */
export function allFigures(facts: Facts, p: Period): Map<string, Figure> {
  const list = [
    ...reportFigures(facts, p),
    ...additionalInformationFigures(facts, p),
    ...planFigures(facts, p),
    ...visitFigures(facts, p),
    ...contactFigures(facts, p),
    ...courseFigures(facts, p),
    ...requestFigures(facts, p),
    ...committeeFigures(facts, p),
  ];
  return new Map(list.map((f) => [f.key, f]));
}

/** The keys of the figures whose values differ between two snapshots' values (a figure new or gone counts). */
export function changedFigures(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}
