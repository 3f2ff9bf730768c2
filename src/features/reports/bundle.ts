import type { Kysely } from 'kysely';
import { z } from 'zod';
import { sourceProblem } from '../../platform/bundle/fields.ts';
import { keptSection } from '../../platform/bundle/record-section.ts';
import type { BundleSection, RecordProblem } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso3, recordId } from '../../platform/values/codes.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { importPlan, importReport } from './commands.ts';
import { type PlanFacts, planConflict, type ReportFacts, reportConflicts } from './consistency.ts';
import { checkPlanInput, checkReportInput, choice, planFields, reportFields } from './inputs.ts';
import { type PlanView, presentPlan, presentReport, type ReportView } from './present.ts';
import { planResource, reportResource } from './queries.ts';
import { reportSources } from './schema.ts';

/*
 * Two sections: national reports (a State's first report, then additional information) and
 * voluntary national action plans. Keyed by id, so that a bundle carries a State's history
 * whole from one r1540 to another. A record that is new or changed is held to the rules of the
 * forms (dates not in the future nor before 2004, one first report per State and additional
 * information after it, a UN symbol on one report, a plan number once per State), against the
 * stored records and the rest of the bundle as they will be; a record equal to the stored one is
 * left alone. The write core writes each record.
 */

type Indexed<R> = readonly { index: number; record: R }[];

/** What every record of these sections has besides its fields. */
const kept = {
  id: recordId.transform((id) => id.toLowerCase()),
  state: iso3,
  source: choice(reportSources).default('entered'),
  archived: z.boolean().default(false),
};

export const reportRecordSchema: z.ZodType<ReportView> = z.strictObject({ ...kept, ...reportFields(null) });
export type ReportRecord = ReportView;
export const planRecordSchema: z.ZodType<PlanView> = z.strictObject({ ...kept, ...planFields(null) });
export type PlanRecord = PlanView;

const stateReference = (r: { state: string }) => [{ field: 'state', section: 'member-states', key: r.state, noun: 'Member State' }];

/** A record's State never changes: a report or plan of another State is a new record. */
function stateProblem(state: string, before: { state_iso3: string } | undefined, noun: string): Omit<RecordProblem, 'index'>[] {
  return before && before.state_iso3 !== state
    ? [
        {
          field: 'state',
          problem: `is ${state}, and the stored ${noun} is ${before.state_iso3}’s: a ${noun} does not move to another State (record a new one)`,
        },
      ]
    : [];
}

/** The stored records (not archived) of these States, or with these symbols, that the bundle does not carry. */
async function storedReports(db: Kysely<DB>, records: Indexed<ReportRecord>): Promise<ReportFacts[]> {
  const inBundle = new Set(records.map(({ record }) => record.id));
  const states = [...new Set(records.map(({ record }) => record.state))];
  const symbols = [...new Set(records.map(({ record }) => record.symbol).filter(Boolean))];
  if (!states.length) return [];
  const rows = await db
    .selectFrom('national_report')
    .select(['id', 'state_iso3', 'kind', 'received_on', 'symbol'])
    .where('archived_at', 'is', null)
    .where((eb) => (symbols.length ? eb.or([eb('state_iso3', 'in', states), eb('symbol', 'in', symbols)]) : eb('state_iso3', 'in', states)))
    .execute();
  return rows
    .filter((r) => !inBundle.has(r.id))
    .map((r) => ({
      id: r.id,
      state: r.state_iso3,
      kind: r.kind,
      receivedOn: r.received_on,
      symbol: r.symbol,
      where: `the stored report ${r.id}`,
    }));
}

async function storedPlans(db: Kysely<DB>, records: Indexed<PlanRecord>): Promise<PlanFacts[]> {
  const inBundle = new Set(records.map(({ record }) => record.id));
  const states = [...new Set(records.map(({ record }) => record.state))];
  if (!states.length) return [];
  const rows = await db
    .selectFrom('action_plan')
    .select(['id', 'state_iso3', 'number'])
    .where('archived_at', 'is', null)
    .where('state_iso3', 'in', states)
    .execute();
  return rows
    .filter((p) => !inBundle.has(p.id))
    .map((p) => ({ id: p.id, state: p.state_iso3, number: p.number, where: `the stored plan ${p.id}` }));
}

/** The bundle's records that will not be archived, named by their place. */
const living = <R extends { archived: boolean }>(records: Indexed<R>) =>
  records.filter(({ record }) => !record.archived).map(({ index, record }) => ({ ...record, where: `record [${index}]` }));

export const nationalReportsSection: BundleSection<ReportRecord> = keptSection({
  name: 'national-reports',
  table: 'national_report',
  schema: reportRecordSchema,
  present: presentReport,
  rowResource: reportResource,
  resource: (r) => reportResource({ confidentiality: r.confidentiality, state_iso3: r.state }),
  references: stateReference,
  context: async (db, records) => ({ today: todayIso(), all: [...(await storedReports(db, records)), ...living(records)] }),
  always: (r, before) => [...stateProblem(r.state, before, 'report'), ...sourceProblem(r.source, before)],
  changed: (r, { today, all }) => [
    ...checkReportInput({ ...r, stateIso3: r.state }, today),
    ...(r.archived ? [] : reportConflicts(r, all)),
  ],
  write: importReport,
});

export const actionPlansSection: BundleSection<PlanRecord> = keptSection({
  name: 'action-plans',
  table: 'action_plan',
  schema: planRecordSchema,
  present: presentPlan,
  rowResource: planResource,
  resource: (p) => planResource({ confidentiality: p.confidentiality, state_iso3: p.state }),
  references: stateReference,
  context: async (db, records) => ({ today: todayIso(), all: [...(await storedPlans(db, records)), ...living(records)] }),
  always: (p, before) => [...stateProblem(p.state, before, 'plan'), ...sourceProblem(p.source, before)],
  changed: (p, { today, all }) => [...checkPlanInput({ ...p, stateIso3: p.state }, today), ...(p.archived ? [] : planConflict(p, all))],
  write: importPlan,
});
