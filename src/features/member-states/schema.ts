import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { LocalizedText } from '../../platform/i18n/locales.ts';

export interface MemberStateTable {
  iso3: string;
  iso2: string;
  m49: string;
  un_member_since: ColumnType<string, string, string>;
  names: ColumnType<LocalizedText, string, string>;
  regional_group: string;
  m49_region: string | null;
  m49_subregion: string | null;
  m49_intermediate: string | null;
  organizations: string[];
  security_council_years: number[];
  search_text: string;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    member_state: MemberStateTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'member-state': true;
  }
}
