// Matches through the API: each item's matches with their reasons in words, the engine's ranking
// (computed live, nothing written), the experts' suggestions, matches added by hand and moved, the
// items the engine ranks for an offer, and the engine's weights.
import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { actorOf } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type FieldProblem, AppError, invalid } from '../../../platform/errors.ts';
import { type Api, bearer, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { isCommitteeSide, may, type Viewer } from '../../../platform/policy/policy.ts';
import {
  changeResponses,
  createdResponses,
  db,
  idParams,
  json,
  lang,
  messagesFor,
  mustManage,
  tags,
  version,
  visibleOffer,
  visibleRequest,
} from '../api-support.ts';
import { MatchSchema, presentMatch, RankedItemSchema, RankedOfferSchema, rankedOf } from '../api-schemas.ts';
import { currentWeights, deliveredByProvider, itemsOf, listOffers, listRequests, matchesOfItems, offerProviderKey } from '../queries.ts';
import { readerOf, seesMatch } from '../readers.ts';
import { addMatch, matchInput, matchMoveInput, moveMatch, setWeights, suggestMatches } from './commands.ts';
import { matchItemsOf, matchOfferOf, weightsInForce } from './engine-inputs.ts';
import { rankItemsForOffer, rankOffersForItem } from './matching.ts';
import { defaultWeights } from './weights.ts';

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
      content: json(matchInput),
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
      content: json(matchMoveInput.extend({ rowVersion: version })),
    },
  },
  responses: changeResponses('match', MatchSchema),
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

export function registerMatchingApi(api: Api) {
  api.openapi(requestMatchesRoute, async (c) => {
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
  });

  api.openapi(suggestRoute, async (c) => {
    const q = c.req.valid('query');
    const r = await visibleRequest(c, c.req.valid('param').id);
    mustManage(c, 'the matching of requests');
    const written = await suggestMatches(db(c), actorOf(c.get('viewer')), r.id, q.limit ?? 5);
    const ids = new Set(written.map((w) => w.id));
    const views = (await matchesOfItems(db(c), [...new Set(written.map((w) => w.item_id))])).filter((x) => ids.has(x.id));
    const m = messagesFor(q.lang);
    return c.json({ count: views.length, data: views.map((x) => presentMatch(x, m)) }, 200);
  });

  api.openapi(addMatchRoute, async (c) => {
    mustManage(c, 'the matching of requests');
    const row = await addMatch(db(c), actorOf(c.get('viewer')), c.req.valid('json'));
    return c.json(await matchView(c, row.item_id, row.id, messagesFor(c.req.valid('query').lang)), 201);
  });

  api.openapi(moveMatchRoute, async (c) => {
    mustManage(c, 'the matching of requests');
    const { rowVersion: expected, ...move } = c.req.valid('json');
    const row = await moveMatch(db(c), actorOf(c.get('viewer')), c.req.valid('param').id, { ...move, expectedVersion: expected });
    return c.json(await matchView(c, row.item_id, row.id, messagesFor(c.req.valid('query').lang)), 200);
  });

  api.openapi(offerMatchesRoute, async (c) => {
    const viewer = c.get('viewer');
    const q = c.req.valid('query');
    const m = messagesFor(q.lang);
    const offer = await visibleOffer(c, c.req.valid('param').id);
    // Only over the items of the requests the caller may see: for the public none, for a
    // provider those circulated to it.
    const requestIds = await visibleRequestIds(db(c), viewer);
    const [items, track, weights] = await Promise.all([matchItemsOf(db(c), requestIds), deliveredByProvider(db(c)), weightsInForce(db(c))]);
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
  });

  api.openapi(getWeightsRoute, async (c) => c.json(await weightsView(db(c)), 200));

  api.openapi(putWeightsRoute, async (c) => {
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'set-matching-weights'), 'the setting of the matching weights');
    const text = await c.req.text();
    if (!text.trim()) throw invalid([{ field: 'weights', problem: 'send the weights as a JSON object' } satisfies FieldProblem]);
    await setWeights(db(c), actorOf(viewer), text);
    return c.json(await weightsView(db(c)), 200);
  });
}
