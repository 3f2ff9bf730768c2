import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPglite } from '../../src/platform/db/connect.ts';
import { viewerFromApiToken } from '../../src/features/accounts/sessions.ts';
import { engine } from '../support/database.ts';

// The CLI as a user runs it, on an embedded database in a folder of its own (so the PostgreSQL
// run, which would only repeat it, skips this file).
const skip = engine === 'postgres' && 'the command runs on an embedded database of its own: the PGlite run covers it';
const bin = new URL('../../bin/r1540.js', import.meta.url).pathname;
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function r1540(args: string[], input?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...rest, R1540_DATA_DIR: dir, PORT: '0', R1540_DEMO: 'false', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'r1540-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('user add, token create, user disable: the token works, then stops', { skip }, async () => {
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

  const token = await r1540(['token', 'create', '--email', 'expert.two@example.org', '--name', 'script']);
  assert.equal(token.code, 0, token.stderr);
  const secret = token.stdout.trim();
  assert.match(secret, /^r1540_[A-Za-z0-9_-]{40,}$/);

  let database = await openPglite(dir);
  try {
    assert.equal((await viewerFromApiToken(database.db, secret))?.email, 'expert.two@example.org');
  } finally {
    await database.close();
  }

  const disabled = await r1540(['user', 'disable', '--email', 'expert.two@example.org']);
  assert.equal(disabled.code, 0, disabled.stderr);
  database = await openPglite(dir);
  try {
    assert.equal(await viewerFromApiToken(database.db, secret), null);
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('record_type', 'in', ['user', 'api-token'])
      .where('actor_label', 'like', 'command line%')
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), ['archive', 'create', 'create']);
  } finally {
    await database.close();
  }
});

test('a second process on the same data folder is refused, pointing to PostgreSQL', { skip }, async () => {
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
});
