import type { FC } from 'hono/jsx';
import { eventText } from './present.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { ListTable, TableRegion } from '../../platform/ui/tables.tsx';
import { groupName, regionalGroups } from '../member-states/index.ts';
import { datesText, label, type Names, organizersText, stateName } from './labels.ts';
import type { EventRow } from './queries.ts';
import { audiences, eventGroups } from './schema.ts';

/** The calendar's query as typed (kept in links and in the form). */
export interface CalendarQuery {
  view: 'list' | 'month';
  month: string;
  group: string;
  organization: string;
  state: string;
  region: string;
  audience: string;
}

export const filterKeys = ['group', 'organization', 'state', 'region', 'audience'] as const;

/** The query string of the calendar with some values changed (empty ones left out). */
export function queryOf(
  q: CalendarQuery,
  change: Partial<CalendarQuery> = {},
  keys: readonly (keyof CalendarQuery)[] = ['view', 'month', ...filterKeys],
): string {
  const p = new URLSearchParams();
  const all = { ...q, ...change };
  for (const k of keys) if (all[k]) p.set(k, all[k]);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const addMonths = (month: string, n: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** The weeks of a month, Monday first: each day as ISO, or null outside the month. */
export function monthWeeks(month: string): (string | null)[][] {
  const first = new Date(`${month}-01T00:00:00Z`);
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** An event's title in the reader's language where it is translated, else its English, marked so. */
const EventLink: FC<{ m: Messages; e: EventRow }> = ({ m, e }) => {
  const t = eventText(e, m.locale);
  return (
    <a href={`/${m.locale}/events/${e.id}`} lang={t.language === m.locale ? undefined : t.language}>
      {t.title}
    </a>
  );
};

const MonthView: FC<{ m: Messages; q: CalendarQuery; events: EventRow[] }> = ({ m, q, events }) => {
  const weekday = new Intl.DateTimeFormat(m.locale, { weekday: 'short', timeZone: 'UTC' });
  // 2018-01-01 was a Monday.
  const names = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(Date.UTC(2018, 0, 1 + i))));
  const title = new Intl.DateTimeFormat(m.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${q.month}-01T00:00:00Z`),
  );
  const on = (day: string) => events.filter((e) => e.starts_on <= day && e.ends_on >= day);
  return (
    <>
      <nav class="actions" aria-label={m.t('outreach.month')}>
        <a href={`/${m.locale}/events${queryOf(q, { month: addMonths(q.month, -1) })}`} rel="prev">
          {m.t('outreach.previousMonth')}
        </a>
        <a href={`/${m.locale}/events${queryOf(q, { month: addMonths(q.month, 1) })}`} rel="next">
          {m.t('outreach.nextMonth')}
        </a>
      </nav>
      <TableRegion labelledBy="outreach-month-caption">
        <table class="outreach-month">
          <caption id="outreach-month-caption">{title}</caption>
          <thead>
            <tr>
              {names.map((n) => (
                <th scope="col">{n}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(q.month).map((week) => (
              <tr>
                {week.map((day) =>
                  day ? (
                    <td>
                      <time datetime={day}>{Number(day.slice(8))}</time>
                      {on(day).length > 0 && (
                        <ul>
                          {on(day).map((e) => (
                            <li>
                              <EventLink m={m} e={e} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ) : (
                    <td />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {events.length === 0 && <p>{m.t('outreach.noneThisMonth')}</p>}
    </>
  );
};

export const EventTable: FC<{ m: Messages; events: EventRow[]; names: Names; caption: string }> = ({ m, events, names, caption }) => (
  <ListTable
    id="outreach-events"
    caption={caption}
    columns={[m.t('outreach.dates'), m.t('outreach.field.title'), m.t('outreach.group'), m.t('outreach.organizers'), m.t('outreach.place')]}
  >
    {events.map((e) => (
      <tr>
        <td>
          <time datetime={e.starts_on}>{datesText(m, e)}</time>
          {e.status !== 'held' && <> ({label(m, `status.${e.status}`)})</>}
        </td>
        <th scope="row">
          <EventLink m={m} e={e} />
        </th>
        <td>{label(m, `group.${e.event_group}`)}</td>
        <td>{organizersText(m, e, names)}</td>
        <td>{[eventText(e, m.locale).city, e.state_iso3 ? stateName(names, e.state_iso3) : ''].filter(Boolean).join(', ')}</td>
      </tr>
    ))}
  </ListTable>
);

/** `/{lang}/events`: the filters (a GET form), the month or the list, and the feeds of the same filter. */
export const CalendarPage: FC<{ m: Messages; q: CalendarQuery; events: EventRow[]; names: Names; mayCreate: boolean }> = ({
  m,
  q,
  events,
  names,
  mayCreate,
}) => {
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  const organizations = [...names.organizations].sort((a, b) => m.compare(a[1], b[1]));
  const feedQuery = queryOf(q, {}, filterKeys);
  return (
    <>
      <p>{m.t('outreach.intro')}</p>
      {mayCreate && (
        <p>
          <a href={`/${m.locale}/events/new`}>{m.t('outreach.new')}</a>
        </p>
      )}
      <FilterForm submit={m.t('outreach.filter')}>
        <input type="hidden" name="view" value={q.view} />
        {q.view === 'month' && <input type="hidden" name="month" value={q.month} />}
        <SelectField
          name="group"
          label={m.t('outreach.group')}
          all={m.t('outreach.allGroups')}
          value={q.group}
          options={eventGroups.map((g) => ({ value: g, label: label(m, `group.${g}`) }))}
        />
        <SelectField
          name="organization"
          label={m.t('outreach.organization')}
          all={m.t('outreach.allOrganizations')}
          value={q.organization}
          options={organizations.map(([code, name]) => ({ value: code, label: name }))}
        />
        <SelectField
          name="state"
          label={m.t('outreach.state')}
          all={m.t('outreach.allStates')}
          value={q.state}
          options={states.map(([iso3, name]) => ({ value: iso3, label: name }))}
        />
        <SelectField
          name="region"
          label={m.t('outreach.region')}
          all={m.t('outreach.allRegions')}
          value={q.region}
          options={regionalGroups.map((g) => ({ value: g, label: groupName(g, m.locale) }))}
        />
        <SelectField
          name="audience"
          label={m.t('outreach.audience')}
          all={m.t('outreach.allAudiences')}
          value={q.audience}
          options={audiences.map((a) => ({ value: a, label: label(m, `audience.${a}`) }))}
        />
      </FilterForm>
      <nav class="actions" aria-label={m.t('outreach.view')}>
        <a href={`/${m.locale}/events${queryOf(q, { view: 'list', month: '' })}`} aria-current={q.view === 'list' ? 'page' : undefined}>
          {m.t('outreach.view.list')}
        </a>
        <a href={`/${m.locale}/events${queryOf(q, { view: 'month' })}`} aria-current={q.view === 'month' ? 'page' : undefined}>
          {m.t('outreach.view.month')}
        </a>
      </nav>
      <p role="status" class="count">
        {m.t('outreach.count', { count: events.length })} · <a href={`/${m.locale}/events.ics${feedQuery}`}>{m.t('outreach.ics')}</a> ·{' '}
        <a href={`/${m.locale}/events.atom${feedQuery}`}>{m.t('outreach.atom')}</a> ·{' '}
        <a href={`/${m.locale}/cooperation`}>{m.t('outreach.cooperation.title')}</a>
      </p>
      {q.view === 'month' ? (
        <MonthView m={m} q={q} events={events} />
      ) : events.length ? (
        <EventTable m={m} events={events} names={names} caption={m.t('outreach.title')} />
      ) : (
        <p>{m.t('outreach.none')}</p>
      )}
    </>
  );
};
