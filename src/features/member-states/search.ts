// What the search index keeps of this feature's records (src/features/search).
import { labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';
import { alternativeNames } from './aliases.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

const states: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('member_state').selectAll().where('iso3', 'in', ids).where('archived_at', 'is', null).execute();
  return rows.map((s) => ({
    sourceType: 'member-state',
    sourceId: s.iso3,
    title: s.names.en,
    titles: s.names,
    path: `/states/${s.iso3}`,
    stateIso3: s.iso3,
    states: [s.iso3],
    subkind: null,
    dated: null,
    language: null,
    confidentiality: s.confidentiality,
    text: '',
    keywords: lines(
      Object.values(s.names).join('\n'),
      alternativeNames(s.iso3).join('\n'),
      s.iso3,
      s.iso2,
      labelsInEveryLanguage('search.kind.member-state' as MessageKey),
    ),
  }));
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'member-state', table: 'member_state', key: 'iso3', order: 7, load: states },
];
