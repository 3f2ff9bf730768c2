import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { maxPageSize, search } from './search.ts';
import { searchKinds } from './sources.ts';

/** The route, made when the API is registered: the kinds come from the installed features. */
function searchRoute() {
  const kinds = searchKinds();
  const HitSchema = z
    .object({
      type: z.string().openapi({ description: `One of ${kinds.join(', ')}` }),
      id: z.string(),
      title: z.string(),
      titles: z.record(z.string(), z.string()).openapi({ description: 'The title in each UN language, where the record has one' }),
      path: z.string().openapi({ description: 'The record’s page, after the language prefix: /{lang}{path}' }),
      subkind: z.string().nullable(),
      state: z.string().nullable(),
      states: z.array(z.string()),
      dated: z.string().nullable(),
      language: z.string().nullable(),
      snippet: z
        .array(z.object({ text: z.string(), match: z.boolean() }))
        .openapi({ description: 'The passage around the first match; `match` marks the words that matched' }),
    })
    .openapi('SearchHit');

  return createRoute({
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary: 'Search the records and documents the caller may see, in any of the six languages',
    description:
      'All words must match; "a phrase" in order; -word excludes; word* matches a beginning. Chinese and other scripts without spaces are matched as written, with no need for spaces. Records the caller may not see are neither returned nor counted.',
    security: bearer,
    request: {
      query: z.object({
        q: z.string().max(500),
        lang: z.string().max(35).optional().openapi({ description: 'Only documents in this language (ar, zh, en, fr, ru, es…)' }),
        state: z.string().max(3).optional(),
        kind: z
          .string()
          .max(40)
          .optional()
          .openapi({ description: kinds.join(', ') }),
        year: z.string().max(4).optional(),
        page: z.string().max(6).optional(),
        pageSize: z
          .string()
          .max(4)
          .optional()
          .openapi({ description: `1 to ${maxPageSize}, 20 unless given` }),
      }),
    },
    responses: {
      200: {
        description: 'One page of results, best first',
        content: {
          'application/json': {
            schema: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), data: z.array(HitSchema) }),
          },
        },
      },
      422: problems[422],
    },
  });
}

export function registerSearchApi(api: Api) {
  api.openapi(searchRoute(), async (c) => {
    const { lang, ...rest } = c.req.valid('query');
    const result = await search(c.get('app').database.db, c.get('viewer'), { ...rest, language: lang });
    return c.json({ total: result.total, page: result.filters.page, pageSize: result.filters.pageSize, data: result.hits }, 200);
  });
}
