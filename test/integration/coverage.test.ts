// Engines: both (the tables each engine lists)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import '../../src/features/registry.ts';
import { tableClaims } from '../../src/platform/backup/tables.ts';
import { bundleSections } from '../../src/platform/bundle/registry.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import { freshDatabase } from '../support/database.ts';

/*
 * The registry's lists checked against the database itself, so that they cannot drift: every
 * table is claimed by one feature (or the platform) for the backup and the bundle, or left out
 * with a reason written where it is claimed.
 */

/** Kysely's own bookkeeping: the backup's header carries the applied migrations instead. */
const migrationTables = new Set(['kysely_migration', 'kysely_migration_lock']);

describe('every table is claimed', () => {
  let database: Database;
  let tables: string[];
  before(async () => {
    database = await freshDatabase();
    const rows = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
    tables = rows.rows.map((r) => r.name).filter((t) => !migrationTables.has(t));
  });
  after(() => database.close());

  test('by exactly one feature or the platform, and no claim names a table that does not exist', () => {
    const claimed = tableClaims().map((c) => c.name as string);
    assert.ok(tables.length >= 30, `${tables.length} tables`);
    assert.deepEqual([...new Set(claimed)].sort(), [...claimed].sort(), 'a table claimed twice');
    assert.deepEqual([...claimed].sort(), tables, 'the claimed tables are the tables');
  });

  test('for the backup and the bundle, or excluded with a reason', () => {
    const sections = new Set(bundleSections().map((s) => s.name));
    for (const claim of tableClaims()) {
      if ('excluded' in claim.backup) assert.ok(claim.backup.excluded.length >= 30, `${claim.name}: say why the backup leaves it out`);
      if (typeof claim.bundle === 'string')
        assert.ok(sections.has(claim.bundle), `${claim.name}: no bundle section is named ${claim.bundle}`);
      else assert.ok(claim.bundle.excluded.length >= 30, `${claim.name}: say why the bundle leaves it out`);
    }
  });

  test('every bundle section carries at least one claimed table', () => {
    const carried = new Set(tableClaims().flatMap((c) => (typeof c.bundle === 'string' ? [c.bundle] : [])));
    for (const s of bundleSections()) assert.ok(carried.has(s.name), `the section ${s.name} claims no table`);
  });
});
