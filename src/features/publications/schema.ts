import type { ColumnType, Generated } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';

/** The Committee's publications (¶41, ¶44, ¶46 of the 2018 review). */
export const publicationKinds = ['statement', 'chair-message', 'press-release', 'news'] as const;
export type PublicationKind = (typeof publicationKinds)[number];
/** Written (draft), approved by the Committee side, published by the secretariat. */
export const publicationStatuses = ['draft', 'approved', 'published'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const publicationSources = ['seed', 'illustrative', 'entered'] as const;
export type PublicationSource = (typeof publicationSources)[number];
/** The six official languages, in the UN's order: each version is its own text. */
export const textLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type TextLanguage = (typeof textLanguages)[number];

/**
 * A publication: its kind, its date, a document symbol where it has one (SC/13275), where it is
 * in its workflow. Its language versions are rows of `publication_text`. Only a published one is
 * public (`confidentiality` follows the status: the write core keeps them together, a check too).
 */
export interface PublicationTable {
  id: ColumnType<string, string | undefined, never>;
  kind: PublicationKind;
  dated: string;
  reference: ColumnType<string, string | undefined, string>;
  status: ColumnType<PublicationStatus, PublicationStatus | undefined, PublicationStatus>;
  approved_on: string | null;
  published_on: string | null;
  source: PublicationSource;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One language version of a publication: its own title and body, never a machine translation. */
export interface PublicationTextTable {
  id: Generated<string>;
  publication_id: string;
  language: TextLanguage;
  title: string;
  body: string;
  /** When the version was taken off the publication (never deleted). */
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A question and its answer in one language. */
export interface FaqText {
  question: string;
  answer: string;
}

/** A group of the FAQ, its place, and its heading in the languages it has. */
export interface FaqGroupTable {
  id: ColumnType<string, string | undefined, never>;
  position: number;
  titles: ColumnType<Partial<Record<TextLanguage, string>>, string, string>;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A question of the FAQ: its group, its place in the group, its versions in the languages it has. */
export interface FaqQuestionTable {
  id: ColumnType<string, string | undefined, never>;
  group_id: string;
  position: number;
  texts: ColumnType<Partial<Record<TextLanguage, FaqText>>, string, string>;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    publication: PublicationTable;
    publication_text: PublicationTextTable;
    faq_group: FaqGroupTable;
    faq_question: FaqQuestionTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    publication: true;
    'faq-group': true;
    'faq-question': true;
  }
}
