import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayYearBefore, daysIn, type PageCount, percentChange, periodYearBefore, visitFigures } from './figures.ts';
import { apportion, generatedHistory, seeded, seedPeriod, seedVisits } from './history.ts';

const row = (language: string, section: string, path: string, views: number, visits: number): PageCount => ({
  language,
  section,
  path,
  views,
  visits,
});

describe('site-visit figures', () => {
  test('totals, by section, by language and top pages of hand-made counts', () => {
    const rows = [
      row('en', '', '/en', 10, 4),
      row('en', 'states', '/en/states', 6, 2),
      row('en', 'states', '/en/states/MLI', 9, 1),
      row('fr', 'states', '/fr/states', 3, 3),
      row('en', '', '/en', 5, 1), // the same page on another day
    ];
    const f = visitFigures(rows, 3);
    assert.equal(f.visits, 11); // 4 + 2 + 1 + 3 + 1
    assert.equal(f.views, 33); // 10 + 6 + 9 + 3 + 5
    // states: visits 2 + 1 + 3 = 6, views 6 + 9 + 3 = 18; home: visits 5, views 15
    assert.deepEqual(f.bySection, [
      { key: 'states', visits: 6, views: 18 },
      { key: '', visits: 5, views: 15 },
    ]);
    assert.deepEqual(f.byLanguage, [
      { key: 'en', visits: 8, views: 30 },
      { key: 'fr', visits: 3, views: 3 },
    ]);
    // by views: /en 15, /en/states/MLI 9, /en/states 6 (then /fr/states 3, cut by top = 3)
    assert.deepEqual(
      f.topPages.map((p) => [p.key, p.views, p.visits]),
      [
        ['/en', 15, 5],
        ['/en/states/MLI', 9, 1],
        ['/en/states', 6, 2],
      ],
    );
  });

  test('nothing counted: zeros and empty lists', () => {
    assert.deepEqual(visitFigures([]), { visits: 0, views: 0, bySection: [], byLanguage: [], topPages: [] });
  });

  test('the change in whole percent, rounded half away from zero, as the review rounds it', () => {
    assert.equal(percentChange(68_006, 67_340), 1); // 666 / 67,340 = 0.989 %
    assert.equal(percentChange(101, 100), 1);
    assert.equal(percentChange(1005, 1000), 1); // 0.5 % rounds up
    assert.equal(percentChange(1004, 1000), 0);
    assert.equal(percentChange(995, 1000), -1); // -0.5 % rounds away from zero
    assert.equal(percentChange(996, 1000), 0);
    assert.equal(percentChange(150, 100), 50);
    assert.equal(percentChange(5, 0), null);
  });

  test('the same period a year before; 29 February becomes 28 February', () => {
    assert.deepEqual(periodYearBefore({ from: '2018-01-01', to: '2018-12-20' }), { from: '2017-01-01', to: '2017-12-20' });
    assert.equal(dayYearBefore('2020-02-29'), '2019-02-28');
    assert.equal(dayYearBefore('2021-03-01'), '2020-03-01');
    assert.equal(daysIn('2018-01-01', '2018-12-20'), 354);
    assert.equal(daysIn('2018-01-02', '2018-01-01'), 0);
  });
});

describe('the demonstration history', () => {
  test('apportion shares a total exactly, largest remainders first', () => {
    assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]); // 3.33 each: the first gets the one left
    assert.deepEqual(apportion(7, [2, 1, 1]), [3, 2, 2]); // 3.5, 1.75, 1.75 → 3, 1, 1 and 2 left, to the remainders .75 and .75
  });

  test('the seeded generator repeats itself', () => {
    const a = seeded(7);
    const b = seeded(7);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });

  test('68,006 visits from 1 January to 20 December 2018, 1 % more than the same days of 2017', () => {
    const rows = generatedHistory('2019-03-31');
    assert.equal(rows[0]?.day, '2017-01-01');
    assert.equal(rows.at(-1)?.day, '2019-03-31');
    assert.equal(new Set(rows.map((r) => r.day)).size, rows.length, 'one row a day');
    const sum = (from: string, to: string) => rows.filter((r) => r.day >= from && r.day <= to).reduce((a, r) => a + r.visits, 0);
    assert.equal(sum(seedPeriod.from, seedPeriod.to), seedVisits);
    assert.equal(percentChange(sum(seedPeriod.from, seedPeriod.to), sum('2017-01-01', '2017-12-20')), 1);
    for (const r of rows) assert.ok(r.views >= r.visits && r.visits > 0, `${r.day}: views ${r.views} ≥ visits ${r.visits} > 0`);
    assert.deepEqual(generatedHistory('2019-03-31'), rows, 'the same every time');
  });
});
