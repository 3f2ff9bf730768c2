import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { LocalizedText } from '../../platform/i18n/locales.ts';

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

declare module '../../platform/db/schema.ts' {
  interface DB {
    organization: OrganizationTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    organization: true;
  }
}
