import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkContactInput,
  type ContactRow,
  inOfficeOn,
  designatedSince,
  projectContacts,
  statesWithContactsAsAt,
  statesWithContactsPerYear,
  unconfirmedContacts,
  yearBefore,
} from './contacts.ts';

let n = 0;
function contact(state: string, designated: string, extra: Partial<ContactRow> = {}): ContactRow {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    state_iso3: state,
    location: 'capital',
    name: `Person ${n}`,
    title: '',
    institution: 'Ministry',
    email: `p${n}@example.org`,
    phone: '+1 555',
    languages: [],
    designated_on: designated,
    ended_on: null,
    last_confirmed_on: null,
    source: 'entered',
    confidentiality: 'committee-and-state',
    archived_at: null,
    row_version: 1,
    created_at: new Date(),
    updated_at: new Date(),
    ...extra,
  };
}

describe('points of contact: pure rules', () => {
  test('in office from the designation up to (not including) the end; archived never', () => {
    const c = contact('MLI', '2010-05-01', { ended_on: '2015-01-01' });
    assert.equal(inOfficeOn(c, '2010-04-30'), false);
    assert.equal(inOfficeOn(c, '2010-05-01'), true);
    assert.equal(inOfficeOn(c, '2014-12-31'), true);
    assert.equal(inOfficeOn(c, '2015-01-01'), false);
    assert.equal(inOfficeOn({ ...c, ended_on: null, archived_at: new Date() }, '2012-01-01'), false);
  });

  test('the projection says only whether and since when (the start of the unbroken run), and keeps no detail', () => {
    const rows = [
      contact('MLI', '2012-03-01', { ended_on: '2016-01-01' }),
      contact('MLI', '2016-01-01'),
      contact('MLI', '2017-06-01', { location: 'new-york-mission' }),
      contact('NER', '2011-01-01'),
    ];
    const p = projectContacts('MLI', rows, '2018-12-31');
    // The contact of 2016 took over the day the one of 2012 left: one run, since 2012.
    assert.deepEqual(p, { stateIso3: 'MLI', designated: true, since: '2012-03-01' });
    assert.deepEqual(Object.keys(p).sort(), ['designated', 'since', 'stateIso3']);
    assert.deepEqual(projectContacts('BFA', rows, '2018-12-31'), { stateIso3: 'BFA', designated: false, since: null });
    assert.deepEqual(projectContacts('MLI', rows, '2011-01-01'), { stateIso3: 'MLI', designated: false, since: null });
    // A day without a contact breaks the run; overlapping designations in two places continue it.
    const broken = [
      contact('TCD', '2009-01-01', { ended_on: '2012-01-01' }),
      contact('TCD', '2012-01-02', { ended_on: '2015-06-01' }),
      contact('TCD', '2014-01-01', { location: 'new-york-mission' }),
    ];
    assert.equal(designatedSince(broken, 'TCD', '2018-12-31'), '2012-01-02');
    assert.equal(designatedSince(broken, 'TCD', '2011-06-01'), '2009-01-01');
    assert.equal(designatedSince(broken, 'TCD', '2012-01-01'), null);
  });

  test('States with a point of contact as at a date and per year', () => {
    const rows = [
      contact('MLI', '2016-02-01'),
      contact('MLI', '2017-02-01', { location: 'new-york-mission' }),
      contact('NER', '2016-05-01', { ended_on: '2017-03-01' }),
      contact('BHR', '2018-03-12'),
    ];
    assert.deepEqual([...statesWithContactsAsAt(rows, '2016-12-31')].sort(), ['MLI', 'NER']);
    assert.deepEqual([...statesWithContactsAsAt(rows, '2017-12-31')].sort(), ['MLI']);
    const members = [
      { iso3: 'MLI', unMemberSince: '1960-09-28' },
      { iso3: 'NER', unMemberSince: '1960-09-20' },
      { iso3: 'BHR', unMemberSince: '1971-09-21' },
    ];
    assert.deepEqual(statesWithContactsPerYear(rows, members, 2015, 2018, '2018-12-31'), [
      { year: 2015, asAt: '2015-12-31', states: 0, newStates: 0 },
      { year: 2016, asAt: '2016-12-31', states: 2, newStates: 2 },
      { year: 2017, asAt: '2017-12-31', states: 1, newStates: 0 },
      { year: 2018, asAt: '2018-12-31', states: 2, newStates: 1 },
    ]);
    // Cut at the date asked: the last year is counted on it, and later years are left out.
    assert.deepEqual(statesWithContactsPerYear(rows, members, 2017, 2019, '2018-03-01'), [
      { year: 2017, asAt: '2017-12-31', states: 1, newStates: 0 },
      { year: 2018, asAt: '2018-03-01', states: 1, newStates: 0 },
    ]);
    // A State counts from its admission to the United Nations.
    const late = [{ ...members[0]!, unMemberSince: '2017-01-01' }, members[1]!, members[2]!];
    assert.deepEqual([...statesWithContactsAsAt(rows, '2016-12-31', late)], ['NER']);
  });

  test('the reminder list: in office, not confirmed for over a year as at the given today', () => {
    assert.equal(yearBefore('2019-06-15'), '2018-06-15');
    assert.equal(yearBefore('2020-02-29'), '2019-02-28');
    const recent = contact('MLI', '2010-01-01', { last_confirmed_on: '2018-07-01' });
    const old = contact('NER', '2010-01-01', { last_confirmed_on: '2017-01-01' });
    const never = contact('BFA', '2016-01-01');
    const ended = contact('TCD', '2010-01-01', { ended_on: '2015-01-01' });
    const exactlyAYear = contact('SEN', '2010-01-01', { last_confirmed_on: '2018-06-15' });
    const due = unconfirmedContacts([recent, old, never, ended, exactlyAYear], '2019-06-15');
    assert.deepEqual(
      due.map((c) => c.state_iso3),
      ['BFA', 'NER'],
    );
    assert.deepEqual(unconfirmedContacts([recent, old], '2017-06-01'), []);
  });

  test('input: the future, bad dates, bad location, no name', () => {
    const ok = { location: 'capital', name: 'A', designatedOn: '2018-01-01' };
    assert.deepEqual(checkContactInput(ok, '2018-06-01'), []);
    const future = checkContactInput({ ...ok, designatedOn: '2018-06-02' }, '2018-06-01');
    assert.deepEqual(future, [{ field: 'designatedOn', problem: 'is in the future (today is 2018-06-01)' }]);
    const bad = checkContactInput(
      { location: 'moon', name: ' ', designatedOn: '2018-02-30', email: 'nope', lastConfirmedOn: '2019-01-01' },
      '2018-06-01',
    );
    assert.deepEqual(
      bad.map((p) => p.field),
      ['location', 'name', 'email', 'designatedOn', 'lastConfirmedOn'],
    );
    assert.deepEqual(
      checkContactInput({ ...ok, endedOn: '2017-01-01' }, '2018-06-01').map((p) => `${p.field} ${p.problem}`),
      ['endedOn is before the designation'],
    );
  });
});
