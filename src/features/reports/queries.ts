import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { findKept } from '../../platform/bundle/record-section.ts';
import type { PlanFacts, ReportFacts } from './consistency.ts';
import type { ActionPlanTable, NationalReportTable, ReportKind } from './schema.ts';
import { additionalInformationIn, type PlanFact, type ReportFact, reportingStatus } from './status.ts';

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

export async function stateCodesVisibleTo(db: Db, viewer: Viewer | null): Promise<string[]> {
  const rows = await db
    .selectFrom('member_state')
    .select(['iso3', 'confidentiality'])
    .where('archived_at', 'is', null)
    .orderBy('iso3')
    .execute();
  return rows
    .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
    .map((s) => s.iso3);
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
  /** The States the viewer may see, by code. */
  states: string[];
  reporting: string[];
  nonReporting: string[];
  /** The date of each reporting State's first report. */
  firstReports: Map<string, string>;
  /** The States that sent additional information from 1 January of the year to the date. */
  additionalInformationInYear: string[];
}

/** The reporting status as at a date, from the records the viewer may see (page, API and CLI alike). */
export async function statusAsOf(db: Db, viewer: Viewer | null, asOf: string): Promise<StatusAsOf> {
  const states = await stateCodesVisibleTo(db, viewer);
  const facts = (await reportsVisibleTo(db, viewer)).map(reportFact);
  const status = reportingStatus(states, facts, asOf);
  const firstReports = new Map(
    facts.filter((f) => f.kind === 'first-report' && f.receivedOn <= asOf).map((f) => [f.stateIso3, f.receivedOn] as const),
  );
  return {
    asOf,
    states,
    reporting: status.reporting,
    nonReporting: status.nonReporting,
    firstReports,
    additionalInformationInYear: additionalInformationIn(facts, `${asOf.slice(0, 4)}-01-01`, asOf),
  };
}
