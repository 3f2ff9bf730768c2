import { accountOf, json, readResponses, signedIn, stateFor, stateParams } from '../api-common.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import type { StateRow } from '../../member-states/index.ts';
import { moveMatrix, saveCells, startDraft } from './commands.ts';
import { cellChangeInput, cellChangesInput, matrixStepInput, startDraftInput } from './inputs.ts';
import {
  DiffSchema,
  notice,
  presentContent,
  presentVersion,
  presentVersionSummary,
  SourceSchema,
  VersionSchema,
  VersionSummarySchema,
} from './present.ts';
import { diffCells } from './diff.ts';
import { cellMap, cellsOf, type MatrixRow, matrixVersions } from './matrices.ts';

const tags = ['1540 Matrix'];

const params = stateParams();
const conflict = {
  description: 'The matrix moved on: a stale save (listing the other change) or a step its status does not allow',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};
const forbidden = { description: 'The account may not do this', content: { 'application/problem+json': { schema: ProblemSchema } } };

/** The public makes no changes: refused before the body is read, so that a 422 tells it nothing. */
const signedInHere = signedIn('change a matrix');
const account = (c: AppContextOf): Viewer => accountOf(c, 'change a matrix');

/** A version by number among those the viewer may see: the others do not exist for them. */
async function visibleVersion(c: AppContextOf, state: StateRow, number: number): Promise<MatrixRow> {
  const versions = await matrixVersions(c.get('app').database.db, visibilityScope(c.get('viewer')), state.iso3);
  const found = versions.find((m) => m.number === number);
  if (!found) throw new AppError('not-found', `${state.iso3} has no matrix version ${number} that you may see`);
  return found;
}

const getRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/matrix',
  tags,
  summary: 'The newest version of a State’s matrix the caller may see, with its cells',
  description: `The published version for the public; the version in the works for the Committee side and the State’s point of contact. ${notice}`,
  security: bearer,
  request: { params },
  responses: readResponses({ description: 'The version', content: json(VersionSchema) }, 'No such State, or no version the caller may see'),
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/matrix/versions',
  tags,
  summary: 'The versions of a State’s matrix the caller may see, newest first',
  security: bearer,
  request: { params },
  responses: readResponses({ description: 'The versions', content: json(z.object({ data: z.array(VersionSummarySchema) })) }),
});

const diffRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/matrix/diff',
  tags,
  summary: 'What changed between two versions, field by field, with the sources',
  security: bearer,
  request: {
    params,
    query: z.object({
      from: z.coerce.number().int().min(1).openapi({ description: 'A version number', example: 1 }),
      to: z.coerce.number().int().min(1).openapi({ description: 'A version number', example: 2 }),
    }),
  },
  responses: readResponses(
    { description: 'The changes, by field code', content: json(DiffSchema) },
    'No such State, or a version the caller may not see',
  ),
});

const startRoute = createRoute({
  method: 'post',
  path: '/states/{iso3}/matrix',
  tags,
  summary: 'Start the next version: a draft copied from the latest approved one (the first starts blank)',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params,
    body: {
      required: false,
      content: json(
        startDraftInput.extend({
          template: startDraftInput.shape.template.openapi({
            description: 'The template version; by default that of the latest approved version, or 2017',
            example: '2017',
          }),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The new draft', content: json(VersionSchema) },
    401: problems[401],
    403: forbidden,
    404: { description: 'No such State or template', content: problems[404].content },
    409: { description: 'A version is already in the works', content: conflict.content },
    422: problems[422],
  },
});

const cellsRoute = createRoute({
  method: 'patch',
  path: '/states/{iso3}/matrix/cells',
  tags,
  summary: 'Change cells of the version in the works: all of them or none',
  description:
    'Each change names the `rowVersion` of the cell it was made on (0 for a blank cell that has no row yet). If someone saved that cell since, nothing is saved and a 409 problem shows their value. Every problem of the changes is reported at once in a 422 problem, each named by its field code.',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params,
    body: {
      required: true,
      content: json(
        cellChangesInput.extend({
          version: cellChangesInput.shape.version.openapi({ description: 'The number of the version being edited', example: 1 }),
          changes: z
            .array(
              cellChangeInput.extend({
                field: cellChangeInput.shape.field.openapi({ example: 'OP2.MANUFACTURE.N.LF' }),
                value: cellChangeInput.shape.value.openapi({ description: 'X, ?, NA or "" (no information found)', example: 'X' }),
                sources: z.array(SourceSchema).max(50).optional(),
                infoDate: cellChangeInput.shape.infoDate.openapi({ format: 'date' }),
                instrumentDate: cellChangeInput.shape.instrumentDate.openapi({ format: 'date' }),
              }),
            )
            .min(1)
            .max(2000),
        }),
      ),
    },
  },
  responses: {
    200: {
      description: 'Saved: how many cells, and the new `rowVersion` of each (send it as `expectedVersion` next time)',
      content: json(z.object({ saved: z.number().int(), cells: z.array(z.object({ field: z.string(), rowVersion: z.number().int() })) })),
    },
    401: problems[401],
    403: forbidden,
    404: { description: 'No such State, or no such version the caller may see', content: problems[404].content },
    409: conflict,
    422: { description: 'The changes are not valid; each problem names its field', content: problems[422].content },
  },
});

const moveRoute = createRoute({
  method: 'post',
  path: '/states/{iso3}/matrix/transitions',
  tags,
  summary: 'Move a version one step: sent to the State, commented, agreed, back to draft, approved, published',
  description:
    'Experts send, agree and return drafts; the State’s point of contact comments; the Committee approves; the secretariat publishes.',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params,
    body: {
      required: true,
      content: json(
        matrixStepInput.extend({
          version: matrixStepInput.shape.version.openapi({ example: 1 }),
          to: matrixStepInput.shape.to.openapi({ example: 'sent' }),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'The moved version', content: json(VersionSummarySchema) },
    401: problems[401],
    403: forbidden,
    404: { description: 'No such State, or no such version the caller may see', content: problems[404].content },
    409: conflict,
    422: problems[422],
  },
});

export function registerMatrixVersionApi(api: Api) {
  api.openapi(getRoute, async (c) => {
    const state = await stateFor(c, c.req.valid('param').iso3);
    const db = c.get('app').database.db;
    const current = (await matrixVersions(db, visibilityScope(c.get('viewer')), state.iso3))[0];
    if (!current) throw new AppError('not-found', `${state.iso3} has no matrix that you may see`);
    return c.json(presentVersion(current, await cellsOf(db, current.id)), 200);
  });
  api.openapi(versionsRoute, async (c) => {
    const state = await stateFor(c, c.req.valid('param').iso3);
    const rows = await matrixVersions(c.get('app').database.db, visibilityScope(c.get('viewer')), state.iso3);
    return c.json({ data: rows.map(presentVersionSummary) }, 200);
  });
  api.openapi(diffRoute, async (c) => {
    const state = await stateFor(c, c.req.valid('param').iso3);
    const { from, to } = c.req.valid('query');
    const db = c.get('app').database.db;
    const a = await visibleVersion(c, state, from);
    const b = await visibleVersion(c, state, to);
    const changes = diffCells(cellMap(await cellsOf(db, a.id)), cellMap(await cellsOf(db, b.id)));
    return c.json(
      {
        state: state.iso3,
        from: presentVersionSummary(a),
        to: presentVersionSummary(b),
        changes: changes.map((ch) => ({
          field: ch.field,
          changed: ch.changed,
          from: ch.from && presentContent(ch.from),
          to: ch.to && presentContent(ch.to),
        })),
      },
      200,
    );
  });
  api.openapi(startRoute, async (c) => {
    const state = await stateFor(c, c.req.valid('param').iso3);
    const viewer = account(c);
    authorize(
      c,
      can(viewer, 'create', { type: 'matrix', confidentiality: 'committee-and-state', stateIso3: state.iso3 }),
      'a new matrix version',
    );
    const body = c.req.valid('json') as { template?: string } | undefined;
    const db = c.get('app').database.db;
    const draft = await startDraft(db, actorOf(viewer), state.iso3, body?.template ? { templateVersion: body.template } : {});
    return c.json(presentVersion(draft, await cellsOf(db, draft.id)), 201);
  });
  api.openapi(cellsRoute, async (c) => {
    const state = await stateFor(c, c.req.valid('param').iso3);
    const { version, changes } = c.req.valid('json');
    const viewer = account(c);
    const matrix = await visibleVersion(c, state, version);
    // saveCells asks the policy (`update`), refuses a version that is no longer open, and checks
    // every change (source kinds included) so that all the problems are reported at once.
    const result = await saveCells(c.get('app').database.db, actorOf(viewer), viewer, matrix.id, changes);
    return c.json({ saved: result.saved, cells: result.cells }, 200);
  });
  api.openapi(moveRoute, async (c) => {
    const state = await stateFor(c, c.req.valid('param').iso3);
    const { version, to } = c.req.valid('json');
    const viewer = account(c);
    const matrix = await visibleVersion(c, state, version);
    // moveMatrix asks the policy for the action the step needs (update, comment, approve, publish).
    const moved = await moveMatrix(c.get('app').database.db, actorOf(viewer), viewer, matrix.id, to);
    return c.json(presentVersionSummary(moved), 200);
  });
}
