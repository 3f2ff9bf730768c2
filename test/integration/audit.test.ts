import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { updateState } from '../../src/features/member-states/commands.ts';
import { findState } from '../../src/features/member-states/queries.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function auditCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the audit history', () => {
  test('is append-only in the database itself', async () => {
    const db = t.database.db;
    await assert.rejects(sql`update audit_event set actor_label = 'someone else'`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_event`.execute(db), /append-only/);
    await assert.rejects(sql`truncate audit_event`.execute(db), /append-only/);
    assert.ok((await auditCount()) > 193, 'the seed recorded its creations');
  });

  test('a change that fails halfway leaves nothing behind', async () => {
    const before = await findState(t.database.db, 'PER');
    const events = await auditCount();
    // An actor id that is not a uuid makes the audit insert fail after the State was updated.
    await assert.rejects(
      updateState(t.database.db, { id: 'not-a-uuid', label: 'broken' }, 'PER', before!.version, {
        names: { ...before!.names, en: 'Peru (half written)' },
        unMemberSince: before!.un_member_since,
        regionalGroup: before!.regional_group,
        organizations: before!.organizations,
        securityCouncilYears: before!.security_council_years,
      }),
    );
    const afterwards = await findState(t.database.db, 'PER');
    assert.equal(afterwards!.names.en, before!.names.en);
    assert.equal(afterwards!.version, before!.version);
    assert.equal(await auditCount(), events);
  });

  test('records who changed what, from what to what', async () => {
    const admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
    assert.equal((await admin.post('/en/organizations/OPCW/archive', { confirm: 'yes' })).status, 303);
    assert.equal((await admin.post('/en/organizations/OPCW/restore', {})).status, 303);
    const rows = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_type', '=', 'organization')
      .where('record_id', '=', 'OPCW')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['create', 'archive', 'restore'],
    );
    const archived = rows[1]!;
    assert.equal(archived.actor_label, 'Demo Administrator');
    assert.equal((archived.before as { archivedAt: unknown }).archivedAt, null);
    assert.notEqual((archived.after as { archivedAt: unknown }).archivedAt, null);
  });
});

describe('archiving', () => {
  test('an archived State leaves the lists, keeps its page, and comes back when restored', async () => {
    const admin = new Client(t);
    await admin.login('secretariat@demo.r1540.org');
    assert.equal((await admin.post('/en/states/TUV/archive', { confirm: 'yes' })).status, 303);
    const list = (await (await t.request('/api/v1/states')).json()) as { count: number };
    assert.equal(list.count, 192);
    const page = await admin.get('/en/states/TUV');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Archived on/);
    assert.equal((await admin.post('/en/states/TUV/restore', {})).status, 303);
    assert.equal(((await (await t.request('/api/v1/states')).json()) as { count: number }).count, 193);
  });
});

describe('the activity feed', () => {
  test('filters by user, record type and date, for experts', async () => {
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const admin = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'admin@demo.r1540.org')
      .executeTakeFirstOrThrow();
    const byAdmin = await (await expert.get(`/en/activity?user=${admin.id}`)).text();
    assert.match(byAdmin, /Demo Administrator/);
    assert.doesNotMatch(byAdmin, /<strong>system<\/strong>/);
    const token = await import('../../src/features/accounts/commands.ts').then((m) =>
      m.createApiToken(t.database.db, { id: null, label: 'test' }, admin.id, 'feed test'),
    );
    const api = await t.request('/api/v1/audit?type=organization&limit=2', {
      headers: { authorization: `Bearer ${token.token}` },
    });
    assert.equal(api.status, 200);
    const body = (await api.json()) as { data: { recordType: string }[]; next: string | null };
    assert.equal(body.data.length, 2);
    assert.ok(body.data.every((e) => e.recordType === 'organization'));
    assert.ok(body.next);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = (await (
      await t.request(`/api/v1/audit?from=${tomorrow}`, { headers: { authorization: `Bearer ${token.token}` } })
    ).json()) as { data: unknown[] };
    assert.equal(future.data.length, 0);
    // A day that does not exist, or an event id past any, is named (it was a 500 at the database).
    for (const query of ['from=2017-02-30', 'to=2018-13-01', 'before=123456789012345678901234567890']) {
      const bad = await t.request(`/api/v1/audit?${query}`, { headers: { authorization: `Bearer ${token.token}` } });
      assert.equal(bad.status, 422, query);
      const problem = (await bad.json()) as { errors: { field: string }[] };
      assert.equal(problem.errors[0]?.field, query.split('=')[0], query);
    }
    const page = await expert.get('/en/activity?from=2017-02-30&before=123456789012345678901234567890');
    assert.equal(page.status, 200, 'the page leaves a malformed filter out');
  });

  test('is closed to the public and to points of contact', async () => {
    assert.equal((await t.request('/en/activity')).status, 401);
    const poc = new Client(t);
    await poc.login('poc.mli@demo.r1540.org');
    assert.equal((await poc.get('/en/activity')).status, 403);
  });
});
