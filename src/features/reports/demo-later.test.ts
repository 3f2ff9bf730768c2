import assert from 'node:assert/strict';
import { test } from 'node:test';
import { laterPlans, laterReports } from './demo-later.ts';

test('additional information three times a year from 2019, up to the day', () => {
  assert.deepEqual(laterReports('2019-07-01'), [
    { stateIso3: 'ARM', receivedOn: '2019-02-20' },
    { stateIso3: 'BRA', receivedOn: '2019-06-18' },
  ]);
  const all = laterReports('2026-12-06');
  assert.equal(all.length, 8 * 3);
  assert.ok(all.every((r) => r.receivedOn > '2018-12-31' && r.receivedOn <= '2026-12-06'));
  assert.deepEqual(laterReports('2018-12-31'), []);
});

test('a plan a year, drafting with the experts from 20 January, submitted on 14 May', () => {
  assert.deepEqual(laterPlans('2020-03-01'), [
    { stateIso3: 'MNG', number: 1, status: 'submitted', startedOn: '2019-01-20', submittedOn: '2019-05-14' },
    { stateIso3: 'PHL', number: 1, status: 'drafting-with-experts', startedOn: '2020-01-20', submittedOn: null },
  ]);
  assert.equal(laterPlans('2026-12-06').length, 8);
  assert.deepEqual(laterPlans('2019-01-19'), []);
  // After ten years the States come round again with their second plans.
  assert.deepEqual(laterPlans('2029-06-01').at(-1), {
    stateIso3: 'MNG',
    number: 2,
    status: 'submitted',
    startedOn: '2029-01-20',
    submittedOn: '2029-05-14',
  });
});
