import type { Paragraph, WeaponType } from '../templates/template.ts';
import type { DemoState } from './demo-history.ts';

/*
 * The odds and tables of the demonstration matrices: a seeded PRNG, dates, and how likely each
 * kind of State is to have each measure. Made up, plausible, and the same on every machine.
 */

/** A small, fast, well-mixed 32-bit PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: the PRNG's seed from the ISO code. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
export const day = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + Math.round(days) * day).toISOString().slice(0, 10);
}

export const minDate = (a: string, b: string) => (a < b ? a : b);

export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / day));
}

/**
 * How much a State has in place, between 0 and 1: more for members of the EU, the OSCE or the
 * OAS and for frequent Security Council members, less for recent UN members and small island
 * States, with some noise so that peers differ.
 */
export function demoCapacity(state: DemoState, noise: number): number {
  const org = (code: string) => state.organizations.includes(code);
  let c = 0.3;
  if (org('EU')) c += 0.36;
  else if (org('OSCE')) c += 0.14;
  if (org('OAS')) c += 0.06;
  if (org('PIF') || org('CARICOM')) c -= 0.16;
  if (state.unMemberSince >= '1990') c -= 0.1;
  c += Math.min(state.securityCouncilYears.length, 10) * 0.012;
  return clamp(c + (noise - 0.5) * 0.28, 0.03, 0.97);
}

/** The year each OP1 instrument opened (for signature or membership): no date before it. */
export const instrumentOpened: Record<string, number> = {
  NPT: 1968,
  NWFZ: 1967,
  ICSANT: 2005,
  CPPNM: 1980,
  'CPPNM-2005': 2005,
  CTBT: 1996,
  CWC: 1993,
  BWC: 1972,
  'GENEVA-1925': 1925,
  'OTHER-CONVENTIONS': 1990,
  'IAEA-CSA': 1972,
  'IAEA-AP': 1997,
  'IAEA-COC': 2004,
  'IAEA-COC-IMPORT-EXPORT': 2005,
  'IAEA-ITDB': 1995,
  'IAEA-MEMBER': 1957,
  'OPCW-MEMBER': 1997,
  'INTERPOL-MEMBER': 1956,
  'WCO-MEMBER': 1952,
  HCOC: 2002,
  ZANGGER: 1971,
  NSG: 1975,
  'AUSTRALIA-GROUP': 1985,
  MTCR: 1987,
  WASSENAAR: 1996,
  GICNT: 2006,
  PSI: 2003,
  'GLOBAL-PARTNERSHIP': 2002,
  'NON-POSSESSION': 2004,
  'NO-SUPPORT': 2004,
};

/** How likely a State of capacity c is to be party to (or member of) an OP1 instrument. */
export function instrumentChance(item: string, c: number, state: DemoState): number {
  const regime = clamp((c - 0.5) * 1.9);
  switch (item) {
    case 'NPT':
    case 'BWC':
    case 'CWC':
    case 'OPCW-MEMBER':
    case 'INTERPOL-MEMBER':
      return 0.97;
    case 'IAEA-CSA':
      return 0.88;
    case 'CTBT':
      return 0.8 + 0.15 * c;
    case 'WCO-MEMBER':
      return 0.8 + 0.15 * c;
    case 'NWFZ':
      return ['african', 'latin-american-caribbean'].includes(state.regionalGroup)
        ? 0.85
        : state.regionalGroup === 'asia-pacific'
          ? 0.4
          : 0.05;
    case 'IAEA-MEMBER':
      return 0.55 + 0.45 * c;
    case 'ZANGGER':
    case 'NSG':
    case 'AUSTRALIA-GROUP':
    case 'MTCR':
    case 'WASSENAAR':
    case 'GLOBAL-PARTNERSHIP':
      return regime;
    default:
      return 0.2 + 0.65 * c;
  }
}

export const memberships = new Set([
  'IAEA-MEMBER',
  'OPCW-MEMBER',
  'INTERPOL-MEMBER',
  'WCO-MEMBER',
  'ZANGGER',
  'NSG',
  'AUSTRALIA-GROUP',
  'MTCR',
  'WASSENAAR',
  'GICNT',
  'PSI',
  'GLOBAL-PARTNERSHIP',
]);
export const statements = new Set(['NON-POSSESSION', 'NO-SUPPORT', 'HCOC', 'IAEA-COC', 'IAEA-COC-IMPORT-EXPORT', 'IAEA-ITDB']);

/** How likely a measure is, by paragraph: States have more in OP2 and OP1 than in OP3(c) and (d). */
export function measureChance(paragraph: Paragraph, weapon: WeaponType | null, c: number): number {
  const base: Record<Paragraph, number> = {
    OP1: 0.5 + 0.4 * c,
    OP2: 0.18 + 0.72 * c,
    OP3a: 0.04 + 0.72 * c,
    OP3b: 0.07 + 0.72 * c,
    OP3c: 0.02 + 0.55 * c,
    OP3d: -0.06 + 0.72 * c,
  };
  const byWeapon = weapon === 'biological' ? -0.06 : weapon === 'delivery' ? -0.1 : weapon === 'chemical' ? -0.02 : 0;
  return clamp(base[paragraph] + byWeapon);
}

/** The illustrative law that a paragraph's measures cite; each State numbers its own. */
export const lawTopics: Record<Exclude<Paragraph, 'OP1'>, (w: WeaponType | null) => string> = {
  OP2: (w) => (w === 'delivery' ? 'Penal Code' : 'law on weapons of mass destruction'),
  OP3a: (w) => (w === 'nuclear' ? 'law on nuclear safety and security' : w === 'chemical' ? 'law on chemicals' : 'regulation on biosafety'),
  OP3b: (w) => (w === 'nuclear' ? 'law on nuclear safety and security' : w === 'chemical' ? 'law on chemicals' : 'regulation on biosafety'),
  OP3c: () => 'Customs Code',
  OP3d: () => 'law on strategic export controls',
};

export const languagesOf: Record<string, readonly string[]> = {
  african: ['en', 'fr', 'fr', 'ar', 'pt'],
  'asia-pacific': ['en', 'en', 'ar', 'zh', 'ru'],
  'eastern-european': ['en', 'ru', 'en'],
  'latin-american-caribbean': ['es', 'es', 'en', 'pt'],
  'western-european-other': ['en', 'fr', 'de', 'es'],
};

/** Rows about facilities and materials that a small State may well not have: NA for nuclear. */
export const facilityRows = /^OP3[ab]\.(ACCOUNT-PRODUCTION|SECURE-PRODUCTION|ACCOUNT-USE|SECURE-USE|PP-FACILITIES|LICENSING-FACILITIES)$/;
