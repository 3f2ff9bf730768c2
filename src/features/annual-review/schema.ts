import type { ColumnType } from 'kysely';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { KeptRecordColumns } from '../reports/index.ts';

/** The workflow of a review, in order: drafted by the experts, revised by the working group and the Committee, approved, transmitted, published. */
export const reviewStatuses = ['draft', 'working-group', 'committee', 'approved', 'transmitted', 'published'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
/** The statuses in which a review never changes again (the database holds it). */
export const frozenStatuses: readonly ReviewStatus[] = ['approved', 'transmitted', 'published'];
export const translationStatuses = ['original', 'translated', 'to-be-revised'] as const;
export type TranslationStatus = (typeof translationStatuses)[number];
export const reviewSources = ['seed', 'illustrative', 'entered'] as const;
export type ReviewSource = (typeof reviewSources)[number];
export type ReviewLevel = 'public' | 'committee';

/** One figure of a generation, as stored in the snapshot: its value and the records behind it. */
export interface StoredFigure {
  value: unknown;
  /** The records counted, by type and id (`national-report`, uuid). */
  records: { type: string; id: string }[];
}

/** The figures of the last generation, by figure key, with the day they were counted as at. */
export interface FigureSnapshot {
  asOf?: string;
  /** The last day the website's visits are counted to (¶45 of the 2018 review: 20 December, two days before the cut-off); the cut-off when absent. */
  siteVisitsTo?: string;
  figures?: Record<string, StoredFigure>;
}

/** A review of one year (S/2018/1167 for 2018); a later edition of the same year starts from an approved one. */
export interface AnnualReviewTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  year: ColumnType<number, number, never>;
  edition: ColumnType<number, number | undefined, never>;
  based_on: ColumnType<string | null, string | null | undefined, never>;
  programme_number: number;
  programme_symbol: ColumnType<string, string | undefined, string>;
  /** ISO dates (YYYY-MM-DD). */
  period_from: string;
  period_to: string;
  cut_off_on: string;
  symbol: ColumnType<string, string | undefined, string>;
  dated_on: string | null;
  letter_on: string | null;
  published_on: string | null;
  chair_name: ColumnType<string, string | undefined, string>;
  chair_state_iso3: string | null;
  original_language: ColumnType<Locale, Locale | undefined, Locale>;
  letter_language: ColumnType<Locale, Locale | undefined, Locale>;
  status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>;
  figures: ColumnType<FigureSnapshot, string | undefined, string>;
  generated_at: Date | null;
  source: ReviewSource;
  confidentiality: ColumnType<ReviewLevel, ReviewLevel | undefined, ReviewLevel>;
}

/** What a person wrote for a paragraph in a language: a narrative paragraph, or their edit of a generated one. */
export interface AnnualReviewParagraphTable extends KeptRecordColumns {
  id: ColumnType<string, string | undefined, never>;
  review_id: ColumnType<string, string, never>;
  paragraph_key: ColumnType<string, string, never>;
  locale: ColumnType<Locale, Locale, never>;
  body: string;
  translation_status: ColumnType<TranslationStatus, TranslationStatus | undefined, TranslationStatus>;
  /** For an edited generated paragraph: the values of its figures when it was edited. */
  figures_at_edit: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  source: ReviewSource;
  confidentiality: ColumnType<ReviewLevel, ReviewLevel | undefined, ReviewLevel>;
}

/** A paragraph as a version keeps it. */
export interface VersionParagraph {
  key: string;
  locale: Locale;
  body: string;
  translationStatus: TranslationStatus;
  figuresAtEdit: Record<string, unknown> | null;
  rowVersion: number;
}
export const versionReasons = ['generated', 'regenerated', 'copied', 'status'] as const;
export type VersionReason = (typeof versionReasons)[number];

/** What a review was at one moment (each generation, copy and step of the workflow), kept as it was (migration 0024). */
export interface AnnualReviewVersionTable {
  id: ColumnType<string, string | undefined, never>;
  review_id: ColumnType<string, string, never>;
  number: ColumnType<number, number, never>;
  reason: ColumnType<VersionReason, VersionReason, never>;
  status: ColumnType<ReviewStatus, ReviewStatus, never>;
  figures: ColumnType<FigureSnapshot, string, never>;
  paragraphs: ColumnType<VersionParagraph[], string, never>;
  actor_label: ColumnType<string, string | undefined, never>;
  made_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    annual_review: AnnualReviewTable;
    annual_review_paragraph: AnnualReviewParagraphTable;
    annual_review_version: AnnualReviewVersionTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    /** A review with its paragraphs (a paragraph is read and written as part of its review). */
    'annual-review': true;
  }
  interface Abilities {
    /** Sees the reviews' drafts (the Committee side). */
    'annual-review.drafts': true;
  }
}
