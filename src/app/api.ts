import { OpenAPIHono } from '@hono/zod-openapi';
import { invalid } from '../platform/errors.ts';
import { features } from '../platform/registry.ts';
import { fieldPath } from '../platform/values/input.ts';
import type { AppEnv } from '../platform/http/env.ts';

/** /api/v1: JSON, described by OpenAPI 3.1 at /api/v1/openapi.json, under the same policy as the pages. */
export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalid(result.error.issues.map((i) => ({ field: fieldPath(i.path), problem: i.message })));
      }
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (r1540_…), created on the account page or with `r1540 token create`',
  });
  for (const f of features()) for (const register of f.api ?? []) register(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'r1540 API',
      version: '1.0.0',
      description:
        'The Resolution 1540 Implementation Platform. Public records need no token; restricted records need `Authorization: Bearer <token>`. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/api/v1' }],
  });
  return api;
}
