import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AppointmentFact,
  chairAt,
  donorsWithGrantsUsedIn,
  holdersAt,
  newContributionsIn,
  newExpertsIn,
  overlapping,
  overlaps,
} from './figures.ts';

const a = (id: string, role: AppointmentFact['role'], startsOn: string, endsOn: string | null, personName = id): AppointmentFact => ({
  id,
  role,
  personName,
  stateIso3: 'FRA',
  startsOn,
  endsOn,
});

describe('administration figures', () => {
  test('periods overlap when they share a day, ends included; an open end runs on', () => {
    assert.equal(overlaps({ startsOn: '2018-01-01', endsOn: '2018-12-31' }, { startsOn: '2018-12-31', endsOn: '2019-12-31' }), true);
    assert.equal(overlaps({ startsOn: '2018-01-01', endsOn: '2018-12-30' }, { startsOn: '2018-12-31', endsOn: null }), false);
    assert.equal(overlaps({ startsOn: '2017-01-01', endsOn: null }, { startsOn: '2030-05-01', endsOn: '2030-05-02' }), true);
    const chairs = [a('c1', 'chair', '2017-01-01', '2018-12-31'), a('c2', 'chair', '2019-01-01', null)];
    assert.deepEqual(
      overlapping(chairs, { startsOn: '2018-06-01', endsOn: '2019-02-01' }).map((c) => c.id),
      ['c1', 'c2'],
    );
    // A change of a period is not compared with itself.
    assert.deepEqual(overlapping(chairs, { startsOn: '2016-06-01', endsOn: '2018-12-31' }, 'c1'), []);
  });

  test('new experts in a year: those whose appointment starts in it, not the coordinator', () => {
    const list = [
      a('e1', 'expert', '2016-03-01', '2018-06-30'),
      a('e2', 'expert', '2018-02-01', null, 'Zhang'),
      a('e3', 'expert', '2018-02-01', null, 'Brewer'),
      a('e4', 'expert', '2018-12-31', null),
      a('k', 'coordinator', '2018-05-01', null),
      a('e5', 'expert', '2019-01-01', null),
    ];
    assert.deepEqual(
      newExpertsIn(list, 2018).map((e) => e.id),
      ['e3', 'e2', 'e4'],
    );
    assert.equal(newExpertsIn(list, 2017).length, 0);
    // In office on 30 June 2018: e1 (its last day), e2, e3; not e4 (from December).
    assert.deepEqual(
      holdersAt(list, 'expert', '2018-06-30').map((e) => e.id),
      ['e1', 'e2', 'e3'],
    );
  });

  test('the Chair at a date', () => {
    const list = [
      a('c1', 'chair', '2017-01-01', '2018-12-31'),
      a('v', 'vice-chair', '2018-01-01', '2018-12-31'),
      a('c2', 'chair', '2019-01-02', null),
    ];
    assert.equal(chairAt(list, '2018-12-31')?.id, 'c1');
    assert.equal(chairAt(list, '2019-01-01'), null);
    assert.equal(chairAt(list, '2025-07-01')?.id, 'c2');
    assert.equal(chairAt(list, '2016-12-31'), null);
  });

  test('donors whose grants were used in a year, and new contributions', () => {
    const donors = [
      { id: 'd1', code: 'SWE' },
      { id: 'd2', code: 'DEU' },
      { id: 'd3', code: 'KAZ' },
      { id: 'd4', code: 'EU' },
    ];
    const contributions = [
      { id: 'k1', donorId: 'd1', year: 2016 },
      { id: 'k2', donorId: 'd2', year: 2017 },
      { id: 'k3', donorId: 'd3', year: 2018 },
      { id: 'k4', donorId: 'd2', year: 2018 },
      { id: 'k5', donorId: 'd4', year: 2015 },
    ];
    const grants = [
      { id: 'g1', contributionId: 'k1', usedInYear: 2018 },
      { id: 'g2', contributionId: 'k2', usedInYear: 2018 },
      { id: 'g3', contributionId: 'k4', usedInYear: 2018 },
      { id: 'g4', contributionId: 'k5', usedInYear: 2017 },
    ];
    // Germany's two grants count it once; the EU's grant was used in 2017; Kazakhstan's contribution funded none yet.
    assert.deepEqual(
      donorsWithGrantsUsedIn(donors, contributions, grants, 2018).map((d) => d.code),
      ['DEU', 'SWE'],
    );
    assert.deepEqual(
      donorsWithGrantsUsedIn(donors, contributions, grants, 2017).map((d) => d.code),
      ['EU'],
    );
    assert.deepEqual(
      newContributionsIn(donors, contributions, 2018).map((d) => d.code),
      ['DEU', 'KAZ'],
    );
    assert.deepEqual(newContributionsIn(donors, contributions, 2019), []);
  });
});
