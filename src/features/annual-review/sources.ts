// Where each figure of a review comes from (issue 15, item 4): the query that selects its records
// as at the cut-off (the SQL that gives the same rows as the figure's pure function over the loaded
// facts: a test runs both), the records behind the stored value, and whether those records changed
// since the snapshot was made (the stored snapshot against a fresh count, and the records behind it
// edited after the generation).
import { sql } from 'kysely';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { can, isCommitteeSide, storedResources, type Viewer } from '../../platform/policy/policy.ts';
import { allFigures, type Facts, type Figure, type Period } from './figures.ts';
import { type CountingPeriod, type Db, loadFacts, type ReviewRow } from './queries.ts';
import type { FigureSnapshot, StoredFigure } from './schema.ts';

interface Dates {
  start: string;
  cutOff: string;
  dayBefore: string;
  yearBeforeStart: string;
}
const datesOf = (p: Period): Dates => ({
  start: `${p.year}-01-01`,
  cutOff: p.cutOff,
  dayBefore: `${p.year - 1}-12-31`,
  yearBeforeStart: `${p.year - 1}-01-01`,
});

const memberOn = (alias: string, on: string) => `${alias}.archived_at is null and ${alias}.un_member_since <= date '${on}'`;
const firstReportBy = (state: string, on: string) =>
  `exists (select 1 from national_report r where r.state_iso3 = ${state} and r.kind = 'first-report' and r.archived_at is null and r.received_on <= date '${on}')`;
const nonReporting = (on: string) =>
  `select s.iso3 from member_state s\nwhere ${memberOn('s', on)}\n  and not ${firstReportBy('s.iso3', on)}`;
const inOffice = (alias: string, on: string) =>
  `${alias}.archived_at is null and ${alias}.designated_on <= date '${on}' and (${alias}.ended_on is null or ${alias}.ended_on > date '${on}')`;
const contactsNow = (d: Dates) =>
  `select c.id, c.state_iso3 from point_of_contact c join member_state s on s.iso3 = c.state_iso3\nwhere ${inOffice('c', d.cutOff)}\n  and ${memberOn('s', d.cutOff)}`;
const received = (table: string, column: string, from: string, to: string, extra = '') =>
  `select id, state_iso3 from ${table}\nwhere archived_at is null${extra} and ${column} between date '${from}' and date '${to}'`;

/** The Committee's meetings of a kind held from 1 January to the cut-off, not archived (meetings/figures.ts). */
const meetingsOf = (kind: string, d: Dates) =>
  `select id, held_on from meeting\nwhere archived_at is null and kind = ${kind} and held_on between date '${d.start}' and date '${d.cutOff}'`;
/** Outreach events held (not planned or cancelled) that began from 1 January to the cut-off (outreach/figures.ts). */
const heldEvents = (d: Dates, test: string) =>
  `select id, starts_on from outreach_event\nwhere archived_at is null and status = 'held' and starts_on between date '${d.start}' and date '${d.cutOff}'\n  and ${test}`;
/** Publications of a kind dated in a year and published by the cut-off, not archived (publications/figures.ts). */
const publishedOf = (kind: string, year: string, d: Dates) =>
  `select id, dated from publication\nwhere archived_at is null and kind = ${kind} and status = 'published' and dated between date '${year}-01-01' and date '${year}-12-31'\n  and published_on <= date '${d.cutOff}'`;

/**
 * The query of each figure with the review's dates in it: its rows are the records behind the
 * figure (or, for a figure counted over the Member States, the States counted). The value is the
 * number of rows, or of distinct States, as the definition says.
 */
const queries: Readonly<Record<string, (d: Dates) => string>> = {
  firstReports: (d) =>
    `select r.id, r.state_iso3 from national_report r join member_state s on s.iso3 = r.state_iso3\nwhere r.archived_at is null and r.kind = 'first-report' and r.received_on between date '${d.start}' and date '${d.cutOff}'\n  and ${memberOn('s', d.cutOff)}`,
  memberStates: (d) => `select s.iso3 from member_state s\nwhere ${memberOn('s', d.cutOff)}`,
  reportingStates: (d) =>
    `select r.id, r.state_iso3 from national_report r join member_state s on s.iso3 = r.state_iso3\nwhere r.archived_at is null and r.kind = 'first-report' and r.received_on <= date '${d.cutOff}'\n  and ${memberOn('s', d.cutOff)}`,
  nonReportingStart: (d) => nonReporting(d.dayBefore),
  nonReportingEnd: (d) => nonReporting(d.cutOff),
  nonReportingStates: (d) => nonReporting(d.cutOff),
  additionalInformation: (d) => received('national_report', 'received_on', d.start, d.cutOff, " and kind = 'additional-information'"),
  plansInYear: (d) =>
    `select id, state_iso3, number from action_plan\nwhere archived_at is null and status in ('submitted', 'published') and submitted_on between date '${d.start}' and date '${d.cutOff}'`,
  plansSince: (d) =>
    `select id, state_iso3 from action_plan\nwhere archived_at is null and status in ('submitted', 'published') and submitted_on between date '2007-01-01' and date '${d.cutOff}'`,
  visitedStates: (d) => received('visit', 'starts_on', d.start, d.cutOff, " and kind in ('visit-at-invitation', 'round-table')"),
  newContactStates: (d) =>
    `${contactsNow(d)}\n  and not exists (select 1 from point_of_contact b where b.state_iso3 = c.state_iso3 and ${inOffice('b', d.dayBefore)})`,
  contactStates: contactsNow,
  courses: (d) =>
    `select id, place, starts_on, ends_on from course\nwhere archived_at is null and starts_on between date '${d.start}' and date '${d.cutOff}'`,
  requests: (d) => received('assistance_request', 'received_on', d.start, d.cutOff),
  requestStates: (d) => received('assistance_request', 'received_on', d.start, d.cutOff),
  requestsYearBefore: (d) => received('assistance_request', 'received_on', d.yearBeforeStart, d.dayBefore),
  // The Committee's own year (figures-committee.ts, by the rules of meetings/, outreach/ and publications/).
  formalMeetings: (d) => meetingsOf("'formal'", d),
  informalMeetings: (d) => meetingsOf("'informal'", d),
  councilBriefings: (d) => meetingsOf("'council-briefing'", d),
  outreachEvents: (d) => heldEvents(d, "event_group = 'other'"),
  eventsWithParliamentarians: (d) => heldEvents(d, "'parliamentarians' = any(audiences)"),
  chairMessagesToParliamentarians: (d) =>
    heldEvents(
      d,
      `'parliamentarians' = any(audiences)
  and participants @> '[{"role": "chair", "mode": "recorded-message"}]'::jsonb`,
    ),
  eventsWithIndustry: (d) => heldEvents(d, "'industry' = any(audiences)"),
  annexEvents: (d) => heldEvents(d, 'listed'),
  chairMessages: (d) => publishedOf("'chair-message'", d.start.slice(0, 4), d),
  pressReleases: (d) => publishedOf("'press-release'", d.start.slice(0, 4), d),
  pressReleasesYearBefore: (d) => publishedOf("'press-release'", d.yearBeforeStart.slice(0, 4), d),
};

/** The SQL of a figure for a review's period, or null for a figure without one written here. */
export function figureQuery(key: string, p: Period): string | null {
  const q = queries[key];
  return q ? q(datesOf(p)) : null;
}

export const figureKeysWithQueries = Object.keys(queries);

/** The tables of the kinds of record behind the figures, and where each record is read. */
const kinds: Readonly<Record<string, { table: string; href: (locale: string, id: string, state: string) => string }>> = {
  'national-report': { table: 'national_report', href: (l, id) => `/${l}/reports/${id}` },
  'action-plan': { table: 'action_plan', href: (l, id) => `/${l}/action-plans/${id}` },
  visit: { table: 'visit', href: (l, id) => `/${l}/visits/${id}` },
  course: { table: 'course', href: (l, id) => `/${l}/courses/${id}` },
  'assistance-request': { table: 'assistance_request', href: (l, id) => `/${l}/assistance/requests/${id}` },
  'point-of-contact': { table: 'point_of_contact', href: (l, _id, state) => `/${l}/states/${state}/contacts` },
  meeting: { table: 'meeting', href: (l, id) => `/${l}/committee/meetings/${id}` },
  'outreach-event': { table: 'outreach_event', href: (l, id) => `/${l}/events/${id}` },
  publication: { table: 'publication', href: (l, id) => `/${l}/publications/${id}` },
};

export interface Staleness {
  /** The value counted now differs from the stored one. */
  valueChanged: boolean;
  freshValue: unknown;
  /** Records counted now and not in the snapshot, and the other way round. */
  added: { type: string; id: string }[];
  removed: { type: string; id: string }[];
  /** Records of the snapshot changed (or archived) after the figures were counted. */
  updated: { type: string; id: string }[];
  stale: boolean;
}

/** A value as JSON with its objects' keys sorted: the database keeps jsonb keys in its own order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The period a review counts: its year to its cut-off, the website's visits to the day its snapshot chose for them. */
const periodOf = (r: Pick<ReviewRow, 'year' | 'cut_off_on' | 'figures'>): Period & CountingPeriod => {
  const siteVisitsTo = (r.figures as FigureSnapshot | null)?.siteVisitsTo;
  return { year: r.year, cutOff: String(r.cut_off_on), ...(siteVisitsTo ? { siteVisitsTo } : {}) };
};
const refKey = (r: { type: string; id: string }) => `${r.type}/${r.id}`;

/** The records of the snapshot changed after `since` (their `updated_at`), by type. */
async function updatedSince(db: Db, refs: { type: string; id: string }[], since: Date): Promise<Set<string>> {
  const out = new Set<string>();
  const byType = new Map<string, string[]>();
  for (const r of refs) if (kinds[r.type]) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  for (const [type, ids] of byType) {
    const unique = [...new Set(ids)];
    const rows = await sql<{
      id: string;
    }>`select id from ${sql.table(kinds[type]!.table)} where id in (${sql.join(unique)}) and updated_at > ${since}`.execute(db);
    for (const r of rows.rows) out.add(`${type}/${r.id}`);
  }
  return out;
}

/**
 * The snapshot's figures against a fresh count from the records as at the same cut-off: which
 * figures changed since the draft's figures were counted, and how.
 */
export async function staleness(
  db: Db,
  review: Pick<ReviewRow, 'year' | 'cut_off_on' | 'figures' | 'generated_at'>,
  facts?: Facts,
): Promise<Map<string, Staleness>> {
  const period = periodOf(review);
  const fresh = allFigures(facts ?? (await loadFacts(db, period)), period);
  const stored: Record<string, StoredFigure> = (review.figures as FigureSnapshot).figures ?? {};
  const refs = Object.values(stored).flatMap((f) => f.records);
  const updated = review.generated_at ? await updatedSince(db, refs, review.generated_at) : new Set<string>();
  const out = new Map<string, Staleness>();
  for (const [key, f] of Object.entries(stored)) {
    const now: Figure | undefined = fresh.get(key);
    const before = new Set(f.records.map(refKey));
    const after = new Set((now?.records ?? []).map(refKey));
    const added = (now?.records ?? []).filter((r) => !before.has(refKey(r)));
    const removed = f.records.filter((r) => !after.has(refKey(r)));
    const changed = f.records.filter((r) => updated.has(refKey(r)) && after.has(refKey(r)));
    const valueChanged = canonical(now?.value ?? null) !== canonical(f.value ?? null);
    out.set(key, {
      valueChanged,
      freshValue: now?.value ?? null,
      added,
      removed,
      updated: changed,
      stale: valueChanged || added.length > 0 || removed.length > 0 || changed.length > 0,
    });
  }
  return out;
}

export interface RecordLine {
  type: string;
  id: string;
  /** The State (a code), or the place of a course. */
  state: string | null;
  place: string | null;
  /** The record's day (received, submitted, begun, designated). */
  on: string | null;
  /** A kind, a plan's number. */
  detail: string | null;
  href: string | null;
  /** Not in the records now (archived since). */
  gone: boolean;
  /** Changed, added or removed since the snapshot. */
  change: 'added' | 'removed' | 'updated' | null;
}

/** The facts of a record, for its line on a figure's page. */
function describe(facts: Facts, type: string, id: string): Omit<RecordLine, 'type' | 'id' | 'href' | 'gone' | 'change'> | null {
  const none = { state: null, place: null, on: null, detail: null };
  switch (type) {
    case 'national-report': {
      const r = facts.reports.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.receivedOn, detail: r.kind } : null;
    }
    case 'action-plan': {
      const r = facts.plans.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.submittedOn, detail: String(r.number) } : null;
    }
    case 'visit': {
      const r = facts.visits.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.startsOn, detail: r.kind } : null;
    }
    case 'point-of-contact': {
      const r = facts.contacts.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.designatedOn } : null;
    }
    case 'course': {
      const r = facts.courses.find((x) => x.id === id);
      return r ? { ...none, place: r.place, on: r.startsOn } : null;
    }
    case 'assistance-request': {
      const r = facts.requests.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.receivedOn } : null;
    }
    case 'meeting': {
      const r = facts.meetings.find((x) => x.id === id && !x.archived);
      return r ? { ...none, on: r.heldOn, detail: r.kind } : null;
    }
    case 'outreach-event': {
      const r = facts.events.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, place: r.city || null, on: r.startsOn, detail: r.title } : null;
    }
    case 'appointment': {
      const r = facts.appointments.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.startsOn, detail: `${r.role}: ${r.personName}` } : null;
    }
    case 'trust-fund-donor': {
      const r = facts.donors.find((x) => x.id === id);
      return r ? { ...none, state: r.kind === 'state' ? r.code : null, detail: r.kind === 'state' ? null : r.code } : null;
    }
    case 'trust-fund-contribution': {
      const r = facts.contributions.find((x) => x.id === id);
      return r ? { ...none, detail: String(r.year) } : null;
    }
    case 'trust-fund-grant': {
      const r = facts.grants.find((x) => x.id === id);
      return r ? { ...none, detail: String(r.usedInYear) } : null;
    }
    case 'working-group': {
      const r = facts.workingGroups.find((x) => x.id === id);
      return r ? { ...none, detail: r.code } : null;
    }
    case 'working-group-coordinator': {
      const r = facts.coordinators.find((x) => x.id === id);
      return r ? { ...none, state: r.stateIso3, on: r.startedOn, detail: r.person } : null;
    }
    case 'publication': {
      const r = facts.publications.find((x) => x.id === id && !x.archived);
      return r ? { ...none, on: r.dated, detail: r.kind } : null;
    }
    default:
      return null;
  }
}

export interface FigureTrace {
  key: string;
  stored: StoredFigure;
  staleness: Staleness | undefined;
  query: string | null;
  /** The records behind the stored value (then those added since), each as the viewer may see it. */
  lines: RecordLine[];
  /** Records behind the figure that the viewer may not see. */
  hidden: number;
}

/** A figure of a review with the records behind it as the viewer may see them, or undefined for a key not in the snapshot. */
export async function traceFigure(
  db: Db,
  m: Messages,
  viewer: Viewer | null,
  review: ReviewRow,
  key: string,
): Promise<FigureTrace | undefined> {
  const stored = (review.figures as FigureSnapshot).figures?.[key];
  if (!stored) return undefined;
  const facts = await loadFacts(db, periodOf(review));
  const stale = (await staleness(db, review, facts)).get(key);
  const removed = new Set((stale?.removed ?? []).map(refKey));
  const updated = new Set((stale?.updated ?? []).map(refKey));
  const all = [
    ...stored.records.map((r) => ({ ...r, change: removed.has(refKey(r)) ? 'removed' : updated.has(refKey(r)) ? 'updated' : null })),
    ...(stale?.added ?? []).map((r) => ({ ...r, change: 'added' })),
  ] as { type: string; id: string; change: RecordLine['change'] }[];
  const readable = new Set<string>();
  for (const type of new Set(all.map((r) => r.type))) {
    const ids = all.filter((r) => r.type === type).map((r) => r.id);
    const resources = await storedResources(db, type, ids);
    for (const id of ids) {
      const res = resources.get(id);
      if (res ? can(viewer, 'read', res) : isCommitteeSide(viewer)) readable.add(`${type}/${id}`);
    }
  }
  const lines: RecordLine[] = [];
  for (const r of all) {
    if (!readable.has(refKey(r))) continue;
    const facts_ = describe(facts, r.type, r.id);
    lines.push({
      type: r.type,
      id: r.id,
      ...(facts_ ?? { state: null, place: null, on: null, detail: null }),
      href: facts_ && kinds[r.type] ? kinds[r.type]!.href(m.locale, r.id, facts_.state ?? '') : null,
      gone: facts_ === null,
      change: r.change,
    });
  }
  return { key, stored, staleness: stale, query: figureQuery(key, periodOf(review)), lines, hidden: all.length - lines.length };
}
