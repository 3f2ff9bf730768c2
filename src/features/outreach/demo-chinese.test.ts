import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annexChinese } from './demo-chinese.ts';
import { annex } from './demo-data.ts';

test('every demonstration event has its Chinese title and place, row for row, with the seed’s dates in order', () => {
  assert.deepEqual(Object.keys(annexChinese), Object.keys(annex));
  for (const [group, rows] of Object.entries(annex)) {
    const zh = annexChinese[group]!;
    assert.equal(zh.length, rows.length, group);
    for (const [title, city] of zh) {
      assert.match(title, /\p{Script=Han}/u, `${group}: ${title}`);
      assert.match(city, /\p{Script=Han}/u, `${group}: ${city}`);
    }
  }
  // Spot checks against the seed's annex.
  assert.deepEqual(annexChinese['visit-at-invitation']![3], ['支持马里起草初次国家报告的讲习班', '巴马科']);
  assert.equal(annex['visit-at-invitation']![3]![0], '2018-10-17');
});
