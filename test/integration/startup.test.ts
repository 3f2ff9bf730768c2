// Engines: both (start-up opens the embedded database from its folder, or the server)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.ts';
import { createContext } from '../../src/app/context.ts';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { dropDatabase, engine } from '../support/database.ts';

async function counts(database: Database) {
  const db = database.db;
  const n = async (table: 'member_state' | 'organization' | 'app_user') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { states: await n('member_state'), organizations: await n('organization'), users: await n('app_user') };
}

test('the first start on an empty database migrates, loads the reference data and the demo accounts, once', async () => {
  // The demonstration documents go to a file store of the test's own, not the repository's ./data.
  const config = { ...loadConfig({}), filesDir: mkdtempSync(join(tmpdir(), 'r1540-startup-files-')) };
  if (engine === 'pglite') {
    const database = await openPglite(undefined);
    try {
      const lines: string[] = [];
      const app = await createContext(config, { database, log: (l) => lines.push(l) });
      assert.equal(app.demo, true);
      assert.ok(lines.some((l) => /^loaded .*193 Member States/.test(l)));
      const first = await counts(database);
      await createContext(config, { database });
      assert.deepEqual(await counts(database), first, 'a second start adds nothing');
      assert.equal(first.states, 193);
      assert.equal(first.users, 6);
    } finally {
      await database.close();
    }
    return;
  }
  // Two app servers starting at once on one empty PostgreSQL database: one seeds, the other waits.
  const url = new URL(process.env.DATABASE_URL!);
  const name = `r1540_start_${process.pid}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const a = openPostgres(own.toString(), 3);
  const b = openPostgres(own.toString(), 3);
  try {
    await Promise.all([createContext(config, { database: a }), createContext(config, { database: b })]);
    assert.deepEqual(await counts(a), { states: 193, organizations: (await counts(a)).organizations, users: 6 });
  } finally {
    await a.close();
    await b.close();
    await admin.end();
    await dropDatabase(url, name);
  }
});
