import { todayIso } from '../../platform/values/dates.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { stateVisibleTo } from '../member-states/index.ts';
import { registerReportRecordApi } from './api-records.ts';
import { dateParam, json, NewPlanBody, NewReportBody, PlanSchema, planJson, ReportSchema, reportJson } from './api-schemas.ts';
import { createPlan, createReport } from './commands.ts';
import { planFiguresAsOf, plansVisibleTo, reportsVisibleTo, statusAsOf } from './queries.ts';
import { reportKinds } from './schema.ts';

const stateReportsRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/reports',
  tags: ['Reports'],
  summary: 'A State’s national reports and action plans',
  security: bearer,
  request: { params: z.object({ iso3: z.string().max(3).openapi({ example: 'COM' }) }) },
  responses: {
    200: {
      description: 'Its reports, oldest first, and its plans',
      content: json(z.object({ state: z.string(), reports: z.array(ReportSchema), plans: z.array(PlanSchema) })),
    },
    404: problems[404],
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/reports',
  tags: ['Reports'],
  summary: 'Reports received in a period',
  security: bearer,
  request: {
    query: z.object({
      from: z.string().optional().openapi({ example: '2018-01-01' }),
      to: z.string().optional().openapi({ example: '2018-12-31' }),
      kind: z.enum(reportKinds).optional(),
    }),
  },
  responses: {
    200: { description: 'The reports, oldest first', content: json(z.object({ count: z.number().int(), data: z.array(ReportSchema) })) },
    422: problems[422],
  },
});

const statusRoute = createRoute({
  method: 'get',
  path: '/reporting-status',
  tags: ['Reports'],
  summary: 'Which Member States (admitted by the date) had submitted a first report as at a date: the same for every caller',
  security: bearer,
  request: { query: z.object({ asOf: z.string().optional().openapi({ example: '2018-12-31', description: 'By default today' }) }) },
  responses: {
    200: {
      description: 'Reporting and non-reporting States',
      content: json(
        z.object({
          asOf: z.string(),
          states: z.number().int(),
          reportingCount: z.number().int(),
          nonReportingCount: z.number().int(),
          reporting: z.array(z.string()),
          nonReporting: z.array(z.string()),
          additionalInformationInYear: z.array(z.string()),
        }),
      ),
    },
    422: problems[422],
  },
});

const plansRoute = createRoute({
  method: 'get',
  path: '/action-plans',
  tags: ['Reports'],
  summary:
    'Voluntary national implementation action plans the caller may see, with counts per year up to the date (the same for every caller)',
  security: bearer,
  request: { query: z.object({ asOf: z.string().optional().openapi({ example: '2018-12-31' }) }) },
  responses: {
    200: {
      description: 'The plans and the counts of plans received',
      content: json(
        z.object({
          asOf: z.string(),
          since2007: z.number().int().openapi({ description: 'Plans received from 2007 to the date' }),
          perYear: z.array(z.object({ year: z.number().int(), plans: z.number().int() })),
          data: z.array(PlanSchema),
        }),
      ),
    },
    422: problems[422],
  },
});

const createReportRoute = createRoute({
  method: 'post',
  path: '/reports',
  tags: ['Reports'],
  summary: 'Record a national report or additional information',
  security: bearer,
  request: { body: { content: json(NewReportBody) } },
  responses: {
    201: { description: 'The new report', content: json(ReportSchema) },
    401: problems[401],
    403: problems[403],
    409: {
      description: 'A first report for a State that has one, or a symbol another report has; the problem names the field',
      content: problems[422].content,
    },
    422: problems[422],
  },
});

const createPlanRoute = createRoute({
  method: 'post',
  path: '/action-plans',
  tags: ['Reports'],
  summary: 'Record an action plan',
  security: bearer,
  request: { body: { content: json(NewPlanBody) } },
  responses: {
    201: { description: 'The new plan', content: json(PlanSchema) },
    401: problems[401],
    403: problems[403],
    409: { description: 'A number another plan of the State has; the problem names the field', content: problems[422].content },
    422: problems[422],
  },
});

export function registerReportsApi(api: Api) {
  // Before `/action-plans` and the lists: `/action-plans/per-year` must not be taken for an id.
  registerReportRecordApi(api);
  api.openapi(stateReportsRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const state = await stateVisibleTo(db, viewer, c.req.valid('param').iso3);
    const reports = await reportsVisibleTo(db, viewer, { stateIso3: state.iso3 });
    const plans = await plansVisibleTo(db, viewer, state.iso3);
    return c.json({ state: state.iso3, reports: reports.map(reportJson), plans: plans.map(planJson) }, 200);
  });

  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const from = dateParam('from', q.from);
    const to = dateParam('to', q.to);
    const rows = await reportsVisibleTo(c.get('app').database.db, c.get('viewer'), {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
    });
    return c.json({ count: rows.length, data: rows.map(reportJson) }, 200);
  });

  api.openapi(statusRoute, async (c) => {
    const asOf = dateParam('asOf', c.req.valid('query').asOf) ?? todayIso();
    const status = await statusAsOf(c.get('app').database.db, asOf);
    return c.json(
      {
        asOf,
        states: status.states.length,
        reportingCount: status.reporting.length,
        nonReportingCount: status.nonReporting.length,
        reporting: status.reporting,
        nonReporting: status.nonReporting,
        additionalInformationInYear: status.additionalInformationInYear,
      },
      200,
    );
  });

  api.openapi(plansRoute, async (c) => {
    const asOf = dateParam('asOf', c.req.valid('query').asOf) ?? todayIso();
    const db = c.get('app').database.db;
    // The figures are the same for every reader; `data` lists the plans the caller may see.
    const [rows, figures] = await Promise.all([plansVisibleTo(db, c.get('viewer')), planFiguresAsOf(db, asOf)]);
    return c.json(
      {
        asOf,
        since2007: figures.since,
        perYear: figures.perYear,
        data: rows.map(planJson),
      },
      200,
    );
  });

  api.openapi(createReportRoute, async (c) => {
    const viewer = c.get('viewer');
    const body = c.req.valid('json');
    const confidentiality = body.confidentiality ?? 'public';
    authorize(
      c,
      can(viewer, 'create', { type: 'national-report', confidentiality, stateIso3: body.state.toUpperCase() }),
      'the recording of reports',
    );
    const row = await createReport(c.get('app').database.db, viewer, { ...body, stateIso3: body.state });
    return c.json(reportJson(row), 201);
  });

  api.openapi(createPlanRoute, async (c) => {
    const viewer = c.get('viewer');
    const body = c.req.valid('json');
    const confidentiality = body.confidentiality ?? 'public';
    authorize(
      c,
      can(viewer, 'create', { type: 'action-plan', confidentiality, stateIso3: body.state.toUpperCase() }),
      'the recording of plans',
    );
    const row = await createPlan(c.get('app').database.db, viewer, { ...body, stateIso3: body.state });
    return c.json(planJson(row), 201);
  });
}
