import type { ColumnType } from 'kysely';
import type { KeptRecordColumns } from '../reports/index.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { RecordSource } from '../contacts/index.ts';

export { recordSources } from '../contacts/index.ts';

export const visitKinds = ['visit-at-invitation', 'round-table', 'peer-review', 'joint-visit'] as const;
export type VisitKind = (typeof visitKinds)[number];
export const visitPurposes = ['first-report', 'action-plan', 'exchange', 'gaps-and-assistance'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];
/** Whether a visit or course took place (its dates up to today) or is planned (it may lie ahead). */
export const engagementStatuses = ['held', 'planned'] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];

/** A visit to a State, a national round table, a peer review or a joint visit. */
export interface VisitTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  state_iso3: string;
  kind: VisitKind;
  /** ISO dates (YYYY-MM-DD). */
  starts_on: string;
  ends_on: string | null;
  purposes: ColumnType<VisitPurpose[], VisitPurpose[] | undefined, VisitPurpose[]>;
  states_involved: ColumnType<string[], string[] | undefined, string[]>;
  /** The organizations whose people went (codes of the organization table). */
  organizations_involved: ColumnType<string[], string[] | undefined, string[]>;
  supporting_organizations: ColumnType<string[], string[] | undefined, string[]>;
  /** The experts who went. */
  who_went: ColumnType<string, string | undefined, string>;
  /** Who the visit was made with (CTED, the 1267 Monitoring Team) or, for a peer review, who supported it. */
  partner: ColumnType<string, string | undefined, string>;
  place: ColumnType<string, string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
  status: ColumnType<EngagementStatus, EngagementStatus | undefined, EngagementStatus>;
  source: RecordSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
}

/** A training course for points of contact. */
export interface CourseTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  title: string;
  starts_on: string;
  ends_on: string;
  place: string;
  host_organizations: ColumnType<string[], string[] | undefined, string[]>;
  supporting_organizations: ColumnType<string[], string[] | undefined, string[]>;
  region: ColumnType<string, string | undefined, string>;
  participating_states: ColumnType<string[], string[] | undefined, string[]>;
  teachers: ColumnType<string, string | undefined, string>;
  teaching_organizations: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<EngagementStatus, EngagementStatus | undefined, EngagementStatus>;
  source: RecordSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    visit: VisitTable;
    course: CourseTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    visit: true;
    course: true;
  }
}
