import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { Writer } from '../../platform/bundle/record-section.ts';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../platform/http/api-common.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can, type RecordType, type Resource } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import {
  AppointmentSchema,
  appointmentBody,
  ContributionSchema,
  contributionBody,
  DonorSchema,
  donorBody,
  GrantSchema,
  grantBody,
} from './api-schemas.ts';
import {
  createAppointment,
  createContribution,
  createDonor,
  createGrant,
  updateAppointment,
  updateContribution,
  updateDonor,
  updateGrant,
} from './commands.ts';
import { chairAt, definitions, donorsWithGrantsUsedIn, newContributionsIn, newExpertsIn } from './figures.ts';
import { appointmentRecord, contributionRecord, donorRecord, grantRecord } from './present.ts';
import {
  appointmentFact,
  appointmentResource,
  contributionFact,
  contributionResource,
  type Db,
  donorCode,
  donorFact,
  donorResource,
  findAppointment,
  findContribution,
  findDonor,
  findGrant,
  grantFact,
  grantResource,
  listAppointments,
  loadTrustFund,
  seesTrustFund,
} from './queries.ts';
import { appointmentRoles } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const problemJson = { 'application/problem+json': { schema: ProblemSchema } };
const responses = {
  401: problems[401],
  403: problems[403],
  404: { description: 'No such record, or one the caller may not see', content: problemJson },
  409: { description: 'Someone changed the record since `rowVersion`, or it is archived', content: problemJson },
  422: { description: 'The fields are not valid; each problem names its field', content: problemJson },
};
const IdParam = z.object({ id: z.string().max(100).openapi({ example: '00000000-0000-4000-8000-000000000000' }) });
const rowVersion = z.number().int().min(1).openapi({ description: 'The `rowVersion` the change was made on' });
const year = z.coerce.number().int().min(2004).max(2199);

interface ApiKind {
  path: string;
  tag: string;
  noun: string;
  type: RecordType;
  schema: z.ZodType;
  body: Record<string, z.ZodType>;
  find(db: Db, id: string): Promise<unknown>;
  resource(row: never): Resource;
  record(row: never): unknown;
  create(db: Db, by: Writer | null, input: object): Promise<unknown>;
  update(db: Db, by: Writer | null, id: string, version: number, change: object): Promise<unknown>;
  /** The list's query, if it has one. */
  query?: z.ZodObject;
  /** The list, as the caller may see it. */
  list(c: AppContextOf): Promise<unknown[]>;
}

/** GET one, POST a new one, PATCH one: alike for the four kinds. */
function registerKind(api: Api, k: ApiKind) {
  const visible = async (c: AppContextOf, id: string) => {
    const row = await k.find(c.get('app').database.db, id);
    if (!row || !can(c.get('viewer'), 'read', k.resource(row as never)))
      throw new AppError('not-found', `no ${k.noun} has the id ${id.slice(0, 40)}`);
    return row;
  };
  // Creating needs a keeper's role, changing a visible record (404 otherwise) and the right to change it: checked before the body.
  const keeper = createMiddleware<AppEnv>(async (c, next) => {
    authorize(
      c,
      can(c.get('viewer'), 'create', { type: k.type, confidentiality: 'committee', stateIso3: null }),
      `the recording of ${k.noun}s`,
    );
    await next();
  });
  const changer = createMiddleware<AppEnv>(async (c, next) => {
    const row = await visible(c, c.req.param('id') ?? '');
    authorize(c, can(c.get('viewer'), 'update', k.resource(row as never)), `a change of this ${k.noun}`);
    await next();
  });
  const list = createRoute({
    method: 'get',
    path: k.path,
    tags: [k.tag],
    summary: `The ${k.noun}s the caller may see (not archived)`,
    security: bearer,
    ...(k.query ? { request: { query: k.query } } : {}),
    responses: {
      200: { description: 'The list', content: json(z.object({ count: z.number().int(), data: z.array(k.schema) })) },
      401: responses[401],
      403: responses[403],
    },
  });
  const create = createRoute({
    method: 'post',
    path: k.path,
    tags: [k.tag],
    summary: `Record a ${k.noun} (the secretariat and administrators)`,
    security: bearer,
    middleware: [keeper] as const,
    request: { body: { required: true, content: json(z.object(k.body)) } },
    responses: { 201: { description: `The new ${k.noun}`, content: json(k.schema) }, ...responses },
  });
  const one = createRoute({
    method: 'get',
    path: `${k.path}/{id}`,
    tags: [k.tag],
    summary: `One ${k.noun}`,
    security: bearer,
    request: { params: IdParam },
    responses: { 200: { description: `The ${k.noun}`, content: json(k.schema) }, 404: responses[404] },
  });
  const patch = createRoute({
    method: 'patch',
    path: `${k.path}/{id}`,
    tags: [k.tag],
    summary: `Change a ${k.noun}: the fields given replace the stored ones`,
    security: bearer,
    middleware: [changer] as const,
    request: { params: IdParam, body: { required: true, content: json(z.object({ rowVersion, ...z.object(k.body).partial().shape })) } },
    responses: { 200: { description: `The changed ${k.noun}`, content: json(k.schema) }, ...responses },
  });
  const db = (c: AppContextOf) => c.get('app').database.db;
  const privately = (c: AppContextOf) => c.header('Cache-Control', 'private, no-store');
  api.openapi(list, (async (c: AppContextOf) => {
    const rows = await k.list(c);
    return c.json({ count: rows.length, data: rows.map((r) => k.record(r as never)) }, 200);
  }) as never);
  api.openapi(create, (async (c: AppContextOf & { req: { valid(t: 'json'): object } }) => {
    const row = await k.create(db(c), c.get('viewer'), c.req.valid('json'));
    return c.json(k.record(row as never) as object, 201);
  }) as never);
  api.openapi(one, (async (c: AppContextOf) => {
    const row = await visible(c, c.req.param('id') ?? '');
    if ((row as { confidentiality: string }).confidentiality !== 'public') privately(c);
    return c.json(k.record(row as never) as object, 200);
  }) as never);
  api.openapi(patch, (async (c: AppContextOf & { req: { valid(t: 'json'): { rowVersion: number } } }) => {
    const { rowVersion: version, ...change } = c.req.valid('json');
    const row = await k.update(db(c), c.get('viewer'), c.req.param('id') ?? '', version, change);
    return c.json(k.record(row as never) as object, 200);
  }) as never);
}

/** The trust fund's lists are the Committee side's: 401 for the public, 403 for other accounts. */
async function fundOf(c: AppContextOf) {
  authorize(c, seesTrustFund(c.get('viewer')), 'the trust fund');
  c.header('Cache-Control', 'private, no-store');
  return loadTrustFund(c.get('app').database.db, c.get('viewer'));
}

const peopleFigures = createRoute({
  method: 'get',
  path: '/committee/people/figures',
  tags: ['Administration'],
  summary: 'The experts appointed in a year and the Chair in office at a date, with the definitions used',
  security: bearer,
  request: {
    query: z.object({
      year: year.optional().openapi({ example: 2018, description: 'By default, this year' }),
      date: z.string().max(20).optional().openapi({ format: 'date', example: '2018-12-28', description: 'By default, today' }),
    }),
  },
  responses: {
    200: {
      description: 'The figures',
      content: json(
        z.object({
          year: z.number().int(),
          date: z.string(),
          newExperts: z.object({ count: z.number().int(), experts: z.array(AppointmentSchema), definition: z.string() }),
          chair: z.object({ appointment: AppointmentSchema.nullable(), definition: z.string() }),
        }),
      ),
    },
    422: responses[422],
  },
});

const fundFigures = createRoute({
  method: 'get',
  path: '/trust-fund/figures',
  tags: ['Trust fund'],
  summary: 'The donors whose grants were used in a year and the new contributions of the year, with the definitions used',
  security: bearer,
  request: { query: z.object({ year: year.optional().openapi({ example: 2018, description: 'By default, this year' }) }) },
  responses: {
    200: {
      description: 'The figures (the Committee side only)',
      content: json(
        z.object({
          year: z.number().int(),
          donorsWithGrantsUsed: z.object({ count: z.number().int(), donors: z.array(z.string()), definition: z.string() }),
          newContributions: z.object({ count: z.number().int(), donors: z.array(z.string()), definition: z.string() }),
        }),
      ),
    },
    401: responses[401],
    403: responses[403],
    422: responses[422],
  },
});

const roleQuery = z.object({
  role: z.enum(appointmentRoles).optional(),
  asAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
    .optional()
    .openapi({ format: 'date', description: 'Only those in office that day' }),
});

export function registerAdministrationApi(api: Api) {
  api.openapi(peopleFigures, async (c) => {
    const q = c.req.valid('query');
    const date = q.date ?? todayIso();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new AppError('validation', 'date: must be a date (YYYY-MM-DD)', {
        fields: [{ field: 'date', problem: 'must be a date (YYYY-MM-DD)' }],
      });
    const y = q.year ?? Number(todayIso().slice(0, 4));
    const rows = await listAppointments(c.get('app').database.db, c.get('viewer'));
    const facts = rows.map(appointmentFact);
    const experts = newExpertsIn(facts, y).map((f) => rows.find((r) => r.id === f.id)!);
    const chair = chairAt(facts, date);
    return c.json(
      {
        year: y,
        date,
        newExperts: { count: experts.length, experts: experts.map(appointmentRecord), definition: definitions.newExperts },
        chair: { appointment: chair ? appointmentRecord(rows.find((r) => r.id === chair.id)!) : null, definition: definitions.chairAt },
      },
      200,
    );
  });
  api.openapi(fundFigures, async (c) => {
    const fund = await fundOf(c);
    const y = c.req.valid('query').year ?? Number(todayIso().slice(0, 4));
    const donors = fund.donors.map(donorFact);
    const contributions = fund.contributions.map(contributionFact);
    const used = donorsWithGrantsUsedIn(donors, contributions, fund.grants.map(grantFact), y).map((d) => d.code);
    const fresh = newContributionsIn(donors, contributions, y).map((d) => d.code);
    return c.json(
      {
        year: y,
        donorsWithGrantsUsed: { count: used.length, donors: used, definition: definitions.donorsWithGrantsUsed },
        newContributions: { count: fresh.length, donors: fresh, definition: definitions.newContributions },
      },
      200,
    );
  });
  registerKind(api, {
    path: '/committee/people',
    tag: 'Administration',
    noun: 'appointment',
    type: 'appointment',
    schema: AppointmentSchema,
    body: appointmentBody,
    find: findAppointment,
    resource: appointmentResource as never,
    record: appointmentRecord as never,
    create: createAppointment,
    update: updateAppointment,
    query: roleQuery,
    list: async (c) => {
      const filters = (c.req as unknown as { valid(t: 'query'): z.infer<typeof roleQuery> }).valid('query');
      return listAppointments(c.get('app').database.db, c.get('viewer'), {
        ...(filters.role ? { roles: [filters.role] } : {}),
        ...(filters.asAt ? { asAt: filters.asAt } : {}),
      });
    },
  });
  const fundKind = { tag: 'Trust fund' };
  registerKind(api, {
    ...fundKind,
    path: '/trust-fund/donors',
    noun: 'donor',
    type: 'trust-fund-donor',
    schema: DonorSchema,
    body: donorBody,
    find: findDonor,
    resource: donorResource as never,
    record: donorRecord as never,
    create: createDonor,
    update: updateDonor,
    list: async (c) => (await fundOf(c)).donors.sort((a, b) => donorCode(a).localeCompare(donorCode(b))),
  });
  registerKind(api, {
    ...fundKind,
    path: '/trust-fund/contributions',
    noun: 'contribution',
    type: 'trust-fund-contribution',
    schema: ContributionSchema,
    body: contributionBody,
    find: findContribution,
    resource: contributionResource as never,
    record: contributionRecord as never,
    create: createContribution,
    update: updateContribution,
    list: async (c) => (await fundOf(c)).contributions,
  });
  registerKind(api, {
    ...fundKind,
    path: '/trust-fund/grants',
    noun: 'grant',
    type: 'trust-fund-grant',
    schema: GrantSchema,
    body: grantBody,
    find: findGrant,
    resource: grantResource as never,
    record: grantRecord as never,
    create: createGrant,
    update: updateGrant,
    list: async (c) => (await fundOf(c)).grants,
  });
}
