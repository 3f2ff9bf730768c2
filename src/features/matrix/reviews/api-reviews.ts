import { json } from '../api-common.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { asOf, reviewHolders, reviewStages, type StateProgress, summarizeProgress } from './review.ts';
import { assignExpert, createCycle, cycleProgress, cycleResource, findCycle, listCycles, type ReviewCycleRow } from './review-data.ts';
import { cycleContent } from './review-queries.ts';

const tags = ['1540 Matrix'];
const problemJson = { 'application/problem+json': { schema: ProblemSchema } };

const CycleSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string().openapi({ example: 'Comprehensive review 2026' }),
    purpose: z.string(),
    startsOn: z.string().openapi({ format: 'date', example: '2026-06-01' }),
    deadline: z.string().openapi({ format: 'date', example: '2027-03-31' }),
    template: z.string().openapi({ example: '2017' }),
    holdDays: z
      .number()
      .int()
      .openapi({ description: 'A State held longer than this many days by the same hands is overdue', example: 60 }),
    demo: z.boolean().openapi({ description: 'Demonstration data, not the Committee’s plan' }),
    closedAt: z.string().nullable().openapi({ format: 'date-time' }),
    rowVersion: z.number().int(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ReviewCycle');

const counts = z.object(
  Object.fromEntries(reviewStages.map((s) => [s, z.number().int()])) as Record<(typeof reviewStages)[number], z.ZodNumber>,
);

const ProgressSchema = z
  .object({
    state: z.string().openapi({ example: 'MLI' }),
    regionalGroup: z.string().openapi({ example: 'african' }),
    stage: z.enum(reviewStages).openapi({ description: 'not-started: no matrix version created since the cycle began' }),
    holder: z.enum(reviewHolders).openapi({ description: 'Who has to act next' }),
    holderName: z.string().nullable().openapi({ description: 'The assigned expert, when the experts hold it' }),
    version: z.number().int().nullable(),
    lastMoved: z.string().nullable().openapi({ format: 'date-time' }),
    daysSince: z.number().int().nullable(),
    overdue: z.enum(['deadline', 'held']).nullable(),
    expert: z.object({ id: z.string().uuid(), name: z.string().nullable() }).nullable(),
    note: z.string(),
  })
  .openapi('ReviewStateProgress');

const CycleProgressSchema = CycleSchema.extend({
  asOf: z.string().openapi({ format: 'date-time' }),
  summary: z.object({
    total: z.number().int(),
    finished: z.number().int().openapi({ description: 'Approved or published' }),
    overdue: z.number().int(),
    byStage: counts,
    byGroup: z.record(z.string(), z.object({ total: z.number().int(), overdue: z.number().int(), byStage: counts })),
  }),
  progress: z.array(ProgressSchema),
}).openapi('ReviewCycleProgress');

export function presentCycle(c: ReviewCycleRow): z.infer<typeof CycleSchema> {
  return {
    id: c.id,
    ...cycleContent(c),
    closedAt: c.closed_at?.toISOString() ?? null,
    rowVersion: c.row_version,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  };
}

export function presentProgress(p: StateProgress): z.infer<typeof ProgressSchema> {
  return {
    state: p.iso3,
    regionalGroup: p.regionalGroup,
    stage: p.stage,
    holder: p.holder,
    holderName: p.holderName,
    version: p.version,
    lastMoved: p.lastMoved?.toISOString() ?? null,
    daysSince: p.daysSince,
    overdue: p.overdue,
    expert: p.expertId ? { id: p.expertId, name: p.expertName } : null,
    note: p.note,
  };
}

/** Refused before the parameters or the body are read, so that a 422 tells an outsider nothing. */
const reader = createMiddleware<AppEnv>(async (c, next) => {
  authorize(c, can(c.get('viewer'), 'read', cycleResource()), 'review cycles');
  await next();
});
const keeper = createMiddleware<AppEnv>(async (c, next) => {
  authorize(c, can(c.get('viewer'), 'read', cycleResource()), 'review cycles');
  authorize(c, can(c.get('viewer'), 'update', cycleResource()), 'a change of review cycles');
  await next();
});

async function visibleCycle(c: AppContextOf, id: string): Promise<ReviewCycleRow> {
  const cycle = await findCycle(c.get('app').database.db, id);
  if (!cycle || cycle.archived_at || !can(c.get('viewer'), 'read', cycleResource(cycle)))
    throw new AppError('not-found', 'no review cycle has this id');
  return cycle;
}

const idParams = z.object({ id: z.string().uuid().openapi({ example: '6f1c1d6e-3b0a-4c55-9d7e-2f1a7e0b9c11' }) });
const refused = { description: 'The account may not see or change review cycles', content: problemJson };

const listRoute = createRoute({
  method: 'get',
  path: '/matrix/reviews',
  tags,
  summary: 'Review cycles (the Committee side only)',
  security: bearer,
  middleware: [reader] as const,
  responses: {
    200: { description: 'The cycles, latest deadline first', content: json(z.object({ data: z.array(CycleSchema) })) },
    401: problems[401],
    403: refused,
  },
});

const createCycleRoute = createRoute({
  method: 'post',
  path: '/matrix/reviews',
  tags,
  summary: 'Open a review cycle',
  description:
    'Experts, the secretariat and administrators open cycles. Every problem of the fields is reported at once, each named by its field.',
  security: bearer,
  middleware: [keeper] as const,
  request: {
    body: {
      required: true,
      content: json(
        z.object({
          title: z.string().max(1000).openapi({ example: 'Comprehensive review 2026' }),
          purpose: z.string().max(10000).optional(),
          startsOn: z.string().max(20).openapi({ format: 'date', example: '2026-06-01' }),
          deadline: z.string().max(20).openapi({ format: 'date', example: '2027-03-31' }),
          template: z.string().max(32).optional().openapi({ description: 'By default the newest locked template', example: '2017' }),
          holdDays: z.number().int().optional().openapi({ example: 60 }),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The new cycle', content: json(CycleSchema) },
    401: problems[401],
    403: refused,
    422: { description: 'The fields are not valid; each problem names its field', content: problemJson },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/matrix/reviews/{id}',
  tags,
  summary: 'A review cycle with where each State’s matrix stands in it',
  description:
    'For every Member State: the stage of its matrix in the cycle, who holds it, when it last moved, and whether it is overdue (past the deadline and not yet approved, or held longer than `holdDays`). A closed cycle stands as it was when it was closed.',
  security: bearer,
  middleware: [reader] as const,
  request: { params: idParams },
  responses: {
    200: { description: 'The cycle and its progress', content: json(CycleProgressSchema) },
    401: problems[401],
    403: refused,
    404: problems[404],
    422: problems[422],
  },
});

const assignRoute = createRoute({
  method: 'put',
  path: '/matrix/reviews/{id}/assignments',
  tags,
  summary: 'Assign an expert to States of a cycle (or clear their assignment), all of them or none',
  security: bearer,
  middleware: [keeper] as const,
  request: {
    params: idParams,
    body: {
      required: true,
      content: json(
        z.object({
          states: z
            .array(z.string().max(10))
            .max(250)
            .openapi({ example: ['MLI', 'NER'] }),
          expert: z.string().nullable().openapi({ description: 'The id of an expert’s account; null clears the assignment' }),
          note: z.string().max(2000).optional(),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'Assigned', content: json(z.object({ assigned: z.number().int() })) },
    401: problems[401],
    403: refused,
    404: problems[404],
    409: { description: 'The cycle is closed', content: problemJson },
    422: { description: 'A State or the expert is not valid; each problem names its field (`states[2]`)', content: problemJson },
  },
});

export function registerReviewApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const viewer = c.get('viewer');
    const rows = (await listCycles(c.get('app').database.db)).filter((x) => can(viewer, 'read', cycleResource(x)));
    return c.json({ data: rows.map(presentCycle) }, 200);
  });
  api.openapi(createCycleRoute, async (c) => {
    const viewer = c.get('viewer');
    const body = c.req.valid('json');
    const row = await createCycle(c.get('app').database.db, actorOf(viewer), viewer, {
      title: body.title,
      purpose: body.purpose ?? '',
      startsOn: body.startsOn,
      deadline: body.deadline,
      ...(body.template !== undefined ? { templateVersion: body.template } : {}),
      ...(body.holdDays !== undefined ? { holdDays: body.holdDays } : {}),
    });
    return c.json(presentCycle(row), 201);
  });
  api.openapi(getRoute, async (c) => {
    const cycle = await visibleCycle(c, c.req.valid('param').id);
    const now = new Date();
    const { progress } = await cycleProgress(c.get('app').database.db, cycle, now);
    const s = summarizeProgress(progress);
    return c.json(
      {
        ...presentCycle(cycle),
        asOf: asOf({ closedAt: cycle.closed_at }, now).toISOString(),
        summary: { total: s.total, finished: s.finished, overdue: s.overdue, byStage: s.byStage, byGroup: s.byGroup },
        progress: progress.map(presentProgress),
      },
      200,
    );
  });
  api.openapi(assignRoute, async (c) => {
    const viewer = c.get('viewer');
    const cycle = await visibleCycle(c, c.req.valid('param').id);
    const body = c.req.valid('json');
    const result = await assignExpert(c.get('app').database.db, actorOf(viewer), viewer, cycle.id, {
      states: body.states,
      expertId: body.expert,
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
    return c.json(result, 200);
  });
}
