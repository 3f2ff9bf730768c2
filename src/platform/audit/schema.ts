import type { ColumnType, Generated } from 'kysely';
import type { Confidentiality } from '../policy/levels.ts';

export interface AuditEventTable {
  id: Generated<string>;
  at: ColumnType<Date, never, never>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string;
  confidentiality: Confidentiality;
  state_iso3: string | null;
  before: ColumnType<unknown | null, string | null, never>;
  after: ColumnType<unknown | null, string | null, never>;
}
