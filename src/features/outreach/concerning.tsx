import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { EventTable } from './calendar-page.tsx';
import { CooperationList } from './cooperation-routes.tsx';
import { namesFor } from './labels.ts';
import { cooperationFor, eventsFor } from './present.ts';
import { listCooperation, listEvents } from './queries.ts';

/**
 * The events that concern a State (held there or organized by it) or an organization (among the
 * organizers), newest first, as far as the reader may see them; for an organization, also what the
 * Committee did with it. For the State page and the organization page.
 */
export const OutreachConcerning: FC<{
  m: Messages;
  db: Kysely<DB>;
  viewer: Viewer | null;
  state?: string;
  organization?: string;
}> = async ({ m, db, viewer, state, organization }) => {
  const filter = state ? { state } : { organization: organization ?? '' };
  const [rows, cooperation] = await Promise.all([
    listEvents(db, viewer, filter, 20, 'desc'),
    organization ? listCooperation(db, viewer, { organization }) : Promise.resolve([]),
  ]);
  if (!rows.length && !cooperation.length) return null;
  const [events, shown, names] = await Promise.all([
    eventsFor(db, viewer, rows),
    cooperationFor(db, viewer, cooperation),
    namesFor(db, viewer, m),
  ]);
  const query = state ? `state=${state}` : `organization=${organization}`;
  return (
    <>
      {events.length > 0 && (
        <section id="overview-outreach" aria-labelledby="overview-outreach-title">
          <h2 id="overview-outreach-title">{m.t('outreach.stateSection')}</h2>
          <EventTable m={m} events={events} names={names} caption={m.t('outreach.stateSection')} />
          <p>
            <a href={`/${m.locale}/events?${query}`}>{m.t('outreach.allEvents')}</a> ·{' '}
            <a href={`/${m.locale}/events.ics?${query}`}>{m.t('outreach.ics')}</a>
          </p>
        </section>
      )}
      {shown.length > 0 && (
        <section id="overview-cooperation" aria-labelledby="overview-cooperation-title">
          <h2 id="overview-cooperation-title">{m.t('outreach.cooperation.section')}</h2>
          <CooperationList m={m} rows={shown} />
        </section>
      )}
    </>
  );
};
