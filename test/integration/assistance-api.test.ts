import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { addWorkingDays } from '../../src/features/assistance/procedure/calendar.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { type TestApp, testApp } from '../support/app.ts';

// The clearinghouse through the API, with every kind of reader: the Committee side, the requesting
// State and another State, the providers the request is circulated to and one it is not, the public.
type Who = 'public' | 'expert' | 'secretariat' | 'committee' | 'poc' | 'pocNer' | 'iaea' | 'wco' | 'who';
const emails: Record<Exclude<Who, 'public'>, string> = {
  expert: 'expert@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner@example.org',
  iaea: 'provider@demo.r1540.org',
  wco: 'provider.wco@example.org',
  who: 'provider.who@example.org',
};

let t: TestApp;
const token = {} as Record<Exclude<Who, 'public'>, string>;

interface Problem {
  field: string;
  problem: string;
}
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in tests
type Json = Record<string, any> & { errors?: Problem[] };

async function api(path: string, who: Who = 'public', init: { method?: string; json?: unknown; body?: string } = {}) {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${token[who]}` };
  const body = init.body ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : {}) as Json };
}

const fields = (body: Json) => (body.errors ?? []).map((e) => e.field);

type Table =
  | 'assistance_request'
  | 'assistance_request_item'
  | 'assistance_step'
  | 'assistance_response'
  | 'assistance_match'
  | 'assistance_offer'
  | 'assistance_weights'
  | 'audit_event';
async function count(table: Table): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
const counts = (...tables: Table[]) => Promise.all(tables.map(count));

const mali = (over: Record<string, unknown> = {}) => ({
  stateIso3: 'MLI',
  receivedOn: '2018-06-11',
  channel: 'note-verbale',
  contactName: 'Awa Traoré',
  contactEmail: 'awa.traore@gouv.ml',
  languages: ['fr'],
  consentSummary: true,
  summary: 'Mali asks for training of its customs officers and a review of its export control law.',
  invitesVisit: true,
  items: [
    {
      description: 'Training of customs officers in detecting chemical precursors',
      areas: ['border-control'],
      weapons: ['chemical'],
      paragraphs: ['OP3c'],
      kinds: ['training'],
    },
    {
      description: 'Review of the draft export control law',
      areas: ['export-control', 'legislation'],
      paragraphs: ['OP3d'],
      kinds: ['legal-review'],
    },
  ],
  ...over,
});

before(async () => {
  t = await testApp();
  const db = t.database.db;
  const password = 'a-long-enough-password';
  await addUser(db, systemActor, {
    email: emails.pocNer,
    displayName: 'Point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password,
  });
  await addUser(db, systemActor, { email: emails.wco, displayName: 'Provider (WCO)', role: 'provider', organizationCode: 'WCO', password });
  await addUser(db, systemActor, { email: emails.who, displayName: 'Provider (WHO)', role: 'provider', organizationCode: 'WHO', password });
  for (const who of Object.keys(emails) as Exclude<Who, 'public'>[]) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', emails[who]).executeTakeFirstOrThrow();
    token[who] = (await createApiToken(db, systemActor, user.id, 'assistance-api-test')).token;
  }
});
after(() => t.close());

// Shared by the tests below, which run in order: one request from its submission to closed.
let id: string;
let version: number;
let items: { id: string }[];
let other: { id: string; items: { id: string }[]; version: number };
const offers = {} as Record<'iaea' | 'wco' | 'who', string>;

describe('submitting a request', () => {
  test('bad input: 422 naming each field, nothing written', async () => {
    const before = await counts('assistance_request', 'assistance_request_item', 'assistance_step', 'audit_event');
    const noArea = await api('/api/v1/assistance/requests', 'poc', {
      method: 'POST',
      json: mali({ items: [{ description: 'Training', areas: [] }] }),
    });
    assert.equal(noArea.status, 422, noArea.text);
    assert.deepEqual(fields(noArea.body), ['items[0].areas']);
    const future = await api('/api/v1/assistance/requests', 'poc', {
      method: 'POST',
      json: mali({ receivedOn: '2999-01-01', channel: 'pigeon' }),
    });
    assert.equal(future.status, 422);
    assert.deepEqual(fields(future.body).sort(), ['channel', 'receivedOn']);
    // A value of the wrong type is named the same way.
    const wrongType = await api('/api/v1/assistance/requests', 'poc', {
      method: 'POST',
      json: mali({ items: [{ description: 'x', areas: 'border-control' }] }),
    });
    assert.equal(wrongType.status, 422);
    assert.deepEqual(fields(wrongType.body), ['items[0].areas']);
    assert.deepEqual(await counts('assistance_request', 'assistance_request_item', 'assistance_step', 'audit_event'), before);
  });

  test("a point of contact records its State's request (201, Location), not another State's (403)", async () => {
    const before = await count('assistance_request');
    const forNiger = await api('/api/v1/assistance/requests', 'poc', { method: 'POST', json: mali({ stateIso3: 'NER' }) });
    assert.equal(forNiger.status, 403, forNiger.text);
    assert.equal(await count('assistance_request'), before);
    for (const who of ['committee', 'iaea', 'pocNer'] as const)
      assert.equal((await api('/api/v1/assistance/requests', who, { method: 'POST', json: mali() })).status, 403, who);
    const res = await api('/api/v1/assistance/requests', 'poc', { method: 'POST', json: mali() });
    assert.equal(res.status, 201, res.text);
    id = res.body.id;
    version = res.body.rowVersion;
    items = res.body.items;
    assert.equal(res.headers.get('location'), `/api/v1/assistance/requests/${id}`);
    assert.equal(res.body.status, 'received');
    assert.equal(res.body.state, 'MLI');
    assert.equal(items.length, 2);
    assert.deepEqual(res.body.contact, { name: 'Awa Traoré', email: 'awa.traore@gouv.ml' });
    assert.equal(res.body.flags, undefined, 'the flags are the Committee side’s');
    assert.equal(await count('assistance_request'), before + 1);
    // Another request, for Peru, without consent to a summary: recorded by the expert.
    const peru = await api('/api/v1/assistance/requests', 'expert', {
      method: 'POST',
      json: {
        stateIso3: 'PER',
        receivedOn: '2018-03-05',
        channel: 'letter',
        items: [{ description: 'Drafting of a strategic trade law', areas: ['legislation', 'export-control'] }],
      },
    });
    assert.equal(peru.status, 201, peru.text);
    other = { id: peru.body.id, items: peru.body.items, version: peru.body.rowVersion };
  });

  test('who sees it: the Committee side and Mali; not Niger, not the providers, not the public (404, not counted)', async () => {
    for (const who of ['expert', 'committee', 'secretariat', 'poc'] as const)
      assert.equal((await api(`/api/v1/assistance/requests/${id}`, who)).status, 200, who);
    for (const who of ['public', 'pocNer', 'iaea', 'wco'] as const) {
      const one = await api(`/api/v1/assistance/requests/${id}`, who);
      assert.equal(one.status, 404, who);
      assert.equal(one.headers.get('content-type')?.startsWith('application/problem+json'), true);
      const list = await api('/api/v1/assistance/requests', who);
      assert.equal(list.status, 200, who);
      assert.equal(list.body.count, 0, who);
      assert.deepEqual(list.body.data, [], who);
    }
    const expert = await api('/api/v1/assistance/requests?year=2018', 'expert');
    assert.equal(expert.body.count, 2);
    assert.deepEqual(
      expert.body.data.map((r: Json) => r.state),
      ['MLI', 'PER'],
    );
    assert.ok(Array.isArray(expert.body.data[0].flags), 'the Committee side sees the overdue flags');
    assert.equal(expert.body.data[0].flags[0].code, 'acknowledgement-overdue');
    assert.equal(expert.body.data[0].items.length, 2);
    const poc = await api('/api/v1/assistance/requests', 'poc');
    assert.equal(poc.body.count, 1);
    assert.equal(poc.body.data[0].flags, undefined);
    assert.equal(
      (await api('/api/v1/assistance/requests?state=PER&status=received&from=2018-01-01&to=2018-03-31', 'expert')).body.count,
      1,
    );
    const bad = await api('/api/v1/assistance/requests?status=lost&from=someday', 'expert');
    assert.equal(bad.status, 422);
    assert.deepEqual(fields(bad.body).sort(), ['from', 'status']);
  });

  test('two changes on the same version: one is made, the other is told (409 naming the versions)', async () => {
    const [a, b] = await Promise.all([
      api(`/api/v1/assistance/requests/${id}`, 'expert', {
        method: 'PATCH',
        json: { rowVersion: version, summary: 'Summary edited by one expert.' },
      }),
      api(`/api/v1/assistance/requests/${id}`, 'secretariat', {
        method: 'PATCH',
        json: { rowVersion: version, summary: 'Summary edited by another.' },
      }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const lost = a.status === 409 ? a : b;
    assert.match(lost.body.detail, new RegExp(`version ${version + 1}, yours ${version}`));
    const won = a.status === 200 ? a : b;
    assert.equal(won.body.items.length, 2, 'the items stay when `items` is not sent');
    version = won.body.rowVersion;
  });
});

describe('the procedure through /transitions', () => {
  const step = (action: string, on: string, extra: Record<string, unknown> = {}, who: Who = 'expert') =>
    api(`/api/v1/assistance/requests/${id}/transitions`, who, { method: 'POST', json: { action, on, rowVersion: version, ...extra } });
  const take = async (action: string, on: string, extra: Record<string, unknown> = {}) => {
    const res = await step(action, on, extra);
    assert.equal(res.status, 200, `${action}: ${res.text}`);
    version = res.body.rowVersion;
    return res.body;
  };
  const acknowledgedOn = '2018-06-14';

  test('authenticate and acknowledge; a refused step is 422 naming `action`, and nothing is written', async () => {
    assert.equal((await step('authenticate', '2018-06-12', {}, 'poc')).status, 403, 'the State does not take the Committee’s steps');
    assert.equal((await step('authenticate', '2018-06-12', {}, 'committee')).status, 403);
    assert.equal((await take('authenticate', '2018-06-12')).status, 'authenticated');
    const before = await counts('assistance_step', 'audit_event');
    const refused = await step('close', '2018-06-13');
    assert.equal(refused.status, 422);
    assert.deepEqual(fields(refused.body), ['action']);
    assert.match(refused.body.errors?.[0]?.problem ?? '', /allowed: acknowledge/);
    const unknown = await step('teleport', '2018-06-13');
    assert.deepEqual(fields(unknown.body), ['action']);
    assert.deepEqual(await counts('assistance_step', 'audit_event'), before);
    assert.equal((await api(`/api/v1/assistance/requests/${id}`, 'expert')).body.rowVersion, version, 'the request did not change');
    assert.equal((await take('acknowledge', acknowledgedOn)).status, 'acknowledged');
  });

  test('circulation waits five working days after the acknowledgement (a UN holiday on the way)', async () => {
    const earliest = addWorkingDays(acknowledgedOn, 5);
    assert.equal(earliest, '2018-06-22', 'Eid al-Fitr, 15 June 2018, is not a working day');
    const early = await step('circulate', '2018-06-21', { providers: ['organization:IAEA', 'organization:WCO'] });
    assert.equal(early.status, 422);
    assert.deepEqual(fields(early.body), ['on']);
    const nobody = await step('circulate', earliest);
    assert.deepEqual(fields(nobody.body), ['providers']);
    // WCO does not see the request before it is circulated to it.
    assert.equal((await api(`/api/v1/assistance/requests/${id}`, 'wco')).status, 404);
    const done = await take('circulate', earliest, { providers: ['organization:IAEA', 'organization:WCO'] });
    assert.equal(done.status, 'circulated');
    assert.deepEqual(
      done.circulation.map((c: Json) => c.provider),
      ['organization:IAEA', 'organization:WCO'],
    );
  });

  test('the providers it was circulated to see it, without the contact; the one it was not, not at all', async () => {
    for (const who of ['wco', 'iaea'] as const) {
      const res = await api(`/api/v1/assistance/requests/${id}`, who);
      assert.equal(res.status, 200, who);
      assert.equal(res.body.contact, null);
      assert.ok(!res.text.includes('awa.traore@gouv.ml'), `${who} must not see the contact e-mail`);
      assert.deepEqual(
        res.body.circulation.map((c: Json) => c.provider),
        [`organization:${who.toUpperCase()}`],
        'a provider sees its own circulation only',
      );
      assert.ok(res.body.steps.every((s: Json) => s.actor === null));
      const list = await api('/api/v1/assistance/requests', who);
      assert.equal(list.body.count, 1);
      assert.equal(list.body.data[0].contact, null);
      assert.ok(!list.text.includes('awa.traore@gouv.ml'));
    }
    assert.equal((await api(`/api/v1/assistance/requests/${id}`, 'who')).status, 404);
    assert.equal((await api('/api/v1/assistance/requests', 'who')).body.count, 0);
    assert.equal((await api(`/api/v1/assistance/requests/${id}`, 'poc')).body.contact.email, 'awa.traore@gouv.ml');
  });

  test('the summary is public only once posted, and only with consent; two steps on one version: one wins', async () => {
    const listed = async () => (await api('/api/v1/assistance/summaries', 'public')).body.data.map((s: Json) => s.id);
    assert.deepEqual(await listed(), []);
    const noConsent = await api(`/api/v1/assistance/requests/${other.id}/transitions`, 'expert', {
      method: 'POST',
      json: { action: 'post-summary', on: '2018-03-06', rowVersion: other.version },
    });
    assert.equal(noConsent.status, 422);
    assert.deepEqual(fields(noConsent.body), ['action']);
    const [a, b] = await Promise.all([step('post-summary', '2018-06-25'), step('post-summary', '2018-06-25', {}, 'secretariat')]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    assert.match((a.status === 409 ? a : b).body.detail, /version \d+, yours \d+/);
    version = (a.status === 200 ? a : b).body.rowVersion;
    const summaries = await api('/api/v1/assistance/summaries?year=2018', 'public');
    assert.equal(summaries.status, 200);
    assert.deepEqual(
      summaries.body.data.map((s: Json) => s.id),
      [id],
    );
    assert.equal(summaries.body.data[0].postedOn, '2018-06-25');
    assert.deepEqual(summaries.body.data[0].areas, ['border-control', 'export-control', 'legislation']);
    assert.ok(!summaries.text.includes('awa.traore'), 'a summary names no contact');
    // The public still gets 404 for the request itself.
    assert.equal((await api(`/api/v1/assistance/requests/${id}`, 'public')).status, 404);
  });

  test('responses name items of this request; a provider it was not circulated to is told 404', async () => {
    const before = await count('assistance_response');
    const foreign = await api(`/api/v1/assistance/requests/${id}/responses`, 'iaea', {
      method: 'POST',
      json: { respondedOn: '2018-07-02', itemIds: [items[0]!.id, other.items[0]!.id] },
    });
    assert.equal(foreign.status, 422);
    assert.deepEqual(fields(foreign.body), ['itemIds']);
    assert.match(foreign.body.errors?.[0]?.problem ?? '', new RegExp(other.items[0]!.id));
    const stranger = await api(`/api/v1/assistance/requests/${id}/responses`, 'who', {
      method: 'POST',
      json: { respondedOn: '2018-07-02', itemIds: [items[0]!.id] },
    });
    assert.equal(stranger.status, 404);
    assert.equal(
      (
        await api(`/api/v1/assistance/requests/${id}/responses`, 'poc', {
          method: 'POST',
          json: { provider: 'organization:IAEA', respondedOn: '2018-07-02', itemIds: [items[0]!.id] },
        })
      ).status,
      403,
    );
    assert.equal(await count('assistance_response'), before);
    const iaea = await api(`/api/v1/assistance/requests/${id}/responses`, 'iaea', {
      method: 'POST',
      json: { respondedOn: '2018-07-02', itemIds: [items[0]!.id], text: 'The IAEA offers a regional training course.' },
    });
    assert.equal(iaea.status, 201, iaea.text);
    assert.equal(iaea.body.provider, 'organization:IAEA');
    assert.deepEqual(iaea.body.itemIds, [items[0]!.id]);
    const wco = await api(`/api/v1/assistance/requests/${id}`, 'wco');
    assert.deepEqual(wco.body.responses, [], 'a provider sees its own responses only');
    // Recorded by the secretariat from WCO's letter.
    const byLetter = await api(`/api/v1/assistance/requests/${id}/responses`, 'secretariat', {
      method: 'POST',
      json: { provider: 'organization:WCO', respondedOn: '2018-07-05', itemIds: [items[0]!.id, items[1]!.id] },
    });
    assert.equal(byLetter.status, 201, byLetter.text);
    assert.equal(
      (await api(`/api/v1/assistance/requests/${id}`, 'poc')).body.responses.length,
      0,
      'the State learns of them when forwarded',
    );
    version = (await api(`/api/v1/assistance/requests/${id}`, 'expert')).body.rowVersion;
  });

  test('forward, start, deliver, close: every step with its date and actor', async () => {
    assert.equal((await take('forward', '2018-07-10')).status, 'forwarded');
    const poc = await api(`/api/v1/assistance/requests/${id}`, 'poc');
    assert.deepEqual(poc.body.responses.map((r: Json) => [r.provider, r.forwardedOn]).sort(), [
      ['organization:IAEA', '2018-07-10'],
      ['organization:WCO', '2018-07-10'],
    ]);
    assert.equal((await take('start', '2018-09-03')).status, 'under-way');
    assert.equal((await take('deliver', '2018-12-03', { note: 'Two courses held in Bamako' })).status, 'delivered');
    const closed = await take('close', '2019-01-15');
    assert.equal(closed.status, 'closed');
    assert.deepEqual(
      closed.steps.map((s: Json) => [s.action, s.on]),
      [
        ['receive', '2018-06-11'],
        ['authenticate', '2018-06-12'],
        ['acknowledge', '2018-06-14'],
        ['circulate', '2018-06-22'],
        ['post-summary', '2018-06-25'],
        ['forward', '2018-07-10'],
        ['start', '2018-09-03'],
        ['deliver', '2018-12-03'],
        ['close', '2019-01-15'],
      ],
    );
    assert.equal(closed.steps[0].actor, 'Demo Point of Contact (Mali)');
    assert.ok(
      closed.steps.slice(1).every((s: Json) => ['Demo Expert', 'Demo Secretariat'].includes(s.actor)),
      JSON.stringify(closed.steps),
    );
    assert.equal(closed.steps.find((s: Json) => s.action === 'deliver').note, 'Two courses held in Bamako');
    const after = await step('withdraw', '2019-01-16');
    assert.equal(after.status, 422, 'the procedure has ended');
    assert.deepEqual(fields(after.body), ['action']);
  });
});

describe('offers', () => {
  const offer = (over: Record<string, unknown> = {}) => ({
    provider: 'organization:IAEA',
    title: 'Regional training in border controls',
    areas: ['border-control'],
    languages: ['fr'],
    ...over,
  });

  test('anyone reads the public offers; an offer with no area is 422 `areas`; a provider records its own only', async () => {
    const before = await count('assistance_offer');
    const noArea = await api('/api/v1/assistance/offers', 'iaea', { method: 'POST', json: offer({ areas: [] }) });
    assert.equal(noArea.status, 422);
    assert.deepEqual(fields(noArea.body), ['areas']);
    const notOwn = await api('/api/v1/assistance/offers', 'iaea', { method: 'POST', json: offer({ provider: 'organization:WCO' }) });
    assert.equal(notOwn.status, 403);
    for (const who of ['poc', 'committee'] as const)
      assert.equal((await api('/api/v1/assistance/offers', who, { method: 'POST', json: offer() })).status, 403, who);
    assert.equal(await count('assistance_offer'), before);
    const own = await api('/api/v1/assistance/offers', 'iaea', { method: 'POST', json: offer() });
    assert.equal(own.status, 201, own.text);
    assert.equal(own.headers.get('location'), `/api/v1/assistance/offers/${own.body.id}`);
    offers.iaea = own.body.id;
    const wco = await api('/api/v1/assistance/offers', 'wco', {
      method: 'POST',
      json: {
        provider: 'organization:WCO',
        title: 'Customs enforcement training',
        areas: ['border-control'],
        paragraphs: ['OP3c'],
        kinds: ['training'],
        languages: ['en'],
        programmes: [{ name: 'STCE', url: 'https://www.wcoomd.org/stce' }],
      },
    });
    assert.equal(wco.status, 201, wco.text);
    offers.wco = wco.body.id;
    const who = await api('/api/v1/assistance/offers', 'expert', {
      method: 'POST',
      json: { provider: 'organization:WHO', title: 'Laboratory biosafety', areas: ['biosafety-biosecurity'], weapons: ['biological'] },
    });
    assert.equal(who.status, 201, who.text);
    offers.who = who.body.id;
    const list = await api('/api/v1/assistance/offers', 'public');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.data.map((o: Json) => o.id).sort(), [offers.iaea, offers.wco, offers.who].sort());
    assert.equal((await api('/api/v1/assistance/offers?provider=organization:WCO', 'public')).body.data[0].programmes[0].name, 'STCE');
    assert.equal((await api(`/api/v1/assistance/offers/${offers.wco}`, 'public')).body.title, 'Customs enforcement training');
  });

  test('change, archive and restore with the version; another provider may not', async () => {
    const mine = await api(`/api/v1/assistance/offers/${offers.iaea}`, 'iaea', {
      method: 'PATCH',
      json: { rowVersion: 1, capacity: 'Two courses a year' },
    });
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.capacity, 'Two courses a year');
    assert.deepEqual(mine.body.areas, ['border-control'], 'the fields not sent stay');
    assert.equal(
      (await api(`/api/v1/assistance/offers/${offers.iaea}`, 'wco', { method: 'PATCH', json: { rowVersion: 2, capacity: 'x' } })).status,
      403,
    );
    assert.equal(
      (await api(`/api/v1/assistance/offers/${offers.iaea}`, 'expert', { method: 'PATCH', json: { rowVersion: 1, capacity: 'x' } })).status,
      409,
    );
    const archived = await api(`/api/v1/assistance/offers/${offers.iaea}/archive`, 'iaea', { method: 'POST', json: { rowVersion: 2 } });
    assert.equal(archived.status, 200);
    assert.equal(archived.body.archived, true);
    assert.ok(!(await api('/api/v1/assistance/offers', 'public')).body.data.some((o: Json) => o.id === offers.iaea));
    const restored = await api(`/api/v1/assistance/offers/${offers.iaea}/restore`, 'expert', { method: 'POST', json: { rowVersion: 3 } });
    assert.equal(restored.status, 200);
    assert.equal(restored.body.archived, false);
  });
});

describe('matches with their reasons', () => {
  let fresh: { id: string; items: { id: string }[] };

  test('the engine’s ranking, computed live with reasons in words, writes nothing', async () => {
    // A second request from Mali, circulated to IAEA only, to match.
    const res = await api('/api/v1/assistance/requests', 'poc', { method: 'POST', json: mali({ receivedOn: '2018-09-03' }) });
    assert.equal(res.status, 201);
    fresh = res.body as typeof fresh;
    let v = res.body.rowVersion as number;
    for (const [action, on, extra] of [
      ['authenticate', '2018-09-04', {}],
      ['acknowledge', '2018-09-05', {}],
      ['circulate', '2018-09-14', { providers: ['organization:IAEA'] }],
    ] as const) {
      const r = await api(`/api/v1/assistance/requests/${fresh.id}/transitions`, 'expert', {
        method: 'POST',
        json: { action, on, rowVersion: v, ...extra },
      });
      assert.equal(r.status, 200, r.text);
      v = r.body.rowVersion;
    }
    const before = await count('assistance_match');
    const ranked = await api(`/api/v1/assistance/requests/${fresh.id}/matches?suggest=engine`, 'expert');
    assert.equal(ranked.status, 200, ranked.text);
    const first = ranked.body.items[0];
    assert.deepEqual(first.matches, []);
    const order = first.ranking.map((r: Json) => r.offerId);
    assert.ok(
      order.indexOf(offers.wco) >= 0 && order.indexOf(offers.iaea) > order.indexOf(offers.wco),
      'WCO (area, paragraph, training) before IAEA (area, French)',
    );
    assert.ok(!order.includes(offers.who), 'biosafety is no candidate for border control');
    const wco = first.ranking.find((r: Json) => r.offerId === offers.wco);
    assert.equal(wco.provider, 'organization:WCO');
    assert.match(wco.explanation, /both work on border control and law enforcement/);
    assert.match(wco.explanation, /the provider offers the help asked for: training/);
    assert.ok(wco.reasons.some((r: Json) => r.code === 'area' && r.codes.includes('border-control')));
    const fr = await api(`/api/v1/assistance/requests/${fresh.id}/matches?suggest=engine&lang=fr`, 'expert');
    assert.match(fr.body.items[0].ranking.find((r: Json) => r.offerId === offers.iaea).explanation, /français/);
    assert.equal(await count('assistance_match'), before, 'the live ranking is not recorded');
    assert.equal((await api(`/api/v1/assistance/requests/${fresh.id}/matches?suggest=magic`, 'expert')).status, 422);
    assert.equal((await api(`/api/v1/assistance/requests/${fresh.id}/matches`, 'pocNer')).status, 404);
  });

  test('suggest records them; a match moves suggested → proposed → accepted → under way → delivered', async () => {
    assert.equal((await api(`/api/v1/assistance/requests/${fresh.id}/matches/suggest`, 'committee', { method: 'POST' })).status, 403);
    const suggested = await api(`/api/v1/assistance/requests/${fresh.id}/matches/suggest`, 'expert', { method: 'POST' });
    assert.equal(suggested.status, 200, suggested.text);
    assert.ok(suggested.body.count >= 2);
    assert.ok(suggested.body.data.every((m: Json) => m.status === 'suggested' && m.origin === 'engine' && m.explanation.length > 0));
    const again = await api(`/api/v1/assistance/requests/${fresh.id}/matches/suggest`, 'expert', { method: 'POST' });
    assert.equal(again.body.count, 0, 'the matches already there are kept, not doubled');
    const current = await api(`/api/v1/assistance/requests/${fresh.id}/matches`, 'expert');
    const match = current.body.items[0].matches.find((m: Json) => m.offerId === offers.iaea);
    assert.ok(match, JSON.stringify(current.body));
    assert.equal(match.status, 'suggested');
    // The State and the providers do not see the experts' suggestions.
    assert.deepEqual((await api(`/api/v1/assistance/requests/${fresh.id}/matches`, 'poc')).body.items[0].matches, []);
    let v = match.rowVersion as number;
    for (const to of ['proposed', 'accepted', 'under-way', 'delivered']) {
      const res = await api(`/api/v1/assistance/matches/${match.id}`, 'expert', {
        method: 'PATCH',
        json: {
          to,
          rowVersion: v,
          ...(to === 'delivered' ? { providerFeedback: 'Twenty officers trained', stateFeedback: 'Useful' } : {}),
        },
      });
      assert.equal(res.status, 200, `${to}: ${res.text}`);
      assert.equal(res.body.status, to);
      v = res.body.rowVersion;
    }
    const stale = await api(`/api/v1/assistance/matches/${match.id}`, 'expert', {
      method: 'PATCH',
      json: { to: 'declined', rowVersion: v - 1 },
    });
    assert.equal(stale.status, 409);
    const provider = await api(`/api/v1/assistance/requests/${fresh.id}/matches`, 'iaea');
    const seen = provider.body.items[0].matches;
    assert.deepEqual(
      seen.map((m: Json) => [m.offerId, m.status, m.providerFeedback]),
      [[offers.iaea, 'delivered', 'Twenty officers trained']],
    );
    const detail = await api(`/api/v1/assistance/requests/${fresh.id}`, 'poc');
    assert.deepEqual(
      detail.body.matches.map((m: Json) => m.status),
      ['delivered'],
    );
  });

  test('proposing a match to a provider the request was not circulated to: 422', async () => {
    const before = await count('assistance_match');
    assert.equal(
      (await api('/api/v1/assistance/matches', 'iaea', { method: 'POST', json: { itemId: fresh.items[0]!.id, offerId: offers.who } }))
        .status,
      403,
    );
    const byHand = await api('/api/v1/assistance/matches', 'expert', {
      method: 'POST',
      json: { itemId: fresh.items[0]!.id, offerId: offers.who, note: 'Worth asking' },
    });
    assert.equal(byHand.status, 201, byHand.text);
    assert.equal(byHand.body.origin, 'hand');
    assert.equal(await count('assistance_match'), before + 1);
    const dup = await api('/api/v1/assistance/matches', 'expert', {
      method: 'POST',
      json: { itemId: fresh.items[0]!.id, offerId: offers.who },
    });
    assert.equal(dup.status, 422);
    assert.deepEqual(fields(dup.body), ['offerId']);
    const wcoMatch = (await api(`/api/v1/assistance/requests/${fresh.id}/matches`, 'expert')).body.items[0].matches.find(
      (m: Json) => m.offerId === offers.wco,
    );
    for (const m of [byHand.body, wcoMatch]) {
      const res = await api(`/api/v1/assistance/matches/${m.id}`, 'expert', {
        method: 'PATCH',
        json: { to: 'proposed', rowVersion: m.rowVersion },
      });
      assert.equal(res.status, 422, res.text);
      assert.deepEqual(fields(res.body), ['to']);
      assert.match(res.body.errors?.[0]?.problem ?? '', /not been circulated/);
    }
  });

  test('the items ranked for an offer: only those of requests the reader may see', async () => {
    const byExpert = await api(`/api/v1/assistance/offers/${offers.wco}/matches`, 'expert');
    assert.equal(byExpert.status, 200, byExpert.text);
    const requestsSeen = (body: Json) => [...new Set(body.ranking.map((r: Json) => r.requestId))].sort();
    assert.deepEqual(requestsSeen(byExpert.body), [id, fresh.id].sort(), 'Peru’s legislation item is no candidate for border control');
    assert.match(byExpert.body.ranking[0].explanation, /border control/);
    assert.equal(byExpert.body.matches.length, 1, 'the suggested WCO match, on the Committee side');
    // WCO saw the first request only: it was not circulated the second.
    const byWco = await api(`/api/v1/assistance/offers/${offers.wco}/matches`, 'wco');
    assert.deepEqual(requestsSeen(byWco.body), [id]);
    assert.deepEqual(byWco.body.matches, []);
    for (const who of ['public', 'pocNer', 'who'] as const) {
      const res = await api(`/api/v1/assistance/offers/${offers.wco}/matches`, who);
      assert.equal(res.status, 200, who);
      assert.deepEqual(res.body.ranking, [], who);
    }
    assert.deepEqual(requestsSeen((await api(`/api/v1/assistance/offers/${offers.wco}/matches`, 'poc')).body), [id, fresh.id].sort());
    assert.equal((await api('/api/v1/assistance/offers/00000000-0000-4000-8000-000000000000/matches', 'expert')).status, 404);
  });
});

describe('the matching weights', () => {
  const wcoBeforeIaea = async () => {
    const ranking = (await api(`/api/v1/assistance/requests/${id}/matches?suggest=engine`, 'expert')).body.items[0].ranking.map(
      (r: Json) => r.offerId,
    );
    return ranking.indexOf(offers.wco) < ranking.indexOf(offers.iaea);
  };

  test('weights that do not parse: 422 naming `weights.<key>`, nothing written', async () => {
    const before = await counts('assistance_weights', 'audit_event');
    const bad = await api('/api/v1/assistance/weights', 'expert', { method: 'PUT', json: { area: 'x', speed: 3 } });
    assert.equal(bad.status, 422, bad.text);
    assert.deepEqual(fields(bad.body).sort(), ['weights.area', 'weights.speed']);
    const notJson = await api('/api/v1/assistance/weights', 'expert', { method: 'PUT', body: '{"area": 4' });
    assert.equal(notJson.status, 422);
    assert.deepEqual(fields(notJson.body), ['weights']);
    assert.equal((await api('/api/v1/assistance/weights', 'secretariat', { method: 'PUT', json: { area: 1 } })).status, 403);
    assert.equal((await api('/api/v1/assistance/weights', 'iaea', { method: 'PUT', json: { area: 1 } })).status, 403);
    assert.deepEqual(await counts('assistance_weights', 'audit_event'), before);
    const read = await api('/api/v1/assistance/weights', 'public');
    assert.equal(read.status, 200);
    assert.equal(read.body.saved, false);
    assert.deepEqual(read.body.weights, read.body.defaults);
  });

  test('valid weights change the ranking', async () => {
    assert.equal(await wcoBeforeIaea(), true);
    const res = await api('/api/v1/assistance/weights', 'expert', { method: 'PUT', json: { language: 100 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.saved, true);
    assert.equal(res.body.weights.language, 100);
    assert.equal(res.body.weights.area, res.body.defaults.area);
    assert.equal(await wcoBeforeIaea(), false, 'IAEA works in French, the language of Mali');
  });
});

describe('reference', () => {
  test('the taxonomy in a language', async () => {
    const fr = await api('/api/v1/assistance/taxonomy?lang=fr', 'public');
    assert.equal(fr.status, 200);
    assert.equal(fr.body.area.find((a: Json) => a.code === 'border-control').label, 'contrôle aux frontières et répression');
    assert.equal((await api('/api/v1/assistance/taxonomy?lang=xx', 'public')).status, 422);
  });
});
