// GET /api/v1/assistance/figures?year=…: the clearinghouse's figures for a year, counted over what
// the caller may see (the public: the requests whose summary was posted with the State's consent).
import { todayIso } from '../../../platform/values/dates.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../../platform/http/api-common.ts';
import { assistanceFigures } from './figures.ts';
import { areas } from '../taxonomy.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const AssistanceFiguresSchema = z
  .object({
    year: z.number().int(),
    previousYear: z.number().int(),
    basis: z.enum(['all', 'visible', 'summaries']).openapi({
      description:
        'What is counted: every request (the Committee side); the requests the caller may see and the posted summaries (a State’s point of contact, a provider); the posted summaries only (the public). Items, responses and deliveries are counted only for requests seen in full.',
    }),
    newRequests: z.number().int().openapi({ description: 'Requests received in the year', example: 9 }),
    newRequestsPreviousYear: z.number().int().openapi({ description: 'Requests received in the year before', example: 3 }),
    visitInvitations: z.number().int().openapi({ description: 'Of the year’s requests seen in full, those inviting a visit' }),
    states: z.array(z.object({ iso3: z.string(), requests: z.number().int(), items: z.number().int() })),
    areas: z.array(z.object({ area: z.enum(areas), requests: z.number().int(), items: z.number().int() })),
    providers: z.array(
      z.object({
        provider: z.string().openapi({ example: 'organization:WCO' }),
        responses: z.number().int(),
        itemsAnswered: z.number().int(),
        delivered: z.number().int().openapi({ description: 'Matches with this provider’s offers delivered in the year' }),
      }),
    ),
    responses: z.number().int().openapi({ description: 'Providers’ responses received in the year' }),
    matchesDelivered: z.number().int().openapi({ description: 'Matches delivered in the year' }),
  })
  .openapi('AssistanceFigures');

const figuresRoute = createRoute({
  method: 'get',
  path: '/assistance/figures',
  tags: ['Assistance'],
  summary:
    'New requests for assistance in a year against the year before, the requesting States, items per area, responses and deliveries per provider',
  security: bearer,
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2004).max(2199).optional().openapi({ example: 2018, description: 'The current year when absent' }),
    }),
  },
  responses: {
    200: { description: 'The figures, as far as the caller may see', content: json(z.object({ data: AssistanceFiguresSchema })) },
    422: problems[422],
  },
});

export function registerAssistanceOutputsApi(api: Api) {
  api.openapi(figuresRoute, async (c) => {
    const year = c.req.valid('query').year ?? Number(todayIso().slice(0, 4));
    const figures = await assistanceFigures(c.get('app').database.db, c.get('viewer'), year);
    // What a signed-in caller sees is its own: no shared cache keeps it.
    if (c.get('viewer')) c.header('Cache-Control', 'private, no-store');
    return c.json({ data: figures }, 200);
  });
}
