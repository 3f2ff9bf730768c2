import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messages } from '../../../platform/i18n/i18n.ts';
import { locales } from '../../../platform/i18n/locales.ts';
import { labelOf } from '../taxonomy.ts';
import { delivered, item, offer } from './fixtures.ts';
import { type Reason, rankOffersForItem, type TrackRecord } from './matching.ts';
import { reasonsText, reasonText } from './reasons.ts';
import { defaultWeights } from './weights.ts';

describe('the reasons in words', () => {
  // The example of the issue: an item of Mali's asking for training in export control of chemicals.
  const mali = item({
    paragraphs: ['OP3d'],
    weapons: ['chemical'],
    areas: ['export-control'],
    kinds: ['training'],
    languages: ['fr'],
    region: 'african',
  });
  const provider = offer('opcw', {
    paragraphs: ['OP3d'],
    weapons: ['chemical'],
    areas: ['export-control'],
    kinds: ['training', 'expert-advice'],
    languages: ['en', 'fr'],
    regions: ['african'],
  });
  const track: TrackRecord = new Map([['organization:OPCW', delivered(3, ['export-control'])]]);
  const [match] = rankOffersForItem(mali, [provider], track, defaultWeights);

  test('in English, as one sentence', () => {
    const m = messages('en');
    assert.equal(
      reasonsText(match!.reasons, 'en', m),
      'both cover OP3 (d): export and trans-shipment controls for chemical weapons; both work on export and trans-shipment control; ' +
        'the provider offers the help asked for: training; the provider works in French; the State’s region (African States) is served; ' +
        'the provider has delivered 3 similar requests; the offer is available on the date of the request',
    );
    assert.deepEqual([...m.missing], []);
  });

  test('counts and dates read as the language writes them', () => {
    const en = messages('en');
    assert.equal(reasonText({ code: 'track-record', count: 1, points: 5 }, 'en', en), 'the provider has delivered 1 similar request');
    assert.equal(
      reasonText({ code: 'period-ended', date: '2017-12-31', points: -30 }, 'en', en),
      'the offer ended on December 31, 2017, before the request was received',
    );
    assert.match(reasonText({ code: 'track-record', count: 2, points: 10 }, 'ar', messages('ar')), /طلبين/);
    assert.match(reasonText({ code: 'track-record', count: 3, points: 15 }, 'ru', messages('ru')), /3 аналогичных запроса/);
    assert.match(reasonText({ code: 'track-record', count: 5, points: 15 }, 'ru', messages('ru')), /5 аналогичных запросов/);
    assert.match(reasonText({ code: 'track-record', count: 3, points: 15 }, 'zh', messages('zh')), /3项类似请求/);
  });

  for (const locale of ['ar', 'zh'] as const) {
    test(`in ${locale}: words, not keys, with the taxonomy’s labels`, () => {
      const m = messages(locale);
      const text = reasonsText(match!.reasons, locale, m);
      assert.doesNotMatch(text, /assistance\.|\{|[A-Za-z]{4,}/, text);
      for (const label of [
        labelOf('paragraph', 'OP3d', locale),
        labelOf('weapon', 'chemical', locale),
        labelOf('area', 'export-control', locale),
        labelOf('kind', 'training', locale),
        labelOf('language', 'fr', locale),
        labelOf('region', 'african', locale),
      ])
        assert.ok(text.includes(label), `${locale}: "${label}" in "${text}"`);
      assert.ok(text.includes('3'), text);
      assert.deepEqual([...m.missing], [], 'no English fallback');
    });
  }

  test('every kind of reason has words in the six languages', () => {
    const all: Reason[] = [
      { code: 'paragraph', codes: ['OP1'], points: 10 },
      { code: 'weapon', codes: ['delivery'], points: 10 },
      { code: 'area', codes: ['financing'], points: 40 },
      { code: 'kind', codes: ['visit'], points: 15 },
      { code: 'language', codes: ['pt'], points: 15 },
      { code: 'no-language', points: 0 },
      { code: 'region', codes: ['latin-american-caribbean'], points: 10 },
      { code: 'all-regions', points: 5 },
      { code: 'region-not-served', codes: ['eastern-european'], points: -20 },
      { code: 'track-record', count: 11, points: 15 },
      { code: 'period', from: null, to: null, points: 5 },
      { code: 'period-ended', date: '2017-12-31', points: -30 },
      { code: 'period-later', date: '2019-01-01', points: 0 },
    ];
    for (const locale of locales) {
      const m = messages(locale);
      const texts = all.map((r) => reasonText(r, locale, m));
      for (const t of texts) assert.ok(t.trim() !== '' && !t.includes('assistance.') && !t.includes('{'), `${locale}: ${t}`);
      assert.equal(new Set(texts).size, texts.length, `${locale}: each reason reads differently`);
      assert.ok(texts[2]!.includes(labelOf('area', 'financing', locale)));
      assert.ok(texts[6]!.includes(labelOf('region', 'latin-american-caribbean', locale)));
      assert.deepEqual([...m.missing], [], `${locale}: no English fallback`);
    }
  });

  test('a reason of an unknown kind (stored by a later version) is shown as its code', () => {
    assert.equal(reasonText({ code: 'from-the-future', points: 1 } as unknown as Reason, 'en', messages('en')), 'from-the-future');
  });
});
