import { decisionInput, proposalInput, withdrawInput } from './inputs.ts';
import { accountOf, json, signedIn, stateFor, stateParams } from '../api-common.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import type { StateRow } from '../../member-states/index.ts';
import { presentVersionSummary } from '../versions/present.ts';
import { findMatrix, type MatrixRow } from '../versions/matrices.ts';
import {
  countOpenProposals,
  decide,
  findProposal,
  openVersionFor,
  type ProposalInput,
  type ProposalRow,
  proposalResource,
  proposalsOf,
  propose,
  withdraw,
  proposalContent,
} from './proposals.ts';
import { type CellSource, matrixStatuses, proposalKinds, proposalStatuses } from '../schema.ts';

const tags = ['1540 Matrix'];

const SourceSchema = z
  .object({
    kind: z.string().max(40).openapi({ description: 'law, national-report, website, organization or other', example: 'law' }),
    citation: z.string().max(1000).openapi({ example: 'Loi n° 2016-08 du 7 avril 2016' }),
    locator: z.string().max(200).optional().openapi({ description: 'Article, section or page', example: 'art. 12' }),
    url: z.string().max(2000).optional().openapi({ example: 'https://www.sgg-mali.ml/JO/2016/mali-jo-2016-12.pdf' }),
    language: z.string().max(35).optional().openapi({ description: 'BCP 47 tag of the source’s language', example: 'fr' }),
  })
  .openapi('MatrixProposalSource');

const PersonSchema = z.object({ id: z.string().uuid(), name: z.string().openapi({ example: 'Point of contact (Mali)' }) });

const ProposalSchema = z
  .object({
    id: z.string().uuid(),
    state: z.string().openapi({ example: 'MLI' }),
    version: z.number().int().openapi({ description: 'The number of the version commented on', example: 2 }),
    field: z.string().openapi({ description: 'The field code', example: 'OP2.USE.N.LF' }),
    kind: z
      .enum(proposalKinds)
      .openapi({ description: 'A comment on the field, or a proposed value with its sources', example: 'proposal' }),
    comment: z.string().openapi({ example: 'Article 12 of the 2016 law prohibits the use of nuclear weapons.' }),
    value: z
      .string()
      .nullable()
      .openapi({ description: 'The proposed value (X, ?, NA or "" for blank); null for a comment', example: 'X' }),
    sources: z.array(SourceSchema),
    infoDate: z.string().nullable().openapi({ format: 'date', example: '2016-04-07' }),
    status: z.enum(proposalStatuses).openapi({ example: 'open' }),
    author: PersonSchema,
    createdAt: z.string().openapi({ format: 'date-time' }),
    decidedBy: PersonSchema.nullable(),
    decidedAt: z.string().nullable().openapi({ format: 'date-time' }),
    decisionNote: z.string().openapi({ description: 'Why a proposal was declined (or a note on its acceptance)', example: '' }),
    rowVersion: z.number().int().openapi({ description: 'Send it back as `expectedVersion` when deciding or withdrawing', example: 1 }),
  })
  .openapi('MatrixProposal');

const VersionRefSchema = z
  .object({
    id: z.string().uuid(),
    state: z.string(),
    number: z.number().int(),
    status: z.enum(matrixStatuses),
    template: z.string(),
    demo: z.boolean(),
    statusChangedAt: z.string(),
    approvedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi({ description: 'The version in the works' });

const ListSchema = z
  .object({
    state: z.string().openapi({ example: 'MLI' }),
    version: VersionRefSchema,
    open: z.number().int().openapi({ description: 'How many comments and proposals await a decision', example: 2 }),
    data: z.array(ProposalSchema),
  })
  .openapi('MatrixProposalList');

type Proposal = z.infer<typeof ProposalSchema>;

/** What the API says of a comment or proposal. */
export function presentProposal(
  p: ProposalRow & { author_name: string; decider_name: string | null },
  m: Pick<MatrixRow, 'state_iso3' | 'number'>,
): Proposal {
  return {
    id: p.id,
    state: m.state_iso3,
    version: m.number,
    ...proposalContent(p),
    author: { id: p.author_id, name: p.author_name },
    createdAt: p.created_at.toISOString(),
    decidedBy: p.decided_by ? { id: p.decided_by, name: p.decider_name ?? '' } : null,
    decidedAt: p.decided_at?.toISOString() ?? null,
    decisionNote: p.decision_note,
    rowVersion: p.row_version,
  };
}

const params = stateParams();
const idParams = params.extend({ id: z.string().uuid().openapi({ example: '3f1c6a52-8d0e-4b7a-9a57-0c4f2f1e9b21' }) });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** Comments are never public: the public is refused before the body is read. */
const signedInHere = signedIn('see or make comments on a matrix');
const account = (c: AppContextOf): Viewer => accountOf(c, 'see or make comments on a matrix');

/** A proposal on a version of this State's matrix that the viewer may see; 404 otherwise. */
async function proposalOf(c: AppContextOf, state: StateRow, id: string) {
  const db = c.get('app').database.db;
  const p = await findProposal(db, id);
  const m = p && (await findMatrix(db, p.matrix_id));
  if (!p || !m || m.state_iso3 !== state.iso3 || !can(c.get('viewer'), 'read', proposalResource(m)))
    throw new AppError('not-found', `${state.iso3} has no comment or proposal ${id} that you may see`);
  return { p, m };
}

const listRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/matrix/proposals',
  tags,
  summary: 'The State’s comments and proposed values on the version of its matrix in the works',
  description:
    'For the Committee side and the State’s point of contact. Oldest first; `status=all` adds those already accepted, declined or withdrawn.',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params,
    query: z.object({
      status: z.enum(['open', 'all']).default('open').openapi({ description: 'open (the default) or all', example: 'open' }),
    }),
  },
  responses: {
    200: { description: 'The comments and proposals', content: json(ListSchema) },
    401: problems[401],
    403: problems[403],
    404: problem('No such State, or no version in the works that the caller may see'),
    422: problems[422],
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/states/{iso3}/matrix/proposals',
  tags,
  summary: 'Comment on a field, or propose a value for it with a source',
  description:
    'While the version is with the State (sent or commented). A value of X or ? needs at least one source; a comment needs its text. The first comment on a version sent to the State makes it `commented`. Problems are reported at once (422), each named by its field.',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params,
    body: {
      required: true,
      content: json(
        proposalInput
          .extend({
            field: proposalInput.shape.field.openapi({ example: 'OP2.USE.N.LF' }),
            kind: proposalInput.shape.kind.openapi({ example: 'proposal' }),
            comment: proposalInput.shape.comment.openapi({ example: 'Article 12 of the 2016 law prohibits the use of nuclear weapons.' }),
            value: proposalInput.shape.value.openapi({ description: 'For a proposal: X, ?, NA or "" (blank)', example: 'X' }),
            sources: z.array(SourceSchema).max(20).optional(),
            infoDate: proposalInput.shape.infoDate.openapi({ format: 'date', example: '2016-04-07' }),
            version: proposalInput.shape.version.openapi({
              description: 'The version commented on; by default the one in the works',
              example: 2,
            }),
          })
          .openapi({
            example: {
              field: 'OP2.USE.N.LF',
              kind: 'proposal',
              comment: 'Article 12 of the 2016 law prohibits the use of nuclear weapons.',
              value: 'X',
              sources: [{ kind: 'law', citation: 'Loi n° 2016-08 du 7 avril 2016', locator: 'art. 12', language: 'fr' }],
              infoDate: '2016-04-07',
            },
          }),
      ),
    },
  },
  responses: {
    201: { description: 'The comment or proposal', content: json(ProposalSchema) },
    401: problems[401],
    403: problem('The account may not comment on this matrix'),
    404: problem('No such State or version, or one the caller may not see'),
    409: problem('The version is not with the State: it takes no comments'),
    422: problem('The comment or proposal is not valid; each problem names its field'),
  },
});

const decisionRoute = createRoute({
  method: 'post',
  path: '/states/{iso3}/matrix/proposals/{id}/decision',
  tags,
  summary: 'Accept or decline a proposal (experts)',
  description:
    'Accepting a proposal puts its value, sources and date into the cell, in the same transaction. Declining needs a note saying why. A decided proposal is not decided again (409).',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params: idParams,
    body: {
      required: true,
      content: json(
        decisionInput
          .extend({
            decision: decisionInput.shape.decision.openapi({ example: 'decline' }),
            note: decisionInput.shape.note.openapi({ example: 'The 2016 law covers acquisition, not use.' }),
            expectedVersion: decisionInput.shape.expectedVersion.openapi({ description: 'The `rowVersion` the expert saw', example: 1 }),
          })
          .openapi({ example: { decision: 'accept', note: '', expectedVersion: 1 } }),
      ),
    },
  },
  responses: {
    200: { description: 'The decided proposal', content: json(ProposalSchema) },
    401: problems[401],
    403: problem('Only the experts who keep the matrix decide'),
    404: problem('No such proposal the caller may see'),
    409: problem('Already decided or withdrawn, changed since, or the version no longer changes'),
    422: problem('Not valid: a decline without a note, say'),
  },
});

const withdrawalRoute = createRoute({
  method: 'post',
  path: '/states/{iso3}/matrix/proposals/{id}/withdrawal',
  tags,
  summary: 'Withdraw one’s own open comment or proposal',
  security: bearer,
  middleware: [signedInHere] as const,
  request: {
    params: idParams,
    body: {
      required: false,
      content: json(
        withdrawInput
          .extend({
            expectedVersion: withdrawInput.shape.expectedVersion.openapi({ description: 'The `rowVersion` the author saw', example: 1 }),
          })
          .openapi({ example: { expectedVersion: 1 } }),
      ),
    },
  },
  responses: {
    200: { description: 'The withdrawn comment or proposal', content: json(ProposalSchema) },
    401: problems[401],
    403: problem('Only its author withdraws a comment or proposal'),
    404: problem('No such comment or proposal the caller may see'),
    409: problem('Already decided or withdrawn'),
    422: problems[422],
  },
});

export function registerProposalApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const viewer = account(c);
    const state = await stateFor(c, c.req.valid('param').iso3);
    const db = c.get('app').database.db;
    const open = await openVersionFor(db, viewer, state.iso3);
    if (!open) throw new AppError('not-found', `${state.iso3} has no matrix version in the works that you may see`);
    authorize(c, can(viewer, 'read', proposalResource(open)), 'the comments on this matrix');
    const [rows, count] = await Promise.all([proposalsOf(db, open.id, c.req.valid('query').status), countOpenProposals(db, open.id)]);
    return c.json(
      { state: state.iso3, version: presentVersionSummary(open), open: count, data: rows.map((p) => presentProposal(p, open)) },
      200,
    );
  });
  api.openapi(createRouteDef, async (c) => {
    const viewer = account(c);
    const state = await stateFor(c, c.req.valid('param').iso3);
    const body = c.req.valid('json');
    const db = c.get('app').database.db;
    // propose asks the policy (`comment`), refuses a version that is not with the State, and
    // checks the field, the value and its sources, reporting every problem at once.
    const input: ProposalInput = { ...body, sources: body.sources as CellSource[] | undefined };
    const row = await propose(db, actorOf(viewer), viewer, state.iso3, input);
    const [p, m] = await Promise.all([findProposal(db, row.id), findMatrix(db, row.matrix_id)]);
    return c.json(presentProposal(p!, m!), 201);
  });
  api.openapi(decisionRoute, async (c) => {
    const viewer = account(c);
    const { iso3, id } = c.req.valid('param');
    const state = await stateFor(c, iso3);
    const { m } = await proposalOf(c, state, id);
    const body = c.req.valid('json');
    const db = c.get('app').database.db;
    await decide(db, actorOf(viewer), viewer, id, body);
    return c.json(presentProposal((await findProposal(db, id))!, m), 200);
  });
  api.openapi(withdrawalRoute, async (c) => {
    const viewer = account(c);
    const { iso3, id } = c.req.valid('param');
    const state = await stateFor(c, iso3);
    const { m } = await proposalOf(c, state, id);
    const body = (c.req.valid('json') as { expectedVersion?: number } | undefined) ?? {};
    const db = c.get('app').database.db;
    await withdraw(db, actorOf(viewer), viewer, id, body);
    return c.json(presentProposal((await findProposal(db, id))!, m), 200);
  });
}
