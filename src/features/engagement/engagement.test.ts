import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { courses2018, invitedStates2018, visits2018 } from './demo.ts';
import { checkCourseInput, checkVisitInput } from './inputs.ts';
import { checkDates, perYear } from './engagement.ts';

describe('engagement: pure rules', () => {
  test('dates: required start, no future, end not before start', () => {
    assert.deepEqual(checkDates('2018-10-17', '2018-10-19', '2018-12-31'), []);
    assert.deepEqual(checkDates('2019-01-01', null, '2018-12-31'), [
      { field: 'startsOn', problem: 'is in the future (today is 2018-12-31): record what has not taken place yet as planned' },
    ]);
    // Planned: the future is fine, the order of the dates still matters.
    assert.deepEqual(checkDates('2019-01-01', '2019-01-03', '2018-12-31', true), []);
    assert.deepEqual(
      checkDates('2019-01-03', '2019-01-01', '2018-12-31', true).map((p) => p.field),
      ['endsOn'],
    );
    assert.deepEqual(
      checkDates('2018-10-17', '2018-10-16', '2018-12-31').map((p) => p.field),
      ['endsOn'],
    );
    assert.deepEqual(
      checkDates('', '18-1-1', '2018-12-31').map((p) => p.field),
      ['startsOn', 'endsOn'],
    );
  });

  test('per year counts every year of the range, zero included; planned ones do not count', () => {
    assert.deepEqual(
      perYear(
        [
          { starts_on: '2017-03-01' },
          { starts_on: '2018-01-01' },
          { starts_on: '2018-12-31', status: 'held' },
          { starts_on: '2018-06-01', status: 'planned' },
        ],
        2016,
        2018,
      ),
      [
        { year: 2016, count: 0 },
        { year: 2017, count: 1 },
        { year: 2018, count: 2 },
      ],
    );
  });

  test('a visit’s input: every problem names its field', () => {
    const ok = { stateIso3: 'MLI', kind: 'visit-at-invitation', startsOn: '2018-10-17', endsOn: '2018-10-19', purposes: ['first-report'] };
    assert.deepEqual(checkVisitInput(ok, '2018-12-31'), []);
    assert.deepEqual(checkVisitInput({ ...ok, status: 'planned', startsOn: '2019-03-01', endsOn: '2019-03-02' }, '2018-12-31'), []);
    assert.deepEqual(
      checkVisitInput(
        {
          stateIso3: '',
          kind: 'picnic',
          status: 'maybe',
          startsOn: '2019-03-01',
          endsOn: '2019-02-01',
          purposes: ['tourism'],
          place: 'x'.repeat(201),
          confidentiality: 'secret',
        },
        '2018-12-31',
      ).map((p) => p.field),
      // Not planned: both dates lie in the future, and the end is before the start.
      ['stateIso3', 'kind', 'status', 'startsOn', 'endsOn', 'endsOn', 'purposes', 'place', 'confidentiality'],
    );
  });

  test('a course’s input: title and place required; a planned course may lie ahead', () => {
    const ok = { title: 'Course', startsOn: '2018-08-14', endsOn: '2018-08-17', place: 'Addis Ababa' };
    assert.deepEqual(checkCourseInput(ok, '2018-12-31'), []);
    assert.deepEqual(checkCourseInput({ ...ok, endsOn: null }, '2018-12-31'), []);
    assert.deepEqual(
      checkCourseInput({ title: ' ', startsOn: '2019-01-10', endsOn: '2019-01-09', place: '' }, '2018-12-31').map((p) => p.field),
      ['title', 'startsOn', 'endsOn', 'endsOn', 'place'],
    );
    assert.deepEqual(checkCourseInput({ ...ok, status: 'planned', startsOn: '2019-01-10', endsOn: '2019-01-12' }, '2018-12-31'), []);
  });

  test('the seed’s 2018 records: seven visits at invitation or round tables, two courses', () => {
    const invited = visits2018.filter(
      (v) => v.starts_on.startsWith('2018') && (v.kind === 'visit-at-invitation' || v.kind === 'round-table'),
    );
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
