import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unSpacing } from './generate.ts';
import { unDate, unDateRange, unDays } from './un-dates.ts';

test('a day as the UN writes it: day first in English, the seed’s spacing in Chinese running text, none under the symbol', () => {
  assert.equal(unDate('en', '2018-12-22'), '22 December 2018');
  assert.equal(unDate('fr', '2018-12-22'), '22 décembre 2018');
  assert.equal(unDate('es', '2018-02-01'), '1 de febrero de 2018');
  assert.equal(unDate('zh', '2018-12-22'), '2018 年 12 月 22 日');
  assert.equal(unDate('zh', '2018-02-01'), '2018 年 2 月 1 日');
  assert.equal(unDate('zh', '2018-12-28', 'heading'), '2018年12月28日');
});

test('days of a year: a range in one month or across two; Chinese "至", spaced in text and not in the annex’s table', () => {
  assert.equal(unDays('zh', '2018-08-14', '2018-08-17'), '8 月 14 日至 17 日');
  assert.equal(unDays('zh', '2018-02-27', '2018-03-01'), '2 月 27 日至 3 月 1 日');
  assert.equal(unDays('zh', '2018-10-17', '2018-10-17'), '10 月 17 日');
  assert.equal(unDays('zh', '2018-01-22', '2018-01-23', 'table'), '1月22日至23日');
  assert.equal(unDays('zh', '2018-02-27', '2018-03-01', 'table'), '2月27日至3月1日');
  assert.match(unDays('en', '2018-01-22', '2018-01-23'), /^22\s?–\s?23 January$/);
  assert.equal(unDays('fr', '2018-01-22', '2018-01-23', 'table'), '22–23 janvier');
  assert.match(unDateRange('en', '2018-08-14', '2018-08-17'), /^14\s?–\s?17 August 2018$/);
  assert.equal(unDateRange('zh', '2018-08-14', '2018-08-17'), '8 月 14 日至 17 日');
  assert.doesNotMatch(unDateRange('zh', '2018-08-14', '2018-08-17'), /\//);
});

test('Chinese running text: a space between Chinese characters and digits, as the seed sets it; other languages as written', () => {
  assert.equal(unSpacing('zh', '共有182个国家和9月在第1267(1999)号'), '共有 182 个国家和 9 月在第 1267(1999)号');
  assert.equal(unSpacing('zh', '截至 2018 年 12 月 22 日'), '截至 2018 年 12 月 22 日');
  assert.equal(unSpacing('en', 'In 2018x'), 'In 2018x');
});
