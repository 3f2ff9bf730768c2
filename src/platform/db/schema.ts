// The database as Kysely sees it. The platform's own tables are here; each feature adds its tables
// from its `schema.ts` by declaration merging (`declare module '…/platform/db/schema.ts' { interface DB … }`),
// so that the platform names no feature.
import type { ColumnType } from 'kysely';
import type { AuditEventTable } from '../audit/schema.ts';

export interface AppMetaTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface DB {
  app_meta: AppMetaTable;
  audit_event: AuditEventTable;
}
