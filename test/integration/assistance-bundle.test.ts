import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { type Bundle, bundleFormat, bundleFormatVersion, exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import type { OfferRecord, RequestRecord } from '../../src/features/assistance/bundle.ts';
import { addMatch, moveMatch } from '../../src/features/assistance/matching/commands.ts';
import { setOfferArchived } from '../../src/features/assistance/offers/commands.ts';
import { updateRequest } from '../../src/features/assistance/requests/commands.ts';
import { seedDemoAssistance } from '../../src/features/assistance/demo.ts';
import { itemsOf } from '../../src/features/assistance/queries.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

let source: Database;
let target: Database;
let bundle: Bundle;
const v = (role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id: '00000000-0000-0000-0000-000000000000',
  email: `${role}@t`,
  displayName: role,
  role,
  stateIso3: null,
  organizationCode: null,
  ...extra,
});

async function admin(db: Kysely<DB>): Promise<Viewer> {
  return viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', 'admin@demo.r1540.org').executeTakeFirstOrThrow());
}
const offersOf = (b: Bundle) => b.sections['assistance-offers'] as OfferRecord[];
const requestsOf = (b: Bundle) => b.sections['assistance-requests'] as RequestRecord[];
const only = (b: Bundle): Bundle => ({ ...b, sections: { 'assistance-offers': offersOf(b), 'assistance-requests': requestsOf(b) } });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

async function counts(db: Kysely<DB>): Promise<number[]> {
  const n = async (
    table:
      | 'assistance_request'
      | 'assistance_request_item'
      | 'assistance_step'
      | 'assistance_offer'
      | 'assistance_response'
      | 'assistance_circulation'
      | 'assistance_match'
      | 'audit_event',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return Promise.all(
    (
      [
        'assistance_request',
        'assistance_request_item',
        'assistance_step',
        'assistance_offer',
        'assistance_response',
        'assistance_circulation',
        'assistance_match',
        'audit_event',
      ] as const
    ).map(n),
  );
}

before(async () => {
  source = await freshDatabase();
  target = await freshDatabase();
  const db = source.db;
  await seedDemoAssistance(db);
  const a = await admin(db);
  const actor = actorOf(a);
  // A match delivered, an item removed, an offer archived: every kind of record the sections carry.
  const iraq = (await db.selectFrom('assistance_request').selectAll().where('state_iso3', '=', 'IRQ').executeTakeFirstOrThrow()).id;
  const border = (await itemsOf(db, [iraq])).find((i) => i.areas.includes('border-control'))!;
  const wco = (
    await db.selectFrom('assistance_offer').select('id').where('provider_organization_code', '=', 'WCO').executeTakeFirstOrThrow()
  ).id;
  let match = await addMatch(db, actor, { itemId: border.id, offerId: wco, note: 'From the response of WCO' });
  for (const to of ['proposed', 'accepted', 'under-way', 'delivered'])
    match = await moveMatch(db, actor, match.id, {
      to,
      expectedVersion: match.row_version,
      providerFeedback: to === 'delivered' ? 'Two courses held' : undefined,
    });
  const guy = await db.selectFrom('assistance_request').selectAll().where('state_iso3', '=', 'GUY').executeTakeFirstOrThrow();
  const [item] = await itemsOf(db, [guy.id]);
  await updateRequest(db, actor, a, guy.id, guy.row_version, {
    stateIso3: 'GUY',
    receivedOn: guy.received_on,
    channel: guy.channel,
    consentSummary: true,
    summary: guy.summary,
    items: [{ description: 'A new need', areas: ['legislation'] }],
  });
  assert.ok(item);
  const blr = await db.selectFrom('assistance_offer').selectAll().where('provider_state_iso3', '=', 'BLR').executeTakeFirstOrThrow();
  await setOfferArchived(db, actor, a, blr.id, blr.row_version, true);
  bundle = await exportBundle(db, a);
});
after(async () => {
  await source.close();
  await target.close();
});

describe('export', () => {
  test('the Committee side exports every request with its items, steps, circulation, responses and matches', () => {
    const requests = requestsOf(bundle);
    assert.equal(requests.length, 15);
    const iraq = requests.find((r) => r.state === 'IRQ')!;
    assert.deepEqual(iraq.responses.map((r) => r.provider).sort(), [
      'organization:INTERPOL',
      'organization:NSG',
      'organization:WCO',
      'organization:WHO',
      'organization:WOAH',
    ]);
    assert.equal(iraq.circulation.length, 5);
    assert.ok(iraq.steps.some((s) => s.action === 'forward'));
    assert.equal(iraq.matches.length, 1);
    assert.equal(iraq.matches[0]!.status, 'delivered');
    const guy = requests.find((r) => r.state === 'GUY')!;
    assert.deepEqual(guy.items.map((i) => i.removed).sort(), [false, true], 'an item left out of an update is kept, marked removed');
    assert.ok(offersOf(bundle).some((o) => o.archived && o.provider === 'state:BLR'));
  });

  test('each viewer exports only what it may see: the public no request; a State its own; a provider its part', async () => {
    const pub = await exportBundle(source.db, null);
    assert.deepEqual(requestsOf(pub), []);
    assert.equal(offersOf(pub).length, offersOf(bundle).length, 'every demonstration offer is public');
    const mli = await exportBundle(source.db, v('state-contact', { stateIso3: 'MLI' }));
    assert.deepEqual(
      requestsOf(mli).map((r) => r.state),
      ['MLI'],
    );
    assert.ok(requestsOf(mli)[0]!.steps.length > 1);
    const wco = await exportBundle(source.db, v('provider', { organizationCode: 'WCO' }));
    const seen = requestsOf(wco);
    assert.ok(
      seen.length >= 5 && seen.every((r) => r.circulation.length === 1 && r.circulation[0]!.provider === 'organization:WCO'),
      'circulated to WCO, and only its own circulation',
    );
    assert.ok(!seen.some((r) => r.state === 'PER'), 'Peru’s request was not circulated to WCO');
    assert.ok(seen.every((r) => r.steps.length === 0 && r.responses.every((x) => x.provider === 'organization:WCO')));
    assert.equal(seen.find((r) => r.state === 'IRQ')!.matches.length, 1, 'its own offer’s match');
    const iaea = await exportBundle(source.db, v('provider', { organizationCode: 'IAEA' }));
    assert.ok(
      requestsOf(iaea).every((r) => r.matches.length === 0),
      'not another provider’s match',
    );
  });
});

describe('import', () => {
  test('into a fresh database: the same records, and again: nothing changes', async () => {
    const a = await admin(target.db);
    const result = await importBundle(target.db, actorOf(a), a, clone(only(bundle)));
    assert.deepEqual(result.sections['assistance-offers'], { created: offersOf(bundle).length, updated: 0, unchanged: 0 });
    assert.deepEqual(result.sections['assistance-requests'], { created: 15, updated: 0, unchanged: 0 });
    const again = await exportBundle(target.db, a);
    assert.deepEqual(offersOf(again), offersOf(bundle));
    assert.deepEqual(requestsOf(again), requestsOf(bundle));
    assert.deepEqual(
      await counts(target.db).then((c) => c.slice(0, 7)),
      await counts(source.db).then((c) => c.slice(0, 7)),
      'the same rows',
    );
    const before = await counts(target.db);
    const second = await importBundle(target.db, actorOf(a), a, clone(only(bundle)));
    assert.deepEqual(second.sections['assistance-requests'], { created: 0, updated: 0, unchanged: 15 });
    assert.deepEqual(await counts(target.db), before, 'no new row, no audit event');
  });

  test('a broken row rejects the whole import, each problem named', async () => {
    const a = await admin(target.db);
    const broken = clone(only(bundle));
    const requests = requestsOf(broken);
    const i = requests.findIndex((r) => r.state === 'IRQ');
    requests[i]!.responses[0]!.itemIds = [randomUUID()];
    requests[i]!.steps[1]!.note = 'rewritten history';
    const j = requests.findIndex((r) => r.state === 'PER');
    requests[j]!.responses.push({
      id: randomUUID(),
      provider: 'organization:IAEA',
      respondedOn: '2018-10-01',
      itemIds: [requests[j]!.items[0]!.id],
      text: '',
      forwardedOn: null,
      source: 'entered',
      archived: false,
    });
    // A valid change alongside, which must not be written either.
    offersOf(broken)[0]!.title = 'A better title';
    const newcomer = {
      ...clone(requests[j]!),
      id: randomUUID(),
      items: [{ ...requests[j]!.items[0]!, id: randomUUID(), areas: ['plumbing'] }],
      steps: [],
      circulation: [],
      responses: [],
      matches: [],
    };
    requests.push(newcomer as unknown as RequestRecord);
    const before = await counts(target.db);
    const err = await importBundle(target.db, actorOf(a), a, broken).then(
      () => assert.fail('the import should be refused'),
      (e: unknown) => e as AppError,
    );
    assert.ok(err instanceof AppError);
    const fields = err.fields.map((f) => f.field);
    assert.ok(fields.includes(`sections.assistance-requests[${i}].responses[0].itemIds`), fields.join('\n'));
    assert.ok(fields.includes(`sections.assistance-requests[${i}].steps[1]`), fields.join('\n'));
    assert.ok(
      fields.includes(`sections.assistance-requests[${j}].responses[${requests[j]!.responses.length - 1}].provider`),
      fields.join('\n'),
    );
    assert.ok(
      fields.some((f) => f.startsWith(`sections.assistance-requests[${requests.length - 1}].items[0].areas`)),
      fields.join('\n'),
    );
    assert.deepEqual(await counts(target.db), before, 'nothing written');
    const title = await target.db
      .selectFrom('assistance_offer')
      .select('title')
      .where('id', '=', offersOf(broken)[0]!.id)
      .executeTakeFirstOrThrow();
    assert.equal(title.title, offersOf(bundle)[0]!.title);
  });

  test('a match naming an offer neither in the bundle nor the database is refused; a point of contact may not import requests', async () => {
    const a = await admin(target.db);
    const b = clone(only(bundle));
    const iraq = requestsOf(b).findIndex((r) => r.state === 'IRQ');
    requestsOf(b)[iraq]!.matches[0]!.offerId = randomUUID();
    requestsOf(b)[iraq]!.matches[0]!.id = randomUUID();
    const err = await importBundle(target.db, actorOf(a), a, b).then(
      () => assert.fail('refused'),
      (e: unknown) => e as AppError,
    );
    assert.ok(
      err.fields.some(
        (f) =>
          f.field === `sections.assistance-requests[${iraq}].matches[0].offerId` &&
          /neither in this bundle nor in the database/.test(f.problem),
      ),
      JSON.stringify(err.fields),
    );
    const poc = viewerOf(
      await target.db.selectFrom('app_user').selectAll().where('email', '=', 'poc.mli@demo.r1540.org').executeTakeFirstOrThrow(),
    );
    const mine = {
      format: bundleFormat,
      formatVersion: bundleFormatVersion,
      sections: { 'assistance-requests': requestsOf(bundle).filter((r) => r.state === 'MLI') },
    };
    await assert.rejects(
      importBundle(target.db, actorOf(poc), poc, clone(mine)),
      (e: unknown) => e instanceof AppError && e.code === 'forbidden',
    );
  });
});
