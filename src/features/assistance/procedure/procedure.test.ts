import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionsFrom, canMoveMatch, earliestCirculation, overdue, type RequestState, requestActions, transition } from './procedure.ts';
import { requestStatuses, type RequestStatus } from '../schema.ts';

const base: RequestState = {
  status: 'received',
  statusOn: '2018-03-01',
  receivedOn: '2018-03-01',
  consentSummary: true,
  summary: 'Legislative drafting and export control training',
  objectedOn: null,
  summaryPostedOn: null,
  followUpOn: null,
  acknowledgedOn: '2018-03-01',
  circulatedOn: '2018-03-01',
  lastNewsOn: '2018-03-01',
  unforwardedResponses: 1,
};
const today = '2019-12-31';

// The procedure, written out by hand: which actions each status allows (before date and content checks).
const allowed: Record<RequestStatus, string[]> = {
  received: ['authenticate', 'object', 'lift-objection', 'withdraw'],
  authenticated: ['acknowledge', 'object', 'lift-objection', 'withdraw'],
  acknowledged: ['object', 'lift-objection', 'circulate', 'post-summary', 'withdraw'],
  circulated: ['circulate', 'post-summary', 'follow-up', 'forward', 'start', 'withdraw'],
  forwarded: ['circulate', 'post-summary', 'follow-up', 'forward', 'start', 'withdraw'],
  'under-way': ['circulate', 'post-summary', 'follow-up', 'forward', 'deliver', 'withdraw'],
  delivered: ['post-summary', 'close', 'withdraw'],
  closed: ['post-summary'],
  withdrawn: [],
};
const leadsTo: Record<string, (s: RequestStatus) => RequestStatus> = {
  authenticate: () => 'authenticated',
  acknowledge: () => 'acknowledged',
  circulate: (s) => (s === 'acknowledged' ? 'circulated' : s),
  forward: (s) => (s === 'under-way' ? 'under-way' : 'forwarded'),
  start: () => 'under-way',
  deliver: () => 'delivered',
  close: () => 'closed',
  withdraw: () => 'withdrawn',
};

describe('the procedure of a request', () => {
  test('every action from every status: allowed or refused naming the action', () => {
    let checked = 0;
    for (const status of requestStatuses)
      for (const action of requestActions) {
        // A state in which the content checks pass for the action, so that only the status decides.
        const objected = action === 'lift-objection' ? '2018-03-01' : null;
        const r = transition({ ...base, status, objectedOn: objected }, action, '2018-04-02', today, { providers: 1 });
        const expected = allowed[status].includes(action);
        assert.equal(r.ok, expected, `${action} from ${status}`);
        if (r.ok) assert.equal(r.to, (leadsTo[action] ?? ((s: RequestStatus) => s))(status), `${action} from ${status} leads to`);
        else {
          assert.equal(r.problems[0]!.field, 'action');
          assert.match(r.problems[0]!.problem, new RegExp(`cannot be given "${action}"`));
        }
        checked++;
      }
    assert.equal(checked, requestStatuses.length * requestActions.length);
    assert.deepEqual(actionsFrom('withdrawn'), []);
  });

  test('an unknown action, a date in the future or before the last step is refused', () => {
    const r1 = transition(base, 'approve', '2018-03-02', today);
    assert.equal(r1.ok, false);
    assert.match(!r1.ok ? r1.problems[0]!.problem : '', /not an action of the procedure/);
    const r2 = transition(base, 'authenticate', '2020-01-01', today);
    assert.deepEqual(!r2.ok && r2.problems.map((p) => p.field), ['on']);
    const r3 = transition({ ...base, statusOn: '2018-03-05' }, 'authenticate', '2018-03-04', today);
    assert.match(!r3.ok ? r3.problems[0]!.problem : '', /before the last step \(2018-03-05\)/);
    const r4 = transition(base, 'authenticate', '2018-02-30', today);
    assert.deepEqual(!r4.ok && r4.problems.map((p) => p.field), ['on']);
  });

  test('circulation waits five working days after the acknowledgement (over a weekend and a holiday)', () => {
    // Acknowledged Wednesday 13 June 2018: Eid al-Fitr on Friday 15 and the weekend push it to Thursday 21.
    const ack: RequestState = { ...base, status: 'acknowledged', statusOn: '2018-06-13', acknowledgedOn: '2018-06-13', circulatedOn: null };
    assert.equal(earliestCirculation('2018-06-13'), '2018-06-21');
    const early = transition(ack, 'circulate', '2018-06-20', today, { providers: 2 });
    assert.equal(early.ok, false);
    assert.match(!early.ok ? early.problems[0]!.problem : '', /not before 2018-06-21/);
    const onTime = transition(ack, 'circulate', '2018-06-21', today, { providers: 2 });
    assert.deepEqual(onTime, { ok: true, to: 'circulated' });
    const none = transition(ack, 'circulate', '2018-06-21', today, { providers: 0 });
    assert.deepEqual(!none.ok && none.problems.map((p) => p.field), ['providers']);
    const objected = transition({ ...ack, objectedOn: '2018-06-14' }, 'circulate', '2018-06-25', today, { providers: 1 });
    assert.match(!objected.ok ? objected.problems[0]!.problem : '', /objected to circulation on 2018-06-14/);
  });

  test('a summary is posted only with consent and text; forwarding needs a response', () => {
    const ack: RequestState = { ...base, status: 'acknowledged' };
    assert.equal(transition({ ...ack, consentSummary: false }, 'post-summary', '2018-03-02', today).ok, false);
    const empty = transition({ ...ack, summary: ' ' }, 'post-summary', '2018-03-02', today);
    assert.deepEqual(!empty.ok && empty.problems.map((p) => p.field), ['summary']);
    assert.equal(transition({ ...ack, summaryPostedOn: '2018-03-02' }, 'post-summary', '2018-03-03', today).ok, false);
    assert.deepEqual(transition(ack, 'post-summary', '2018-03-02', today), { ok: true, to: 'acknowledged' });
    const circ: RequestState = { ...base, status: 'circulated' };
    assert.equal(transition({ ...circ, unforwardedResponses: 0 }, 'forward', '2018-04-01', today).ok, false);
    assert.deepEqual(transition(circ, 'forward', '2018-04-01', today), { ok: true, to: 'forwarded' });
  });

  test('overdue: acknowledgement after ten working days, circulation due, follow-up a year without news', () => {
    // Received Friday 16 November 2018: ten working days skip Thanksgiving (22 November) → 3 December.
    const received: RequestState = { ...base, receivedOn: '2018-11-16', statusOn: '2018-11-16', acknowledgedOn: null, circulatedOn: null };
    assert.deepEqual(overdue(received, '2018-12-03'), []);
    assert.deepEqual(overdue(received, '2018-12-04'), [{ code: 'acknowledgement-overdue', dueOn: '2018-12-03' }]);
    assert.deepEqual(overdue({ ...received, status: 'acknowledged' }, '2019-06-01'), []);
    const ack: RequestState = { ...base, status: 'acknowledged', acknowledgedOn: '2018-06-13', circulatedOn: null };
    assert.deepEqual(overdue(ack, '2018-06-20'), []);
    assert.deepEqual(overdue(ack, '2018-06-21'), [{ code: 'circulation-due', dueOn: '2018-06-21' }]);
    assert.deepEqual(overdue({ ...ack, objectedOn: '2018-06-14' }, '2018-07-01'), []);
    const circ: RequestState = { ...base, status: 'circulated', circulatedOn: '2018-04-10', lastNewsOn: '2018-04-10' };
    assert.deepEqual(overdue(circ, '2019-04-09'), []);
    assert.deepEqual(overdue(circ, '2019-04-10'), [{ code: 'follow-up-due', dueOn: '2019-04-10' }]);
    assert.deepEqual(overdue({ ...circ, lastNewsOn: '2018-09-01' }, '2019-04-10'), [], 'a response in September is news');
    assert.deepEqual(overdue({ ...circ, followUpOn: '2019-04-10' }, '2019-06-01'), []);
    assert.deepEqual(overdue({ ...circ, status: 'under-way' }, '2020-01-01'), []);
  });

  test('the moves of a match', () => {
    assert.equal(canMoveMatch('suggested', 'proposed'), true);
    assert.equal(canMoveMatch('proposed', 'accepted'), true);
    assert.equal(canMoveMatch('accepted', 'under-way'), true);
    assert.equal(canMoveMatch('under-way', 'delivered'), true);
    assert.equal(canMoveMatch('suggested', 'delivered'), false);
    assert.equal(canMoveMatch('delivered', 'declined'), false);
    assert.equal(canMoveMatch('set-aside', 'suggested'), true);
    assert.equal(canMoveMatch('proposed', 'nonsense'), false);
  });
});
