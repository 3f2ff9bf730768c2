// What the search index keeps of the Committee's meetings, working groups and programme items
// (src/features/search). Each entry carries its record's level: a Committee-only meeting is found
// only by the Committee side (the public fact of a formal meeting is its list, not the search).
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { allNames, labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';
import { stateNames } from '../member-states/index.ts';

const meetings: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('meeting').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(
    db,
    rows.flatMap((r) => r.participant_states),
  );
  return rows.map((m) => ({
    sourceType: 'meeting',
    sourceId: m.id,
    title: m.title,
    titles: {},
    path: `/committee/meetings/${m.id}`,
    stateIso3: m.state_iso3?.trim() ?? null,
    states: [...new Set([...m.participant_states, ...(m.state_iso3 ? [m.state_iso3.trim()] : [])])],
    subkind: m.kind,
    dated: m.held_on,
    language: null,
    confidentiality: m.confidentiality,
    text: lines(m.agenda.join('\n'), m.outcome, m.participants_other),
    keywords: lines(
      m.participant_states.map((s) => allNames(names, s)).join('\n'),
      m.participant_organizations.join(' '),
      m.chair,
      labelsInEveryLanguage('search.kind.meeting' as MessageKey),
      labelsInEveryLanguage(`meetings.kind.${m.kind}` as MessageKey),
    ),
  }));
};

const groups: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('working_group').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const coordinators = rows.length
    ? await db
        .selectFrom('working_group_coordinator')
        .select(['working_group_id', 'person', 'state_iso3'])
        .where(
          'working_group_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('archived_at', 'is', null)
        .where('confidentiality', '=', 'public')
        .execute()
    : [];
  return rows.map((g) => ({
    sourceType: 'working-group',
    sourceId: g.id,
    title: g.names.en ?? g.code,
    titles: g.names,
    path: `/committee/working-groups/${g.code}`,
    stateIso3: null,
    states: [],
    subkind: null,
    dated: null,
    language: null,
    confidentiality: g.confidentiality,
    text: coordinators
      .filter((k) => k.working_group_id === g.id)
      .map((k) => k.person)
      .join('\n'),
    keywords: lines(Object.values(g.names).join('\n'), labelsInEveryLanguage('search.kind.working-group' as MessageKey)),
  }));
};

const items: SearchSource['load'] = async (db, ids) => {
  const rows = await db
    .selectFrom('programme_item')
    .innerJoin('programme_of_work as p', 'p.id', 'programme_item.programme_id')
    .selectAll('programme_item')
    .select(['p.number', 'p.symbol', 'p.started_on'])
    .where('programme_item.id', 'in', ids)
    .where('programme_item.archived_at', 'is', null)
    .execute();
  return rows.map((i) => ({
    sourceType: 'programme-item',
    sourceId: i.id,
    title: `${i.reference}. ${i.title}`.slice(0, 300),
    titles: {},
    path: `/committee/programme/items/${i.id}`,
    stateIso3: null,
    states: [],
    subkind: i.area,
    dated: i.started_on,
    language: null,
    confidentiality: i.confidentiality,
    text: i.title,
    keywords: lines(
      i.symbol,
      labelsInEveryLanguage('search.kind.programme-item' as MessageKey),
      labelsInEveryLanguage(`meetings.area.${i.area}` as MessageKey),
    ),
  }));
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'meeting', table: 'meeting', key: 'id', order: 12, load: meetings },
  { type: 'working-group', table: 'working_group', key: 'id', order: 13, load: groups },
  { type: 'programme-item', table: 'programme_item', key: 'id', order: 14, load: items },
];
