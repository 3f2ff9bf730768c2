import { todayIso } from '../../platform/values/dates.ts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isoDate, recordId, recordSource, stateCode } from '../../platform/bundle/fields.ts';
import { checkById, importById, readableRows, storedRecords } from '../../platform/bundle/record-section.ts';
import type { BundleSection, RecordProblem } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { checkPlanInput, checkReportInput } from './checks.ts';
import { type PlanRow, planResource, type ReportRow, reportResource } from './queries.ts';
import { planStatuses, reportKinds, reportParagraphs, reportWeaponTypes } from './schema.ts';

/*
 * Two sections: national reports (a State's first report, then additional information) and
 * voluntary national action plans. Keyed by id, so that a bundle carries a State's history
 * whole from one r1540 to another. A record that is new or changed is held to the rules of the
 * forms (dates not in the future nor before 2004, one first report per State and additional
 * information after it, a UN symbol on one report, a plan number once per State); a record equal
 * to the stored one is left alone.
 */

type Indexed<R> = readonly { index: number; record: R }[];

export const reportRecordSchema = z.strictObject({
  id: recordId,
  state: stateCode,
  kind: z.enum(reportKinds, `must be one of ${reportKinds.join(', ')}`),
  receivedOn: isoDate,
  symbol: z.string().trim().max(100, 'must be at most 100 characters').default(''),
  languages: z.array(z.enum(locales, `must be one of ${locales.join(', ')}`)).default([]),
  summary: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
  paragraphs: z.array(z.enum(reportParagraphs, `must be one of ${reportParagraphs.join(', ')}`)).default([]),
  weaponTypes: z.array(z.enum(reportWeaponTypes, `must be one of ${reportWeaponTypes.join(', ')}`)).default([]),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type ReportRecord = z.output<typeof reportRecordSchema>;

export const planRecordSchema = z.strictObject({
  id: recordId,
  state: stateCode,
  number: z.number('must be a whole number').int('must be a whole number').min(1, 'must be from 1 to 99').max(99, 'must be from 1 to 99'),
  status: z.enum(planStatuses, `must be one of ${planStatuses.join(', ')}`),
  startedOn: isoDate.nullable().default(null),
  submittedOn: isoDate.nullable().default(null),
  publishedOn: isoDate.nullable().default(null),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type PlanRecord = z.output<typeof planRecordSchema>;

export function reportRecord(r: ReportRow): ReportRecord {
  return {
    id: r.id,
    state: r.state_iso3,
    kind: r.kind,
    receivedOn: r.received_on,
    symbol: r.symbol,
    languages: r.languages as ReportRecord['languages'],
    summary: r.summary,
    paragraphs: r.paragraphs as ReportRecord['paragraphs'],
    weaponTypes: r.weapon_types as ReportRecord['weaponTypes'],
    source: r.source,
    archived: r.archived_at !== null,
    confidentiality: r.confidentiality,
  };
}

export function planRecord(p: PlanRow): PlanRecord {
  return {
    id: p.id,
    state: p.state_iso3,
    number: p.number,
    status: p.status,
    startedOn: p.started_on,
    submittedOn: p.submitted_on,
    publishedOn: p.published_on,
    source: p.source,
    archived: p.archived_at !== null,
    confidentiality: p.confidentiality,
  };
}

// The same audited shape as the commands': the row without its timestamps.
const audited = <T extends { created_at: Date; updated_at: Date }>(row: T) => ({ ...row, created_at: undefined, updated_at: undefined });

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

/** The rules across a State's reports, for the records that change, against the reports as they will be. */
async function reportConsistency(db: Kysely<DB>, records: Indexed<ReportRecord>, changed: Set<number>): Promise<RecordProblem[]> {
  const problems: RecordProblem[] = [];
  const inBundle = new Set(records.map(({ record }) => record.id));
  const states = [...new Set(records.map(({ record }) => record.state))];
  const symbols = [...new Set(records.map(({ record }) => record.symbol).filter(Boolean))];
  if (!states.length) return problems;
  const others = (
    await db
      .selectFrom('national_report')
      .select(['id', 'state_iso3', 'kind', 'received_on', 'symbol'])
      .where('archived_at', 'is', null)
      .where((eb) =>
        symbols.length ? eb.or([eb('state_iso3', 'in', states), eb('symbol', 'in', symbols)]) : eb('state_iso3', 'in', states),
      )
      .execute()
  )
    .filter((r) => !inBundle.has(r.id))
    .map((r) => ({
      id: r.id,
      state: r.state_iso3,
      kind: r.kind,
      receivedOn: r.received_on,
      symbol: r.symbol,
      where: `the stored report ${r.id}`,
    }));
  const all = [
    ...others,
    ...records.filter(({ record }) => !record.archived).map(({ index, record }) => ({ ...record, where: `record [${index}]` })),
  ];
  for (const { index, record: r } of records) {
    if (!changed.has(index) || r.archived) continue;
    const sameState = all.filter((o) => o.state === r.state && o.id !== r.id);
    const firsts = sameState.filter((o) => o.kind === 'first-report');
    if (r.kind === 'first-report') {
      if (firsts.length)
        problems.push({
          index,
          field: 'kind',
          problem: `${r.state} has a first report already (${firsts[0]!.where}): record this as additional information`,
        });
      const earliest = sameState
        .filter((o) => o.kind === 'additional-information')
        .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))[0];
      if (earliest && earliest.receivedOn < r.receivedOn)
        problems.push({
          index,
          field: 'receivedOn',
          problem: `is after ${r.state}’s additional information of ${earliest.receivedOn} (${earliest.where})`,
        });
    } else {
      const first = firsts[0];
      if (first && r.receivedOn < first.receivedOn)
        problems.push({
          index,
          field: 'receivedOn',
          problem: `is before ${r.state}’s first report of ${first.receivedOn} (${first.where})`,
        });
    }
    const sameSymbol = r.symbol ? all.find((o) => o.id !== r.id && o.symbol === r.symbol) : undefined;
    if (sameSymbol)
      problems.push({
        index,
        field: 'symbol',
        problem: `is already the symbol of ${sameSymbol.state}’s report of ${sameSymbol.receivedOn} (${sameSymbol.where})`,
      });
  }
  return problems;
}

export const nationalReportsSection: BundleSection<ReportRecord> = {
  name: 'national-reports',
  keyField: 'id',
  schema: reportRecordSchema,
  key: (r) => r.id,
  resource: (r) => reportResource({ confidentiality: r.confidentiality, state_iso3: r.state }),

  async export(db, viewer) {
    return (await readableRows(db, viewer, 'national_report', reportResource)).rows.map(reportRecord);
  },

  stored: (db, keys) => storedRecords(db, 'national_report', keys, reportRecord),

  references: (r) => [{ field: 'state', section: 'member-states', key: r.state, noun: 'Member State' }],

  async check(db, records) {
    const today = todayIso();
    const changed = new Set<number>();
    const problems = await checkById(db, 'national_report', records, {
      toRecord: reportRecord,
      always: (r, before) => stateProblem(r.state, before, 'report'),
      changed: (r, index) => {
        changed.add(index);
        return checkReportInput({ ...r, stateIso3: r.state }, today);
      },
    });
    problems.push(...(await reportConsistency(db, records, changed)));
    return problems;
  },

  async import(trx, actor, records, report) {
    await importById(trx, actor, records, report, {
      table: 'national_report',
      toRecord: reportRecord,
      recordType: 'national-report',
      audited,
      fixed: (r) => ({ state_iso3: r.state }),
      columns: (r) => ({
        kind: r.kind,
        received_on: r.receivedOn,
        symbol: r.symbol,
        languages: r.languages,
        summary: r.summary,
        paragraphs: r.paragraphs,
        weapon_types: r.weaponTypes,
        source: r.source,
        confidentiality: r.confidentiality,
      }),
    });
  },
};

export const actionPlansSection: BundleSection<PlanRecord> = {
  name: 'action-plans',
  keyField: 'id',
  schema: planRecordSchema,
  key: (p) => p.id,
  resource: (p) => planResource({ confidentiality: p.confidentiality, state_iso3: p.state }),

  async export(db, viewer) {
    return (await readableRows(db, viewer, 'action_plan', planResource)).rows.map(planRecord);
  },

  stored: (db, keys) => storedRecords(db, 'action_plan', keys, planRecord),

  references: (p) => [{ field: 'state', section: 'member-states', key: p.state, noun: 'Member State' }],

  async check(db, records) {
    const today = todayIso();
    const inBundle = new Set(records.map(({ record }) => record.id));
    const states = [...new Set(records.map(({ record }) => record.state))];
    const others = states.length
      ? (
          await db
            .selectFrom('action_plan')
            .select(['id', 'state_iso3', 'number'])
            .where('archived_at', 'is', null)
            .where('state_iso3', 'in', states)
            .execute()
        ).filter((p) => !inBundle.has(p.id))
      : [];
    return checkById(db, 'action_plan', records, {
      toRecord: planRecord,
      always: (p, before) => stateProblem(p.state, before, 'plan'),
      changed: (p, index) => {
        const problems = checkPlanInput({ ...p, stateIso3: p.state }, today);
        if (p.archived) return problems;
        const twin =
          others.find((o) => o.state_iso3 === p.state && o.number === p.number)?.id ??
          records.find(({ index: i, record: o }) => i !== index && !o.archived && o.state === p.state && o.number === p.number)?.index;
        if (twin !== undefined)
          problems.push({
            field: 'number',
            problem: `${p.state} has a plan numbered ${p.number} already (${typeof twin === 'number' ? `record [${twin}]` : `the stored plan ${twin}`})`,
          });
        return problems;
      },
    });
  },

  async import(trx, actor, records, report) {
    await importById(trx, actor, records, report, {
      table: 'action_plan',
      toRecord: planRecord,
      recordType: 'action-plan',
      audited,
      fixed: (p) => ({ state_iso3: p.state }),
      columns: (p) => ({
        number: p.number,
        status: p.status,
        started_on: p.startedOn,
        submitted_on: p.submittedOn,
        published_on: p.publishedOn,
        source: p.source,
        confidentiality: p.confidentiality,
      }),
    });
  },
};
