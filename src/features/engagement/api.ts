import { todayIso } from '../../platform/values/dates.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { CourseSchema, VisitSchema } from './api-schemas.ts';
import { registerEngagementWriteApi } from './api-write.ts';
import { listCourses, listVisits, perYear } from './engagement.ts';
import { courseRecord, coursesFor, visitRecord, visitsFor } from './present.ts';
import { visitKinds } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const year = z.coerce.number().int().min(2004).max(2100);

const visitsRoute = createRoute({
  method: 'get',
  path: '/visits',
  tags: ['Engagement'],
  summary: 'Visits, national round tables, peer reviews and joint visits',
  security: bearer,
  request: {
    query: z.object({
      year: year.optional().openapi({ example: 2018 }),
      state: z.string().max(3).optional().openapi({ example: 'MLI' }),
      kind: z.enum(visitKinds).optional(),
    }),
  },
  responses: {
    200: { description: 'The visits, newest first', content: json(z.object({ count: z.number().int(), data: z.array(VisitSchema) })) },
    422: problems[422],
  },
});

const visitsPerYearRoute = createRoute({
  method: 'get',
  path: '/visits/per-year',
  tags: ['Engagement'],
  summary: 'How many visits (of every kind) that took place began each year; planned ones are not counted',
  security: bearer,
  request: { query: z.object({ from: year.optional().openapi({ example: 2004 }), to: year.optional().openapi({ example: 2018 }) }) },
  responses: {
    200: {
      description: 'Per year',
      content: json(z.object({ data: z.array(z.object({ year: z.number().int(), count: z.number().int() })) })),
    },
    422: problems[422],
  },
});

const coursesRoute = createRoute({
  method: 'get',
  path: '/courses',
  tags: ['Engagement'],
  summary: 'Training courses for points of contact',
  security: bearer,
  request: { query: z.object({ year: year.optional().openapi({ example: 2018 }) }) },
  responses: {
    200: { description: 'The courses, newest first', content: json(z.object({ count: z.number().int(), data: z.array(CourseSchema) })) },
    422: problems[422],
  },
});

export function registerEngagementApi(api: Api) {
  api.openapi(visitsRoute, async (c) => {
    const db = c.get('app').database.db;
    const rows = await visitsFor(db, c.get('viewer'), await listVisits(db, c.get('viewer'), c.req.valid('query')));
    return c.json({ count: rows.length, data: rows.map(visitRecord) }, 200);
  });
  api.openapi(visitsPerYearRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const last = to ?? Number(todayIso().slice(0, 4));
    const first = from ?? 2004;
    if (first > last)
      throw new AppError('validation', 'from: must not be after to', { fields: [{ field: 'from', problem: 'must not be after to' }] });
    const db = c.get('app').database.db;
    const rows = await visitsFor(db, c.get('viewer'), await listVisits(db, c.get('viewer')));
    return c.json({ data: perYear(rows, first, last) }, 200);
  });
  api.openapi(coursesRoute, async (c) => {
    const db = c.get('app').database.db;
    const rows = await coursesFor(db, c.get('viewer'), await listCourses(db, c.get('viewer'), c.req.valid('query').year));
    return c.json({ count: rows.length, data: rows.map(courseRecord) }, 200);
  });
  registerEngagementWriteApi(api);
}
