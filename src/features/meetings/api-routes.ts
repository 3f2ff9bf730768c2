import { createRoute, z } from '@hono/zod-openapi';
import { bearer, PartialLocalizedTextSchema, problems } from '../../platform/http/api-common.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { coordinatorFields, meetingFields } from './inputs.ts';
import type { MeetingView } from './present.ts';
import type { ProgrammeRow, WorkingGroupRow } from './queries.ts';
import { itemStatuses, meetingKinds, programmeAreas, recordSources } from './schema.ts';

// The OpenAPI routes and response shapes of the meetings API (api.ts registers them).

export const tags = ['Committee'];
export const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
export const date = (example: string) => z.string().openapi({ format: 'date', example });

export const MeetingSchema = z
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

export function meetingJson(v: MeetingView, groups: ReadonlyMap<string, WorkingGroupRow>): z.infer<typeof MeetingSchema> {
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

export const paging = {
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

export const listRoute = createRoute({
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

export const FiguresSchema = z
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

export const figuresRoute = createRoute({
  method: 'get',
  path: '/meetings/figures',
  tags,
  summary: 'The meetings of a year by kind and by working group (S/2018/1167 ¶4, ¶5, ¶7), with the definition of each figure',
  security: bearer,
  request: {
    query: z.object({
      year: z.coerce
        .number()
        .int()
        .min(2004)
        .max(2199)
        .optional()
        .openapi({ example: 2018, description: 'The year counted; this year when absent' }),
      asAt: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
        .optional()
        .openapi({ format: 'date', description: 'Count only the meetings held on or before this date' }),
    }),
  },
  responses: { 200: { description: 'The figures', content: json(FiguresSchema) }, 422: problems[422] },
});

export const getRoute = createRoute({
  method: 'get',
  path: '/meetings/{id}',
  tags,
  summary: 'A meeting (its record, or only the fact of a formal meeting; 404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The meeting', content: json(MeetingSchema) }, 404: problems[404] },
});

export const MeetingBody = z.object({ ...meetingFields }).openapi('MeetingInput');

export const createRouteDef = createRoute({
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

export const updateRouteDef = createRoute({
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

export const CoordinatorSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    person: z.string(),
    startedOn: z.string(),
    endedOn: z.string().nullable(),
    source: z.enum(recordSources),
  })
  .openapi('WorkingGroupCoordinator');
export const WorkingGroupSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    names: PartialLocalizedTextSchema,
    coordinators: z.array(CoordinatorSchema),
    archived: z.boolean(),
  })
  .openapi('WorkingGroup');

export const groupsRoute = createRoute({
  method: 'get',
  path: '/working-groups',
  tags,
  summary: 'The working groups of the Committee and their coordinators',
  security: bearer,
  responses: { 200: { description: 'The working groups', content: json(z.object({ data: z.array(WorkingGroupSchema) })) } },
});

export const groupRoute = createRoute({
  method: 'get',
  path: '/working-groups/{code}',
  tags,
  summary: 'A working group and its coordinators',
  security: bearer,
  request: { params: z.object({ code: z.string().max(40).openapi({ example: 'assistance' }) }) },
  responses: { 200: { description: 'The working group', content: json(WorkingGroupSchema) }, 404: problems[404] },
});

export const coordinatorRoute = createRoute({
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

export const ItemSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    area: z.enum(programmeAreas),
    status: z.enum(itemStatuses),
    records: z.array(z.object({ recordType: z.string(), recordId: z.string(), dated: z.string().nullable() })),
  })
  .openapi('ProgrammeItem');
export const ProgrammeSchema = z
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

export const programmeJson = (p: ProgrammeRow) => ({
  id: p.id,
  number: p.number,
  symbol: p.symbol,
  startedOn: p.started_on,
  endedOn: p.ended_on,
  reviewCutoffOn: p.review_cutoff_on,
  source: p.source,
});

export const programmesRoute = createRoute({
  method: 'get',
  path: '/programmes',
  tags,
  summary: 'The programmes of work of the Committee, the latest first',
  security: bearer,
  responses: { 200: { description: 'The programmes', content: json(z.object({ data: z.array(ProgrammeSchema) })) } },
});

export const programmeRoute = createRoute({
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
