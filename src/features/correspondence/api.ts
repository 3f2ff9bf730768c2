import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { findState } from '../member-states/index.ts';
import { createLetter } from './commands.ts';
import {
  concernsOfLetters,
  documentsOfLetter,
  type LetterRow,
  listLetters,
  originalOf,
  recipientsOfLetters,
  repliesTo,
  visibleConcerns,
  visibleLetter,
  visibleLetterIds,
} from './queries.ts';
import { type Concern, letterFilters } from './rules.ts';
import { concernTypes, letterKinds, letterSources, recipientsModes, senderKinds } from './schema.ts';

const tags = ['Correspondence'];
const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const ConcernSchema = z.object({ recordType: z.enum(concernTypes), recordId: z.string().max(100) }).openapi('LetterConcern');

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

export function presentLetter(l: LetterRow, recipients: string[], concerns: Concern[]): z.infer<typeof LetterSchema> {
  return {
    id: l.id,
    kind: l.kind,
    sentOn: l.sent_on,
    reference: l.reference,
    sender: { kind: l.sender_kind, state: l.sender_state_iso3, organization: l.sender_organization_code },
    recipients: { mode: l.recipients_mode, states: recipients, other: l.recipient_other },
    subject: l.subject,
    summary: l.summary,
    inReplyTo: l.in_reply_to,
    state: l.state_iso3,
    concerns,
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

const createLetterRoute = createRoute({
  method: 'post',
  path: '/letters',
  tags,
  summary: 'Record a letter, a note, a note verbale or a reply',
  description:
    'With recipients.mode "non-reporting" the recipients are the States that had not submitted a first report as at sentOn, resolved now and kept as they were.',
  security: bearer,
  request: {
    body: {
      content: json(
        z.object({
          kind: z.enum(letterKinds),
          sentOn: z.string(),
          reference: z.string().max(100).optional(),
          sender: z.object({
            kind: z.enum(senderKinds),
            state: z.string().max(3).nullable().optional(),
            organization: z.string().max(40).nullable().optional(),
          }),
          recipients: z.object({
            mode: z.enum(recipientsModes),
            states: z.array(z.string().max(3)).max(193).optional(),
            other: z.string().max(300).optional(),
          }),
          subject: z.string().max(300),
          summary: z.string().max(8000).optional(),
          inReplyTo: z.string().max(40).nullable().optional(),
          concerns: z.array(ConcernSchema).max(50).optional(),
          confidentiality: z.enum(confidentialityLevels).optional(),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The letter', content: json(LetterSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

/**
 * Letters as the caller may see them: what they concern and the letter they reply to only when
 * the caller may see those too (a public letter may concern a restricted record).
 */
async function presentPage(db: Kysely<DB>, viewer: Viewer | null, rows: LetterRow[]) {
  const ids = rows.map((l) => l.id);
  const [recipients, concerns] = await Promise.all([recipientsOfLetters(db, ids), concernsOfLetters(db, ids)]);
  const shown = new Set((await visibleConcerns(db, viewer, [...concerns.values()].flat())).map((c) => `${c.recordType}:${c.recordId}`));
  const originals = await visibleLetterIds(
    db,
    viewer,
    rows.map((l) => l.in_reply_to ?? ''),
  );
  return rows.map((l) => ({
    ...presentLetter(
      l,
      recipients.get(l.id) ?? [],
      (concerns.get(l.id) ?? []).filter((c) => shown.has(`${c.recordType}:${c.recordId}`)),
    ),
    inReplyTo: l.in_reply_to && originals.has(l.in_reply_to) ? l.in_reply_to : null,
  }));
}

export function registerCorrespondenceApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('app').database.db;
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listLetters(db, c.get('viewer'), letterFilters(q), page);
    return c.json({ count: total, ...page, data: await presentPage(db, c.get('viewer'), rows) }, 200);
  });

  api.openapi(stateRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const iso3 = c.req.valid('param').iso3;
    const state = await findState(db, iso3);
    if (!state || !can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }))
      throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
    const q = c.req.valid('query');
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listLetters(db, viewer, { state: state.iso3 }, page);
    return c.json({ state: state.iso3, count: total, ...page, data: await presentPage(db, c.get('viewer'), rows) }, 200);
  });

  api.openapi(getRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const l = await visibleLetter(db, viewer, c.req.valid('param').id);
    const [recipients, concerns, replies, documents] = await Promise.all([
      recipientsOfLetters(db, [l.id]),
      concernsOfLetters(db, [l.id]),
      repliesTo(db, viewer, l.id),
      documentsOfLetter(db, viewer, l.id),
    ]);
    // What it concerns, as far as the caller may see; the letter replied to, only if the caller may see it.
    const shown = await visibleConcerns(db, viewer, concerns.get(l.id) ?? []);
    const original = await originalOf(db, viewer, l);
    return c.json(
      {
        ...presentLetter(
          l,
          recipients.get(l.id) ?? [],
          shown.map((s) => ({ recordType: s.recordType, recordId: s.recordId })),
        ),
        inReplyTo: original?.id ?? null,
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
    const row = await createLetter(c.get('app').database.db, actorOf(viewer), {
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
    });
    const [created] = await presentPage(c.get('app').database.db, viewer, [row]);
    return c.json(created!, 201);
  });
}
