import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { stateVisibleTo } from '../member-states/index.ts';
import { createLetter } from './commands.ts';
import { concernSchema, type LetterInput, letterFields, letterFilters } from './inputs.ts';
import { type LetterView, presentLetter, presentLetters } from './present.ts';
import { documentsOfLetter, listLetters, repliesTo, visibleLetter } from './queries.ts';
import { letterKinds, letterSources, recipientsModes, senderKinds } from './schema.ts';

const tags = ['Correspondence'];
const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const ConcernSchema = concernSchema.openapi('LetterConcern');

export const LetterSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(letterKinds),
    sentOn: z.string().openapi({ format: 'date', example: '2018-05-15' }),
    reference: z.string(),
    sender: z.object({ kind: z.enum(senderKinds), state: z.string().nullable(), organization: z.string().nullable() }),
    recipients: z.object({
      mode: z
        .enum(recipientsModes)
        .openapi({ description: 'non-reporting: every State without a first report as at the date, resolved then and kept' }),
      states: z.array(z.string()),
      other: z.string(),
    }),
    subject: z.string(),
    summary: z.string(),
    inReplyTo: z.string().nullable(),
    state: z.string().nullable().openapi({ description: 'The State concerned: the sender State or the one State addressed' }),
    concerns: z.array(ConcernSchema),
    source: z.enum(letterSources),
    confidentiality: z.enum(confidentialityLevels),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('Letter');

/** The API's shape of a letter as the caller sees it. */
export function letterJson({ letter: l, recipients, concerns, inReplyTo }: LetterView): z.infer<typeof LetterSchema> {
  return {
    id: l.id,
    kind: l.kind,
    sentOn: l.sent_on,
    reference: l.reference,
    sender: { kind: l.sender_kind, state: l.sender_state_iso3, organization: l.sender_organization_code },
    recipients: { mode: l.recipients_mode, states: recipients, other: l.recipient_other },
    subject: l.subject,
    summary: l.summary,
    inReplyTo,
    state: l.state_iso3,
    concerns: concerns.map((c) => ({ recordType: c.recordType, recordId: c.recordId })),
    source: l.source,
    confidentiality: l.confidentiality,
    archived: l.archived_at !== null,
    rowVersion: l.row_version,
  };
}

const ListSchema = z.object({
  count: z.number().int().openapi({ description: 'All the letters that match (the caller may see), not only this page' }),
  limit: z.number().int(),
  offset: z.number().int(),
  data: z.array(LetterSchema),
});

const paging = {
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Letters per page (100 by default)' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

const listRoute = createRoute({
  method: 'get',
  path: '/letters',
  tags,
  summary: 'Letters, notes and replies the caller may see, newest first',
  security: bearer,
  request: {
    query: z.object({
      state: z.string().optional().openapi({ description: 'From, to or about this State (ISO3)', example: 'MLI' }),
      from: z.string().optional().openapi({ example: '2018-01-01' }),
      to: z.string().optional().openapi({ example: '2018-12-31' }),
      kind: z
        .string()
        .optional()
        .openapi({ description: letterKinds.join(', ') }),
      ...paging,
    }),
  },
  responses: { 200: { description: 'A page of letters', content: json(ListSchema) }, 422: problems[422] },
});

const stateRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/letters',
  tags,
  summary: 'The letters from, to or about a State that the caller may see',
  security: bearer,
  request: { params: z.object({ iso3: z.string().max(3).openapi({ example: 'MLI' }) }), query: z.object(paging) },
  responses: {
    200: { description: 'A page of letters', content: json(ListSchema.extend({ state: z.string() })) },
    404: problems[404],
  },
});

const DetailSchema = LetterSchema.extend({
  replies: z.array(z.object({ id: z.string(), kind: z.enum(letterKinds), sentOn: z.string(), subject: z.string() })),
  documents: z.array(z.object({ id: z.string(), title: z.string(), language: z.string() })),
});

const getRoute = createRoute({
  method: 'get',
  path: '/letters/{id}',
  tags,
  summary: 'A letter, its replies and documents (404 for a letter the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The letter', content: json(DetailSchema) }, 404: problems[404] },
});

/** A new letter: the fields of the write core's input, grouped by sender and recipients. */
const createBody = z.object({
  kind: letterFields.kind,
  sentOn: letterFields.sentOn.openapi({ format: 'date', example: '2018-05-15' }),
  reference: letterFields.reference.optional(),
  sender: z.object({ kind: letterFields.senderKind, state: letterFields.senderState, organization: letterFields.senderOrganization }),
  recipients: z.object({
    mode: letterFields.recipientsMode,
    states: letterFields.recipients.optional(),
    other: letterFields.recipientOther.optional(),
  }),
  subject: letterFields.subject,
  summary: letterFields.summary.optional(),
  inReplyTo: letterFields.inReplyTo,
  concerns: letterFields.concerns.optional(),
  confidentiality: letterFields.confidentiality.optional(),
});

const createLetterRoute = createRoute({
  method: 'post',
  path: '/letters',
  tags,
  summary: 'Record a letter, a note, a note verbale or a reply',
  description:
    'With recipients.mode "non-reporting" the recipients are the States that had not submitted a first report as at sentOn, resolved now and kept as they were.',
  security: bearer,
  request: {
    body: { content: json(createBody) },
  },
  responses: {
    201: { description: 'The letter', content: json(LetterSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

/** The API's body of a new letter, in the write core's shape. */
function inputOf(body: z.infer<typeof createBody>): LetterInput {
  return {
    kind: body.kind,
    sentOn: body.sentOn,
    reference: body.reference,
    senderKind: body.sender.kind,
    senderState: body.sender.state ?? null,
    senderOrganization: body.sender.organization ?? null,
    recipientsMode: body.recipients.mode,
    recipients: body.recipients.states ?? [],
    recipientOther: body.recipients.other,
    subject: body.subject,
    summary: body.summary,
    inReplyTo: body.inReplyTo ?? null,
    concerns: body.concerns ?? [],
    confidentiality: body.confidentiality,
  };
}

export function registerCorrespondenceApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('app').database.db;
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listLetters(db, c.get('viewer'), letterFilters(q), page);
    return c.json({ count: total, ...page, data: (await presentLetters(db, c.get('viewer'), rows)).map(letterJson) }, 200);
  });

  api.openapi(stateRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const state = await stateVisibleTo(db, viewer, c.req.valid('param').iso3);
    const q = c.req.valid('query');
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listLetters(db, viewer, { state: state.iso3 }, page);
    return c.json({ state: state.iso3, count: total, ...page, data: (await presentLetters(db, viewer, rows)).map(letterJson) }, 200);
  });

  api.openapi(getRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const l = await visibleLetter(db, viewer, c.req.valid('param').id);
    const [view, replies, documents] = await Promise.all([
      presentLetter(db, viewer, l),
      repliesTo(db, viewer, l.id),
      documentsOfLetter(db, viewer, l.id),
    ]);
    return c.json(
      {
        ...letterJson(view),
        replies: replies.map((r) => ({ id: r.id, kind: r.kind, sentOn: r.sent_on, subject: r.subject })),
        documents: documents.map((d) => ({ id: d.id, title: d.title, language: d.language })),
      },
      200,
    );
  });

  api.openapi(createLetterRoute, async (c) => {
    const viewer = c.get('viewer');
    const body = c.req.valid('json');
    authorize(
      c,
      can(viewer, 'create', { type: 'letter', confidentiality: body.confidentiality ?? 'committee' }),
      'the recording of letters',
    );
    const db = c.get('app').database.db;
    const row = await createLetter(db, actorOf(viewer), inputOf(body));
    return c.json(letterJson(await presentLetter(db, viewer, row)), 201);
  });
}
