import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  defaultWeights,
  type MatchItem,
  type MatchOffer,
  parseWeights,
  type Reason,
  type ReasonCode,
  rankItemsForOffer,
  rankOffersForItem,
  type TrackRecord,
  type Weights,
} from './matching.ts';
import { delivered, item, offer } from './fixtures.ts';

/*
 * The ranking behaviour, pinned by hand-reasoned cases. With the default weights (docs/matching.md):
 * area 40, paragraph 10, weapon 10, kind 15 (each per shared code), language 15, region named 10,
 * every region 5, region not served −20, track record 5 per similar delivery up to 3, period
 * covering the request (or open) 5, period over before the request −30.
 *
 * The helpers below make an offer that serves every region and has no period (so +5 +5 = 10 on
 * top of what it shares) and lists no language (so no language reason either way).
 */

interface Row {
  why: string;
  item: MatchItem;
  offers: MatchOffer[];
  track?: TrackRecord;
  weights?: Partial<Weights>;
  /** the offer ids, best first */
  order: string[];
  /** where it matters: hand-computed scores */
  scores?: Record<string, number>;
  /** where it matters: the reason codes of an offer, in order */
  reasons?: Record<string, ReasonCode[]>;
}

const exportControl = { areas: ['export-control'] };

const rows: Row[] = [
  {
    why: 'one shared area (40) outweighs a shared paragraph, weapon type and kind of help together (10 + 10 + 15)',
    item: item({ areas: ['export-control'], paragraphs: ['OP3d'], weapons: ['chemical'], kinds: ['training'] }),
    offers: [
      offer('a-kind', { areas: ['legislation'], paragraphs: ['OP3d'], weapons: ['chemical'], kinds: ['training'] }),
      offer('z-area', { areas: ['export-control'], kinds: ['equipment'] }),
    ],
    order: ['z-area', 'a-kind'],
    scores: { 'z-area': 50, 'a-kind': 45 },
    reasons: { 'a-kind': ['paragraph', 'weapon', 'kind', 'all-regions', 'period'], 'z-area': ['area', 'all-regions', 'period'] },
  },
  {
    why: 'a shared paragraph and weapon type make a candidate without any shared area',
    item: item({ areas: ['border-control'], paragraphs: ['OP3c'], weapons: ['nuclear'] }),
    offers: [offer('pw', { areas: ['nuclear-security'], paragraphs: ['OP3c'], weapons: ['nuclear'] })],
    order: ['pw'],
    scores: { pw: 30 },
    reasons: { pw: ['paragraph', 'weapon', 'all-regions', 'period'] },
  },
  {
    why: 'a shared paragraph with another weapon type, or a shared weapon type under another paragraph, is no candidate',
    item: item({ areas: ['border-control'], paragraphs: ['OP3c'], weapons: ['nuclear'] }),
    offers: [
      offer('para-only', { areas: ['financing'], paragraphs: ['OP3c'], weapons: ['chemical'] }),
      offer('weapon-only', { areas: ['financing'], paragraphs: ['OP1'], weapons: ['nuclear'] }),
    ],
    order: [],
  },
  {
    why: 'no overlap in area, paragraph or weapon type: the same kind of help, language and region are not enough',
    item: item({ areas: ['legislation'], paragraphs: ['OP2'], weapons: ['biological'], kinds: ['legal-review'], languages: ['fr'] }),
    offers: [
      offer('elsewhere', {
        areas: ['financing'],
        paragraphs: ['OP3d'],
        weapons: ['biological'],
        kinds: ['legal-review'],
        languages: ['fr'],
        regions: ['african'],
      }),
    ],
    order: [],
  },
  {
    why: 'more shared areas rank higher than one shared area with a shared kind (80 > 40 + 15)',
    item: item({ areas: ['export-control', 'border-control'], kinds: ['training'] }),
    offers: [
      offer('a-one-area', { areas: ['export-control', 'financing'], kinds: ['training'] }),
      offer('b-two-areas', { areas: ['border-control', 'export-control'] }),
    ],
    order: ['b-two-areas', 'a-one-area'],
    scores: { 'b-two-areas': 90, 'a-one-area': 65 },
  },
  {
    why: 'each kind of help asked for that the offer gives counts',
    item: item({ ...exportControl, kinds: ['training', 'expert-advice'] }),
    offers: [
      offer('a-one-kind', { ...exportControl, kinds: ['training', 'equipment'] }),
      offer('b-two-kinds', { ...exportControl, kinds: ['expert-advice', 'training'] }),
    ],
    order: ['b-two-kinds', 'a-one-kind'],
    scores: { 'b-two-kinds': 80, 'a-one-kind': 65 },
  },
  {
    why: 'a provider working in a language of the State ranks above one working in none of them',
    item: item({ ...exportControl, languages: ['fr', 'ar'] }),
    offers: [offer('a-english', { ...exportControl, languages: ['en'] }), offer('b-french', { ...exportControl, languages: ['en', 'fr'] })],
    order: ['b-french', 'a-english'],
    scores: { 'b-french': 65, 'a-english': 50 },
    reasons: { 'b-french': ['area', 'language', 'all-regions', 'period'], 'a-english': ['area', 'no-language', 'all-regions', 'period'] },
  },
  {
    why: 'the State’s region named (+10) beats every region (+5), which beats only other regions (−20)',
    item: item({ ...exportControl, region: 'african' }),
    offers: [
      offer('a-other', { ...exportControl, regions: ['asia-pacific'] }),
      offer('b-every', { ...exportControl, regions: [] }),
      offer('c-named', { ...exportControl, regions: ['eastern-european', 'african'] }),
    ],
    order: ['c-named', 'b-every', 'a-other'],
    scores: { 'c-named': 55, 'b-every': 50, 'a-other': 25 },
    reasons: {
      'c-named': ['area', 'region', 'period'],
      'b-every': ['area', 'all-regions', 'period'],
      'a-other': ['area', 'region-not-served', 'period'],
    },
  },
  {
    why: 'the provider’s track record breaks a tie: one similar delivery (+5) puts b before a',
    item: item(exportControl),
    offers: [offer('a-new', exportControl), offer('b-proven', exportControl)],
    track: new Map([['organization:B-PROVEN', delivered(1, ['export-control', 'legislation'])]]),
    order: ['b-proven', 'a-new'],
    scores: { 'b-proven': 55, 'a-new': 50 },
    reasons: { 'b-proven': ['area', 'all-regions', 'track-record', 'period'], 'a-new': ['area', 'all-regions', 'period'] },
  },
  {
    why: 'the track record is capped at 3 deliveries (9 count as 3, so a tie, broken by id); deliveries in other areas do not count',
    item: item(exportControl),
    offers: [offer('c-unrelated', exportControl), offer('b-nine', exportControl), offer('a-three', exportControl)],
    track: new Map([
      ['organization:A-THREE', delivered(3, ['export-control'])],
      ['organization:B-NINE', delivered(9, ['export-control'])],
      ['organization:C-UNRELATED', delivered(5, ['financing', 'legislation'])],
    ]),
    order: ['a-three', 'b-nine', 'c-unrelated'],
    scores: { 'a-three': 65, 'b-nine': 65, 'c-unrelated': 50 },
    reasons: { 'c-unrelated': ['area', 'all-regions', 'period'] },
  },
  {
    why: 'an offer whose period ended before the request was received is penalised (−30); one starting later gets no period points',
    item: item({ ...exportControl, receivedOn: '2018-06-01' }),
    offers: [
      offer('a-ended', { ...exportControl, periodFrom: '2015-01-01', periodTo: '2017-12-31' }),
      offer('b-open', exportControl),
      offer('c-covering', { ...exportControl, periodFrom: '2018-01-01', periodTo: '2018-06-01' }),
      offer('d-later', { ...exportControl, periodFrom: '2019-01-01' }),
    ],
    order: ['b-open', 'c-covering', 'd-later', 'a-ended'],
    scores: { 'b-open': 50, 'c-covering': 50, 'd-later': 45, 'a-ended': 15 },
    reasons: { 'a-ended': ['area', 'all-regions', 'period-ended'], 'd-later': ['area', 'all-regions', 'period-later'] },
  },
  {
    why: 'with the period weights at 0 an offer that ended is no longer pushed down: a tie, ordered by id',
    item: item({ ...exportControl, receivedOn: '2018-06-01' }),
    offers: [offer('b-open', exportControl), offer('a-ended', { ...exportControl, periodTo: '2017-12-31' })],
    weights: { period: 0, periodEnded: 0 },
    order: ['a-ended', 'b-open'],
    scores: { 'a-ended': 45, 'b-open': 45 },
    reasons: { 'a-ended': ['area', 'all-regions', 'period-ended'] },
  },
  {
    why: 'equal scores are ordered by offer id, whatever the order the offers come in',
    item: item(exportControl),
    offers: [offer('m', exportControl), offer('c', exportControl), offer('x', exportControl), offer('a', exportControl)],
    order: ['a', 'c', 'm', 'x'],
  },
  {
    why: 'with the default weights a shared kind of help and the named region (15 + 10) beat a shared language and every region (15 + 5)',
    item: item({ ...exportControl, kinds: ['training'], languages: ['fr'] }),
    offers: [
      offer('a-kind', { ...exportControl, kinds: ['training'], regions: ['african'], languages: ['en'] }),
      offer('b-language', { ...exportControl, kinds: ['equipment'], languages: ['fr'] }),
    ],
    order: ['a-kind', 'b-language'],
    scores: { 'a-kind': 70, 'b-language': 65 },
  },
  {
    why: 'raising the language weight to 25 flips the same two offers (70 against 75)',
    item: item({ ...exportControl, kinds: ['training'], languages: ['fr'] }),
    offers: [
      offer('a-kind', { ...exportControl, kinds: ['training'], regions: ['african'], languages: ['en'] }),
      offer('b-language', { ...exportControl, kinds: ['equipment'], languages: ['fr'] }),
    ],
    weights: { language: 25 },
    order: ['b-language', 'a-kind'],
    scores: { 'a-kind': 70, 'b-language': 75 },
  },
  {
    why: 'with the area weight at 0 the kind of help decides between an offer sharing two areas and one sharing one area and the kind',
    item: item({ areas: ['export-control', 'border-control'], kinds: ['training'] }),
    offers: [
      offer('a-areas', { areas: ['export-control', 'border-control'] }),
      offer('b-kind', { areas: ['border-control'], kinds: ['training'] }),
    ],
    weights: { area: 0 },
    order: ['b-kind', 'a-areas'],
    scores: { 'b-kind': 25, 'a-areas': 10 },
  },
  {
    why: 'a minimum score drops the weak candidates (paragraph and weapon only: 30 < 40)',
    item: item({ ...exportControl, paragraphs: ['OP3d'], weapons: ['chemical'] }),
    offers: [offer('a-weak', { paragraphs: ['OP3d'], weapons: ['chemical'], areas: ['financing'] }), offer('b-strong', exportControl)],
    weights: { minimumScore: 40 },
    order: ['b-strong'],
  },
  {
    why: 'the default minimum score (0) drops a candidate whose penalties outweigh what it shares (10 + 10 − 20 − 30 < 0)',
    item: item({ paragraphs: ['OP3d'], weapons: ['chemical'], areas: ['legislation'] }),
    offers: [
      offer('a-sunk', { paragraphs: ['OP3d'], weapons: ['chemical'], regions: ['asia-pacific'], periodTo: '2010-01-01' }),
      offer('b-fine', { areas: ['legislation'] }),
    ],
    order: ['b-fine'],
  },
  {
    why: 'the limit in the weights keeps only the best ones',
    item: item({ areas: ['export-control', 'border-control'] }),
    offers: [
      offer('a', exportControl),
      offer('b', { areas: ['export-control', 'border-control'] }),
      offer('c', { areas: ['border-control'], languages: ['fr'] }),
      offer('d', exportControl),
    ],
    weights: { limit: 2 },
    order: ['b', 'c'],
  },
  {
    why: 'a request with no date: only an offer without bounds gets the period points',
    item: item({ ...exportControl, receivedOn: '' }),
    offers: [offer('a-bounded', { ...exportControl, periodFrom: '2018-01-01', periodTo: '2030-01-01' }), offer('b-open', exportControl)],
    order: ['b-open', 'a-bounded'],
    scores: { 'b-open': 50, 'a-bounded': 45 },
  },
];

const codesOf = (reasons: Reason[]) => reasons.map((r) => r.code);
const pointsOf = (reasons: Reason[]) => Math.round(reasons.reduce((s, r) => s + r.points, 0) * 100) / 100;

describe('ranking offers for a request item: the table of hand-reasoned cases', () => {
  for (const row of rows) {
    test(row.why, () => {
      const weights = parseWeights(row.weights ?? {});
      const ranked = rankOffersForItem(row.item, row.offers, row.track ?? new Map(), weights);
      assert.deepEqual(
        ranked.map((r) => r.offerId),
        row.order,
      );
      for (const r of ranked) assert.equal(pointsOf(r.reasons), r.score, `${r.offerId}: the reasons add up to the score`);
      for (const [id, score] of Object.entries(row.scores ?? {}))
        assert.equal(ranked.find((r) => r.offerId === id)?.score, score, `score of ${id}`);
      for (const [id, codes] of Object.entries(row.reasons ?? {}))
        assert.deepEqual(codesOf(ranked.find((r) => r.offerId === id)?.reasons ?? []), codes, `reasons of ${id}`);
      // The same pairs seen from each offer give the same scores.
      for (const r of ranked) {
        const o = row.offers.find((x) => x.id === r.offerId)!;
        const back = rankItemsForOffer(o, [row.item], row.track ?? new Map(), weights);
        assert.deepEqual(back, [{ itemId: row.item.id, score: r.score, reasons: r.reasons }]);
      }
    });
  }
});

describe('the reasons as data', () => {
  test('shared codes come out in the taxonomy’s order, with their points', () => {
    const [r] = rankOffersForItem(
      item({
        areas: ['reporting', 'legislation', 'export-control'],
        paragraphs: ['OP3d', 'OP1'],
        weapons: ['delivery', 'nuclear'],
        languages: ['es', 'fr'],
      }),
      [
        offer('o', {
          areas: ['export-control', 'reporting', 'legislation'],
          paragraphs: ['OP1', 'OP3d'],
          weapons: ['nuclear', 'delivery'],
          languages: ['fr', 'es'],
        }),
      ],
      new Map(),
      defaultWeights,
    );
    assert.deepEqual(r!.reasons.slice(0, 4), [
      { code: 'paragraph', codes: ['OP1', 'OP3d'], points: 20 },
      { code: 'weapon', codes: ['nuclear', 'delivery'], points: 20 },
      { code: 'area', codes: ['legislation', 'export-control', 'reporting'], points: 120 },
      { code: 'language', codes: ['fr', 'es'], points: 15 },
    ]);
  });

  test('the track record reports every similar delivery but scores at most the cap', () => {
    const [r] = rankOffersForItem(
      item(exportControl),
      [offer('o', exportControl)],
      new Map([['organization:O', delivered(7, ['export-control'])]]),
      defaultWeights,
    );
    assert.deepEqual(
      r!.reasons.find((x) => x.code === 'track-record'),
      { code: 'track-record', count: 7, points: 15 },
    );
  });

  test('fractional weights give scores rounded to 2 decimals', () => {
    const weights = parseWeights({ area: 0.333, kind: 1 / 3, allRegions: 0, period: 0 });
    const [r] = rankOffersForItem(
      item({ areas: ['export-control', 'legislation'], kinds: ['training'] }),
      [offer('o', { areas: ['export-control', 'legislation'], kinds: ['training'] })],
      new Map(),
      weights,
    );
    assert.equal(r!.score, 1);
    assert.equal(r!.score, Math.round(r!.score * 100) / 100);
  });
});

describe('ranking items for an offer mirrors ranking offers for an item', () => {
  const theOffer = offer('o', {
    areas: ['export-control'],
    paragraphs: ['OP3d'],
    weapons: ['chemical'],
    kinds: ['training'],
    languages: ['fr'],
    regions: ['african'],
  });
  const itemRows: { why: string; items: MatchItem[]; order: string[] }[] = [
    {
      why: 'the item sharing an area, a kind and a language comes first; one sharing only paragraph and weapon type last; one sharing nothing is left out',
      items: [
        item({ id: 'i-pw', paragraphs: ['OP3d'], weapons: ['chemical'], areas: ['legislation'], languages: ['en'] }),
        item({ id: 'i-best', areas: ['export-control'], kinds: ['training'], languages: ['fr'] }),
        item({ id: 'i-none', areas: ['financing'], paragraphs: ['OP2'], weapons: ['chemical'] }),
        item({ id: 'i-area', areas: ['export-control'], languages: ['en'] }),
      ],
      order: ['i-best', 'i-area', 'i-pw'],
    },
    {
      why: 'an item from a State of a region the offer does not serve falls behind; equal items are ordered by id',
      items: [
        item({ id: 'i-c', areas: ['export-control'], region: 'asia-pacific', languages: ['en'] }),
        item({ id: 'i-b', areas: ['export-control'], languages: ['en'] }),
        item({ id: 'i-a', areas: ['export-control'], languages: ['en'] }),
      ],
      order: ['i-a', 'i-b', 'i-c'],
    },
  ];
  for (const row of itemRows) {
    test(row.why, () => {
      const ranked = rankItemsForOffer(theOffer, row.items, new Map(), defaultWeights);
      assert.deepEqual(
        ranked.map((r) => r.itemId),
        row.order,
      );
      for (const r of ranked) {
        const forward = rankOffersForItem(row.items.find((i) => i.id === r.itemId)!, [theOffer], new Map(), defaultWeights);
        assert.deepEqual(forward, [{ offerId: 'o', score: r.score, reasons: r.reasons }]);
      }
    });
  }
});
