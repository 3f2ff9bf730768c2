import { accountOf, json } from '../api-common.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { presentTemplate } from './api.ts';
import { updateTemplateDefinition } from './template-edit.ts';
import { copyTemplate, findTemplate, type TemplateRow } from './templates.ts';

const tags = ['1540 Matrix'];
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const resource = (t: Pick<TemplateRow, 'confidentiality'>) => ({ type: 'matrix-template' as const, confidentiality: t.confidentiality });
const newTemplate = { type: 'matrix-template' as const, confidentiality: 'public' as const };

const account = (c: AppContextOf): Viewer => accountOf(c, 'change a matrix template');

// The template as the GET answers it (MatrixTemplate); its parts are checked by the server so
// that each problem names its place (`fields[12].row`).
const TemplateTemplate = z
  .object({})
  .passthrough()
  .openapi({ description: 'A MatrixTemplate, as GET /matrix/templates/{version} gives it' });

const copyRoute = createRoute({
  method: 'post',
  path: '/matrix/templates',
  tags,
  summary: 'Create a new template version: an editable copy of an existing one (administrators)',
  security: bearer,
  request: {
    body: {
      required: true,
      content: json(
        z.object({
          from: z.string().max(32).openapi({ description: 'The version copied', example: '2017' }),
          version: z
            .string()
            .max(32)
            .openapi({ description: 'The new version: letters, digits, dots, dashes, underscores', example: '2026' }),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The new, unlocked version', content: json(TemplateTemplate) },
    401: problems[401],
    403: problem('The account may not create templates'),
    404: problem('No such template to copy'),
    409: problem('A template of that version exists already'),
    422: problems[422],
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/matrix/templates/{version}',
  tags,
  summary: 'Replace the sections, rows and fields of a template that no matrix uses yet (administrators)',
  description:
    'Send the template as GET gives it, changed, with the `rowVersion` it had. A locked template (shipped, or used by a matrix) is refused with 409: copy it to a new version. Every problem of the definition is reported at once, each named by its path, e.g. `fields[12].row`. A `title` in the six languages, if sent, replaces the title.',
  security: bearer,
  request: {
    params: z.object({ version: z.string().max(32).openapi({ example: '2026' }) }),
    body: {
      required: true,
      content: json(
        z.object({
          rowVersion: z.number().int().min(1).openapi({ description: 'The rowVersion of the template as it was read' }),
          title: z.unknown().optional().openapi({ description: 'LocalizedText' }),
          sections: z.array(z.unknown()).openapi({ description: 'MatrixTemplate sections' }),
          rows: z.array(z.unknown()).openapi({ description: 'MatrixTemplate rows' }),
          fields: z.array(z.unknown()).openapi({ description: 'MatrixTemplate fields' }),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'The template as changed', content: json(TemplateTemplate) },
    401: problems[401],
    403: problem('The account may not change templates'),
    404: problems[404],
    409: problem('The template is locked, or was changed since it was read'),
    422: problem('The definition is not valid; each problem names its path'),
  },
});

export function registerTemplateEditApi(api: Api) {
  api.openapi(copyRoute, async (c) => {
    const viewer = account(c);
    authorize(c, can(viewer, 'create', newTemplate), 'a new template version');
    const { from, version } = c.req.valid('json');
    const created = await copyTemplate(c.get('app').database.db, actorOf(viewer), from, version);
    return c.json(presentTemplate(created), 201);
  });
  api.openapi(updateRoute, async (c) => {
    const viewer = account(c);
    const { version } = c.req.valid('param');
    const db = c.get('app').database.db;
    const t = await findTemplate(db, version);
    if (!t || t.archived_at) throw new AppError('not-found', `no matrix template has the version ${version}`);
    authorize(c, can(viewer, 'update', resource(t)), 'a change of this template');
    const { rowVersion, ...definition } = c.req.valid('json');
    const updated = await updateTemplateDefinition(db, actorOf(viewer), version, definition, rowVersion);
    return c.json(presentTemplate(updated), 200);
  });
}
