import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addWorkingDays, addYears, holidaysOf, isWorkingDay, workingDaysBetween } from './calendar.ts';

describe('the UN Headquarters calendar r1540 defines', () => {
  test('the holidays of 2018, computed and listed', () => {
    assert.deepEqual([...holidaysOf(2018)].sort(), [
      '2018-01-01',
      '2018-01-15',
      '2018-03-30',
      '2018-05-28',
      '2018-06-15',
      '2018-07-04',
      '2018-08-21',
      '2018-09-03',
      '2018-11-22',
      '2018-12-25',
    ]);
  });

  test('a holiday on a weekend is observed on the nearest working day', () => {
    assert.ok(holidaysOf(2017).has('2017-01-02'), 'New Year 2017 (a Sunday) observed on Monday');
    assert.ok(holidaysOf(2021).has('2021-12-24'), 'Christmas 2021 (a Saturday) observed on Friday');
    assert.ok(holidaysOf(2021).has('2021-07-05'), 'Independence Day 2021 (a Sunday) observed on Monday');
    assert.ok(holidaysOf(2019).has('2019-04-19'), 'Good Friday 2019 (Easter on 21 April)');
    assert.ok(holidaysOf(2024).has('2024-03-29'), 'Good Friday 2024 (Easter on 31 March)');
  });

  test('working days skip weekends and holidays', () => {
    assert.equal(isWorkingDay('2018-06-14'), true);
    assert.equal(isWorkingDay('2018-06-15'), false, 'Eid al-Fitr');
    assert.equal(isWorkingDay('2018-06-16'), false, 'a Saturday');
    assert.equal(isWorkingDay('2018-06-17'), false, 'a Sunday');
  });

  test('five working days over a weekend and a holiday', () => {
    // Wed 13 June 2018: Thu 14 (1), Fri 15 Eid, Mon 18 (2), Tue 19 (3), Wed 20 (4), Thu 21 (5).
    assert.equal(addWorkingDays('2018-06-13', 5), '2018-06-21');
    // The same a week later, with no holiday: Thu, Fri, Mon, Tue, Wed.
    assert.equal(addWorkingDays('2018-06-20', 5), '2018-06-27');
    // Thanksgiving and a weekend: Wed 21 Nov 2018 + 2 = Fri 23, Mon 26.
    assert.equal(addWorkingDays('2018-11-21', 2), '2018-11-26');
    assert.equal(addWorkingDays('2018-11-21', 0), '2018-11-21');
  });

  test('working days between two dates', () => {
    assert.equal(workingDaysBetween('2018-12-21', '2018-12-28'), 4, 'Christmas Day is not counted');
    assert.equal(workingDaysBetween('2018-12-28', '2018-12-21'), 0);
    assert.equal(workingDaysBetween('2018-06-13', addWorkingDays('2018-06-13', 17)), 17);
  });

  test('a year later', () => {
    assert.equal(addYears('2018-03-15', 1), '2019-03-15');
    assert.equal(addYears('2020-02-29', 1), '2021-02-28');
  });
});
