// The document model of a review in one language (issue 15, item 7): the one structure the HTML
// page, the DOCX and the JSON API are all made from. Generated paragraphs come from the snapshot
// of figures through their messages; what people wrote (narrative paragraphs, edits of generated
// ones) replaces them; an edit whose figures changed since is flagged with the old and new values.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { type Locale, pick } from '../../platform/i18n/locales.ts';
import type { StateNames } from '../../platform/search.ts';
import { stateNames } from '../member-states/index.ts';
import { figureValues } from './commands.ts';
import { changedFigures } from './figures.ts';
import { type GeneratorContext, generators, joinList } from './generate.ts';
import { footnotes as footnoteSpecs, numberedParagraphs, outline } from './outline.ts';
import { type ParagraphRow, paragraphsOf, type ReviewRow } from './queries.ts';
import type { FigureSnapshot, ReviewStatus, TranslationStatus } from './schema.ts';

export interface DocFigure {
  key: string;
  value: unknown;
  /** The value as the reader reads it (names of States in the language). */
  shown: string;
  definition: string;
  records: { type: string; id: string }[];
}

export interface DocFlag {
  figure: string;
  old: string;
  now: string;
}

export interface DocParagraph {
  key: string;
  number: number | null;
  kind: 'generated' | 'narrative';
  /** The text in the language; null when a narrative paragraph is not written in it yet. */
  text: string | null;
  /** For a generated paragraph: the text the records give now (what an edit replaced). */
  generatedText: string | null;
  edited: boolean;
  rowVersion: number;
  translationStatus: TranslationStatus | null;
  figures: string[];
  flags: DocFlag[];
  /** The feature whose figures a narrative paragraph will be generated from once wired. */
  later: string | null;
  /** Footnote numbers at the end of the paragraph. */
  footnotes: number[];
}

export interface DocSection {
  key: string;
  heading: string;
  numbered: boolean;
  paragraphs: DocParagraph[];
}

export interface ReviewDocument {
  id: string;
  year: number;
  edition: number;
  status: ReviewStatus;
  rowVersion: number;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  title: string;
  symbol: string;
  datedOn: string | null;
  cutOff: string;
  periodFrom: string;
  periodTo: string;
  programmeNumber: number;
  programmeSymbol: string;
  chairName: string;
  originalLanguage: Locale;
  letterLanguage: Locale;
  letterOn: string | null;
  publishedOn: string | null;
  generatedAt: string | null;
  sections: DocSection[];
  footnotes: { number: number; text: string }[];
  figures: DocFigure[];
}

/** Every State code named in figure values (lists of codes, `state` fields). */
export function codesIn(values: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && /^[A-Z]{3}$/.test(v)) out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) if (k === 'state') walk(inner);
  };
  values.forEach(walk);
  return out;
}

/** A figure's value as a reader reads it: a number, names of States in the language, places and dates. */
export function showValue(m: Messages, value: unknown, name: (iso3: string) => string): string {
  if (typeof value === 'number') return m.number(value);
  if (Array.isArray(value))
    return joinList(
      m.locale,
      value.map((v) =>
        typeof v === 'string'
          ? /^[A-Z]{3}$/.test(v)
            ? name(v)
            : v
          : v && typeof v === 'object' && 'state' in v
            ? `${name(String((v as { state: string }).state))} (${(v as { number?: number }).number ?? ''})`
            : v && typeof v === 'object' && 'place' in v
              ? `${(v as { place: string }).place} (${(v as { from: string }).from}/${(v as { to: string }).to})`
              : JSON.stringify(v),
      ),
    );
  return value === null || value === undefined ? '—' : String(value);
}

/** Assembles the document of a review in a language from its row, its paragraphs and the States' names. */
export function assemble(m: Messages, review: ReviewRow, paragraphs: readonly ParagraphRow[], names: StateNames): ReviewDocument {
  const snapshot: FigureSnapshot = review.figures ?? {};
  const stored = snapshot.figures ?? {};
  const values = Object.fromEntries(Object.entries(stored).map(([k, f]) => [k, f.value]));
  const name = (iso3: string) => pick(names[iso3], m.locale) || iso3;
  const ctx: GeneratorContext = {
    m,
    values,
    name,
    review: {
      year: review.year,
      programmeNumber: review.programme_number,
      programmeSymbol: review.programme_symbol,
      periodFrom: String(review.period_from),
      periodTo: String(review.period_to),
      cutOff: String(review.cut_off_on),
    },
  };
  const written = new Map(paragraphs.filter((p) => p.locale === m.locale).map((p) => [p.paragraph_key, p]));
  const notes: { key: string; number: number; text: string }[] = [];
  const noteNumber = (key: string) => {
    const seen = notes.find((n) => n.key === key);
    if (seen) return seen.number;
    const spec = footnoteSpecs[key];
    const text = spec ? (generators[spec.generator]?.text(ctx) ?? '') : '';
    notes.push({ key, number: notes.length + 1, text });
    return notes.length;
  };
  const numbered = numberedParagraphs(outline);
  const sections: DocSection[] = outline.map((section) => ({
    key: section.key,
    heading: m.t(section.heading as MessageKey),
    numbered: section.numbered,
    paragraphs: numbered
      .filter((x) => x.section === section)
      .map(({ paragraph, number }): DocParagraph => {
        const mine = written.get(paragraph.key);
        const footnotes = (paragraph.footnotes ?? []).map(noteNumber);
        if (paragraph.kind === 'narrative')
          return {
            key: paragraph.key,
            number,
            kind: 'narrative',
            text: mine?.body ?? null,
            generatedText: null,
            edited: false,
            rowVersion: mine?.row_version ?? 0,
            translationStatus: mine?.translation_status ?? null,
            figures: [],
            flags: [],
            later: paragraph.later ?? null,
            footnotes,
          };
        const generator = generators[paragraph.generator];
        const keys = [...(generator?.figures ?? [])];
        const generated = generator ? generator.text(ctx) : '';
        const then = (mine?.figures_at_edit ?? {}) as Record<string, unknown>;
        const now = figureValues(snapshot, keys);
        const flags = mine
          ? changedFigures(then, now, keys).map((k) => ({
              figure: m.t(`annualReview.figure.${k}` as MessageKey),
              old: showValue(m, then[k], name),
              now: showValue(m, now[k], name),
            }))
          : [];
        return {
          key: paragraph.key,
          number,
          kind: 'generated',
          text: mine?.body ?? generated,
          generatedText: generated,
          edited: mine !== undefined,
          rowVersion: mine?.row_version ?? 0,
          translationStatus: mine?.translation_status ?? null,
          figures: keys,
          flags,
          later: null,
          footnotes,
        };
      }),
  }));
  return {
    id: review.id,
    year: review.year,
    edition: review.edition,
    status: review.status,
    rowVersion: review.row_version,
    locale: m.locale,
    dir: m.dir,
    title: m.t('annualReview.reviewTitle', { year: String(review.year) }),
    symbol: review.symbol,
    datedOn: review.dated_on === null ? null : String(review.dated_on),
    cutOff: String(review.cut_off_on),
    periodFrom: String(review.period_from),
    periodTo: String(review.period_to),
    programmeNumber: review.programme_number,
    programmeSymbol: review.programme_symbol,
    chairName: review.chair_name,
    originalLanguage: review.original_language,
    letterLanguage: review.letter_language,
    letterOn: review.letter_on === null ? null : String(review.letter_on),
    publishedOn: review.published_on === null ? null : String(review.published_on),
    generatedAt: review.generated_at ? review.generated_at.toISOString() : null,
    sections,
    footnotes: notes.map(({ number, text }) => ({ number, text })),
    figures: Object.entries(stored).map(([key, f]) => ({
      key,
      value: f.value,
      shown: showValue(m, f.value, name),
      definition: m.has(`annualReview.figure.${key}`) ? m.t(`annualReview.figure.${key}` as MessageKey) : key,
      records: f.records,
    })),
  };
}

/** The document of a review in a language, read from the database. */
export async function reviewDocument(db: Kysely<DB>, m: Messages, review: ReviewRow): Promise<ReviewDocument> {
  const paragraphs = await paragraphsOf(db, review.id);
  const values = Object.values(review.figures?.figures ?? {}).map((f) => f.value);
  const names = await stateNames(db, codesIn(values));
  return assemble(m, review, paragraphs, names);
}
