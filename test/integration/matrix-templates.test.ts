import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

interface Template {
  version: string;
  locked: boolean;
  fieldCount: number;
  basedOn: string | null;
  sections: { code: string }[];
  fields: { code: string; paragraph: string }[];
}

test('the 2017 template is shipped, fixed, and served whole', async () => {
  const list = (await (await t.request('/api/v1/matrix/templates')).json()) as { data: Template[] };
  const summary = list.data.find((x) => x.version === '2017');
  assert.ok(summary);
  assert.equal(summary.locked, true);
  assert.ok(summary.fieldCount >= 300 && summary.fieldCount <= 450, `${summary.fieldCount} fields`);
  const full = (await (await t.request('/api/v1/matrix/templates/2017')).json()) as Template;
  assert.deepEqual(
    full.sections.map((s) => s.code),
    ['OP1', 'OP2', 'OP3a', 'OP3b', 'OP3c', 'OP3d'],
  );
  assert.equal(full.fields.length, summary.fieldCount);
  assert.equal((await t.request('/api/v1/matrix/templates/1999')).status, 404);
});

test('the template page shows the sections and fields in the reader’s language', async () => {
  const zh = await (await t.request('/zh/matrix/templates/2017')).text();
  assert.match(zh, /<html lang="zh"/);
  assert.match(zh, /OP2\.MANUFACTURE\.N\.LF/);
  assert.match(zh, /国家法律框架/);
  const ar = await (await t.request('/ar/matrix/templates/2017')).text();
  assert.match(ar, /dir="rtl"/);
  assert.match(ar, /الإطار القانوني الوطني/);
});

test('a fixed template cannot be changed or deleted, even by SQL', async () => {
  const db = t.database.db;
  await assert.rejects(
    sql`update matrix_template set definition = '{"sections":[],"rows":[],"fields":[]}' where version = '2017'`.execute(db),
    /locked/,
  );
  await assert.rejects(sql`update matrix_template set locked_at = null where version = '2017'`.execute(db), /locked/);
  await assert.rejects(sql`delete from matrix_template where version = '2017'`.execute(db), /never deleted/);
  // Archiving, or a new title, is still possible: they do not change what the fields mean.
  await sql`update matrix_template set updated_at = now() where version = '2017'`.execute(db);
});

test('an administrator copies a template to a new version to edit; others may not', async () => {
  const admin = new Client(t);
  await admin.login('admin@demo.r1540.org');
  const created = await admin.post('/en/matrix/templates', { from: '2017', version: '2025-draft' });
  assert.equal(created.status, 303);
  assert.equal(created.headers.get('location'), '/en/matrix/templates/2025-draft');
  const copy = (await (await t.request('/api/v1/matrix/templates/2025-draft')).json()) as Template;
  assert.equal(copy.locked, false);
  assert.equal(copy.basedOn, '2017');
  assert.equal(copy.fieldCount, ((await (await t.request('/api/v1/matrix/templates/2017')).json()) as Template).fieldCount);
  // The copy is a draft: its definition may still change.
  await sql`update matrix_template set definition = definition where version = '2025-draft'`.execute(t.database.db);

  const again = await admin.post('/en/matrix/templates', { from: '2017', version: '2025-draft' });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /exists already/);
  const bad = await admin.post('/en/matrix/templates', { from: '2017', version: '../x' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /version/);

  const history = await (await admin.get('/en/matrix/templates/2025-draft/history')).text();
  assert.match(history, /Demo Administrator/);

  const expert = new Client(t);
  await expert.login('expert@demo.r1540.org');
  assert.equal((await expert.post('/en/matrix/templates', { from: '2017', version: 'x1' })).status, 403);
});
