// What the search index keeps of this feature's records (src/features/search).
import { allNames, labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';
import { searchRows } from '../reports/index.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

const contacts: SearchSource['load'] = async (db, ids) => {
  const { rows, names } = await searchRows(db, 'point_of_contact', ids);
  return rows.map((p) => {
    const iso3 = p.state_iso3.trim();
    return {
      sourceType: 'point-of-contact',
      sourceId: p.id,
      title: p.name,
      titles: {},
      path: `/states/${iso3}/contacts`,
      stateIso3: iso3,
      states: [iso3],
      subkind: p.location,
      dated: p.designated_on,
      language: null,
      confidentiality: p.confidentiality,
      text: lines(p.title, p.institution),
      keywords: lines(allNames(names, iso3), labelsInEveryLanguage('search.kind.point-of-contact' as MessageKey), p.email, p.phone),
    };
  });
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'point-of-contact', table: 'point_of_contact', key: 'id', order: 4, load: contacts },
];
