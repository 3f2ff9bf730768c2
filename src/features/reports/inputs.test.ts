import { isIsoDate } from '../../platform/values/dates.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkPlanInput, checkReportInput, resolutionAdopted, tidyList } from './inputs.ts';

const today = '2020-06-30';
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

test('a report: each problem names its field', () => {
  assert.deepEqual(checkReportInput({ stateIso3: 'MLI', kind: 'first-report', receivedOn: '2018-05-01' }, today), []);
  const cases: [Partial<Parameters<typeof checkReportInput>[0]>, string, RegExp][] = [
    [{ kind: 'third-report' }, 'kind', /must be one of/],
    [{ receivedOn: '' }, 'receivedOn', /required/],
    [{ receivedOn: '2018-02-30' }, 'receivedOn', /must be a date/],
    [{ receivedOn: '2020-07-01' }, 'receivedOn', /in the future/],
    [{ receivedOn: '2004-04-27' }, 'receivedOn', /before resolution 1540/],
    [{ symbol: 'S'.repeat(101) }, 'symbol', /at most 100/],
    [{ summary: 'x'.repeat(4001) }, 'summary', /at most 4000/],
    [{ languages: ['en', 'de'] }, 'languages', /has de/],
    [{ paragraphs: ['OP1', 'OP9'] }, 'paragraphs', /has OP9: must be among OP1, OP2/],
    [{ weaponTypes: ['nuclear', 'radiological'] }, 'weaponTypes', /has radiological/],
    [{ confidentiality: 'secret' }, 'confidentiality', /must be one of public/],
  ];
  for (const [change, field, problem] of cases) {
    const problems = checkReportInput({ stateIso3: 'MLI', kind: 'first-report', receivedOn: '2018-05-01', ...change }, today);
    assert.deepEqual(fields(problems), [field], JSON.stringify(change));
    assert.match(problems[0]!.problem, problem);
  }
  assert.deepEqual(checkReportInput({ stateIso3: 'MLI', kind: 'first-report', receivedOn: resolutionAdopted }, today), []);
  assert.deepEqual(checkReportInput({ stateIso3: 'MLI', kind: 'first-report', receivedOn: today }, today), [], 'today is not the future');
});

test('a plan: its dates follow its status and each other', () => {
  const ok = { stateIso3: 'SRB', number: 2, status: 'submitted', startedOn: '2017-01-01', submittedOn: '2018-06-12' };
  assert.deepEqual(checkPlanInput(ok, today), []);
  const cases: [Record<string, unknown>, string[]][] = [
    [{ number: 0 }, ['number']],
    [{ number: 1.5 }, ['number']],
    [{ status: 'abandoned' }, ['status']],
    [{ submittedOn: null }, ['submittedOn']],
    [{ status: 'published' }, ['publishedOn']],
    [{ status: 'published', publishedOn: '2018-06-01' }, ['publishedOn']],
    [{ publishedOn: '2018-07-01' }, ['publishedOn']],
    [{ status: 'drafting' }, ['submittedOn']],
    [{ status: 'drafting-with-experts', submittedOn: null, publishedOn: '2018-01-01' }, ['publishedOn']],
    [{ startedOn: '2018-07-01' }, ['submittedOn']],
    [{ startedOn: '2003-01-01' }, ['startedOn']],
    [{ submittedOn: '2021-01-01' }, ['submittedOn']],
  ];
  for (const [change, expected] of cases)
    assert.deepEqual(fields(checkPlanInput({ ...ok, ...change } as typeof ok, today)), expected, JSON.stringify(change));
  assert.deepEqual(checkPlanInput({ stateIso3: 'GUY', number: 1, status: 'drafting-with-experts', startedOn: '2018-05-01' }, today), []);
});

test('dates: only real days of the calendar', () => {
  for (const good of ['2004-04-28', '2016-02-29', '2018-12-31']) assert.ok(isIsoDate(good), good);
  for (const bad of ['2018-02-29', '2018-13-01', '18-01-01', '2018-1-1', '', '2018-01-01T00:00']) assert.ok(!isIsoDate(bad), bad);
  fc.assert(
    fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }), (d) =>
      isIsoDate(d.toISOString().slice(0, 10)),
    ),
  );
});

test('lists are kept once each, in the order of the allowed values', () => {
  assert.deepEqual(tidyList(['OP3a', 'OP1', 'OP3a', 'OP2'], ['OP1', 'OP2', 'OP3a']), ['OP1', 'OP2', 'OP3a']);
  assert.deepEqual(tidyList([], ['a']), []);
});
