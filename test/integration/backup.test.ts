// Engines: both (backup and restore read and write each engine's tables)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { migrationNames } from '../../src/platform/db/migrate.ts';
import { backup } from '../../src/platform/backup/backup.ts';
import { restore } from '../../src/platform/backup/restore.ts';
import { type BackupHeader, backupTables, TableDigest } from '../../src/platform/backup/tables.ts';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { seedDemoAssistance } from '../../src/features/assistance/demo.ts';
import { recordChange } from '../../src/platform/audit/record.ts';
import { setStateArchived, updateState } from '../../src/features/member-states/commands.ts';
import { findState } from '../../src/features/member-states/queries.ts';
import { engine, freshDatabase, dropDatabase } from '../support/database.ts';

let counter = 0;

/** A migrated database with no rows: a new embedded one, or a throwaway PostgreSQL database. */
async function emptyDatabase(): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openPglite(undefined);
    await migrateToLatest(database.db);
    return database;
  }
  const url = new URL(process.env.DATABASE_URL!);
  const name = `r1540_restore_${process.pid}_${++counter}_${Date.now().toString(36)}`;
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

/** A table's rows as the application reads them, in key order. */
async function rowsOf(db: Kysely<DB>, table: ReturnType<typeof backupTables>[number]): Promise<unknown[]> {
  const order = table.textKey ? sql`${sql.ref(table.key)} collate "C"` : sql.ref(table.key);
  return (await sql`select * from ${sql.table(table.name)} order by ${order}`.execute(db)).rows;
}

async function rowCount(db: Kysely<DB>): Promise<number> {
  let n = 0;
  for (const t of backupTables())
    n += Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t.name)}`.execute(db)).rows[0]!.n);
  return n;
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

type Line = { table: string; row: Record<string, unknown> };

/** Rewrites a backup's lines (then, optionally, its header). */
function rewrite(from: string, to: string, edit: (header: BackupHeader, rows: Line[]) => void): void {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]!) as BackupHeader;
  const rows = lines.slice(1).map((l) => JSON.parse(l) as Line);
  edit(header, rows);
  writeFileSync(to, gzipSync(`${[header, ...rows].map((v) => JSON.stringify(v)).join('\n')}\n`));
}

let source: Database;
let dir: string;
let file: string;

before(async () => {
  source = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), 'r1540-backup-'));
  file = join(dir, 'backup.jsonl.gz');
  const actor = { id: null, label: 'test' };
  const ken = (await findState(source.db, 'KEN'))!;
  await updateState(source.db, actor, 'KEN', ken.version, {
    names: { ...ken.names, en: 'Republic of Kenya', zh: '肯尼亚共和国' },
    unMemberSince: ken.un_member_since,
    regionalGroup: ken.regional_group,
    organizations: ken.organizations,
    securityCouncilYears: [...ken.security_council_years, 2025],
  });
  await setStateArchived(source.db, actor, 'NRU', true);
  const user = await addUser(source.db, actor, {
    email: 'new.officer@example.org',
    displayName: 'Nouvelle Agente — 新官员',
    role: 'state-contact',
    stateIso3: 'KEN',
    password: 'a long enough password 1540',
    locale: 'fr',
  });
  await createApiToken(source.db, actor, user.id, 'reporting script', 30);
  // The clearinghouse: arrays, uuid[], jsonb, and steps that a trigger keeps unchanged.
  await seedDemoAssistance(source.db);
});
after(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  test('a restored database equals the one backed up, table by table', async () => {
    const steps = new Set<string>();
    const header = await backup(source.db, file, (step) => steps.add(step));
    assert.equal(header.format, 'r1540-backup');
    assert.deepEqual(header.migrations, migrationNames());
    assert.deepEqual(
      Object.keys(header.tables),
      backupTables().map((t) => t.name),
    );
    assert.equal(header.tables.member_state!.rows, 193);
    assert.equal(header.tables.api_token!.rows, 1);
    assert.equal(header.tables.assistance_request!.rows, 15);
    assert.ok(header.tables.assistance_step!.rows > 15 && header.tables.assistance_response!.rows > 0);
    assert.ok(steps.has('write audit_event'));
    const firstLine = gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]!;
    assert.deepEqual(JSON.parse(firstLine), header);

    const target = await emptyDatabase();
    try {
      const result = await restore(target.db, file);
      assert.deepEqual(result.header, header);
      for (const table of backupTables())
        assert.deepEqual(await rowsOf(target.db, table), await rowsOf(source.db, table), `table ${table.name}`);
      const user = await target.db
        .selectFrom('app_user')
        .selectAll()
        .where('email', '=', 'new.officer@example.org')
        .executeTakeFirstOrThrow();
      assert.match(user.password_hash ?? '', /^\$argon2id\$/);
      assert.equal((await findState(target.db, 'KEN'))!.names.zh, '肯尼亚共和国');
      // The sequence moved past the restored history: the next event gets the next number.
      const last = await target.db.selectFrom('audit_event').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      await target.db
        .transaction()
        .execute((trx) =>
          recordChange(trx, { id: null, label: 'test' }, { action: 'update', recordType: 'x', recordId: 'y', confidentiality: 'public' }),
        );
      const next = await target.db.selectFrom('audit_event').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(BigInt(next.id), BigInt(last.id) + 1n);
    } finally {
      await target.close();
    }
  });

  test('a tampered backup fails verification, and the target stays empty', async () => {
    const tampered = join(dir, 'tampered.jsonl.gz');
    rewrite(file, tampered, (_header, rows) => {
      const user = rows.find((l) => l.table === 'app_user' && l.row.email === 'new.officer@example.org')!;
      user.row.role = 'admin';
    });
    const target = await emptyDatabase();
    try {
      const err = await rejection(restore(target.db, tampered));
      assert.equal(err.code, 'bad-request');
      assert.deepEqual(
        err.fields.map((f) => f.field),
        ['tables.app_user'],
      );
      assert.match(err.fields[0]!.problem, /checksum/);
      assert.equal(await rowCount(target.db), 0);
    } finally {
      await target.close();
    }
  });

  test('rows that load differently from their text fail the check against the database, and roll back', async () => {
    // The same instants written another way, the header's checksum made to match the file:
    // only the comparison with what the database holds can see it.
    const rewritten = join(dir, 'rewritten.jsonl.gz');
    rewrite(file, rewritten, (header, rows) => {
      const digest = new TableDigest();
      for (const l of rows.filter((r) => r.table === 'audit_event')) {
        l.row.at = String(l.row.at).replace(/\+00:00$/, 'Z');
        digest.add(l.row);
      }
      header.tables.audit_event = digest.summary();
    });
    const target = await emptyDatabase();
    try {
      const err = await rejection(restore(target.db, rewritten));
      assert.equal(err.code, 'bad-request');
      assert.match(err.message, /does not match the backup/);
      assert.deepEqual(
        err.fields.map((f) => f.field),
        ['tables.audit_event'],
      );
      assert.equal(await rowCount(target.db), 0);
    } finally {
      await target.close();
    }
  });

  test('a damaged or foreign file is refused before anything is written', async () => {
    const notGzip = join(dir, 'plain.txt');
    writeFileSync(notGzip, 'hello');
    const other = join(dir, 'other.jsonl.gz');
    writeFileSync(other, gzipSync('{"format":"something-else"}\n'));
    const target = await emptyDatabase();
    try {
      assert.equal((await rejection(restore(target.db, notGzip))).code, 'bad-request');
      const err = await rejection(restore(target.db, other));
      assert.ok(err.fields.some((f) => f.field === 'format'));
      assert.equal((await rejection(restore(target.db, join(dir, 'missing.gz')))).code, 'not-found');
      assert.equal(await rowCount(target.db), 0);
    } finally {
      await target.close();
    }
  });

  test('a database in use is not restored into', async () => {
    const before = await rowCount(source.db);
    const err = await rejection(restore(source.db, file));
    assert.equal(err.code, 'conflict');
    assert.match(err.message, /empty database.*organization, member_state, matrix_template, app_user, api_token, audit_event/);
    assert.match(err.message, /R1540_DATA_DIR/);
    assert.equal(await rowCount(source.db), before);
  });
});
