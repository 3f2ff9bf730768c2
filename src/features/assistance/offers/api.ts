// Offers of assistance through the API: list, record, read, change, archive and restore.
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { actorOf } from '../../../platform/audit/record.ts';
import { type Api, bearer, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can } from '../../../platform/policy/policy.ts';
import { changeResponses, db, idParams, json, tags, version, visibleOffer } from '../api-support.ts';
import { OfferSchema, presentOffer } from '../api-schemas.ts';
import { listOffers, parseProviderKey, providerKey } from '../queries.ts';
import { areas } from '../taxonomy.ts';
import { createOffer, setOfferArchived, updateOffer } from './commands.ts';
import { type OfferInput, offerFields, offerInput, offerInputOf } from './inputs.ts';

/** Whether the caller records offers for the provider the body names: told before the body is checked. */
const mayRecordFor = createMiddleware<AppEnv>(async (c, next) => {
  const body: unknown = await c.req.json().catch(() => null);
  const given = body && typeof body === 'object' ? (body as { provider?: unknown }).provider : undefined;
  const parsed = parseProviderKey(typeof given === 'string' ? given : '');
  const key = parsed ? providerKey(parsed.kind, parsed.code) : null;
  authorize(
    c,
    can(c.get('viewer'), 'create', { type: 'assistance-offer', confidentiality: 'public', stateIso3: null, providerKey: key }),
    'the recording of offers for this provider',
  );
  await next();
});

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
  middleware: [mayRecordFor] as const,
  path: '/assistance/offers',
  tags,
  summary: 'Record an offer (a provider its own; the experts and the secretariat any)',
  security: bearer,
  request: {
    body: {
      required: true,
      content: json(
        offerInput.openapi({
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

/** An offer the caller may see and, signed in, may try to change (the write core says whether it may). */
async function changeableOffer(c: AppContextOf, id: string, what: string) {
  const viewer = c.get('viewer');
  const current = await visibleOffer(c, id);
  authorize(c, viewer !== null, what);
  return { viewer, current };
}

export function registerOfferApi(api: Api) {
  api.openapi(listOffersRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = await listOffers(db(c), c.get('viewer'), { provider: q.provider, area: q.area, includeArchived: q.archived === 'true' });
    return c.json({ count: rows.length, data: rows.map(presentOffer) }, 200);
  });

  api.openapi(createOfferRoute, async (c) => {
    const viewer = c.get('viewer');
    const row = await createOffer(db(c), actorOf(viewer), viewer, c.req.valid('json'));
    c.header('Location', `/api/v1/assistance/offers/${row.id}`);
    return c.json(presentOffer(row), 201);
  });

  api.openapi(getOfferRoute, async (c) => c.json(presentOffer(await visibleOffer(c, c.req.valid('param').id)), 200));

  api.openapi(patchOfferRoute, async (c) => {
    const { viewer, current } = await changeableOffer(c, c.req.valid('param').id, 'the changing of offers');
    const { rowVersion: expected, ...fields } = c.req.valid('json');
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const row = await updateOffer(db(c), actorOf(viewer), viewer, current.id, expected, {
      ...offerInputOf(current),
      ...defined,
    } as OfferInput);
    return c.json(presentOffer(row), 200);
  });

  for (const to of ['archive', 'restore'] as const)
    api.openapi(offerStateRoute(to), async (c) => {
      const { viewer, current } = await changeableOffer(
        c,
        c.req.valid('param').id,
        `the ${to === 'archive' ? 'archiving' : 'restoring'} of offers`,
      );
      const row = await setOfferArchived(db(c), actorOf(viewer), viewer, current.id, c.req.valid('json').rowVersion, to === 'archive');
      return c.json(presentOffer(row), 200);
    });
}
