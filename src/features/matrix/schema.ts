import type { ColumnType } from 'kysely';
import type { LocalizedText } from '../../platform/i18n/locales.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { TemplateData } from './templates/template.ts';

export interface MatrixTemplateTable {
  version: string;
  approved_on: ColumnType<string | null, string | null, string | null>;
  title: ColumnType<LocalizedText, string, string>;
  /** Sections, rows and fields, as in `data/template-<version>.json`. */
  definition: ColumnType<Pick<TemplateData, 'sections' | 'rows' | 'fields'>, string, string>;
  /** The template this one was copied from. */
  based_on: string | null;
  /** Once set, the definition never changes (enforced by a trigger). */
  locked_at: Date | null;
  field_count: number;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: Date | null;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export const matrixStatuses = ['draft', 'sent', 'commented', 'agreed', 'approved', 'published'] as const;
export type MatrixStatus = (typeof matrixStatuses)[number];

export interface MatrixTable {
  id: ColumnType<string, string | undefined, never>;
  state_iso3: string;
  number: number;
  template_version: string;
  status: ColumnType<MatrixStatus, MatrixStatus | undefined, MatrixStatus>;
  based_on: string | null;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  status_changed_at: ColumnType<Date, Date | undefined, Date>;
  approved_at: Date | null;
  published_at: Date | null;
  archived_at: Date | null;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Where the information in a cell comes from. */
export interface CellSource {
  kind: 'law' | 'national-report' | 'website' | 'organization' | 'other';
  /** The law or regulation, the report's symbol, the organization… */
  citation: string;
  /** Article, section or page. */
  locator?: string;
  url?: string;
  /** The language of the source (a BCP 47 tag). */
  language?: string;
}

export interface MatrixCellTable {
  id: ColumnType<string, never, never>;
  matrix_id: string;
  field_code: string;
  value: ColumnType<'X' | '?' | 'NA' | '', 'X' | '?' | 'NA' | '' | undefined, 'X' | '?' | 'NA' | ''>;
  info_date: ColumnType<string | null, string | null | undefined, string | null>;
  remarks: ColumnType<string, string | undefined, string>;
  sources: ColumnType<CellSource[], string | undefined, string>;
  instrument_status: 'signed' | 'ratified' | 'acceded' | 'succeeded' | 'member' | 'not-party' | null;
  instrument_date: ColumnType<string | null, string | null | undefined, string | null>;
  row_version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string | null;
}

export const proposalKinds = ['comment', 'proposal'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalStatuses = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A comment on a field of a version, or a proposed value for it with its sources, made while the
 * version is with the State; the experts accept (the value goes into the cell) or decline it.
 */
export interface MatrixProposalTable {
  id: ColumnType<string, string | undefined, never>;
  matrix_id: ColumnType<string, string, never>;
  field_code: ColumnType<string, string, never>;
  author_id: ColumnType<string, string, never>;
  kind: ColumnType<ProposalKind, ProposalKind, never>;
  comment: ColumnType<string, string | undefined, never>;
  /** The proposed value; null for a comment. */
  value: ColumnType<'X' | '?' | 'NA' | '' | null, 'X' | '?' | 'NA' | '' | null | undefined, never>;
  sources: ColumnType<CellSource[], string | undefined, never>;
  info_date: ColumnType<string | null, string | null | undefined, never>;
  status: ColumnType<ProposalStatus, ProposalStatus | undefined, ProposalStatus>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decision_note: ColumnType<string, string | undefined, string>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    matrix_template: MatrixTemplateTable;
    matrix: MatrixTable;
    matrix_cell: MatrixCellTable;
    matrix_proposal: MatrixProposalTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'matrix-template': true;
    matrix: true;
  }
}
