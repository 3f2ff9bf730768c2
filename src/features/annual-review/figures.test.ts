import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  additionalInformationFigures,
  changedFigures,
  contactFigures,
  courseFigures,
  type Facts,
  type Figure,
  planFigures,
  reportFigures,
  requestFigures,
  visitFigures,
} from './figures.ts';

const p = { year: 2018, cutOff: '2018-12-22' };
const byKey = (figs: Figure[]) => Object.fromEntries(figs.map((f) => [f.key, f]));

// Four States: AAA and BBB reported before 2018; CCC reported in 2018; DDD was admitted in 2018 and never reported;
// EEE reported on 23 December 2018, after the cut-off.
const members: Facts['members'] = [
  { iso3: 'AAA', unMemberSince: '1945-10-24' },
  { iso3: 'BBB', unMemberSince: '1945-10-24' },
  { iso3: 'CCC', unMemberSince: '1960-01-01' },
  { iso3: 'DDD', unMemberSince: '2018-06-01' },
  { iso3: 'EEE', unMemberSince: '1970-01-01' },
  { iso3: 'ZZZ', unMemberSince: '1970-01-01', archived: true },
];
const reports: Facts['reports'] = [
  { id: 'r1', stateIso3: 'AAA', kind: 'first-report', receivedOn: '2005-01-01' },
  { id: 'r2', stateIso3: 'BBB', kind: 'first-report', receivedOn: '2017-12-31' },
  { id: 'r3', stateIso3: 'CCC', kind: 'first-report', receivedOn: '2018-01-01' },
  { id: 'r4', stateIso3: 'EEE', kind: 'first-report', receivedOn: '2018-12-23' },
  { id: 'r5', stateIso3: 'AAA', kind: 'additional-information', receivedOn: '2018-03-01' },
  { id: 'r6', stateIso3: 'AAA', kind: 'additional-information', receivedOn: '2018-04-01' },
  { id: 'r7', stateIso3: 'BBB', kind: 'additional-information', receivedOn: '2017-04-01' },
];

test('reports: first reports in the year to the cut-off, reporting and non-reporting States at the start and at the cut-off', () => {
  const f = byKey(reportFigures({ members, reports }, p));
  assert.deepEqual(f.firstReports?.value, ['CCC']);
  assert.deepEqual(f.firstReports?.records, [{ type: 'national-report', id: 'r3' }]);
  // Members at the cut-off: AAA BBB CCC DDD EEE (ZZZ archived); at 31 Dec 2017: AAA BBB CCC EEE.
  assert.equal(f.memberStates?.value, 5);
  assert.equal(f.reportingStates?.value, 3);
  // Start: CCC and EEE had not reported (BBB's came on 31 December 2017, in time).
  assert.equal(f.nonReportingStart?.value, 2);
  // End: DDD (admitted in 2018) and EEE (after the cut-off).
  assert.equal(f.nonReportingEnd?.value, 2);
  assert.deepEqual(f.nonReportingStates?.value, ['DDD', 'EEE']);
});

test('additional information: each State once, only the year to the cut-off', () => {
  const f = byKey(additionalInformationFigures({ reports }, p));
  assert.deepEqual(f.additionalInformation?.value, ['AAA']);
  assert.equal(f.additionalInformation?.records.length, 2);
});

test('plans: received (submitted or published) in the year with their number, and all since 2007 to the cut-off', () => {
  const plans: Facts['plans'] = [
    { id: 'p1', stateIso3: 'SRB', number: 1, status: 'published', submittedOn: '2014-05-01' },
    { id: 'p2', stateIso3: 'SRB', number: 2, status: 'submitted', submittedOn: '2018-07-01' },
    { id: 'p3', stateIso3: 'URY', number: 1, status: 'published', submittedOn: '2018-02-01' },
    { id: 'p4', stateIso3: 'GUY', number: 1, status: 'drafting-with-experts', submittedOn: null },
    { id: 'p5', stateIso3: 'USA', number: 1, status: 'submitted', submittedOn: '2006-12-31' },
    { id: 'p6', stateIso3: 'TKM', number: 1, status: 'submitted', submittedOn: '2018-12-30' },
  ];
  const f = byKey(planFigures({ plans }, p));
  assert.deepEqual(f.plansInYear?.value, [
    { state: 'SRB', number: 2 },
    { state: 'URY', number: 1 },
  ]);
  // p1, p2, p3: p5 before 2007, p6 after the cut-off, p4 not received.
  assert.equal(f.plansSince?.value, 3);
});

test('visits: visits at invitation and national round tables begun in the year to the cut-off, each State once', () => {
  const visits: Facts['visits'] = [
    { id: 'v1', stateIso3: 'MLI', kind: 'visit-at-invitation', startsOn: '2018-03-01' },
    { id: 'v2', stateIso3: 'MLI', kind: 'visit-at-invitation', startsOn: '2018-09-01' },
    { id: 'v3', stateIso3: 'ARM', kind: 'joint-visit', startsOn: '2018-05-01' },
    { id: 'v4', stateIso3: 'PER', kind: 'visit-at-invitation', startsOn: '2017-11-01' },
    { id: 'v5', stateIso3: 'BHR', kind: 'round-table', startsOn: '2018-10-01' },
    { id: 'v6', stateIso3: 'CHL', kind: 'peer-review', startsOn: '2018-06-07' },
    { id: 'v7', stateIso3: 'ZMB', kind: 'visit-at-invitation', startsOn: '2018-12-23' },
  ];
  const f = byKey(visitFigures({ visits }, p));
  assert.deepEqual(f.visitedStates?.value, ['BHR', 'MLI']);
  assert.equal(f.visitedStates?.records.length, 3);
});

test('points of contact: States with one in office at the cut-off, and those with none on 31 December before', () => {
  const contacts: Facts['contacts'] = [
    { id: 'c1', stateIso3: 'AAA', designatedOn: '2010-01-01', endedOn: null },
    { id: 'c2', stateIso3: 'AAA', designatedOn: '2018-05-01', endedOn: null },
    { id: 'c3', stateIso3: 'BBB', designatedOn: '2018-02-01', endedOn: null },
    { id: 'c4', stateIso3: 'CCC', designatedOn: '2012-01-01', endedOn: '2018-06-01' },
    { id: 'c5', stateIso3: 'EEE', designatedOn: '2018-12-23', endedOn: null },
  ];
  const f = byKey(contactFigures({ contacts, members }, p));
  // AAA (two contacts, counted once) and BBB; CCC's ended, EEE's came after the cut-off.
  assert.equal(f.contactStates?.value, 2);
  assert.deepEqual(f.newContactStates?.value, ['BBB']);
});

test('courses: those begun in the year to the cut-off, in date order', () => {
  const courses: Facts['courses'] = [
    { id: 'k2', place: 'Rostov-on-Don', startsOn: '2018-09-04', endsOn: '2018-09-07' },
    { id: 'k1', place: 'Addis Ababa', startsOn: '2018-08-14', endsOn: '2018-08-17' },
    { id: 'k0', place: 'Lomé', startsOn: '2017-08-14', endsOn: '2017-08-17' },
  ];
  const f = byKey(courseFigures({ courses }, p));
  assert.deepEqual(f.courses?.value, [
    { place: 'Addis Ababa', from: '2018-08-14', to: '2018-08-17' },
    { place: 'Rostov-on-Don', from: '2018-09-04', to: '2018-09-07' },
  ]);
});

test('courses: the place in the languages of the course’s event, where it has one', () => {
  const courses: Facts['courses'] = [{ id: 'k1', place: 'Addis Ababa', startsOn: '2018-08-14', endsOn: '2018-08-17' }];
  const event = (links: string[], translations: Record<string, { title: string; city: string }>) =>
    ({ links, translations }) as unknown as Facts['events'][number];
  const events = [
    event(['course:k9'], { fr: { title: 'x', city: 'Ailleurs' } }),
    event(['visit:v1', 'course:k1'], { zh: { title: '培训班', city: '亚的斯亚贝巴' }, fr: { title: 'Cours', city: '' } }),
  ];
  assert.deepEqual(byKey(courseFigures({ courses, events }, p)).courses?.value, [
    { place: 'Addis Ababa', places: { zh: '亚的斯亚贝巴' }, from: '2018-08-14', to: '2018-08-17' },
  ]);
});

test('requests: the year to the cut-off against the whole year before', () => {
  const requests: Facts['requests'] = [
    { id: 'q1', stateIso3: 'MLI', receivedOn: '2018-06-04' },
    { id: 'q2', stateIso3: 'BHR', receivedOn: '2018-03-05' },
    { id: 'q3', stateIso3: 'MLI', receivedOn: '2018-12-24' },
    { id: 'q4', stateIso3: 'TJK', receivedOn: '2017-12-31' },
    { id: 'q5', stateIso3: 'TGO', receivedOn: '2016-12-31' },
  ];
  const f = byKey(requestFigures({ requests }, p));
  assert.equal(f.requests?.value, 2);
  assert.deepEqual(f.requestStates?.value, ['BHR', 'MLI']);
  assert.equal(f.requestsYearBefore?.value, 1);
});

test('changed figures: by value, a figure new or gone counts', () => {
  assert.deepEqual(changedFigures({ a: 1, b: ['X'], c: 3 }, { a: 1, b: ['X', 'Y'], d: 4 }, ['a', 'b', 'c', 'd']), ['b', 'c', 'd']);
});
