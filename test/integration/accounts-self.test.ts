/** Issue 13, item 14: an administrator and their own account (no disable button; the real reason when asked anyway). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let admin: Client;
let adminId: string;
before(async () => {
  t = await testApp();
  admin = new Client(t);
  await admin.login('admin@demo.r1540.org');
  adminId = (await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'admin@demo.r1540.org').executeTakeFirstOrThrow())
    .id;
});
after(() => t.close());

test('the accounts page offers no disable button on one’s own row', async () => {
  const html = await (await admin.get('/en/admin/users')).text();
  assert.doesNotMatch(html, new RegExp(`/admin/users/${adminId}/disable`));
  assert.match(html, /your account/);
  assert.match(html, /\/admin\/users\/[0-9a-f-]{36}\/disable/, 'others’ rows keep theirs');
});

test('disabling one’s own account anyway says why, not "Someone else changed this record"', async () => {
  const res = await admin.post(`/en/admin/users/${adminId}/disable`, {});
  assert.equal(res.status, 409);
  const html = await res.text();
  assert.match(html, /You cannot disable your own account/);
  assert.doesNotMatch(html, /Someone else changed/);
});

test('disabling an account asks for confirmation first (a page with a form, no JavaScript)', async () => {
  const db = t.database.db;
  const other = await db
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('email', '=', 'expert@demo.r1540.org')
    .executeTakeFirstOrThrow();
  const res = await admin.post(`/en/admin/users/${other.id}/disable`, {});
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Disable the account expert@demo\.r1540\.org\?/);
  assert.match(html, /name="confirm" value="yes"/);
  const still = await db.selectFrom('app_user').select('disabled_at').where('id', '=', other.id).executeTakeFirstOrThrow();
  assert.equal(still.disabled_at, null, 'not disabled before confirmation');
  assert.equal((await admin.post(`/en/admin/users/${other.id}/disable`, { confirm: 'yes' })).status, 303);
  const now = await db.selectFrom('app_user').select('disabled_at').where('id', '=', other.id).executeTakeFirstOrThrow();
  assert.notEqual(now.disabled_at, null);
});
