import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, PartialLocalizedTextSchema, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { findOrganization, type OrganizationRow, organizationResource, readableOrganizations } from './queries.ts';
import { organizationKinds } from './reference.ts';

export const OrganizationSchema = z
  .object({
    code: z.string().openapi({ example: 'IAEA' }),
    kind: z.enum(organizationKinds),
    acronyms: PartialLocalizedTextSchema,
    names: PartialLocalizedTextSchema,
    formerNames: z.record(z.string(), z.array(z.string())),
    website: z.string().nullable(),
    namedInSeed: z.boolean().openapi({ description: 'Named in the Committee’s 2018 review (S/2018/1167)' }),
    archived: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Organization');

export function presentOrganization(o: OrganizationRow): z.infer<typeof OrganizationSchema> {
  return {
    code: o.code,
    kind: o.kind as z.infer<typeof OrganizationSchema>['kind'],
    acronyms: o.acronyms,
    names: o.names,
    formerNames: o.former_names as Record<string, string[]>,
    website: o.website,
    namedInSeed: o.named_in_seed,
    archived: o.archived_at !== null,
    version: o.version,
    updatedAt: o.updated_at.toISOString(),
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/organizations',
  tags: ['Organizations'],
  summary: 'The organizations the Committee works with',
  security: bearer,
  request: {
    query: z.object({
      kind: z.enum(organizationKinds).optional(),
      q: z.string().max(200).optional().openapi({ description: 'A name or acronym in any of the six languages' }),
    }),
  },
  responses: {
    200: {
      description: 'The organizations, by code',
      content: { 'application/json': { schema: z.object({ count: z.number().int(), data: z.array(OrganizationSchema) }) } },
    },
    422: problems[422],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/organizations/{code}',
  tags: ['Organizations'],
  summary: 'One organization',
  security: bearer,
  request: { params: z.object({ code: z.string().max(20).openapi({ example: 'OPCW' }) }) },
  responses: {
    200: { description: 'The organization', content: { 'application/json': { schema: OrganizationSchema } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

export function registerOrganizationApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const data = (await readableOrganizations(c.get('app').database.db, c.get('viewer'), c.req.valid('query'))).map(presentOrganization);
    return c.json({ count: data.length, data }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const { code } = c.req.valid('param');
    const o = await findOrganization(c.get('app').database.db, code);
    if (!o) throw new AppError('not-found', `no organization has the code ${code.toUpperCase()}`);
    authorize(c, can(c.get('viewer'), 'read', organizationResource(o)), 'this organization');
    return c.json(presentOrganization(o), 200);
  });
}
