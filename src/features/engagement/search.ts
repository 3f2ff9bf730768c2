// What the search index keeps of this feature's records (src/features/search).
import { allNames, labelsInEveryLanguage, lines, titlesOf, type SearchSource } from '../../platform/search.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { searchRows } from '../reports/index.ts';
import { type MessageKey, messages } from '../../platform/i18n/i18n.ts';

const visits: SearchSource['load'] = async (db, ids) => {
  const { rows, names } = await searchRows(db, 'visit', ids, (r) => [r.state_iso3.trim(), ...r.states_involved]);
  return rows.map((v) => {
    const iso3 = v.state_iso3.trim();
    const states = [...new Set([iso3, ...v.states_involved])];
    return {
      sourceType: 'visit',
      sourceId: v.id,
      title: `${pick(names[iso3], 'en') || iso3} — ${v.starts_on}`,
      titles: titlesOf(names, iso3, (l) => `${messages(l).t(`search.kind.visit` as MessageKey)} ${messages(l).date(v.starts_on)}`),
      path: `/visits/${v.id}`,
      stateIso3: iso3,
      states,
      subkind: v.kind,
      dated: v.starts_on,
      language: null,
      confidentiality: v.confidentiality,
      text: lines(v.who_went, v.partner, v.note),
      keywords: lines(
        states.map((s) => allNames(names, s)).join('\n'),
        labelsInEveryLanguage('search.kind.visit' as MessageKey),
        v.organizations_involved.join(' '),
      ),
    };
  });
};

const courses: SearchSource['load'] = async (db, ids) => {
  const { rows, names } = await searchRows(db, 'course', ids, (r) => r.participating_states);
  return rows.map((c) => ({
    sourceType: 'course',
    sourceId: c.id,
    title: c.title,
    titles: {},
    path: `/courses/${c.id}`,
    stateIso3: null,
    states: c.participating_states,
    subkind: null,
    dated: c.starts_on,
    language: null,
    confidentiality: c.confidentiality,
    text: lines(c.place, c.region, c.teachers),
    keywords: lines(
      labelsInEveryLanguage('search.kind.course' as MessageKey),
      c.participating_states.map((s) => allNames(names, s)).join('\n'),
      c.host_organizations.join(' '),
      c.teaching_organizations.join(' '),
    ),
  }));
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'visit', table: 'visit', key: 'id', order: 5, load: visits },
  { type: 'course', table: 'course', key: 'id', order: 6, load: courses },
];
