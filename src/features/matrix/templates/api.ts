import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, LocalizedTextSchema, problems } from '../../../platform/http/api-common.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can } from '../../../platform/policy/policy.ts';
import { measureKinds, paragraphs, weaponTypes } from './template.ts';
import { findTemplate, listTemplates, type TemplateRow } from './templates.ts';

const TemplateSummarySchema = z
  .object({
    version: z.string().openapi({ example: '2017' }),
    approvedOn: z.string().nullable().openapi({ format: 'date' }),
    title: LocalizedTextSchema,
    basedOn: z.string().nullable(),
    locked: z.boolean().openapi({ description: 'A locked template never changes; a change is a new version' }),
    fieldCount: z.number().int(),
    rowVersion: z.number().int().openapi({ description: 'Send it back when changing the template (PUT)' }),
  })
  .openapi('MatrixTemplateSummary');

const TemplateSchema = TemplateSummarySchema.extend({
  sections: z.array(z.object({ code: z.string(), paragraph: z.enum(paragraphs), labels: LocalizedTextSchema })),
  rows: z.array(z.object({ code: z.string(), section: z.string(), labels: LocalizedTextSchema })),
  fields: z.array(
    z.object({
      code: z.string().openapi({ example: 'OP2.MANUFACTURE.N.LF' }),
      row: z.string(),
      paragraph: z.enum(paragraphs),
      weaponType: z.enum(weaponTypes).nullable(),
      measureKind: z.enum(measureKinds),
    }),
  ),
}).openapi('MatrixTemplate');

export function presentTemplateSummary(t: TemplateRow): z.infer<typeof TemplateSummarySchema> {
  return {
    version: t.version,
    approvedOn: t.approved_on,
    title: t.title,
    basedOn: t.based_on,
    locked: t.locked_at !== null,
    fieldCount: t.field_count,
    rowVersion: t.row_version,
  };
}

export function presentTemplate(t: TemplateRow): z.infer<typeof TemplateSchema> {
  return { ...presentTemplateSummary(t), ...t.definition };
}

const resource = (t: TemplateRow) => ({ type: 'matrix-template' as const, confidentiality: t.confidentiality });

const listRoute = createRoute({
  method: 'get',
  path: '/matrix/templates',
  tags: ['1540 Matrix'],
  summary: 'The versions of the matrix template',
  security: bearer,
  responses: {
    200: {
      description: 'The template versions, oldest first',
      content: { 'application/json': { schema: z.object({ data: z.array(TemplateSummarySchema) }) } },
    },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/matrix/templates/{version}',
  tags: ['1540 Matrix'],
  summary: 'One template version: its sections, rows and fields',
  security: bearer,
  request: { params: z.object({ version: z.string().max(32).openapi({ example: '2017' }) }) },
  responses: {
    200: { description: 'The template', content: { 'application/json': { schema: TemplateSchema } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

export function registerTemplateApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const viewer = c.get('viewer');
    const rows = (await listTemplates(c.get('app').database.db)).filter((t) => can(viewer, 'read', resource(t)));
    return c.json({ data: rows.map(presentTemplateSummary) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const { version } = c.req.valid('param');
    const t = await findTemplate(c.get('app').database.db, version);
    if (!t) throw new AppError('not-found', `no matrix template has the version ${version}`);
    authorize(c, can(c.get('viewer'), 'read', resource(t)), 'this template');
    return c.json(presentTemplate(t), 200);
  });
}
