import type { ColumnType, Generated } from 'kysely';

export const requestStatuses = [
  'received',
  'authenticated',
  'acknowledged',
  'circulated',
  'forwarded',
  'under-way',
  'delivered',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const channels = ['template', 'note-verbale', 'letter', 'online-form', 'email', 'meeting'] as const;
export type Channel = (typeof channels)[number];
export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];
export const matchStatuses = ['suggested', 'proposed', 'accepted', 'under-way', 'delivered', 'declined', 'set-aside'] as const;
export type MatchStatus = (typeof matchStatuses)[number];
export const providerKinds = ['state', 'organization'] as const;
export type ProviderKind = (typeof providerKinds)[number];
export const assistanceSources = ['seed', 'illustrative', 'entered'] as const;
export type AssistanceSource = (typeof assistanceSources)[number];

type Stamp = ColumnType<Date, Date | undefined, Date>;
type Created = ColumnType<Date, never, never>;
type Codes = ColumnType<string[], string[] | undefined, string[]>;
type Text = ColumnType<string, string | undefined, string>;
type Version = ColumnType<number, number | undefined, number>;
type When = ColumnType<Date | null, Date | null | undefined, Date | null>;

/** A State's request for assistance. Dates are ISO (YYYY-MM-DD). */
export interface AssistanceRequestTable {
  id: ColumnType<string, string | undefined, never>;
  reference: Text;
  state_iso3: string;
  received_on: string;
  channel: Channel;
  contact_name: Text;
  contact_email: Text;
  languages: Codes;
  earlier_assistance: Text;
  other_providers: Text;
  consent_summary: ColumnType<boolean, boolean | undefined, boolean>;
  summary: Text;
  invites_visit: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
  status_on: string;
  /** When the State objected to circulation to providers (null: no objection, or lifted). */
  objected_on: string | null;
  summary_posted_on: string | null;
  /** When the follow-up letter (a year after circulation without news) was sent. */
  follow_up_on: string | null;
  source: AssistanceSource;
  confidentiality: ColumnType<
    'committee' | 'committee-and-state',
    'committee' | 'committee-and-state' | undefined,
    'committee' | 'committee-and-state'
  >;
  archived_at: When;
  row_version: Version;
  created_at: Created;
  updated_at: Stamp;
}

export interface AssistanceRequestItemTable {
  id: ColumnType<string, string | undefined, never>;
  request_id: string;
  position: number;
  description: string;
  paragraphs: Codes;
  weapons: Codes;
  areas: Codes;
  kinds: Codes;
  matrix_fields: Codes;
  priority: ColumnType<Priority, Priority | undefined, Priority>;
  timeframe: Text;
  /** Details the seed does not give, filled in for the demonstration. */
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
  removed_at: When;
  created_at: Created;
  updated_at: Stamp;
}

/** One step of the procedure: never changed once written. */
export interface AssistanceStepTable {
  id: Generated<string>;
  request_id: string;
  action: string;
  from_status: string;
  to_status: string;
  taken_on: string;
  note: Text;
  actor_id: string | null;
  actor_label: string;
  created_at: Created;
}

export interface AssistanceOfferTable {
  id: ColumnType<string, string | undefined, never>;
  provider_kind: ProviderKind;
  provider_state_iso3: string | null;
  provider_organization_code: string | null;
  title: string;
  description: Text;
  paragraphs: Codes;
  weapons: Codes;
  areas: Codes;
  kinds: Codes;
  regions: Codes;
  languages: Codes;
  programmes: ColumnType<{ name: string; url: string }[], string | undefined, string>;
  capacity: Text;
  period_from: string | null;
  period_to: string | null;
  contact_name: Text;
  contact_email: Text;
  source: AssistanceSource;
  confidentiality: ColumnType<'public' | 'committee', 'public' | 'committee' | undefined, 'public' | 'committee'>;
  /** Who made it Committee-only: the provider may lower only a level it set itself (migration 0017). */
  confidentiality_set_by: ColumnType<OfferSide, OfferSide | undefined, OfferSide>;
  archived_at: When;
  row_version: Version;
  created_at: Created;
  updated_at: Stamp;
}

/** The side that set an offer's confidentiality. */
export type OfferSide = 'provider' | 'committee';

export interface AssistanceCirculationTable {
  id: Generated<string>;
  request_id: string;
  provider_kind: ProviderKind;
  provider_code: string;
  circulated_on: string;
  created_at: Created;
}

export interface AssistanceResponseTable {
  id: ColumnType<string, string | undefined, never>;
  request_id: string;
  provider_kind: ProviderKind;
  provider_code: string;
  responded_on: string;
  item_ids: string[];
  text: Text;
  forwarded_on: ColumnType<string | null, string | null | undefined, string | null>;
  source: AssistanceSource;
  archived_at: When;
  created_at: Created;
}

export interface AssistanceMatchTable {
  id: ColumnType<string, string | undefined, never>;
  item_id: string;
  offer_id: string;
  status: MatchStatus;
  origin: 'engine' | 'hand';
  score: ColumnType<string | null, number | null | undefined, number | null>;
  reasons: ColumnType<unknown[], string | undefined, string>;
  note: Text;
  status_on: string;
  provider_feedback: Text;
  state_feedback: Text;
  row_version: Version;
  created_at: Created;
  updated_at: Stamp;
}

export interface AssistanceWeightsTable {
  id: Generated<string>;
  weights: ColumnType<Record<string, unknown>, string, never>;
  actor_id: string | null;
  actor_label: string;
  created_at: Created;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    assistance_request: AssistanceRequestTable;
    assistance_request_item: AssistanceRequestItemTable;
    assistance_step: AssistanceStepTable;
    assistance_offer: AssistanceOfferTable;
    assistance_circulation: AssistanceCirculationTable;
    assistance_response: AssistanceResponseTable;
    assistance_match: AssistanceMatchTable;
    assistance_weights: AssistanceWeightsTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'assistance-request': true;
    'assistance-offer': true;
  }
  interface Abilities {
    'manage-assistance': true;
    'set-matching-weights': true;
  }
}
