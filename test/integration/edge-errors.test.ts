// Engines: both (the database's errors, mapped at the edge)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, testApp } from '../support/app.ts';

// What the database refuses reaches the reader as a problem in words (422 or 409), never a 500,
// and neither the SQL nor a stored value is repeated. Probe routes run the statements that fail
// (the tables they make are rolled back with the failing statement's transaction).

let t: TestApp;
before(async () => {
  t = await testApp();
  const probe = (name: string, statement: () => Promise<unknown>) => {
    t.server.post(`/api/v1/probe/${name}`, async (c) => c.json(await statement()));
    t.server.post(`/en/probe/${name}`, async (c) => c.json(await statement()));
  };
  const db = t.database.db;
  probe('date', () => sql`select ${'2017-02-30'}::date`.execute(db));
  probe('number', () => sql`select ${'12abc'}::integer`.execute(db));
  probe('range', () => sql`select ${'99999999999'}::integer`.execute(db));
  probe('null-byte', () => sql`select ${'a\u0000b'}::text`.execute(db));
  probe('unique', () =>
    db.transaction().execute(async (trx) => {
      const one = await trx.selectFrom('app_user').select(['email']).where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow();
      await sql`create table probe_unique (email text unique)`.execute(trx);
      await sql`insert into probe_unique values (${one.email}), (${one.email})`.execute(trx);
    }),
  );
  probe('reference', () =>
    db.transaction().execute(async (trx) => {
      await sql`create table probe_ref (state_iso3 char(3) references member_state (iso3))`.execute(trx);
      await sql`insert into probe_ref values (${'ZZZ'})`.execute(trx);
    }),
  );
  probe('check', () =>
    db.transaction().execute(async (trx) => {
      await sql`create table probe_check (starts_on date, ends_on date, constraint probe_check_ends_on_check check (ends_on >= starts_on))`.execute(
        trx,
      );
      await sql`insert into probe_check values (${'2020-01-02'}, ${'2020-01-01'})`.execute(trx);
    }),
  );
  probe('server', () => sql`select * from no_such_table`.execute(db));
});
after(() => t.close());

// A script's POST: the CSRF cookie and the same token in its header.
const csrf = { 'x-csrf-token': 'x'.repeat(40), cookie: `r1540_csrf=${'x'.repeat(40)}` };

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; problem: string }[];
}

const cases: [string, number, string[], RegExp][] = [
  ['date', 422, ['(request)'], /not a valid date/],
  ['number', 422, ['(request)'], /not a number/],
  ['range', 422, ['(request)'], /out of range/],
  ['null-byte', 422, ['(request)'], /null byte/],
  ['unique', 409, ['email'], /same email already exists/],
  ['reference', 422, ['stateIso3'], /refers to a record that does not exist/],
  ['check', 422, ['endsOn'], /not allowed by the rules/],
];

for (const [name, status, fields, text] of cases) {
  test(`the database refuses ${name}: ${status} as problem JSON, naming ${fields.join(', ')}`, async () => {
    const res = await t.request(`/api/v1/probe/${name}`, { method: 'POST', headers: csrf });
    assert.equal(res.status, status);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = (await res.json()) as Problem;
    assert.equal(body.status, status);
    assert.deepEqual(
      body.errors?.map((e) => e.field),
      fields,
    );
    assert.match(body.detail, text);
    const said = JSON.stringify(body);
    for (const leak of ['2017-02-30', '12abc', '99999999999', 'ZZZ', 'expert@demo', 'select', 'constraint', 'probe_']) {
      assert.ok(!said.includes(leak), `${said} repeats ${leak}`);
    }
  });
}

test('a page that the database refuses shows the problem in words, with the field', async () => {
  const res = await t.request('/en/probe/date', { method: 'POST', headers: csrf });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<code>\(request\)<\/code>: is not a valid date/);
  assert.doesNotMatch(html, /2017-02-30/);
});

test('an error of the server’s own stays a 500, without its SQL', async () => {
  const res = await t.request('/api/v1/probe/server', { method: 'POST', headers: csrf });
  assert.equal(res.status, 500);
  assert.doesNotMatch(await res.text(), /no_such_table/);
});
