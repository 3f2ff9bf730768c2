import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CountedMeeting, itemProgress, meetingFigures, periodsOverlap, workingGroupFigures } from './figures.ts';

const m = (heldOn: string, kind: CountedMeeting['kind'], workingGroupId: string | null = null, archived = false): CountedMeeting => ({
  heldOn,
  kind,
  workingGroupId,
  archived,
});

// A year as ¶4, ¶5 and ¶7 of the 2018 review tell it, and a few meetings that must not count.
const year2018 = [
  m('2018-02-20', 'formal'),
  m('2018-05-02', 'formal'),
  m('2018-08-28', 'formal'),
  m('2018-12-11', 'formal'),
  m('2018-03-14', 'informal'),
  m('2018-09-19', 'informal'),
  m('2018-05-16', 'briefing'),
  m('2018-06-07', 'briefing'),
  m('2018-11-27', 'briefing'),
  m('2018-10-03', 'council-briefing'),
  ...['2018-03-01', '2018-06-20', '2018-10-24'].map((d) => m(d, 'working-group', 'monitoring')),
  ...['2018-03-22', '2018-07-10', '2018-11-08'].map((d) => m(d, 'working-group', 'assistance')),
  m('2018-09-12', 'working-group', 'cooperation'),
  m('2018-10-17', 'working-group', 'transparency'),
  m('2017-12-31', 'formal'),
  m('2019-01-01', 'informal'),
  m('2018-07-01', 'formal', null, true),
];

describe('meeting figures', () => {
  it('counts the 2018 meetings by kind: 4 formal, 2 informal (¶4), 3 briefings, 1 to the Council (¶7)', () => {
    assert.deepEqual(meetingFigures(year2018, 2018), {
      year: 2018,
      formal: 4,
      informal: 2,
      briefings: 3,
      councilBriefings: 1,
      workingGroupMeetings: 8,
    });
  });

  it('counts as at a date: only the meetings held by then', () => {
    const f = meetingFigures(year2018, 2018, '2018-06-30');
    assert.equal(f.formal, 2);
    assert.equal(f.informal, 1);
    assert.equal(f.briefings, 2);
    assert.equal(f.councilBriefings, 0);
  });

  it('counts another year apart, and nothing in a year without meetings', () => {
    assert.equal(meetingFigures(year2018, 2017).formal, 1);
    assert.equal(meetingFigures(year2018, 2019).informal, 1);
    assert.deepEqual(meetingFigures([], 2018), {
      year: 2018,
      formal: 0,
      informal: 0,
      briefings: 0,
      councilBriefings: 0,
      workingGroupMeetings: 0,
    });
  });

  it('counts each working group’s meetings (¶5: 3, 3, 1, 1), a group that did not meet as 0', () => {
    assert.deepEqual(workingGroupFigures(year2018, ['monitoring', 'assistance', 'cooperation', 'transparency', 'dormant'], 2018), [
      { workingGroupId: 'monitoring', meetings: 3 },
      { workingGroupId: 'assistance', meetings: 3 },
      { workingGroupId: 'cooperation', meetings: 1 },
      { workingGroupId: 'transparency', meetings: 1 },
      { workingGroupId: 'dormant', meetings: 0 },
    ]);
    assert.deepEqual(workingGroupFigures(year2018, ['assistance'], 2018, '2018-07-10'), [{ workingGroupId: 'assistance', meetings: 2 }]);
  });
});

describe('periods', () => {
  const p = (startedOn: string, endedOn: string | null) => ({ startedOn, endedOn });
  it('overlap when they share a day, an open end running on', () => {
    assert.equal(periodsOverlap(p('2018-01-01', '2018-12-31'), p('2018-12-31', null)), true);
    assert.equal(periodsOverlap(p('2018-01-01', '2018-12-30'), p('2018-12-31', null)), false);
    assert.equal(periodsOverlap(p('2019-01-01', null), p('2018-01-01', null)), true);
    assert.equal(periodsOverlap(p('2018-03-01', '2018-03-31'), p('2018-01-01', '2018-02-28')), false);
    assert.equal(periodsOverlap(p('2018-01-01', '2018-12-31'), p('2018-06-01', '2018-06-02')), true);
  });
});

describe('item progress', () => {
  it('counts the records by kind and keeps the last date', () => {
    assert.deepEqual(
      itemProgress([
        { recordType: 'meeting', recordId: 'a', dated: '2018-05-16' },
        { recordType: 'meeting', recordId: 'b', dated: '2018-11-27' },
        { recordType: 'visit', recordId: 'c', dated: null },
      ]),
      { total: 3, byType: { meeting: 2, visit: 1 }, lastDate: '2018-11-27' },
    );
    assert.deepEqual(itemProgress([]), { total: 0, byType: {}, lastDate: null });
  });
});
