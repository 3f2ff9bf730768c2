import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import { type Api, bearer, problems } from '../../http/api-common.ts';
import {
  averagesBy,
  countsByParagraph,
  countsByState,
  countsByWeaponType,
  distribution,
  legalVersusEnforcement,
} from './figures.ts';
import { publishedMatricesAsOf } from './figures-data.ts';
import { findTemplate } from './templates.ts';

const breakdowns = ['state', 'paragraph', 'weapon-type', 'legal-enforcement', 'regional-group', 'organization', 'distribution'] as const;

const today = () => new Date().toISOString().slice(0, 10);

const figuresRoute = createRoute({
  method: 'get',
  path: '/matrix/figures',
  tags: ['1540 Matrix'],
  summary: 'Figures from the published matrices as at a date',
  description:
    'Counts of fields with measures (X) per State and broken down as asked, from the newest version of each State’s matrix published on or before `asOf`, on one template. The matrix is a reference tool, not a measure of compliance.',
  security: bearer,
  request: {
    query: z.object({
      asOf: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
        .optional()
        .openapi({ example: '2018-12-31', description: 'Default: today' }),
      template: z.string().max(32).optional().openapi({ example: '2017', description: 'Default: 2017' }),
      by: z.enum(breakdowns).optional().openapi({ description: 'Default: state' }),
      binWidth: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'For by=distribution; default 20' }),
    }),
  },
  responses: {
    200: {
      description: 'The figures',
      content: {
        'application/json': {
          schema: z.object({
            asOf: z.string(),
            template: z.string(),
            by: z.enum(breakdowns),
            states: z.number().int().openapi({ description: 'States with a published matrix on that date' }),
            fields: z.number().int(),
            data: z.unknown(),
          }),
        },
      },
    },
    404: problems[404],
    422: problems[422],
  },
});

export function registerFigureApi(api: Api) {
  api.openapi(figuresRoute, async (c) => {
    const q = c.req.valid('query');
    const asOf = q.asOf ?? today();
    if (Number.isNaN(Date.parse(asOf))) throw new AppError('validation', 'asOf is not a date', { fields: [{ field: 'asOf', problem: 'is not a date' }] });
    const version = q.template ?? '2017';
    const template = await findTemplate(c.get('app').database.db, version);
    if (template?.confidentiality !== 'public') throw new AppError('not-found', `no matrix template has the version ${version}`);
    const fields = template.definition.fields;
    const matrices = await publishedMatricesAsOf(c.get('app').database.db, version, asOf);
    const by = q.by ?? 'state';
    const data = (() => {
      switch (by) {
        case 'state':
          return countsByState(fields, matrices);
        case 'paragraph':
          return countsByParagraph(fields, matrices);
        case 'weapon-type':
          return countsByWeaponType(fields, matrices);
        case 'legal-enforcement':
          return legalVersusEnforcement(fields, matrices);
        case 'regional-group':
          return averagesBy(fields, matrices, 'regionalGroup');
        case 'organization':
          return averagesBy(fields, matrices, 'organization');
        case 'distribution':
          return distribution(fields, matrices, q.binWidth ?? 20);
      }
    })();
    return c.json({ asOf, template: version, by, states: matrices.length, fields: fields.length, data }, 200);
  });
}
