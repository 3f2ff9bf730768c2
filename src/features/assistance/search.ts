// What the search index keeps of this feature's records (src/features/search).
import { allNames, labelsInEveryLanguage, lines, titlesOf, type SearchSource } from '../../platform/search.ts';
import { areaLabels, kindLabels, weaponLabels } from './taxonomy.ts';
import { stateNames } from '../member-states/index.ts';
import { type LocalizedText, pick } from '../../platform/i18n/locales.ts';
import { type MessageKey, messages } from '../../platform/i18n/i18n.ts';

/** The labels of taxonomy codes in the six languages (assistance offers and requests). */
function taxonomyWords(table: Record<string, LocalizedText>, codes: readonly string[]): string {
  return codes.map((c) => (table[c] ? Object.values(table[c]).join(' · ') : c)).join('\n');
}

/** Offers of assistance: found by their text, their provider's names and their areas in six languages. */
const assistanceOffers: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('assistance_offer').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const orgCodes = [...new Set(rows.flatMap((o) => (o.provider_organization_code ? [o.provider_organization_code] : [])))];
  const orgs = orgCodes.length
    ? await db.selectFrom('organization').select(['code', 'names', 'acronyms']).where('code', 'in', orgCodes).execute()
    : [];
  const names = await stateNames(
    db,
    rows.flatMap((o) => (o.provider_state_iso3 ? [o.provider_state_iso3.trim()] : [])),
  );
  return rows.map((o) => {
    const state = o.provider_state_iso3?.trim() ?? null;
    const org = orgs.find((x) => x.code === o.provider_organization_code);
    const provider = state
      ? allNames(names, state)
      : org
        ? [org.code, ...Object.values(org.acronyms), ...Object.values(org.names)].join(' · ')
        : '';
    return {
      sourceType: 'assistance-offer',
      sourceId: o.id,
      title: o.title,
      titles: {},
      path: `/assistance/offers/${o.id}`,
      stateIso3: null,
      states: state ? [state] : [],
      subkind: o.provider_kind,
      dated: o.period_from,
      language: null,
      confidentiality: o.confidentiality,
      text: lines(o.description, o.capacity, o.programmes.map((g) => g.name).join('\n')),
      keywords: lines(
        provider,
        labelsInEveryLanguage('search.kind.assistance-offer' as MessageKey),
        taxonomyWords(areaLabels, o.areas),
        taxonomyWords(weaponLabels, o.weapons),
        taxonomyWords(kindLabels, o.kinds),
        o.paragraphs.join(' '),
      ),
    };
  });
};

/**
 * Requests for assistance: the Committee side's and the requesting State's (committee-and-state,
 * by `state_iso3`), as the policy's scope reads them. A provider does not find a request through
 * the search (the scope gives it public records only), even one circulated to it: it sees those on
 * its own pages. The text is the items' descriptions.
 */
const assistanceRequests: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('assistance_request').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const items = rows.length
    ? await db
        .selectFrom('assistance_request_item')
        .select(['request_id', 'description', 'areas', 'weapons'])
        .where(
          'request_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('removed_at', 'is', null)
        .orderBy('position')
        .execute()
    : [];
  const names = await stateNames(
    db,
    rows.map((r) => r.state_iso3.trim()),
  );
  return rows.map((r) => {
    const iso3 = r.state_iso3.trim();
    const own = items.filter((i) => i.request_id === r.id);
    return {
      sourceType: 'assistance-request',
      sourceId: r.id,
      title: `${pick(names[iso3], 'en') || iso3} — ${r.received_on}`,
      titles: titlesOf(
        names,
        iso3,
        (l) => `${messages(l).t('search.kind.assistance-request' as MessageKey)} ${messages(l).date(r.received_on)}`,
      ),
      path: `/assistance/requests/${r.id}`,
      stateIso3: iso3,
      states: [iso3],
      subkind: r.status,
      dated: r.received_on,
      language: null,
      confidentiality: r.confidentiality,
      text: own.map((i) => i.description).join('\n'),
      keywords: lines(
        allNames(names, iso3),
        labelsInEveryLanguage('search.kind.assistance-request' as MessageKey),
        r.reference,
        taxonomyWords(areaLabels, [...new Set(own.flatMap((i) => i.areas))]),
        taxonomyWords(weaponLabels, [...new Set(own.flatMap((i) => i.weapons))]),
      ),
    };
  });
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [
  { type: 'assistance-offer', table: 'assistance_offer', key: 'id', order: 10, load: assistanceOffers },
  { type: 'assistance-request', table: 'assistance_request', key: 'id', order: 11, load: assistanceRequests },
];
