import type { ColumnType } from 'kysely';
import type { KeptRecordColumns, ReportSource } from '../reports/index.ts';

export const contactLocations = ['capital', 'new-york-mission'] as const;
export type ContactLocation = (typeof contactLocations)[number];
/** Where a record comes from: the Committee's review of 2018, made-up history, or entered here (as for reports). */
export { reportSources as recordSources } from '../reports/index.ts';
export type RecordSource = ReportSource;

/** A State's point of contact: confidential to the Committee side and the State concerned. */
export interface PointOfContactTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  state_iso3: ColumnType<string, string, never>;
  location: ContactLocation;
  name: string;
  title: ColumnType<string, string | undefined, string>;
  institution: ColumnType<string, string | undefined, string>;
  email: ColumnType<string, string | undefined, string>;
  phone: ColumnType<string, string | undefined, string>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  /** ISO dates (YYYY-MM-DD). */
  designated_on: string;
  ended_on: string | null;
  last_confirmed_on: string | null;
  source: RecordSource;
  confidentiality: ColumnType<'committee-and-state', 'committee-and-state' | undefined, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    point_of_contact: PointOfContactTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'point-of-contact': true;
  }
  interface Abilities {
    'read-contact-reminders': true;
  }
}
