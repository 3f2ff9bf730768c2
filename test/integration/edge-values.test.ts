import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { exportBundle, validateBundle } from '../../src/platform/bundle/bundle.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// The values that once answered 500, each now a 4xx naming its field: a NUL byte in any text (a
// JSON body, a form, a file name, a query), a lone surrogate in a text kept as jsonb (every audit
// event is), the year 0 and a day that does not exist in dates and filters, an id over bigint, a
// JSON write sent as a form (415), and a bundle with a NUL or the year 0 (named by record and field).

let t: TestApp;
let token = '';
let secretariat: Client;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await seedDemoReports(db);
  await seedDemoCorrespondence(db);
  const user = await db.selectFrom('app_user').select('id').where('email', '=', 'secretariat@demo.r1540.org').executeTakeFirstOrThrow();
  token = (await createApiToken(db, { id: null, label: 'test' }, user.id, 'edge')).token;
  secretariat = new Client(t);
  await secretariat.login('secretariat@demo.r1540.org');
});
after(() => t.close());

interface Problem {
  status: number;
  errors?: { field: string; problem: string }[];
}

async function refused(res: Response, status: number, field: string, problem: RegExp, what: string): Promise<void> {
  const text = await res.text();
  assert.equal(res.status, status, `${what}: ${res.status} ${text.slice(0, 300)}`);
  if (/json/.test(res.headers.get('content-type') ?? '')) {
    const body = JSON.parse(text) as Problem;
    const named = body.errors?.find((e) => e.field === field);
    assert.ok(named, `${what}: the field ${field} is named (${JSON.stringify(body.errors)})`);
    assert.match(named.problem, problem, what);
  } else {
    assert.match(text, new RegExp(`<code>${field.replace(/[.[\]]/g, '\\$&')}</code>`), `${what}: the page names ${field}`);
    assert.match(text, problem, what);
  }
}

const letter = (subject: string, sentOn = '2018-05-15') => ({
  kind: 'letter',
  sentOn,
  sender: { kind: 'chair' },
  recipients: { mode: 'state', states: ['MLI'] },
  subject,
  confidentiality: 'public',
});

const api = (path: string, init: RequestInit = {}) =>
  t.request(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
const postJson = (path: string, body: unknown) =>
  api(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

test('a NUL byte in a query is a 422 naming the parameter', async () => {
  await refused(await t.request('/api/v1/states?q=%00'), 422, 'q', /null character/, 'GET /api/v1/states?q=%00');
  await refused(await t.request('/api/v1/letters?state=ML%00'), 422, 'state', /null character/, 'GET /api/v1/letters?state=ML%00');
  await refused(await t.request('/en/states?q=a%00b'), 422, 'q', /null character/, 'GET /en/states?q=a%00b');
});

test('a NUL byte or a lone surrogate in a JSON body is a 422 naming the field, and nothing is written', async () => {
  const before = await t.database.db
    .selectFrom('letter')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  await refused(await postJson('/api/v1/letters', letter('a\u0000b')), 422, 'subject', /null character/, 'a NUL in a subject');
  // JSON.stringify writes a lone surrogate as the escape \ud800, which PostgreSQL refuses in jsonb.
  await refused(await postJson('/api/v1/letters', letter('x\uD800y')), 422, 'subject', /lone surrogate/, 'a lone surrogate');
  await refused(
    await postJson('/api/v1/letters', { ...letter('ok'), recipients: { mode: 'state', states: ['ML\u0000'] } }),
    422,
    'recipients.states[0]',
    /null character/,
    'a NUL in a list',
  );
  const after = await t.database.db
    .selectFrom('letter')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
});

test('a NUL byte in a form post and in a multipart file name is a 422 naming the field', async () => {
  const form = {
    kind: 'letter',
    sentOn: '2018-05-16',
    senderKind: 'chair',
    recipientsMode: 'state',
    recipients: 'MLI',
    subject: 'a\u0000b',
    confidentiality: 'public',
  };
  await refused(await secretariat.post('/en/letters/new', form), 422, 'subject', /null character/, 'a form post');
  const upload = new FormData();
  upload.append('title', 'A document');
  upload.append('language', 'en');
  upload.append('kind', 'other');
  upload.append('confidentiality', 'public');
  upload.append('file', new File([new TextEncoder().encode('%PDF-1.4')], 'a\u0000b.pdf', { type: 'application/pdf' }));
  await refused(await api('/api/v1/documents', { method: 'POST', body: upload }), 422, 'file', /file name .*null character/, 'a file name');
});

test('the year 0 and a day that does not exist are 422s naming the date or filter', async () => {
  await refused(await postJson('/api/v1/letters', letter('Year 0', '0000-01-01')), 422, 'sentOn', /date/, 'sentOn 0000-01-01');
  for (const [path, field] of [
    ['/api/v1/letters?from=0000-01-01', 'from'],
    ['/api/v1/assistance/requests?from=2018-02-30', 'from'],
    ['/api/v1/assistance/requests?to=0000-01-01', 'to'],
    ['/api/v1/audit?to=0000-01-01', 'to'],
    ['/api/v1/reports?from=0000-01-01', 'from'],
  ] as const)
    await refused(await api(path), 422, field, /date/, `GET ${path}`);
});

test('an id over bigint is a 422 naming the parameter', async () => {
  await refused(await api('/api/v1/audit?before=99999999999999999999'), 422, 'before', /event id/, 'before over bigint');
});

test('a JSON write sent as a form (curl -d), as text or with no content type is a 415', async () => {
  for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
    const res = await api('/api/v1/letters', {
      method: 'POST',
      body: JSON.stringify(letter('Sent as a form')),
      headers: { 'content-type': type },
    });
    const body = (await res.json()) as Problem & { type: string };
    assert.equal(res.status, 415, `${type}: ${JSON.stringify(body)}`);
    assert.equal(body.type, 'urn:r1540:problem:unsupported-media-type');
  }
  // No content type at all (bytes, as some clients send them).
  const bare = await api('/api/v1/letters', { method: 'POST', body: new TextEncoder().encode(JSON.stringify(letter('Sent bare'))) });
  assert.equal(bare.status, 415, await bare.text());
});

test('a bundle with a NUL byte, a lone surrogate or the year 0 is refused naming the record and the field', async () => {
  const bundle = await exportBundle(t.database.db, null);
  const letters = structuredClone(bundle.sections.letters as Record<string, unknown>[]);
  assert.ok(letters.length >= 2, 'the demonstration has public letters');
  letters[0] = { ...letters[0], subject: 'a\u0000b' };
  letters[1] = { ...letters[1], sentOn: '0000-01-01', summary: 'x\uDC00' };
  const { problems } = await validateBundle({ ...bundle, sections: { ...bundle.sections, letters } }, t.database.db);
  const named = (field: string) => problems.find((p) => p.field === field);
  assert.match(named('sections.letters[0].subject')?.problem ?? '', /null character/, JSON.stringify(problems));
  assert.match(named('sections.letters[1].sentOn')?.problem ?? '', /date/, JSON.stringify(problems));
  assert.match(named('sections.letters[1].summary')?.problem ?? '', /lone surrogate/, JSON.stringify(problems));
});
