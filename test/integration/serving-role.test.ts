import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createApp } from '../../src/app/http.tsx';
import { type AppContext, createContext } from '../../src/app/context.ts';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { refreshSearchIndex } from '../../src/features/search/index.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { currentRole } from '../../src/platform/db/serving-role.ts';
import { Client, type TestApp } from '../support/app.ts';
import { engine, freshDatabaseEnv } from '../support/database.ts';

// On PostgreSQL the app migrates as the tables' owner (DATABASE_URL) and serves through a role of
// its own (R1540_SERVE_DATABASE_URL), which does the app's work and cannot change, empty or
// unprotect the audit log. Before, the app served as the owner (here the superuser), which can.

const skip =
  engine === 'pglite' &&
  'PostgreSQL roles: run with DATABASE_URL. PGlite is one embedded user, whose audit log has its triggers only (README.md)';

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(client: pg.Client, statement: string): Promise<string> {
  try {
    await client.query(statement);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('the serving role on PostgreSQL', { skip }, () => {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const role = `r1540_serve_${suffix}`;
  const memberRole = `r1540_member_${suffix}`;
  let dir = '';
  let env: Record<string, string> = {};
  let drop: (() => Promise<void>) | undefined;
  let admin: pg.Client;
  let servingUrl = '';
  let app: AppContext | undefined;

  const urlAs = (user: string) => {
    const url = new URL(env.DATABASE_URL!);
    url.username = user;
    url.password = '';
    return url.toString();
  };
  const auditRows = async () => (await admin.query('select * from audit_event order by id')).rows;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1540-serving-role-'));
    ({ env, drop } = await freshDatabaseEnv(dir));
    admin = new pg.Client({ connectionString: env.DATABASE_URL });
    await admin.connect();
    // What the README asks of an operator: a login role, no superuser, no CREATEROLE, owning nothing.
    await admin.query(`create role ${role} login nosuperuser nocreaterole`);
    servingUrl = urlAs(role);
    app = await createContext(loadConfig({ ...env, R1540_SERVE_DATABASE_URL: servingUrl }));
  });

  after(async () => {
    await app?.database.close();
    await admin?.end();
    await drop?.();
    // The roles' grants went with the database: now they can go.
    const server = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await server.connect();
    await server.query(`drop role if exists ${role}`);
    await server.query(`drop role if exists ${memberRole}`);
    await server.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the app serves as that role and does its work: a sign-in, a token, a report with its audit events, the search index', async () => {
    const db = app!.database.db;
    assert.equal(await currentRole(db), role);
    const server = createApp(app!);
    const browser = new Client({ request: (path, init) => server.request(`http://localhost${path}`, init) } as TestApp);
    const wrong = await browser.post('/en/login', { email: 'expert@demo.r1540.org', password: 'not the password' });
    assert.ok(wrong.status < 500, String(wrong.status));
    await browser.login('expert@demo.r1540.org');
    assert.equal((await browser.post('/en/logout', {})).status, 303);

    const expert = await db.selectFrom('app_user').select('id').where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow();
    const { token } = await createApiToken(db, systemActor, expert.id, 'serving-role test');
    const before = (await auditRows()).length;
    const made = await server.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'NPL', kind: 'additional-information', receivedOn: '2019-03-01', symbol: 'S/AC.44/2019/77' }),
    });
    assert.equal(made.status, 201, await made.clone().text());
    const id = ((await made.json()) as { id: string }).id;
    const events = (await auditRows()).slice(before);
    assert.ok(events.some((e) => e.record_id === id && e.action === 'create'));
    await refreshSearchIndex(db);
  });

  test('it cannot update, delete or truncate the audit log, disable its triggers, set session_replication_role, or become the owner', async () => {
    const rows = await auditRows();
    const client = new pg.Client({ connectionString: servingUrl });
    await client.connect();
    try {
      const last = rows.at(-1)!.id as string;
      const refused = {
        update: await outcome(client, `update audit_event set action = 'archive' where id = ${last}`),
        delete: await outcome(client, `delete from audit_event where id = ${last}`),
        truncate: await outcome(client, 'truncate audit_event'),
        'disable trigger': await outcome(client, 'alter table audit_event disable trigger audit_event_no_change'),
        'disable trigger all': await outcome(client, 'alter table audit_event disable trigger all'),
        session_replication_role: await outcome(client, 'set session_replication_role = replica'),
        'drop table': await outcome(client, 'drop table audit_event'),
        'set role': await outcome(client, `set role ${new URL(env.DATABASE_URL!).username || 'postgres'}`),
        'drop trigger': await outcome(client, 'drop trigger audit_event_no_change on audit_event'),
        'create trigger': await outcome(
          client,
          'create trigger sneaky before update on audit_event for each row execute function audit_event_is_append_only()',
        ),
      };
      for (const [what, code] of Object.entries(refused)) assert.equal(code, '42501', `${what}: ${code}`);
      // Nor can it grant itself what it lacks (refused, or a warning that nothing was granted).
      assert.match(await outcome(client, `grant update, delete, truncate on audit_event to ${role}`), /^(ok|42501)$/);
      const { rows: rights } = await admin.query(
        `select has_table_privilege($1, 'audit_event', 'UPDATE') as u, has_table_privilege($1, 'audit_event', 'DELETE') as d,
           has_table_privilege($1, 'audit_event', 'TRUNCATE') as t, has_table_privilege($1, 'audit_event', 'INSERT') as i`,
        [role],
      );
      assert.deepEqual(rights[0], { u: false, d: false, t: false, i: true });
    } finally {
      await client.end();
    }
    assert.deepEqual(await auditRows(), rows);
  });

  test('a serving role that could rewrite the log is refused at start: the owner itself, a member of its role', async () => {
    const asOwner = await createContext(loadConfig({ ...env, R1540_SERVE_DATABASE_URL: env.DATABASE_URL! })).then(
      (c) => c.database.close().then(() => 'started'),
      (err: Error) => err.message,
    );
    assert.match(asOwner, /^R1540_SERVE_DATABASE_URL connects as \w+, which is a superuser; .*it could rewrite the audit log/);

    const owner = (await admin.query(`select pg_get_userbyid(relowner) as owner from pg_class where oid = 'audit_event'::regclass`)).rows[0]
      .owner as string;
    await admin.query(`create role ${memberRole} login`);
    await admin.query(`grant ${owner} to ${memberRole}`);
    const asMember = await createContext(loadConfig({ ...env, R1540_SERVE_DATABASE_URL: urlAs(memberRole) })).then(
      (c) => c.database.close().then(() => 'started'),
      (err: Error) => err.message,
    );
    assert.match(asMember, new RegExp(`connects as ${memberRole}, which is, or is a member of, ${owner}, the owner of audit_event`));
    await admin.query(`revoke ${owner} from ${memberRole}`);
  });

  test('R1540_SERVE_DATABASE_URL without DATABASE_URL is refused', () => {
    assert.throws(() => loadConfig({ R1540_SERVE_DATABASE_URL: servingUrl }), /R1540_SERVE_DATABASE_URL needs DATABASE_URL/);
  });
});
