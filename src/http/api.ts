import { OpenAPIHono } from '@hono/zod-openapi';
import { invalid } from '../errors.ts';
import { registerAccountApi } from '../modules/accounts/api.ts';
import { registerAuditApi } from '../modules/audit/api.ts';
import { registerDocumentApi } from '../modules/documents/api.ts';
import { registerCorrespondenceApi } from '../modules/correspondence/api.ts';
import { registerMatrixApi } from '../modules/matrix/api.ts';
import { registerMatrixVersionApi } from '../modules/matrix/api-matrices.ts';
import { registerStateApi } from '../modules/member-states/api.ts';
import { registerOrganizationApi } from '../modules/organizations/api.ts';
import { registerReportsApi } from '../modules/reports/api.ts';
import { registerContactApi } from '../modules/contacts/api.ts';
import { registerEngagementApi } from '../modules/engagement/api.ts';
import { registerSearchApi } from '../modules/search/api.ts';
import { registerAssistanceApi } from '../modules/assistance/api.ts';
import { registerAssistanceGapsApi } from '../modules/assistance/api-gaps.ts';
import { registerAssistanceOutputsApi } from '../modules/assistance/api-outputs.ts';
import type { AppEnv } from './env.ts';

/** /api/v1: JSON, described by OpenAPI 3.1 at /api/v1/openapi.json, under the same policy as the pages. */
export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalid(
          result.error.issues.map((i) => ({ field: i.path.join('.') || '(request)', problem: i.message })),
        );
      }
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (r1540_…), created on the account page or with `r1540 token create`',
  });
  registerStateApi(api);
  registerOrganizationApi(api);
  registerReportsApi(api);
  registerMatrixApi(api);
  registerMatrixVersionApi(api);
  registerAuditApi(api);
  registerAccountApi(api);
  registerContactApi(api);
  registerEngagementApi(api);
  registerDocumentApi(api);
  registerCorrespondenceApi(api);
  registerSearchApi(api);
  registerAssistanceApi(api);
  registerAssistanceGapsApi(api);
  registerAssistanceOutputsApi(api);
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
