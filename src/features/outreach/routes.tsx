import { Hono } from 'hono';
import { recordHistory } from '../../platform/audit/history.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { todayIso } from '../../platform/values/dates.ts';
import { eventsAtom, type FeedNames } from './calendar.ts';
import { type CalendarQuery, CalendarPage } from './calendar-page.tsx';
import { createEvent, setEventArchived, updateEvent } from './commands.ts';
import { cooperationRoutes } from './cooperation-routes.tsx';
import { EventDetail } from './event-page.tsx';
import { calendarOf, filteredCalendar, icsResponse } from './feeds.ts';
import { EventForm, type EventFormValues, emptyEvent, eventFormValues, eventInputOf, eventValuesOf } from './forms.tsx';
import { checkEventInput, eventFilters } from './inputs.ts';
import { datesText, namesFor, stateName } from './labels.ts';
import { eventIn, eventText, eventsFor } from './present.ts';
import { eventResource, listEvents, newestEvents, visibleEvent } from './queries.ts';

const mayCreate = (viewer: Viewer | null) => can(viewer, 'create', { type: 'outreach-event', confidentiality: 'committee' });

/** The calendar's query from the request: the view, the month shown, and the filters (checked: a bad one is a 422 naming it). */
function calendarQuery(c: AppContextOf): CalendarQuery {
  const q = (k: string) => c.req.query(k) ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(q('month')) ? q('month') : todayIso().slice(0, 7);
  return {
    view: q('view') === 'month' ? 'month' : 'list',
    month,
    group: q('group'),
    organization: q('organization'),
    state: q('state'),
    region: q('region'),
    audience: q('audience'),
  };
}

function filtersOf(q: CalendarQuery, month = false) {
  const f = eventFilters({ group: q.group, organization: q.organization, state: q.state, region: q.region, audience: q.audience });
  if (!month) return f;
  const [y, mo] = q.month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  return { ...f, from: `${q.month}-01`, to: last };
}

async function feedNames(c: AppContextOf) {
  const m = c.get('m');
  const names = await namesFor(c.get('app').database.db, c.get('viewer'), m);
  const origin = new URL(c.req.url).origin;
  const feed: FeedNames = { state: (iso3) => stateName(names, iso3), url: (id) => `${origin}/${m.locale}/events/${id}` };
  return { names, feed, origin };
}

/** `/{lang}/events…` (the calendar, its feeds, an event, its forms and history) and `/{lang}/cooperation…`. */
export function outreachWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/events', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const q = calendarQuery(c);
    const rows = await listEvents(db, viewer, filtersOf(q, q.view === 'month'), 100_000, q.view === 'month' ? 'asc' : 'desc');
    const [events, names] = await Promise.all([eventsFor(db, viewer, rows), namesFor(db, viewer, m)]);
    return render(
      c,
      { title: m.t('outreach.title') },
      <CalendarPage m={m} q={q} events={events} names={names} mayCreate={mayCreate(viewer)} />,
    );
  });

  r.get('/events.ics', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const origin = new URL(c.req.url).origin;
    return icsResponse(await filteredCalendar(db, viewer, m, filtersOf(calendarQuery(c)), origin), 'events.ics');
  });

  r.get('/events.atom', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const rows = await newestEvents(db, viewer, filtersOf(calendarQuery(c)), 50);
    const { feed, origin } = await feedNames(c);
    const url = new URL(c.req.url);
    const body = eventsAtom(
      (await eventsFor(db, viewer, rows)).map((e) => eventIn(e, m.locale)),
      {
        title: m.t('outreach.title'),
        self: `${origin}${url.pathname}${url.search}`,
        home: `${origin}/${m.locale}/events`,
        names: feed,
        dates: (e) => datesText(m, e),
      },
    );
    return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
  });

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: EventFormValues,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
  ) =>
    render(
      c,
      { title, status },
      <EventForm m={c.get('m')} action={action} cancel={cancel} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
    );

  r.get('/events/new', (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c.get('viewer')), 'the recording of events');
    return formPage(c, m.t('outreach.new'), `/${m.locale}/events/new`, `/${m.locale}/events`, emptyEvent, [], 200);
  });

  r.post('/events/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreate(viewer), 'the recording of events');
    const values = eventFormValues(await formBody(c));
    const parse: FieldProblem[] = [];
    const input = eventInputOf(values, parse);
    try {
      if (parse.length) throw invalid([...checkEventInput(input, todayIso()), ...parse]);
      const e = await createEvent(c.get('app').database.db, viewer, input);
      return c.redirect(`/${m.locale}/events/${e.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      return formPage(c, m.t('outreach.new'), `/${m.locale}/events/new`, `/${m.locale}/events`, values, e.fields, 422);
    }
  });

  r.get('/events/:id/event.ics', async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const e = await visibleEvent(db, viewer, c.req.param('id'));
    const m = c.get('m');
    return icsResponse(await calendarOf(db, viewer, m, [e], eventText(e, m.locale).title, new URL(c.req.url).origin), `event-${e.id}.ics`);
  });

  r.get('/events/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await visibleEvent(db, viewer, c.req.param('id'));
    const [[seen], names] = await Promise.all([eventsFor(db, viewer, [row]), namesFor(db, viewer, m)]);
    const e = eventIn(seen!, m.locale);
    const resource = eventResource(row);
    return render(
      c,
      { title: e.title },
      <EventDetail
        m={m}
        e={e}
        names={names}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, row.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
        }}
      />,
    );
  });

  r.get('/events/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const e = await visibleEvent(c.get('app').database.db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'read-history', eventResource(e)), 'the history of this event');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(viewer), 'outreach-event', e.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: eventText(e, m.locale).title }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/events/${e.id}`} />,
    );
  });

  r.get('/events/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const e = await visibleEvent(c.get('app').database.db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', eventResource(e)), 'the editing of this event');
    const base = `/${m.locale}/events/${e.id}`;
    return formPage(c, m.t('outreach.editTitle', { title: e.title }), `${base}/edit`, base, eventValuesOf(e), [], 200);
  });

  r.post('/events/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const e = await visibleEvent(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', eventResource(e)), 'the editing of this event');
    const base = `/${m.locale}/events/${e.id}`;
    const title = m.t('outreach.editTitle', { title: e.title });
    const values = eventFormValues(await formBody(c));
    const parse: FieldProblem[] = [];
    const input = eventInputOf(values, parse);
    try {
      if (parse.length) throw invalid([...checkEventInput(input, todayIso()), ...parse]);
      await updateEvent(db, viewer, e.id, Number(values.version), input);
      return c.redirect(base, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return formPage(c, title, `${base}/edit`, base, values, err.fields, 422);
      if (err instanceof AppError && err.code === 'conflict') {
        const fresh = await visibleEvent(db, viewer, e.id);
        return formPage(
          c,
          title,
          `${base}/edit`,
          base,
          { ...values, version: String(fresh.row_version) },
          [{ field: 'version', problem: err.message }],
          409,
        );
      }
      throw err;
    }
  });

  for (const archived of [true, false])
    r.post(`/events/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const e = await visibleEvent(db, viewer, c.req.param('id'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', eventResource(e)), 'this change');
      const body = await formBody(c);
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: e.title }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/events/${e.id}`,
        });
        if (ask) return ask;
      }
      const version = Number(text(body, 'version'));
      await setEventArchived(db, viewer, e.id, version, archived);
      return c.redirect(`/${c.get('m').locale}/events/${e.id}`, 303);
    });

  r.route('/cooperation', cooperationRoutes());
  return r;
}
