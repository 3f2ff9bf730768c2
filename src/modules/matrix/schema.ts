import type { ColumnType } from 'kysely';
import type { LocalizedText } from '../../i18n/locales.ts';
import type { Confidentiality } from '../../policy/levels.ts';
import type { TemplateData } from './template.ts';

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
