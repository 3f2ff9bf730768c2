import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { memberships } from '../member-states/index.ts';
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
export async function loadFacts(db: Db): Promise<Facts> {
  const [members, reports, plans, visits, contacts, courses, requests] = await Promise.all([
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
  ]);
  return {
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
