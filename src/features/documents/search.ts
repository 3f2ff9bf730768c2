// What the search index keeps of this feature's records (src/features/search).
import type { SearchSource } from '../../platform/search.ts';

const documents: SearchSource['load'] = async (db, ids) => {
  const rows = await db
    .selectFrom('document')
    .select(['id', 'title', 'kind', 'state_iso3', 'language', 'confidentiality', 'dated', 'created_at', 'extracted_text', 'original_name'])
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute();
  return rows.map((d) => ({
    sourceType: 'document',
    sourceId: d.id,
    title: d.title,
    titles: {},
    path: `/documents/${d.id}`,
    stateIso3: d.state_iso3?.trim() ?? null,
    states: d.state_iso3 ? [d.state_iso3.trim()] : [],
    subkind: d.kind,
    dated: d.dated ?? d.created_at.toISOString().slice(0, 10),
    language: d.language,
    confidentiality: d.confidentiality,
    text: d.extracted_text,
    keywords: '',
  }));
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [{ type: 'document', table: 'document', key: 'id', order: 1, load: documents }];
