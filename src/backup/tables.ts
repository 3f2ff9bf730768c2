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
}

/**
 * What a backup holds, in dependency order (a table after those it refers to). Sessions and
 * login failures are left out: they are short-lived, and a restored system starts without them.
 */
export const backupTables: readonly BackupTable[] = [
  { name: 'app_meta', key: 'key', textKey: true, serial: false },
  { name: 'organization', key: 'code', textKey: true, serial: false },
  { name: 'member_state', key: 'iso3', textKey: true, serial: false },
  { name: 'matrix_template', key: 'version', textKey: true, serial: false },
  { name: 'matrix', key: 'id', textKey: false, serial: false },
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
  { name: 'document', key: 'id', textKey: false, serial: false },
  { name: 'document_link', key: 'id', textKey: false, serial: false },
  { name: 'audit_event', key: 'id', textKey: false, serial: true },
];

export interface TableSummary {
  rows: number;
  sha256: string;
}

export interface BackupHeader {
  format: typeof backupFormat;
  formatVersion: typeof backupFormatVersion;
  createdAt: string;
  /** The migrations the database had: a backup is restored into a database with the same ones. */
  migrations: string[];
  tables: Record<string, TableSummary>;
}

/** A line of the backup after the header. */
export interface RowLine {
  table: string;
  row: Record<string, unknown>;
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
