import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yearlyReminders } from './demo-later.ts';

test('the Chair’s reminder to the States that have not reported: 15 May of each year from 2019, up to the day', () => {
  assert.deepEqual(yearlyReminders('2021-05-14'), ['2019-05-15', '2020-05-15']);
  assert.deepEqual(yearlyReminders('2021-05-15'), ['2019-05-15', '2020-05-15', '2021-05-15']);
  assert.deepEqual(yearlyReminders('2019-01-10'), []);
});
