import type { ColumnType } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';

export interface SearchChunkTable {
  source_type: string;
  source_id: string;
  seq: number;
  title: string;
  titles: ColumnType<Record<string, string>, string | undefined, string>;
  path: string;
  state_iso3: string | null;
  states: string[];
  kind: string;
  subkind: string | null;
  dated: ColumnType<string | null, string | null, string | null>;
  language: string | null;
  confidentiality: Confidentiality;
  body: string;
  lexemes: ColumnType<string, string, string>;
  title_lexemes: ColumnType<string, string, string>;
}

export interface SearchQueueTable {
  source_type: string;
  source_id: string;
  queued_at: ColumnType<Date, never, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    search_chunk: SearchChunkTable;
    search_queue: SearchQueueTable;
  }
}
