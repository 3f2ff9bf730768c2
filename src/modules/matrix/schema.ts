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
