import type { ColumnType } from 'kysely';
import type { LocalizedText } from '../../platform/i18n/locales.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';

/**
 * The kinds of meeting: formal and informal meetings of the Committee (¶4); informal meetings at
 * which States or organizations brief the Committee (¶15, ¶16, ¶31); informal meetings of a working
 * group (¶5); briefings to the Security Council, alone or jointly with other committees (¶7, ¶35c).
 */
export const meetingKinds = ['formal', 'informal', 'briefing', 'working-group', 'council-briefing'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
/** Meetings are public or Committee-only (or shared with the one State a meeting concerns). */
export const recordSources = ['seed', 'illustrative', 'entered'] as const;
export type RecordSource = (typeof recordSources)[number];
/** The areas of a programme of work, as the annual review's sections II.A–E. */
export const programmeAreas = ['monitoring', 'assistance', 'cooperation', 'transparency', 'administration'] as const;
export type ProgrammeArea = (typeof programmeAreas)[number];
export const itemStatuses = ['planned', 'in-progress', 'done'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

interface Kept {
  id: ColumnType<string, string | undefined, never>;
  source: ColumnType<RecordSource, RecordSource | undefined, RecordSource>;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A meeting of the Committee or one of its bodies. Dates are ISO (YYYY-MM-DD). */
export interface MeetingTable extends Kept {
  held_on: string;
  kind: MeetingKind;
  /** The working group that met (kind 'working-group' only). */
  working_group_id: string | null;
  title: string;
  /** Who chaired, as said (a name, "the Chair", a coordinator). */
  chair: string;
  participant_states: ColumnType<string[], string[] | undefined, string[]>;
  participant_organizations: ColumnType<string[], string[] | undefined, string[]>;
  /** Other participants in words (the 1267 and 1373 committees, a national agency). */
  participants_other: string;
  agenda: ColumnType<string[], string[] | undefined, string[]>;
  outcome: string;
  /** Documents of the library linked to the meeting (shown only to those who may see them). */
  document_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** The one State a meeting concerns, for the level "the Committee and the State concerned". */
  state_iso3: string | null;
}

/** A working group of the Committee, named in the six languages. */
export interface WorkingGroupTable extends Kept {
  code: string;
  names: ColumnType<Partial<LocalizedText>, string, string>;
  position: number;
}

/** Who coordinated a working group, and when: a State and the person (or persons) it named. */
export interface CoordinatorTable extends Kept {
  working_group_id: string;
  state_iso3: string;
  person: string;
  started_on: string;
  ended_on: string | null;
}

/** A numbered programme of work, its period, and the data cut-off of the review of its year. */
export interface ProgrammeTable extends Kept {
  number: number;
  symbol: string;
  started_on: string;
  ended_on: string;
  review_cutoff_on: string | null;
}

/** A record that carries out an item of a programme: any kind of record the policy knows, by id. */
export interface ItemLink {
  recordType: string;
  recordId: string;
}

/** An item of a programme of work, and the records that carry it out. */
export interface ProgrammeItemTable extends Kept {
  programme_id: string;
  reference: string;
  title: string;
  area: ProgrammeArea;
  status: ItemStatus;
  links: ColumnType<ItemLink[], string, string>;
  position: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    meeting: MeetingTable;
    working_group: WorkingGroupTable;
    working_group_coordinator: CoordinatorTable;
    programme_of_work: ProgrammeTable;
    programme_item: ProgrammeItemTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    meeting: true;
    'working-group': true;
    'working-group-coordinator': true;
    'programme-of-work': true;
    'programme-item': true;
  }
}
