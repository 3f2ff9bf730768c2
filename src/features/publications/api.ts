import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/audit/record.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { approvePublication, createPublication, publishPublication, updatePublication } from './commands.ts';
import { yearFigures } from './figures.ts';
import { publicationFields, publicationFilters } from './inputs.ts';
import { listPublications, publicationFacts, publicationResource, type PublicationView, visiblePublication } from './queries.ts';
import { publicationKinds, publicationSources, publicationStatuses } from './schema.ts';

export const tags = ['Publications'];
export const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
export const conflict = {
  description: 'Changed by someone else since the version given, or not at the right step of the workflow',
  content: problems[422].content,
};

const VersionSchema = z.object({ title: z.string(), body: z.string() }).openapi('PublicationVersion');
const TextsSchema = z
  .record(z.string(), VersionSchema)
  .openapi({ description: 'The versions by language (ar, zh, en, fr, ru, es): each its own text; a language without one is absent' });

export const PublicationSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(publicationKinds),
    dated: z.string().openapi({ format: 'date', example: '2018-10-03' }),
    reference: z.string().openapi({ description: 'The document symbol, where it has one (SC/…)' }),
    status: z.enum(publicationStatuses).openapi({ description: 'draft → approved (by the Committee) → published (by the secretariat)' }),
    approvedOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    texts: TextsSchema,
    source: z.enum(publicationSources),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('Publication');

export function publicationJson({ row, texts }: PublicationView): z.infer<typeof PublicationSchema> {
  return {
    id: row.id,
    kind: row.kind,
    dated: row.dated,
    reference: row.reference,
    status: row.status,
    approvedOn: row.approved_on,
    publishedOn: row.published_on,
    texts: texts as Record<string, { title: string; body: string }>,
    source: row.source,
    archived: row.archived_at !== null,
    rowVersion: row.row_version,
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/publications',
  tags,
  summary: 'Statements, quarterly messages, press releases and news the caller may see (the public: published ones), newest first',
  security: bearer,
  request: {
    query: z.object({
      kind: z
        .string()
        .optional()
        .openapi({ description: publicationKinds.join(', ') }),
      year: z.string().optional().openapi({ example: '2018' }),
      status: z.string().optional().openapi({ description: 'draft, approved, published (the Committee side sees all three)' }),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of publications',
      content: json(
        z.object({ count: z.number().int(), limit: z.number().int(), offset: z.number().int(), data: z.array(PublicationSchema) }),
      ),
    },
    422: problems[422],
  },
});

const FiguresSchema = z
  .object({
    year: z.number().int(),
    asAt: z.string().nullable(),
    pressReleases: z.number().int(),
    pressReleasesYearBefore: z.number().int(),
    chairMessages: z.number().int(),
    statements: z.number().int(),
    news: z.number().int(),
    definition: z.string(),
  })
  .openapi('PublicationFigures');

const figuresRoute = createRoute({
  method: 'get',
  path: '/publications/figures',
  tags,
  summary:
    'The publications of a year for the annual review (¶44, ¶46): press releases (and the year before), the Chair’s quarterly messages, statements, news',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2004).max(2199).openapi({ example: 2018 }),
      asAt: z.string().optional().openapi({ format: 'date', description: 'Count what was published by this day' }),
    }),
  },
  responses: { 200: { description: 'The figures and their definition', content: json(FiguresSchema) }, 422: problems[422] },
});

const getRoute = createRoute({
  method: 'get',
  path: '/publications/{id}',
  tags,
  summary: 'A publication with its language versions (404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The publication', content: json(PublicationSchema) }, 404: problems[404] },
});

const writeBody = z.object({
  kind: publicationFields.kind,
  dated: publicationFields.dated.openapi({ format: 'date', example: '2018-10-03' }),
  reference: publicationFields.reference.optional(),
  texts: publicationFields.texts.openapi({ description: 'The versions by language: { "en": { "title": "…", "body": "…" } }' }),
});

const createPublicationRoute = createRoute({
  method: 'post',
  path: '/publications',
  tags,
  summary: 'Write a publication (a draft, for the Committee to approve): the experts and the secretariat',
  security: bearer,
  request: { body: { content: json(writeBody) } },
  responses: {
    201: { description: 'The draft', content: json(PublicationSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/publications/{id}',
  tags,
  summary:
    'Change a publication on the version the caller saw (an approved one goes back to draft; a published one stays published, with its history)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }), body: { content: json(writeBody.extend({ rowVersion: z.number().int() })) } },
  responses: {
    200: { description: 'The publication', content: json(PublicationSchema) },
    403: problems[403],
    404: problems[404],
    409: conflict,
    422: problems[422],
  },
});

const stepRoute = (step: 'approve' | 'publish') =>
  createRoute({
    method: 'post',
    path: `/publications/{id}/${step}`,
    tags,
    summary:
      step === 'approve'
        ? 'Approve a draft (committee members and administrators)'
        : 'Publish an approved publication on a day not in the future (the secretariat and administrators): it becomes public',
    security: bearer,
    request: {
      params: z.object({ id: z.string().max(40) }),
      body: {
        content: json(
          step === 'approve'
            ? z.object({ rowVersion: z.number().int() })
            : z.object({ rowVersion: z.number().int(), publishedOn: z.string().openapi({ format: 'date' }) }),
        ),
      },
    },
    responses: {
      200: { description: 'The publication', content: json(PublicationSchema) },
      403: problems[403],
      404: problems[404],
      409: conflict,
      422: problems[422],
    },
  });

export function registerPublicationsApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('app').database.db;
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listPublications(
      db,
      c.get('viewer'),
      publicationFilters({ kind: q.kind, year: q.year, status: q.status }),
      page,
    );
    return c.json({ count: total, ...page, data: rows.map(publicationJson) }, 200);
  });

  api.openapi(figuresRoute, async (c) => {
    const { year, asAt } = c.req.valid('query');
    const facts = await publicationFacts(c.get('app').database.db);
    return c.json({ ...yearFigures(facts, year, asAt), asAt: asAt ?? null }, 200);
  });

  api.openapi(getRoute, async (c) => {
    const view = await visiblePublication(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id);
    return c.json(publicationJson(view), 200);
  });

  api.openapi(createPublicationRoute, async (c) => {
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'publication', confidentiality: 'committee' }), 'the writing of publications');
    const db = c.get('app').database.db;
    const row = await createPublication(db, actorOf(viewer), c.req.valid('json'));
    return c.json(publicationJson(await visiblePublication(db, viewer, row.id)), 201);
  });

  api.openapi(updateRoute, async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const view = await visiblePublication(db, viewer, c.req.valid('param').id);
    authorize(c, can(viewer, 'update', publicationResource(view.row)), 'the editing of this publication');
    const { rowVersion, ...input } = c.req.valid('json');
    await updatePublication(db, actorOf(viewer), view.row.id, rowVersion, input);
    return c.json(publicationJson(await visiblePublication(db, viewer, view.row.id)), 200);
  });

  for (const step of ['approve', 'publish'] as const)
    api.openapi(stepRoute(step), async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const view = await visiblePublication(db, viewer, c.req.valid('param').id);
      authorize(c, can(viewer, step, publicationResource(view.row)), `the ${step} step of this publication`);
      const body = c.req.valid('json') as { rowVersion: number; publishedOn?: string };
      if (step === 'approve') await approvePublication(db, actorOf(viewer), view.row.id, body.rowVersion);
      else await publishPublication(db, actorOf(viewer), view.row.id, body.rowVersion, { publishedOn: body.publishedOn }, todayIso());
      return c.json(publicationJson(await visiblePublication(db, viewer, view.row.id)), 200);
    });
}
