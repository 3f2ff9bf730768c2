import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../../platform/http/api-common.ts';
import { locales } from '../../../platform/i18n/locales.ts';
import { draftRequestFromGaps } from './gaps.ts';
import { helpKinds, paragraphs, weaponTypes } from '../taxonomy.ts';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const DraftItemSchema = z.object({
  description: z.string().openapi({ description: 'Names the matrix fields, in the language asked for' }),
  paragraphs: z.array(z.enum(paragraphs)),
  weapons: z.array(z.enum(weaponTypes)),
  areas: z.array(z.string()).openapi({ description: 'Taxonomy areas (areasOfParagraph of the fields’ paragraph and weapon type)' }),
  kinds: z
    .array(z.enum(helpKinds))
    .openapi({ description: 'legal-review for a missing legal framework, training for enforcement, expert-advice for an instrument' }),
  matrixFields: z.array(z.string()),
  priority: z.string(),
});

const DraftSchema = z
  .object({
    state: z.string(),
    asOf: z.string().openapi({ format: 'date' }),
    basis: z.object({
      regionalGroup: z.string(),
      matrix: z
        .object({ number: z.number().int(), status: z.string(), approvedOn: z.string(), template: z.string() })
        .nullable()
        .openapi({ description: 'The State’s approved version the gaps are read in; null when it has none as at the date' }),
      peers: z.number().int().openapi({ description: 'The other States of the group whose approved versions were compared' }),
    }),
    draft: z.object({
      stateIso3: z.string(),
      receivedOn: z.string(),
      channel: z.string(),
      languages: z.array(z.string()),
      items: z.array(DraftItemSchema),
    }),
  })
  .openapi('AssistanceDraft');

const draftRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/assistance-draft',
  tags: ['Assistance'],
  summary: 'A draft request for assistance from a State’s matrix gaps (not saved)',
  description:
    'The fields of the State’s approved matrix left blank where more than half of the other States of its regional group that have an approved matrix record a measure (X), as at a date, grouped into one item per paragraph and area. For the Committee side and the State’s own point of contact; anyone else gets 404. The point of contact reads the other States’ published versions only. Submit the edited draft with POST /assistance/requests.',
  security: bearer,
  request: {
    params: z.object({ iso3: z.string().max(3).openapi({ example: 'MLI' }) }),
    query: z.object({
      asOf: z.string().max(10).optional().openapi({ description: 'YYYY-MM-DD; today unless given', example: '2018-12-31' }),
      lang: z.enum(locales).optional().openapi({ description: 'The language of the items’ descriptions (en unless given)' }),
    }),
  },
  responses: {
    200: { description: 'The draft and what it rests on', content: json(DraftSchema) },
    404: problems[404],
    422: problems[422],
  },
});

/** GET /states/{iso3}/assistance-draft: from gap to request (issue 5, item 6). */
export function registerAssistanceGapsApi(api: Api) {
  api.openapi(draftRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const q = c.req.valid('query');
    const { basis, ...draft } = await draftRequestFromGaps(c.get('app').database.db, c.get('viewer'), iso3, q.asOf, q.lang ?? 'en');
    return c.json(
      {
        state: basis.stateIso3,
        asOf: basis.asOf,
        basis: { regionalGroup: basis.regionalGroup, matrix: basis.matrix, peers: basis.peers },
        draft: {
          stateIso3: draft.stateIso3,
          receivedOn: draft.receivedOn,
          channel: draft.channel,
          languages: draft.languages ?? [],
          items: draft.items.map((i) => ({
            description: i.description,
            paragraphs: (i.paragraphs ?? []) as (typeof paragraphs)[number][],
            weapons: (i.weapons ?? []) as (typeof weaponTypes)[number][],
            areas: i.areas ?? [],
            kinds: (i.kinds ?? []) as (typeof helpKinds)[number][],
            matrixFields: i.matrixFields ?? [],
            priority: i.priority ?? 'medium',
          })),
        },
      },
      200,
    );
  });
}
