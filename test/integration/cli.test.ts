// Engines: both (the command line opens the data folder, takes its lock, or the server)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openPglite } from '../../src/platform/db/connect.ts';
import { viewerFromApiToken } from '../../src/features/accounts/sessions.ts';
import { cliDatabase, runCli, spawnCli } from '../support/cli.ts';
import { engine } from '../support/database.ts';

// The accounts' commands, in this process on a database of this file's own (a PGlite folder, or a
// PostgreSQL database when DATABASE_URL is set).
describe(`r1540 user and token (${engine})`, () => {
  const cli = cliDatabase('cli');
  const { r1540, withDatabase } = cli;

  test('user add, token create, user disable: the token works, then stops', async () => {
    const added = await r1540(
      ['user', 'add', '--email', 'Expert.Two@example.org', '--name', 'Expert Two', '--role', 'expert'],
      'a long enough password\n',
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /added expert\.two@example\.org \(expert\)/);

    const again = await r1540(
      ['user', 'add', '--email', 'expert.two@example.org', '--name', 'X', '--role', 'expert'],
      'another long password\n',
    );
    assert.equal(again.code, 1);
    assert.match(again.stderr, /email: is already used/);

    const badRole = await r1540(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king', '--password', 'short']);
    assert.equal(badRole.code, 1);
    assert.match(badRole.stderr, /role: must be one of/);
    assert.match(badRole.stderr, /password: must be at least 12 characters/);

    const noPassword = await r1540(['user', 'add', '--email', 'y@example.org', '--name', 'Y', '--role', 'expert']);
    assert.equal(noPassword.code, 1);
    assert.match(noPassword.stderr, /password: is required \(--password, R1540_PASSWORD or standard input\)/);
    const fromEnv = await runCli(['user', 'add', '--email', 'y@example.org', '--name', 'Y', '--role', 'expert'], {
      ...cli.env,
      R1540_PASSWORD: 'a password from the environment',
    });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);

    const token = await r1540(['token', 'create', '--email', 'expert.two@example.org', '--name', 'script']);
    assert.equal(token.code, 0, token.stderr);
    const secret = token.stdout.trim();
    assert.match(secret, /^r1540_[A-Za-z0-9_-]{40,}$/);
    assert.match(token.stderr, /it is shown only this once/);
    await withDatabase(async (db) => {
      assert.equal((await viewerFromApiToken(db, secret))?.email, 'expert.two@example.org');
    });

    const disabled = await r1540(['user', 'disable', '--email', 'expert.two@example.org']);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.equal(disabled.stdout, 'disabled expert.two@example.org; its sessions were ended and 1 API token was revoked\n');
    await withDatabase(async (db) => {
      assert.equal(await viewerFromApiToken(db, secret), null);
      const events = await db
        .selectFrom('audit_event')
        .select(['action', 'actor_label'])
        .where('record_type', 'in', ['user', 'api-token'])
        .where('actor_label', 'like', 'command line%')
        .execute();
      // The account archived, its token revoked; the two accounts and the token created.
      assert.deepEqual(events.map((e) => e.action).sort(), ['archive', 'archive', 'create', 'create', 'create']);
    });
  });

  test('user enable does not bring back the API tokens; user reset-password revokes them; both say so', async () => {
    const email = 'expert.three@example.org';
    const add = await r1540(['user', 'add', '--email', email, '--name', 'Expert Three', '--role', 'expert'], 'a long enough password\n');
    assert.equal(add.code, 0, add.stderr);
    const token = async (name: string) => (await r1540(['token', 'create', '--email', email, '--name', name])).stdout.trim();
    const works = (secret: string) => withDatabase(async (db) => (await viewerFromApiToken(db, secret))?.email === email);

    const beforeDisable = await token('before disable');
    // An account disabled before tokens were revoked with it: its token was only stopped, not revoked.
    await withDatabase((db) => db.updateTable('app_user').set({ disabled_at: new Date() }).where('email', '=', email).execute());
    assert.equal(await works(beforeDisable), false);
    const enabled = await r1540(['user', 'enable', '--email', email]);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.equal(enabled.stdout, `enabled ${email}; 1 API token was revoked: API tokens from before it was disabled do not come back\n`);
    assert.equal(await works(beforeDisable), false, 'enabling does not bring the token back');
    const again = await r1540(['user', 'enable', '--email', email]);
    assert.equal(again.stdout, `${email} was already enabled; its API tokens are unchanged\n`);

    const first = await token('first');
    const second = await token('second');
    assert.equal(await works(first), true);
    const reset = await r1540(['user', 'reset-password', '--email', email, '--password', 'another long password']);
    assert.equal(reset.code, 0, reset.stderr);
    assert.equal(reset.stdout, `new password set for ${email}; its sessions were ended and 2 API tokens were revoked\n`);
    assert.equal(await works(first), false, 'a token made before the reset is revoked');
    assert.equal(await works(second), false, 'a token made before the reset is revoked');
    await withDatabase(async (db) => {
      const revoked = await db
        .selectFrom('audit_event')
        .select('record_id')
        .where('record_type', '=', 'api-token')
        .where('action', '=', 'archive')
        .where('actor_label', 'like', 'command line%')
        .execute();
      const ids = await db
        .selectFrom('api_token')
        .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
        .select('api_token.id')
        .where('app_user.email', '=', email)
        .execute();
      for (const { id } of ids)
        assert.ok(
          revoked.some((e) => e.record_id === id),
          `the revocation of token ${id} is in the history`,
        );
    });
    const fresh = await token('after reset');
    assert.equal(await works(fresh), true, 'a new token works');
  });

  test('usage: no command, help, an unknown command, a subcommand missing', async () => {
    const none = await r1540([]);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /^Usage: r1540 <command> \[options\]/);
    const help = await r1540(['--help']);
    assert.equal(help.code, 0);
    assert.equal(help.stdout, none.stdout);
    assert.match(help.stdout, /^ {2}seed \[--demo\]/m);
    assert.match(help.stdout, /^ {2}contacts reminders/m);
    const unknown = await r1540(['nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^r1540: unknown command "nope"\n\nUsage:/);
    const token = await r1540(['token']);
    assert.equal(token.code, 2);
    assert.match(token.stderr, /^usage: r1540 token create/);
  });
});

// What only a process shows: the real binary's exit codes and streams, and PGlite's lock on its
// folder against a second process.
describe('bin/r1540.js, a process of its own', {
  skip: engine === 'postgres' && 'the lock is the embedded database’s, and the binary is the same on both: the PGlite run covers it',
}, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'r1540-cli-process-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const r1540 = (args: string[], input?: string) => spawnCli(args, { R1540_DATA_DIR: dir, PORT: '0', R1540_DEMO: 'false' }, input);

  test('exit codes: 0, 2 for usage, 1 for a refusal, 3 when a second process finds the data folder in use', async () => {
    const help = await r1540(['--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: r1540 <command> \[options\]/);
    const unknown = await r1540(['nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "nope"/);

    const refused = await r1540(['contacts', 'reminders', '--format', 'xml']);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, 'r1540: 1 problem(s):\n  - --format: must be csv or json\n');

    const first = await openPglite(dir);
    try {
      const second = await r1540(['migrate']);
      assert.equal(second.code, 3);
      assert.match(second.stderr, /already in use by process \d+/);
      assert.match(second.stderr, /DATABASE_URL/);
    } finally {
      await first.close();
    }
    const afterwards = await r1540(['migrate']);
    assert.equal(afterwards.code, 0, afterwards.stderr);
    assert.match(afterwards.stdout, /^applied: 0001-foundation, /);
  });
});
