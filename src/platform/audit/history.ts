import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { visibleTo } from '../db/visibility.ts';
import type { VisibilityScope } from '../policy/policy.ts';
import type { AuditEventTable } from './schema.ts';

export type AuditRow = Selectable<AuditEventTable>;

export interface ActivityFilters {
  actorId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Paging: events older than this id. */
  before?: string | undefined;
  limit?: number;
}

/** A further condition on the events a viewer may see (the accounts feature's rule for account data). */
export type EventRestriction = (eb: ExpressionBuilder<DB, 'audit_event'>) => Expression<SqlBool>;

/**
 * Changes the scope may see, newest first; one more than the limit tells whether a next page
 * exists. A door that may show any record type's events passes the restriction of account data
 * (the accounts feature's `historyFor` does both).
 */
export async function listActivity(
  db: Kysely<DB>,
  scope: VisibilityScope,
  filters: ActivityFilters,
  restrict?: EventRestriction,
): Promise<{ events: AuditRow[]; next: string | null }> {
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
  let q = db.selectFrom('audit_event').selectAll().where(visibleTo<DB, 'audit_event'>(scope, 'state_iso3'));
  if (restrict) q = q.where(restrict);
  if (filters.actorId) q = q.where('actor_id', '=', filters.actorId);
  if (filters.recordType) q = q.where('record_type', '=', filters.recordType);
  if (filters.recordId) q = q.where('record_id', '=', filters.recordId);
  if (filters.from) q = q.where('at', '>=', new Date(`${filters.from}T00:00:00Z`));
  if (filters.to) q = q.where('at', '<', new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000));
  if (filters.before) q = q.where('id', '<', filters.before);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const events = rows.slice(0, limit);
  return { events, next: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}

export async function recordHistory(db: Kysely<DB>, scope: VisibilityScope, recordType: string, recordId: string) {
  return (await listActivity(db, scope, { recordType, recordId, limit: 500 })).events;
}

/** The fields that differ between two snapshots, for a readable history. */
export function changedFields(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'version');
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, from: b[k] ?? null, to: a[k] ?? null }));
}
