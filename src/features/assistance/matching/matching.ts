import { invalid, type FieldProblem } from '../../../platform/errors.ts';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { areas, type Dimension, helpKinds, helpLanguages, labelOf, paragraphs, regions, weaponTypes } from '../taxonomy.ts';

/**
 * The clearinghouse's matching engine: pure functions that rank offers for a request item (and
 * items for an offer) with a score and the reasons for it, as data that the pages render in the
 * reader's language. No database, no I/O: the caller loads the items, the offers, the providers'
 * track record and the weights in force. docs/matching.md explains every weight and its default.
 *
 * A pair is a candidate only if the item and the offer share an area, or a paragraph and a weapon
 * type. Its score is the sum of its reasons' points: shared areas, paragraphs, weapon types and
 * kinds of help; a common language; the State's region served; the provider's similar deliveries;
 * the offer's period; minus the penalties (region not served, period over before the request).
 *
 * For speed (2,000 × 2,000 pairs well under a second) each code set is encoded once as a bit mask
 * per dimension, pairs are scored with bit operations over typed arrays, each item keeps only its
 * best `limit` offers in a small sorted buffer, and the reasons are built only for the pairs kept.
 */

// -------------------------------------------------------------------------------------------------
// Inputs and outputs

export interface MatchItem {
  id: string;
  requestId: string;
  stateIso3: string;
  /** The requesting State's regional group (taxonomy `regions`). */
  region: string;
  /** The languages the State works in. */
  languages: string[];
  paragraphs: string[];
  weapons: string[];
  areas: string[];
  kinds: string[];
  /** ISO date (YYYY-MM-DD) on which the request was received. */
  receivedOn: string;
}

export interface MatchOffer {
  id: string;
  /** 'organization:IAEA' or 'state:FRA': whose track record counts. */
  providerKey: string;
  providerName?: string;
  paragraphs: string[];
  weapons: string[];
  areas: string[];
  kinds: string[];
  /** The regional groups the offer serves; empty = every region. */
  regions: string[];
  languages: string[];
  periodFrom: string | null;
  periodTo: string | null;
}

/** What each provider (by `providerKey`) has delivered: one entry per delivered item. */
export type TrackRecord = Map<string, { areas: string[]; weapons: string[] }[]>;

export type CodesReason = { code: 'paragraph' | 'weapon' | 'area' | 'kind' | 'language'; codes: string[]; points: number };
export type Reason =
  | CodesReason
  | { code: 'no-language'; points: number }
  | { code: 'region' | 'region-not-served'; codes: string[]; points: number }
  | { code: 'all-regions'; points: number }
  | { code: 'track-record'; count: number; points: number }
  | { code: 'period'; from: string | null; to: string | null; points: number }
  | { code: 'period-ended' | 'period-later'; date: string; points: number };
export type ReasonCode = Reason['code'];

export interface RankedOffer {
  offerId: string;
  score: number;
  reasons: Reason[];
}
export interface RankedItem {
  itemId: string;
  score: number;
  reasons: Reason[];
}

// -------------------------------------------------------------------------------------------------
// Weights

/**
 * Points per reason. Every value is ≥ 0; the penalties (`regionNotServed`, `periodEnded`) are
 * subtracted. `trackRecordCap` and `limit` are whole numbers. Stored by the app as a JSON object;
 * a partial object is merged over the defaults.
 */
export interface Weights {
  /** per area the item and the offer share */
  area: number;
  /** per operative paragraph they share */
  paragraph: number;
  /** per weapon type they share */
  weapon: number;
  /** per kind of help asked for that the offer gives */
  kind: number;
  /** once, when the provider works in at least one of the State's languages */
  language: number;
  /** the offer names the State's regional group */
  region: number;
  /** the offer serves every region (names none) */
  allRegions: number;
  /** penalty: the offer names regions, not the State's */
  regionNotServed: number;
  /** per similar delivery (an item sharing an area with this one) of the same provider… */
  trackRecord: number;
  /** …counting at most this many deliveries */
  trackRecordCap: number;
  /** the offer's period covers the date of the request, or has no bounds */
  period: number;
  /** penalty: the offer's period ended before the request was received */
  periodEnded: number;
  /** a candidate scoring below this is not proposed */
  minimumScore: number;
  /** matches kept per item (or items per offer) when the caller gives no limit */
  limit: number;
}

export const defaultWeights: Readonly<Weights> = Object.freeze({
  area: 40,
  paragraph: 10,
  weapon: 10,
  kind: 15,
  language: 15,
  region: 10,
  allRegions: 5,
  regionNotServed: 20,
  trackRecord: 5,
  trackRecordCap: 3,
  period: 5,
  periodEnded: 30,
  minimumScore: 0,
  limit: 10,
});

const weightKeys = Object.keys(defaultWeights) as (keyof Weights)[];
const wholeKeys = new Set<keyof Weights>(['trackRecordCap', 'limit']);
/** Bounds that keep every score a finite, readable number. */
const MAX_POINTS = 1_000_000;
const MAX_LIMIT = 10_000;

/**
 * Checks weights given as a JSON object (or its text): only known keys, each a finite number
 * ≥ 0 (at most 1,000,000); `trackRecordCap` a whole number, `limit` a whole number from 1 to
 * 10,000. Missing keys take their default. Throws a validation error naming each bad key.
 */
export function parseWeights(input: unknown): Weights {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw invalid([{ field: 'weights', problem: `is not JSON: ${(err as Error).message}` }]);
    }
  }
  if (value === undefined || value === null) return { ...defaultWeights };
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid([{ field: 'weights', problem: 'is not a JSON object of weights' }]);
  const problems: FieldProblem[] = [];
  const out: Weights = { ...defaultWeights };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = `weights.${key.slice(0, 60)}`;
    if (!(weightKeys as string[]).includes(key)) {
      problems.push({ field, problem: `is not a known weight; the weights are ${weightKeys.join(', ')}` });
      continue;
    }
    const k = key as keyof Weights;
    if (typeof v !== 'number')
      problems.push({ field, problem: `is not a number (got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v})` });
    else if (!Number.isFinite(v)) problems.push({ field, problem: 'is not a finite number' });
    else if (v < 0) problems.push({ field, problem: `is negative (${v}); weights are points ≥ 0, penalties are subtracted` });
    else if (v > MAX_POINTS) problems.push({ field, problem: `is more than ${MAX_POINTS}` });
    else if (wholeKeys.has(k) && !Number.isInteger(v)) problems.push({ field, problem: `is not a whole number (${v})` });
    else if (k === 'limit' && (v < 1 || v > MAX_LIMIT)) problems.push({ field, problem: `must be from 1 to ${MAX_LIMIT}` });
    else out[k] = v;
  }
  if (problems.length > 0) throw invalid(problems);
  return out;
}

// -------------------------------------------------------------------------------------------------
// Encoding: one bit per code, per dimension

/**
 * The bit of each code of a dimension: the taxonomy's codes first, in its order (so decoded codes
 * come out in the taxonomy's order), then any other code met in the data, up to 31 per dimension.
 * A code beyond that is ignored (the app only stores taxonomy codes).
 */
class Dictionary {
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

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** YYYY-MM-DD as the number YYYYMMDD (0 when absent or malformed), for quick comparisons. */
function dayNumber(iso: string | null | undefined): number {
  if (!iso || iso.length < 10) return 0;
  const n = Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
  return Number.isFinite(n) ? n : 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** A penalty's points, negative (and +0, not −0, for a penalty of 0). */
const penalty = (x: number) => 0 - round2(x);

interface Encoded {
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

function encode(items: readonly MatchItem[], offers: readonly MatchOffer[], track: TrackRecord): Encoded {
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
function trackCounts(e: Encoded, areaMask: number): Int32Array {
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

// -------------------------------------------------------------------------------------------------
// Scoring

/**
 * The score of item i with offer o, or NaN when they are not candidates. `counts` is
 * trackCounts(e, e.iArea[i]). Mirrors `reasonsOf` exactly: the score is the sum of its reasons.
 */
function scorePair(e: Encoded, w: Weights, i: number, o: number, counts: Int32Array): number {
  const area = e.iArea[i]! & e.oArea[o]!;
  const para = e.iPara[i]! & e.oPara[o]!;
  const weap = e.iWeap[i]! & e.oWeap[o]!;
  if (area === 0 && (para === 0 || weap === 0)) return Number.NaN;
  let s = w.area * popcount(area) + w.paragraph * popcount(para) + w.weapon * popcount(weap) + w.kind * popcount(e.iKind[i]! & e.oKind[o]!);
  if ((e.iLang[i]! & e.oLang[o]!) !== 0) s += w.language;
  const or = e.oRegion[o]!;
  if (or === 0) s += w.allRegions;
  else if (e.iRegion[i]! !== 0) s += (or & e.iRegion[i]!) !== 0 ? w.region : -w.regionNotServed;
  const n = counts[e.oProvider[o]!]!;
  if (n > 0) s += w.trackRecord * Math.min(n, w.trackRecordCap);
  const day = e.iDay[i]!;
  if (day !== 0) {
    const to = e.oTo[o]!;
    const from = e.oFrom[o]!;
    if (to !== 0 && to < day) s -= w.periodEnded;
    else if (from === 0 || from <= day) s += w.period;
  } else if (e.oTo[o]! === 0 && e.oFrom[o]! === 0) s += w.period;
  return round2(s);
}

function shared(out: Reason[], e: Encoded, code: 'paragraph' | 'weapon' | 'area' | 'kind', mask: number, each: number): void {
  if (mask !== 0) out.push({ code, codes: e.dict[code].decode(mask), points: round2(each * popcount(mask)) });
}

/** The reasons of a kept pair, in a fixed order; their points add up to the pair's score. */
function reasonsOf(e: Encoded, w: Weights, item: MatchItem, offer: MatchOffer, i: number, o: number, counts: Int32Array): Reason[] {
  const out: Reason[] = [];
  shared(out, e, 'paragraph', e.iPara[i]! & e.oPara[o]!, w.paragraph);
  shared(out, e, 'weapon', e.iWeap[i]! & e.oWeap[o]!, w.weapon);
  shared(out, e, 'area', e.iArea[i]! & e.oArea[o]!, w.area);
  shared(out, e, 'kind', e.iKind[i]! & e.oKind[o]!, w.kind);
  const lang = e.iLang[i]! & e.oLang[o]!;
  if (lang !== 0) out.push({ code: 'language', codes: e.dict.language.decode(lang), points: round2(w.language) });
  else if (e.iLang[i]! !== 0 && e.oLang[o]! !== 0) out.push({ code: 'no-language', points: 0 });
  const or = e.oRegion[o]!;
  if (or === 0) out.push({ code: 'all-regions', points: round2(w.allRegions) });
  else if (e.iRegion[i]! !== 0)
    out.push(
      (or & e.iRegion[i]!) !== 0
        ? { code: 'region', codes: [item.region], points: round2(w.region) }
        : { code: 'region-not-served', codes: [item.region], points: penalty(w.regionNotServed) },
    );
  const n = counts[e.oProvider[o]!]!;
  if (n > 0) out.push({ code: 'track-record', count: n, points: round2(w.trackRecord * Math.min(n, w.trackRecordCap)) });
  const day = e.iDay[i]!;
  const to = e.oTo[o]!;
  const from = e.oFrom[o]!;
  if (day !== 0) {
    if (to !== 0 && to < day) out.push({ code: 'period-ended', date: offer.periodTo!, points: penalty(w.periodEnded) });
    else if (from === 0 || from <= day) out.push({ code: 'period', from: offer.periodFrom, to: offer.periodTo, points: round2(w.period) });
    else out.push({ code: 'period-later', date: offer.periodFrom!, points: 0 });
  } else if (to === 0 && from === 0) out.push({ code: 'period', from: null, to: null, points: round2(w.period) });
  return out;
}

/**
 * A bounded selection of the best `limit` candidates: score descending, then the candidates'
 * tie-break rank ascending. Candidates come in ascending rank, so a later one with an equal score
 * is never better than one kept. While bounded (up to 64), a small sorted buffer in typed arrays
 * (insertion, no allocation); with a larger bound or none, everything is kept and sorted once at
 * the end. `reset` makes it ready for the next item.
 */
class Top {
  private static readonly SMALL = 64;
  private readonly small: boolean;
  private readonly bufScores: Float64Array;
  private readonly bufRanks: Int32Array;
  private n = 0;
  private allScores: number[] = [];
  private allRanks: number[] = [];
  /** The score a candidate must beat once the selection is full (a quick test before `offer`). */
  worst = Number.NEGATIVE_INFINITY;
  /** Whether the selection still takes any candidate. */
  open = true;
  constructor(private readonly limit: number) {
    this.small = limit <= Top.SMALL;
    this.bufScores = new Float64Array(this.small ? limit + 1 : 0);
    this.bufRanks = new Int32Array(this.small ? limit + 1 : 0);
    this.reset();
  }
  reset(): void {
    this.n = 0;
    this.allScores = [];
    this.allRanks = [];
    this.worst = Number.NEGATIVE_INFINITY;
    this.open = this.limit > 0;
  }
  offer(score: number, rank: number): void {
    if (this.limit === 0) return;
    if (!this.small) {
      this.allScores.push(score);
      this.allRanks.push(rank);
      return;
    }
    if (!this.open && score <= this.worst) return;
    const scores = this.bufScores;
    const ranks = this.bufRanks;
    let at = this.n;
    while (at > 0 && scores[at - 1]! < score) {
      scores[at] = scores[at - 1]!;
      ranks[at] = ranks[at - 1]!;
      at--;
    }
    scores[at] = score;
    ranks[at] = rank;
    if (this.n < this.limit) this.n++;
    if (this.n >= this.limit) {
      this.open = false;
      this.worst = scores[this.n - 1]!;
    }
  }
  /** The kept candidates, best first: [score, rank] pairs. */
  kept(): [number, number][] {
    if (this.small) return Array.from({ length: this.n }, (_, k) => [this.bufScores[k]!, this.bufRanks[k]!]);
    const idx = this.allScores
      .map((_, k) => k)
      .sort((a, b) => this.allScores[b]! - this.allScores[a]! || this.allRanks[a]! - this.allRanks[b]!);
    return idx.slice(0, Math.min(idx.length, this.limit)).map((k) => [this.allScores[k]!, this.allRanks[k]!]);
  }
}

/** Indices of `xs` sorted by id (code-unit order): the deterministic tie-break. */
function byId(xs: readonly { id: string }[]): number[] {
  return xs.map((_, k) => k).sort((a, b) => (xs[a]!.id < xs[b]!.id ? -1 : xs[a]!.id > xs[b]!.id ? 1 : a - b));
}

function limitOf(limit: number | undefined, w: Weights): number {
  const l = limit ?? w.limit;
  return Number.isNaN(l) ? w.limit : Math.max(0, Math.floor(l));
}

/**
 * Offers for each item, best first, at most `limitPerItem` each (default `weights.limit`), ties
 * broken by offer id. Items with no candidate map to an empty list.
 */
export function matchAll(
  items: readonly MatchItem[],
  offers: readonly MatchOffer[],
  trackRecord: TrackRecord,
  weights: Weights,
  limitPerItem?: number,
): Map<string, RankedOffer[]> {
  const e = encode(items, offers, trackRecord);
  const limit = limitOf(limitPerItem, weights);
  const order = byId(offers);
  // The offers' masks in id order, so that the loop reads them in sequence.
  const pick = (a: Int32Array) => Int32Array.from(order, (o) => a[o]!);
  const oPara = pick(e.oPara);
  const oWeap = pick(e.oWeap);
  const oArea = pick(e.oArea);
  const oKind = pick(e.oKind);
  const oLang = pick(e.oLang);
  const oRegion = pick(e.oRegion);
  const oFrom = pick(e.oFrom);
  const oTo = pick(e.oTo);
  const oProvider = pick(e.oProvider);
  const w = weights;
  const min = w.minimumScore;
  const wArea = w.area;
  const wPara = w.paragraph;
  const wWeap = w.weapon;
  const wKind = w.kind;
  const wLang = w.language;
  const wAll = w.allRegions;
  const wRegion = w.region;
  const wNotServed = w.regionNotServed;
  const wEnded = w.periodEnded;
  const wPeriod = w.period;
  // With whole-number weights every sum is exact: no rounding needed in the loop.
  const integral = weightKeys.every((k) => Number.isInteger(w[k]));
  const no = order.length;
  const top = new Top(limit);
  const trackPoints = new Float64Array(e.deliveries.length);
  const out = new Map<string, RankedOffer[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const counts = trackCounts(e, e.iArea[i]!);
    top.reset();
    const iPara = e.iPara[i]!;
    const iWeap = e.iWeap[i]!;
    const iArea = e.iArea[i]!;
    const iKind = e.iKind[i]!;
    const iLang = e.iLang[i]!;
    const iRegion = e.iRegion[i]!;
    const day = e.iDay[i]!;
    // What depends on the item only: the track record's points per provider.
    let trackMax = 0;
    for (let p = 0; p < counts.length; p++) {
      trackPoints[p] = counts[p]! > 0 ? w.trackRecord * Math.min(counts[p]!, w.trackRecordCap) : 0;
      if (trackPoints[p]! > trackMax) trackMax = trackPoints[p]!;
    }
    const restMax = wLang + Math.max(wRegion, wAll) + trackMax + wPeriod;
    // The same arithmetic as scorePair, with the item's values in locals (the hot loop).
    let worst = limit > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let r = 0; r < no; r++) {
      const area = iArea & oArea[r]!;
      const para = iPara & oPara[r]!;
      const weap = iWeap & oWeap[r]!;
      if (area === 0 && (para === 0 || weap === 0)) continue;
      let s = wArea * popcount(area) + wPara * popcount(para) + wWeap * popcount(weap) + wKind * popcount(iKind & oKind[r]!);
      // What the rest can add at most: when even that cannot beat the worst kept, skip the rest.
      if (s + restMax <= worst) continue;
      if ((iLang & oLang[r]!) !== 0) s += wLang;
      const or = oRegion[r]!;
      if (or === 0) s += wAll;
      else if (iRegion !== 0) s += (or & iRegion) !== 0 ? wRegion : -wNotServed;
      s += trackPoints[oProvider[r]!]!;
      if (day !== 0) {
        const to = oTo[r]!;
        if (to !== 0 && to < day) s -= wEnded;
        else if (oFrom[r]! === 0 || oFrom[r]! <= day) s += wPeriod;
      } else if (oTo[r]! === 0 && oFrom[r]! === 0) s += wPeriod;
      if (!integral) s = round2(s);
      if (s > worst && s >= min) {
        top.offer(s, r);
        worst = top.open ? Number.NEGATIVE_INFINITY : top.worst;
      }
    }
    out.set(
      item.id,
      top.kept().map(([score, r]) => {
        const o = order[r]!;
        return { offerId: offers[o]!.id, score, reasons: reasonsOf(e, w, item, offers[o]!, i, o, counts) };
      }),
    );
  }
  return out;
}

/** The offers for one item, best first, at most `limit` (default `weights.limit`), ties broken by offer id. */
export function rankOffersForItem(
  item: MatchItem,
  offers: readonly MatchOffer[],
  trackRecord: TrackRecord,
  weights: Weights,
  limit?: number,
): RankedOffer[] {
  return matchAll([item], offers, trackRecord, weights, limit).get(item.id) ?? [];
}

/**
 * The items for one offer, best first, at most `limit` (default `weights.limit`), ties broken by
 * item id. A pair scores the same in both directions.
 */
export function rankItemsForOffer(
  offer: MatchOffer,
  items: readonly MatchItem[],
  trackRecord: TrackRecord,
  weights: Weights,
  limit?: number,
): RankedItem[] {
  const e = encode(items, [offer], trackRecord);
  const top = new Top(limitOf(limit, weights));
  const order = byId(items);
  const min = weights.minimumScore;
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    const s = scorePair(e, weights, i, 0, trackCounts(e, e.iArea[i]!));
    if (s >= min) top.offer(s, r);
  }
  return top.kept().map(([score, r]) => {
    const i = order[r]!;
    return { itemId: items[i]!.id, score, reasons: reasonsOf(e, weights, items[i]!, offer, i, 0, trackCounts(e, e.iArea[i]!)) };
  });
}

// -------------------------------------------------------------------------------------------------
// Reasons in words

const reasonKeys = {
  paragraph: 'assistance.reason.paragraph',
  weapon: 'assistance.reason.weapon',
  area: 'assistance.reason.area',
  kind: 'assistance.reason.kind',
  language: 'assistance.reason.language',
  'no-language': 'assistance.reason.no-language',
  region: 'assistance.reason.region',
  'all-regions': 'assistance.reason.all-regions',
  'region-not-served': 'assistance.reason.region-not-served',
  'track-record': 'assistance.reason.track-record',
  period: 'assistance.reason.period',
  'period-ended': 'assistance.reason.period-ended',
  'period-later': 'assistance.reason.period-later',
} as const satisfies Record<ReasonCode, string>;

const dimensionOf: Record<CodesReason['code'], Dimension> = {
  paragraph: 'paragraph',
  weapon: 'weapon',
  area: 'area',
  kind: 'kind',
  language: 'language',
};

const labels = (dimension: Dimension, codes: readonly string[] | undefined, locale: Locale, m: Messages) =>
  m.list((codes ?? []).map((c) => labelOf(dimension, c, locale)));

/**
 * One reason in words, in the reader's language, with the taxonomy's labels. Reasons are stored
 * with the matches; one of an unknown kind (from a later version) is shown as its code.
 */
export function reasonText(reason: Reason, locale: Locale, m: Messages): string {
  switch (reason.code) {
    case 'paragraph':
    case 'weapon':
    case 'area':
    case 'kind':
    case 'language':
      return m.t(reasonKeys[reason.code], { list: labels(dimensionOf[reason.code], reason.codes, locale, m) });
    case 'region':
    case 'region-not-served':
      return m.t(reasonKeys[reason.code], { region: labels('region', reason.codes, locale, m) });
    case 'track-record':
      return m.t(reasonKeys[reason.code], { count: reason.count });
    case 'period-ended':
    case 'period-later':
      return m.t(reasonKeys[reason.code], { date: m.date(reason.date) });
    case 'no-language':
    case 'all-regions':
    case 'period':
      return m.t(reasonKeys[reason.code]);
    default:
      return String((reason as { code?: unknown }).code ?? '');
  }
}

const separators: Record<Locale, string> = { ar: '؛ ', zh: '；', en: '; ', fr: ' ; ', ru: '; ', es: '; ' };

/**
 * All the reasons of a pair as one sentence. Shared paragraphs and weapon types read together
 * ("both cover OP3 (d): export and trans-shipment controls for chemical weapons").
 */
export function reasonsText(reasons: readonly Reason[], locale: Locale, m: Messages): string {
  const paragraph = reasons.find((r): r is CodesReason => r.code === 'paragraph');
  const weapon = reasons.find((r): r is CodesReason => r.code === 'weapon');
  const parts: string[] = [];
  for (const r of reasons) {
    if (paragraph && weapon && r === weapon) continue;
    if (paragraph && weapon && r === paragraph) {
      parts.push(
        m.t('assistance.reasons.paragraph-weapon', {
          paragraphs: labels('paragraph', paragraph.codes, locale, m),
          weapons: labels('weapon', weapon.codes, locale, m),
        }),
      );
    } else parts.push(reasonText(r, locale, m));
  }
  return parts.join(separators[locale]);
}
