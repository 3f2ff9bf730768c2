import type { ColumnType, Generated } from 'kysely';
import type { Confidentiality } from '../../platform/policy/levels.ts';

export interface DocumentTable {
  id: Generated<string>;
  title: string;
  language: string;
  kind: string;
  state_iso3: string | null;
  sha256: string;
  media_type: string;
  byte_size: ColumnType<string, number, number>;
  page_count: number | null;
  extracted_text: string;
  extraction_status: 'extracted' | 'not-extracted';
  extraction_problem: string | null;
  original_name: string;
  /** The date the document bears, when known. */
  dated: ColumnType<string | null, string | null | undefined, string | null>;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  uploaded_by: string | null;
  archived_at: Date | null;
  row_version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DocumentLinkTable {
  id: Generated<string>;
  document_id: string;
  record_type: string;
  record_id: string;
  created_at: ColumnType<Date, never, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    document: DocumentTable;
    document_link: DocumentLinkTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    document: true;
  }
}
