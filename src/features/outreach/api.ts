import { createRoute, z } from '@hono/zod-openapi';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { type Messages, messages } from '../../platform/i18n/i18n.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { createCooperation, createEvent, updateCooperation, updateEvent } from './commands.ts';
import { calendarOf, filteredCalendar, icsResponse } from './feeds.ts';
import { asAtPeriod, byAudience, byGroup, outreachFigures, yearPeriod } from './figures.ts';
import { type EventFilters, eventFilters } from './inputs.ts';
import { cooperationFor, cooperationRecord, eventRecord, eventsFor } from './present.ts';
import { cooperationResource, eventResource, listCooperation, listEvents, visibleCooperation, visibleEvent } from './queries.ts';
import { audiences, cooperationActivities, eventGroups, eventStatuses, participantRoles, participationModes } from './schema.ts';

const tags = ['Outreach'];
const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

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

const CooperationSchema = z
  .object({
    id: z.string(),
    organizationCode: z.string(),
    activity: z.enum(cooperationActivities),
    startsOn: z.string(),
    endsOn: z.string(),
    description: z.string(),
    links: z.array(z.string()),
    stateIso3: z.string().nullable(),
    source: z.string(),
    confidentiality: z.string(),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('OrganizationCooperation');

// The body of a new or changed event or cooperation record: checked by the write core, every problem named by its field (422).
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

const CooperationBody = z
  .object({
    organizationCode: z.string().optional(),
    activity: z
      .string()
      .optional()
      .openapi({ description: cooperationActivities.join(', ') }),
    startsOn: z.string().optional(),
    endsOn: z.string().nullable().optional(),
    description: z.string().optional(),
    links: z.array(z.string()).optional(),
    stateIso3: z.string().nullable().optional(),
    confidentiality: z.string().optional(),
  })
  .openapi('OrganizationCooperationInput');

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

const withVersion = <R extends { row_version: number }>(row: R, view: object) => ({ ...view, rowVersion: row.row_version });

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

const cooperationListRoute = createRoute({
  method: 'get',
  path: '/cooperation',
  tags,
  summary: 'The Committee’s cooperation with organizations, by organization',
  security: bearer,
  request: { query: z.object({ organization: z.string().optional().openapi({ example: 'OPCW' }) }) },
  responses: {
    200: { description: 'The records', content: json(z.object({ count: z.number().int(), data: z.array(CooperationSchema) })) },
  },
});

const cooperationGetRoute = createRoute({
  method: 'get',
  path: '/cooperation/{id}',
  tags,
  summary: 'A cooperation record (404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The record', content: json(CooperationSchema) }, 404: problems[404] },
});

const cooperationCreateRoute = createRoute({
  method: 'post',
  path: '/cooperation',
  tags,
  summary: 'Record a cooperation with an organization',
  security: bearer,
  request: { body: { content: json(CooperationBody) } },
  responses: {
    201: { description: 'The record', content: json(CooperationSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
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

const cooperationUpdateRoute = createRoute({
  method: 'put',
  path: '/cooperation/{id}',
  tags,
  summary: 'Change a cooperation record on the version seen (the fields given replace the stored ones; 409 if someone changed it since)',
  security: bearer,
  request: {
    params: z.object({ id: z.string().max(40) }),
    body: { content: json(CooperationBody.extend({ rowVersion: z.number().int() })) },
  },
  responses: {
    200: { description: 'The record', content: json(CooperationSchema) },
    403: problems[403],
    404: problems[404],
    409: { description: 'Changed by someone else since the version given', content: problems[422].content },
    422: problems[422],
  },
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

  api.openapi(cooperationListRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const organization = c.req.valid('query').organization?.toUpperCase();
    const rows = await cooperationFor(db, viewer, await listCooperation(db, viewer, organization ? { organization } : {}));
    return c.json(
      { count: rows.length, data: rows.map((r) => withVersion(r, cooperationRecord(r)) as z.infer<typeof CooperationSchema>) },
      200,
    );
  });

  api.openapi(cooperationGetRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const [r] = await cooperationFor(db, viewer, [await visibleCooperation(db, viewer, c.req.valid('param').id)]);
    return c.json(withVersion(r!, cooperationRecord(r!)) as z.infer<typeof CooperationSchema>, 200);
  });

  api.openapi(cooperationCreateRoute, async (c) => {
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'cooperation', confidentiality: 'committee' }), 'the recording of cooperation');
    const db = c.get('app').database.db;
    const row = await createCooperation(db, viewer, c.req.valid('json') as never);
    return c.json(withVersion(row, cooperationRecord(row)) as z.infer<typeof CooperationSchema>, 201);
  });

  api.openapi(cooperationUpdateRoute, async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const before = await visibleCooperation(db, viewer, c.req.valid('param').id);
    authorize(c, can(viewer, 'update', cooperationResource(before)), 'the editing of this cooperation record');
    const { rowVersion, ...change } = c.req.valid('json');
    const [row] = await cooperationFor(db, viewer, [await updateCooperation(db, viewer, before.id, rowVersion, change as never)]);
    return c.json(withVersion(row!, cooperationRecord(row!)) as z.infer<typeof CooperationSchema>, 200);
  });
}
