import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type MessageKey, messages } from '../../i18n/i18n.ts';
import { type LocalizedText, locales, pick } from '../../i18n/locales.ts';
import type { Confidentiality } from '../../policy/levels.ts';
import { areaLabels, kindLabels, weaponLabels } from '../assistance/taxonomy.ts';

/** What the index keeps of one record: its text, and what the policy and the filters need. */
export interface SearchEntry {
  sourceType: string;
  sourceId: string;
  title: string;
  titles: Partial<LocalizedText>;
  path: string;
  /** The State the policy looks at (committee-and-state records). */
  stateIso3: string | null;
  /** Every State the record concerns (the State filter). */
  states: string[];
  subkind: string | null;
  dated: string | null;
  language: string | null;
  confidentiality: Confidentiality;
  /** What a reader sees in a snippet. */
  text: string;
  /** Words that find the record without being shown: the States' names and the kind in the six languages, codes. */
  keywords: string;
}

type Loader = (db: Kysely<DB>, ids: string[]) => Promise<SearchEntry[]>;

/** A label in the six languages, so that a record is found by the words of any reader. */
function labels(key: MessageKey): string {
  return locales.map((l) => messages(l).t(key)).join(' · ');
}

type Names = Record<string, LocalizedText>;
async function stateNames(db: Kysely<DB>, iso3s: Iterable<string>): Promise<Names> {
  const list = [...new Set(iso3s)];
  if (!list.length) return {};
  const rows = await db.selectFrom('member_state').select(['iso3', 'names']).where('iso3', 'in', list).execute();
  return Object.fromEntries(rows.map((r) => [r.iso3.trim(), r.names]));
}
const allNames = (names: Names, iso3: string): string => (names[iso3] ? Object.values(names[iso3]).join(' · ') : iso3);
function titlesOf(names: Names, iso3: string, rest: (locale: (typeof locales)[number]) => string): Partial<LocalizedText> {
  return Object.fromEntries(locales.map((l) => [l, `${pick(names[iso3], l) || iso3} — ${rest(l)}`]));
}
const lines = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('\n');

const documents: Loader = async (db, ids) => {
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

const reports: Loader = async (db, ids) => {
  const rows = await db.selectFrom('national_report').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(db, rows.map((r) => r.state_iso3.trim()));
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
      keywords: lines(allNames(names, iso3), labels(kindKey as MessageKey), r.symbol, r.paragraphs.join(' '), r.weapon_types.join(' ')),
    };
  });
};

const plans: Loader = async (db, ids) => {
  const rows = await db.selectFrom('action_plan').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(db, rows.map((r) => r.state_iso3.trim()));
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
      keywords: lines(allNames(names, iso3), labels('search.kind.action-plan' as MessageKey)),
    };
  });
};

const contacts: Loader = async (db, ids) => {
  const rows = await db.selectFrom('point_of_contact').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(db, rows.map((r) => r.state_iso3.trim()));
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
      keywords: lines(allNames(names, iso3), labels('search.kind.point-of-contact' as MessageKey), p.email, p.phone),
    };
  });
};

const visits: Loader = async (db, ids) => {
  const rows = await db.selectFrom('visit').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(db, rows.flatMap((r) => [r.state_iso3.trim(), ...r.states_involved]));
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
      keywords: lines(states.map((s) => allNames(names, s)).join('\n'), labels('search.kind.visit' as MessageKey), v.organizations_involved.join(' ')),
    };
  });
};

const courses: Loader = async (db, ids) => {
  const rows = await db.selectFrom('course').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const names = await stateNames(db, rows.flatMap((r) => r.participating_states));
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
      labels('search.kind.course' as MessageKey),
      c.participating_states.map((s) => allNames(names, s)).join('\n'),
      c.host_organizations.join(' '),
      c.teaching_organizations.join(' '),
    ),
  }));
};

const states: Loader = async (db, ids) => {
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
    keywords: lines(Object.values(s.names).join('\n'), s.iso3, s.iso2, labels('search.kind.member-state' as MessageKey)),
  }));
};

const organizations: Loader = async (db, ids) => {
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
    keywords: lines(o.code, Object.values(o.acronyms).join(' '), Object.values(o.names).join('\n'), Object.values(o.former_names).flat().join('\n')),
  }));
};

const letters: Loader = async (db, ids) => {
  const rows = await db.selectFrom('letter').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const recipients = rows.length
    ? await db.selectFrom('letter_recipient').select(['letter_id', 'state_iso3']).where('letter_id', 'in', rows.map((r) => r.id)).where('removed_at', 'is', null).execute()
    : [];
  const named = (l: (typeof rows)[number]) => {
    const to = recipients.filter((r) => r.letter_id === l.id).map((r) => r.state_iso3.trim());
    // A letter to a few States is found by their names; one to a hundred, by the State filter.
    return [...new Set([l.state_iso3?.trim(), l.sender_state_iso3?.trim(), ...(to.length <= 20 ? to : [])].filter((x): x is string => !!x))];
  };
  const names = await stateNames(db, rows.flatMap(named));
  return rows.map((l) => {
    const own = [l.state_iso3?.trim(), l.sender_state_iso3?.trim()].filter((x): x is string => !!x);
    const to = recipients.filter((r) => r.letter_id === l.id).map((r) => r.state_iso3.trim());
    return {
      sourceType: 'letter',
      sourceId: l.id,
      title: l.subject,
      titles: {},
      path: `/letters/${l.id}`,
      stateIso3: l.state_iso3?.trim() ?? null,
      states: [...new Set([...own, ...to])],
      subkind: l.kind,
      dated: l.sent_on,
      language: null,
      confidentiality: l.confidentiality,
      text: l.summary,
      keywords: lines(named(l).map((s) => allNames(names, s)).join('\n'), labels('search.kind.letter' as MessageKey), l.reference, l.recipient_other),
    };
  });
};

/** The labels of taxonomy codes in the six languages (assistance offers and requests). */
function taxonomyWords(table: Record<string, LocalizedText>, codes: readonly string[]): string {
  return codes.map((c) => (table[c] ? Object.values(table[c]).join(' · ') : c)).join('\n');
}

/** Offers of assistance: found by their text, their provider's names and their areas in six languages. */
const assistanceOffers: Loader = async (db, ids) => {
  const rows = await db.selectFrom('assistance_offer').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const orgCodes = [...new Set(rows.flatMap((o) => (o.provider_organization_code ? [o.provider_organization_code] : [])))];
  const orgs = orgCodes.length ? await db.selectFrom('organization').select(['code', 'names', 'acronyms']).where('code', 'in', orgCodes).execute() : [];
  const names = await stateNames(db, rows.flatMap((o) => (o.provider_state_iso3 ? [o.provider_state_iso3.trim()] : [])));
  return rows.map((o) => {
    const state = o.provider_state_iso3?.trim() ?? null;
    const org = orgs.find((x) => x.code === o.provider_organization_code);
    const provider = state ? allNames(names, state) : org ? [org.code, ...Object.values(org.acronyms), ...Object.values(org.names)].join(' · ') : '';
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
        labels('search.kind.assistance-offer' as MessageKey),
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
const assistanceRequests: Loader = async (db, ids) => {
  const rows = await db.selectFrom('assistance_request').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const items = rows.length
    ? await db.selectFrom('assistance_request_item').select(['request_id', 'description', 'areas', 'weapons']).where('request_id', 'in', rows.map((r) => r.id)).where('removed_at', 'is', null).orderBy('position').execute()
    : [];
  const names = await stateNames(db, rows.map((r) => r.state_iso3.trim()));
  return rows.map((r) => {
    const iso3 = r.state_iso3.trim();
    const own = items.filter((i) => i.request_id === r.id);
    return {
      sourceType: 'assistance-request',
      sourceId: r.id,
      title: `${pick(names[iso3], 'en') || iso3} — ${r.received_on}`,
      titles: titlesOf(names, iso3, (l) => `${messages(l).t('search.kind.assistance-request' as MessageKey)} ${messages(l).date(r.received_on)}`),
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
        labels('search.kind.assistance-request' as MessageKey),
        r.reference,
        taxonomyWords(areaLabels, [...new Set(own.flatMap((i) => i.areas))]),
        taxonomyWords(weaponLabels, [...new Set(own.flatMap((i) => i.weapons))]),
      ),
    };
  });
};

/**
 * Every kind of record the search finds: its table, the column that names a row, and its loader.
 * A new feature adds its entry here, and a migration adds the trigger that queues its rows
 * (`search_enqueue`, see 0009-search.ts).
 */
export const searchSources: Record<string, { table: keyof DB; key: string; load: Loader }> = {
  document: { table: 'document', key: 'id', load: documents },
  'national-report': { table: 'national_report', key: 'id', load: reports },
  'action-plan': { table: 'action_plan', key: 'id', load: plans },
  'point-of-contact': { table: 'point_of_contact', key: 'id', load: contacts },
  visit: { table: 'visit', key: 'id', load: visits },
  course: { table: 'course', key: 'id', load: courses },
  'member-state': { table: 'member_state', key: 'iso3', load: states },
  organization: { table: 'organization', key: 'code', load: organizations },
  letter: { table: 'letter', key: 'id', load: letters },
  'assistance-offer': { table: 'assistance_offer', key: 'id', load: assistanceOffers },
  'assistance-request': { table: 'assistance_request', key: 'id', load: assistanceRequests },
};
export const searchKinds = Object.keys(searchSources);
