import type { ColumnType, Generated } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';

export const letterKinds = ['letter', 'note', 'note-verbale', 'reply'] as const;
export type LetterKind = (typeof letterKinds)[number];
export const senderKinds = ['chair', 'committee', 'secretariat', 'state', 'organization'] as const;
export type SenderKind = (typeof senderKinds)[number];
/**
 * Who a letter went to: one State, a list of States, every State that had not reported as at its
 * date, the Committee (or its Chair), or someone named in `recipient_other`.
 */
export const recipientsModes = ['state', 'list', 'non-reporting', 'committee', 'other'] as const;
export type RecipientsMode = (typeof recipientsModes)[number];
export const concernTypes = ['national-report', 'action-plan', 'assistance-request', 'matrix', 'visit'] as const;
export type ConcernType = (typeof concernTypes)[number];
export const letterSources = ['seed', 'illustrative', 'entered'] as const;
export type LetterSource = (typeof letterSources)[number];

/** A letter, a note, a note verbale or a reply. Dates are ISO (YYYY-MM-DD). */
export interface LetterTable {
  id: ColumnType<string, string | undefined, never>;
  kind: LetterKind;
  sent_on: string;
  reference: ColumnType<string, string | undefined, string>;
  sender_kind: SenderKind;
  sender_state_iso3: string | null;
  sender_organization_code: string | null;
  recipients_mode: RecipientsMode;
  recipient_other: ColumnType<string, string | undefined, string>;
  subject: string;
  summary: ColumnType<string, string | undefined, string>;
  in_reply_to: string | null;
  /** The State concerned (the sender State, or the one State addressed); the policy reads it. */
  state_iso3: string | null;
  source: LetterSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A State a letter went to; `removed_at` when it was taken off the letter (never deleted). */
export interface LetterRecipientTable {
  id: Generated<string>;
  letter_id: string;
  state_iso3: string;
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, never, never>;
}

/** A record a letter concerns. */
export interface LetterConcernTable {
  id: Generated<string>;
  letter_id: string;
  record_type: ConcernType;
  record_id: string;
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, never, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    letter: LetterTable;
    letter_recipient: LetterRecipientTable;
    letter_concern: LetterConcernTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    letter: true;
  }
}
