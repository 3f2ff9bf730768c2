// Engines: both (backup and restore carry the document files beside the database)
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { backup, MissingFilesError } from '../../src/platform/backup/backup.ts';
import { restore } from '../../src/platform/backup/restore.ts';
import { backupTables, TableDigest } from '../../src/platform/backup/tables.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { actorOf, systemActor } from '../../src/platform/audit/record.ts';
import { addContact } from '../../src/features/contacts/contacts.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { filePath } from '../../src/platform/files/store.ts';
import { insertCourse, insertVisit } from '../../src/features/engagement/engagement.ts';
import { createPlan, createReport } from '../../src/features/reports/commands.ts';
import { cliDatabase, runCli } from '../support/cli.ts';
import { dropDatabase, engine, freshDatabase } from '../support/database.ts';

// The whole-database backup carries the national records' tables and the documents' files.

let counter = 0;
async function emptyDatabase(): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openPglite(undefined);
    await migrateToLatest(database.db);
    return database;
  }
  const url = new URL(process.env.DATABASE_URL!);
  const name = `r1540_restore_files_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = openPostgres(own.toString(), 2);
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(url, name);
    },
  };
}

async function rowsOf(db: Kysely<DB>, table: string): Promise<unknown[]> {
  return (await sql`select * from ${sql.table(table)} order by id`.execute(db)).rows;
}

function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(n);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an AppError');
}

type Line = Record<string, unknown>;
function rewrite(from: string, to: string, edit: (lines: Line[]) => void): void {
  const lines = gunzipSync(readFileSync(from))
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
  edit(lines);
  writeFileSync(to, gzipSync(`${lines.map((v) => JSON.stringify(v)).join('\n')}\n`));
}

let source: Database;
let dir: string;
let filesDir: string;
let file: string;
const shas: { kept: string[]; lost: string } = { kept: [], lost: '' };
const records = [
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
];

before(async () => {
  source = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), 'r1540-backup-files-'));
  filesDir = join(dir, 'files');
  file = join(dir, 'backup.jsonl.gz');
  const db = source.db;
  const expert = viewerOf(
    await db.selectFrom('app_user').selectAll().where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow(),
  );
  const actor = actorOf(expert);
  const report = await createReport(db, actor, {
    stateIso3: 'MLI',
    kind: 'first-report',
    receivedOn: '2019-03-04',
    symbol: 'S/AC.44/2019/7',
  });
  await createPlan(db, actor, { stateIso3: 'MLI', number: 1, status: 'submitted', submittedOn: '2020-02-01' });
  await addContact(db, systemActor, 'MLI', {
    location: 'capital',
    name: 'A contact',
    email: 'a.contact@example.org',
    designatedOn: '2018-05-02',
  });
  await db.transaction().execute(async (trx) => {
    await insertVisit(trx, systemActor, {
      state_iso3: 'MLI',
      kind: 'visit-at-invitation',
      starts_on: '2018-10-17',
      purposes: ['first-report'],
      source: 'entered',
    });
    await insertCourse(trx, systemActor, {
      title: 'A course',
      starts_on: '2018-08-14',
      ends_on: '2018-08-17',
      place: 'Dakar',
      participating_states: ['MLI'],
      source: 'entered',
    });
  });
  const config = { ...loadConfig({}), filesDir };
  const upload = (title: string, text: string) =>
    uploadDocument(db, config, actor, expert, {
      title,
      language: 'fr',
      kind: 'report',
      state: 'MLI',
      confidentiality: 'public',
      links: [`report:${report.id}`],
      file: { name: 'document.txt', bytes: Buffer.from(text, 'utf8') },
    });
  shas.kept.push((await upload('Rapport du Mali', 'Le rapport national du Mali.')).sha256.trim());
  shas.kept.push((await upload('报告', '专家组访问了马里。')).sha256.trim());
  shas.lost = (await upload('A file lost from the store', 'This file will be deleted from the store.')).sha256.trim();
  shas.kept.sort();
  rmSync(filePath(filesDir, shas.lost));
  // 600 letters, each a reply to the one before: more than a batch of rows, in no order the ids tell.
  await sql`
    with numbered as (select gen_random_uuid() as id, g from generate_series(1, 600) g),
    chain as (select id, g, lag(id) over (order by g) as prev from numbered)
    insert into letter (id, kind, sent_on, sender_kind, recipients_mode, subject, source, in_reply_to, confidentiality)
    select id, 'reply', date '2019-01-01', 'chair', 'committee', 'Letter ' || g, 'entered', prev, 'committee' from chain`.execute(db);
});

after(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the backup carries the records and the document files', () => {
  test('a backup that would lack files the database names is refused, naming how many and the store, and writes nothing', async () => {
    const refused = join(dir, 'refused.jsonl.gz');
    await assert.rejects(backup(source.db, refused, undefined, { filesDir }), (err: unknown) => {
      assert.ok(err instanceof MissingFilesError);
      assert.equal(err.message, `1 of the 3 document files the database names is not in the file store ${filesDir}: ${shas.lost}`);
      return true;
    });
    const elsewhere = join(dir, 'another-store');
    await assert.rejects(backup(source.db, refused, undefined, { filesDir: elsewhere }), (err: unknown) => {
      assert.ok(err instanceof MissingFilesError);
      assert.match(
        err.message,
        new RegExp(`^3 of the 3 document files the database names are not in the file store ${elsewhere} \\(none of them is there`),
      );
      return true;
    });
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.startsWith('refused')),
      [],
    );
  });

  test('every table of the national records is backed up; the files the store holds are carried, the missing one named', async () => {
    for (const table of records)
      assert.ok(
        backupTables().some((t) => t.name === table),
        table,
      );
    const header = await backup(source.db, file, undefined, { filesDir, allowMissingFiles: true });
    assert.deepEqual(header.files?.missing, [shas.lost]);
    assert.equal(header.files?.count, 2);
    const lines = gunzipSync(readFileSync(file))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const fileLines = lines.filter((l) => 'file' in l);
    assert.deepEqual(
      fileLines.map((l) => l.file),
      shas.kept,
    );
    // After every row.
    const lastRow = lines.map((l) => 'table' in l).lastIndexOf(true);
    assert.ok(lastRow < lines.findIndex((l) => 'file' in l));
    assert.equal(
      header.files?.bytes,
      fileLines.reduce((n, l) => n + Buffer.from(String(l.data), 'base64').length, 0),
    );
  });

  test('a restore puts the rows and the files back', async () => {
    const target = await emptyDatabase();
    const targetFiles = join(dir, 'restored-files');
    try {
      const result = await restore(target.db, file, undefined, { filesDir: targetFiles });
      assert.deepEqual(result.files, { restored: 2, missing: [shas.lost] });
      assert.equal((await target.db.selectFrom('letter').select('id').where('in_reply_to', 'is not', null).execute()).length, 599);
      for (const table of records) assert.deepEqual(await rowsOf(target.db, table), await rowsOf(source.db, table), table);
      for (const sha of shas.kept) assert.deepEqual(readFileSync(filePath(targetFiles, sha)), readFileSync(filePath(filesDir, sha)));
      assert.deepEqual(filesIn(targetFiles), shas.kept);
    } finally {
      await target.close();
    }
  });

  test('a damaged file line is refused before anything is written; no file store, no restore', async () => {
    const tampered = join(dir, 'tampered.jsonl.gz');
    rewrite(file, tampered, (lines) => {
      const line = lines.find((l) => 'file' in l)!;
      line.data = Buffer.from('something else').toString('base64');
    });
    const target = await emptyDatabase();
    const targetFiles = join(dir, 'tampered-files');
    try {
      const err = await rejection(restore(target.db, tampered, undefined, { filesDir: targetFiles }));
      assert.equal(err.code, 'bad-request');
      assert.match(err.fields[0]!.problem, /does not have the SHA-256 it is named by/);
      assert.deepEqual(filesIn(targetFiles), []);
      assert.equal((await target.db.selectFrom('document').select('id').execute()).length, 0);

      const noStore = await rejection(restore(target.db, file));
      assert.match(noStore.message, /carries 2 document files, and this restore was given no file store/);
      assert.equal((await target.db.selectFrom('member_state').select('iso3').execute()).length, 0);
    } finally {
      await target.close();
    }
  });

  test('when the database part fails its check, no file is left behind', async () => {
    // The same instants written another way: only the check against the database sees it.
    const rewritten = join(dir, 'rewritten.jsonl.gz');
    rewrite(file, rewritten, (lines) => {
      const digest = new TableDigest();
      for (const l of lines.filter((x) => x.table === 'audit_event')) {
        const row = l.row as Record<string, unknown>;
        row.at = String(row.at).replace(/\+00:00$/, 'Z');
        digest.add(row);
      }
      // The header's checksum made to match the file: the file agrees with itself.
      (lines[0] as { tables: Record<string, unknown> }).tables.audit_event = digest.summary();
    });
    const target = await emptyDatabase();
    const targetFiles = join(dir, 'rolled-back-files');
    try {
      const err = await rejection(restore(target.db, rewritten, undefined, { filesDir: targetFiles }));
      assert.match(err.message, /does not match the backup/);
      assert.deepEqual(filesIn(targetFiles), []);
      assert.equal((await target.db.selectFrom('document').select('id').execute()).length, 0);
    } finally {
      await target.close();
    }
  });
});

// `r1540 backup` run with another R1540_FILES_DIR than the server's: before, it backed up no file
// and exited 0.
describe('r1540 backup and the file store', () => {
  const cli = cliDatabase('backup-store');
  test('a store that lacks the files the database names: exit 1, how many and where, no backup; --allow-missing-files accepts the loss', async () => {
    const serverStore = loadConfig(cli.env).filesDir;
    await cli.withDatabase(async (db) => {
      const expert = viewerOf(
        await db.selectFrom('app_user').selectAll().where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow(),
      );
      await uploadDocument(db, { ...loadConfig(cli.env), filesDir: serverStore }, actorOf(expert), expert, {
        title: 'Un rapport',
        language: 'fr',
        kind: 'report',
        state: 'MLI',
        confidentiality: 'public',
        links: [],
        file: { name: 'rapport.txt', bytes: Buffer.from('Le rapport.', 'utf8') },
      });
    });
    const out = join(cli.dir, 'nightly.jsonl.gz');
    const otherStore = join(cli.dir, 'not-the-server-store');
    const wrong = await runCli(['backup', '--out', out], { ...cli.env, R1540_FILES_DIR: otherStore });
    assert.equal(wrong.code, 1, wrong.stderr);
    assert.match(
      wrong.stderr,
      new RegExp(`no backup was written: 1 of the 1 document files the database names is not in the file store ${otherStore} \\(none`),
    );
    assert.match(wrong.stderr, /--allow-missing-files/);
    assert.equal(wrong.stdout, '');
    assert.equal(existsSync(out), false);

    const right = await cli.r1540(['backup', '--out', out]);
    assert.equal(right.code, 0, right.stderr);
    assert.match(right.stdout, new RegExp(`and 1 document files from ${serverStore} to ${out}\n$`));

    const accepted = await runCli(['backup', '--out', out, '--allow-missing-files'], { ...cli.env, R1540_FILES_DIR: otherStore });
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /and 0 document files from /);
    assert.match(accepted.stderr, /1 document files were not in the file store .* and are not in the backup \(--allow-missing-files\)/);
  });
});
