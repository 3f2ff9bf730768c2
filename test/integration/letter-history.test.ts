// A history shows a record before and after each change: a State's point of contact must not see,
// through it, an earlier version that was the Committee's only, or another State's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/record.ts';
import { createLetter, updateLetter } from '../../src/features/correspondence/commands.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let poc: Client;
before(async () => {
  t = await testApp();
  poc = new Client(t);
  await poc.login('poc.mli@demo.r1540.org');
});
after(async () => t.close());

const base = { kind: 'letter', sentOn: '2018-05-15', senderKind: 'chair', recipientsMode: 'state', recipients: ['MLI'] };

test('committee-only version of a letter is not shown to the State after it is shared', async () => {
  const db = t.database.db;
  const l = await createLetter(db, systemActor, {
    ...base,
    subject: 'COMMITTEE-ONLY-SUBJECT',
    summary: 'internal deliberation',
    confidentiality: 'committee',
  });
  await updateLetter(db, systemActor, l.id, l.row_version, {
    ...base,
    subject: 'Shared subject',
    summary: 'shared',
    confidentiality: 'committee-and-state',
  });
  const res = await poc.get(`/en/letters/${l.id}/history`);
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.ok(!html.includes('COMMITTEE-ONLY-SUBJECT'), 'the history shows the committee-only subject to the point of contact of Mali');
});

test("another State's letter is not shown after the letter is readdressed", async () => {
  const db = t.database.db;
  const l = await createLetter(db, systemActor, {
    ...base,
    recipients: ['NER'],
    subject: 'NIGER-ONLY-SUBJECT',
    confidentiality: 'committee-and-state',
  });
  await updateLetter(db, systemActor, l.id, l.row_version, { ...base, subject: 'To Mali now', confidentiality: 'committee-and-state' });
  const html = await (await poc.get(`/en/letters/${l.id}/history`)).text();
  assert.ok(!html.includes('NIGER-ONLY-SUBJECT'), "Mali's point of contact sees Niger's letter in the history");
});
