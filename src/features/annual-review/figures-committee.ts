// The figures of the Committee's own year (issue 15, items 2–3, 10): its meetings and working
// groups (¶4–5), its outreach (¶39, ¶41, ¶42 and the annex's table), its publications (¶44, ¶46),
// the website's visits (¶45), the trust fund and the new experts (¶48–49). Pure functions over
// plain facts, as at the data cut-off date; each counts with the rule of the feature that keeps
// the records (their index.ts), applied record by record so that the records behind the value are
// exactly those counted. The definitions are in the catalogue (`annualReview.figure.<key>`).
import { chairAt, donorsWithGrantsUsedIn, newContributionsIn, newExpertsIn } from '../administration/index.ts';
import type { AppointmentRole } from '../administration/index.ts';
import { type CountedMeeting, meetingFigures, workingGroupFigures } from '../meetings/index.ts';
import { asAtPeriod, type EventFact, outreachFigures } from '../outreach/index.ts';
import { type PublicationFact, publicationsInYear, yearFigures } from '../publications/index.ts';
import type { Figure, Period } from './figures.ts';

export interface MeetingFact extends CountedMeeting {
  id: string;
  /** The organizations that took part (for a briefing of the Council, the committees it was joint with). */
  organizations?: readonly string[];
}
export interface WorkingGroupFact {
  id: string;
  code: string;
  /** The group's name in the six languages. */
  names: Partial<Record<string, string>>;
}
export interface CoordinatorFact {
  id: string;
  workingGroupId: string;
  stateIso3: string;
  person: string;
  startedOn: string;
  endedOn: string | null;
}
export interface OutreachEventFact extends EventFact {
  id: string;
  endsOn: string;
  title: string;
  organizerStates: readonly string[];
  organizerOrganizations: readonly string[];
  byCommittee: boolean;
  city: string;
  stateIso3: string | null;
  /** The title and city in the languages the event is translated into (its own are the English). */
  translations?: AnnexTranslations;
  /** The records it concerns ("course:<id>"…). */
  links?: readonly string[];
}
/** An annex row's description and place in other languages, by language. */
export type AnnexTranslations = Partial<Record<string, { title: string; city: string }>>;
export interface PublicationRecordFact extends PublicationFact {
  id: string;
}
export interface AppointmentRecordFact {
  id: string;
  role: AppointmentRole;
  personName: string;
  stateIso3: string;
  startsOn: string;
  endsOn: string | null;
}
export interface DonorRecordFact {
  id: string;
  /** The State's ISO3 code or the organization's code. */
  code: string;
  kind: 'state' | 'organization';
}
/** The website's visits of a period and of the same days a year before (the site-visits feature's report). */
export interface SiteVisitsFact {
  from: string;
  to: string;
  visits: number;
  visitsYearBefore: number;
  /** Whole percent, half away from zero; null when nothing was counted a year before. */
  change: number | null;
}

/** The facts of the Committee's own records that the review reads. */
export interface CommitteeFacts {
  meetings: MeetingFact[];
  workingGroups: WorkingGroupFact[];
  coordinators: CoordinatorFact[];
  events: OutreachEventFact[];
  publications: PublicationRecordFact[];
  appointments: AppointmentRecordFact[];
  donors: DonorRecordFact[];
  contributions: { id: string; donorId: string; year: number }[];
  grants: { id: string; contributionId: string; usedInYear: number }[];
  /** Null when the loader was not given the days to count (no website figure then). */
  siteVisits: SiteVisitsFact | null;
}

const fig = <V>(key: string, value: V, records: { type: string; id: string }[] = []): Figure<V> => ({ key, value, records });
const refs = (type: string, rows: readonly { id: string }[]) => rows.map((r) => ({ type, id: r.id }));

/** ¶4: the Chair in office at the cut-off, and the Committee's formal and informal meetings of the year to the cut-off. */
export function meetingYearFigures(facts: Pick<CommitteeFacts, 'meetings' | 'appointments'>, p: Period): Figure[] {
  const totals = meetingFigures(facts.meetings, p.year, p.cutOff);
  // The meetings feature's rule, one meeting at a time: those it counts are the records behind the figure.
  const of = (kind: 'formal' | 'informal') => facts.meetings.filter((m) => meetingFigures([m], p.year, p.cutOff)[kind] === 1);
  const chair = chairAt(facts.appointments, p.cutOff);
  return [
    fig('chair', chair ? { name: chair.personName, state: chair.stateIso3 } : null, chair ? refs('appointment', [chair]) : []),
    fig('formalMeetings', totals.formal, refs('meeting', of('formal'))),
    fig('informalMeetings', totals.informal, refs('meeting', of('informal'))),
  ];
}

/** ¶7: the Chair's briefings of the Security Council in the year to the cut-off, each with its day and the committees it was joint with. */
export function councilBriefingFigures(facts: Pick<CommitteeFacts, 'meetings'>, p: Period): Figure[] {
  const held = facts.meetings
    .filter((m) => meetingFigures([m], p.year, p.cutOff).councilBriefings === 1)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return [
    fig(
      'councilBriefings',
      held.map((m) => ({ on: m.heldOn, organizations: [...(m.organizations ?? [])] })),
      refs('meeting', held),
    ),
  ];
}

/** The coordinator of a group at the cut-off: the one in office then, else the last whose period began by then. */
export function coordinatorAt(coordinators: readonly CoordinatorFact[], groupId: string, date: string): CoordinatorFact | null {
  const mine = coordinators.filter((c) => c.workingGroupId === groupId && c.startedOn <= date);
  const inOffice = mine.filter((c) => c.endedOn === null || c.endedOn >= date);
  const pickLast = (xs: CoordinatorFact[]) => [...xs].sort((a, b) => b.startedOn.localeCompare(a.startedOn) || a.id.localeCompare(b.id))[0];
  return pickLast(inOffice) ?? pickLast(mine) ?? null;
}

export interface WorkingGroupValue {
  group: string;
  names: Partial<Record<string, string>>;
  /** The coordinating State and the person or persons it named; null when none by the cut-off. */
  state: string | null;
  person: string;
  meetings: number;
}

/** ¶5: each working group (in its order) with its coordinator at the cut-off and its meetings of the year to the cut-off. */
export function workingGroupYearFigures(facts: Pick<CommitteeFacts, 'meetings' | 'workingGroups' | 'coordinators'>, p: Period): Figure[] {
  const ids = facts.workingGroups.map((g) => g.id);
  const counts = new Map(workingGroupFigures(facts.meetings, ids, p.year, p.cutOff).map((c) => [c.workingGroupId, c.meetings]));
  const records: { type: string; id: string }[] = [];
  const value: WorkingGroupValue[] = facts.workingGroups.map((g) => {
    const coordinator = coordinatorAt(facts.coordinators, g.id, p.cutOff);
    const held = facts.meetings.filter((m) => workingGroupFigures([m], [g.id], p.year, p.cutOff)[0]?.meetings === 1);
    records.push({ type: 'working-group', id: g.id });
    if (coordinator) records.push({ type: 'working-group-coordinator', id: coordinator.id });
    records.push(...refs('meeting', held));
    return {
      group: g.code,
      names: g.names,
      state: coordinator?.stateIso3 ?? null,
      person: coordinator?.person ?? '',
      meetings: counts.get(g.id) ?? 0,
    };
  });
  return [fig('workingGroups', value, records)];
}

/** The outreach feature's figure of one event, for the period of the year to the cut-off. */
const eventCounts = (e: OutreachEventFact, p: Period, key: string) =>
  outreachFigures([e], asAtPeriod(p.cutOff)).find((f) => f.key === key)?.value === 1;

export interface AnnexRow {
  group: string;
  from: string;
  to: string;
  title: string;
  states: string[];
  organizations: string[];
  byCommittee: boolean;
  city: string;
  state: string | null;
  /** The description and place in the languages the event is translated into (the rows above are the English). */
  translations?: AnnexTranslations;
}

/**
 * ¶39: the outreach events of the year to the cut-off as the paragraph counts them (the group
 * "other outreach events", listed in the annex or not); ¶41: those with parliamentarians, and
 * those of them the Chair addressed by a recorded message; ¶42: those with industry; and the
 * annex's rows (the listed events of every group, by date).
 */
export function outreachYearFigures(facts: Pick<CommitteeFacts, 'events'>, p: Period): Figure[] {
  const counted = (key: string) => facts.events.filter((e) => eventCounts(e, p, key));
  const listed = counted('annexRows').sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn));
  const events = counted('paragraph39');
  const parliamentarians = counted('withParliamentarians');
  const chairMessages = counted('chairMessagesToParliamentarians');
  const industry = counted('withIndustry');
  return [
    fig('outreachEvents', events.length, refs('outreach-event', events)),
    fig('eventsWithParliamentarians', parliamentarians.length, refs('outreach-event', parliamentarians)),
    fig('chairMessagesToParliamentarians', chairMessages.length, refs('outreach-event', chairMessages)),
    fig('eventsWithIndustry', industry.length, refs('outreach-event', industry)),
    fig(
      'annexEvents',
      listed.map(
        (e): AnnexRow => ({
          group: e.group,
          from: e.startsOn,
          to: e.endsOn,
          title: e.title,
          states: [...e.organizerStates],
          organizations: [...e.organizerOrganizations],
          byCommittee: e.byCommittee,
          city: e.city,
          state: e.stateIso3,
          ...(e.translations && Object.keys(e.translations).length ? { translations: e.translations } : {}),
        }),
      ),
      refs('outreach-event', listed),
    ),
  ];
}

/** ¶44 and ¶46: the Chair's quarterly messages and the press releases of the year (published by the cut-off), and the press releases of the year before. */
export function publicationYearFigures(facts: Pick<CommitteeFacts, 'publications'>, p: Period): Figure[] {
  const totals = yearFigures(facts.publications, p.year, p.cutOff);
  const of = (kind: 'press-release' | 'chair-message', year: number) =>
    facts.publications.filter((x) => publicationsInYear([x], kind, year, p.cutOff) === 1);
  return [
    fig('chairMessages', totals.chairMessages, refs('publication', of('chair-message', p.year))),
    fig('pressReleases', totals.pressReleases, refs('publication', of('press-release', p.year))),
    fig('pressReleasesYearBefore', totals.pressReleasesYearBefore, refs('publication', of('press-release', p.year - 1))),
  ];
}

/** ¶45: the website's visits to the day they are counted to, and their change on the same days a year before. */
export function siteVisitFigures(facts: Pick<CommitteeFacts, 'siteVisits'>): Figure[] {
  const v = facts.siteVisits;
  if (!v) return [];
  return [fig('siteVisits', { to: v.to, visits: v.visits, visitsYearBefore: v.visitsYearBefore, change: v.change })];
}

/**
 * ¶48: the donors (States, then organizations) one of whose contributions funded a grant used in
 * the year, and those who made a contribution for the year; ¶49: the experts whose appointment
 * began in the year to the cut-off, by name and nationality, and the coordinator appointed in it.
 */
export function administrationYearFigures(
  facts: Pick<CommitteeFacts, 'appointments' | 'donors' | 'contributions' | 'grants'>,
  p: Period,
): Figure[] {
  const donorValue = (d: DonorRecordFact) => (d.kind === 'state' ? { state: d.code } : { organization: d.code });
  const byKind = (ds: DonorRecordFact[]) => [...ds.filter((d) => d.kind === 'state'), ...ds.filter((d) => d.kind !== 'state')];
  const used = byKind(donorsWithGrantsUsedIn(facts.donors, facts.contributions, facts.grants, p.year));
  const usedIds = new Set(used.map((d) => d.id));
  const contributionsOf = new Map(facts.contributions.map((c) => [c.id, c.donorId]));
  const grants = facts.grants.filter((g) => g.usedInYear === p.year && usedIds.has(contributionsOf.get(g.contributionId) ?? ''));
  const fresh = byKind(newContributionsIn(facts.donors, facts.contributions, p.year));
  const freshIds = new Set(fresh.map((d) => d.id));
  const contributions = facts.contributions.filter((c) => c.year === p.year && freshIds.has(c.donorId));
  const upToCutOff = facts.appointments.filter((a) => a.startsOn <= p.cutOff);
  const experts = newExpertsIn(upToCutOff, p.year);
  const coordinators = upToCutOff
    .filter((a) => a.role === 'coordinator' && a.startsOn.startsWith(`${p.year}-`))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const coordinator = coordinators.at(-1) ?? null;
  const person = (a: AppointmentRecordFact) => ({ name: a.personName, state: a.stateIso3 });
  return [
    fig('donorsWithGrantsUsed', used.map(donorValue), [...refs('trust-fund-donor', used), ...refs('trust-fund-grant', grants)]),
    fig('newContributions', fresh.map(donorValue), [...refs('trust-fund-donor', fresh), ...refs('trust-fund-contribution', contributions)]),
    fig('newExperts', experts.map(person), refs('appointment', experts)),
    fig('newCoordinator', coordinator ? person(coordinator) : null, coordinator ? refs('appointment', [coordinator]) : []),
  ];
}

/** Every figure of the Committee's own year. */
export function committeeFigures(facts: CommitteeFacts, p: Period): Figure[] {
  return [
    ...meetingYearFigures(facts, p),
    ...councilBriefingFigures(facts, p),
    ...workingGroupYearFigures(facts, p),
    ...outreachYearFigures(facts, p),
    ...publicationYearFigures(facts, p),
    ...siteVisitFigures(facts),
    ...administrationYearFigures(facts, p),
  ];
}
