import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { courses2018, invitedStates2018, visits2018 } from './demo.ts';
import { checkDates, perYear } from './engagement.ts';

describe('engagement: pure rules', () => {
  test('dates: required start, no future, end not before start', () => {
    assert.deepEqual(checkDates('2018-10-17', '2018-10-19', '2018-12-31'), []);
    assert.deepEqual(checkDates('2019-01-01', null, '2018-12-31'), [{ field: 'startsOn', problem: 'is in the future (today is 2018-12-31)' }]);
    assert.deepEqual(
      checkDates('2018-10-17', '2018-10-16', '2018-12-31').map((p) => p.field),
      ['endsOn'],
    );
    assert.deepEqual(
      checkDates('', '18-1-1', '2018-12-31').map((p) => p.field),
      ['startsOn', 'endsOn'],
    );
  });

  test('per year counts every year of the range, zero included', () => {
    assert.deepEqual(perYear([{ starts_on: '2017-03-01' }, { starts_on: '2018-01-01' }, { starts_on: '2018-12-31' }], 2016, 2018), [
      { year: 2016, count: 0 },
      { year: 2017, count: 1 },
      { year: 2018, count: 2 },
    ]);
  });

  test('the seed’s 2018 records: seven visits at invitation or round tables, two courses', () => {
    const invited = visits2018.filter((v) => v.starts_on.startsWith('2018') && (v.kind === 'visit-at-invitation' || v.kind === 'round-table'));
    assert.deepEqual(invited.map((v) => v.state_iso3).sort(), [...invitedStates2018].sort());
    assert.deepEqual(visits2018.find((v) => v.state_iso3 === 'MLI')?.purposes, ['first-report']);
    assert.deepEqual(
      courses2018.map((c) => [c.place, c.starts_on, c.ends_on]),
      [
        ['Addis Ababa', '2018-08-14', '2018-08-17'],
        ['Rostov-on-Don (Russian Federation)', '2018-09-04', '2018-09-07'],
      ],
    );
  });
});
