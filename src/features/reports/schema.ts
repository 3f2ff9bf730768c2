import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';

export const reportKinds = ['first-report', 'additional-information'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportParagraphs = ['OP1', 'OP2', 'OP3a', 'OP3b', 'OP3c', 'OP3d'] as const;
export const reportWeaponTypes = ['nuclear', 'chemical', 'biological'] as const;
export const planStatuses = ['drafting', 'drafting-with-experts', 'submitted', 'published'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const reportSources = ['seed', 'illustrative', 'entered'] as const;
export type ReportSource = (typeof reportSources)[number];

/** The columns of every record kept by id (reports, plans, points of contact, visits, courses): archived, never deleted; versioned; timed. */
export interface KeptRecordColumns {
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A national report: a State's first report, or later additional information. Dates are ISO (YYYY-MM-DD). */
export interface NationalReportTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  state_iso3: ColumnType<string, string, never>;
  kind: ReportKind;
  received_on: string;
  symbol: ColumnType<string, string | undefined, string>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  summary: ColumnType<string, string | undefined, string>;
  paragraphs: ColumnType<string[], string[] | undefined, string[]>;
  weapon_types: ColumnType<string[], string[] | undefined, string[]>;
  source: ReportSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
}

/** A voluntary national implementation action plan: a State's first, second, … plan. */
export interface ActionPlanTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  state_iso3: ColumnType<string, string, never>;
  number: number;
  status: PlanStatus;
  started_on: string | null;
  submitted_on: string | null;
  published_on: string | null;
  source: ReportSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    national_report: NationalReportTable;
    action_plan: ActionPlanTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'national-report': true;
    'action-plan': true;
  }
}
