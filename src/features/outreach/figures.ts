import { type Audience, audiences, type EventGroup, type EventStatus, eventGroups, type Participant } from './schema.ts';

/*
 * The figures of outreach (S/2018/1167 ¶39–42 and its annex), computed from the events alone (no
 * database): each figure says which definition it uses, since the review's own numbers rest on two
 * (¶39 counts 32 events; its annex lists more rows, with the visits grouped apart).
 */

/** What the figures read of an event. */
export interface EventFact {
  startsOn: string;
  group: EventGroup;
  audiences: readonly Audience[];
  participants: readonly Pick<Participant, 'role' | 'mode'>[];
  status: EventStatus;
  /** Listed in the annex's table of the annual review. */
  listed: boolean;
}

/** The days counted: a calendar year, or from the start of a year to a date ("as at"). */
export interface Period {
  from: string;
  to: string;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** From the first of January of the date's year to the date. */
export function asAtPeriod(date: string): Period {
  return { from: `${date.slice(0, 4)}-01-01`, to: date };
}

/** The events counted in a period: held (not planned, not cancelled), started within it. */
export function heldIn<E extends EventFact>(events: readonly E[], p: Period): E[] {
  return events.filter((e) => e.status === 'held' && e.startsOn >= p.from && e.startsOn <= p.to);
}

export type FigureKey =
  | 'annexRows'
  | 'paragraph39'
  | 'jointVisits'
  | 'withParliamentarians'
  | 'chairMessagesToParliamentarians'
  | 'withIndustry';

export interface Figure {
  key: FigureKey;
  value: number;
  /** The definition used, in words. */
  definition: string;
}

export const definitions: Record<FigureKey, string> = {
  annexRows:
    'The rows of the annex: the events held in the period that are listed in the annex, whatever their group (visits at invitation, joint visits, country-specific, regional and other outreach events)',
  paragraph39:
    'The count of ¶39: the events held in the period in the group "other outreach events", listed in the annex or not (the annex counts visits at invitation, joint visits, country-specific and regional events apart)',
  jointVisits: 'Events held in the period in the group "joint visits"',
  withParliamentarians: 'Events held in the period whose audience includes parliamentarians',
  chairMessagesToParliamentarians:
    'Events held in the period whose audience includes parliamentarians and at which the Chair took part by a recorded message (¶41)',
  withIndustry: 'Events held in the period whose audience includes industry (¶42)',
};

const has = (e: EventFact, a: Audience) => e.audiences.includes(a);
const chairMessage = (e: EventFact) => e.participants.some((p) => p.role === 'chair' && p.mode === 'recorded-message');

/** The headline figures of a period, each with its definition. */
export function outreachFigures(events: readonly EventFact[], p: Period): Figure[] {
  const held = heldIn(events, p);
  const count = (key: FigureKey, test: (e: EventFact) => boolean): Figure => ({
    key,
    value: held.filter(test).length,
    definition: definitions[key],
  });
  return [
    count('annexRows', (e) => e.listed),
    count('paragraph39', (e) => e.group === 'other'),
    count('jointVisits', (e) => e.group === 'joint-visit'),
    count('withParliamentarians', (e) => has(e, 'parliamentarians')),
    count('chairMessagesToParliamentarians', (e) => has(e, 'parliamentarians') && chairMessage(e)),
    count('withIndustry', (e) => has(e, 'industry')),
  ];
}

/** Held events of the period by the annex's group, every group named (0 when none). */
export function byGroup(events: readonly EventFact[], p: Period): Record<EventGroup, number> {
  const out = Object.fromEntries(eventGroups.map((g) => [g, 0])) as Record<EventGroup, number>;
  for (const e of heldIn(events, p)) out[e.group] += 1;
  return out;
}

/** Held events of the period by audience (an event with two audiences counts in both), every audience named. */
export function byAudience(events: readonly EventFact[], p: Period): Record<Audience, number> {
  const out = Object.fromEntries(audiences.map((a) => [a, 0])) as Record<Audience, number>;
  for (const e of heldIn(events, p)) for (const a of new Set(e.audiences)) out[a] += 1;
  return out;
}

/** A figure by its key. */
export function figure(figures: readonly Figure[], key: FigureKey): number {
  return figures.find((f) => f.key === key)?.value ?? 0;
}
