import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areas, helpKinds, helpLanguages, paragraphs, regions, weaponTypes } from '../taxonomy.ts';
import {
  type MatchItem,
  type MatchOffer,
  matchAll,
  type Reason,
  rankItemsForOffer,
  rankOffersForItem,
  type TrackRecord,
} from './matching.ts';

const pointsOf = (reasons: Reason[]) => Math.round(reasons.reduce((s, r) => s + r.points, 0) * 100) / 100;
import { defaultWeights } from './weights.ts';

/** mulberry32: a small seeded PRNG, so the generated cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('matchAll', () => {
  const random = prng(1540);
  const some = (xs: readonly string[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => xs[Math.floor(random() * xs.length)]!)),
  ];
  const date = () =>
    random() < 0.4 ? null : `${2012 + Math.floor(random() * 12)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
  const providers = Array.from({ length: 25 }, (_, k) => `state:P${k}`);
  const items: MatchItem[] = Array.from({ length: 300 }, (_, k) => ({
    id: `item-${(k * 7919) % 300}`,
    requestId: `r-${k >> 2}`,
    stateIso3: 'MLI',
    region: regions[Math.floor(random() * regions.length)]!,
    languages: some(helpLanguages, 2),
    paragraphs: some(paragraphs, 2),
    weapons: some(weaponTypes, 2),
    areas: some(areas, 2),
    kinds: some(helpKinds, 2),
    receivedOn: date() ?? '2018-06-01',
  }));
  const offers: MatchOffer[] = Array.from({ length: 300 }, (_, k) => {
    const from = date();
    return {
      id: `offer-${(k * 104729) % 300}`,
      providerKey: providers[k % providers.length]!,
      paragraphs: some(paragraphs, 3),
      weapons: some(weaponTypes, 3),
      areas: some(areas, 3),
      kinds: some(helpKinds, 3),
      regions: random() < 0.5 ? [] : some(regions, 2),
      languages: some(helpLanguages, 3),
      periodFrom: from,
      periodTo: from && random() < 0.5 ? `${Number(from.slice(0, 4)) + 2}${from.slice(4)}` : null,
    };
  });
  const track: TrackRecord = new Map(
    providers.map((p, k) => [p, Array.from({ length: k % 7 }, () => ({ areas: some(areas, 2), weapons: some(weaponTypes, 1) }))]),
  );

  test('on 300 × 300 gives the same top lists as ranking each item alone', () => {
    const all = matchAll(items, offers, track, defaultWeights, 10);
    assert.equal(all.size, items.length);
    let kept = 0;
    for (const it of items) {
      const one = rankOffersForItem(it, offers, track, defaultWeights, 10);
      assert.deepEqual(all.get(it.id), one, it.id);
      kept += one.length;
      for (let k = 1; k < one.length; k++) {
        const [a, b] = [one[k - 1]!, one[k]!];
        assert.ok(a.score > b.score || (a.score === b.score && a.offerId < b.offerId), `${it.id}: ${a.offerId} before ${b.offerId}`);
      }
    }
    assert.ok(kept > 2000, `most items have ten matches (${kept})`);
  });

  test('the kept lists are the best of all candidates, and every pair scores the same from the offer’s side', () => {
    const unlimited = matchAll(items, offers, track, defaultWeights, Number.POSITIVE_INFINITY);
    const top = matchAll(items, offers, track, defaultWeights, 5);
    const byPair = new Map<string, number>();
    for (const [itemId, list] of unlimited) {
      assert.deepEqual(top.get(itemId), list.slice(0, 5));
      for (const r of list) {
        byPair.set(`${itemId}|${r.offerId}`, r.score);
        assert.equal(pointsOf(r.reasons), r.score);
      }
    }
    for (const o of offers.slice(0, 40)) {
      const back = rankItemsForOffer(o, items, track, defaultWeights, Number.POSITIVE_INFINITY);
      assert.deepEqual(
        back.map((r) => [r.itemId, r.score]),
        [...byPair]
          .filter(([k]) => k.endsWith(`|${o.id}`))
          .map(([k, s]) => [k.split('|')[0], s])
          .sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0]! < b[0]! ? -1 : 1)),
      );
    }
  });
});
