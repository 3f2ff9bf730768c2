import { type Encoded, encode, penalty, popcount, round2, trackCounts } from './encoding.ts';
import { type Weights, weightKeys } from './weights.ts';

// The weights and the reasons in words have their own modules; the command line reads them here.
export { defaultWeights, parseWeights, type Weights } from './weights.ts';
export { reasonsText, reasonText } from './reasons.ts';

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
