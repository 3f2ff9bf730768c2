// Engines: both (appointments' overlap rule is a gist exclusion on a date range: it must hold on PGlite as on PostgreSQL)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/record.ts';
import { createAppointment, createContribution, createDonor, createGrant } from '../../src/features/administration/commands.ts';
import { seedDemoAdministration } from '../../src/features/administration/demo.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  assert.deepEqual(await seedDemoAdministration(t.database.db), { appointments: 13, donors: 8, grants: 8 });
});
after(() => t.close());

const count = async (table: 'appointment' | 'trust_fund_donor' | 'trust_fund_contribution' | 'trust_fund_grant') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A refused write: 422 naming the field, and nothing written. */
async function refused(write: () => Promise<unknown>, field: string, pattern: RegExp) {
  const before = await Promise.all([
    count('appointment'),
    count('trust_fund_donor'),
    count('trust_fund_contribution'),
    count('trust_fund_grant'),
  ]);
  await assert.rejects(write, (err: { code?: string; fields?: { field: string; problem: string }[] }) => {
    assert.equal(err.code, 'validation');
    const p = err.fields?.find((f) => f.field === field);
    assert.ok(p, `a problem naming ${field}: ${JSON.stringify(err.fields)}`);
    assert.match(p.problem, pattern);
    return true;
  });
  const after = await Promise.all([
    count('appointment'),
    count('trust_fund_donor'),
    count('trust_fund_contribution'),
    count('trust_fund_grant'),
  ]);
  assert.deepEqual(after, before);
}

describe('administration: the write core', () => {
  test('bad input: overlapping Chair periods, an unknown State, an appointment ending before it starts', async () => {
    await refused(
      () =>
        createAppointment(t.database.db, systemActor, {
          role: 'chair',
          personName: 'Someone',
          stateIso3: 'FRA',
          startsOn: '2018-06-01',
          endsOn: '2019-06-30',
        }),
      'startsOn',
      /overlaps that of another Chair \(Sacha Sergio Llorentty Solíz/,
    );
    await refused(
      () =>
        createAppointment(t.database.db, systemActor, { role: 'expert', personName: 'Someone', stateIso3: 'XYZ', startsOn: '2018-06-01' }),
      'stateIso3',
      /XYZ: not a Member State/,
    );
    await refused(
      () =>
        createAppointment(t.database.db, systemActor, {
          role: 'expert',
          personName: 'Someone',
          stateIso3: 'FRA',
          startsOn: '2018-06-01',
          endsOn: '2018-05-31',
        }),
      'endsOn',
      /is before the start \(2018-06-01\)/,
    );
    await refused(
      () => createDonor(t.database.db, systemActor, { donorKind: 'organization', organizationCode: 'NOPE' }),
      'organizationCode',
      /not a known organization/,
    );
    await refused(() => createDonor(t.database.db, systemActor, { donorKind: 'state', stateIso3: 'DEU' }), 'stateIso3', /already a donor/);
    // The database refuses an overlap too (two writers at once): the exclusion constraint.
    await assert.rejects(
      t.database.db
        .insertInto('appointment')
        .values({ role: 'chair', person_name: 'Twin', state_iso3: 'FRA', starts_on: '2018-12-31', ends_on: null, source: 'entered' })
        .execute(),
      /appointment_one_chair__starts_on/,
    );
    // A Chair after the demonstration one is accepted, the day after its term.
    const next = await createAppointment(t.database.db, systemActor, {
      role: 'chair',
      personName: 'Next Chair',
      stateIso3: 'IDN',
      startsOn: '2019-01-01',
    });
    assert.equal(next.role, 'chair');
  });

  test('a grant is used in or after the year of its contribution', async () => {
    const donor = await createDonor(t.database.db, systemActor, { donorKind: 'state', stateIso3: 'JPN' });
    const c = await createContribution(t.database.db, systemActor, { donorId: donor.id, year: 2019, amount: '1000.50', currency: 'usd' });
    assert.equal(Number(c.amount), 1000.5);
    assert.equal(c.currency, 'USD');
    await refused(
      () => createGrant(t.database.db, systemActor, { contributionId: c.id, usedInYear: 2018, purpose: 'Too early' }),
      'usedInYear',
      /before the year of the contribution \(2019\)/,
    );
    await refused(
      () => createContribution(t.database.db, systemActor, { donorId: donor.id, year: 2019, amount: 5 }),
      'currency',
      /is required with an amount/,
    );
  });
});

describe('administration: the pages', () => {
  test('the people page: public in part, in six languages; the trust fund the Committee side’s only', async () => {
    const res = await t.request('/en/committee/people?year=2018&date=2018-12-28');
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const name of [
      'Edith Valles',
      'Hongliu Zhang',
      'Kiwako Tanaka',
      'Michiel Combrink',
      'Scott Spence',
      'Jonathan Brewer',
      'Raphael Prenat',
    ])
      assert.ok(html.includes(name), name);
    assert.match(html, /6 experts were appointed in 2018/);
    assert.match(html, /Chair on December 28, 2018: Sacha Sergio Llorentty Solíz \(Bolivia/);
    for (const lang of ['fr', 'es', 'ru', 'zh', 'ar']) assert.equal((await t.request(`/${lang}/committee/people`)).status, 200, lang);
    assert.match(await (await t.request('/zh/committee/people?year=2018')).text(), /2018年任命了 6 名专家/);
    assert.equal((await t.request('/en/committee/trust-fund')).status, 401);
    assert.equal((await t.request('/en/committee/people?year=20')).status, 400);
  });
});
