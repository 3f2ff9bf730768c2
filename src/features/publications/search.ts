// What the search index keeps of this feature's records (src/features/search).
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';

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

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'publication', table: 'publication_text', key: 'id', order: 20, load: versions },
];
