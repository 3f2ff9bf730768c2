import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { seedDemoContacts } from '../../src/features/contacts/demo.ts';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { exportBundle } from '../../src/platform/bundle/bundle.ts';
import { type TestApp, testApp } from '../support/app.ts';
import type { CliRun } from '../support/cli.ts';
import { cliExport, cliOnDatabase } from '../support/cli-snapshot.ts';

// `r1540 export --as <email>`, the bundle through the command line, as every kind of reader:
// markers planted in restricted records of every kind a reader may be kept from (points of
// contact, letters, documents) appear only where the reader may see them, and what the command
// prints is what the bundle export gives that reader in process (whose sections the other marker
// and bundle tests hold to the API's presenters). The requests for assistance have their own
// sweep (assistance-markers.test.ts), which reads this door too.

type Who = 'public' | 'poc' | 'pocNer' | 'provider' | 'expert' | 'committee' | 'secretariat' | 'admin';
const emails: Record<Exclude<Who, 'public'>, string> = {
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner.export@example.org',
  provider: 'provider@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  admin: 'admin@demo.r1540.org',
};
const committeeSide: Who[] = ['expert', 'committee', 'secretariat', 'admin'];

/** Each marker, and who may meet it. */
const markers: Record<string, Who[]> = {
  MKPOCMLINAME: ['poc', ...committeeSide],
  'mkpocmli@example.org': ['poc', ...committeeSide],
  MKPOCMLIPHONE: ['poc', ...committeeSide],
  MKPOCNERNAME: ['pocNer', ...committeeSide],
  'mkpocner@example.org': ['pocNer', ...committeeSide],
  MKLETTERCOMMITTEE: committeeSide,
  MKLETTERMLI: ['poc', ...committeeSide],
  MKLETTERNER: ['pocNer', ...committeeSide],
  MKDOCCOMMITTEE: committeeSide,
  MKDOCMLI: ['poc', ...committeeSide],
};

let t: TestApp;
let dir = '';
let r1540: (args: string[]) => Promise<CliRun>;
let secretariat = '';

async function post(path: string, body: BodyInit, json = true): Promise<void> {
  const res = await t.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretariat}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body,
  });
  assert.equal(res.status, 201, `${path}: ${await res.text()}`);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1540-export-markers-'));
  t = await testApp({ filesDir: join(dir, 'files') });
  const db = t.database.db;
  await seedDemoReports(db);
  await seedDemoContacts(db);
  await seedDemoEngagement(db);
  await seedDemoCorrespondence(db);
  await addUser(db, systemActor, {
    email: emails.pocNer,
    displayName: 'Point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'a long enough password 1540',
  } as Parameters<typeof addUser>[2]);
  const user = await db.selectFrom('app_user').select('id').where('email', '=', emails.secretariat).executeTakeFirstOrThrow();
  secretariat = (await createApiToken(db, systemActor, user.id, 'export')).token;

  const contact = (name: string, email: string, phone: string) =>
    JSON.stringify({ location: 'capital', name, email, phone, designatedOn: '2018-01-01' });
  await post('/api/v1/states/MLI/contacts', contact('MKPOCMLINAME', 'mkpocmli@example.org', '+223 MKPOCMLIPHONE'));
  await post('/api/v1/states/NER/contacts', contact('MKPOCNERNAME', 'mkpocner@example.org', '+227 20 00 00 00'));
  const letter = (subject: string, confidentiality: string, state: string) =>
    JSON.stringify({
      kind: 'letter',
      sentOn: '2018-05-15',
      sender: { kind: 'chair' },
      recipients: { mode: 'state', states: [state] },
      subject,
      confidentiality,
    });
  await post('/api/v1/letters', letter('MKLETTERCOMMITTEE', 'committee', 'MLI'));
  await post('/api/v1/letters', letter('MKLETTERMLI', 'committee-and-state', 'MLI'));
  await post('/api/v1/letters', letter('MKLETTERNER', 'committee-and-state', 'NER'));
  const document = (title: string, confidentiality: string, state: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title, language: 'en', kind: 'other', state, confidentiality })) form.append(k, v);
    form.append('file', new File([new TextEncoder().encode(`${title} text`)], 'note.txt', { type: 'text/plain' }));
    return form;
  };
  await post('/api/v1/documents', document('MKDOCCOMMITTEE', 'committee', ''), false);
  await post('/api/v1/documents', document('MKDOCMLI', 'committee-and-state', 'MLI'), false);
  r1540 = await cliOnDatabase(t.database, dir);
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const who of ['public', 'poc', 'pocNer', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as Who[])
  test(`r1540 export${who === 'public' ? '' : ` --as ${who}`}: the markers it may see and no other, and the bundle it gets in process`, async () => {
    const printed = await cliExport(r1540, who === 'public' ? null : emails[who]);
    const wrong = Object.entries(markers)
      .filter(([text, readers]) => printed.includes(text) !== readers.includes(who))
      .map(([text, readers]) => `${text} ${readers.includes(who) ? 'missing' : 'leaked'}`);
    assert.deepEqual(wrong, []);
    const viewer =
      who === 'public'
        ? null
        : viewerOf(await t.database.db.selectFrom('app_user').selectAll().where('email', '=', emails[who]).executeTakeFirstOrThrow());
    const { exportedAt: _printedAt, ...fromCli } = JSON.parse(printed) as Record<string, unknown>;
    const { exportedAt: _at, ...inProcess } = JSON.parse(JSON.stringify(await exportBundle(t.database.db, viewer))) as Record<
      string,
      unknown
    >;
    assert.deepEqual(fromCli, inProcess);
  });
