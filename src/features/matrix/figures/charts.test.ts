import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  barLayout,
  estimateTextWidth,
  type Frame,
  groupedBarLayout,
  histogramLayout,
  linearScale,
  niceStep,
  niceTicks,
  wrapLabel,
} from './charts.ts';

/** Every expected number below was worked out by hand from the frame and the values. */

describe('nice ticks', () => {
  const cases: { max: number; integer?: boolean; ticks: number[] }[] = [
    // 37 / 5 = 7.4, rounded up among 1, 2, 5, 10 → 10.
    { max: 37, ticks: [0, 10, 20, 30, 40] },
    // 100 / 5 = 20 → 20.
    { max: 100, ticks: [0, 20, 40, 60, 80, 100] },
    // 5 / 5 = 1 → 1.
    { max: 5, ticks: [0, 1, 2, 3, 4, 5] },
    // 3 / 5 = 0.6 → 1 (and counts never step below 1).
    { max: 3, ticks: [0, 1, 2, 3] },
    // 1 / 5 = 0.2 → 0.2, but counts step by 1.
    { max: 1, ticks: [0, 1] },
    // 362 (the 2017 template's fields) / 5 = 72.4 → 100.
    { max: 362, ticks: [0, 100, 200, 300, 400] },
    // 120 / 5 = 24 → 50.
    { max: 120, ticks: [0, 50, 100, 150] },
    // Nothing to show still draws an axis.
    { max: 0, ticks: [0, 1] },
    // Averages: 0.42 / 5 = 0.084 → 0.1.
    { max: 0.42, integer: false, ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
    // 4.6 / 5 = 0.92 → 1.
    { max: 4.6, integer: false, ticks: [0, 1, 2, 3, 4, 5] },
  ];
  for (const { max, integer, ticks } of cases) {
    test(`max ${max}${integer === false ? ' (not counts)' : ''}`, () => assert.deepEqual(niceTicks(max, 5, integer ?? true), ticks));
  }

  test('steps', () => {
    assert.equal(niceStep(37), 10);
    assert.equal(niceStep(0.42, 5, false), 0.1);
    assert.equal(niceStep(-3), 1);
    assert.equal(niceStep(Number.NaN), 1);
  });

  test('a linear scale maps the last tick onto the whole length', () => {
    const scale = linearScale(37, 200);
    assert.equal(scale.top, 40);
    assert.equal(scale.map(40), 200);
    assert.equal(scale.map(10), 50);
    assert.equal(scale.map(-5), 0);
  });
});

// Plot from x 40 to 440 (400 wide), y 20 to 220 (200 tall).
const frame: Frame = { width: 440, height: 240, top: 20, bottom: 20, start: 40, end: 0 };

describe('bar layout', () => {
  test('four bars, left to right', () => {
    const layout = barLayout([10, 20, 37, 0], { frame });
    // Bands of 100, bars of 80 centred in them; the top tick is 40, so a height is 5 per unit.
    assert.deepEqual(
      layout.bars.map((b) => [b.x, b.y, b.width, b.height]),
      [
        [50, 170, 80, 50],
        [150, 120, 80, 100],
        [250, 35, 80, 185],
        [350, 220, 80, 0],
      ],
    );
    assert.deepEqual(
      layout.categories.map((c) => c.center),
      [90, 190, 290, 390],
    );
    assert.deepEqual(layout.ticks, [
      { value: 0, y: 220 },
      { value: 10, y: 170 },
      { value: 20, y: 120 },
      { value: 30, y: 70 },
      { value: 40, y: 20 },
    ]);
    assert.deepEqual(layout.plot, { x0: 40, x1: 440, y0: 20, y1: 220, axisX: 40 });
  });

  test('mirrored for right-to-left readers: the first bar at the right, the axis on the right', () => {
    const layout = barLayout([10, 20, 37, 0], { frame, rtl: true });
    assert.deepEqual(
      layout.bars.map((b) => [b.x, b.height]),
      [
        [310, 50],
        [210, 100],
        [110, 185],
        [10, 0],
      ],
    );
    assert.deepEqual(
      layout.categories.map((c) => c.center),
      [350, 250, 150, 50],
    );
    assert.deepEqual(layout.plot, { x0: 0, x1: 400, y0: 20, y1: 220, axisX: 400 });
  });

  test('grouped bars share their band', () => {
    // Top tick 4: 50 per unit. Bands of 200 (from 40 and 240), groups of 160 starting 20 in, bars of 80.
    const layout = groupedBarLayout(
      [
        [3, 1],
        [2, 4],
      ],
      { frame },
    );
    assert.deepEqual(
      layout.bars.map((b) => [b.category, b.series, b.x, b.y, b.width, b.height]),
      [
        [0, 0, 60, 70, 80, 150],
        [0, 1, 140, 170, 80, 50],
        [1, 0, 260, 120, 80, 100],
        [1, 1, 340, 20, 80, 200],
      ],
    );
    const rtl = groupedBarLayout(
      [
        [3, 1],
        [2, 4],
      ],
      { frame, rtl: true },
    );
    // 440 − x − 80: the first series of the first category is the rightmost bar.
    assert.deepEqual(
      rtl.bars.map((b) => b.x),
      [300, 220, 100, 20],
    );
  });

  test('no categories: an empty chart with an axis', () => {
    const layout = barLayout([], { frame });
    assert.deepEqual(layout.bars, []);
    assert.deepEqual(
      layout.ticks.map((t) => t.value),
      [0, 1],
    );
  });

  test('heights are in proportion to values and bars stay in the plot', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }), fc.boolean(), (values, rtl) => {
        const layout = barLayout(values, { frame, rtl });
        const top = layout.ticks.at(-1)!.value;
        for (const bar of layout.bars) {
          assert.ok(Math.abs(bar.height - (bar.value / top) * 200) <= 0.01);
          assert.ok(bar.x >= layout.plot.x0 - 0.01 && bar.x + bar.width <= layout.plot.x1 + 0.01);
          assert.ok(bar.y >= 20 - 0.01 && Math.abs(bar.y + bar.height - 220) <= 0.01);
        }
      }),
    );
  });
});

describe('histogram layout', () => {
  // Plot from 40 to 340: bins of 100. Top tick 5: 40 per State.
  const hframe: Frame = { ...frame, width: 340 };
  const bins = [
    { from: 0, to: 20, count: 3 },
    { from: 20, to: 40, count: 5 },
    { from: 40, to: 60, count: 0 },
  ];

  test('bins side by side, edges labelled', () => {
    const layout = histogramLayout(bins, { frame: hframe });
    assert.deepEqual(
      layout.bars.map((b) => [b.from, b.x, b.y, b.width, b.height]),
      [
        [0, 40, 100, 100, 120],
        [20, 140, 20, 100, 200],
        [40, 240, 220, 100, 0],
      ],
    );
    assert.deepEqual(layout.edges, [
      { value: 0, x: 40 },
      { value: 20, x: 140 },
      { value: 40, x: 240 },
      { value: 60, x: 340 },
    ]);
  });

  test('mirrored: zero at the right', () => {
    const layout = histogramLayout(bins, { frame: hframe, rtl: true });
    assert.deepEqual(
      layout.bars.map((b) => b.x),
      [200, 100, 0],
    );
    assert.deepEqual(
      layout.edges.map((e) => e.x),
      [300, 200, 100, 0],
    );
  });
});

describe('labels', () => {
  test('widths: half an em for Latin, a whole one for Chinese', () => {
    assert.equal(estimateTextWidth('AB', 10), 11);
    assert.equal(estimateTextWidth('国家', 10), 20);
  });

  test('wrapped at spaces within the width', () => {
    // 6.6 units a character: "Latin American" (14) fits in 100, "Latin American and" (18) does not.
    assert.deepEqual(wrapLabel('Latin American and Caribbean States', 100), ['Latin American', 'and Caribbean', 'States']);
    assert.deepEqual(wrapLabel('Latin American and Caribbean States', 100, 12, 2), ['Latin American', 'and Caribbean…']);
    assert.deepEqual(wrapLabel('OP2', 100), ['OP2']);
  });

  test('wrapped between characters where the script has no spaces', () => {
    // 12 units a character: four fit in 50.
    assert.deepEqual(wrapLabel('拉丁美洲和加勒比国家', 50), ['拉丁美洲', '和加勒比', '国家']);
  });
});
