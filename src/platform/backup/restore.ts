import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import { putFile, removeFile } from '../files/store.ts';
import {
  appliedMigrations,
  type BackupHeader,
  type BackupTable,
  backupFormat,
  backupFormatVersion,
  backupTables,
  countRows,
  digestTable,
  type FileLine,
  type OnProgress,
  type RowLine,
  TableDigest,
  useUtc,
} from './tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Tables that must be empty for a restore: any row in them means the database is in use. */
const mustBeEmpty = [
  'organization',
  'member_state',
  'matrix_template',
  'matrix',
  'app_user',
  'api_token',
  'review_cycle',
  'review_assignment',
  'matrix_proposal',
  'national_report',
  'action_plan',
  'point_of_contact',
  'visit',
  'course',
  'letter',
  'letter_recipient',
  'letter_concern',
  'document',
  'document_link',
  'audit_event',
] as const;

const damaged = (file: string, fields: FieldProblem[]) =>
  new AppError('bad-request', `${file} is not a sound r1540 backup: nothing was restored`, { fields });

/** The lines of a gzip'd file, numbered from 1; a read or gzip error ends the iteration with it. */
async function* lines(file: string): AsyncGenerator<{ n: number; text: string }> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let nl = rest.indexOf('\n');
      while (nl >= 0) {
        yield { n: ++n, text: rest.slice(0, nl) };
        rest = rest.slice(nl + 1);
        nl = rest.indexOf('\n');
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
      throw damaged(file, [{ field: `line ${n + 1}`, problem: `the file is not gzip'd, or is cut short (${(err as Error).message})` }]);
    throw err;
  } finally {
    source.destroy();
  }
  rest += decoder.end();
  if (rest) yield { n: ++n, text: rest };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function headerProblems(value: unknown): FieldProblem[] {
  if (!isObject(value)) return [{ field: 'header', problem: 'the first line must be the backup header, a JSON object' }];
  const problems: FieldProblem[] = [];
  if (value.format !== backupFormat) problems.push({ field: 'format', problem: `must be "${backupFormat}"` });
  else if (value.formatVersion !== backupFormatVersion)
    problems.push({
      field: 'formatVersion',
      problem: `is ${String(value.formatVersion)}; this r1540 reads version ${backupFormatVersion}`,
    });
  if (!Array.isArray(value.migrations) || !value.migrations.every((m) => typeof m === 'string'))
    problems.push({ field: 'migrations', problem: 'must be a list of migration names' });
  if (!isObject(value.tables)) problems.push({ field: 'tables', problem: 'must give each table its rows and checksum' });
  else {
    const tables = value.tables;
    for (const t of backupTables()) {
      const s = tables[t.name];
      if (!isObject(s) || !Number.isInteger(s.rows) || typeof s.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(s.sha256))
        problems.push({ field: `tables.${t.name}`, problem: 'must be { rows, sha256 }' });
    }
    for (const name of Object.keys(tables))
      if (!backupTables().some((t) => t.name === name))
        problems.push({ field: `tables.${name}`, problem: 'is not a table this r1540 restores' });
  }
  const files = value.files;
  if (
    files !== undefined &&
    (!isObject(files) ||
      !Number.isInteger(files.count) ||
      !Number.isInteger(files.bytes) ||
      !Array.isArray(files.missing) ||
      !files.missing.every((m) => typeof m === 'string'))
  )
    problems.push({ field: 'files', problem: 'must be { count, bytes, missing }' });
  return problems;
}

async function readHeader(file: string): Promise<BackupHeader> {
  try {
    await access(file);
  } catch {
    throw new AppError('not-found', `there is no backup file ${file}`);
  }
  for await (const { text } of lines(file)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw damaged(file, [{ field: 'line 1', problem: 'is not JSON: the first line must be the backup header' }]);
    }
    const problems = headerProblems(value);
    if (problems.length) throw damaged(file, problems);
    return value as BackupHeader;
  }
  throw damaged(file, [{ field: 'line 1', problem: 'the file is empty' }]);
}

type Entry = { table: BackupTable; row: Record<string, unknown> } | { file: string; bytes: Buffer; line: number };

/**
 * The lines after the header: rows, each checked to name a known table, in dependency order;
 * then the document files, each checked to be what its name (its SHA-256) says.
 */
async function* entries(file: string): AsyncGenerator<Entry> {
  let position = 0;
  for await (const { n, text } of lines(file)) {
    if (n === 1) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw damaged(file, [{ field: `line ${n}`, problem: 'is not JSON' }]);
    }
    if (isObject(value) && 'file' in value) {
      const f = value as Partial<FileLine>;
      if (typeof f.file !== 'string' || !/^[0-9a-f]{64}$/.test(f.file) || typeof f.data !== 'string')
        throw damaged(file, [{ field: `line ${n}`, problem: 'must be {"file": a SHA-256, "data": the file in base64}' }]);
      const bytes = Buffer.from(f.data, 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== f.file)
        throw damaged(file, [{ field: `line ${n}`, problem: `the file ${f.file.slice(0, 12)}… does not have the SHA-256 it is named by` }]);
      position = backupTables().length;
      yield { file: f.file, bytes, line: n };
      continue;
    }
    const line = value as Partial<RowLine>;
    const at = backupTables().findIndex((t) => t.name === line.table);
    if (!isObject(value) || at < 0 || !isObject(line.row))
      throw damaged(file, [{ field: `line ${n}`, problem: 'must be {"table": a table of the backup, "row": {…}}' }]);
    if (at < position)
      throw damaged(file, [
        {
          field: `line ${n}`,
          problem: `a row of ${line.table} after the ${position < backupTables().length ? `rows of ${backupTables()[position]?.name}` : 'files'}`,
        },
      ]);
    position = at;
    yield { table: backupTables()[at]!, row: line.row };
  }
}

/** The row lines only. */
async function* rowLines(file: string): AsyncGenerator<{ table: BackupTable; row: Record<string, unknown> }> {
  for await (const e of entries(file)) if ('table' in e) yield e;
}

function compare(header: BackupHeader, actual: Record<string, { rows: number; sha256: string }>, what: string): FieldProblem[] {
  return backupTables().flatMap((t) => {
    const want = header.tables[t.name]!;
    const got = actual[t.name] ?? { rows: 0, sha256: new TableDigest().summary().sha256 };
    if (want.rows === got.rows && want.sha256 === got.sha256) return [];
    return [
      {
        field: `tables.${t.name}`,
        problem:
          want.rows !== got.rows
            ? `${what} has ${got.rows} rows where the header says ${want.rows}`
            : `the checksum of the rows in ${what} (${got.sha256.slice(0, 12)}…) differs from the header's (${want.sha256.slice(0, 12)}…)`,
      },
    ];
  });
}

/** Refuses a database in use: a restore does not merge. */
async function requireEmpty(db: Db): Promise<void> {
  const used: string[] = [];
  for (const name of mustBeEmpty) {
    const r = await sql<{ used: boolean }>`select exists (select 1 from ${sql.table(name)}) as used`.execute(db);
    if (r.rows[0]?.used) used.push(name);
  }
  if (used.length)
    throw new AppError(
      'conflict',
      `a backup is restored only into an empty database, and this one has rows in ${used.join(', ')}. ` +
        'Restore into a new data folder (R1540_DATA_DIR=/a/new/folder r1540 restore FILE) ' +
        'or into a new, empty PostgreSQL database (DATABASE_URL=postgres://…/new_database r1540 restore FILE).',
    );
}

async function requireSameMigrations(db: Db, header: BackupHeader): Promise<void> {
  const here = await appliedMigrations(db);
  if (here.join('\n') !== header.migrations.join('\n'))
    throw new AppError(
      'conflict',
      `the backup was made with the migrations [${header.migrations.join(', ')}] and this database has ` +
        `[${here.join(', ')}]: restore it with the version of r1540 that made it, into a database migrated by that version`,
    );
}

async function insertRows(trx: Transaction<DB>, table: BackupTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  // PostgreSQL reads each value back into its column type: timestamptz, jsonb, arrays, dates, uuids.
  await sql`insert into ${sql.table(table.name)}
    select * from jsonb_populate_recordset(null::${sql.table(table.name)}, ${JSON.stringify(rows)}::jsonb)`.execute(trx);
}

export interface RestoreResult {
  header: BackupHeader;
  /** The document files put back into the file store, and those the backup said were missing when it was made. */
  files: { restored: number; missing: string[] };
}

/**
 * Restores a backup into an empty, migrated database, all of it or nothing: the file is checked
 * against its header first, then loaded in one transaction, then each table's checksum is
 * computed again from the database and compared with the header before the transaction commits.
 */
export async function restore(
  db: Kysely<DB>,
  file: string,
  onProgress?: OnProgress,
  options: { filesDir?: string } = {},
): Promise<RestoreResult> {
  const header = await readHeader(file);
  await requireEmpty(db);
  await requireSameMigrations(db, header);

  // The file against its own header, before anything is written.
  const fromFile: Record<string, TableDigest> = {};
  const files = { count: 0, bytes: 0 };
  const named = new Set<string>();
  for await (const entry of entries(file)) {
    if ('file' in entry) {
      if (!named.has(entry.file))
        throw damaged(file, [
          { field: `line ${entry.line}`, problem: `the file ${entry.file.slice(0, 12)}… is not named by any document of the backup` },
        ]);
      files.count++;
      files.bytes += entry.bytes.length;
      onProgress?.('check files', files.count, header.files?.count ?? 0);
      continue;
    }
    const { table, row } = entry;
    if (table.name === 'document' && typeof row.sha256 === 'string') named.add(row.sha256.trim());
    const digest = fromFile[table.name] ?? new TableDigest();
    fromFile[table.name] = digest;
    digest.add(row);
    onProgress?.(`check ${table.name}`, digest.rows, header.tables[table.name]!.rows);
  }
  const fileProblems = compare(header, Object.fromEntries(Object.entries(fromFile).map(([k, d]) => [k, d.summary()])), 'the file');
  const expected = header.files ?? { count: 0, bytes: 0, missing: [] };
  if (files.count !== expected.count || files.bytes !== expected.bytes)
    fileProblems.push({
      field: 'files',
      problem: `the file carries ${files.count} document files (${files.bytes} bytes) where the header says ${expected.count} (${expected.bytes} bytes)`,
    });
  if (fileProblems.length) throw damaged(file, fileProblems);
  if (files.count && !options.filesDir)
    throw new AppError(
      'bad-request',
      `${file} carries ${files.count} document files, and this restore was given no file store to put them in: nothing was restored`,
    );

  // Files this restore wrote, removed again if the database is not restored.
  const written: string[] = [];
  try {
    await restoreRows(db, file, header, onProgress, async () => {
      if (!options.filesDir) return;
      let done = 0;
      for await (const entry of entries(file)) {
        if (!('file' in entry)) continue;
        const stored = await putFile(options.filesDir, entry.file, entry.bytes);
        if (stored.created) written.push(stored.path);
        onProgress?.('restore files', ++done, files.count);
      }
    });
  } catch (err) {
    for (const path of written) await removeFile(path);
    throw err;
  }
  return { header, files: { restored: files.count, missing: expected.missing } };
}

/** Loads the rows in one transaction, verifies them against the header, then (still inside it) puts back the files. */
async function restoreRows(
  db: Kysely<DB>,
  file: string,
  header: BackupHeader,
  onProgress: OnProgress | undefined,
  putFiles: () => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await useUtc(trx);
    // Approved matrices are restored with their cells: the trigger that freezes them lets a restore through.
    await sql`set local r1540.restoring = 'on'`.execute(trx);
    await requireEmpty(trx);
    // Rows a migration may have written are replaced by the backup's.
    await sql`delete from app_meta`.execute(trx);
    let batch: Record<string, unknown>[] = [];
    let current: BackupTable | undefined;
    let done = 0;
    for await (const { table, row } of rowLines(file)) {
      if (current !== table || (batch.length >= 500 && !table.selfReferencing)) {
        if (current) await insertRows(trx, current, batch);
        if (current !== table) done = 0;
        batch = [];
        current = table;
      }
      batch.push(row);
      onProgress?.(`restore ${table.name}`, ++done, header.tables[table.name]!.rows);
    }
    if (current) await insertRows(trx, current, batch);
    for (const table of backupTables().filter((t) => t.serial)) {
      const seq = sql`pg_get_serial_sequence(${table.name}, ${table.key})`;
      const key = sql.ref(table.key);
      await sql`select setval(${seq}, coalesce(max(${key}), 1), max(${key}) is not null) from ${sql.table(table.name)}`.execute(trx);
    }
    // The database, read back, must hold exactly what was backed up.
    const loaded: Record<string, { rows: number; sha256: string }> = {};
    for (const table of backupTables()) {
      const total = await countRows(trx, table);
      loaded[table.name] = await digestTable(trx, table, (n) => onProgress?.(`verify ${table.name}`, n, total));
    }
    const problems = compare(header, loaded, 'the database');
    if (problems.length)
      throw new AppError('bad-request', 'the restored database does not match the backup: the restore was rolled back', {
        fields: problems,
      });
    await putFiles();
  });
}
