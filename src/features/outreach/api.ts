import { createRoute, z } from '@hono/zod-openapi';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { type Messages, messages } from '../../platform/i18n/i18n.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { createEvent, updateEvent } from './commands.ts';
import { calendarOf, filteredCalendar, icsResponse } from './feeds.ts';
import { asAtPeriod, byAudience, byGroup, outreachFigures, yearPeriod } from './figures.ts';
import { type EventFilters, eventFilters } from './inputs.ts';
import { eventRecord, eventsFor } from './present.ts';
import { eventResource, listEvents, visibleEvent } from './queries.ts';
import { audiences, eventGroups, eventStatuses, participantRoles, participationModes, translationLanguages } from './schema.ts';

export const tags = ['Outreach'];
export const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const EventTextSchema = z.object({ title: z.string(), description: z.string(), city: z.string() });
const TranslationsSchema = z.object(Object.fromEntries(translationLanguages.map((l) => [l, EventTextSchema.optional()]))).openapi({
  description:
    'The title, description and city in the languages the event is translated into (ar, es, fr, ru, zh; its own fields are the English). A language left out is not translated: pages show the English, marked as such.',
});

const ParticipantSchema = z.object({
  role: z.enum(participantRoles),
  mode: z.enum(participationModes),
  expertId: z.string().nullable(),
  name: z.string(),
});

export const EventSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    group: z.enum(eventGroups).openapi({ description: 'The annex’s group' }),
    status: z.enum(eventStatuses),
    confirmed: z.boolean().openapi({ description: 'A planned event announced: the public sees held and confirmed events only' }),
    listed: z.boolean().openapi({ description: 'Listed in the annex of the annual review' }),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().openapi({ format: 'date' }),
    organizerStates: z.array(z.string()),
    organizerOrganizations: z.array(z.string()),
    byCommittee: z.boolean(),
    city: z.string(),
    translations: TranslationsSchema,
    stateIso3: z.string().nullable(),
    audiences: z.array(z.enum(audiences)),
    participants: z.array(ParticipantSchema),
    links: z.array(z.string()).openapi({ description: 'Records it concerns, "type:id" (those the caller may see)' }),
    source: z.string(),
    confidentiality: z.string(),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('OutreachEvent');

// The body of a new or changed event: checked by the write core, every problem named by its field (422).
const EventBody = z
  .object({
    title: z.string().optional(),
    description: z.string().optional(),
    group: z
      .string()
      .optional()
      .openapi({ description: eventGroups.join(', ') }),
    status: z
      .string()
      .optional()
      .openapi({ description: eventStatuses.join(', ') }),
    confirmed: z.boolean().optional(),
    listed: z.boolean().optional(),
    startsOn: z.string().optional().openapi({ format: 'date', example: '2018-09-17' }),
    endsOn: z.string().nullable().optional(),
    organizerStates: z.array(z.string()).optional(),
    organizerOrganizations: z.array(z.string()).optional(),
    byCommittee: z.boolean().optional(),
    city: z.string().optional(),
    translations: z
      .record(z.string(), z.object({ title: z.string().optional(), description: z.string().optional(), city: z.string().optional() }))
      .optional()
      .openapi({
        description:
          'By language (ar, es, fr, ru, zh): the title, description and city in it; a language whose three are empty is left out. Replaces the stored translations whole.',
      }),
    stateIso3: z.string().nullable().optional(),
    audiences: z.array(z.string()).optional(),
    participants: z
      .array(
        z.object({
          role: z.string(),
          mode: z.string().optional(),
          expertId: z.string().nullable().optional(),
          name: z.string().optional(),
        }),
      )
      .optional(),
    links: z.array(z.string()).optional(),
    confidentiality: z.string().optional(),
  })
  .openapi('OutreachEventInput');

const filterQuery = z.object({
  group: z
    .string()
    .optional()
    .openapi({ description: eventGroups.join(', ') }),
  organization: z.string().optional().openapi({ example: 'OSCE' }),
  state: z.string().optional().openapi({ description: 'Held in or organized by this State (ISO3)', example: 'KGZ' }),
  region: z.string().optional().openapi({ description: 'The regional group of the State where it is held' }),
  audience: z
    .string()
    .optional()
    .openapi({ description: audiences.join(', ') }),
  from: z.string().optional().openapi({ example: '2018-01-01' }),
  to: z.string().optional().openapi({ example: '2018-12-31' }),
});

export const withVersion = <R extends { row_version: number }>(row: R, view: object) => ({ ...view, rowVersion: row.row_version });

const FigureSchema = z.object({ key: z.string(), value: z.number().int(), definition: z.string() });

const figuresRoute = createRoute({
  method: 'get',
  path: '/events/figures',
  tags,
  summary: 'Outreach figures for a year or as at a date, each with the definition it uses (the annex rows; the count of ¶39…)',
  security: bearer,
  request: {
    query: z.object({
      year: z.string().optional().openapi({ example: '2018' }),
      asAt: z.string().optional().openapi({ example: '2018-12-22' }),
    }),
  },
  responses: {
    200: {
      description: 'The figures of the events the caller may see',
      content: json(
        z.object({
          from: z.string(),
          to: z.string(),
          figures: z.array(FigureSchema),
          byGroup: z.record(z.string(), z.number()),
          byAudience: z.record(z.string(), z.number()),
        }),
      ),
    },
    422: problems[422],
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/events',
  tags,
  summary: 'Outreach events the caller may see, by date (the public: held and confirmed events only)',
  security: bearer,
  request: { query: filterQuery },
  responses: {
    200: { description: 'The events', content: json(z.object({ count: z.number().int(), data: z.array(EventSchema) })) },
    422: problems[422],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/events/{id}',
  tags,
  summary: 'An outreach event (404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The event', content: json(EventSchema) }, 404: problems[404] },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/events',
  tags,
  summary: 'Record an outreach event',
  security: bearer,
  request: { body: { content: json(EventBody) } },
  responses: { 201: { description: 'The event', content: json(EventSchema) }, 401: problems[401], 403: problems[403], 422: problems[422] },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/events/{id}',
  tags,
  summary: 'Change an outreach event on the version seen (the fields given replace the stored ones; 409 if someone changed it since)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }), body: { content: json(EventBody.extend({ rowVersion: z.number().int() })) } },
  responses: { 200: { description: 'The event', content: json(EventSchema) }, 403: problems[403], 404: problems[404], 422: problems[422] },
});

const langQuery = z.object({
  lang: z
    .string()
    .optional()
    .openapi({ description: 'The language of the names and of the events’ links: ar, zh, en, fr, ru or es (default en)', example: 'fr' }),
});

const calendarContent = { 'text/calendar': { schema: z.string().openapi({ description: 'An iCalendar (RFC 5545)' }) } };

const calendarRoute = createRoute({
  method: 'get',
  path: '/events.ics',
  tags,
  summary:
    'The calendar’s iCalendar feed for a filter (the page’s feed): the events the caller may see, all-day, each with a stable UID so that a subscribed calendar replaces it when it changes; a filter matching nothing is a valid empty calendar',
  security: bearer,
  request: { query: filterQuery.merge(langQuery) },
  responses: { 200: { description: 'The calendar', content: calendarContent }, 422: problems[422] },
});

// `{id}.ics`: the id and the suffix in one segment, which the router matches by a pattern (registered before `/events/{id}`).
const eventCalendarRoute = createRoute({
  method: 'get',
  path: '/events/{id}.ics',
  tags,
  summary: 'One event as an iCalendar, with the UID of the calendar’s feed (404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }), query: langQuery },
  responses: { 200: { description: 'The event', content: calendarContent }, 404: problems[404], 422: problems[422] },
});

/** The reader's language for the names in a calendar, and the filters: every problem named (`lang`, `from`…), a 422. */
function calendarRequest(q: Record<string, string | undefined>): { m: Messages; filters: EventFilters } {
  const { lang = 'en', ...given } = q;
  const problems: FieldProblem[] = isLocale(lang) ? [] : [{ field: 'lang', problem: 'must be one of ar, zh, en, fr, ru, es' }];
  let filters: EventFilters = {};
  try {
    filters = eventFilters(given);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'validation')) throw e;
    problems.push(...e.fields);
  }
  if (problems.length) throw invalid(problems);
  return { m: messages(lang as 'en'), filters };
}

export function registerOutreachApi(api: Api) {
  api.openapi(calendarRoute, async (c) => {
    const { m, filters } = calendarRequest(c.req.valid('query'));
    const body = await filteredCalendar(c.get('app').database.db, c.get('viewer'), m, filters, new URL(c.req.url).origin);
    return icsResponse(body, 'events.ics') as never;
  });

  api.openAPIRegistry.registerPath(eventCalendarRoute);
  api.get('/events/:id{[0-9A-Za-z-]+\\.ics}', async (c) => {
    const { m } = calendarRequest({ lang: c.req.query('lang') });
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const e = await visibleEvent(db, viewer, c.req.param('id').slice(0, -'.ics'.length));
    return icsResponse(await calendarOf(db, viewer, m, [e], e.title, new URL(c.req.url).origin), `event-${e.id}.ics`);
  });

  api.openapi(figuresRoute, async (c) => {
    const q = c.req.valid('query');
    if (q.asAt !== undefined && !isIsoDate(q.asAt)) throw invalid([{ field: 'asAt', problem: 'must be a date (YYYY-MM-DD)' }]);
    if (q.year !== undefined && !/^(20\d\d|21\d\d)$/.test(q.year)) throw invalid([{ field: 'year', problem: 'must be a year (YYYY)' }]);
    const period = q.asAt ? asAtPeriod(q.asAt) : yearPeriod(Number(q.year ?? new Date().getUTCFullYear()));
    const rows = await listEvents(c.get('app').database.db, c.get('viewer'), {});
    const facts = rows.map((e) => ({
      startsOn: e.starts_on,
      group: e.event_group,
      audiences: e.audiences,
      participants: e.participants,
      status: e.status,
      listed: e.listed,
    }));
    return c.json(
      { ...period, figures: outreachFigures(facts, period), byGroup: byGroup(facts, period), byAudience: byAudience(facts, period) },
      200,
    );
  });

  api.openapi(listRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const rows = await listEvents(db, viewer, eventFilters(c.req.valid('query')));
    const shown = await eventsFor(db, viewer, rows);
    return c.json({ count: shown.length, data: shown.map((e) => withVersion(e, eventRecord(e)) as z.infer<typeof EventSchema>) }, 200);
  });

  api.openapi(getRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const [e] = await eventsFor(db, viewer, [await visibleEvent(db, viewer, c.req.valid('param').id)]);
    return c.json(withVersion(e!, eventRecord(e!)) as z.infer<typeof EventSchema>, 200);
  });

  api.openapi(createRouteDef, async (c) => {
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'outreach-event', confidentiality: 'committee' }), 'the recording of events');
    const db = c.get('app').database.db;
    const row = await createEvent(db, viewer, c.req.valid('json') as never);
    const [e] = await eventsFor(db, viewer, [row]);
    return c.json(withVersion(e!, eventRecord(e!)) as z.infer<typeof EventSchema>, 201);
  });

  api.openapi(updateRoute, async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const before = await visibleEvent(db, viewer, c.req.valid('param').id);
    authorize(c, can(viewer, 'update', eventResource(before)), 'the editing of this event');
    const { rowVersion, ...change } = c.req.valid('json');
    const row = await updateEvent(db, viewer, before.id, rowVersion, change as never);
    const [e] = await eventsFor(db, viewer, [row]);
    return c.json(withVersion(e!, eventRecord(e!)) as z.infer<typeof EventSchema>, 200);
  });
}
