// Checks the reference data of the member-states and organizations modules:
// the 193 UN Member States, the M49 areas, the UN regional groups and the
// organizations the 1540 Committee works with. See data/NOTES.md for sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import countries from 'i18n-iso-countries';
import states from './data/member-states.json' with { type: 'json' };
import areas from './data/m49-areas.json' with { type: 'json' };
import groups from './data/regional-groups.json' with { type: 'json' };
import organizations from '../organizations/data/organizations.json' with { type: 'json' };
import { organizationKinds } from '../organizations/index.ts';

const LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
type Lang = (typeof LANGS)[number];
const GROUP_CODES = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other'];
const ORG_CODES_USED_BY_STATES = ['AU', 'OAS', 'OSCE', 'ASEAN', 'EU', 'CARICOM', 'SICA', 'PIF', 'LAS'];
const P5 = ['CHN', 'FRA', 'GBR', 'RUS', 'USA'];
const FIRST_YEAR = 2004;
const LAST_YEAR = 2026;

const CJK = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

interface State {
  iso3: string;
  iso2: string;
  m49: string;
  unMemberSince: string;
  names: Record<Lang, string>;
  regionalGroup: string;
  m49Region: string;
  m49Subregion: string;
  m49IntermediateRegion: string | null;
  organizations: string[];
  securityCouncilYears: number[];
}
interface Organization {
  code: string;
  kind: string;
  acronyms: Partial<Record<Lang, string>>;
  names: Partial<Record<Lang, string>>;
  formerNames?: Partial<Record<Lang, string[]>>;
  website: string | null;
  namedInSeed: boolean;
}

const allStates = states as State[];
const allOrgs = organizations as Organization[];
const byIso3 = (iso3: string): State => {
  const s = allStates.find((x) => x.iso3 === iso3);
  assert.ok(s, `no state ${iso3}`);
  return s;
};
const isSortedBy = <T>(items: T[], key: (t: T) => string): boolean =>
  items.every((item, i) => i === 0 || key(items[i - 1] as T) < key(item));

test('exactly 193 Member States, sorted by iso3, with unique codes', () => {
  assert.equal(allStates.length, 193);
  assert.ok(
    isSortedBy(allStates, (s) => s.iso3),
    'sorted by iso3',
  );
  for (const field of ['iso3', 'iso2', 'm49'] as const) {
    assert.equal(new Set(allStates.map((s) => s[field])).size, 193, `${field} unique`);
  }
});

test('codes agree with i18n-iso-countries', () => {
  for (const s of allStates) {
    assert.match(s.iso3, /^[A-Z]{3}$/);
    assert.match(s.iso2, /^[A-Z]{2}$/);
    assert.match(s.m49, /^\d{3}$/);
    assert.equal(countries.alpha3ToAlpha2(s.iso3), s.iso2, `${s.iso3} alpha2`);
    assert.equal(countries.alpha3ToNumeric(s.iso3), s.m49, `${s.iso3} numeric`);
  }
});

test('admission dates are ISO dates between 1945-10-24 and 2011-07-14', () => {
  for (const s of allStates) {
    assert.match(s.unMemberSince, /^\d{4}-\d{2}-\d{2}$/, s.iso3);
    assert.ok(!Number.isNaN(Date.parse(s.unMemberSince)), s.iso3);
    assert.ok(s.unMemberSince >= '1945-10-24' && s.unMemberSince <= '2011-07-14', `${s.iso3} ${s.unMemberSince}`);
  }
  assert.equal(byIso3('RUS').unMemberSince, '1945-10-24');
  assert.equal(byIso3('CZE').unMemberSince, '1993-01-19');
  assert.equal(byIso3('SSD').unMemberSince, '2011-07-14');
});

test('every name is present in the six languages, in the right script', () => {
  for (const s of allStates) {
    for (const lang of LANGS) {
      const name = s.names[lang];
      assert.equal(typeof name, 'string', `${s.iso3} ${lang}`);
      assert.ok(name.trim().length > 0 && name === name.trim(), `${s.iso3} ${lang} non-empty and trimmed`);
      assert.ok(!name.includes('’'), `${s.iso3} ${lang} uses a straight apostrophe`);
    }
    assert.match(s.names.zh, CJK, `${s.iso3} zh`);
    assert.match(s.names.ar, ARABIC, `${s.iso3} ar`);
    assert.match(s.names.ru, CYRILLIC, `${s.iso3} ru`);
    for (const lang of ['en', 'fr', 'es'] as const) {
      assert.doesNotMatch(s.names[lang], /[\p{Script=Han}\p{Script=Arabic}\p{Script=Cyrillic}]/u, `${s.iso3} ${lang}`);
    }
  }
  for (const lang of LANGS) {
    assert.equal(new Set(allStates.map((s) => s.names[lang])).size, 193, `${lang} names unique`);
  }
});

test('regional groups are valid and of the expected sizes', () => {
  assert.deepEqual(groups.map((g) => g.code).sort(), [...GROUP_CODES].sort());
  for (const g of groups) {
    for (const lang of LANGS) assert.ok(g.names[lang]?.length, `${g.code} ${lang}`);
  }
  const size = (code: string) => allStates.filter((s) => s.regionalGroup === code).length;
  for (const s of allStates) assert.ok(GROUP_CODES.includes(s.regionalGroup), `${s.iso3} group`);
  assert.equal(size('african'), 54);
  // 53 States plus Kiribati, which joined the Asia-Pacific Group in 2010.
  assert.equal(size('asia-pacific'), 54);
  assert.equal(size('eastern-european'), 23);
  assert.equal(size('latin-american-caribbean'), 33);
  // 28 members plus the United States, which attends WEOG and is counted there for elections.
  assert.equal(size('western-european-other'), 29);
  assert.equal(byIso3('USA').regionalGroup, 'western-european-other');
  assert.equal(byIso3('ISR').regionalGroup, 'western-european-other');
  assert.equal(byIso3('TUR').regionalGroup, 'western-european-other');
  assert.equal(byIso3('KIR').regionalGroup, 'asia-pacific');
  assert.equal(byIso3('CYP').regionalGroup, 'asia-pacific');
});

test('M49 areas exist, are consistent and are all used', () => {
  assert.ok(
    isSortedBy(areas, (a) => a.code),
    'areas sorted by code',
  );
  const byCode = new Map(areas.map((a) => [a.code, a]));
  assert.equal(byCode.size, areas.length, 'area codes unique');
  for (const a of areas) {
    assert.match(a.code, /^\d{3}$/);
    assert.ok(['region', 'subregion', 'intermediate'].includes(a.level), a.code);
    for (const lang of LANGS) assert.ok(a.names[lang]?.length, `${a.code} ${lang}`);
  }
  const level = (code: string | null) => (code === null ? null : byCode.get(code)?.level);
  const used = new Set<string>();
  for (const s of allStates) {
    assert.equal(level(s.m49Region), 'region', `${s.iso3} region`);
    assert.equal(level(s.m49Subregion), 'subregion', `${s.iso3} subregion`);
    assert.equal(byCode.get(s.m49Subregion)?.parent, s.m49Region, `${s.iso3} subregion in region`);
    used.add(s.m49Region).add(s.m49Subregion);
    if (s.m49IntermediateRegion !== null) {
      assert.equal(level(s.m49IntermediateRegion), 'intermediate', `${s.iso3} intermediate`);
      assert.equal(byCode.get(s.m49IntermediateRegion)?.parent, s.m49Subregion, `${s.iso3} intermediate in subregion`);
      used.add(s.m49IntermediateRegion);
    } else {
      assert.ok(!['202', '419'].includes(s.m49Subregion), `${s.iso3} needs an intermediate region`);
    }
  }
  assert.deepEqual([...used].sort(), areas.map((a) => a.code).sort());
});

test('organization memberships refer to known organizations', () => {
  const orgCodes = new Set(allOrgs.map((o) => o.code));
  for (const s of allStates) {
    assert.deepEqual(s.organizations, [...new Set(s.organizations)].sort(), `${s.iso3} sorted, unique`);
    for (const code of s.organizations) {
      assert.ok(ORG_CODES_USED_BY_STATES.includes(code), `${s.iso3} ${code} allowed`);
      assert.ok(orgCodes.has(code), `${s.iso3} ${code} known`);
    }
  }
  const members = (code: string) => allStates.filter((s) => s.organizations.includes(code)).length;
  assert.equal(members('AU'), 54);
  assert.equal(members('EU'), 27);
  assert.equal(members('ASEAN'), 11);
  assert.equal(members('OSCE'), 56); // 57 participating States less the Holy See
  assert.equal(members('OAS'), 34); // 35 less Nicaragua (withdrawal effective 2023)
  assert.equal(members('CARICOM'), 14); // 15 full members less Montserrat
  assert.equal(members('SICA'), 8);
  assert.equal(members('PIF'), 14);
  assert.equal(members('LAS'), 21); // 22 less the State of Palestine
  for (const s of allStates) {
    if (s.regionalGroup === 'african') assert.ok(s.organizations.includes('AU'), `${s.iso3} in AU`);
  }
});

test('Security Council: 15 members each year 2004-2026, P5 every year', () => {
  for (const s of allStates) {
    const years = s.securityCouncilYears;
    assert.deepEqual(
      years,
      [...new Set(years)].sort((a, b) => a - b),
      `${s.iso3} sorted, unique`,
    );
    for (const y of years) assert.ok(Number.isInteger(y) && y >= FIRST_YEAR && y <= LAST_YEAR, `${s.iso3} ${y}`);
  }
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const members = allStates.filter((s) => s.securityCouncilYears.includes(year)).map((s) => s.iso3);
    assert.equal(members.length, 15, `${year}: ${members.join(' ')}`);
    for (const p of P5) assert.ok(members.includes(p), `${p} in ${year}`);
  }
  const in2018 = allStates
    .filter((s) => s.securityCouncilYears.includes(2018))
    .map((s) => s.iso3)
    .sort();
  assert.deepEqual(in2018, ['BOL', 'CHN', 'CIV', 'ETH', 'FRA', 'GBR', 'GNQ', 'KAZ', 'KWT', 'NLD', 'PER', 'POL', 'RUS', 'SWE', 'USA']);
  assert.deepEqual(byIso3('ITA').securityCouncilYears, [2007, 2008, 2017]);
  assert.deepEqual(byIso3('NLD').securityCouncilYears, [2018]);
});

test('organizations: unique sorted codes, valid kinds, en name and acronym', () => {
  assert.ok(
    isSortedBy(allOrgs, (o) => o.code),
    'sorted by code, unique',
  );
  for (const o of allOrgs) {
    assert.ok((organizationKinds as readonly string[]).includes(o.kind), `${o.code} kind ${o.kind}`);
    assert.ok(o.names.en?.trim(), `${o.code} en name`);
    assert.ok(o.acronyms.en?.trim(), `${o.code} en acronym`);
    for (const [lang, text] of [...Object.entries(o.names), ...Object.entries(o.acronyms)]) {
      assert.ok(LANGS.includes(lang as Lang), `${o.code} language ${lang}`);
      assert.ok(typeof text === 'string' && text.trim().length > 0, `${o.code} ${lang} non-empty`);
    }
    if (o.names.zh) assert.match(o.names.zh, CJK, `${o.code} zh`);
    if (o.names.ar) assert.match(o.names.ar, ARABIC, `${o.code} ar`);
    if (o.names.ru) assert.match(o.names.ru, CYRILLIC, `${o.code} ru`);
    assert.ok(o.website === null || /^https:\/\/[^\s]+$/.test(o.website), `${o.code} website`);
    assert.equal(typeof o.namedInSeed, 'boolean', `${o.code} namedInSeed`);
  }
  const required = [
    'IAEA',
    'OPCW',
    'BWC-ISU',
    'WHO',
    'WOAH',
    'INTERPOL',
    'WCO',
    'UNODC',
    'IMO',
    'ICAO',
    'FATF',
    'NSG',
    'AG',
    'MTCR',
    'WA',
    'AU',
    'OSCE',
    'OAS',
    'EU',
    'ASEAN',
    'CARICOM',
    'SICA',
    'PIF',
    'LAS',
    'IPU',
    'PGA',
    'UNODA',
    'UNLIREC',
    'UNREC',
    'UNRCPD',
    'CTC',
    'CTED',
    '1267-MT',
  ];
  const codes = new Set(allOrgs.map((o) => o.code));
  for (const code of required) assert.ok(codes.has(code), `has ${code}`);
  const woah = allOrgs.find((o) => o.code === 'WOAH');
  assert.ok(
    woah?.formerNames?.en?.some((n) => n.includes('OIE')),
    'WOAH was the OIE',
  );
  assert.equal(allOrgs.find((o) => o.code === 'IAEA')?.acronyms.zh, '原子能机构');
});

test('spot checks', () => {
  const mali = byIso3('MLI');
  assert.equal(mali.iso2, 'ML');
  assert.equal(mali.m49, '466');
  assert.equal(mali.names.zh, '马里');
  assert.equal(mali.names.ar, 'مالي');
  assert.equal(mali.regionalGroup, 'african');
  assert.equal(mali.m49IntermediateRegion, '011');

  const bolivia = byIso3('BOL');
  assert.equal(bolivia.names.en, 'Bolivia (Plurinational State of)');
  assert.equal(bolivia.names.fr, 'Bolivie (État plurinational de)');
  assert.equal(bolivia.names.es, 'Bolivia (Estado Plurinacional de)');
  assert.equal(bolivia.names.zh, '多民族玻利维亚国');
  assert.equal(bolivia.unMemberSince, '1945-11-14');
  assert.deepEqual(bolivia.securityCouncilYears, [2017, 2018]);
  assert.equal(bolivia.m49Subregion, '419');
  assert.equal(bolivia.m49IntermediateRegion, '005');

  const turkiye = byIso3('TUR');
  assert.equal(turkiye.names.en, 'Türkiye');
  assert.equal(turkiye.names.fr, 'Türkiye');
  assert.equal(turkiye.names.es, 'Türkiye');
  assert.equal(turkiye.regionalGroup, 'western-european-other');

  assert.ok(byIso3('TLS').organizations.includes('ASEAN'), 'Timor-Leste in ASEAN');
  assert.ok(byIso3('MAR').organizations.includes('AU'), 'Morocco in AU');
  assert.ok(byIso3('SYR').organizations.includes('LAS'), 'Syria in LAS');
  assert.ok(!byIso3('NIC').organizations.includes('OAS'), 'Nicaragua left the OAS');
  assert.equal(byIso3('USA').names.zh, '美利坚合众国');
  assert.equal(byIso3('GBR').names.zh, '大不列颠及北爱尔兰联合王国');
  assert.equal(byIso3('KOR').names.zh, '大韩民国');
  assert.equal(byIso3('PRK').names.zh, '朝鲜民主主义人民共和国');
  assert.equal(byIso3('RUS').names.zh, '俄罗斯联邦');
  assert.equal(byIso3('NLD').names.en, 'Netherlands (Kingdom of the)');
  assert.equal(byIso3('CIV').names.en, "Côte d'Ivoire");
  assert.equal(byIso3('VNM').names.en, 'Viet Nam');
});
