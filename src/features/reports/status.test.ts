import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  additionalInformationIn,
  nonReportingInYear,
  type PlanFact,
  plansInDrafting,
  plansPerYear,
  plansSince,
  type ReportFact,
  reportingStatus,
} from './status.ts';

const states = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const reports: ReportFact[] = [
  { stateIso3: 'AAA', kind: 'first-report', receivedOn: '2004-10-28' },
  { stateIso3: 'BBB', kind: 'first-report', receivedOn: '2017-12-31' },
  { stateIso3: 'CCC', kind: 'first-report', receivedOn: '2018-01-01' },
  // An archived (mistaken) first report does not count; the correction later does.
  { stateIso3: 'DDD', kind: 'first-report', receivedOn: '2016-05-05', archived: true },
  { stateIso3: 'DDD', kind: 'first-report', receivedOn: '2019-02-01' },
  { stateIso3: 'AAA', kind: 'additional-information', receivedOn: '2018-03-01' },
  { stateIso3: 'AAA', kind: 'additional-information', receivedOn: '2018-09-01' },
  { stateIso3: 'BBB', kind: 'additional-information', receivedOn: '2019-01-01' },
  { stateIso3: 'CCC', kind: 'additional-information', receivedOn: '2018-06-30', archived: true },
];

test('reporting status as at a date counts first reports received on or before it', () => {
  assert.deepEqual(reportingStatus(states, reports, '2017-12-30'), {
    asOf: '2017-12-30',
    reporting: ['AAA'],
    nonReporting: ['BBB', 'CCC', 'DDD', 'EEE'],
  });
  assert.deepEqual(reportingStatus(states, reports, '2017-12-31').reporting, ['AAA', 'BBB']);
  assert.deepEqual(reportingStatus(states, reports, '2019-02-01').nonReporting, ['EEE']);
});

test('the non-reporting States at the start and at the end of a year', () => {
  assert.deepEqual(nonReportingInYear(states, reports, 2018), {
    start: ['CCC', 'DDD', 'EEE'],
    end: ['DDD', 'EEE'],
    firstReports: ['CCC'],
  });
  assert.deepEqual(
    nonReportingInYear(states, reports, 2016).end,
    ['BBB', 'CCC', 'DDD', 'EEE'],
    'the archived report of DDD is not counted',
  );
});

test('additional information in a period: each State once, bounds included, archived left out', () => {
  assert.deepEqual(additionalInformationIn(reports, '2018-01-01', '2018-12-31'), ['AAA']);
  assert.deepEqual(additionalInformationIn(reports, '2018-09-01', '2019-01-01'), ['AAA', 'BBB']);
  assert.deepEqual(additionalInformationIn(reports, '2019-01-02', '2019-12-31'), []);
});

const plans: PlanFact[] = [
  { stateIso3: 'AAA', number: 1, status: 'published', submittedOn: '2007-06-01' },
  { stateIso3: 'AAA', number: 2, status: 'submitted', submittedOn: '2018-02-01' },
  { stateIso3: 'BBB', number: 1, status: 'submitted', submittedOn: '2018-12-31' },
  { stateIso3: 'CCC', number: 1, status: 'drafting-with-experts', submittedOn: null },
  { stateIso3: 'DDD', number: 1, status: 'submitted', submittedOn: '2006-12-31' },
  { stateIso3: 'EEE', number: 1, status: 'submitted', submittedOn: '2018-05-05', archived: true },
];

test('plans per year and since a year count received plans only', () => {
  assert.deepEqual(plansPerYear(plans, 2006, '2008-12-31'), [
    { year: 2006, plans: 1 },
    { year: 2007, plans: 1 },
    { year: 2008, plans: 0 },
  ]);
  assert.deepEqual(plansPerYear(plans, 2018, '2018-12-31'), [{ year: 2018, plans: 2 }]);
  // Cut at the date: the years add up to the plans received since the first year.
  assert.deepEqual(plansPerYear(plans, 2018, '2018-12-30'), [{ year: 2018, plans: 1 }]);
  assert.equal(plansSince(plans, 2007, '2018-12-31'), 3);
  assert.equal(plansSince(plans, 2007, '2018-12-30'), 2);
  assert.deepEqual(
    plansInDrafting(plans).map((p) => p.stateIso3),
    ['CCC'],
  );
});
