// The API of the Committee's cooperation with organizations (S/2018/1167 ¶29–36): list, read,
// record and change, through the write core of outreach (commands.ts) and its presenter.
import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { json, tags, withVersion } from './api.ts';
import { createCooperation, updateCooperation } from './commands.ts';
import { cooperationFor, cooperationRecord } from './present.ts';
import { cooperationResource, listCooperation, visibleCooperation } from './queries.ts';
import { cooperationActivities } from './schema.ts';

const CooperationSchema = z
  .object({
    id: z.string(),
    organizationCode: z.string(),
    activity: z.enum(cooperationActivities),
    startsOn: z.string(),
    endsOn: z.string(),
    description: z.string(),
    translations: z
      .record(z.string(), z.object({ description: z.string() }))
      .openapi({ description: 'The description in the languages it is translated into (ar, es, fr, ru, zh); its own is the English' }),
    links: z.array(z.string()),
    stateIso3: z.string().nullable(),
    source: z.string(),
    confidentiality: z.string(),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('OrganizationCooperation');

// The body of a new or changed cooperation record: checked by the write core, every problem named by its field (422).
const CooperationBody = z
  .object({
    organizationCode: z.string().optional(),
    activity: z
      .string()
      .optional()
      .openapi({ description: cooperationActivities.join(', ') }),
    startsOn: z.string().optional(),
    endsOn: z.string().nullable().optional(),
    description: z.string().optional(),
    translations: z
      .record(z.string(), z.object({ description: z.string().optional() }))
      .optional()
      .openapi({ description: 'By language (ar, es, fr, ru, zh): the description in it; replaces the stored translations whole' }),
    links: z.array(z.string()).optional(),
    stateIso3: z.string().nullable().optional(),
    confidentiality: z.string().optional(),
  })
  .openapi('OrganizationCooperationInput');

const cooperationListRoute = createRoute({
  method: 'get',
  path: '/cooperation',
  tags,
  summary: 'The Committee’s cooperation with organizations, by organization',
  security: bearer,
  request: { query: z.object({ organization: z.string().optional().openapi({ example: 'OPCW' }) }) },
  responses: {
    200: { description: 'The records', content: json(z.object({ count: z.number().int(), data: z.array(CooperationSchema) })) },
  },
});

const cooperationGetRoute = createRoute({
  method: 'get',
  path: '/cooperation/{id}',
  tags,
  summary: 'A cooperation record (404 for one the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: { description: 'The record', content: json(CooperationSchema) }, 404: problems[404] },
});

const cooperationCreateRoute = createRoute({
  method: 'post',
  path: '/cooperation',
  tags,
  summary: 'Record a cooperation with an organization',
  security: bearer,
  request: { body: { content: json(CooperationBody) } },
  responses: {
    201: { description: 'The record', content: json(CooperationSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

const cooperationUpdateRoute = createRoute({
  method: 'put',
  path: '/cooperation/{id}',
  tags,
  summary: 'Change a cooperation record on the version seen (the fields given replace the stored ones; 409 if someone changed it since)',
  security: bearer,
  request: {
    params: z.object({ id: z.string().max(40) }),
    body: { content: json(CooperationBody.extend({ rowVersion: z.number().int() })) },
  },
  responses: {
    200: { description: 'The record', content: json(CooperationSchema) },
    403: problems[403],
    404: problems[404],
    409: { description: 'Changed by someone else since the version given', content: problems[422].content },
    422: problems[422],
  },
});

export function registerCooperationApi(api: Api) {
  api.openapi(cooperationListRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const organization = c.req.valid('query').organization?.toUpperCase();
    const rows = await cooperationFor(db, viewer, await listCooperation(db, viewer, organization ? { organization } : {}));
    return c.json(
      { count: rows.length, data: rows.map((r) => withVersion(r, cooperationRecord(r)) as z.infer<typeof CooperationSchema>) },
      200,
    );
  });

  api.openapi(cooperationGetRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const [r] = await cooperationFor(db, viewer, [await visibleCooperation(db, viewer, c.req.valid('param').id)]);
    return c.json(withVersion(r!, cooperationRecord(r!)) as z.infer<typeof CooperationSchema>, 200);
  });

  api.openapi(cooperationCreateRoute, async (c) => {
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'cooperation', confidentiality: 'committee' }), 'the recording of cooperation');
    const db = c.get('app').database.db;
    const row = await createCooperation(db, viewer, c.req.valid('json') as never);
    return c.json(withVersion(row, cooperationRecord(row)) as z.infer<typeof CooperationSchema>, 201);
  });

  api.openapi(cooperationUpdateRoute, async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const before = await visibleCooperation(db, viewer, c.req.valid('param').id);
    authorize(c, can(viewer, 'update', cooperationResource(before)), 'the editing of this cooperation record');
    const { rowVersion, ...change } = c.req.valid('json');
    const [row] = await cooperationFor(db, viewer, [await updateCooperation(db, viewer, before.id, rowVersion, change as never)]);
    return c.json(withVersion(row!, cooperationRecord(row!)) as z.infer<typeof CooperationSchema>, 200);
  });
}
