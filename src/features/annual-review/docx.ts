// The review as a Word document in the UN layout (issue 15, item 7, first slice), from the same
// document model as the page: the symbol at the top of every page, "Distr.: General", the date, the
// language and the original's, the covering letter, the annex heading, numbered paragraphs,
// footnotes and page numbers, and the appendix's table of outreach events by group. The text is
// written as text: markup someone typed stays characters (the `docx` package escapes them). A
// paragraph not written in the language is left out.
import { type Block, type DocxDocument, type Run, writeDocx } from '../../platform/formats/docx.ts';
import { unDate } from './un-dates.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { ReviewDocument } from './document.ts';

const languageName = (m: Messages, l: Locale) => new Intl.DisplayNames([m.locale], { type: 'language' }).of(l) ?? l;

/** The blocks of the review, in the order of the UN document. */
export function reviewBlocks(m: Messages, doc: ReviewDocument): Block[] {
  const blocks: Block[] = [
    { type: 'paragraph', runs: [doc.symbol || '—'], align: 'end' },
    { type: 'paragraph', runs: [m.t('annualReview.distr')], align: 'end' },
    { type: 'paragraph', runs: [doc.datedOn ? unDate(m.locale, doc.datedOn, 'heading') : '—'], align: 'end' },
    { type: 'paragraph', runs: [languageName(m, doc.locale)], align: 'end' },
    { type: 'paragraph', runs: [m.t('annualReview.originalLanguage', { language: languageName(m, doc.letterLanguage) })], align: 'end' },
  ];
  const footnote = new Map(doc.footnotes.map((f) => [f.number, f.text]));
  for (const section of doc.sections) {
    if (section.key === 'I') {
      blocks.push({ type: 'page-break' });
      blocks.push({ type: 'heading', level: 1, text: m.t('annualReview.heading.annex') });
      blocks.push({ type: 'heading', level: 1, text: doc.title });
      blocks.push({ type: 'paragraph', runs: [m.t('annualReview.originalLanguage', { language: languageName(m, doc.originalLanguage) })] });
    }
    blocks.push({ type: 'heading', level: section.key === 'letter' ? 1 : section.key.includes('.') ? 3 : 2, text: section.heading });
    for (const p of section.paragraphs) {
      if (p.text === null) continue;
      // Sub-paragraphs ((a), (b)…) are the text's lines: a Word paragraph each, after the numbered one.
      const [first = '', ...rest] = p.text.split('\n');
      const runs: Run[] = [p.number === null ? first : `${p.number}. ${first}`];
      for (const n of p.footnotes) runs.push({ footnote: footnote.get(n) ?? '' });
      blocks.push({ type: 'paragraph', runs });
      for (const line of rest) blocks.push({ type: 'paragraph', runs: [line] });
    }
    if (section.key === 'letter' && doc.chairName) blocks.push({ type: 'paragraph', runs: [doc.chairName], align: 'end' });
  }
  blocks.push(...annexBlocks(m, doc));
  return blocks;
}

/** The annex's table of outreach events on a page of its own: a row naming each group, the header repeated on every page. */
export function annexBlocks(m: Messages, doc: ReviewDocument): Block[] {
  if (!doc.annex || doc.annex.groups.length === 0) return [];
  return [
    { type: 'page-break' },
    { type: 'heading', level: 1, text: m.t('annualReview.annex.heading') },
    { type: 'heading', level: 2, text: doc.annex.title },
    {
      type: 'table',
      header: doc.annex.columns,
      widths: [2, 5, 4, 2],
      rows: doc.annex.groups.flatMap((g) => [{ group: g.heading }, ...g.rows.map((r) => [r.dates, r.description, r.organizer, r.place])]),
    },
  ];
}

export function reviewDocx(m: Messages, doc: ReviewDocument): Promise<Buffer> {
  const d: DocxDocument = {
    title: doc.title,
    language: doc.locale,
    blocks: reviewBlocks(m, doc),
    header: doc.symbol || undefined,
    pageNumbers: true,
    created: doc.datedOn ? new Date(`${doc.datedOn}T00:00:00Z`) : undefined,
  };
  return writeDocx(d);
}
