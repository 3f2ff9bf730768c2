import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overdue, type RequestState } from '../procedure/procedure.ts';
import { continuation } from './continue.ts';
import { addDays, laterRequests, quarterStart } from './later.ts';
import { laterOffers } from './later-offers.ts';

test('addDays and quarterStart', () => {
  assert.equal(addDays('2026-12-06', -470), '2025-08-23');
  assert.equal(addDays('2024-02-28', 2), '2024-03-01');
  assert.equal(quarterStart('2026-12-06'), '2026-10-01');
  assert.equal(quarterStart('2024-03-15'), '2024-01-01');
  assert.equal(quarterStart('2025-07-01'), '2025-07-01');
});

test('two requests a year from 2019 and five placed relative to the day, none of 2018, nothing after the day', () => {
  const plans = laterRequests('2026-12-06');
  // 2019..2026: two a year (the second of 2026 on 16 September), and five relative to the day.
  assert.equal(plans.length, 8 * 2 + 5);
  for (const p of plans) {
    assert.ok(p.receivedOn > '2018-12-31' && p.receivedOn <= '2026-12-06', p.receivedOn);
    const days = p.events.map((e) => e.on);
    assert.deepEqual(days, [...days].sort(), `${p.state} ${p.receivedOn}: events in order`);
    assert.ok(
      days.every((d) => d >= p.receivedOn && d <= '2026-12-06'),
      p.state,
    );
  }
  assert.deepEqual(
    plans
      .filter((p) => p.receivedOn >= '2026-01-01')
      .map((p) => p.state)
      .sort(),
    ['BOL', 'HTI', 'KGZ', 'MLI', 'PRY'],
  );
  // The same day gives the same plans; another day other ones.
  assert.deepEqual(laterRequests('2026-12-06'), plans);
  assert.equal(laterRequests('2024-03-15').length, 5 * 2 + 1 + 5);
  // Early in 2019 only what was received in 2019: the relative ones before it are left out.
  assert.deepEqual(
    laterRequests('2019-01-10').map((p) => [p.state, p.receivedOn]),
    [['BOL', '2019-01-07']],
  );
});

test('a request received in the last days is in the quarter; Mali’s has news in it', () => {
  const plans = laterRequests('2026-10-02');
  const bol = plans.find((p) => p.state === 'BOL')!;
  assert.equal(bol.receivedOn, '2026-10-01', 'not before the quarter');
  const mali = plans.find((p) => p.state === 'MLI' && p.receivedOn > '2025')!;
  assert.ok(mali.events.some((e) => e.kind === 'response' && e.on >= '2026-10-01'));
  assert.ok(mali.events.some((e) => e.kind === 'match' && e.to === 'under-way' && e.on >= '2026-10-01'));
});

test('the 2018 requests’ follow-up letters go in 2019 at the earliest; delivery after 2018', () => {
  const circulated = {
    status: 'circulated',
    statusOn: '2018-06-20',
    circulatedOn: '2018-06-20',
    lastNewsOn: '2018-06-20',
    followUpOn: null,
  };
  assert.deepEqual(continuation(circulated, ['organization:UNODC'], 2, 2), [
    {
      kind: 'step',
      on: '2019-07-04',
      action: 'follow-up',
      note: 'The Chair’s follow-up letter. Illustrative: made up to continue the demonstration after the 2018 review.',
    },
    {
      kind: 'step',
      on: '2019-12-31',
      action: 'withdraw',
      note: 'The State withdrew the request. Illustrative: made up to continue the demonstration after the 2018 review.',
    },
  ]);
  // Circulated early in 2017, no news: due in 2018, but the letter is dated in 2019 (14 January).
  const early = { ...circulated, statusOn: '2017-03-01', circulatedOn: '2017-03-01', lastNewsOn: '2017-03-01' };
  assert.equal(continuation(early, ['organization:UNODC'], 1, 0)[0]!.on, '2019-01-14');
  // Under way since October 2018: delivered 200 days after the end of 2018 (index 0), closed 40 days later.
  const underWay = { status: 'under-way', statusOn: '2018-10-09', circulatedOn: '2018-03-20', lastNewsOn: '2018-10-09', followUpOn: null };
  assert.deepEqual(
    continuation(underWay, [], 2, 0).map((e) => [e.on, e.kind === 'step' ? e.action : '']),
    [
      ['2019-07-19', 'deliver'],
      ['2019-08-28', 'close'],
    ],
  );
  assert.deepEqual(continuation({ ...circulated, followUpOn: '2019-02-01' }, ['organization:UNODC'], 1, 0), []);
});

test('the relative requests: follow-up letters due one to three months ago, an acknowledgement overdue', () => {
  const today = '2026-12-06';
  const plans = laterRequests(today);
  const stateOf = (state: string): RequestState => {
    const p = plans.find((x) => x.state === state && x.receivedOn > '2025-06-01')!;
    const steps = p.events.filter((e) => e.kind === 'step');
    const last = steps.at(-1);
    const status =
      { authenticate: 'authenticated', acknowledge: 'acknowledged', circulate: 'circulated', forward: 'forwarded' }[last?.action ?? ''] ??
      'received';
    return {
      status: status as RequestState['status'],
      statusOn: last?.on ?? p.receivedOn,
      receivedOn: p.receivedOn,
      consentSummary: false,
      summary: '',
      objectedOn: null,
      summaryPostedOn: null,
      followUpOn: null,
      acknowledgedOn: steps.find((e) => e.action === 'acknowledge')?.on ?? null,
      circulatedOn: steps.find((e) => e.action === 'circulate')?.on ?? null,
      lastNewsOn: p.events.at(-1)?.on ?? p.receivedOn,
      unforwardedResponses: 0,
    };
  };
  assert.deepEqual(overdue(stateOf('MWI'), today), [{ code: 'follow-up-due', dueOn: '2026-09-11' }]);
  assert.deepEqual(overdue(stateOf('SLE'), today), [{ code: 'follow-up-due', dueOn: '2026-11-03' }]);
  assert.deepEqual(overdue(stateOf('HTI'), today), [{ code: 'acknowledgement-overdue', dueOn: '2026-11-30' }]);
  assert.deepEqual(overdue(stateOf('BOL'), today), []);
});

test('an offer a year from 2019, recorded on 3 March or the day if sooner', () => {
  assert.deepEqual(
    laterOffers('2021-02-01').map((o) => [o.offer.provider, o.offer.title, o.recordedOn]),
    [
      ['organization:NSG', 'Export control seminars for licensing officers (2019)', '2019-03-03'],
      ['organization:OPCW', 'Chemical security for small and medium enterprises (2020)', '2020-03-03'],
      ['organization:IAEA', 'Radiation detection for major public events (2021)', '2021-02-01'],
    ],
  );
});
