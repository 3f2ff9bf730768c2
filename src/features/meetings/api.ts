import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, PartialLocalizedTextSchema, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { createMeeting, saveCoordinator, updateMeeting } from './commands.ts';
import { meetingDefinitions, meetingFigures, workingGroupFigures } from './figures.ts';
import { coordinatorFields, meetingFields, meetingFilters } from './inputs.ts';
import { presentMeeting, presentMeetings, type MeetingView } from './present.ts';
import { visibleLinks } from './programme-routes.tsx';
import {
  coordinatorsOf,
  countedMeetings,
  itemsOf,
  listMeetings,
  listProgrammes,
  listWorkingGroups,
  meetingResource,
  type ProgrammeRow,
  visibleMeeting,
  visibleProgramme,
  visibleWorkingGroup,
  type WorkingGroupRow,
} from './queries.ts';
import { itemStatuses, meetingKinds, programmeAreas, recordSources } from './schema.ts';

const tags = ['Committee'];
const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
const date = (example: string) => z.string().openapi({ format: 'date', example });

const MeetingSchema = z
  .object({
    id: z.string().uuid(),
    heldOn: date('2018-11-27'),
    kind: z.enum(meetingKinds),
    body: z.string().openapi({ description: 'committee, council, or the working group’s code' }),
    restricted: z.boolean().openapi({
      description:
        'true: the caller may see only that the meeting took place (a formal meeting of the Committee); the fields below are absent',
    }),
    title: z.string().optional(),
    chair: z.string().optional(),
    participants: z.object({ states: z.array(z.string()), organizations: z.array(z.string()), other: z.string() }).optional(),
    agenda: z.array(z.string()).optional(),
    outcome: z.string().optional(),
    documents: z.array(z.object({ id: z.string(), title: z.string(), language: z.string() })).optional(),
    state: z.string().nullable().optional(),
    confidentiality: z.enum(confidentialityLevels).optional(),
    source: z.enum(recordSources).optional(),
    archived: z.boolean().optional(),
    rowVersion: z.number().int().optional(),
  })
  .openapi('Meeting');

function meetingJson(v: MeetingView, groups: ReadonlyMap<string, WorkingGroupRow>): z.infer<typeof MeetingSchema> {
  const m = v.meeting;
  const body =
    m.kind === 'working-group'
      ? (groups.get(m.working_group_id ?? '')?.code ?? 'working-group')
      : m.kind === 'council-briefing'
        ? 'council'
        : 'committee';
  const fact = { id: m.id, heldOn: m.held_on, kind: m.kind, body };
  if (!v.full) return { ...fact, restricted: true };
  const r = v.meeting;
  return {
    ...fact,
    restricted: false,
    title: r.title,
    chair: r.chair,
    participants: { states: v.states, organizations: v.organizations, other: r.participants_other },
    agenda: r.agenda,
    outcome: r.outcome,
    documents: v.documents,
    state: r.state_iso3,
    confidentiality: r.confidentiality,
    source: r.source,
    archived: r.archived_at !== null,
    rowVersion: r.row_version,
  };
}

const paging = {
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

const listRoute = createRoute({
  method: 'get',
  path: '/meetings',
  tags,
  summary: 'Meetings of the Committee and its bodies: the records the caller may see, and the fact of every formal meeting',
  security: bearer,
  request: {
    query: z.object({
      year: z.string().optional().openapi({ example: '2018' }),
      kind: z
        .string()
        .optional()
        .openapi({ description: meetingKinds.join(', ') }),
      body: z.string().optional().openapi({ description: 'committee, council, or a working group’s code' }),
      state: z.string().optional().openapi({ description: 'Meetings a State took part in (ISO3); only records the caller may read' }),
      organization: z.string().optional().openapi({ description: 'Meetings an organization took part in (its code)' }),
      ...paging,
    }),
  },
  responses: {
    200: {
      description: 'A page of meetings',
      content: json(z.object({ count: z.number().int(), limit: z.number().int(), offset: z.number().int(), data: z.array(MeetingSchema) })),
    },
    422: problems[422],
  },
});

const FiguresSchema = z
  .object({
    year: z.number().int(),
    asAt: z.string().nullable(),
    formal: z.number().int(),
    informal: z.number().int(),
    briefings: z.number().int(),
    councilBriefings: z.number().int(),
    workingGroups: z.array(z.object({ code: z.string(), names: PartialLocalizedTextSchema, meetings: z.number().int() })),
    definitions: z.record(z.string(), z.string()),
  })
  .openapi('MeetingFigures');

const figuresRoute = createRoute({
  method: 'get',
  path: '/meetings/figures',
  tags,
  summary: 'The meetings of a year by kind and by working group (S/2018/1167 ¶4, ¶5, ¶7), with the definition of each figure',
  security: bearer,
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2004).max(2199).openapi({ example: 2018 }),
      asAt: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
        .optional()
        .openapi({ format: 'date', description: 'Count only the meetings held on or before this date' }),
    }),
  },
  responses: { 200: { description: 'The figures', content: json(FiguresSchema) }, 422: problems[422] },
});

const getRoute = createRoute({
  method: 'get',
  path: '/meetings/{id}',
  tags,
  summary: 'A meeting (its record, or only the fact of a formal meeting; 404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The meeting', content: json(MeetingSchema) }, 404: problems[404] },
});

const MeetingBody = z.object({ ...meetingFields }).openapi('MeetingInput');

const createRouteDef = createRoute({
  method: 'post',
  path: '/meetings',
  tags,
  summary: 'Record a meeting',
  security: bearer,
  request: { body: { content: json(MeetingBody) } },
  responses: {
    201: { description: 'The meeting', content: json(MeetingSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

const updateRouteDef = createRoute({
  method: 'put',
  path: '/meetings/{id}',
  tags,
  summary: 'Change a meeting, on the version the caller saw (409 if someone else changed it since)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }), body: { content: json(MeetingBody.extend({ rowVersion: z.number().int() })) } },
  responses: {
    200: { description: 'The meeting', content: json(MeetingSchema) },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});

const CoordinatorSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    person: z.string(),
    startedOn: z.string(),
    endedOn: z.string().nullable(),
    source: z.enum(recordSources),
  })
  .openapi('WorkingGroupCoordinator');
const WorkingGroupSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    names: PartialLocalizedTextSchema,
    coordinators: z.array(CoordinatorSchema),
    archived: z.boolean(),
  })
  .openapi('WorkingGroup');

const groupsRoute = createRoute({
  method: 'get',
  path: '/working-groups',
  tags,
  summary: 'The working groups of the Committee and their coordinators',
  security: bearer,
  responses: { 200: { description: 'The working groups', content: json(z.object({ data: z.array(WorkingGroupSchema) })) } },
});

const groupRoute = createRoute({
  method: 'get',
  path: '/working-groups/{code}',
  tags,
  summary: 'A working group and its coordinators',
  security: bearer,
  request: { params: z.object({ code: z.string().max(40).openapi({ example: 'assistance' }) }) },
  responses: { 200: { description: 'The working group', content: json(WorkingGroupSchema) }, 404: problems[404] },
});

const coordinatorRoute = createRoute({
  method: 'post',
  path: '/working-groups/{code}/coordinators',
  tags,
  summary: 'Record a coordinator’s period (422 naming the field if it overlaps another of the group)',
  security: bearer,
  request: {
    params: z.object({ code: z.string().max(40) }),
    body: { content: json(z.object({ ...coordinatorFields }).openapi('CoordinatorInput')) },
  },
  responses: {
    201: { description: 'The coordinator', content: json(CoordinatorSchema) },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});

const ItemSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    area: z.enum(programmeAreas),
    status: z.enum(itemStatuses),
    records: z.array(z.object({ recordType: z.string(), recordId: z.string(), dated: z.string().nullable() })),
  })
  .openapi('ProgrammeItem');
const ProgrammeSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    symbol: z.string(),
    startedOn: z.string(),
    endedOn: z.string(),
    reviewCutoffOn: z.string().nullable(),
    source: z.enum(recordSources),
  })
  .openapi('ProgrammeOfWork');

const programmeJson = (p: ProgrammeRow) => ({
  id: p.id,
  number: p.number,
  symbol: p.symbol,
  startedOn: p.started_on,
  endedOn: p.ended_on,
  reviewCutoffOn: p.review_cutoff_on,
  source: p.source,
});

const programmesRoute = createRoute({
  method: 'get',
  path: '/programmes',
  tags,
  summary: 'The programmes of work of the Committee, the latest first',
  security: bearer,
  responses: { 200: { description: 'The programmes', content: json(z.object({ data: z.array(ProgrammeSchema) })) } },
});

const programmeRoute = createRoute({
  method: 'get',
  path: '/programmes/{number}',
  tags,
  summary: 'A programme of work, its items and the records (the caller may see) that carry each out',
  security: bearer,
  request: { params: z.object({ number: z.string().max(40).openapi({ example: '17' }) }) },
  responses: {
    200: { description: 'The programme', content: json(ProgrammeSchema.extend({ items: z.array(ItemSchema) })) },
    404: problems[404],
  },
});

export function registerMeetingsApi(api: Api) {
  const groupsById = async (c: AppContextOf, viewer: Viewer | null) =>
    new Map((await listWorkingGroups(c.get('app').database.db, viewer, true)).map((g) => [g.id, g]));

  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listMeetings(
      db,
      viewer,
      meetingFilters({ year: q.year, kind: q.kind, body: q.body, state: q.state, organization: q.organization }),
      page,
    );
    const groups = await groupsById(c, viewer);
    return c.json({ count: total, ...page, data: (await presentMeetings(db, viewer, rows)).map((v) => meetingJson(v, groups)) }, 200);
  });

  api.openapi(figuresRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('app').database.db;
    const [meetings, groups] = await Promise.all([countedMeetings(db), listWorkingGroups(db, c.get('viewer'))]);
    const f = meetingFigures(meetings, q.year, q.asAt);
    const perGroup = workingGroupFigures(
      meetings,
      groups.map((g) => g.id),
      q.year,
      q.asAt,
    );
    return c.json(
      {
        year: q.year,
        asAt: q.asAt ?? null,
        formal: f.formal,
        informal: f.informal,
        briefings: f.briefings,
        councilBriefings: f.councilBriefings,
        workingGroups: groups.map((g, i) => ({ code: g.code, names: g.names, meetings: perGroup[i]!.meetings })),
        definitions: { ...meetingDefinitions },
      },
      200,
    );
  });

  api.openapi(getRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const row = await visibleMeeting(db, viewer, c.req.valid('param').id);
    return c.json(meetingJson((await presentMeeting(db, viewer, row))!, await groupsById(c, viewer)), 200);
  });

  api.openapi(createRouteDef, async (c) => {
    const viewer = c.get('viewer');
    const body = c.req.valid('json');
    authorize(
      c,
      can(viewer, 'create', meetingResource({ confidentiality: body.confidentiality ?? 'committee', state_iso3: body.state ?? null })),
      'the recording of meetings',
    );
    const db = c.get('app').database.db;
    const row = await createMeeting(db, viewer!, body);
    return c.json(meetingJson((await presentMeeting(db, viewer, row))!, await groupsById(c, viewer)), 201);
  });

  api.openapi(updateRouteDef, async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const before = await visibleMeeting(db, viewer, c.req.valid('param').id);
    authorize(c, can(viewer, 'update', meetingResource(before)), 'the editing of this meeting');
    const { rowVersion, ...body } = c.req.valid('json');
    const row = await updateMeeting(db, viewer!, before.id, rowVersion, body);
    return c.json(meetingJson((await presentMeeting(db, viewer, row))!, await groupsById(c, viewer)), 200);
  });

  const groupJson = async (
    db: Parameters<typeof coordinatorsOf>[0],
    viewer: Parameters<typeof coordinatorsOf>[1],
    groups: WorkingGroupRow[],
  ) => {
    const coordinators = await coordinatorsOf(
      db,
      viewer,
      groups.map((g) => g.id),
    );
    return groups.map((g) => ({
      id: g.id,
      code: g.code,
      names: g.names,
      archived: g.archived_at !== null,
      coordinators: coordinators
        .filter((k) => k.working_group_id === g.id)
        .map((k) => ({ id: k.id, state: k.state_iso3, person: k.person, startedOn: k.started_on, endedOn: k.ended_on, source: k.source })),
    }));
  };

  api.openapi(groupsRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    return c.json({ data: await groupJson(db, viewer, await listWorkingGroups(db, viewer)) }, 200);
  });

  api.openapi(groupRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const g = await visibleWorkingGroup(db, viewer, c.req.valid('param').code);
    return c.json((await groupJson(db, viewer, [g]))[0]!, 200);
  });

  api.openapi(coordinatorRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'working-group-coordinator', confidentiality: 'public' }), 'the recording of coordinators');
    const g = await visibleWorkingGroup(db, viewer, c.req.valid('param').code);
    const body = c.req.valid('json');
    const k = await saveCoordinator(db, viewer!, g.id, { ...body, endedOn: body.endedOn ?? null });
    return c.json({ id: k.id, state: k.state_iso3, person: k.person, startedOn: k.started_on, endedOn: k.ended_on, source: k.source }, 201);
  });

  api.openapi(programmesRoute, async (c) => {
    return c.json({ data: (await listProgrammes(c.get('app').database.db, c.get('viewer'))).map(programmeJson) }, 200);
  });

  api.openapi(programmeRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const p = await visibleProgramme(db, viewer, c.req.valid('param').number);
    const items = await itemsOf(db, viewer, p.id);
    const withRecords = await Promise.all(
      items.map(async (i) => ({
        id: i.id,
        reference: i.reference,
        title: i.title,
        area: i.area,
        status: i.status,
        records: (await visibleLinks(db, viewer, null, i)).map((l) => ({ recordType: l.recordType, recordId: l.recordId, dated: l.dated })),
      })),
    );
    return c.json({ ...programmeJson(p), items: withRecords }, 200);
  });
}
