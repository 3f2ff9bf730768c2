import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, LocalizedTextSchema, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { findState, readableStates, type StateRow, stateAsSeen, stateResource } from './queries.ts';
import { regionalGroups } from './reference.ts';

export const StateSchema = z
  .object({
    iso3: z.string().openapi({ example: 'MLI' }),
    iso2: z.string().openapi({ example: 'ML' }),
    m49: z.string().openapi({ example: '466' }),
    unMemberSince: z.string().openapi({ format: 'date', example: '1960-09-28' }),
    names: LocalizedTextSchema,
    regionalGroup: z.enum(regionalGroups),
    m49Region: z.string().nullable(),
    m49Subregion: z.string().nullable(),
    m49IntermediateRegion: z.string().nullable(),
    organizations: z.array(z.string()).openapi({ example: ['AU'] }),
    securityCouncilYears: z.array(z.number().int()),
    archived: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('MemberState');

/** Rows are never serialised as they are: this is what the API says of a State. */
export function presentState(s: StateRow): z.infer<typeof StateSchema> {
  return {
    iso3: s.iso3,
    iso2: s.iso2,
    m49: s.m49,
    unMemberSince: s.un_member_since,
    names: s.names,
    regionalGroup: s.regional_group as z.infer<typeof StateSchema>['regionalGroup'],
    m49Region: s.m49_region,
    m49Subregion: s.m49_subregion,
    m49IntermediateRegion: s.m49_intermediate,
    organizations: s.organizations,
    securityCouncilYears: s.security_council_years,
    archived: s.archived_at !== null,
    version: s.version,
    updatedAt: s.updated_at.toISOString(),
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/states',
  tags: ['Member States'],
  summary: 'The UN Member States, filtered',
  security: bearer,
  request: {
    query: z.object({
      group: z.enum(regionalGroups).optional().openapi({ description: 'UN regional group' }),
      organization: z.string().max(20).optional().openapi({ description: 'Member of this organization', example: 'AU' }),
      q: z.string().max(200).optional().openapi({ description: 'A name in any of the six languages, or a code', example: '马里' }),
    }),
  },
  responses: {
    200: {
      description: 'The States, by ISO code',
      content: { 'application/json': { schema: z.object({ count: z.number().int(), data: z.array(StateSchema) }) } },
    },
    422: problems[422],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}',
  tags: ['Member States'],
  summary: 'One Member State',
  security: bearer,
  request: {
    params: z.object({
      iso3: z
        .string()
        .regex(/^[A-Za-z]{3}$/)
        .openapi({ example: 'MLI' }),
    }),
  },
  responses: {
    200: { description: 'The State', content: { 'application/json': { schema: StateSchema } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

export function registerStateApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const data = (await readableStates(c.get('app').database.db, c.get('viewer'), c.req.valid('query'))).map(presentState);
    return c.json({ count: data.length, data }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const db = c.get('app').database.db;
    const s = await findState(db, iso3);
    if (!s) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
    authorize(c, can(c.get('viewer'), 'read', stateResource(s)), 'this State');
    return c.json(presentState(await stateAsSeen(db, c.get('viewer'), s)), 200);
  });
}
