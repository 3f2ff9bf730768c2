// The requests through the API: list, record, read, change, the procedure's steps, providers'
// responses, and the public summaries. A request the caller may not see is 404 (never 403).
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { Kysely } from 'kysely';
import { actorOf } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid } from '../../../platform/errors.ts';
import { type Api, bearer, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { can, isCommitteeSide, type Viewer } from '../../../platform/policy/policy.ts';
import { todayIso, isoDate } from '../../../platform/values/dates.ts';
import {
  changeableRequest,
  changeResponses,
  createdResponses,
  db,
  idParams,
  json,
  lang,
  messagesFor,
  problem,
  tags,
  version,
  visibleRequest,
} from '../api-support.ts';
import {
  DetailSchema,
  presentCirculation,
  presentItem,
  presentMatch,
  presentRequest,
  presentResponse,
  presentStep,
  presentSummary,
  RequestSchema,
  ResponseSchema,
  SummarySchema,
} from '../api-schemas.ts';
import { stepInput, takeStep } from '../procedure/steps.ts';
import type { Flag } from '../procedure/procedure.ts';
import { flagsOf, itemsOf, listRequests, type RequestRow } from '../queries.ts';
import { publicSummaries } from '../requests/summaries.ts';
import { readerOf, requestAsSeen } from '../readers.ts';
import { requestStatuses } from '../schema.ts';
import { createRequest, updateRequest } from './commands.ts';
import { type RequestInput, requestFields, requestFieldsOf, requestInput, responseInput } from './inputs.ts';
import { recordResponse } from './responses.ts';

/** Whether the caller records requests for the State the body names: told before the body is checked. */
const mayRecordFor = createMiddleware<AppEnv>(async (c, next) => {
  const body: unknown = await c.req.json().catch(() => null);
  const state =
    body && typeof body === 'object' && typeof (body as { stateIso3?: unknown }).stateIso3 === 'string'
      ? (body as { stateIso3: string }).stateIso3
      : '';
  authorize(
    c,
    can(c.get('viewer'), 'create', {
      type: 'assistance-request',
      confidentiality: 'committee-and-state',
      stateIso3: state.trim().toUpperCase(),
    }),
    'the recording of requests for this State',
  );
  await next();
});

const listRequestsRoute = createRoute({
  method: 'get',
  path: '/assistance/requests',
  tags,
  summary: 'Requests for assistance the caller may see, newest first, with their items',
  description:
    'The Committee side sees every request (with its overdue deadlines in `flags`), a State’s point of contact its own State’s, a provider those circulated to it, the public none (it reads the posted summaries).',
  security: bearer,
  request: {
    query: z.object({
      state: z.string().max(3).optional().openapi({ example: 'MLI' }),
      year: z.coerce.number().int().min(2004).max(2100).optional().openapi({ description: 'Received in this year', example: 2018 }),
      status: z.enum(requestStatuses).optional(),
      from: isoDate.optional().openapi({ format: 'date', description: 'Received on or after' }),
      to: isoDate.optional().openapi({ format: 'date', description: 'Received on or before' }),
      limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Requests per page (100 by default)' }),
      offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
      lang,
    }),
  },
  responses: {
    200: {
      description: 'A page of requests',
      content: json(
        z.object({
          count: z.number().int().openapi({ description: 'All the requests that match and the caller may see' }),
          limit: z.number().int(),
          offset: z.number().int(),
          data: z.array(RequestSchema),
        }),
      ),
    },
    422: problems[422],
  },
});

const createRequestRoute = createRoute({
  method: 'post',
  middleware: [mayRecordFor] as const,
  path: '/assistance/requests',
  tags,
  summary: 'Record a request for assistance (a State’s point of contact for its own State; the experts and the secretariat for any)',
  security: bearer,
  request: {
    body: {
      required: true,
      content: json(
        requestInput.openapi({
          example: {
            stateIso3: 'MLI',
            receivedOn: '2018-06-11',
            channel: 'note-verbale',
            consentSummary: true,
            summary: 'Training of customs officers',
            items: [{ description: 'Training of customs officers', areas: ['border-control'], weapons: ['chemical'], kinds: ['training'] }],
          },
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The request, received (its address in `Location`)', content: json(DetailSchema) },
    401: problems[401],
    403: problems[403],
    422: problem('Not valid; each problem names its field (`items[0].areas`)'),
  },
});

const getRequestRoute = createRoute({
  method: 'get',
  path: '/assistance/requests/{id}',
  tags,
  summary: 'A request with its items, steps, circulation, responses and matches, as far as the caller may see them',
  security: bearer,
  request: { params: idParams, query: z.object({ lang }) },
  responses: { 200: { description: 'The request', content: json(DetailSchema) }, 404: problems[404] },
});

const patchRequestRoute = createRoute({
  method: 'patch',
  path: '/assistance/requests/{id}',
  tags,
  summary: 'Change a request’s content (the experts, the secretariat; the State’s point of contact until it is authenticated)',
  description:
    'Send the `rowVersion` as read and the fields that change. `items`, when sent, is the whole list: an item with its `id` is kept and changed, one without is added, one left out is removed.',
  security: bearer,
  request: {
    params: idParams,
    body: {
      required: true,
      content: json(
        z.object({ rowVersion: version, ...z.object(requestFields).partial().shape, items: requestInput.shape.items.optional() }),
      ),
    },
  },
  responses: changeResponses('request', DetailSchema),
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/assistance/requests/{id}/transitions',
  tags,
  summary: 'Take a step of the procedure (authenticate, acknowledge, circulate, post-summary, forward, start, deliver, close, withdraw, …)',
  description:
    'Checked against the procedure: the action allowed from the present status, the date (not in the future, not before the last step, circulation five working days after the acknowledgement). `providers` names whom a request is circulated to (`organization:WCO`, `state:FRA`).',
  security: bearer,
  request: {
    params: idParams,
    body: {
      required: true,
      content: json(
        stepInput.extend({ rowVersion: version }).openapi({
          example: { action: 'circulate', on: '2018-07-02', providers: ['organization:WCO', 'organization:IAEA'], rowVersion: 3 },
        }),
      ),
    },
  },
  responses: changeResponses('request', DetailSchema),
});

const responseRoute = createRoute({
  method: 'post',
  path: '/assistance/requests/{id}/responses',
  tags,
  summary: 'Record a provider’s response, naming the items of the request it answers',
  description:
    'A provider records its own (it may leave out `provider`); the experts and the secretariat record any provider’s. The request must have been circulated to the provider.',
  security: bearer,
  request: {
    params: idParams,
    body: {
      required: true,
      content: json(responseInput.openapi({ example: { provider: 'organization:WCO', respondedOn: '2018-07-02', itemIds: [] } })),
    },
  },
  responses: createdResponses('response', ResponseSchema),
});

const summariesRoute = createRoute({
  method: 'get',
  path: '/assistance/summaries',
  tags,
  summary: 'The summaries of requests that their States consented to publish and the secretariat posted',
  security: bearer,
  request: { query: z.object({ year: z.coerce.number().int().min(2004).max(2100).optional(), state: z.string().max(3).optional() }) },
  responses: {
    200: {
      description: 'The posted summaries, newest first',
      content: json(z.object({ count: z.number().int(), data: z.array(SummarySchema) })),
    },
    422: problems[422],
  },
});

/** The request with everything the caller may see of it (the API's answer; the CLI's `show`). */
export async function requestDetail(database: Kysely<DB>, viewer: Viewer | null, r: RequestRow, m: Messages) {
  const { reader, seen } = await requestAsSeen(database, viewer, r);
  const flags = reader.audience === 'committee' ? await flagsOf(database, [r], todayIso()) : new Map<string, Flag[]>();
  return {
    ...presentRequest(seen.request, seen.items, reader.audience, flags.get(r.id) ?? null, m),
    steps: seen.steps.map((s) => presentStep(s, reader.audience)),
    circulation: seen.circulation.map(presentCirculation),
    responses: seen.responses.map(presentResponse),
    matches: seen.matches.map((x) => presentMatch(x, m)),
  };
}

/** A request as it is now, for the answer to a change. */
async function detailOf(c: AppContextOf, row: RequestRow, m: Messages) {
  return requestDetail(db(c), c.get('viewer'), row, m);
}

export function registerRequestApi(api: Api) {
  api.openapi(listRequestsRoute, async (c) => {
    const q = c.req.valid('query');
    const viewer = c.get('viewer');
    const m = messagesFor(q.lang);
    if (q.from && q.to && q.from > q.to) throw invalid([{ field: 'from', problem: 'must not be after to' }]);
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listRequests(
      db(c),
      viewer,
      { state: q.state, year: q.year, status: q.status, from: q.from, to: q.to },
      page,
    );
    const [items, flags] = await Promise.all([
      itemsOf(
        db(c),
        rows.map((r) => r.id),
      ),
      isCommitteeSide(viewer) ? flagsOf(db(c), rows, todayIso()) : Promise.resolve(new Map<string, Flag[]>()),
    ]);
    const data = rows.map((r) => presentRequest(r, items, readerOf(viewer, r).audience, flags.get(r.id) ?? null, m));
    return c.json({ count: total, ...page, data }, 200);
  });

  api.openapi(createRequestRoute, async (c) => {
    const viewer = c.get('viewer');
    const row = await createRequest(db(c), actorOf(viewer), viewer, c.req.valid('json'));
    c.header('Location', `/api/v1/assistance/requests/${row.id}`);
    return c.json(await detailOf(c, row, messagesFor()), 201);
  });

  api.openapi(getRequestRoute, async (c) => {
    const r = await visibleRequest(c, c.req.valid('param').id);
    return c.json(await requestDetail(db(c), c.get('viewer'), r, messagesFor(c.req.valid('query').lang)), 200);
  });

  api.openapi(patchRequestRoute, async (c) => {
    const { viewer, r } = await changeableRequest(c, c.req.valid('param').id, 'the changing of requests');
    const { rowVersion: expected, items, ...fields } = c.req.valid('json');
    const current = (await itemsOf(db(c), [r.id])).map((i) => {
      const { position: _position, ...item } = presentItem(i);
      return item;
    });
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const input: RequestInput = { ...requestFieldsOf(r), items: current, ...defined, ...(items ? { items } : {}) };
    const row = await updateRequest(db(c), actorOf(viewer), viewer, r.id, expected, input);
    return c.json(await detailOf(c, row, messagesFor()), 200);
  });

  api.openapi(transitionRoute, async (c) => {
    const { viewer, r } = await changeableRequest(c, c.req.valid('param').id, 'the steps of the procedure');
    const { rowVersion, ...step } = c.req.valid('json');
    const row = await takeStep(db(c), actorOf(viewer), viewer, r.id, { ...step, expectedVersion: rowVersion });
    return c.json(await detailOf(c, row, messagesFor()), 200);
  });

  api.openapi(responseRoute, async (c) => {
    const { viewer, r } = await changeableRequest(c, c.req.valid('param').id, 'the recording of responses');
    const row = await recordResponse(db(c), actorOf(viewer), viewer, r.id, c.req.valid('json'));
    return c.json(presentResponse(row), 201);
  });

  api.openapi(summariesRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = await publicSummaries(db(c), { year: q.year, state: q.state });
    return c.json({ count: rows.length, data: rows.map(presentSummary) }, 200);
  });
}
