import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { type ActivityFilters, type AuditRow, listActivity } from '../../platform/audit/history.ts';
import type { DB } from '../../platform/db/schema.ts';
import { may, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';

/** The records of accounts in the history: the accounts themselves and their API tokens. */
export const accountRecordTypes = ['user', 'api-token'] as const;

/**
 * The one rule for account data in the history, whatever the door (the activity feed, the audit
 * API, an account's history): the events of accounts and of their API tokens (e-mail, role,
 * State, token names) are seen by those who manage accounts (secretariat, admin), and by an
 * account for its own events; everyone else sees only the other records' events, where an
 * account appears as the display name it acted under.
 */
export function accountEventsVisibleTo(viewer: Viewer | null) {
  return (eb: ExpressionBuilder<DB, 'audit_event'>) => {
    if (may(viewer, 'manage-accounts')) return eb.lit(true);
    const otherRecords = eb('audit_event.record_type', 'not in', accountRecordTypes);
    if (!viewer) return otherRecords;
    return eb.or([
      otherRecords,
      eb.and([eb('audit_event.record_type', '=', 'user'), eb('audit_event.record_id', '=', viewer.id)]),
      eb.and([
        eb('audit_event.record_type', '=', 'api-token'),
        eb(
          'audit_event.record_id',
          'in',
          eb.selectFrom('api_token').select(sql<string>`api_token.id::text`.as('id')).where('api_token.user_id', '=', viewer.id),
        ),
      ]),
    ]);
  };
}

/** The history the viewer may see: the policy's visibility scope and the rule for account data. */
export function historyFor(
  db: Kysely<DB>,
  viewer: Viewer | null,
  filters: ActivityFilters,
): Promise<{ events: AuditRow[]; next: string | null }> {
  return listActivity(db, visibilityScope(viewer), filters, accountEventsVisibleTo(viewer));
}
