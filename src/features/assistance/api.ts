// The clearinghouse through the API: requests and their procedure, providers' responses, offers,
// matches with their reasons in words, the public summaries, the taxonomy and the engine's weights.
// A request the caller may not see is 404 (never 403), so that its existence does not leak.
import { todayIso } from '../../platform/values/dates.ts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../platform/http/api-common.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { type Messages, messages } from '../../platform/i18n/i18n.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { can, isCommitteeSide, may, type Viewer } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import {
  audienceOf,
  DetailSchema,
  json,
  MatchSchema,
  OfferSchema,
  presentCirculation,
  presentItem,
  presentMatch,
  presentOffer,
  presentRequest,
  presentResponse,
  presentStep,
  presentSummary,
  RankedItemSchema,
  RankedOfferSchema,
  RequestSchema,
  ResponseSchema,
  rankedOf,
  requestFieldsOf,
  SummarySchema,
} from './api-schemas.ts';
import type { Flag } from './procedure/procedure.ts';
import { readerOf, requestAsSeen, seesMatch } from './readers.ts';
import type { ItemInput, OfferInput, RequestInput } from './requests/checks.ts';
import {
  addMatch,
  createOffer,
  createRequest,
  matchItemsOf,
  matchOfferOf,
  moveMatch,
  recordResponse,
  setOfferArchived,
  setWeights,
  suggestMatches,
  takeStep,
  updateOffer,
  updateRequest,
  weightsInForce,
} from './requests/commands.ts';
import { defaultWeights, rankItemsForOffer, rankOffersForItem } from './matching/matching.ts';
import {
  currentWeights,
  deliveredByProvider,
  findOffer,
  findRequest,
  flagsOf,
  itemsOf,
  listOffers,
  listRequests,
  matchesOfItems,
  type OfferRow,
  offerProviderKey,
  parseProviderKey,
  providerKey,
  publicSummaries,
  type RequestRow,
} from './queries.ts';
import { requestStatuses } from './schema.ts';
import { areas, taxonomyIn } from './taxonomy.ts';

export { presentMatch, presentOffer, presentRequest } from './api-schemas.ts';

const tags = ['Assistance'];
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .openapi({ format: 'date', example: '2018-06-11' });
const lang = z
  .enum(locales)
  .optional()
  .openapi({ description: 'The language of `explanation` and of the flags’ text (English by default)' });
const idParams = z.object({ id: z.string().max(40).openapi({ example: '0b7d3f7e-5c1a-4f5e-9a55-6a8f0d1c2b3a' }) });
const version = z.number().int().min(1).openapi({ description: 'The `rowVersion` of the record as it was read', example: 1 });
const refusals = (what: string) => ({
  401: problems[401],
  403: problem('The account may not do this'),
  404: problem(`No ${what} with this id that the caller may see`),
  409: problem('Changed by someone else since it was read (a stale `rowVersion`): read it again'),
  422: problem('Not valid; each problem names its field'),
});
const changeResponses = <S extends z.ZodTypeAny>(what: string, schema: S) => ({
  200: { description: `The ${what} as it is now`, content: json(schema) },
  ...refusals(what),
});
const createdResponses = <S extends z.ZodTypeAny>(what: string, schema: S) => ({
  201: { description: `The new ${what}`, content: json(schema) },
  ...refusals(what),
});

/** Validation problems named as the domain names them: `items[0].areas`, `programmes[1].url`. */
const fieldName = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(request)';
const named = (result: { success: boolean; error?: z.ZodError }): undefined => {
  if (!result.success && result.error) throw invalid(result.error.issues.map((i) => ({ field: fieldName(i.path), problem: i.message })));
  return undefined;
};

const messagesFor = (l?: string) => messages(l && (locales as readonly string[]).includes(l) ? (l as (typeof locales)[number]) : 'en');
const db = (c: AppContextOf) => c.get('app').database.db;

// ---- Requests

const ItemBody = z.object({
  id: z.string().max(40).optional().openapi({ description: 'When changing a request: the item to keep (items left out are removed)' }),
  description: z.string().optional(),
  paragraphs: z.array(z.string()).optional(),
  weapons: z.array(z.string()).optional(),
  areas: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  matrixFields: z.array(z.string()).optional(),
  priority: z.string().optional(),
  timeframe: z.string().optional(),
});

const requestFields = {
  stateIso3: z.string().max(3).openapi({ example: 'MLI' }),
  receivedOn: z.string().max(20).openapi({ format: 'date', example: '2018-06-11' }),
  channel: z.string().max(20).openapi({ example: 'note-verbale' }),
  reference: z.string().optional(),
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  languages: z.array(z.string()).optional(),
  earlierAssistance: z.string().optional(),
  otherProviders: z.string().optional(),
  consentSummary: z.boolean().optional(),
  summary: z.string().optional(),
  invitesVisit: z.boolean().optional(),
  items: z.array(ItemBody).max(200),
};

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
      from: dateText.optional().openapi({ description: 'Received on or after' }),
      to: dateText.optional().openapi({ description: 'Received on or before' }),
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
  path: '/assistance/requests',
  tags,
  summary: 'Record a request for assistance (a State’s point of contact for its own State; the experts and the secretariat for any)',
  security: bearer,
  request: {
    body: {
      required: true,
      content: json(
        z.object(requestFields).openapi({
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
    body: { required: true, content: json(z.object({ rowVersion: version, ...z.object(requestFields).partial().shape })) },
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
        z
          .object({
            action: z.string().max(40),
            on: z.string().max(20).openapi({ format: 'date' }),
            note: z.string().optional(),
            providers: z.array(z.string().max(60)).max(100).optional(),
            rowVersion: version,
          })
          .openapi({
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
      content: json(
        z.object({
          provider: z.string().max(60).optional().openapi({ example: 'organization:WCO' }),
          respondedOn: z.string().max(20).openapi({ format: 'date' }),
          itemIds: z.array(z.string().max(40)).max(200),
          text: z.string().optional(),
        }),
      ),
    },
  },
  responses: createdResponses('response', ResponseSchema),
});

const ItemMatchesSchema = z.object({
  itemId: z.string().uuid(),
  position: z.number().int(),
  description: z.string(),
  matches: z.array(MatchSchema),
  ranking: z.array(RankedOfferSchema).optional().openapi({ description: 'With `suggest=engine`: the engine’s ranking, computed now' }),
});

const requestMatchesRoute = createRoute({
  method: 'get',
  path: '/assistance/requests/{id}/matches',
  tags,
  summary: 'The matches of each item of a request; with `suggest=engine`, the engine’s ranking of the offers too (not recorded)',
  security: bearer,
  request: {
    params: idParams,
    query: z.object({
      suggest: z.enum(['engine']).optional(),
      limit: z.coerce.number().int().min(1).max(50).optional().openapi({ description: 'Offers ranked per item (5 by default)' }),
      lang,
    }),
  },
  responses: {
    200: {
      description: 'Per item, its matches',
      content: json(z.object({ requestId: z.string().uuid(), items: z.array(ItemMatchesSchema) })),
    },
    404: problems[404],
    422: problems[422],
  },
});

const suggestRoute = createRoute({
  method: 'post',
  path: '/assistance/requests/{id}/matches/suggest',
  tags,
  summary: 'Record the engine’s best offers for each item as suggested matches (the matches already there are kept)',
  security: bearer,
  request: { params: idParams, query: z.object({ limit: z.coerce.number().int().min(1).max(50).optional(), lang }) },
  responses: changeResponses('request', z.object({ count: z.number().int(), data: z.array(MatchSchema) })),
});

// ---- Matches

const addMatchRoute = createRoute({
  method: 'post',
  path: '/assistance/matches',
  tags,
  summary: 'Add a match by hand (status suggested), with the engine’s score and reasons for it',
  security: bearer,
  request: {
    query: z.object({ lang }),
    body: {
      required: true,
      content: json(z.object({ itemId: z.string().max(40), offerId: z.string().max(40), note: z.string().optional() })),
    },
  },
  responses: createdResponses('match', MatchSchema),
});

const moveMatchRoute = createRoute({
  method: 'patch',
  path: '/assistance/matches/{id}',
  tags,
  summary: 'Move a match: suggested → proposed → accepted → under-way → delivered; set-aside, declined',
  description: 'Proposing a match (and what follows) needs the request circulated to the offer’s provider.',
  security: bearer,
  request: {
    params: idParams,
    query: z.object({ lang }),
    body: {
      required: true,
      content: json(
        z.object({
          to: z.string().max(20),
          on: z.string().max(20).optional().openapi({ format: 'date', description: 'By default today' }),
          note: z.string().optional(),
          providerFeedback: z.string().optional(),
          stateFeedback: z.string().optional(),
          rowVersion: version,
        }),
      ),
    },
  },
  responses: changeResponses('match', MatchSchema),
});

// ---- Offers

const offerFields = {
  provider: z.string().max(60).openapi({ example: 'organization:IAEA', description: 'organization:CODE or state:ISO3' }),
  title: z.string(),
  description: z.string().optional(),
  paragraphs: z.array(z.string()).optional(),
  weapons: z.array(z.string()).optional(),
  areas: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  regions: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  programmes: z.array(z.object({ name: z.string(), url: z.string().optional() })).optional(),
  capacity: z.string().optional(),
  periodFrom: z.string().nullable().optional().openapi({ format: 'date' }),
  periodTo: z.string().nullable().optional().openapi({ format: 'date' }),
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  confidentiality: z.string().optional().openapi({ description: 'public (by default) or committee' }),
};

const listOffersRoute = createRoute({
  method: 'get',
  path: '/assistance/offers',
  tags,
  summary: 'Offers of assistance: the public ones, and those the caller keeps',
  security: bearer,
  request: {
    query: z.object({
      provider: z.string().max(60).optional().openapi({ example: 'organization:IAEA' }),
      area: z.enum(areas).optional(),
      archived: z.enum(['true', 'false']).optional().openapi({ description: 'true: the archived offers too' }),
    }),
  },
  responses: {
    200: { description: 'The offers', content: json(z.object({ count: z.number().int(), data: z.array(OfferSchema) })) },
    422: problems[422],
  },
});

const createOfferRoute = createRoute({
  method: 'post',
  path: '/assistance/offers',
  tags,
  summary: 'Record an offer (a provider its own; the experts and the secretariat any)',
  security: bearer,
  request: {
    body: {
      required: true,
      content: json(
        z.object(offerFields).openapi({
          example: {
            provider: 'organization:IAEA',
            title: 'Nuclear security training',
            areas: ['nuclear-security'],
            kinds: ['training'],
            languages: ['en', 'fr'],
          },
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The offer (its address in `Location`)', content: json(OfferSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

const getOfferRoute = createRoute({
  method: 'get',
  path: '/assistance/offers/{id}',
  tags,
  summary: 'One offer',
  security: bearer,
  request: { params: idParams },
  responses: { 200: { description: 'The offer', content: json(OfferSchema) }, 404: problems[404] },
});

const patchOfferRoute = createRoute({
  method: 'patch',
  path: '/assistance/offers/{id}',
  tags,
  summary: 'Change an offer: the fields sent, with the `rowVersion` as read',
  security: bearer,
  request: {
    params: idParams,
    body: { required: true, content: json(z.object({ rowVersion: version, ...z.object(offerFields).partial().shape })) },
  },
  responses: changeResponses('offer', OfferSchema),
});

const offerStateRoute = (to: 'archive' | 'restore') =>
  createRoute({
    method: 'post',
    path: `/assistance/offers/{id}/${to}`,
    tags,
    summary: to === 'archive' ? 'Archive an offer: it leaves the lists and the matching (never deleted)' : 'Restore an archived offer',
    security: bearer,
    request: { params: idParams, body: { required: true, content: json(z.object({ rowVersion: version })) } },
    responses: changeResponses('offer', OfferSchema),
  });

const offerMatchesRoute = createRoute({
  method: 'get',
  path: '/assistance/offers/{id}/matches',
  tags,
  summary: 'The request items the engine ranks for an offer (among the requests the caller may see), and the offer’s matches',
  security: bearer,
  request: {
    params: idParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '10 by default' }), lang }),
  },
  responses: {
    200: {
      description: 'Ranked items and matches',
      content: json(z.object({ offerId: z.string().uuid(), ranking: z.array(RankedItemSchema), matches: z.array(MatchSchema) })),
    },
    404: problems[404],
    422: problems[422],
  },
});

// ---- Public summaries, taxonomy, weights

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

const CodeLabel = z.array(z.object({ code: z.string(), label: z.string() }));
const taxonomyRoute = createRoute({
  method: 'get',
  path: '/assistance/taxonomy',
  tags,
  summary: 'The taxonomy that requests, offers and the matching share, with labels in one language',
  request: { query: z.object({ lang }) },
  responses: {
    200: {
      description: 'Codes and labels per dimension',
      content: json(
        z.object({
          lang: z.string(),
          paragraph: CodeLabel,
          weapon: CodeLabel,
          area: CodeLabel,
          kind: CodeLabel,
          language: CodeLabel,
          region: CodeLabel,
        }),
      ),
    },
    422: problems[422],
  },
});

const WeightsSchema = z
  .record(z.string(), z.number())
  .openapi('MatchingWeights', { description: 'Points per reason of the matching engine (docs/matching.md)' });
const weightsAnswer = z.object({
  weights: WeightsSchema,
  defaults: WeightsSchema,
  saved: z.boolean().openapi({ description: 'false: the defaults are in force' }),
});

const getWeightsRoute = createRoute({
  method: 'get',
  path: '/assistance/weights',
  tags,
  summary: 'The matching weights in force, and the defaults',
  security: bearer,
  responses: { 200: { description: 'The weights', content: json(weightsAnswer) } },
});

const putWeightsRoute = createRoute({
  method: 'put',
  path: '/assistance/weights',
  tags,
  summary: 'Set the matching weights (experts and administrators): keys left out take their default',
  description:
    'A JSON object of weights. Text that is not JSON, an unknown key or a value that is not a number ≥ 0 is refused (422, naming `weights.<key>`), and nothing is saved.',
  security: bearer,
  request: {
    // Not validated here: the engine's parser checks the text itself, so that even text that is
    // not JSON gets a 422 naming `weights`.
    body: {
      required: true,
      content: {
        'application/json': {
          schema: { type: 'object', additionalProperties: { type: 'number', minimum: 0 }, example: { area: 50, language: 20 } },
        },
      },
    },
  },
  responses: {
    200: { description: 'The weights now in force', content: json(weightsAnswer) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

// ---- Helpers

async function visibleRequest(c: AppContextOf, id: string): Promise<RequestRow> {
  const row = await findRequest(db(c), c.get('viewer'), id);
  if (!row) throw new AppError('not-found', 'no request for assistance with this id');
  return row;
}

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
  const fresh = await findRequest(db(c), c.get('viewer'), row.id);
  return requestDetail(db(c), c.get('viewer'), fresh ?? row, m);
}

const requestInputOf = (r: RequestRow, items: ItemInput[]): RequestInput => ({ ...requestFieldsOf(r), items });

/** A request the caller may see and, signed in, may try to change (the command says whether it may). */
async function changeableRequest(c: AppContextOf, id: string, what: string) {
  const viewer = c.get('viewer');
  const r = await visibleRequest(c, id);
  authorize(c, viewer !== null, what);
  return { viewer, r };
}

/** An offer the caller may see. */
async function visibleOffer(c: AppContextOf, id: string): Promise<OfferRow> {
  const row = await findOffer(db(c), c.get('viewer'), id);
  if (!row) throw new AppError('not-found', 'no offer with this id');
  return row;
}

/** An offer the caller may see and, signed in, may try to change (the command says whether it may). */
async function changeableOffer(c: AppContextOf, id: string, what: string) {
  const viewer = c.get('viewer');
  const current = await visibleOffer(c, id);
  authorize(c, viewer !== null, what);
  return { viewer, current };
}

const offerInputOf = (o: Parameters<typeof presentOffer>[0]): OfferInput => {
  const p = presentOffer(o);
  return {
    provider: p.provider,
    title: p.title,
    description: p.description,
    paragraphs: p.paragraphs,
    weapons: p.weapons,
    areas: p.areas,
    kinds: p.kinds,
    regions: p.regions,
    languages: p.languages,
    programmes: p.programmes,
    capacity: p.capacity,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    contactName: p.contact.name,
    contactEmail: p.contact.email,
    confidentiality: p.confidentiality,
  };
};

/** The changes only the experts and the secretariat make (matches, suggestions). */
function mustManage(c: AppContextOf, what: string): void {
  authorize(c, may(c.get('viewer'), 'manage-assistance'), what);
}

/** One match as the caller sees it, with its offer. */
async function matchView(c: AppContextOf, itemId: string, matchId: string, m: Messages) {
  const found = (await matchesOfItems(db(c), [itemId])).find((x) => x.id === matchId);
  if (!found) throw new AppError('not-found', 'no match with this id');
  return presentMatch(found, m);
}

/** The ids of the requests the caller may see (all for the Committee side: undefined). */
async function visibleRequestIds(database: Kysely<DB>, viewer: Viewer | null): Promise<string[] | undefined> {
  if (isCommitteeSide(viewer)) return undefined;
  return (await listRequests(database, viewer, {}, { limit: 100_000, offset: 0 })).rows.map((r) => r.id);
}

async function weightsView(database: Kysely<DB>) {
  const saved = await currentWeights(database);
  return { weights: { ...(await weightsInForce(database)) }, defaults: { ...defaultWeights }, saved: saved !== null };
}

export function registerAssistanceApi(api: Api) {
  api.openapi(
    listRequestsRoute,
    async (c) => {
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
        isCommitteeSide(viewer) ? flagsOf(db(c), rows, todayIso()) : Promise.resolve(new Map()),
      ]);
      return c.json(
        { count: total, ...page, data: rows.map((r) => presentRequest(r, items, audienceOf(viewer, r), flags.get(r.id) ?? null, m)) },
        200,
      );
    },
    named,
  );

  api.openapi(
    createRequestRoute,
    async (c) => {
      const viewer = c.get('viewer');
      const body = c.req.valid('json');
      const iso3 = typeof body.stateIso3 === 'string' ? body.stateIso3.trim().toUpperCase() : '';
      authorize(
        c,
        can(viewer, 'create', { type: 'assistance-request', confidentiality: 'committee-and-state', stateIso3: iso3 }),
        'the recording of requests for this State',
      );
      const row = await createRequest(db(c), actorOf(viewer), viewer, body as RequestInput);
      c.header('Location', `/api/v1/assistance/requests/${row.id}`);
      return c.json(await detailOf(c, row, messagesFor()), 201);
    },
    named,
  );

  api.openapi(
    getRequestRoute,
    async (c) =>
      c.json(
        await requestDetail(
          db(c),
          c.get('viewer'),
          await visibleRequest(c, c.req.valid('param').id),
          messagesFor(c.req.valid('query').lang),
        ),
        200,
      ),
    named,
  );

  api.openapi(
    patchRequestRoute,
    async (c) => {
      const { viewer, r } = await changeableRequest(c, c.req.valid('param').id, 'the changing of requests');
      const { rowVersion: expected, items, ...fields } = c.req.valid('json');
      const current = (await itemsOf(db(c), [r.id])).map((i) => {
        const { position: _position, ...item } = presentItem(i);
        return item;
      });
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const input: RequestInput = { ...requestInputOf(r, current), ...defined, ...(items ? { items: items as ItemInput[] } : {}) };
      const row = await updateRequest(db(c), actorOf(viewer), viewer!, r.id, expected, input);
      return c.json(await detailOf(c, row, messagesFor()), 200);
    },
    named,
  );

  api.openapi(
    transitionRoute,
    async (c) => {
      const { viewer, r } = await changeableRequest(c, c.req.valid('param').id, 'the steps of the procedure');
      const body = c.req.valid('json');
      const row = await takeStep(db(c), actorOf(viewer), viewer, r.id, {
        action: body.action,
        on: body.on,
        note: body.note,
        providers: body.providers,
        expectedVersion: body.rowVersion,
      });
      return c.json(await detailOf(c, row, messagesFor()), 200);
    },
    named,
  );

  api.openapi(
    responseRoute,
    async (c) => {
      const { viewer, r } = await changeableRequest(c, c.req.valid('param').id, 'the recording of responses');
      const row = await recordResponse(db(c), actorOf(viewer), viewer, r.id, c.req.valid('json'));
      return c.json(presentResponse(row), 201);
    },
    named,
  );

  api.openapi(
    requestMatchesRoute,
    async (c) => {
      const viewer = c.get('viewer');
      const q = c.req.valid('query');
      const m = messagesFor(q.lang);
      const r = await visibleRequest(c, c.req.valid('param').id);
      const items = await itemsOf(db(c), [r.id]);
      const reader = readerOf(viewer, r);
      const matches = (
        await matchesOfItems(
          db(c),
          items.map((i) => i.id),
        )
      ).filter((x) => seesMatch(reader, x));
      let ranking: Map<string, z.infer<typeof RankedOfferSchema>[]> | null = null;
      if (q.suggest === 'engine') {
        // Live, over the current offers the caller may see; nothing is written.
        const [engineItems, offers, track, weights] = await Promise.all([
          matchItemsOf(db(c), [r.id]),
          listOffers(db(c), viewer),
          deliveredByProvider(db(c)),
          weightsInForce(db(c)),
        ]);
        const byId = new Map(offers.map((o) => [o.id, o]));
        const engineOffers = offers.map(matchOfferOf);
        ranking = new Map(
          engineItems.map((item) => [
            item.id,
            rankOffersForItem(item, engineOffers, track, weights, q.limit ?? 5).map((x) => ({
              offerId: x.offerId,
              offerTitle: byId.get(x.offerId)?.title ?? '',
              provider: offerProviderKey(byId.get(x.offerId)!),
              score: x.score,
              ...rankedOf(x.reasons, m),
            })),
          ]),
        );
      }
      return c.json(
        {
          requestId: r.id,
          items: items.map((i) => ({
            itemId: i.id,
            position: i.position,
            description: i.description,
            matches: matches.filter((x) => x.item_id === i.id).map((x) => presentMatch(x, m)),
            ...(ranking ? { ranking: ranking.get(i.id) ?? [] } : {}),
          })),
        },
        200,
      );
    },
    named,
  );

  api.openapi(
    suggestRoute,
    async (c) => {
      const q = c.req.valid('query');
      const r = await visibleRequest(c, c.req.valid('param').id);
      mustManage(c, 'the matching of requests');
      const written = await suggestMatches(db(c), actorOf(c.get('viewer')), r.id, q.limit ?? 5);
      const ids = new Set(written.map((w) => w.id));
      const views = (await matchesOfItems(db(c), [...new Set(written.map((w) => w.item_id))])).filter((x) => ids.has(x.id));
      const m = messagesFor(q.lang);
      return c.json({ count: views.length, data: views.map((x) => presentMatch(x, m)) }, 200);
    },
    named,
  );

  api.openapi(
    addMatchRoute,
    async (c) => {
      mustManage(c, 'the matching of requests');
      const row = await addMatch(db(c), actorOf(c.get('viewer')), c.req.valid('json'));
      return c.json(await matchView(c, row.item_id, row.id, messagesFor(c.req.valid('query').lang)), 201);
    },
    named,
  );

  api.openapi(
    moveMatchRoute,
    async (c) => {
      mustManage(c, 'the matching of requests');
      const { rowVersion: expected, ...move } = c.req.valid('json');
      const row = await moveMatch(db(c), actorOf(c.get('viewer')), c.req.valid('param').id, { ...move, expectedVersion: expected });
      return c.json(await matchView(c, row.item_id, row.id, messagesFor(c.req.valid('query').lang)), 200);
    },
    named,
  );

  // ---- Offers

  api.openapi(
    listOffersRoute,
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listOffers(db(c), c.get('viewer'), { provider: q.provider, area: q.area, includeArchived: q.archived === 'true' });
      return c.json({ count: rows.length, data: rows.map(presentOffer) }, 200);
    },
    named,
  );

  api.openapi(
    createOfferRoute,
    async (c) => {
      const viewer = c.get('viewer');
      const body = c.req.valid('json');
      const parsed = parseProviderKey(String(body.provider ?? ''));
      const key = parsed ? providerKey(parsed.kind, parsed.code) : null;
      authorize(
        c,
        can(viewer, 'create', { type: 'assistance-offer', confidentiality: 'public', stateIso3: null, providerKey: key }),
        'the recording of offers for this provider',
      );
      const row = await createOffer(db(c), actorOf(viewer), viewer, body as OfferInput);
      c.header('Location', `/api/v1/assistance/offers/${row.id}`);
      return c.json(presentOffer(row), 201);
    },
    named,
  );

  api.openapi(
    getOfferRoute,
    async (c) => {
      return c.json(presentOffer(await visibleOffer(c, c.req.valid('param').id)), 200);
    },
    named,
  );

  api.openapi(
    patchOfferRoute,
    async (c) => {
      const { viewer, current } = await changeableOffer(c, c.req.valid('param').id, 'the changing of offers');
      const { rowVersion: expected, ...fields } = c.req.valid('json');
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const row = await updateOffer(db(c), actorOf(viewer), viewer, current.id, expected, {
        ...offerInputOf(current),
        ...defined,
      } as OfferInput);
      return c.json(presentOffer(row), 200);
    },
    named,
  );

  for (const to of ['archive', 'restore'] as const)
    api.openapi(
      offerStateRoute(to),
      async (c) => {
        const { viewer, current } = await changeableOffer(
          c,
          c.req.valid('param').id,
          `the ${to === 'archive' ? 'archiving' : 'restoring'} of offers`,
        );
        const row = await setOfferArchived(db(c), actorOf(viewer), viewer, current.id, c.req.valid('json').rowVersion, to === 'archive');
        return c.json(presentOffer(row), 200);
      },
      named,
    );

  api.openapi(
    offerMatchesRoute,
    async (c) => {
      const viewer = c.get('viewer');
      const q = c.req.valid('query');
      const m = messagesFor(q.lang);
      const offer = await visibleOffer(c, c.req.valid('param').id);
      // Only over the items of the requests the caller may see: for the public none, for a
      // provider those circulated to it.
      const requestIds = await visibleRequestIds(db(c), viewer);
      const [items, track, weights] = await Promise.all([
        matchItemsOf(db(c), requestIds),
        deliveredByProvider(db(c)),
        weightsInForce(db(c)),
      ]);
      const byId = new Map(items.map((i) => [i.id, i]));
      const descriptions = new Map((await itemsOf(db(c), [...new Set(items.map((i) => i.requestId))])).map((i) => [i.id, i.description]));
      const ranking = rankItemsForOffer(matchOfferOf(offer), items, track, weights, q.limit ?? 10).map((x) => ({
        itemId: x.itemId,
        requestId: byId.get(x.itemId)!.requestId,
        state: byId.get(x.itemId)!.stateIso3,
        description: descriptions.get(x.itemId) ?? '',
        score: x.score,
        ...rankedOf(x.reasons, m),
      }));
      // The offer's matches on the items the caller may see; the experts' own suggestions stay on the Committee side.
      const existing = (await matchesOfItems(db(c), [...byId.keys()])).filter((x) => x.offer_id === offer.id);
      const shown = existing.filter((x) => seesMatch(readerOf(viewer, { state_iso3: byId.get(x.item_id)!.stateIso3 }), x));
      return c.json({ offerId: offer.id, ranking, matches: shown.map((x) => presentMatch(x, m)) }, 200);
    },
    named,
  );

  // ---- Public summaries, taxonomy, weights

  api.openapi(
    summariesRoute,
    async (c) => {
      const q = c.req.valid('query');
      const rows = await publicSummaries(db(c), { year: q.year, state: q.state });
      return c.json({ count: rows.length, data: rows.map(presentSummary) }, 200);
    },
    named,
  );

  api.openapi(
    taxonomyRoute,
    async (c) => {
      const l = c.req.valid('query').lang ?? 'en';
      return c.json({ lang: l, ...taxonomyIn(l) }, 200);
    },
    named,
  );

  api.openapi(getWeightsRoute, async (c) => c.json(await weightsView(db(c)), 200), named);

  api.openapi(
    putWeightsRoute,
    async (c) => {
      const viewer = c.get('viewer');
      authorize(c, may(viewer, 'set-matching-weights'), 'the setting of the matching weights');
      const text = await c.req.text();
      if (!text.trim()) throw invalid([{ field: 'weights', problem: 'send the weights as a JSON object' } satisfies FieldProblem]);
      await setWeights(db(c), actorOf(viewer), text);
      return c.json(await weightsView(db(c)), 200);
    },
    named,
  );
}
