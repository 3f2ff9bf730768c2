// What the search index keeps of this feature's records (src/features/search).
import { allNames, labelsInEveryLanguage, lines, titlesOf, type SearchSource } from '../../platform/search.ts';
import { pick } from '../../platform/i18n/locales.ts';
import type { Kysely } from 'kysely';
import type { KeptRow, KeptTable } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { StateNames } from '../../platform/search.ts';
import { stateNames } from '../member-states/index.ts';
import { type MessageKey, messages } from '../../platform/i18n/i18n.ts';

/** The records with these ids that are not archived, and the names of the States they name in six languages. */
export async function searchRows<T extends KeptTable>(
  db: Kysely<DB>,
  table: T,
  ids: string[],
  states: (row: KeptRow<T>) => string[] = (row) => [(row as { state_iso3?: string }).state_iso3?.trim() ?? ''],
): Promise<{ rows: KeptRow<T>[]; names: StateNames }> {
  const rows = (await db
    .selectFrom(table as KeptTable)
    .selectAll()
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute()) as KeptRow<T>[];
  return { rows, names: await stateNames(db, rows.flatMap(states)) };
}

const reports: SearchSource['load'] = async (db, ids) => {
  const { rows, names } = await searchRows(db, 'national_report', ids);
  return rows.map((r) => {
    const iso3 = r.state_iso3.trim();
    const kindKey = r.kind === 'first-report' ? 'reports.kindFirst' : 'reports.kindAdditional';
    return {
      sourceType: 'national-report',
      sourceId: r.id,
      title: `${pick(names[iso3], 'en') || iso3} — ${r.symbol || r.received_on}`,
      titles: titlesOf(names, iso3, (l) => `${messages(l).t(kindKey as MessageKey)} ${r.symbol || messages(l).date(r.received_on)}`),
      path: `/reports/${r.id}`,
      stateIso3: iso3,
      states: [iso3],
      subkind: r.kind,
      dated: r.received_on,
      language: null,
      confidentiality: r.confidentiality,
      text: r.summary,
      keywords: lines(
        allNames(names, iso3),
        labelsInEveryLanguage(kindKey as MessageKey),
        r.symbol,
        r.paragraphs.join(' '),
        r.weapon_types.join(' '),
      ),
    };
  });
};

const plans: SearchSource['load'] = async (db, ids) => {
  const { rows, names } = await searchRows(db, 'action_plan', ids);
  return rows.map((p) => {
    const iso3 = p.state_iso3.trim();
    return {
      sourceType: 'action-plan',
      sourceId: p.id,
      title: `${pick(names[iso3], 'en') || iso3} — ${p.number}`,
      titles: titlesOf(names, iso3, (l) => `${messages(l).t('search.kind.action-plan' as MessageKey)} ${p.number}`),
      path: `/action-plans/${p.id}`,
      stateIso3: iso3,
      states: [iso3],
      subkind: p.status,
      dated: p.published_on ?? p.submitted_on ?? p.started_on ?? null,
      language: null,
      confidentiality: p.confidentiality,
      text: '',
      keywords: lines(allNames(names, iso3), labelsInEveryLanguage('search.kind.action-plan' as MessageKey)),
    };
  });
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'national-report', table: 'national_report', key: 'id', order: 2, load: reports },
  { type: 'action-plan', table: 'action_plan', key: 'id', order: 3, load: plans },
];
