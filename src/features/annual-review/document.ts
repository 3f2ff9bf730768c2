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
import { listOrganizations } from '../organizations/index.ts';
import { figureValues } from './commands.ts';
import type { AnnexRow } from './figures-committee.ts';
import { unDays } from './un-dates.ts';
import { changedFigures } from './figures.ts';
import { type GeneratorContext, generatedText, generators, joinList, personIn } from './generate.ts';
import { annexTable, footnotes as footnoteSpecs, numberedParagraphs, outline } from './outline.ts';
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

/** A row of the annex's table, in the reader's words. */
export interface DocAnnexRow {
  dates: string;
  description: string;
  organizer: string;
  place: string;
}

/** The annex's table of outreach events: its title, columns and groups (those with rows), in the annex's order. */
export interface DocAnnex {
  title: string;
  columns: string[];
  groups: { key: string; heading: string; rows: DocAnnexRow[] }[];
}

/** Organizations' names and acronyms by code, in the six languages. */
export type OrganizationNames = Record<string, { names: Partial<Record<Locale, string>>; acronyms: Partial<Record<Locale, string>> }>;

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
  /** The annex's table of outreach events; null when the figures were generated without it. */
  annex: DocAnnex | null;
  figures: DocFigure[];
}

/** Every State code named in figure values (lists of codes, `state` fields). */
export function codesIn(values: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && /^[A-Z]{3}$/.test(v)) out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) if (k === 'state' || k === 'states') walk(inner);
  };
  values.forEach(walk);
  return out;
}

/** Every organization code named in figure values (`organization` and `organizations` fields). */
export function organizationCodesIn(values: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, named: boolean): void => {
    if (typeof v === 'string' && named) out.add(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, named);
    else if (v && typeof v === 'object')
      for (const [k, inner] of Object.entries(v)) walk(inner, k === 'organization' || k === 'organizations');
  };
  for (const v of values) walk(v, false);
  return out;
}

/** Dates of the annex: "22–23 January", "22–23 janvier", "1月22日至23日" (the year is the table's). */
export const annexDates = (locale: Locale, from: string, to: string): string => unDays(locale, from, to, 'table');

/** The annex's table from the rows of the figure, in the reader's words. */
export function annexOf(
  m: Messages,
  year: number,
  rows: readonly AnnexRow[],
  name: (iso3: string) => string,
  short: (code: string) => string,
): DocAnnex {
  return {
    title: m.t(annexTable.title as MessageKey, { year: String(year) }),
    columns: annexTable.columns.map((c) => m.t(c as MessageKey)),
    groups: annexTable.groups
      .map((key) => ({
        key,
        heading: m.t(`annualReview.annex.group.${key}` as MessageKey),
        rows: rows
          .filter((r) => r.group === key)
          .map((r) => ({
            dates: annexDates(m.locale, r.from, r.to),
            // In the reader's language where the event is translated (the English otherwise, never machine-filled).
            description: r.translations?.[m.locale]?.title || r.title,
            organizer: joinList(m.locale, [
              ...r.states.map(name),
              ...(r.byCommittee ? [m.t('annualReview.annex.committee')] : []),
              ...r.organizations.map(short),
            ]),
            place: r.translations?.[m.locale]?.city || r.city || (r.state ? name(r.state) : ''),
          })),
      }))
      .filter((g) => g.rows.length > 0),
  };
}

/** One value of a list figure (or a figure that is one object), as a reader reads it. */
function showItem(m: Messages, v: unknown, name: (iso3: string) => string, organization: (code: string) => string): string {
  if (typeof v === 'string') return /^[A-Z]{3}$/.test(v) ? name(v) : v;
  if (!v || typeof v !== 'object') return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  const state = typeof o.state === 'string' ? name(o.state) : '';
  // An event of the annex: its title and dates.
  if ('title' in o && 'from' in o) return `${String(o.title)} (${String(o.from)}/${String(o.to)})`;
  // A working group: its name, coordinating State and meetings.
  if ('names' in o && 'meetings' in o)
    return `${(o.names as Partial<Record<Locale, string>>)[m.locale] || String(o.group)}: ${state || '—'}, ${m.number(Number(o.meetings))}`;
  // A person and nationality (the Chair, an expert).
  if ('name' in o && 'state' in o) return `${personIn(m.locale, String(o.name))} (${state})`;
  if ('organization' in o) return organization(String(o.organization));
  if ('number' in o) return `${state} (${String(o.number)})`;
  if ('place' in o) return `${String(o.place)} (${String(o.from)}/${String(o.to)})`;
  // The website's visits: the count to a day, and the change.
  if ('visits' in o)
    return `${m.number(Number(o.visits))} (${String(o.to)}; ${o.change === null ? '—' : `${Number(o.change) > 0 ? '+' : ''}${String(o.change)} %`})`;
  if ('state' in o) return state;
  return JSON.stringify(v);
}

/** A figure's value as a reader reads it: a number, names of States in the language, places and dates. */
export function showValue(
  m: Messages,
  value: unknown,
  name: (iso3: string) => string,
  organization: (code: string) => string = (c) => c,
): string {
  if (typeof value === 'number') return m.number(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => showItem(m, v, name, organization));
    // A list of States (or organizations) in the reader's order, as the UN lists them; other lists (the annex's events) as they come.
    const ofCodes = value.every((v) => typeof v === 'string' && /^[A-Z0-9-]{2,12}$/.test(v));
    return joinList(m.locale, ofCodes ? items.sort(m.compare) : items);
  }
  if (value && typeof value === 'object') return showItem(m, value, name, organization);
  return value === null || value === undefined ? '—' : String(value);
}

/** Assembles the document of a review in a language from its row, its paragraphs and the States' names. */
export function assemble(
  m: Messages,
  review: ReviewRow,
  paragraphs: readonly ParagraphRow[],
  names: StateNames,
  organizationNames: OrganizationNames = {},
): ReviewDocument {
  const snapshot: FigureSnapshot = review.figures ?? {};
  const stored = snapshot.figures ?? {};
  const values = Object.fromEntries(Object.entries(stored).map(([k, f]) => [k, f.value]));
  const name = (iso3: string) => pick(names[iso3], m.locale) || iso3;
  const organization = (code: string) => pick(organizationNames[code]?.names, m.locale) || code;
  const short = (code: string) =>
    pick(organizationNames[code]?.acronyms, m.locale) || pick(organizationNames[code]?.names, m.locale) || code;
  const ctx: GeneratorContext = {
    m,
    values,
    name,
    organization,
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
    const footnoteGenerator = spec ? generators[spec.generator] : undefined;
    const text = footnoteGenerator ? generatedText(footnoteGenerator, ctx) : '';
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
        const generated = generator ? generatedText(generator, ctx) : '';
        const then = (mine?.figures_at_edit ?? {}) as Record<string, unknown>;
        const now = figureValues(snapshot, keys);
        const flags = mine
          ? changedFigures(then, now, keys).map((k) => ({
              figure: m.t(`annualReview.figure.${k}` as MessageKey),
              old: showValue(m, then[k], name, organization),
              now: showValue(m, now[k], name, organization),
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
    // The signature in the reader's script: "萨查… (Sacha …)" signs 萨查… in Chinese, Sacha… elsewhere.
    chairName: personIn(m.locale, review.chair_name),
    originalLanguage: review.original_language,
    letterLanguage: review.letter_language,
    letterOn: review.letter_on === null ? null : String(review.letter_on),
    publishedOn: review.published_on === null ? null : String(review.published_on),
    generatedAt: review.generated_at ? review.generated_at.toISOString() : null,
    sections,
    footnotes: notes.map(({ number, text }) => ({ number, text })),
    annex: Array.isArray(values[annexTable.figure]) ? annexOf(m, review.year, values[annexTable.figure] as AnnexRow[], name, short) : null,
    figures: Object.entries(stored).map(([key, f]) => ({
      key,
      value: f.value,
      shown: showValue(m, f.value, name, organization),
      definition: m.has(`annualReview.figure.${key}`) ? m.t(`annualReview.figure.${key}` as MessageKey) : key,
      records: f.records,
    })),
  };
}

/** The document of a review in a language, read from the database. */
export async function reviewDocument(db: Kysely<DB>, m: Messages, review: ReviewRow): Promise<ReviewDocument> {
  const paragraphs = await paragraphsOf(db, review.id);
  const values = Object.values(review.figures?.figures ?? {}).map((f) => f.value);
  const codes = organizationCodesIn(values);
  const [names, organizations] = await Promise.all([
    stateNames(db, codesIn(values)),
    codes.size ? listOrganizations(db, { includeArchived: true }) : Promise.resolve([]),
  ]);
  const organizationNames: OrganizationNames = Object.fromEntries(
    organizations.filter((o) => codes.has(o.code)).map((o) => [o.code, { names: o.names, acronyms: o.acronyms }]),
  );
  return assemble(m, review, paragraphs, names, organizationNames);
}
