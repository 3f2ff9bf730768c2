// The clearinghouse's API (/api/v1/assistance): the requests and their procedure, the offers, the
// matches and the engine's weights, the consolidated figures, the drafts from a State's matrix
// gaps, and the taxonomy they share.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../platform/http/api-common.ts';
import { problems } from '../../platform/http/api-common.ts';
import { json, lang, tags } from './api-support.ts';
import { registerMatchingApi } from './matching/api.ts';
import { registerOfferApi } from './offers/api.ts';
import { registerRequestApi } from './requests/api.ts';
import { taxonomyIn } from './taxonomy.ts';

// The command line (cli.ts, rewritten elsewhere) still reads it here.
export { requestDetail } from './requests/api.ts';

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

export function registerAssistanceApi(api: Api) {
  registerRequestApi(api);
  registerOfferApi(api);
  registerMatchingApi(api);
  api.openapi(taxonomyRoute, async (c) => {
    const l = c.req.valid('query').lang ?? 'en';
    return c.json({ lang: l, ...taxonomyIn(l) }, 200);
  });
}
