import type { ColumnType } from 'kysely';
import type { KeptRecordColumns } from '../reports/index.ts';

export const appointmentRoles = ['chair', 'vice-chair', 'expert', 'coordinator'] as const;
export type AppointmentRole = (typeof appointmentRoles)[number];
/** Roles of which one person holds office at a time. */
export const singleHolderRoles: readonly AppointmentRole[] = ['chair', 'coordinator'];
export const donorKinds = ['state', 'organization'] as const;
export type DonorKind = (typeof donorKinds)[number];
export const adminSources = ['seed', 'illustrative', 'entered'] as const;
export type AdminSource = (typeof adminSources)[number];
/** An appointment is public (as the UN publishes it) or the Committee side's (not yet announced). */
export const appointmentLevels = ['public', 'committee'] as const;
export type AppointmentLevel = (typeof appointmentLevels)[number];

/** An activity a grant supported, and the record of it if there is one (a visit, a course, an event of another feature). */
export interface GrantActivity {
  description: string;
  recordType?: string;
  recordId?: string;
}

/** The Chair or a vice-chair (the State represented), an expert or the coordinator of the Group of Experts (nationality). */
export interface AppointmentTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  role: AppointmentRole;
  person_name: ColumnType<string, string | undefined, string>;
  state_iso3: string;
  /** ISO dates (YYYY-MM-DD); no end: in office. */
  starts_on: string;
  ends_on: string | null;
  note: ColumnType<string, string | undefined, string>;
  source: AdminSource;
  confidentiality: ColumnType<AppointmentLevel, AppointmentLevel | undefined, AppointmentLevel>;
}

/** A donor to the trust fund: a State or an organization. */
export interface TrustFundDonorTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  donor_kind: DonorKind;
  state_iso3: string | null;
  organization_code: string | null;
  note: ColumnType<string, string | undefined, string>;
  source: AdminSource;
  confidentiality: ColumnType<'committee', 'committee' | undefined, 'committee'>;
}

/** A contribution of a donor in a year; the amount (numeric, as text) and its currency are optional together. */
export interface TrustFundContributionTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  donor_id: string;
  year: number;
  amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  currency: string | null;
  note: ColumnType<string, string | undefined, string>;
  source: AdminSource;
  confidentiality: ColumnType<'committee', 'committee' | undefined, 'committee'>;
}

/** A grant from a contribution, used in a year, and the activities it supported. */
export interface TrustFundGrantTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  contribution_id: string;
  used_in_year: number;
  purpose: string;
  amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  currency: string | null;
  activities: ColumnType<GrantActivity[], string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
  source: AdminSource;
  confidentiality: ColumnType<'committee', 'committee' | undefined, 'committee'>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    appointment: AppointmentTable;
    trust_fund_donor: TrustFundDonorTable;
    trust_fund_contribution: TrustFundContributionTable;
    trust_fund_grant: TrustFundGrantTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    appointment: true;
    'trust-fund-donor': true;
    'trust-fund-contribution': true;
    'trust-fund-grant': true;
  }
}
