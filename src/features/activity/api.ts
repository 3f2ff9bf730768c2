import { createRoute, z } from '@hono/zod-openapi';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { may, type RecordType, recordTypes } from '../../platform/policy/policy.ts';
import type { AuditRow } from '../../platform/audit/history.ts';
import { historyFor } from '../accounts/index.ts';
import { isoDate } from '../../platform/values/dates.ts';

export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.object({ id: z.string().nullable(), label: z.string() }),
    action: z.string().openapi({ example: 'update' }),
    recordType: z.string().openapi({ example: 'member-state' }),
    recordId: z.string().openapi({ example: 'MLI' }),
    confidentiality: z.string(),
    stateIso3: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEvent');

export function presentAuditEvent(e: AuditRow): z.infer<typeof AuditEventSchema> {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: { id: e.actor_id, label: e.actor_label },
    action: e.action,
    recordType: e.record_type,
    recordId: e.record_id,
    confidentiality: e.confidentiality,
    stateIso3: e.state_iso3,
    before: e.before,
    after: e.after,
  };
}

/** Made when the API is registered: the record types are the installed features'. */
const listRoute = () =>
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'The history of changes, newest first (experts, secretariat, admins)',
    description:
      'The events of accounts and their API tokens (`user`, `api-token`) are listed only for the secretariat and admins, and for an account its own; others are left out.',
    security: bearer,
    request: {
      query: z.object({
        user: z.uuid().optional().openapi({ description: 'Changes made by this account' }),
        type: z.enum(recordTypes as [RecordType, ...RecordType[]]).optional(),
        recordId: z.string().max(100).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        before: z
          .string()
          .regex(/^\d{1,18}$/, 'must be an event id')
          .optional()
          .openapi({ description: 'Paging: events older than this id' }),
        limit: z.coerce.number().int().min(1).max(500).optional(),
      }),
    },
    responses: {
      200: {
        description: 'A page of events; `next` is the `before` of the next page',
        content: {
          'application/json': { schema: z.object({ data: z.array(AuditEventSchema), next: z.string().nullable() }) },
        },
      },
      401: problems[401],
      403: problems[403],
      422: problems[422],
    },
  });

export function registerAuditApi(api: Api) {
  api.openapi(listRoute(), async (c) => {
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'read-activity'), 'the audit history');
    const q = c.req.valid('query');
    const { events, next } = await historyFor(c.get('app').database.db, viewer, {
      actorId: q.user,
      recordType: q.type,
      recordId: q.recordId,
      from: q.from,
      to: q.to,
      before: q.before,
      limit: q.limit,
    });
    return c.json({ data: events.map(presentAuditEvent), next }, 200);
  });
}
