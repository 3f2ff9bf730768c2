import { accountOf, json, stateParams } from '../api-common.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError, invalid } from '../../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { findState } from '../../member-states/index.ts';
import { parseMapping } from './convert.ts';
import { convertMatrix, inConversionTransaction } from './convert-commands.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

const ConversionSchema = z
  .object({
    dryRun: z.boolean().openapi({ description: 'True when nothing was saved' }),
    state: z.string().openapi({ example: 'MLI' }),
    from: z.object({ number: z.number().int(), template: z.string() }).openapi({ description: 'The approved version converted' }),
    number: z.number().int().openapi({ description: 'The number of the new draft', example: 3 }),
    template: z.string().openapi({ example: '2026' }),
    converted: z.number().int().openapi({ description: 'Cells carried over' }),
    renamed: z.array(z.object({ from: z.string(), to: z.string() })).openapi({ description: 'Cells whose field changed its code' }),
    notMapped: z
      .array(
        z.object({
          field: z.string(),
          value: z.string(),
          remarks: z.string(),
          sources: z.array(z.object({}).passthrough()),
          infoDate: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Cells whose field has no counterpart in the new template: not carried over' }),
    unmappable: z.array(z.string()).openapi({ description: 'Fields of the old template with no counterpart' }),
    unfilled: z.array(z.string()).openapi({ description: 'Fields of the new template that no old field fills' }),
  })
  .openapi('MatrixConversion');

const convertRoute = createRoute({
  method: 'post',
  path: '/states/{iso3}/matrix/conversions',
  tags: ['1540 Matrix'],
  summary: 'Convert the latest approved version to another template: the next version, a draft, holds the converted cells',
  description:
    'A mapping `{ "from": "2017", "to": "2026", "fields": { "OLD.CODE": "NEW.CODE" | null } }` says where each field goes; fields it does not list go to the field of the same code, if the new template has one. The report lists the cells that could not be mapped, with their values. `dryRun: true` reports without saving (200). Experts and administrators; refused (409) while a version is in the works or when there is no approved version.',
  security: bearer,
  request: {
    params: stateParams(),
    body: {
      required: true,
      content: json(
        z.object({
          to: z.string().max(32).openapi({ description: 'The template version to convert to', example: '2026' }),
          mapping: z
            .unknown()
            .optional()
            .openapi({ description: 'The mapping; by default every field goes to the field of the same code' }),
          dryRun: z.boolean().optional().openapi({ description: 'Report without saving' }),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'Dry run: what the conversion would do; nothing saved', content: json(ConversionSchema) },
    201: { description: 'The new draft and the report', content: json(ConversionSchema) },
    401: problems[401],
    403: problem('The account may not convert matrices'),
    404: problem('No such State or template'),
    409: problem('A version is in the works, or there is no approved version'),
    422: problem('The mapping is not valid; each problem names its path'),
  },
});

const account = (c: AppContextOf): Viewer => accountOf(c, 'convert a matrix');

export function registerConversionApi(api: Api) {
  api.openapi(convertRoute, async (c) => {
    const viewer = account(c);
    const { iso3 } = c.req.valid('param');
    const db = c.get('app').database.db;
    const state = await findState(db, iso3);
    if (!state) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
    authorize(
      c,
      can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }),
      'this State',
    );
    authorize(
      c,
      can(viewer, 'create', { type: 'matrix', confidentiality: 'committee-and-state', stateIso3: state.iso3 }),
      'the conversion of this matrix',
    );
    const body = c.req.valid('json');
    let mapping: ReturnType<typeof parseMapping>['mapping'] | undefined;
    if (body.mapping !== undefined && body.mapping !== null) {
      const parsed = parseMapping(body.mapping);
      if (parsed.problems.length) throw invalid(parsed.problems);
      mapping = parsed.mapping;
    }
    const dryRun = body.dryRun === true;
    const done = await inConversionTransaction(db, dryRun, (trx) =>
      convertMatrix(trx, actorOf(viewer), viewer, state.iso3, body.to, mapping),
    );
    const report = {
      dryRun,
      ...done.report,
      unmappable: done.plan.unmappable,
      unfilled: done.plan.unfilled,
    };
    return dryRun ? c.json(report, 200) : c.json(report, 201);
  });
}
