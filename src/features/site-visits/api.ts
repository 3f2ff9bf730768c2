import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { may } from '../../platform/policy/policy.ts';
import { parseInput } from '../../platform/values/input.ts';
import { periodInput, visitDefinitions, visitReport } from './report.ts';

const ShareSchema = z.object({ key: z.string(), visits: z.number().int(), views: z.number().int() }).openapi('SiteVisitShare');

const ReportSchema = z
  .object({
    from: z.string().openapi({ format: 'date' }),
    to: z.string().openapi({ format: 'date' }),
    visits: z.number().int(),
    views: z.number().int().openapi({ description: 'Page views' }),
    bySection: z.array(ShareSchema),
    byLanguage: z.array(ShareSchema),
    topPages: z.array(ShareSchema).openapi({ description: 'The 20 pages with the most views' }),
    yearBefore: z.object({
      from: z.string().openapi({ format: 'date' }),
      to: z.string().openapi({ format: 'date' }),
      visits: z.number().int(),
      views: z.number().int(),
    }),
    change: z.object({ visits: z.number().int().nullable(), views: z.number().int().nullable() }),
    illustrative: z.boolean().openapi({ description: 'The period includes the generated demonstration history' }),
    definitions: z.object({ pageView: z.string(), visit: z.string(), section: z.string(), change: z.string() }),
  })
  .openapi('SiteVisits');

const route = createRoute({
  method: 'get',
  path: '/site-visits',
  tags: ['Website visits'],
  summary: 'Visits and page views of the public pages for a period, and the change against a year before (the Committee side)',
  description: `${visitDefinitions.visit}. A page view: ${visitDefinitions.pageView}.`,
  security: bearer,
  request: {
    query: z.object({
      from: z.string().optional().openapi({ format: 'date', description: 'First day (default: 1 January of `to`’s year)' }),
      to: z.string().optional().openapi({ format: 'date', description: 'Last day, included (default: today)' }),
    }),
  },
  responses: {
    200: { description: 'The figures and the definitions behind them', content: { 'application/json': { schema: ReportSchema } } },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

export function registerSiteVisitApi(api: Api) {
  api.openapi(route, async (c) => {
    authorize(c, may(c.get('viewer'), 'read-site-visits'), 'the website visits');
    const q = c.req.valid('query');
    const period = parseInput(periodInput, { from: q.from || undefined, to: q.to || undefined });
    const report = await visitReport(c.get('app').database.db, period);
    return c.json({ ...report, definitions: { ...visitDefinitions } }, 200);
  });
}
