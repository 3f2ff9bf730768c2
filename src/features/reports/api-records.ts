// One report or plan through the API: read, change (with the row version), archive and restore;
// and the plans received per year.
import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../platform/http/api-common.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can, type Resource, type Viewer } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { json, PlanChangeBody, PlanSchema, planJson, ReportChangeBody, ReportSchema, reportJson, rowVersion } from './api-schemas.ts';
import {
  archivePlan,
  archiveReport,
  type PlanChange,
  type ReportChange,
  restorePlan,
  restoreReport,
  updatePlan,
  updateReport,
} from './commands.ts';
import { type PlanRow, planFiguresAsOf, planResource, type ReportRow, reportResource, visiblePlan, visibleReport } from './queries.ts';

const tags = ['Reports'];
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const idParams = z.object({ id: z.string().max(40).openapi({ example: '0b7d3f7e-5c1a-4f5e-9a55-6a8f0d1c2b3a' }) });
const versionBody = { required: true, content: json(z.object({ rowVersion }).openapi({ example: { rowVersion: 1 } })) };
const changeResponses = (what: string, schema: typeof ReportSchema | typeof PlanSchema) => ({
  200: { description: `The ${what} as it is now`, content: json(schema) },
  401: problems[401],
  403: problem(`The account may not change ${what}s`),
  404: problem(`No ${what} with this id that the caller may see`),
  409: problem(
    'Changed by someone else since it was read (a stale `rowVersion`): read it again; or a value another record holds (a first report, a symbol, a plan number), the problem naming the field',
  ),
  422: problem('Not valid; each problem names its field'),
});

/** What the API does the same way for a report and a plan: find one, change it, archive or restore it. */
interface RecordKind<Row extends { id: string }, Change, Out> {
  /** The plural the policy's refusals name: `reports`. */
  plural: string;
  /** The not-found message. */
  missing: string;
  visible(db: Kysely<DB>, viewer: Viewer | null, id: string): Promise<Row | undefined>;
  resource(row: Row): Resource;
  update(db: Kysely<DB>, by: Writer | null, id: string, expectedVersion: number, change: Change): Promise<Row>;
  archive(db: Kysely<DB>, by: Writer | null, id: string, expectedVersion: number): Promise<Row>;
  restore(db: Kysely<DB>, by: Writer | null, id: string, expectedVersion: number): Promise<Row>;
  present(row: Row): Out;
}

const reports: RecordKind<ReportRow, ReportChange, z.infer<typeof ReportSchema>> = {
  plural: 'reports',
  missing: 'no report has this id',
  visible: visibleReport,
  resource: reportResource,
  update: updateReport,
  archive: archiveReport,
  restore: restoreReport,
  present: reportJson,
};

const plans: RecordKind<PlanRow, PlanChange, z.infer<typeof PlanSchema>> = {
  plural: 'plans',
  missing: 'no action plan has this id',
  visible: visiblePlan,
  resource: planResource,
  update: updatePlan,
  archive: archivePlan,
  restore: restorePlan,
  present: planJson,
};

async function recordFor<Row extends { id: string }>(c: AppContextOf, kind: RecordKind<Row, never, unknown>, id: string): Promise<Row> {
  const row = await kind.visible(c.get('app').database.db, c.get('viewer'), id);
  if (!row) throw new AppError('not-found', kind.missing);
  return row;
}

/** A PATCH: the fields sent change, with the row version as read (the write core says which levels the caller may give). */
async function changeRecordVia<Row extends { id: string }, Change, Out>(
  c: AppContextOf,
  kind: RecordKind<Row, Change, Out>,
  id: string,
  expected: number,
  change: Change,
): Promise<Out> {
  const viewer = c.get('viewer');
  const row = await recordFor(c, kind, id);
  authorize(c, can(viewer, 'update', kind.resource(row)), `the changing of ${kind.plural}`);
  return kind.present(await kind.update(c.get('app').database.db, viewer, row.id, expected, change));
}

/** An archive or a restore, with the row version as read. */
async function moveRecordVia<Row extends { id: string }, Out>(
  c: AppContextOf,
  kind: RecordKind<Row, never, Out>,
  to: 'archive' | 'restore',
  id: string,
  expected: number,
): Promise<Out> {
  const viewer = c.get('viewer');
  const row = await recordFor(c, kind, id);
  authorize(c, can(viewer, to, kind.resource(row)), `the ${to === 'archive' ? 'archiving' : 'restoring'} of ${kind.plural}`);
  return kind.present(await kind[to](c.get('app').database.db, viewer, row.id, expected));
}

type RecordSchema = typeof ReportSchema | typeof PlanSchema;

/** The GET of one record of `/reports` or `/action-plans`. */
const getRoute = (base: string, what: string, schema: RecordSchema, summary: string) =>
  createRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary,
    description: `Archived ${what}s too (\`archived: true\`). A ${what} the caller may not see is not found.`,
    security: bearer,
    request: { params: idParams },
    responses: { 200: { description: `The ${what}`, content: json(schema) }, 404: problems[404] },
  });

/** The PATCH of one record: the fields that change, with the row version as read. */
const patchRoute = <B extends z.ZodTypeAny>(base: string, what: string, schema: RecordSchema, description: string, body: B) =>
  createRoute({
    method: 'patch',
    path: `${base}/{id}`,
    tags,
    summary: `Change a ${what} (the experts, the secretariat, administrators)`,
    description,
    security: bearer,
    request: { params: idParams, body: { required: true, content: json(body) } },
    responses: changeResponses(what, schema),
  });

/** The archive and restore routes of `/reports` or `/action-plans`. */
const stateRoute = (base: string, what: string, schema: RecordSchema, archiveSummary: string, to: 'archive' | 'restore') =>
  createRoute({
    method: 'post',
    path: `${base}/{id}/${to}`,
    tags,
    summary: to === 'archive' ? archiveSummary : `Restore an archived ${what}`,
    security: bearer,
    request: { params: idParams, body: versionBody },
    responses: changeResponses(what, schema),
  });

// ---- Reports

const getReportRoute = getRoute('/reports', 'report', ReportSchema, 'One national report or submission of additional information');

const patchReportRoute = patchRoute(
  '/reports',
  'report',
  ReportSchema,
  'Send the `rowVersion` the report had when read, and only the fields that change: the others stay as they are. The State of a report does not change.',
  ReportChangeBody,
);

const reportStateRoute = (to: 'archive' | 'restore') =>
  stateRoute('/reports', 'report', ReportSchema, 'Archive a report: it leaves the lists and the figures (never deleted)', to);

// ---- Plans

const perYearRoute = createRoute({
  method: 'get',
  path: '/action-plans/per-year',
  tags,
  summary: 'Action plans received (submitted or published) per year',
  security: bearer,
  request: {
    query: z.object({
      from: z.coerce.number().int().min(2004).max(2100).optional().openapi({ example: 2007, description: 'By default 2007' }),
      to: z.coerce.number().int().min(2004).max(2100).optional().openapi({ example: 2018, description: 'By default this year' }),
    }),
  },
  responses: {
    200: {
      description: 'Per year, the plans received that year; and the total over the years asked',
      content: json(
        z.object({
          from: z.number().int(),
          to: z.number().int(),
          total: z.number().int(),
          data: z.array(z.object({ year: z.number().int(), plans: z.number().int() })),
        }),
      ),
    },
    422: problems[422],
  },
});

const getPlanRoute = getRoute('/action-plans', 'plan', PlanSchema, 'One voluntary national implementation action plan');

const patchPlanRoute = patchRoute(
  '/action-plans',
  'plan',
  PlanSchema,
  'Send the `rowVersion` the plan had when read, and only the fields that change: the others stay as they are; a date sent as null is cleared. The State of a plan does not change.',
  PlanChangeBody,
);

const planStateRoute = (to: 'archive' | 'restore') =>
  stateRoute(
    '/action-plans',
    'plan',
    PlanSchema,
    'Archive a plan: it leaves the lists and the figures and frees its number (never deleted)',
    to,
  );

/** Registered before the lists of api.ts, so that `/action-plans/per-year` is not taken for an id. */
export function registerReportRecordApi(api: Api) {
  api.openapi(getReportRoute, async (c) => c.json(reportJson(await recordFor(c, reports, c.req.valid('param').id)), 200));

  api.openapi(patchReportRoute, async (c) => {
    const { rowVersion: expected, ...change } = c.req.valid('json');
    return c.json(await changeRecordVia(c, reports, c.req.valid('param').id, expected, change), 200);
  });

  for (const to of ['archive', 'restore'] as const)
    api.openapi(reportStateRoute(to), async (c) =>
      c.json(await moveRecordVia(c, reports, to, c.req.valid('param').id, c.req.valid('json').rowVersion), 200),
    );

  api.openapi(perYearRoute, async (c) => {
    const q = c.req.valid('query');
    const from = q.from ?? 2007;
    const to = q.to ?? Number(todayIso().slice(0, 4));
    if (from > to) throw invalid([{ field: 'from', problem: 'must not be after to' }]);
    // The same for every reader: whether and when a State submitted a plan is public.
    const figures = await planFiguresAsOf(c.get('app').database.db, `${to}-12-31`, from);
    return c.json({ from, to, total: figures.since, data: figures.perYear }, 200);
  });

  api.openapi(getPlanRoute, async (c) => c.json(planJson(await recordFor(c, plans, c.req.valid('param').id)), 200));

  api.openapi(patchPlanRoute, async (c) => {
    const { rowVersion: expected, ...change } = c.req.valid('json');
    return c.json(await changeRecordVia(c, plans, c.req.valid('param').id, expected, change), 200);
  });

  for (const to of ['archive', 'restore'] as const)
    api.openapi(planStateRoute(to), async (c) =>
      c.json(await moveRecordVia(c, plans, to, c.req.valid('param').id, c.req.valid('json').rowVersion), 200),
    );
}
