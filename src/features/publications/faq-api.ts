// The API of the FAQ (S/2018/1167 ¶43b): the questions in their groups and order, as the public
// reads them, and their keeping by the secretariat (groups and questions: create, change, archive,
// restore) through the FAQ's write core (faq-commands.ts) and the pages' input schemas.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/audit/record.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { conflict, json, tags } from './api.ts';
import {
  createFaqGroup,
  createFaqQuestion,
  type FaqGroupRow,
  type FaqQuestionRow,
  setFaqArchived,
  updateFaqGroup,
  updateFaqQuestion,
} from './faq-commands.ts';
import { faqGroupSchema, faqQuestionSchema } from './inputs.ts';
import { faqGroup, faqInOrder, faqQuestion } from './queries.ts';

const FaqSchema = z
  .object({
    groups: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        titles: z.record(z.string(), z.string()),
        questions: z.array(
          z.object({
            id: z.string(),
            position: z.number().int(),
            texts: z.record(z.string(), z.object({ question: z.string(), answer: z.string() })),
          }),
        ),
      }),
    ),
  })
  .openapi('Faq');

const faqRoute = createRoute({
  method: 'get',
  path: '/faq',
  tags,
  summary: 'The FAQ in its order: groups and questions, each in the languages it has (a language without a version is absent)',
  responses: { 200: { description: 'The FAQ', content: json(FaqSchema) } },
});

// The FAQ kept through the API: the same write core and the same input schemas as the secretariat's pages.
const FaqGroupRecord = z
  .object({
    id: z.string().uuid(),
    position: z.number().int(),
    titles: z.record(z.string(), z.string()),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('FaqGroup');
const FaqQuestionRecord = z
  .object({
    id: z.string().uuid(),
    groupId: z.string().uuid(),
    position: z.number().int(),
    texts: z.record(z.string(), z.object({ question: z.string(), answer: z.string() })),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('FaqQuestion');

const faqGroupJson = (g: FaqGroupRow): z.infer<typeof FaqGroupRecord> => ({
  id: g.id,
  position: g.position,
  titles: g.titles as Record<string, string>,
  archived: g.archived_at !== null,
  rowVersion: g.row_version,
});
const faqQuestionJson = (q: FaqQuestionRow): z.infer<typeof FaqQuestionRecord> => ({
  id: q.id,
  groupId: q.group_id,
  position: q.position,
  texts: q.texts as Record<string, { question: string; answer: string }>,
  archived: q.archived_at !== null,
  rowVersion: q.row_version,
});

const faqKinds = {
  groups: { noun: 'group', schema: faqGroupSchema, record: FaqGroupRecord, input: 'a heading in one or more of the six languages' },
  questions: {
    noun: 'question',
    schema: faqQuestionSchema,
    record: FaqQuestionRecord,
    input: 'its group, and a question with its answer in one or more of the six languages',
  },
} as const;
type FaqKind = keyof typeof faqKinds;
const faqWriteResponses = (record: z.ZodTypeAny, created: boolean) => ({
  [created ? 201 : 200]: { description: 'The record', content: json(record) },
  401: problems[401],
  403: problems[403],
  ...(created ? {} : { 404: problems[404], 409: conflict }),
  422: problems[422],
});

const faqCreateRoute = (kind: FaqKind) =>
  createRoute({
    method: 'post',
    path: `/faq/${kind}`,
    tags,
    summary: `Add a ${faqKinds[kind].noun} to the FAQ (${faqKinds[kind].input}): the secretariat`,
    security: bearer,
    request: { body: { content: json(faqKinds[kind].schema) } },
    responses: faqWriteResponses(faqKinds[kind].record, true),
  });
const faqUpdateRoute = (kind: FaqKind) =>
  createRoute({
    method: 'put',
    path: `/faq/${kind}/{id}`,
    tags,
    summary: `Change a ${faqKinds[kind].noun} of the FAQ on the version the caller saw (409 if someone changed it since): the secretariat`,
    security: bearer,
    request: {
      params: z.object({ id: z.string().max(40) }),
      body: { content: json((faqKinds[kind].schema as typeof faqGroupSchema).extend({ rowVersion: z.number().int() })) },
    },
    responses: faqWriteResponses(faqKinds[kind].record, false),
  });
const faqArchiveRoute = (kind: FaqKind, step: 'archive' | 'restore') =>
  createRoute({
    method: 'post',
    path: `/faq/${kind}/{id}/${step}`,
    tags,
    summary:
      step === 'archive'
        ? `Archive a ${faqKinds[kind].noun} of the FAQ (never deleted): it leaves the public FAQ and the search; the secretariat`
        : `Restore an archived ${faqKinds[kind].noun} of the FAQ: the secretariat`,
    security: bearer,
    request: { params: z.object({ id: z.string().max(40) }), body: { content: json(z.object({ rowVersion: z.number().int() })) } },
    responses: faqWriteResponses(faqKinds[kind].record, false),
  });

export function registerFaqApi(api: Api) {
  api.openapi(faqRoute, async (c) => {
    const faq = await faqInOrder(c.get('app').database.db);
    return c.json(
      {
        groups: faq.map(({ group, questions }) => ({
          id: group.id,
          position: group.position,
          titles: group.titles as Record<string, string>,
          questions: questions.map((q) => ({
            id: q.id,
            position: q.position,
            texts: q.texts as Record<string, { question: string; answer: string }>,
          })),
        })),
      },
      200,
    );
  });

  const mayKeep = (c: Parameters<typeof authorize>[0], action: 'create' | 'update' | 'archive' | 'restore', kind: FaqKind) =>
    authorize(
      c,
      can(c.get('viewer'), action, { type: kind === 'groups' ? 'faq-group' : 'faq-question', confidentiality: 'public' }),
      'the editing of the FAQ',
    );
  const faqJson = (kind: FaqKind, row: FaqGroupRow | FaqQuestionRow) =>
    kind === 'groups' ? faqGroupJson(row as FaqGroupRow) : faqQuestionJson(row as FaqQuestionRow);
  const stored = (kind: FaqKind, db: Parameters<typeof faqGroup>[0], id: string) =>
    kind === 'groups' ? faqGroup(db, id) : faqQuestion(db, id);

  for (const kind of ['groups', 'questions'] as const) {
    api.openapi(faqCreateRoute(kind), async (c) => {
      mayKeep(c, 'create', kind);
      const db = c.get('app').database.db;
      const actor = actorOf(c.get('viewer'));
      const input = c.req.valid('json') as never;
      const row = kind === 'groups' ? await createFaqGroup(db, actor, input) : await createFaqQuestion(db, actor, input);
      return c.json(faqJson(kind, row) as never, 201);
    });

    api.openapi(faqUpdateRoute(kind), async (c) => {
      mayKeep(c, 'update', kind);
      const db = c.get('app').database.db;
      const before = await stored(kind, db, c.req.valid('param').id);
      const { rowVersion, ...input } = c.req.valid('json') as { rowVersion: number };
      const actor = actorOf(c.get('viewer'));
      const row =
        kind === 'groups'
          ? await updateFaqGroup(db, actor, before.id, rowVersion, input as never)
          : await updateFaqQuestion(db, actor, before.id, rowVersion, input as never);
      return c.json(faqJson(kind, row) as never, 200);
    });

    for (const step of ['archive', 'restore'] as const)
      api.openapi(faqArchiveRoute(kind, step), async (c) => {
        mayKeep(c, step, kind);
        const db = c.get('app').database.db;
        const before = await stored(kind, db, c.req.valid('param').id);
        const { rowVersion } = c.req.valid('json');
        const which = kind === 'groups' ? 'group' : 'question';
        const row = await setFaqArchived(db, actorOf(c.get('viewer')), which, before.id, rowVersion, step === 'archive');
        return c.json(faqJson(kind, row) as never, 200);
      });
  }
}
