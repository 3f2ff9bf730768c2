import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { eventsCalendar } from './calendar.ts';
import type { EventFilters } from './inputs.ts';
import { namesFor, stateName } from './labels.ts';
import { eventIn, eventsFor } from './present.ts';
import { type Db, type EventRow, listEvents } from './queries.ts';

/*
 * The iCalendar of the calendar's doors (the page's feed, the API, `r1540 events ics`): the same
 * events (the reader's, by the same presenter), the same names and the same UIDs, whichever door.
 */

/** An iCalendar of these events as the reader sees them; each event's URL is its page under `origin`, in the reader's language. */
export async function calendarOf(db: Db, viewer: Viewer | null, m: Messages, rows: readonly EventRow[], name: string, origin: string) {
  const [events, names] = await Promise.all([eventsFor(db, viewer, rows), namesFor(db, viewer, m)]);
  // Each event's title, description and city in the reader's language where it is translated.
  return eventsCalendar(
    events.map((e) => eventIn(e, m.locale)),
    name,
    { state: (iso3) => stateName(names, iso3), url: (id) => `${origin}/${m.locale}/events/${id}` },
  );
}

/** The calendar's feed for a filter: every event the reader may see that matches (none: a valid, empty calendar). */
export async function filteredCalendar(db: Db, viewer: Viewer | null, m: Messages, filters: EventFilters, origin: string) {
  return calendarOf(db, viewer, m, await listEvents(db, viewer, filters), m.t('outreach.title'), origin);
}

/** An iCalendar as a response, shown inline by a calendar program. */
export const icsResponse = (body: string, file: string) =>
  new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${file}"` } });
