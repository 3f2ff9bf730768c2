import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from './i18n.ts';

test('a range of days says its month and year once, in each language; Chinese as the UN writes it, not 2018/10/17 – 2018/10/19', () => {
  const squash = (s: string) => s.replace(/\s/g, ' ');
  assert.equal(messages('zh').dateRange('2018-10-17', '2018-10-19'), '2018年10月17日至19日');
  assert.equal(messages('zh').dateRange('2018-02-27', '2018-03-01'), '2018年2月27日至3月1日');
  assert.equal(messages('zh').dateRange('2018-12-30', '2019-01-02'), '2018年12月30日至2019年1月2日');
  assert.equal(messages('zh').dateRange('2018-10-17', '2018-10-17'), '2018年10月17日');
  assert.equal(squash(messages('en').dateRange('2018-10-17', '2018-10-19')), 'October 17 – 19, 2018');
  assert.equal(squash(messages('fr').dateRange('2018-10-17', '2018-10-19')), '17–19 octobre 2018');
  assert.equal(squash(messages('en').dateRange('2018-10-17', '2018-10-19', 'medium')), 'Oct 17 – 19, 2018');
  assert.doesNotMatch(messages('zh').dateRange('2018-10-17', '2018-10-19', 'medium'), /\//);
});
