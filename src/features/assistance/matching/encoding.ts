// The engine's encoding: each code set as a bit mask per dimension, and the items' and offers'
// fields in typed arrays, so that a pair is scored with a few bit operations.
import { areas, type Dimension, helpKinds, helpLanguages, paragraphs, regions, weaponTypes } from '../taxonomy.ts';
import type { MatchItem, MatchOffer, TrackRecord } from './matching.ts';

/**
 * The bit of each code of a dimension: the taxonomy's codes first, in its order (so decoded codes
 * come out in the taxonomy's order), then any other code met in the data, up to 31 per dimension.
 * A code beyond that is ignored (the app only stores taxonomy codes).
 */
export class Dictionary {
  private readonly bits = new Map<string, number>();
  readonly codes: string[] = [];
  constructor(known: readonly string[]) {
    for (const c of known) this.add(c);
  }
  private add(code: string): number {
    if (this.codes.length >= 31) return 0;
    const bit = 1 << this.codes.length;
    this.bits.set(code, bit);
    this.codes.push(code);
    return bit;
  }
  mask(codes: readonly string[] | null | undefined): number {
    let m = 0;
    if (!codes) return 0;
    for (const c of codes) m |= this.bits.get(c) ?? this.add(c);
    return m;
  }
  decode(mask: number): string[] {
    const out: string[] = [];
    for (let i = 0; mask !== 0 && i < this.codes.length; i++, mask >>>= 1) if (mask & 1) out.push(this.codes[i]!);
    return out;
  }
}

function dictionaries(): Record<Dimension, Dictionary> {
  return {
    paragraph: new Dictionary(paragraphs),
    weapon: new Dictionary(weaponTypes),
    area: new Dictionary(areas),
    kind: new Dictionary(helpKinds),
    language: new Dictionary(helpLanguages),
    region: new Dictionary(regions),
  };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** YYYY-MM-DD as the number YYYYMMDD (0 when absent or malformed), for quick comparisons. */
export function dayNumber(iso: string | null | undefined): number {
  if (!iso || iso.length < 10) return 0;
  const n = Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
  return Number.isFinite(n) ? n : 0;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
/** A penalty's points, negative (and +0, not −0, for a penalty of 0). */
export const penalty = (x: number) => 0 - round2(x);

export interface Encoded {
  dict: Record<Dimension, Dictionary>;
  // items
  iPara: Int32Array;
  iWeap: Int32Array;
  iArea: Int32Array;
  iKind: Int32Array;
  iLang: Int32Array;
  iRegion: Int32Array;
  iDay: Int32Array;
  // offers
  oPara: Int32Array;
  oWeap: Int32Array;
  oArea: Int32Array;
  oKind: Int32Array;
  oLang: Int32Array;
  oRegion: Int32Array;
  oFrom: Int32Array;
  oTo: Int32Array;
  oProvider: Int32Array;
  /** per provider index, the area masks of its deliveries */
  deliveries: Int32Array[];
  /** per item area mask, the number of similar deliveries per provider index */
  trackCache: Map<number, Int32Array>;
}

export function encode(items: readonly MatchItem[], offers: readonly MatchOffer[], track: TrackRecord): Encoded {
  const dict = dictionaries();
  const ints = (n: number) => new Int32Array(n);
  const ni = items.length;
  const no = offers.length;
  const e: Encoded = {
    dict,
    iPara: ints(ni),
    iWeap: ints(ni),
    iArea: ints(ni),
    iKind: ints(ni),
    iLang: ints(ni),
    iRegion: ints(ni),
    iDay: ints(ni),
    oPara: ints(no),
    oWeap: ints(no),
    oArea: ints(no),
    oKind: ints(no),
    oLang: ints(no),
    oRegion: ints(no),
    oFrom: ints(no),
    oTo: ints(no),
    oProvider: ints(no),
    deliveries: [],
    trackCache: new Map(),
  };
  for (let i = 0; i < ni; i++) {
    const it = items[i]!;
    e.iPara[i] = dict.paragraph.mask(it.paragraphs);
    e.iWeap[i] = dict.weapon.mask(it.weapons);
    e.iArea[i] = dict.area.mask(it.areas);
    e.iKind[i] = dict.kind.mask(it.kinds);
    e.iLang[i] = dict.language.mask(it.languages);
    e.iRegion[i] = it.region ? dict.region.mask([it.region]) : 0;
    e.iDay[i] = dayNumber(it.receivedOn);
  }
  const providers = new Map<string, number>();
  for (let o = 0; o < no; o++) {
    const of = offers[o]!;
    e.oPara[o] = dict.paragraph.mask(of.paragraphs);
    e.oWeap[o] = dict.weapon.mask(of.weapons);
    e.oArea[o] = dict.area.mask(of.areas);
    e.oKind[o] = dict.kind.mask(of.kinds);
    e.oLang[o] = dict.language.mask(of.languages);
    e.oRegion[o] = dict.region.mask(of.regions);
    e.oFrom[o] = dayNumber(of.periodFrom);
    e.oTo[o] = dayNumber(of.periodTo);
    let p = providers.get(of.providerKey);
    if (p === undefined) {
      p = providers.size;
      providers.set(of.providerKey, p);
      e.deliveries.push(Int32Array.from(track.get(of.providerKey) ?? [], (d) => dict.area.mask(d.areas)));
    }
    e.oProvider[o] = p;
  }
  return e;
}

/** How many of each provider's deliveries share an area with an item of this area mask. */
export function trackCounts(e: Encoded, areaMask: number): Int32Array {
  let counts = e.trackCache.get(areaMask);
  if (!counts) {
    counts = new Int32Array(e.deliveries.length);
    for (let p = 0; p < e.deliveries.length; p++) {
      const d = e.deliveries[p]!;
      let n = 0;
      for (let k = 0; k < d.length; k++) if ((d[k]! & areaMask) !== 0) n++;
      counts[p] = n;
    }
    e.trackCache.set(areaMask, counts);
  }
  return counts;
}
