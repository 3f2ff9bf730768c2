import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { KeptRecordColumns } from '../reports/index.ts';

/** The annex's groups of events, in its order (S/2018/1167, annex). */
export const eventGroups = ['visit-at-invitation', 'joint-visit', 'country-specific', 'regional', 'other'] as const;
export type EventGroup = (typeof eventGroups)[number];
/** Who an event spoke to (¶37, ¶40). */
export const audiences = ['officials', 'parliamentarians', 'industry', 'civil-society', 'academia'] as const;
export type Audience = (typeof audiences)[number];
/** Planned events become held ones, or are cancelled. */
export const eventStatuses = ['planned', 'held', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const participantRoles = ['chair', 'vice-chair', 'member', 'expert', 'coordinator'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const participationModes = ['in-person', 'recorded-message'] as const;
export type ParticipationMode = (typeof participationModes)[number];
/** The records an event concerns. */
export const eventLinkTypes = ['visit', 'course', 'assistance-request', 'document', 'meeting'] as const;
export type EventLinkType = (typeof eventLinkTypes)[number];
/** What the Committee did with an organization (¶29–36). */
export const cooperationActivities = ['joint-event', 'training', 'model-legislation', 'joint-visit', 'information-exchange'] as const;
export type CooperationActivity = (typeof cooperationActivities)[number];
/** The records a cooperation is linked to. */
export const cooperationLinkTypes = ['event', 'meeting', 'visit', 'course', 'assistance-response', 'assistance-request'] as const;
export type CooperationLinkType = (typeof cooperationLinkTypes)[number];
export const outreachSources = ['seed', 'illustrative', 'entered'] as const;
export type OutreachSource = (typeof outreachSources)[number];

/** The languages an event's text is translated into: its own columns hold the English (the UN's working language). */
export const translationLanguages = ['ar', 'es', 'fr', 'ru', 'zh'] as const;
export type TranslationLanguage = (typeof translationLanguages)[number];
/** An event's title, description and city in one of the other languages. */
export interface EventText {
  title: string;
  description: string;
  city: string;
}
export type EventTranslations = Partial<Record<TranslationLanguage, EventText>>;

/** Who took part for the Committee, and how (in person, or by a recorded message). */
export interface Participant {
  role: ParticipantRole;
  mode: ParticipationMode;
  /** An expert of the Group of Experts (administration's), where known. */
  expertId?: string | null;
  name?: string;
}

/** An outreach event. Dates are ISO (YYYY-MM-DD); one day: `ends_on` = `starts_on`. */
export interface OutreachEventTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  starts_on: string;
  ends_on: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  event_group: EventGroup;
  organizer_states: ColumnType<string[], string[] | undefined, string[]>;
  organizer_organizations: ColumnType<string[], string[] | undefined, string[]>;
  by_committee: ColumnType<boolean, boolean | undefined, boolean>;
  city: ColumnType<string, string | undefined, string>;
  /** The title, description and city in the languages it is translated into (JSON when written). */
  translations: ColumnType<EventTranslations, string | undefined, string>;
  /** The State where it is held. */
  state_iso3: string | null;
  audiences: ColumnType<Audience[], Audience[] | undefined, Audience[]>;
  participants: ColumnType<Participant[], string | undefined, string>;
  /** "visit:<uuid>" and the like. */
  links: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<EventStatus, EventStatus | undefined, EventStatus>;
  confirmed: ColumnType<boolean, boolean | undefined, boolean>;
  /** Listed in the annex's table of the annual review. */
  listed: ColumnType<boolean, boolean | undefined, boolean>;
  source: OutreachSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
}

/** A piece of the Committee's cooperation with an organization. */
export interface OrganizationCooperationTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  organization_code: string;
  activity: CooperationActivity;
  starts_on: string;
  ends_on: string;
  description: string;
  /** The description in the languages it is translated into (JSON when written). */
  translations: ColumnType<Partial<Record<TranslationLanguage, { description: string }>>, string | undefined, string>;
  links: ColumnType<string[], string[] | undefined, string[]>;
  state_iso3: string | null;
  source: OutreachSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    outreach_event: OutreachEventTable;
    organization_cooperation: OrganizationCooperationTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'outreach-event': true;
    cooperation: true;
  }
}
