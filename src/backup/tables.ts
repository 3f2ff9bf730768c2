import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { canonicalJson } from '../bundle/canonical.ts';
import type { DB } from '../db/schema.ts';

export const backupFormat = 'r1540-backup';
export const backupFormatVersion = 1;

/** Reports a long operation's progress: `step` names a table. */
export type OnProgress = (step: string, done: number, total: number) => void;

export interface BackupTable {
  name: keyof DB;
  key: string;
  /** A text key is ordered byte-wise (`collate "C"`), so that the order is the same on every server. */
  textKey: boolean;
  /** A bigserial key, whose sequence is moved past the restored rows. */
  serial: boolean;
  /**
   * Rows that refer to rows of the same table (a version based on another, a reply to a letter):
   * restored in one statement, since a foreign key is checked at the end of each statement and
   * the key order says nothing of which row came first.
   */
  selfReferencing?: boolean;
}

/**
 * What a backup holds, in dependency order (a table after those it refers to). Sessions and
 * login failures are left out: they are short-lived, and a restored system starts without them.
 * So is the search index (`search_chunk`, `search_queue`): it is made from the rows, and the
 * rows a restore inserts queue themselves for indexing (a trigger), so it is rebuilt.
 */
export const backupTables: readonly BackupTable[] = [
  { name: 'app_meta', key: 'key', textKey: true, serial: false },
  { name: 'organization', key: 'code', textKey: true, serial: false },
  { name: 'member_state', key: 'iso3', textKey: true, serial: false },
  { name: 'matrix_template', key: 'version', textKey: true, serial: false, selfReferencing: true },
  { name: 'matrix', key: 'id', textKey: false, serial: false, selfReferencing: true },
  { name: 'matrix_cell', key: 'id', textKey: false, serial: true },
  { name: 'app_user', key: 'id', textKey: false, serial: false },
  { name: 'api_token', key: 'id', textKey: false, serial: false },
  { name: 'review_cycle', key: 'id', textKey: false, serial: false },
  { name: 'review_assignment', key: 'id', textKey: false, serial: false },
  { name: 'matrix_proposal', key: 'id', textKey: false, serial: false },
  { name: 'national_report', key: 'id', textKey: false, serial: false },
  { name: 'action_plan', key: 'id', textKey: false, serial: false },
  { name: 'point_of_contact', key: 'id', textKey: false, serial: false },
  { name: 'visit', key: 'id', textKey: false, serial: false },
  { name: 'course', key: 'id', textKey: false, serial: false },
  { name: 'letter', key: 'id', textKey: false, serial: false, selfReferencing: true },
  { name: 'letter_recipient', key: 'id', textKey: false, serial: false },
  { name: 'letter_concern', key: 'id', textKey: false, serial: false },
  { name: 'document', key: 'id', textKey: false, serial: false },
  { name: 'document_link', key: 'id', textKey: false, serial: false },
  { name: 'assistance_request', key: 'id', textKey: false, serial: false },
  { name: 'assistance_request_item', key: 'id', textKey: false, serial: false },
  { name: 'assistance_step', key: 'id', textKey: false, serial: false },
  { name: 'assistance_offer', key: 'id', textKey: false, serial: false },
  { name: 'assistance_circulation', key: 'id', textKey: false, serial: false },
  { name: 'assistance_response', key: 'id', textKey: false, serial: false },
  { name: 'assistance_match', key: 'id', textKey: false, serial: false },
  { name: 'assistance_weights', key: 'id', textKey: false, serial: false },
  { name: 'audit_event', key: 'id', textKey: false, serial: true },
];

export interface TableSummary {
  rows: number;
  sha256: string;
}

/** The document files a backup carries after its rows, one line each (`{"file": sha256, "data": base64}`). */
export interface FilesSummary {
  count: number;
  bytes: number;
  /** Files the documents name that were not in the file store when the backup was made. */
  missing: string[];
}

export interface BackupHeader {
  format: typeof backupFormat;
  formatVersion: typeof backupFormatVersion;
  createdAt: string;
  /** The migrations the database had: a backup is restored into a database with the same ones. */
  migrations: string[];
  tables: Record<string, TableSummary>;
  /** Absent from a backup made without the file store (and from backups before files were carried). */
  files?: FilesSummary;
}

/** A line of the backup after the header. */
export interface RowLine {
  table: string;
  row: Record<string, unknown>;
}

/** A line after the rows: one document file, named by its SHA-256. */
export interface FileLine {
  file: string;
  data: string;
}

/** The files the documents name, once each, in a stable order. */
export async function documentFiles(db: Db): Promise<string[]> {
  const rows = await sql<{ sha256: string }>`select sha256 from document group by sha256 order by sha256 collate "C"`.execute(db);
  return rows.rows.map((r) => r.sha256.trim());
}

type Db = Kysely<DB> | Transaction<DB>;

/** Timestamps as text in UTC, so that the rows serialise the same on every server. Needs a transaction. */
export async function useUtc(trx: Transaction<DB>): Promise<void> {
  await sql`set local time zone 'UTC'`.execute(trx);
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name collate "C"`.execute(db);
  return rows.rows.map((r) => r.name);
}

export async function countRows(db: Db, table: BackupTable): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * A table's rows as PostgreSQL renders them in JSON (`to_jsonb`: timestamps with their
 * microseconds, arrays, jsonb as it is), ordered by primary key, read in pages.
 */
export async function* tableRows(db: Db, table: BackupTable, pageSize = 1000): AsyncGenerator<Record<string, unknown>> {
  const key = sql.ref(`t.${table.key}`);
  const ordered = table.textKey ? sql`${key} collate "C"` : key;
  let after: unknown;
  for (;;) {
    const page = await sql<{ row: Record<string, unknown> }>`
      select to_jsonb(t) as row from ${sql.table(table.name)} t
      ${after === undefined ? sql`` : sql`where ${ordered} > ${String(after)}`}
      order by ${ordered} limit ${pageSize}`.execute(db);
    for (const { row } of page.rows) yield row;
    if (page.rows.length < pageSize) return;
    after = page.rows[page.rows.length - 1]?.row[table.key];
  }
}

/** Counts and checksums rows given in primary-key order: SHA-256 over each row's canonical JSON and a newline. */
export class TableDigest {
  private readonly hash = createHash('sha256');
  rows = 0;

  add(row: Record<string, unknown>): void {
    this.hash.update(`${canonicalJson(row)}\n`);
    this.rows++;
  }

  summary(): TableSummary {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

export async function digestTable(db: Db, table: BackupTable, onRow?: (done: number) => void): Promise<TableSummary> {
  const digest = new TableDigest();
  for await (const row of tableRows(db, table)) {
    digest.add(row);
    onRow?.(digest.rows);
  }
  return digest.summary();
}
