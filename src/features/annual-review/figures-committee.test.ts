import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from '../../platform/i18n/i18n.ts';
import { annexDates } from './document.ts';
import {
  administrationYearFigures,
  type AppointmentRecordFact,
  type CommitteeFacts,
  coordinatorAt,
  councilBriefingFigures,
  meetingYearFigures,
  type OutreachEventFact,
  outreachYearFigures,
  publicationYearFigures,
  siteVisitFigures,
  workingGroupYearFigures,
} from './figures-committee.ts';
import type { Figure } from './figures.ts';
import { personIn, unNumber } from './generate.ts';

const p = { year: 2018, cutOff: '2018-12-22' };
const byKey = (figs: Figure[]) => Object.fromEntries(figs.map((f) => [f.key, f]));
const ids = (f: Figure | undefined) => f?.records.map((r) => r.id).sort();

const meeting = (id: string, heldOn: string, kind: CommitteeFacts['meetings'][number]['kind'], extra = {}) => ({
  id,
  heldOn,
  kind,
  workingGroupId: null,
  archived: false,
  ...extra,
});
const appointment = (
  id: string,
  role: AppointmentRecordFact['role'],
  personName: string,
  stateIso3: string,
  startsOn: string,
  endsOn: string | null = null,
) => ({
  id,
  role,
  personName,
  stateIso3,
  startsOn,
  endsOn,
});

test('meetings: the Chair at the cut-off; formal and informal meetings of the year to the cut-off, archived ones left out', () => {
  const meetings = [
    meeting('f1', '2018-01-10', 'formal'),
    meeting('f2', '2018-12-22', 'formal'), // the cut-off day counts
    meeting('f3', '2018-12-27', 'formal'), // after the cut-off
    meeting('f4', '2017-12-31', 'formal'), // the year before
    meeting('f5', '2018-03-03', 'formal', { archived: true }),
    meeting('i1', '2018-05-16', 'informal'),
    meeting('b1', '2018-06-07', 'briefing'), // counted apart
    meeting('w1', '2018-03-06', 'working-group', { workingGroupId: 'g1' }),
  ];
  const appointments = [
    appointment('c0', 'chair', 'Earlier Chair', 'AAA', '2016-01-01', '2016-12-31'),
    appointment('c1', 'chair', 'Sacha Sergio Llorentty Solíz', 'BOL', '2017-01-01', '2018-12-31'),
  ];
  const f = byKey(meetingYearFigures({ meetings, appointments }, p));
  assert.deepEqual(f.chair?.value, { name: 'Sacha Sergio Llorentty Solíz', state: 'BOL' });
  assert.deepEqual(ids(f.chair), ['c1']);
  assert.equal(f.formalMeetings?.value, 2);
  assert.deepEqual(ids(f.formalMeetings), ['f1', 'f2']);
  assert.equal(f.informalMeetings?.value, 1);
  assert.deepEqual(ids(f.informalMeetings), ['i1']);
  // No Chair on the day: null, no record.
  const none = byKey(meetingYearFigures({ meetings: [], appointments: [appointments[0]!] }, p));
  assert.equal(none.chair?.value, null);
  assert.equal(none.formalMeetings?.value, 0);
});

test('working groups: in their order, the coordinator in office at the cut-off (else the last begun), meetings of the year to the cut-off', () => {
  const workingGroups = [
    { id: 'g1', code: 'monitoring', names: { en: 'Monitoring' } },
    { id: 'g2', code: 'assistance', names: { en: 'Assistance' } },
    { id: 'g3', code: 'transparency', names: { en: 'Transparency' } },
  ];
  const coordinators = [
    { id: 'k1', workingGroupId: 'g1', stateIso3: 'CHL', person: 'Old', startedOn: '2016-01-01', endedOn: '2017-12-31' },
    { id: 'k2', workingGroupId: 'g1', stateIso3: 'PER', person: '恩里·普列托 (Enri Prieto)', startedOn: '2018-01-01', endedOn: null },
    { id: 'k3', workingGroupId: 'g2', stateIso3: 'FRA', person: 'Ended', startedOn: '2017-01-01', endedOn: '2018-06-30' },
    { id: 'k4', workingGroupId: 'g2', stateIso3: 'DEU', person: 'Later', startedOn: '2019-01-01', endedOn: null },
  ];
  const meetings = [
    meeting('m1', '2018-03-06', 'working-group', { workingGroupId: 'g1' }),
    meeting('m2', '2018-06-19', 'working-group', { workingGroupId: 'g1' }),
    meeting('m3', '2018-12-23', 'working-group', { workingGroupId: 'g1' }), // after the cut-off
    meeting('m4', '2018-03-20', 'working-group', { workingGroupId: 'g2' }),
    meeting('m5', '2018-04-01', 'informal', { workingGroupId: 'g2' }), // not a working group's meeting
  ];
  assert.equal(coordinatorAt(coordinators, 'g1', '2018-12-22')?.id, 'k2');
  // None in office on the day: the last whose period had begun by then (k4 begins later).
  assert.equal(coordinatorAt(coordinators, 'g2', '2018-12-22')?.id, 'k3');
  assert.equal(coordinatorAt(coordinators, 'g3', '2018-12-22'), null);
  const f = byKey(workingGroupYearFigures({ meetings, workingGroups, coordinators }, p));
  assert.deepEqual(
    ((f.workingGroups?.value ?? []) as { group: string; state: string | null; person: string; meetings: number }[]).map((g) => [
      g.group,
      g.state,
      g.person,
      g.meetings,
    ]),
    [
      ['monitoring', 'PER', '恩里·普列托 (Enri Prieto)', 2],
      ['assistance', 'FRA', 'Ended', 1],
      ['transparency', null, '', 0],
    ],
  );
  assert.deepEqual(ids(f.workingGroups), ['g1', 'g2', 'g3', 'k2', 'k3', 'm1', 'm2', 'm4']);
});

const event = (
  id: string,
  group: OutreachEventFact['group'],
  startsOn: string,
  extra: Partial<OutreachEventFact> = {},
): OutreachEventFact => ({
  id,
  group,
  startsOn,
  endsOn: startsOn,
  audiences: ['officials'],
  participants: [{ role: 'expert', mode: 'in-person' }],
  status: 'held',
  listed: true,
  title: `Event ${id}`,
  organizerStates: [],
  organizerOrganizations: [],
  byCommittee: false,
  city: 'Geneva',
  stateIso3: 'CHE',
  ...extra,
});

test('outreach: ¶39 counts the "other" group listed or not; parliamentarians, the Chair’s messages, industry; the annex lists the listed events by date', () => {
  const events = [
    event('o1', 'other', '2018-10-17', {
      audiences: ['parliamentarians'],
      participants: [{ role: 'chair', mode: 'recorded-message' }],
    }),
    event('o2', 'other', '2018-06-28', { listed: false }), // ¶34(a): counted, not in the annex
    event('o3', 'other', '2018-09-17', { audiences: ['parliamentarians'] }), // the Chair was not there by message
    event('o4', 'other', '2018-11-01', { status: 'planned' }), // not held
    event('o5', 'other', '2018-12-23'), // after the cut-off
    event('o6', 'other', '2017-12-01'), // the year before
    event('r1', 'regional', '2018-04-10', { audiences: ['officials', 'industry'], organizerStates: ['DEU', 'IND'], byCommittee: true }),
    event('v1', 'visit-at-invitation', '2018-01-22', { organizerOrganizations: ['OSCE'], city: 'Ashgabat', stateIso3: 'TKM' }),
  ];
  const f = byKey(outreachYearFigures({ events }, p));
  assert.equal(f.outreachEvents?.value, 3);
  assert.deepEqual(ids(f.outreachEvents), ['o1', 'o2', 'o3']);
  assert.equal(f.eventsWithParliamentarians?.value, 2);
  assert.equal(f.chairMessagesToParliamentarians?.value, 1);
  assert.deepEqual(ids(f.chairMessagesToParliamentarians), ['o1']);
  assert.equal(f.eventsWithIndustry?.value, 1);
  const annex = (f.annexEvents?.value ?? []) as { group: string; from: string; title: string; states: string[]; byCommittee: boolean }[];
  assert.deepEqual(
    annex.map((r) => [r.group, r.from]),
    [
      ['visit-at-invitation', '2018-01-22'],
      ['regional', '2018-04-10'],
      ['other', '2018-09-17'],
      ['other', '2018-10-17'],
    ],
  );
  assert.deepEqual(annex[1]?.states, ['DEU', 'IND']);
  assert.equal(annex[1]?.byCommittee, true);
  assert.deepEqual(
    f.annexEvents?.records.map((r) => r.id),
    ['v1', 'r1', 'o3', 'o1'],
  );
});

test('publications: press releases and quarterly messages dated in the year and published by the cut-off; the year before’s press releases', () => {
  const pub = (id: string, kind: 'press-release' | 'chair-message' | 'news', dated: string, publishedOn: string | null, extra = {}) => ({
    id,
    kind,
    status: publishedOn ? ('published' as const) : ('draft' as const),
    dated,
    publishedOn,
    archived: false,
    ...extra,
  });
  const publications = [
    pub('p1', 'press-release', '2018-02-01', '2018-02-01'),
    pub('p2', 'press-release', '2018-12-20', '2018-12-27'), // published after the cut-off
    pub('p3', 'press-release', '2018-05-01', null), // a draft
    pub('p4', 'press-release', '2018-06-01', '2018-06-01', { archived: true }),
    pub('p5', 'press-release', '2017-03-01', '2017-03-01'),
    pub('p6', 'press-release', '2017-12-31', '2018-01-02'), // dated 2017, published in 2018
    pub('q1', 'chair-message', '2018-03-31', '2018-04-02'),
    pub('n1', 'news', '2018-03-31', '2018-04-02'),
  ];
  const f = byKey(publicationYearFigures({ publications }, p));
  assert.equal(f.pressReleases?.value, 1);
  assert.deepEqual(ids(f.pressReleases), ['p1']);
  assert.equal(f.pressReleasesYearBefore?.value, 2);
  assert.deepEqual(ids(f.pressReleasesYearBefore), ['p5', 'p6']);
  assert.equal(f.chairMessages?.value, 1);
});

test('website visits: the loader’s report as a figure, none when the days were not given', () => {
  assert.deepEqual(siteVisitFigures({ siteVisits: null }), []);
  const [f] = siteVisitFigures({
    siteVisits: { from: '2018-01-01', to: '2018-12-20', visits: 68_006, visitsYearBefore: 67_340, change: 1 },
  });
  assert.deepEqual(f?.value, { to: '2018-12-20', visits: 68_006, visitsYearBefore: 67_340, change: 1 });
});

test('administration: donors whose grants were used (States, then organizations), new contributions, experts and coordinator of the year to the cut-off', () => {
  const donors = [
    { id: 'dEU', code: 'EU', kind: 'organization' as const },
    { id: 'dUSA', code: 'USA', kind: 'state' as const },
    { id: 'dDEU', code: 'DEU', kind: 'state' as const },
    { id: 'dKAZ', code: 'KAZ', kind: 'state' as const },
    { id: 'dJPN', code: 'JPN', kind: 'state' as const },
  ];
  const contributions = [
    { id: 'cEU', donorId: 'dEU', year: 2016 },
    { id: 'cUSA', donorId: 'dUSA', year: 2017 },
    { id: 'cDEU', donorId: 'dDEU', year: 2017 },
    { id: 'cKAZ', donorId: 'dKAZ', year: 2018 },
    { id: 'cJPN', donorId: 'dJPN', year: 2015 },
  ];
  const grants = [
    { id: 'gEU1', contributionId: 'cEU', usedInYear: 2018 },
    { id: 'gEU2', contributionId: 'cEU', usedInYear: 2018 },
    { id: 'gUSA', contributionId: 'cUSA', usedInYear: 2018 },
    { id: 'gDEU', contributionId: 'cDEU', usedInYear: 2018 },
    { id: 'gJPN', contributionId: 'cJPN', usedInYear: 2017 }, // used the year before
  ];
  const appointments = [
    appointment('e1', 'expert', 'Edith Valles', 'ARG', '2018-03-01'),
    appointment('e2', 'expert', 'Hongliu Zhang', 'CHN', '2018-01-15'),
    appointment('e3', 'expert', 'Late', 'BRA', '2018-12-23'), // after the cut-off
    appointment('e4', 'expert', 'Earlier', 'EGY', '2016-09-01'),
    appointment('k1', 'coordinator', 'Raphael Prenat', 'FRA', '2018-03-01'),
    appointment('c1', 'chair', 'Chair', 'BOL', '2018-01-01'),
  ];
  const f = byKey(administrationYearFigures({ donors, contributions, grants, appointments }, p));
  assert.deepEqual(f.donorsWithGrantsUsed?.value, [{ state: 'DEU' }, { state: 'USA' }, { organization: 'EU' }]);
  assert.deepEqual(ids(f.donorsWithGrantsUsed), ['dDEU', 'dEU', 'dUSA', 'gDEU', 'gEU1', 'gEU2', 'gUSA']);
  assert.deepEqual(f.newContributions?.value, [{ state: 'KAZ' }]);
  assert.deepEqual(ids(f.newContributions), ['cKAZ', 'dKAZ']);
  // By date of appointment, then name; the coordinator apart.
  assert.deepEqual(f.newExperts?.value, [
    { name: 'Hongliu Zhang', state: 'CHN' },
    { name: 'Edith Valles', state: 'ARG' },
  ]);
  assert.deepEqual(f.newCoordinator?.value, { name: 'Raphael Prenat', state: 'FRA' });
});

test('words: a name in two scripts, the UN’s numbers, the annex’s dates', () => {
  assert.equal(personIn('zh', '恩里·普列托 (Enri Prieto)'), '恩里·普列托');
  assert.equal(personIn('en', '恩里·普列托 (Enri Prieto)'), 'Enri Prieto');
  assert.equal(personIn('zh', 'Raphael Prenat'), 'Raphael Prenat');
  assert.equal(personIn('fr', 'Jean (dit Jeannot) Dupont'), 'Jean (dit Jeannot) Dupont');
  assert.equal(unNumber(messages('zh'), 68_006), '68 006');
  assert.equal(unNumber(messages('zh'), 999), '999');
  assert.equal(unNumber(messages('en'), 68_006), '68,006');
  assert.equal(annexDates('zh', '2018-01-22', '2018-01-23'), '1月22日至23日');
  assert.equal(annexDates('zh', '2018-02-27', '2018-03-01'), '2月27日至3月1日');
  assert.equal(annexDates('zh', '2018-10-17', '2018-10-17'), '10月17日');
  assert.equal(annexDates('fr', '2018-01-22', '2018-01-23'), '22–23 janvier');
});

test('¶7: the briefings of the Council held in the year to the cut-off, by day, each with the committees it was joint with', () => {
  const meetings = [
    meeting('b2', '2018-10-03', 'council-briefing', { organizations: ['1267-C', 'CTC'] }),
    meeting('b1', '2018-05-10', 'council-briefing'),
    meeting('late', '2018-12-28', 'council-briefing'), // after the cut-off
    meeting('gone', '2018-06-01', 'council-briefing', { archived: true }),
    meeting('before', '2017-11-30', 'council-briefing'),
    meeting('formal', '2018-10-03', 'formal', { organizations: ['IAEA'] }),
  ];
  const f = byKey(councilBriefingFigures({ meetings }, p)).councilBriefings!;
  assert.deepEqual(f.value, [
    { on: '2018-05-10', organizations: [] },
    { on: '2018-10-03', organizations: ['1267-C', 'CTC'] },
  ]);
  assert.deepEqual(ids(f), ['b1', 'b2']);
  assert.deepEqual(byKey(councilBriefingFigures({ meetings: [] }, p)).councilBriefings!.value, []);
});
