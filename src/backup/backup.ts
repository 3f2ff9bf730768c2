import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../bundle/canonical.ts';
import type { DB } from '../db/schema.ts';
import {
  appliedMigrations,
  type BackupHeader,
  backupFormat,
  backupFormatVersion,
  backupTables,
  countRows,
  digestTable,
  type OnProgress,
  type TableSummary,
  tableRows,
  useUtc,
} from './tables.ts';

export type { BackupHeader, OnProgress } from './tables.ts';

async function* backupLines(trx: Transaction<DB>, header: BackupHeader, onProgress?: OnProgress): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of backupTables) {
    const total = header.tables[table.name]?.rows ?? 0;
    let done = 0;
    onProgress?.(`write ${table.name}`, 0, total);
    for await (const row of tableRows(trx, table)) {
      yield `${canonicalJson({ table: table.name, row })}\n`;
      onProgress?.(`write ${table.name}`, ++done, total);
    }
  }
}

/**
 * Writes every table of the database to `out`, gzip'd JSON lines: a header with each table's
 * row count and checksum, then the rows. All is read in one snapshot, so the checksums computed
 * first describe the rows written next. The file appears only once it is complete.
 */
export async function backup(db: Kysely<DB>, out: string, onProgress?: OnProgress): Promise<BackupHeader> {
  const partial = `${out}.partial-${process.pid}`;
  try {
    const header = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await useUtc(trx);
        const tables: Record<string, TableSummary> = {};
        for (const table of backupTables) {
          const total = await countRows(trx, table);
          onProgress?.(`checksum ${table.name}`, 0, total);
          tables[table.name] = await digestTable(trx, table, (done) => onProgress?.(`checksum ${table.name}`, done, total));
        }
        const header: BackupHeader = {
          format: backupFormat,
          formatVersion: backupFormatVersion,
          createdAt: new Date().toISOString(),
          migrations: await appliedMigrations(trx),
          tables,
        };
        await pipeline(Readable.from(backupLines(trx, header, onProgress)), createGzip(), createWriteStream(partial));
        return header;
      });
    await rename(partial, out);
    return header;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}
