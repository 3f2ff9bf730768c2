// What the search index keeps of this feature's records (src/features/search).
import { allNames, labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { stateNames } from '../member-states/index.ts';
import { eventResource } from './queries.ts';

const events: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('outreach_event').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const statesOf = (e: (typeof rows)[number]) => [
    ...new Set([e.state_iso3?.trim(), ...e.organizer_states].filter((s): s is string => !!s)),
  ];
  const names = await stateNames(db, rows.flatMap(statesOf));
  return rows.map((e) => ({
    sourceType: 'outreach-event',
    sourceId: e.id,
    title: e.title,
    // The title in each language it is translated into (the results show the reader's).
    titles: Object.fromEntries(Object.entries(e.translations).map(([l, t]) => [l, t.title])),
    path: `/events/${e.id}`,
    stateIso3: e.state_iso3?.trim() ?? null,
    states: statesOf(e),
    subkind: e.event_group,
    dated: e.starts_on,
    language: null,
    // An event not announced (planned and not confirmed) is the Committee side's, whatever its level.
    confidentiality: eventResource(e).confidentiality,
    text: lines(e.description, e.city, ...Object.values(e.translations).flatMap((t) => [t.title, t.description, t.city])),
    keywords: lines(
      statesOf(e)
        .map((s) => allNames(names, s))
        .join('\n'),
      labelsInEveryLanguage('search.kind.outreach-event' as MessageKey),
      e.organizer_organizations.join(' '),
    ),
  }));
};

const cooperation: SearchSource['load'] = async (db, ids) => {
  const rows = await db
    .selectFrom('organization_cooperation')
    .selectAll()
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute();
  return rows.map((c) => ({
    sourceType: 'cooperation',
    sourceId: c.id,
    title: `${c.organization_code} — ${c.activity}`,
    titles: {},
    path: `/cooperation/${c.id}`,
    stateIso3: c.state_iso3?.trim() ?? null,
    states: c.state_iso3 ? [c.state_iso3.trim()] : [],
    subkind: c.activity,
    dated: c.starts_on,
    language: null,
    confidentiality: c.confidentiality,
    text: lines(c.description, ...Object.values(c.translations).map((t) => t.description)),
    keywords: lines(labelsInEveryLanguage('search.kind.cooperation' as MessageKey), c.organization_code),
  }));
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'outreach-event', table: 'outreach_event', key: 'id', order: 20, load: events },
  { type: 'cooperation', table: 'organization_cooperation', key: 'id', order: 21, load: cooperation },
];
