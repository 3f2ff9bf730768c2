import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { findKept } from '../../platform/bundle/record-section.ts';
import { isMemberOn, memberships, memberStatesAsAt } from '../member-states/index.ts';
import type { PlanFacts, ReportFacts } from './consistency.ts';
import type { ActionPlanTable, NationalReportTable, ReportKind } from './schema.ts';
import { additionalInformationIn, type PlanFact, plansPerYear, plansSince, type ReportFact, reportingStatus } from './status.ts';

export type ReportRow = Selectable<NationalReportTable>;
export type PlanRow = Selectable<ActionPlanTable>;
export type Db = Kysely<DB> | Transaction<DB>;

export const reportResource = (r: Pick<ReportRow, 'confidentiality' | 'state_iso3'>) => ({
  type: 'national-report' as const,
  confidentiality: r.confidentiality,
  stateIso3: r.state_iso3,
});
export const planResource = (p: Pick<PlanRow, 'confidentiality' | 'state_iso3'>) => ({
  type: 'action-plan' as const,
  confidentiality: p.confidentiality,
  stateIso3: p.state_iso3,
});

// ---- Lists: every list is filtered by the policy, so that what it hides is not even counted.

export async function reportsVisibleTo(
  db: Db,
  viewer: Viewer | null,
  filters: { stateIso3?: string; from?: string; to?: string; kind?: string } = {},
): Promise<ReportRow[]> {
  let q = db.selectFrom('national_report').selectAll().where('archived_at', 'is', null);
  if (filters.stateIso3) q = q.where('state_iso3', '=', filters.stateIso3);
  if (filters.from) q = q.where('received_on', '>=', filters.from);
  if (filters.to) q = q.where('received_on', '<=', filters.to);
  if (filters.kind) q = q.where('kind', '=', filters.kind as ReportKind);
  const rows = await q.orderBy('received_on').orderBy('state_iso3').execute();
  return rows.filter((r) => can(viewer, 'read', reportResource(r)));
}

export async function plansVisibleTo(db: Db, viewer: Viewer | null, stateIso3?: string): Promise<PlanRow[]> {
  let q = db.selectFrom('action_plan').selectAll().where('archived_at', 'is', null);
  if (stateIso3) q = q.where('state_iso3', '=', stateIso3);
  const rows = await q.orderBy('state_iso3').orderBy('number').execute();
  return rows.filter((p) => can(viewer, 'read', planResource(p)));
}

export const reportFact = (r: ReportRow): ReportFact => ({
  stateIso3: r.state_iso3,
  kind: r.kind,
  receivedOn: r.received_on,
  archived: r.archived_at !== null,
});
export const planFact = (p: PlanRow): PlanFact => ({
  stateIso3: p.state_iso3,
  number: p.number,
  status: p.status,
  submittedOn: p.submitted_on,
  archived: p.archived_at !== null,
});

// ---- One record (archived ones too: their page offers to restore them)

/** A report the viewer may read, or nothing: a hidden report is not even said to exist. */
export async function visibleReport(db: Db, viewer: Viewer | null, id: string): Promise<ReportRow | undefined> {
  const r = await findKept(db, 'national_report', id);
  return r && can(viewer, 'read', reportResource(r)) ? r : undefined;
}

export async function visiblePlan(db: Db, viewer: Viewer | null, id: string): Promise<PlanRow | undefined> {
  const p = await findKept(db, 'action_plan', id);
  return p && can(viewer, 'read', planResource(p)) ? p : undefined;
}

/** The reports (not archived) of a State and those with this UN symbol, but the one being changed: what a report is checked against. */
export async function reportFacts(db: Db, stateIso3: string, symbol: string, exceptId = ''): Promise<ReportFacts[]> {
  let q = db
    .selectFrom('national_report')
    .select(['id', 'state_iso3', 'kind', 'received_on', 'symbol'])
    .where('archived_at', 'is', null)
    .where((eb) => (symbol ? eb.or([eb('state_iso3', '=', stateIso3), eb('symbol', '=', symbol)]) : eb('state_iso3', '=', stateIso3)));
  if (exceptId) q = q.where('id', '<>', exceptId);
  const rows = await q.orderBy('received_on').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, state: r.state_iso3, kind: r.kind, receivedOn: r.received_on, symbol: r.symbol }));
}

/** The plans (not archived) of a State, but the one being changed. */
export async function planFacts(db: Db, stateIso3: string, exceptId = ''): Promise<PlanFacts[]> {
  let q = db
    .selectFrom('action_plan')
    .select(['id', 'state_iso3', 'number'])
    .where('state_iso3', '=', stateIso3)
    .where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.orderBy('number').execute()).map((p) => ({ id: p.id, state: p.state_iso3, number: p.number }));
}

export interface StatusAsOf {
  asOf: string;
  /** The Member States as at the date (admitted by then), by code. */
  states: string[];
  reporting: string[];
  nonReporting: string[];
  /** The date of each reporting State's first report. */
  firstReports: Map<string, string>;
  /** The States that sent additional information from 1 January of the year to the date. */
  additionalInformationInYear: string[];
}

/*
 * Official figures are the same for every reader. That a State submitted a report or a plan, and
 * when, is public (the Committee publishes the list of reporting States); the content of a report
 * may be confidential, and only the documents behind the figures are filtered by the policy.
 */

/** Every report kept (not archived) as a public fact: its State, kind and date, whatever its confidentiality. */
export async function reportFactsOfRecord(db: Db, stateIso3?: string): Promise<ReportFact[]> {
  let q = db.selectFrom('national_report').select(['state_iso3', 'kind', 'received_on']).where('archived_at', 'is', null);
  if (stateIso3) q = q.where('state_iso3', '=', stateIso3);
  const rows = await q.orderBy('received_on').orderBy('state_iso3').execute();
  return rows.map((r) => ({ stateIso3: r.state_iso3.trim(), kind: r.kind, receivedOn: r.received_on }));
}

/** Every plan kept (not archived) as a public fact: its State, number, status and date of submission. */
export async function planFactsOfRecord(db: Db): Promise<PlanFact[]> {
  const rows = await db
    .selectFrom('action_plan')
    .select(['state_iso3', 'number', 'status', 'submitted_on'])
    .where('archived_at', 'is', null)
    .orderBy('state_iso3')
    .orderBy('number')
    .execute();
  return rows.map((p) => ({ stateIso3: p.state_iso3.trim(), number: p.number, status: p.status, submittedOn: p.submitted_on }));
}

/** The date a State's first report was received, as public fact (whatever the report's confidentiality), or null. */
export async function firstReportOn(db: Db, stateIso3: string): Promise<string | null> {
  const first = (await reportFactsOfRecord(db, stateIso3)).find((f) => f.kind === 'first-report');
  return first?.receivedOn ?? null;
}

/** The reporting status as at a date, over the Member States as at that date: the same for every reader (page, API and CLI alike). */
export async function statusAsOf(db: Db, asOf: string): Promise<StatusAsOf> {
  const [states, all] = await Promise.all([memberStatesAsAt(db, asOf), reportFactsOfRecord(db)]);
  const members = new Set(states);
  const facts = all.filter((f) => members.has(f.stateIso3));
  const status = reportingStatus(states, facts, asOf);
  const firstReports = new Map<string, string>();
  for (const f of facts)
    if (f.kind === 'first-report' && f.receivedOn <= asOf && !firstReports.has(f.stateIso3)) firstReports.set(f.stateIso3, f.receivedOn);
  return {
    asOf,
    states,
    reporting: status.reporting,
    nonReporting: status.nonReporting,
    firstReports,
    additionalInformationInYear: additionalInformationIn(facts, `${asOf.slice(0, 4)}-01-01`, asOf),
  };
}

export interface PlanFigures {
  asOf: string;
  /** Plans received from 1 January of the first year to the date. */
  since: number;
  /** Plans received each year from the first year to the date's year, the last one up to the date: they add up to `since`. */
  perYear: { year: number; plans: number }[];
}

/** Plans received (submitted or published) from a year to a date, in all and per year: the same for every reader. */
export async function planFiguresAsOf(db: Db, asOf: string, fromYear = 2007): Promise<PlanFigures> {
  const [facts, members] = await Promise.all([planFactsOfRecord(db), memberships(db)]);
  const since = new Map(members.map((s) => [s.iso3, s]));
  // A plan counts from its State's admission: the rule of the Member States as at a date.
  const counted = facts.filter((p) => {
    const state = since.get(p.stateIso3);
    return p.submittedOn === null || (state !== undefined && isMemberOn(state, p.submittedOn));
  });
  return { asOf, since: plansSince(counted, fromYear, asOf), perYear: plansPerYear(counted, fromYear, asOf) };
}
