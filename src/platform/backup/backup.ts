import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../bundle/canonical.ts';
import type { DB } from '../db/schema.ts';
import { filePath } from '../files/store.ts';
import {
  appliedMigrations,
  type BackupHeader,
  backupFormat,
  backupFormatVersion,
  backupTables,
  countRows,
  digestTable,
  documentFiles,
  type FilesSummary,
  type OnProgress,
  type TableSummary,
  tableRows,
  useUtc,
} from './tables.ts';

export type { BackupHeader, OnProgress } from './tables.ts';

async function* backupLines(
  trx: Transaction<DB>,
  header: BackupHeader,
  files: { filesDir: string; present: string[] } | null,
  onProgress?: OnProgress,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of backupTables()) {
    const total = header.tables[table.name]?.rows ?? 0;
    let done = 0;
    onProgress?.(`write ${table.name}`, 0, total);
    for await (const row of tableRows(trx, table)) {
      yield `${canonicalJson({ table: table.name, row })}\n`;
      onProgress?.(`write ${table.name}`, ++done, total);
    }
  }
  if (!files) return;
  let done = 0;
  for (const sha256 of files.present) {
    const data = await readFile(filePath(files.filesDir, sha256));
    yield `${canonicalJson({ file: sha256, data: data.toString('base64') })}\n`;
    onProgress?.('write files', ++done, files.present.length);
  }
}

/** Which of the documents' files the store holds (and their size), and which it lacks. */
async function surveyFiles(trx: Transaction<DB>, filesDir: string): Promise<{ present: string[]; summary: FilesSummary }> {
  const present: string[] = [];
  const summary: FilesSummary = { count: 0, bytes: 0, missing: [] };
  for (const sha256 of await documentFiles(trx)) {
    try {
      const st = await stat(filePath(filesDir, sha256));
      present.push(sha256);
      summary.count++;
      summary.bytes += st.size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      summary.missing.push(sha256);
    }
  }
  return { present, summary };
}

/**
 * A backup refused because files the database names are not in the file store (another
 * `R1540_FILES_DIR` than the server's, or files lost): nothing was written.
 */
export class MissingFilesError extends Error {
  constructor(
    readonly filesDir: string,
    /** The files the documents name, and those of them the store lacks. */
    readonly named: number,
    readonly missing: string[],
  ) {
    super(
      `${missing.length} of the ${named} document files the database names ${missing.length === 1 ? 'is' : 'are'} not in the file store ${filesDir}` +
        `${missing.length === named ? ' (none of them is there: is it the server’s R1540_FILES_DIR?)' : ''}: ${missing.join(', ')}`,
    );
    this.name = 'MissingFilesError';
  }
}

/**
 * Writes every table of the database to `out`, gzip'd JSON lines: a header with each table's
 * row count and checksum, then the rows, then (given the file store) the documents' files. All is
 * read in one snapshot, so the checksums computed first describe the rows written next. The file
 * appears only once it is complete. Given the file store, a backup that would lack files the database
 * names is refused before anything is written (MissingFilesError), unless `allowMissingFiles` says
 * they are known to be lost: the header then lists them.
 */
export async function backup(
  db: Kysely<DB>,
  out: string,
  onProgress?: OnProgress,
  options: { filesDir?: string; allowMissingFiles?: boolean } = {},
): Promise<BackupHeader> {
  const partial = `${out}.partial-${process.pid}`;
  try {
    const header = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await useUtc(trx);
        // The files first: a backup refused for want of them is refused before the long part.
        const files = options.filesDir ? await surveyFiles(trx, options.filesDir) : null;
        if (files?.summary.missing.length && options.filesDir && !options.allowMissingFiles)
          throw new MissingFilesError(options.filesDir, files.summary.count + files.summary.missing.length, files.summary.missing);
        const tables: Record<string, TableSummary> = {};
        for (const table of backupTables()) {
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
          ...(files ? { files: files.summary } : {}),
        };
        const carried = files && options.filesDir ? { filesDir: options.filesDir, present: files.present } : null;
        await pipeline(Readable.from(backupLines(trx, header, carried, onProgress)), createGzip(), createWriteStream(partial));
        return header;
      });
    await rename(partial, out);
    return header;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}
