import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { canonicalJson } from '../bundle/canonical.ts';
import type { DB } from '../db/schema.ts';
import type { TableClaim } from '../feature.ts';
import { features } from '../registry.ts';

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
 * The platform's own tables. Sessions, login failures and the search index are left out by their
 * features (each says why in its manifest): short-lived, or made again from the rows.
 */
export const platformTables: { first: TableClaim[]; last: TableClaim[] } = {
  first: [
    {
      name: 'app_meta',
      backup: { key: 'key', textKey: true, serial: false },
      bundle: { excluded: "this installation's settings (whether it was seeded, whether its data is demonstration data), not records" },
    },
  ],
  last: [
    {
      name: 'audit_event',
      backup: { key: 'id', textKey: false, serial: true },
      bundle: { excluded: 'the history stays where it was written: an import records its own events for what it changes' },
    },
  ],
};

/** Every table the features and the platform claim, in dependency order (a table after those it refers to). */
export function tableClaims(): TableClaim[] {
  return [...platformTables.first, ...features().flatMap((f) => f.tables ?? []), ...platformTables.last];
}

let made: { from: readonly unknown[]; tables: readonly BackupTable[] } | undefined;

/**
 * What a backup holds, in dependency order: every claimed table that is not excluded from it.
 * The same objects on every call (a restore tells one table from the next by identity).
 */
export function backupTables(): readonly BackupTable[] {
  const from = features();
  if (made?.from !== from)
    made = { from, tables: tableClaims().flatMap((t) => ('excluded' in t.backup ? [] : [{ name: t.name, ...t.backup }])) };
  return made.tables;
}

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

/** The stored files the features' rows name (`storedFiles` of their manifests), once each, in a stable order. */
export async function documentFiles(db: Db): Promise<string[]> {
  const all = new Set<string>();
  for (const f of features()) for (const sha256 of (await f.storedFiles?.(db)) ?? []) all.add(sha256);
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
