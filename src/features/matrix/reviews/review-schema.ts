import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../../platform/policy/levels.ts';

/** A systematic review cycle: a comprehensive review of the matrices, with its deadline. */
export interface ReviewCycleTable {
  id: ColumnType<string, string | undefined, never>;
  title: string;
  purpose: ColumnType<string, string | undefined, string>;
  /** ISO dates (YYYY-MM-DD). */
  starts_on: ColumnType<string, string, string>;
  deadline: ColumnType<string, string, string>;
  template_version: string;
  /** A State's matrix held longer than this many days by the same hands is overdue. */
  hold_days: ColumnType<number, number | undefined, number>;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Which expert looks after a State's matrix in a cycle (none: the Group of Experts as a whole). */
export interface ReviewAssignmentTable {
  id: ColumnType<string, string | undefined, never>;
  cycle_id: ColumnType<string, string, never>;
  state_iso3: ColumnType<string, string, never>;
  expert_id: string | null;
  note: ColumnType<string, string | undefined, string>;
  row_version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../../platform/db/schema.ts' {
  interface DB {
    review_cycle: ReviewCycleTable;
    review_assignment: ReviewAssignmentTable;
  }
}

declare module '../../../platform/policy/policy.ts' {
  interface RecordTypes {
    'review-cycle': true;
  }
  interface Abilities {
    'read-review-cycles': true;
  }
}
