// What the search index keeps of this feature's records (src/features/search).
import { lines, type SearchSource } from '../../platform/search.ts';

const organizations: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('organization').selectAll().where('code', 'in', ids).where('archived_at', 'is', null).execute();
  return rows.map((o) => ({
    sourceType: 'organization',
    sourceId: o.code,
    title: o.names.en ?? o.code,
    titles: o.names,
    path: `/organizations/${o.code}`,
    stateIso3: null,
    states: [],
    subkind: o.kind,
    dated: null,
    language: null,
    confidentiality: o.confidentiality,
    text: '',
    keywords: lines(
      o.code,
      Object.values(o.acronyms).join(' '),
      Object.values(o.names).join('\n'),
      Object.values(o.former_names).flat().join('\n'),
    ),
  }));
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'organization', table: 'organization', key: 'code', order: 8, load: organizations },
];
