import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asAtPeriod, byAudience, byGroup, type EventFact, figure, heldIn, outreachFigures, yearPeriod } from './figures.ts';

const e = (startsOn: string, group: EventFact['group'], extra: Partial<EventFact> = {}): EventFact => ({
  startsOn,
  group,
  audiences: ['officials'],
  participants: [{ role: 'expert', mode: 'in-person' }],
  status: 'held',
  listed: true,
  ...extra,
});

// A small year, counted by hand: 2 visits at invitation, 1 joint visit, 1 regional event with
// industry, 4 other outreach events (one with parliamentarians and the Chair's recorded message,
// one with parliamentarians and an expert in person, one held but not listed in the annex, one
// planned), 1 cancelled, 1 held in 2017.
const events: EventFact[] = [
  e('2018-01-22', 'visit-at-invitation'),
  e('2018-10-09', 'visit-at-invitation'),
  e('2018-07-11', 'joint-visit'),
  e('2018-04-10', 'regional', { audiences: ['officials', 'industry'] }),
  e('2018-09-17', 'other', { audiences: ['parliamentarians'], participants: [{ role: 'chair', mode: 'recorded-message' }] }),
  e('2018-10-17', 'other', { audiences: ['parliamentarians', 'officials'], participants: [{ role: 'expert', mode: 'in-person' }] }),
  e('2018-06-28', 'other', { listed: false }),
  e('2018-12-20', 'other', { status: 'planned' }),
  e('2018-11-01', 'other', { status: 'cancelled' }),
  e('2017-12-31', 'other'),
];

describe('outreach figures', () => {
  test('only held events started in the period are counted', () => {
    assert.equal(heldIn(events, yearPeriod(2018)).length, 7);
    assert.equal(heldIn(events, yearPeriod(2017)).length, 1);
    // As at 30 September 2018: the visit of 22 January (not that of 9 October), the joint visit, the regional event, the events of 28 June and 17 September.
    assert.equal(heldIn(events, asAtPeriod('2018-09-30')).length, 5);
  });

  test('the two definitions: annex rows and the ¶39 count', () => {
    const f = outreachFigures(events, yearPeriod(2018));
    // Listed and held: 7 held less the one left out of the annex.
    assert.equal(figure(f, 'annexRows'), 6);
    // Other outreach events held, listed or not.
    assert.equal(figure(f, 'paragraph39'), 3);
    assert.match(f.find((x) => x.key === 'paragraph39')!.definition, /other outreach events/);
    assert.equal(figure(f, 'jointVisits'), 1);
    assert.equal(figure(f, 'withParliamentarians'), 2);
    assert.equal(figure(f, 'chairMessagesToParliamentarians'), 1);
    assert.equal(figure(f, 'withIndustry'), 1);
  });

  test('by group and by audience, every key named', () => {
    assert.deepEqual(byGroup(events, yearPeriod(2018)), {
      'visit-at-invitation': 2,
      'joint-visit': 1,
      'country-specific': 0,
      regional: 1,
      other: 3,
    });
    assert.deepEqual(byAudience(events, yearPeriod(2018)), {
      officials: 6,
      parliamentarians: 2,
      industry: 1,
      'civil-society': 0,
      academia: 0,
    });
  });

  test('an event with an audience named twice counts once for it', () => {
    const twice = [e('2018-03-01', 'other', { audiences: ['industry', 'industry'] })];
    assert.equal(byAudience(twice, yearPeriod(2018)).industry, 1);
  });
});
