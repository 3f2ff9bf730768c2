import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  filterProgress,
  type ReviewCycleInput,
  type ReviewVersionInput,
  reviewProgress,
  sortProgress,
  summarizeProgress,
} from './review.ts';

const cycle: ReviewCycleInput = { startsOn: '2026-06-01', deadline: '2027-03-31', holdDays: 60, closedAt: null };
const states = [
  { iso3: 'MLI', regionalGroup: 'african' },
  { iso3: 'NER', regionalGroup: 'african' },
  { iso3: 'PER', regionalGroup: 'latin-american-caribbean' },
  { iso3: 'FRA', regionalGroup: 'western-european-other' },
];
const at = (iso: string) => new Date(iso);
const v = (
  stateIso3: string,
  number: number,
  status: ReviewVersionInput['status'],
  created: string,
  moved = created,
): ReviewVersionInput => ({
  stateIso3,
  number,
  status,
  createdAt: at(created),
  statusChangedAt: at(moved),
});
const today = at('2026-09-15T12:00:00Z');

describe('reviewProgress', () => {
  test('a State without a version created since the first day has not started, even with an older draft', () => {
    const [mli] = reviewProgress(
      cycle,
      states.slice(0, 1),
      [v('MLI', 3, 'sent', '2025-03-01T10:00:00Z', '2025-04-01T10:00:00Z')],
      [],
      today,
    );
    assert.equal(mli!.stage, 'not-started');
    assert.equal(mli!.holder, 'experts');
    assert.equal(mli!.version, null);
    assert.equal(mli!.lastMoved, null);
    assert.equal(mli!.daysSince, null);
    assert.equal(mli!.overdue, null);
  });

  test('a version created on the first day counts; the newest version in the cycle is the one followed', () => {
    const versions = [
      v('MLI', 1, 'published', '2026-06-01T00:00:00Z', '2026-07-01T09:00:00Z'),
      v('MLI', 2, 'draft', '2026-08-01T09:00:00Z'),
      v('NER', 1, 'draft', '2026-05-31T23:59:59Z'),
    ];
    const [mli, ner] = reviewProgress(cycle, states.slice(0, 2), versions, [], today);
    assert.equal(mli!.version, 2);
    assert.equal(mli!.stage, 'draft');
    assert.equal(ner!.stage, 'not-started', 'created the day before the cycle');
  });

  test('each stage has its holder; the assigned expert is named while the experts hold it', () => {
    const assignments = [{ stateIso3: 'MLI', expertId: 'e1', expertName: 'Ana Expert', note: 'lead' }];
    const holderAt = (status: ReviewVersionInput['status']) =>
      reviewProgress(
        cycle,
        states.slice(0, 1),
        [v('MLI', 1, status, '2026-07-01T09:00:00Z', '2026-09-01T09:00:00Z')],
        assignments,
        today,
      )[0]!;
    assert.deepEqual(
      (['draft', 'sent', 'commented', 'agreed', 'approved', 'published'] as const).map((s) => [
        s,
        holderAt(s).holder,
        holderAt(s).holderName,
      ]),
      [
        ['draft', 'experts', 'Ana Expert'],
        ['sent', 'state', null],
        ['commented', 'experts', 'Ana Expert'],
        ['agreed', 'committee', null],
        ['approved', 'secretariat', null],
        ['published', 'done', null],
      ],
    );
    const sent = holderAt('sent');
    assert.equal(sent.expertName, 'Ana Expert', 'the assignment shows whoever holds the matrix');
    assert.equal(sent.note, 'lead');
    assert.equal(sent.daysSince, 14);
    assert.equal(sent.lastMoved?.toISOString(), '2026-09-01T09:00:00.000Z');
  });

  test('held longer than the limit by the same hands is overdue; published never is', () => {
    const moved = '2026-07-01T09:00:00Z'; // 76 days before today
    const rows = reviewProgress(
      cycle,
      states,
      [
        v('MLI', 1, 'sent', moved),
        v('NER', 1, 'published', moved),
        v('PER', 1, 'approved', moved),
        v('FRA', 1, 'draft', '2026-08-01T09:00:00Z'),
      ],
      [],
      today,
    );
    assert.deepEqual(
      rows.map((r) => [r.iso3, r.daysSince, r.overdue]),
      [
        ['MLI', 76, 'held'],
        ['NER', 76, null],
        ['PER', 76, 'held'],
        ['FRA', 45, null],
      ],
    );
    // Exactly the limit is not over it.
    const sixty = reviewProgress(cycle, states.slice(0, 1), [v('MLI', 1, 'sent', '2026-07-17T23:00:00Z')], [], today)[0]!;
    assert.equal(sixty.daysSince, 60);
    assert.equal(sixty.overdue, null);
  });

  test('after the deadline, every State not yet approved is overdue, not started ones included', () => {
    const versions = [v('MLI', 1, 'agreed', '2027-03-01T09:00:00Z'), v('NER', 1, 'approved', '2027-03-20T09:00:00Z')];
    const onDeadline = reviewProgress(cycle, states, versions, [], at('2027-03-31T23:00:00Z'));
    assert.deepEqual(
      onDeadline.map((r) => r.overdue),
      [null, null, null, null],
      'the deadline day itself is still in time',
    );
    const after = reviewProgress(cycle, states, versions, [], at('2027-04-01T08:00:00Z'));
    assert.deepEqual(
      after.map((r) => [r.iso3, r.stage, r.overdue]),
      [
        ['MLI', 'agreed', 'deadline'],
        ['NER', 'approved', null],
        ['PER', 'not-started', 'deadline'],
        ['FRA', 'not-started', 'deadline'],
      ],
    );
  });

  test('a closed cycle stands as it was when it was closed', () => {
    const closed = { ...cycle, closedAt: at('2026-08-15T00:00:00Z') };
    const versions = [v('MLI', 1, 'sent', '2026-07-01T09:00:00Z'), v('NER', 1, 'draft', '2026-09-01T09:00:00Z')];
    const [mli, ner] = reviewProgress(closed, states.slice(0, 2), versions, [], at('2027-06-01T00:00:00Z'));
    assert.equal(mli!.daysSince, 45, 'counted up to the closing day');
    assert.equal(mli!.overdue, null, 'neither the deadline nor the limit had passed then');
    assert.equal(ner!.stage, 'not-started', 'started after the cycle was closed');
  });
});

describe('summaries, filters and order', () => {
  const rows = reviewProgress(
    cycle,
    states,
    [
      v('MLI', 1, 'sent', '2026-06-10T09:00:00Z'),
      v('NER', 1, 'published', '2026-06-05T09:00:00Z', '2026-09-10T09:00:00Z'),
      v('PER', 1, 'sent', '2026-09-01T09:00:00Z'),
    ],
    [
      { stateIso3: 'MLI', expertId: 'e1', expertName: 'Ana', note: '' },
      { stateIso3: 'PER', expertId: 'e2', expertName: 'Ben', note: '' },
      { stateIso3: 'FRA', expertId: null, expertName: null, note: 'to be assigned' },
    ],
    today,
  );

  test('counts per stage and per regional group', () => {
    const s = summarizeProgress(rows);
    assert.equal(s.total, 4);
    assert.equal(s.finished, 1);
    assert.equal(s.overdue, 1, 'MLI, sent 97 days ago');
    assert.deepEqual(s.byStage, { 'not-started': 1, draft: 0, sent: 2, commented: 0, agreed: 0, approved: 0, published: 1 });
    assert.deepEqual(Object.keys(s.byGroup).sort(), ['african', 'latin-american-caribbean', 'western-european-other']);
    assert.equal(s.byGroup.african!.total, 2);
    assert.equal(s.byGroup.african!.overdue, 1);
    assert.equal(s.byGroup.african!.byStage.published, 1);
    assert.equal(s.byGroup['latin-american-caribbean']!.byStage.sent, 1);
  });

  test('filters by stage, group, assignee (or nobody) and overdue', () => {
    const codes = (f: Parameters<typeof filterProgress>[1]) => filterProgress(rows, f).map((r) => r.iso3);
    assert.deepEqual(codes({ stage: 'sent' }), ['MLI', 'PER']);
    assert.deepEqual(codes({ stage: 'sent', group: 'african' }), ['MLI']);
    assert.deepEqual(codes({ expert: 'e2' }), ['PER']);
    assert.deepEqual(codes({ expert: 'none' }), ['NER', 'FRA']);
    assert.deepEqual(codes({ overdue: true }), ['MLI']);
    assert.deepEqual(codes({}), ['MLI', 'NER', 'PER', 'FRA']);
  });

  test('sorts by the last move, the longest waiting first, never-moved States before all', () => {
    assert.deepEqual(
      sortProgress(rows, 'moved').map((r) => r.iso3),
      ['FRA', 'MLI', 'PER', 'NER'],
    );
    assert.deepEqual(
      sortProgress(rows, 'moved-desc').map((r) => r.iso3),
      ['NER', 'PER', 'MLI', 'FRA'],
    );
    assert.deepEqual(
      sortProgress(rows, 'name').map((r) => r.iso3),
      ['MLI', 'NER', 'PER', 'FRA'],
    );
  });
});
