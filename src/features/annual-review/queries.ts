import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { appointmentFact, contributionFact, donorCode, grantFact, listAppointments, loadTrustFund } from '../administration/index.ts';
import { coordinatorsOf, countedMeetings, listWorkingGroups } from '../meetings/index.ts';
import { memberships } from '../member-states/index.ts';
import { listEvents } from '../outreach/index.ts';
import { publicationFacts } from '../publications/index.ts';
import { visitReport } from '../site-visits/index.ts';
import type { CommitteeFacts } from './figures-committee.ts';
import type { Facts } from './figures.ts';
import type { AnnualReviewParagraphTable, AnnualReviewTable } from './schema.ts';

export type Db = Kysely<DB> | Transaction<DB>;
export type ReviewRow = Selectable<AnnualReviewTable>;
export type ParagraphRow = Selectable<AnnualReviewParagraphTable>;

export const reviewResource = (r: Pick<ReviewRow, 'confidentiality'>) => ({
  type: 'annual-review' as const,
  confidentiality: r.confidentiality,
});
export const paragraphResource = (p: Pick<ParagraphRow, 'confidentiality'>) => ({
  type: 'annual-review' as const,
  confidentiality: p.confidentiality,
});

/*
 * The facts the figures count. A figure of the review is the Committee's official figure, the
 * same for every reader: that a State reported, sent a plan or a request, designated a point of
 * contact, or was visited, and when, is counted whatever the record's confidentiality (as the
 * reports feature counts the reporting status); only the records behind a figure are shown through
 * the policy. Archived records count nowhere.
 */
export async function loadFacts(db: Db, period?: CountingPeriod): Promise<Facts> {
  const [members, reports, plans, visits, contacts, courses, requests, committee] = await Promise.all([
    memberships(db),
    db
      .selectFrom('national_report')
      .select(['id', 'state_iso3', 'kind', 'received_on'])
      .where('archived_at', 'is', null)
      .orderBy('received_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('action_plan')
      .select(['id', 'state_iso3', 'number', 'status', 'submitted_on'])
      .where('archived_at', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('visit')
      .select(['id', 'state_iso3', 'kind', 'starts_on'])
      .where('archived_at', 'is', null)
      .orderBy('starts_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('point_of_contact')
      .select(['id', 'state_iso3', 'designated_on', 'ended_on'])
      .where('archived_at', 'is', null)
      .orderBy('id')
      .execute(),
    db.selectFrom('course').select(['id', 'place', 'starts_on', 'ends_on']).where('archived_at', 'is', null).orderBy('id').execute(),
    db
      .selectFrom('assistance_request')
      .select(['id', 'state_iso3', 'received_on'])
      .where('archived_at', 'is', null)
      .orderBy('received_on')
      .orderBy('id')
      .execute(),
    loadCommitteeFacts(db, period),
  ]);
  return {
    ...committee,
    members,
    reports: reports.map((r) => ({ id: r.id, stateIso3: r.state_iso3.trim(), kind: r.kind, receivedOn: String(r.received_on) })),
    plans: plans.map((p) => ({
      id: p.id,
      stateIso3: p.state_iso3.trim(),
      number: p.number,
      status: p.status,
      submittedOn: p.submitted_on === null ? null : String(p.submitted_on),
    })),
    visits: visits.map((v) => ({ id: v.id, stateIso3: v.state_iso3.trim(), kind: v.kind, startsOn: String(v.starts_on) })),
    contacts: contacts.map((c) => ({
      id: c.id,
      stateIso3: c.state_iso3.trim(),
      designatedOn: String(c.designated_on),
      endedOn: c.ended_on === null ? null : String(c.ended_on),
    })),
    courses: courses.map((c) => ({ id: c.id, place: c.place, startsOn: String(c.starts_on), endsOn: String(c.ends_on) })),
    requests: requests.map((r) => ({ id: r.id, stateIso3: r.state_iso3.trim(), receivedOn: String(r.received_on) })),
  };
}

/** The year counted, to its data cut-off; the website's visits to `siteVisitsTo` (the cut-off when not given). */
export interface CountingPeriod {
  year: number;
  cutOff: string;
  siteVisitsTo?: string;
}

/**
 * Counting reads the Committee side's view of the other features' records (through their
 * index.ts), as the operator at the console does: the figure is the Committee's, the same for
 * every reader; only the records behind it are shown through the policy.
 */
const counting: Viewer = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  displayName: 'the annual review’s count',
  role: 'admin',
  stateIso3: null,
  organizationCode: null,
};

/** The facts of the Committee's own year: meetings and working groups, outreach, publications, website visits, administration. */
export async function loadCommitteeFacts(db: Db, period?: CountingPeriod): Promise<CommitteeFacts> {
  const [meetings, groups, events, publications, appointments, fund, siteVisits] = await Promise.all([
    countedMeetings(db),
    listWorkingGroups(db, counting),
    listEvents(db, counting, {}),
    publicationFacts(db as Kysely<DB>),
    listAppointments(db, counting),
    loadTrustFund(db, counting),
    period ? visitReport(db as Kysely<DB>, { from: `${period.year}-01-01`, to: period.siteVisitsTo ?? period.cutOff }, 0) : null,
  ]);
  const coordinators = await coordinatorsOf(
    db,
    counting,
    groups.map((g) => g.id),
  );
  return {
    meetings,
    workingGroups: groups.map((g) => ({ id: g.id, code: g.code, names: g.names })),
    coordinators: coordinators.map((c) => ({
      id: c.id,
      workingGroupId: c.working_group_id,
      stateIso3: c.state_iso3.trim(),
      person: c.person,
      startedOn: String(c.started_on),
      endedOn: c.ended_on === null ? null : String(c.ended_on),
    })),
    events: events.map((e) => ({
      id: e.id,
      startsOn: String(e.starts_on),
      endsOn: String(e.ends_on),
      group: e.event_group,
      audiences: e.audiences,
      participants: e.participants,
      status: e.status,
      listed: e.listed,
      title: e.title,
      organizerStates: e.organizer_states.map((x) => x.trim()),
      organizerOrganizations: e.organizer_organizations,
      byCommittee: e.by_committee,
      city: e.city,
      stateIso3: e.state_iso3?.trim() ?? null,
      translations: Object.fromEntries(Object.entries(e.translations).map(([l, t]) => [l, { title: t.title, city: t.city }])),
      links: e.links,
    })),
    publications,
    appointments: appointments.map(appointmentFact),
    donors: fund.donors.map((d) => ({ id: d.id, code: donorCode(d), kind: d.donor_kind === 'state' ? 'state' : 'organization' })),
    contributions: fund.contributions.map(contributionFact),
    grants: fund.grants.map(grantFact),
    siteVisits: siteVisits
      ? {
          from: siteVisits.from,
          to: siteVisits.to,
          visits: siteVisits.visits,
          visitsYearBefore: siteVisits.yearBefore.visits,
          change: siteVisits.change.visits,
        }
      : null,
  };
}

/** The reviews a viewer may see (drafts on the Committee side; the public, published ones), newest year and edition first. */
export async function listReviews(db: Db, viewer: Viewer | null): Promise<ReviewRow[]> {
  return db
    .selectFrom('annual_review')
    .selectAll()
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'annual_review'>(visibilityScope(viewer), 'chair_state_iso3'))
    .orderBy('year', 'desc')
    .orderBy('edition', 'desc')
    .execute();
}

/** The review of a year a viewer reads: its latest edition the viewer may see, or undefined. */
export async function reviewOfYear(db: Db, viewer: Viewer | null, year: number): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('annual_review')
    .selectAll()
    .where('year', '=', year)
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'annual_review'>(visibilityScope(viewer), 'chair_state_iso3'))
    .orderBy('edition', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The paragraphs people wrote for a review (not archived). */
export async function paragraphsOf(db: Db, reviewId: string): Promise<ParagraphRow[]> {
  return db
    .selectFrom('annual_review_paragraph')
    .selectAll()
    .where('review_id', '=', reviewId)
    .where('archived_at', 'is', null)
    .orderBy('paragraph_key')
    .orderBy('locale')
    .execute();
}
