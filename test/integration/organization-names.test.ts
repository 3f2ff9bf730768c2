import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedReference } from '../../src/app/seed.ts';
import { createLetter } from '../../src/features/correspondence/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const six = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

test('every shipped organization has its name in the six languages', async () => {
  const body = (await (await t.request('/api/v1/organizations')).json()) as { data: { code: string; names: Record<string, string> }[] };
  for (const o of body.data) for (const l of six) assert.ok(o.names[l], `${o.code} has no ${l} name`);
});

test('the Arabic and Chinese lists name organizations in their language, English marked as English', async () => {
  for (const l of ['ar', 'zh']) {
    const page = (await (await t.request(`/${l}/organizations`)).text()).replace(/<[^>]*>/g, ' ');
    for (const english of ['Monitoring Team', 'CISTEC', 'Global Partnership against', 'Centres of Excellence', 'Department of Political'])
      assert.doesNotMatch(page, new RegExp(english), `${english} on /${l}/organizations`);
  }
  const db = t.database.db;
  await db
    .updateTable('organization')
    .set({ names: JSON.stringify({ en: 'Only English Name' }), acronyms: JSON.stringify({ en: 'OEN' }) })
    .where('code', '=', 'GET')
    .execute();
  const page = await (await t.request('/ar/organizations')).text();
  assert.match(page, /<span lang="en" dir="ltr">Only English Name<\/span>/);
  assert.match(page, /<span lang="en" dir="ltr">OEN<\/span>/);
  // A later `r1540 seed` gives a stored organization the languages it lacks, keeping what is stored.
  await seedReference(db);
  const after = await db.selectFrom('organization').select(['names', 'version']).where('code', '=', 'GET').executeTakeFirstOrThrow();
  assert.equal(after.names.en, 'Only English Name');
  assert.equal(after.names.ar, 'الاتحاد العالمي لعلاج مسببات الأمراض الناشئة');
  assert.ok(after.names.zh);
});

test('a letter to the President of the Security Council names the recipient in the reader’s language', async () => {
  const letter = await createLetter(t.database.db, systemActor, {
    kind: 'letter',
    sentOn: '2018-12-28',
    senderKind: 'chair',
    recipientsMode: 'other',
    recipientOther: 'The President of the Security Council',
    subject: 'Annual review',
    confidentiality: 'public',
  });
  const ar = await (await t.request(`/ar/letters/${letter.id}`)).text();
  assert.doesNotMatch(ar, /The President of the Security Council/);
  assert.match(ar, /رئيس مجلس الأمن/);
  const zh = await (await t.request(`/zh/letters/${letter.id}`)).text();
  assert.match(zh, /安全理事会主席/);
  const fr = await (await t.request(`/fr/letters/${letter.id}`)).text();
  assert.match(fr, /Président du Conseil de sécurité/);
});
