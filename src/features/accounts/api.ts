import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { roles } from '../../platform/policy/levels.ts';

const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    stateIso3: z.string().nullable(),
    organizationCode: z.string().nullable(),
  })
  .openapi('Me');

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Accounts'],
  summary: 'The account the request is made as',
  security: bearer,
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: MeSchema } } },
    401: problems[401],
  },
});

export function registerAccountApi(api: Api) {
  api.openapi(meRoute, (c) => {
    const viewer = c.get('viewer');
    authorize(c, viewer !== null, 'your account');
    const v = viewer!;
    return c.json(
      { id: v.id, email: v.email, displayName: v.displayName, role: v.role, stateIso3: v.stateIso3, organizationCode: v.organizationCode },
      200,
    );
  });
}
