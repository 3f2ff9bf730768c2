import type { ColumnType } from 'kysely';

export const contactLocations = ['capital', 'new-york-mission'] as const;
export type ContactLocation = (typeof contactLocations)[number];
export const recordSources = ['seed', 'illustrative', 'entered'] as const;
export type RecordSource = (typeof recordSources)[number];

/** A State's point of contact: confidential to the Committee side and the State concerned. */
export interface PointOfContactTable {
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
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
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
