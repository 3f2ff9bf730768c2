// The translation status of a review (issue 15, item 6): for each paragraph and each of the six
// languages, whether it is the original, translated, to be revised, generated from the catalogue
// (a generated paragraph nobody edited: it exists in every language), or missing (a narrative
// paragraph not written in that language: shown as missing, never filled by a machine).
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { numberedParagraphs, outline } from './outline.ts';
import type { ParagraphRow } from './queries.ts';
import type { TranslationStatus } from './schema.ts';

export type TranslationCell = TranslationStatus | 'generated' | 'missing';
export const translationCells: readonly TranslationCell[] = ['original', 'translated', 'to-be-revised', 'generated', 'missing'];

export interface TranslationRow {
  key: string;
  number: number | null;
  kind: 'generated' | 'narrative';
  cells: Record<Locale, TranslationCell>;
}

export function translationTable(paragraphs: readonly ParagraphRow[]): TranslationRow[] {
  const written = new Map(paragraphs.map((p) => [`${p.paragraph_key}/${p.locale}`, p]));
  return numberedParagraphs(outline).map(({ paragraph, number }) => ({
    key: paragraph.key,
    number,
    kind: paragraph.kind,
    cells: Object.fromEntries(
      locales.map((l) => {
        const p = written.get(`${paragraph.key}/${l}`);
        return [l, p ? p.translation_status : paragraph.kind === 'generated' ? 'generated' : 'missing'];
      }),
    ) as Record<Locale, TranslationCell>,
  }));
}

/** How many paragraphs are in each state, per language. */
export function translationCounts(rows: readonly TranslationRow[]): Record<Locale, Record<TranslationCell, number>> {
  return Object.fromEntries(
    locales.map((l) => [l, Object.fromEntries(translationCells.map((c) => [c, rows.filter((r) => r.cells[l] === c).length]))]),
  ) as Record<Locale, Record<TranslationCell, number>>;
}
