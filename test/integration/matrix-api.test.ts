import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
/** A bearer token per account; `public` sends none. */
const tokens: Record<string, string> = {};
const law = [{ kind: 'law', citation: 'Loi n° 2016-08', locator: 'art. 3' }];

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; problem: string }[];
}
interface Cell {
  value: string;
  remarks: string;
  sources: { kind: string; citation: string }[];
  instrumentStatus: string | null;
  instrumentDate: string | null;
  rowVersion: number;
}
interface Version {
  id: string;
  number: number;
  status: string;
  template: string;
  demo: boolean;
  notice: string;
  cells: Record<string, Cell>;
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const name of ['expert', 'committee', 'secretariat', 'admin', 'poc.mli', 'provider']) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', `${name}@demo.r1540.org`).executeTakeFirstOrThrow();
    tokens[name] = (await createApiToken(db, systemActor, user.id, 'matrix api test')).token;
  }
  for (const [name, email, role, stateIso3] of [
    ['poc.fra', 'poc.fra@example.org', 'state-contact', 'FRA'],
    ['expert2', 'expert2@example.org', 'expert', null],
  ] as const) {
    const user = await addUser(db, systemActor, { email, displayName: name, role, stateIso3, password: 'a long enough password' });
    tokens[name] = (await createApiToken(db, systemActor, user.id, 'matrix api test')).token;
  }
});
after(() => t.close());

async function call(who: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; type: string }> {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${tokens[who]}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  const json: unknown = type.includes('json') ? await res.json() : await res.text();
  if (res.status >= 400) assert.match(type, /^application\/problem\+json/, `${method} ${path}: ${res.status} ${type}`);
  return { status: res.status, json, type };
}

async function expect<T>(status: number, who: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call(who, method, path, body);
  assert.equal(res.status, status, `${who} ${method} ${path}: ${JSON.stringify(res.json)}`);
  return res.json as T;
}

const move = (who: string, version: number, to: string) => call(who, 'POST', '/states/MLI/matrix/transitions', { version, to });

test('the whole workflow through the API, seen by each role', async () => {
  // Nothing yet: the same 404 for everyone.
  for (const who of ['public', 'poc.mli', 'expert']) await expect(404, who, 'GET', '/states/MLI/matrix');
  await expect(404, 'expert', 'GET', '/states/XXX/matrix');
  await expect(404, 'expert', 'GET', '/states/XXX/matrix/versions');

  // Only experts and admins start a draft. The public, with neither token nor session, is
  // stopped by the CSRF check before anything else.
  await expect(403, 'public', 'POST', '/states/MLI/matrix', {});
  for (const who of ['poc.mli', 'provider', 'committee', 'secretariat']) await expect(403, who, 'POST', '/states/MLI/matrix', {});
  await expect(404, 'expert', 'POST', '/states/MLI/matrix', { template: '1999' });
  const draft = await expect<Version>(201, 'expert', 'POST', '/states/MLI/matrix', { template: '2017' });
  assert.equal(draft.number, 1);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.template, '2017');
  assert.equal(draft.demo, false);
  assert.deepEqual(draft.cells, {});
  assert.match(draft.notice, /not a measure of compliance/);
  await expect(409, 'admin', 'POST', '/states/MLI/matrix', {});

  const saved = await expect<{ saved: number }>(200, 'expert', 'PATCH', '/states/MLI/matrix/cells', {
    version: 1,
    changes: [
      { field: 'OP2.MANUFACTURE.N.LF', expectedVersion: 0, value: 'X', sources: law },
      { field: 'OP1.NPT', expectedVersion: 0, value: 'X', sources: law, instrumentStatus: 'ratified', instrumentDate: '1970-02-10' },
    ],
  });
  assert.equal(saved.saved, 2);

  // The draft: hidden from the public, a provider and another State's point of contact; shown to
  // Mali's point of contact and the Committee side.
  for (const who of ['public', 'provider', 'poc.fra']) {
    const p = await expect<Problem>(404, who, 'GET', '/states/MLI/matrix');
    assert.doesNotMatch(p.detail, /draft/);
    assert.deepEqual((await expect<{ data: unknown[] }>(200, who, 'GET', '/states/MLI/matrix/versions')).data, []);
    await expect(404, who, 'GET', '/states/MLI/matrix/diff?from=1&to=1');
  }
  for (const who of ['poc.mli', 'expert', 'committee', 'secretariat', 'admin']) {
    const v = await expect<Version>(200, who, 'GET', '/states/MLI/matrix');
    assert.equal(v.status, 'draft');
    assert.equal(v.cells['OP1.NPT']?.instrumentStatus, 'ratified');
    assert.equal(v.cells['OP1.NPT']?.instrumentDate, '1970-02-10');
    assert.equal(v.cells['OP2.MANUFACTURE.N.LF']?.rowVersion, 1);
    assert.deepEqual(v.cells['OP2.MANUFACTURE.N.LF']?.sources, law);
  }

  // The steps, each by whom the workflow names.
  assert.equal((await move('poc.mli', 1, 'sent')).status, 403);
  assert.equal((await expect<Version>(200, 'expert', 'POST', '/states/MLI/matrix/transitions', { version: 1, to: 'sent' })).status, 'sent');
  assert.equal((await move('poc.fra', 1, 'commented')).status, 404, 'another State’s point of contact does not see it');
  assert.equal((await move('provider', 1, 'commented')).status, 404);
  assert.equal((await move('public', 1, 'commented')).status, 403);
  assert.equal(
    (await expect<Version>(200, 'poc.mli', 'POST', '/states/MLI/matrix/transitions', { version: 1, to: 'commented' })).status,
    'commented',
  );
  const cannot = (await move('expert', 1, 'approved')) as { status: number; json: Problem };
  assert.equal(cannot.status, 409);
  assert.match(cannot.json.detail, /cannot become approved/);
  assert.equal((await move('expert', 1, 'agreed')).status, 200);
  assert.equal((await move('expert', 1, 'approved')).status, 403);
  assert.equal((await move('secretariat', 1, 'approved')).status, 403);
  assert.equal((await move('expert', 2, 'approved')).status, 404, 'no version 2 yet');
  assert.equal((await move('committee', 1, 'approved')).status, 200);
  // Approved: never changes, and still not public.
  const frozen = await expect<Problem>(409, 'expert', 'PATCH', '/states/MLI/matrix/cells', {
    version: 1,
    changes: [{ field: 'OP2.USE.N.LF', expectedVersion: 0, value: 'NA' }],
  });
  assert.match(frozen.detail, /never changes/);
  await expect(404, 'public', 'GET', '/states/MLI/matrix');
  assert.equal((await move('committee', 1, 'published')).status, 403);
  const published = await expect<{ status: string; publishedAt: string }>(200, 'secretariat', 'POST', '/states/MLI/matrix/transitions', {
    version: 1,
    to: 'published',
  });
  assert.equal(published.status, 'published');
  assert.ok(published.publishedAt);

  // Published: everyone sees it.
  for (const who of ['public', 'provider', 'poc.fra']) {
    const v = await expect<Version>(200, who, 'GET', '/states/MLI/matrix');
    assert.equal(v.number, 1);
    assert.equal(v.status, 'published');
    assert.equal(v.cells['OP2.MANUFACTURE.N.LF']?.value, 'X');
  }

  // The next draft starts from the published version; the public keeps seeing the published one.
  const next = await expect<Version>(201, 'expert', 'POST', '/states/MLI/matrix', {});
  assert.equal(next.number, 2);
  assert.equal(Object.keys(next.cells).length, 2);
  await expect(200, 'expert', 'PATCH', '/states/MLI/matrix/cells', {
    version: 2,
    changes: [
      {
        field: 'OP2.MANUFACTURE.N.LF',
        expectedVersion: next.cells['OP2.MANUFACTURE.N.LF']!.rowVersion,
        value: '?',
        sources: law,
        remarks: 'incomplete',
      },
      { field: 'OP3d.CATCH-ALL.C.LF', expectedVersion: 0, value: 'NA' },
    ],
  });
  assert.equal((await expect<Version>(200, 'public', 'GET', '/states/MLI/matrix')).number, 1);
  assert.equal((await expect<Version>(200, 'poc.mli', 'GET', '/states/MLI/matrix')).number, 2);
  assert.equal((await expect<Version>(200, 'poc.fra', 'GET', '/states/MLI/matrix')).number, 1);
  const publicVersions = await expect<{ data: { number: number }[] }>(200, 'public', 'GET', '/states/MLI/matrix/versions');
  assert.deepEqual(
    publicVersions.data.map((v) => v.number),
    [1],
  );
  const versions = await expect<{ data: { number: number; status: string; template: string; approvedAt: string | null }[] }>(
    200,
    'expert',
    'GET',
    '/states/mli/matrix/versions',
  );
  assert.deepEqual(
    versions.data.map((v) => [v.number, v.status, v.template, v.approvedAt !== null]),
    [
      [2, 'draft', '2017', false],
      [1, 'published', '2017', true],
    ],
  );

  // The comparison, field by field, with the sources.
  const diff = await expect<{
    from: { number: number };
    to: { number: number };
    changes: { field: string; changed: string[]; from: Cell | null; to: Cell | null }[];
  }>(200, 'expert', 'GET', '/states/MLI/matrix/diff?from=1&to=2');
  assert.equal(diff.from.number, 1);
  assert.equal(diff.to.number, 2);
  assert.deepEqual(
    diff.changes.map((c) => [c.field, c.from?.value ?? null, c.to?.value ?? null, c.changed]),
    [
      ['OP2.MANUFACTURE.N.LF', 'X', '?', ['value', 'remarks']],
      ['OP3d.CATCH-ALL.C.LF', null, 'NA', ['value']],
    ],
  );
  assert.deepEqual(diff.changes[0]?.to?.sources, law);
  await expect(404, 'public', 'GET', '/states/MLI/matrix/diff?from=1&to=2');
  await expect(404, 'poc.fra', 'GET', '/states/MLI/matrix/diff?from=1&to=2');
  await expect(200, 'poc.mli', 'GET', '/states/MLI/matrix/diff?from=1&to=2');
  await expect(404, 'expert', 'GET', '/states/MLI/matrix/diff?from=1&to=9');
  const badQuery = await expect<Problem>(422, 'expert', 'GET', '/states/MLI/matrix/diff?from=one');
  assert.deepEqual(badQuery.errors?.map((e) => e.field).sort(), ['from', 'to']);

  // The template a matrix uses is locked.
  const template = await expect<{ locked: boolean }>(200, 'public', 'GET', '/matrix/templates/2017');
  assert.equal(template.locked, true);
});

test('a stale save is refused with the other change, and a bad one lists every problem', async () => {
  const draft = await expect<Version>(201, 'expert', 'POST', '/states/PER/matrix', {});
  await expect(200, 'expert', 'PATCH', '/states/PER/matrix/cells', {
    version: draft.number,
    changes: [{ field: 'OP3d.CATCH-ALL.C.LF', expectedVersion: 0, value: 'X', sources: law }],
  });
  const stale = await expect<Problem>(409, 'expert2', 'PATCH', '/states/PER/matrix/cells', {
    version: draft.number,
    changes: [
      { field: 'OP3d.CATCH-ALL.C.LF', expectedVersion: 0, value: 'NA' },
      { field: 'OP3d.TRANSIT.C.LF', expectedVersion: 0, value: 'NA' },
    ],
  });
  assert.match(stale.detail, /nothing was saved/);
  assert.equal(stale.errors?.length, 1);
  assert.equal(stale.errors?.[0]?.field, 'OP3d.CATCH-ALL.C.LF');
  assert.match(stale.errors?.[0]?.problem ?? '', /now "X", saved by Demo Expert/);

  const bad = await expect<Problem>(422, 'expert', 'PATCH', '/states/PER/matrix/cells', {
    version: draft.number,
    changes: [
      { field: 'OP9.NOTHING', expectedVersion: 0, value: 'X', sources: law },
      { field: 'OP2.USE.C.EN', expectedVersion: 0, value: 'Y' },
      { field: 'OP2.ACQUIRE.N.LF', expectedVersion: 0, value: 'X' },
      { field: 'OP3d.TRANSIT.C.LF', expectedVersion: 0, value: 'NA' },
    ],
  });
  assert.deepEqual(bad.errors?.map((e) => e.field).sort(), ['OP2.ACQUIRE.N.LF.sources', 'OP2.USE.C.EN.value', 'OP9.NOTHING']);
  const malformed = await expect<Problem>(422, 'expert', 'PATCH', '/states/PER/matrix/cells', {
    version: 'one',
    changes: [{ field: 'OP3d.TRANSIT.C.LF', value: 3 }],
  });
  assert.deepEqual(malformed.errors?.map((e) => e.field).sort(), ['changes[0].expectedVersion', 'changes[0].value', 'version']);
  const now = await expect<Version>(200, 'expert', 'GET', '/states/PER/matrix');
  assert.deepEqual(Object.keys(now.cells), ['OP3d.CATCH-ALL.C.LF'], 'nothing of the refused saves was written');
  assert.equal(now.cells['OP3d.CATCH-ALL.C.LF']?.value, 'X');

  // Who may change cells: the keepers of the matrix only.
  const change = { version: draft.number, changes: [{ field: 'OP3d.TRANSIT.C.LF', expectedVersion: 0, value: 'NA' }] };
  await expect(403, 'public', 'PATCH', '/states/PER/matrix/cells', change);
  await expect(404, 'poc.mli', 'PATCH', '/states/PER/matrix/cells', change);
  for (const who of ['committee', 'secretariat']) await expect(403, who, 'PATCH', '/states/PER/matrix/cells', change);
  await expect(404, 'expert', 'PATCH', '/states/PER/matrix/cells', { ...change, version: 7 });
  await expect(200, 'admin', 'PATCH', '/states/PER/matrix/cells', change);
});

test('with the session cookie, a change needs the CSRF header; an anonymous one is told to log in', async () => {
  const anonymous = new Client(t);
  await anonymous.get('/en/login');
  const refused = await anonymous.fetch('/api/v1/states/PER/matrix/cells', {
    method: 'PATCH',
    body: JSON.stringify({ nonsense: true }),
    headers: { 'content-type': 'application/json', 'x-csrf-token': anonymous.cookies.get('r1540_csrf') ?? '' },
  });
  assert.equal(refused.status, 401, 'before the body is read');
  await refused.body?.cancel();

  const client = new Client(t);
  await client.login('expert@demo.r1540.org');
  const body = JSON.stringify({ template: '2017' });
  const without = await client.fetch('/api/v1/states/CHL/matrix', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(without.status, 403);
  await without.body?.cancel();
  const withHeader = await client.fetch('/api/v1/states/CHL/matrix', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-csrf-token': client.cookies.get('r1540_csrf') ?? '' },
  });
  assert.equal(withHeader.status, 201);
  await withHeader.body?.cancel();
});

test('the routes are in the OpenAPI document', async () => {
  const doc = (await (await t.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  assert.ok(doc.paths['/states/{iso3}/matrix']?.get);
  assert.ok(doc.paths['/states/{iso3}/matrix']?.post);
  assert.ok(doc.paths['/states/{iso3}/matrix/versions']?.get);
  assert.ok(doc.paths['/states/{iso3}/matrix/diff']?.get);
  assert.ok(doc.paths['/states/{iso3}/matrix/cells']?.patch);
  assert.ok(doc.paths['/states/{iso3}/matrix/transitions']?.post);
});

test('a date that does not exist is a 422 naming the field, and nothing is written', async () => {
  // The version in the works (the first test leaves one; started here when run alone).
  const started = await call('expert', 'POST', '/states/MLI/matrix', {});
  assert.ok([201, 409].includes(started.status), JSON.stringify(started.json));
  const before = await expect<Version>(200, 'expert', 'GET', '/states/MLI/matrix');
  assert.equal(before.status, 'draft');
  const field = 'OP3d.TRANSIT.C.LF';
  const change = { field, expectedVersion: before.cells[field]?.rowVersion ?? 0, value: 'X', sources: law, infoDate: '2017-02-30' };
  const bad = await expect<Problem>(422, 'expert', 'PATCH', '/states/MLI/matrix/cells', { version: before.number, changes: [change] });
  assert.deepEqual(
    bad.errors?.map((e) => e.field),
    ['changes[0].infoDate'],
  );
  const both = await expect<Problem>(422, 'expert', 'PATCH', '/states/MLI/matrix/cells', {
    version: before.number,
    changes: [
      { field: 'OP3d.CATCH-ALL.C.LF', expectedVersion: 0, value: 'NA', instrumentDate: '2017-13-01' },
      { ...change, infoDate: null, instrumentDate: '2019-04-31' },
    ],
  });
  assert.deepEqual(both.errors?.map((e) => e.field).sort(), ['changes[0].instrumentDate', 'changes[1].instrumentDate']);
  const after = await expect<Version>(200, 'expert', 'GET', '/states/MLI/matrix');
  assert.deepEqual(after.cells, before.cells, 'nothing of the refused saves was written');
});
