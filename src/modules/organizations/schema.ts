import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../policy/levels.ts';
import type { LocalizedText } from '../../i18n/locales.ts';

export interface OrganizationTable {
  code: string;
  kind: string;
  acronyms: ColumnType<Partial<LocalizedText>, string, string>;
  names: ColumnType<Partial<LocalizedText>, string, string>;
  former_names: ColumnType<Partial<Record<keyof LocalizedText, string[]>>, string, string>;
  website: string | null;
  named_in_seed: boolean;
  search_text: string;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
