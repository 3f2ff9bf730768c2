// What the search index keeps of this feature's records (src/features/search).
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';
import { languagesOf, nameIn } from './labels.ts';
import type { FaqText } from './schema.ts';

/**
 * Each language version of a publication is indexed by itself, in its language (its own title and
 * text), with the level of its publication: the public finds only published ones. A version taken
 * off, or an archived publication, leaves the index.
 */
const versions: SearchSource['load'] = async (db, ids) => {
  const rows = await db
    .selectFrom('publication_text as t')
    .innerJoin('publication as p', 'p.id', 't.publication_id')
    .select(['t.id', 't.language', 't.title', 't.body', 'p.id as publication_id', 'p.kind', 'p.dated', 'p.reference', 'p.confidentiality'])
    .where(
      't.id',
      'in',
      ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    )
    .where('t.removed_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    sourceType: 'publication',
    sourceId: r.id,
    title: r.title,
    titles: { [r.language]: r.title },
    path: `/publications/${r.publication_id}`,
    stateIso3: null,
    states: [],
    subkind: r.kind,
    dated: r.dated,
    language: r.language,
    confidentiality: r.confidentiality,
    text: r.body,
    keywords: lines(labelsInEveryLanguage(`publications.kind.${r.kind}` as MessageKey), r.reference),
  }));
};

/**
 * A question of the FAQ with its answer, in every language it has (one entry: its id names it),
 * public; archived, or in an archived group, it leaves the index. Its write core queues it.
 */
const questions: SearchSource['load'] = async (db, ids) => {
  const rows = await db
    .selectFrom('faq_question as q')
    .innerJoin('faq_group as g', 'g.id', 'q.group_id')
    .select(['q.id', 'q.texts', 'g.titles'])
    .where(
      'q.id',
      'in',
      ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    )
    .where('q.archived_at', 'is', null)
    .where('g.archived_at', 'is', null)
    .execute();
  return rows.flatMap((r) => {
    const texts = r.texts as Partial<Record<Locale, FaqText>>;
    const named = nameIn(texts, 'en');
    if (!named) return [];
    return [
      {
        sourceType: 'faq-question',
        sourceId: r.id,
        title: named.value.question,
        titles: Object.fromEntries(languagesOf(texts).map((l) => [l, texts[l]!.question])),
        path: `/faq#q-${r.id}`,
        stateIso3: null,
        states: [],
        subkind: null,
        dated: null,
        language: null,
        confidentiality: 'public' as const,
        text: lines(...languagesOf(texts).flatMap((l) => [texts[l]!.question, texts[l]!.answer])),
        keywords: lines(labelsInEveryLanguage('publications.faq.title'), ...Object.values(r.titles as Record<string, string>)),
      },
    ];
  });
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'publication', table: 'publication_text', key: 'id', order: 20, load: versions },
  { type: 'faq-question', table: 'faq_question', key: 'id', order: 21, load: questions },
];
