// What the search index keeps of this feature's records (src/features/search): appointments (public
// ones found by everyone, the rest by the Committee side) and the trust fund's donors (Committee side only).
import { type MessageKey, messages } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { allNames, labelsInEveryLanguage, lines, type SearchSource, titlesOf } from '../../platform/search.ts';
import { stateNames } from '../member-states/index.ts';

const appointments: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('appointment').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(
    db,
    rows.map((r) => r.state_iso3.trim()),
  );
  return rows.map((a) => {
    const iso3 = a.state_iso3.trim();
    return {
      sourceType: 'appointment',
      sourceId: a.id,
      title: a.person_name || iso3,
      titles: a.person_name ? {} : titlesOf(names, iso3, (l) => messages(l).t(`administration.role.${a.role}` as MessageKey)),
      path: `/committee/people/${a.id}`,
      stateIso3: null,
      states: [iso3],
      subkind: a.role,
      dated: a.starts_on,
      language: null,
      confidentiality: a.confidentiality,
      text: lines(a.person_name, a.note),
      keywords: lines(
        allNames(names, iso3),
        labelsInEveryLanguage(`administration.role.${a.role}` as MessageKey),
        labelsInEveryLanguage('administration.experts'),
      ),
    };
  });
};

const donors: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('trust_fund_donor').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(
    db,
    rows.flatMap((r) => (r.state_iso3 ? [r.state_iso3.trim()] : [])),
  );
  return rows.map((d) => {
    const code = d.state_iso3?.trim() ?? d.organization_code ?? '';
    return {
      sourceType: 'trust-fund-donor',
      sourceId: d.id,
      title: d.state_iso3 ? pick(names[code], 'en') || code : code,
      titles: d.state_iso3 ? titlesOf(names, code, (l) => messages(l).t('search.kind.trust-fund-donor' as MessageKey)) : {},
      path: `/committee/trust-fund/donors/${d.id}`,
      stateIso3: null,
      states: d.state_iso3 ? [code] : [],
      subkind: d.donor_kind,
      dated: null,
      language: null,
      confidentiality: d.confidentiality,
      text: d.note,
      keywords: lines(d.state_iso3 ? allNames(names, code) : code, labelsInEveryLanguage('search.kind.trust-fund-donor' as MessageKey)),
    };
  });
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'appointment', table: 'appointment', key: 'id', order: 20, load: appointments },
  { type: 'trust-fund-donor', table: 'trust_fund_donor', key: 'id', order: 21, load: donors },
];
