import { Feed } from 'feed';
import ical, { ICalEventStatus } from 'ical-generator';
import type { EventRow } from './queries.ts';

/*
 * The calendar's feeds: iCalendar (RFC 5545) for a filter or one event, and an Atom feed of the
 * newest events. A subscribed calendar replaces an entry by its UID, which is the event's id (it
 * never changes); SEQUENCE and LAST-MODIFIED come from the row's version and its last change, so an
 * update is seen as one. Events are all-day: DTEND is the day after the last day (RFC 5545 §3.6.1).
 */

export interface FeedNames {
  /** The State's name in the reader's language, by ISO3 code. */
  state: (iso3: string) => string;
  /** The page of an event, absolute. */
  url: (id: string) => string;
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const uidOf = (id: string) => `${id}@r1540.outreach`;

function statusOf(e: EventRow): ICalEventStatus {
  if (e.status === 'cancelled') return ICalEventStatus.CANCELLED;
  return e.status === 'held' || e.confirmed ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE;
}

export function placeOf(e: Pick<EventRow, 'city' | 'state_iso3'>, state: (iso3: string) => string): string {
  return [e.city, e.state_iso3 ? state(e.state_iso3) : ''].filter(Boolean).join(', ');
}

/** An iCalendar of the events given (none: a valid calendar without events). */
export function eventsCalendar(events: readonly EventRow[], name: string, names: FeedNames): string {
  const cal = ical({ name, prodId: { company: 'r1540', product: 'outreach-calendar', language: 'EN' } });
  for (const e of events)
    cal.createEvent({
      id: uidOf(e.id),
      start: day(e.starts_on),
      end: dayAfter(e.ends_on),
      allDay: true,
      summary: e.title,
      description: e.description || null,
      location: placeOf(e, names.state) || null,
      url: names.url(e.id),
      status: statusOf(e),
      sequence: Math.max(0, e.row_version - 1),
      stamp: e.updated_at,
      created: e.created_at,
      lastModified: e.updated_at,
    });
  return cal.toString();
}

/** An Atom feed of the events given, newest recorded first. */
export function eventsAtom(
  events: readonly EventRow[],
  o: { title: string; self: string; home: string; names: FeedNames; dates: (e: EventRow) => string },
): string {
  const updated = new Date(events.reduce((max, e) => Math.max(max, e.updated_at.getTime()), 0));
  const feed = new Feed({
    id: o.self,
    title: o.title,
    link: o.home,
    updated,
    generator: 'r1540',
    feedLinks: { atom: o.self },
    copyright: '',
  });
  for (const e of events)
    feed.addItem({
      id: `urn:uuid:${e.id}`,
      title: e.title,
      link: o.names.url(e.id),
      date: e.updated_at,
      published: e.created_at,
      description: [o.dates(e), placeOf(e, o.names.state), e.description].filter(Boolean).join(' — '),
    });
  return feed.atom1();
}
