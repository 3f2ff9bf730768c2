import { todayIso } from '../../src/platform/values/dates.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { locales } from '../../src/platform/i18n/locales.ts';
import { addUser } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { addWorkingDays } from '../../src/features/assistance/procedure/calendar.ts';
import { actionsFrom } from '../../src/features/assistance/procedure/procedure.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// The clearinghouse's pages through a browser-like client (cookie, CSRF token, forms without
// JavaScript): who sees what, the request form and its errors, the procedure's step form, conflicts,
// responses, offers, matches and the public summaries.

type Who = 'public' | 'expert' | 'committee' | 'poc' | 'pocNer' | 'provider';
const emails: Record<Exclude<Who, 'public'>, string> = {
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner@example.org',
  provider: 'provider@demo.r1540.org', // IAEA
};
const whoAll: Who[] = ['public', 'expert', 'committee', 'poc', 'pocNer', 'provider'];

let t: TestApp;
const client = {} as Record<Who, Client>;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const today = todayIso();
const receivedOn = daysAgo(40);
const base = '/en/assistance';

/** A request form as the point of contact of Mali fills it in. */
const requestForm = (over: Record<string, string | string[]> = {}) => ({
  receivedOn,
  channel: 'online-form',
  reference: 'MLI/2026/1',
  contactName: 'Awa Traoré',
  contactEmail: 'awa.traore@example.org',
  languages: 'fr',
  consentSummary: 'on',
  summary: 'Mali asks for training of customs officers and a review of its export control law.',
  invitesVisit: 'on',
  itemCount: '3',
  'items[0].description': 'Training of customs officers in detecting chemical precursors',
  'items[0].areas': 'border-control',
  'items[0].weapons': 'chemical',
  'items[0].paragraphs': 'OP3c',
  'items[0].kinds': 'training',
  'items[0].priority': 'high',
  'items[1].description': 'Review of the draft export control law',
  'items[1].areas': ['export-control', 'legislation'],
  'items[1].kinds': 'legal-review',
  'items[1].priority': 'medium',
  'items[2].description': '',
  ...over,
});

async function count(
  table: 'assistance_request' | 'assistance_step' | 'assistance_match' | 'assistance_response' | 'assistance_offer',
): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function versionOf(id: string): Promise<string> {
  const r = await t.database.db.selectFrom('assistance_request').select('row_version').where('id', '=', id).executeTakeFirstOrThrow();
  return String(r.row_version);
}

/** The values of the options of a select, in order. */
function options(html: string, selectId: string): string[] {
  const select = new RegExp(`<select id="${selectId}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  assert.ok(select, `a select #${selectId}`);
  return [...select[1]!.matchAll(/<option value="([^"]*)"/g)].map((x) => x[1]!);
}

const idFrom = (res: Response) => {
  const location = res.headers.get('location') ?? '';
  const id = /\/([0-9a-f-]{36})(?:[#?].*)?$/.exec(location)?.[1];
  assert.ok(id, `a record's address in ${location}`);
  return id;
};

before(async () => {
  t = await testApp();
  await addUser(t.database.db, systemActor, {
    email: emails.pocNer,
    displayName: 'Point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'a-long-enough-password',
  });
  for (const who of whoAll) {
    client[who] = new Client(t);
    if (who === 'public') await client[who].get('/en/');
    else await client[who].login(emails[who], who === 'pocNer' ? 'a-long-enough-password' : undefined);
  }
});
after(() => t.close());

describe('the request form', () => {
  test('opens for a point of contact (its State fixed) and the keepers; not for the others', async () => {
    const poc = await client.poc.get(`${base}/requests/new`);
    assert.equal(poc.status, 200);
    const html = await poc.text();
    // Three empty items to begin with, and no choice of State for a point of contact.
    for (const i of [0, 1, 2]) assert.match(html, new RegExp(`name="items\\[${i}\\]\\.description"`));
    assert.doesNotMatch(html, /name="items\[3\]\.description"/);
    assert.doesNotMatch(html, /<select id="stateIso3"/);
    assert.match(html, /name="items\[0\]\.areas" value="export-control"/);
    assert.match(html, /name="items\[2\]\.kinds" value="training"/);
    const expert = await client.expert.get(`${base}/requests/new`);
    assert.equal(expert.status, 200);
    assert.ok(options(await expert.text(), 'stateIso3').includes('MLI'));
    assert.equal((await client.committee.get(`${base}/requests/new`)).status, 403);
    assert.equal((await client.provider.get(`${base}/requests/new`)).status, 403);
    assert.equal((await client.public.get(`${base}/requests/new`)).status, 401);
  });

  test('an item without an area comes back with 422, the field named in the summary and next to it; nothing written', async () => {
    const n = await count('assistance_request');
    const res = await client.poc.post(`${base}/requests/new`, requestForm({ 'items[1].areas': [] }));
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<code>items\[1\]\.areas<\/code>/);
    assert.match(html, /href="#items-1-areas">Item 2: Areas</);
    // Next to the field: inside the fieldset of the second item's areas, which names it.
    assert.match(
      html,
      /<fieldset id="items-1-areas" class="checks" aria-describedby="items-1-areas-error"><legend>Areas<\/legend><p class="form-errors" id="items-1-areas-error">choose at least one<\/p>/,
    );
    // What was typed is kept.
    assert.match(html, /Review of the draft export control law<\/textarea>/);
    assert.match(html, /name="items\[0\]\.areas" value="border-control" checked/);
    assert.match(html, /value="awa.traore@example.org"/);
    assert.equal(await count('assistance_request'), n);
  });

  test('"Add another item" sends the form back with one more item, keeping what was typed', async () => {
    const res = await client.poc.post(`${base}/requests/new`, {
      ...requestForm({ 'items[1].description': 'A need typed in the second item', 'items[1].areas': 'financing' }),
      add: 'item',
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /name="items\[3\]\.description"/);
    assert.doesNotMatch(html, /name="items\[4\]\.description"/);
    assert.match(html, /A need typed in the second item<\/textarea>/);
    assert.match(html, /name="items\[1\]\.areas" value="financing" checked/);
    assert.match(html, /name="itemCount" value="4"/);
    assert.doesNotMatch(html, /form-errors/);
  });

  test('a refused form in Arabic comes back right to left', async () => {
    const res = await client.poc.post('/ar/assistance/requests/new', requestForm({ 'items[0].description': '' }));
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<code>items\[0\]\.description<\/code>/);
    assert.match(html, /البند 1/);
  });

  test('a draft from the matrix gaps opens the form for the State it names', async () => {
    const res = await client.expert.get(`${base}/requests/new?draft=gaps&state=MLI`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('<option value="MLI" selected="">'), 'the State chosen');
    assert.ok(html.includes('<option value="template" selected="">'), 'the channel: the template');
    assert.equal((await client.expert.get(`${base}/requests/new?draft=gaps&state=XXX`)).status, 404);
  });

  test('a point of contact may not submit a request for another State', async () => {
    const n = await count('assistance_request');
    // The State field of a point of contact is its own, whatever is posted.
    const res = await client.pocNer.post(`${base}/requests/new`, requestForm({ stateIso3: 'MLI', reference: 'NER-not-MLI' }));
    assert.equal(res.status, 303);
    const row = await t.database.db
      .selectFrom('assistance_request')
      .select('state_iso3')
      .where('id', '=', idFrom(res))
      .executeTakeFirstOrThrow();
    assert.equal(row.state_iso3, 'NER');
    assert.equal(await count('assistance_request'), n + 1);
  });
});

describe('a request from the form to matches', () => {
  let id: string;
  let ackOn: string;

  test('submitted by the point of contact: 303 to the request, which it sees with its contact', async () => {
    const res = await client.poc.post(`${base}/requests/new`, requestForm());
    assert.equal(res.status, 303);
    id = idFrom(res);
    const page = await client.poc.get(`${base}/requests/${id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Training of customs officers in detecting chemical precursors/);
    assert.match(html, /border control and law enforcement/);
    assert.match(html, /awa.traore@example.org/);
    // Two items: the empty third fieldset was left out.
    assert.equal((await t.database.db.selectFrom('assistance_request_item').select('id').where('request_id', '=', id).execute()).length, 2);
    // The State's own steps: withdraw and object, no step form of the Committee.
    assert.match(html, /name="action" value="withdraw"/);
    assert.match(html, /name="action" value="object"/);
    assert.doesNotMatch(html, /id="step-action"/);
  });

  test('who sees it: the Committee side and Mali; not the Niger, the public or a provider it was not circulated to', async () => {
    for (const who of ['expert', 'committee', 'poc'] as const)
      assert.equal((await client[who].get(`${base}/requests/${id}`)).status, 200, who);
    for (const who of ['public', 'pocNer', 'provider'] as const)
      assert.equal((await client[who].get(`${base}/requests/${id}`)).status, 404, who);
    // The hub lists it for the Committee side and Mali only.
    for (const who of whoAll) {
      const html = await (await client[who].get(base)).text();
      assert.equal(html.includes(`/requests/${id}"`), ['expert', 'committee', 'poc'].includes(who), who);
    }
    const hub = await (await client.poc.get(base)).text();
    assert.match(hub, /href="\/en\/assistance\/requests\/new"[^>]*>Submit a request</);
    const pub = await (await client.public.get(base)).text();
    assert.match(pub, /href="\/en\/assistance\/offers"/);
    assert.match(pub, /href="\/en\/assistance\/summaries"/);
    assert.doesNotMatch(pub, /requests-caption/);
    // The contact's details: the Committee side sees them too.
    assert.match(await (await client.committee.get(`${base}/requests/${id}`)).text(), /awa.traore@example.org/);
  });

  test('the Committee side filters the hub and downloads it as CSV', async () => {
    const html = await (await client.expert.get(`${base}?state=MLI&year=${receivedOn.slice(0, 4)}&status=received`)).text();
    assert.ok(html.includes(`/requests/${id}"`));
    assert.ok(!(await (await client.expert.get(`${base}?state=NER`)).text()).includes(`/requests/${id}"`));
    const csv = await client.expert.get(`${base}?state=MLI&format=csv`);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(await csv.text(), new RegExp(`Mali,MLI,${receivedOn},received,`));
    assert.equal((await client.expert.get(`${base}?year=12`)).status, 422);
  });

  test('the step form lists only the actions the procedure allows now', async () => {
    const html = await (await client.expert.get(`${base}/requests/${id}`)).text();
    assert.deepEqual(options(html, 'step-action'), actionsFrom('received'));
    assert.match(html, new RegExp(`name="version" value="${await versionOf(id)}"`));
    // A Committee member reads it but takes no step.
    assert.doesNotMatch(await (await client.committee.get(`${base}/requests/${id}`)).text(), /id="step-action"/);
  });

  test('the point of contact edits its request while it is only received', async () => {
    const form = await client.poc.get(`${base}/requests/${id}/edit`);
    assert.equal(form.status, 200);
    // The form carries each item's id, so that the items are changed, not replaced.
    const ids = [...(await form.text()).matchAll(/name="items\[(\d)\]\.id" value="([0-9a-f-]{36})"/g)].map((x) => x[2]!);
    const before = await t.database.db
      .selectFrom('assistance_request_item')
      .select('id')
      .where('request_id', '=', id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      ids,
      before.map((i) => i.id),
    );
    const res = await client.poc.post(`${base}/requests/${id}/edit`, {
      ...requestForm({
        reference: 'MLI/2026/1-rev',
        'items[0].id': ids[0]!,
        'items[1].id': ids[1]!,
        'items[0].timeframe': 'within six months',
      }),
      version: await versionOf(id),
    });
    assert.equal(res.status, 303);
    assert.equal(
      (await t.database.db.selectFrom('assistance_request').select('reference').where('id', '=', id).executeTakeFirstOrThrow()).reference,
      'MLI/2026/1-rev',
    );
    const items = await t.database.db
      .selectFrom('assistance_request_item')
      .select(['id', 'timeframe'])
      .where('request_id', '=', id)
      .where('removed_at', 'is', null)
      .orderBy('position')
      .execute();
    assert.deepEqual(items, [
      { id: ids[0], timeframe: 'within six months' },
      { id: ids[1], timeframe: '' },
    ]);
  });

  test('steps through the form; the point of contact may no longer edit once authenticated', async () => {
    const step = async (action: string, on: string, extra: Record<string, string | string[]> = {}) =>
      client.expert.post(`${base}/requests/${id}/steps`, {
        action,
        on,
        note: `${action} by the test`,
        version: await versionOf(id),
        ...extra,
      });
    assert.equal((await step('authenticate', receivedOn)).status, 303);
    assert.equal((await client.poc.get(`${base}/requests/${id}/edit`)).status, 403);
    ackOn = receivedOn;
    assert.equal((await step('acknowledge', ackOn)).status, 303);
    const html = await (await client.expert.get(`${base}/requests/${id}`)).text();
    assert.deepEqual(options(html, 'step-action'), actionsFrom('acknowledged'));
    assert.match(html, /name="providers" value="organization:IAEA"/);
    // The timeline: each step with its date and actor.
    assert.match(html, /<strong>Authenticate<\/strong> · Demo Expert/);
    // Circulation waits five working days after the acknowledgement: the date is named.
    const early = await step('circulate', addWorkingDays(ackOn, 4), { providers: 'organization:IAEA' });
    assert.equal(early.status, 422);
    const earlyHtml = await early.text();
    assert.match(earlyHtml, /<code>on<\/code>/);
    assert.match(earlyHtml, /five working days/);
    assert.match(earlyHtml, /id="step-on-error"/);
    // Without a provider: the providers field is named.
    const none = await step('circulate', addWorkingDays(ackOn, 5));
    assert.equal(none.status, 422);
    assert.match(await none.text(), /<code>providers<\/code>/);
    assert.equal((await client.provider.get(`${base}/requests/${id}`)).status, 404);
    const ok = await step('circulate', addWorkingDays(ackOn, 5), { providers: 'organization:IAEA', providerStates: 'fra' });
    assert.equal(ok.status, 303);
    const circulated = await t.database.db
      .selectFrom('assistance_circulation')
      .select(['provider_kind', 'provider_code'])
      .where('request_id', '=', id)
      .orderBy('provider_code')
      .execute();
    assert.deepEqual(
      circulated.map((x) => `${x.provider_kind}:${x.provider_code.trim()}`),
      ['state:FRA', 'organization:IAEA'],
    );
  });

  test('two experts at once: the second is told, nothing written', async () => {
    const steps = await count('assistance_step');
    const stale = String(Number(await versionOf(id)) - 1);
    const res = await client.expert.post(`${base}/requests/${id}/steps`, { action: 'follow-up', on: today, version: stale });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /changed by someone else/);
    assert.match(html, /id="step-version-note"/);
    // The form comes back with the version now stored, and what was typed.
    assert.match(html, new RegExp(`name="version" value="${await versionOf(id)}"`));
    assert.equal(await count('assistance_step'), steps);
  });

  test('a provider sees the request once circulated to it, and records its response', async () => {
    const page = await client.provider.get(`${base}/requests/${id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /id="response-form"/);
    // A provider does not see the State's contact.
    assert.doesNotMatch(html, /awa.traore@example.org/);
    assert.ok((await (await client.provider.get(base)).text()).includes(`/requests/${id}"`));
    const items = await t.database.db
      .selectFrom('assistance_request_item')
      .select('id')
      .where('request_id', '=', id)
      .where('removed_at', 'is', null)
      .orderBy('position')
      .execute();
    const empty = await client.provider.post(`${base}/requests/${id}/responses`, { respondedOn: today, text: 'We can help.' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /<code>itemIds<\/code>/);
    const n = await count('assistance_response');
    const res = await client.provider.post(`${base}/requests/${id}/responses`, {
      respondedOn: today,
      itemIds: items[0]!.id,
      text: 'The IAEA can train customs officers.',
    });
    assert.equal(
      res.status,
      303,
      res.status === 303 ? '' : (/<div class="form-errors" role="alert">[\s\S]*?<\/div>/.exec(await res.text()) ?? [''])[0],
    );
    assert.equal(await count('assistance_response'), n + 1);
    const after = await (await client.expert.get(`${base}/requests/${id}`)).text();
    assert.match(after, /answers Item 1/);
    assert.match(after, /The IAEA can train customs officers\./);
  });

  test('offers through the form; the engine suggests matches with reasons in words; a match is proposed', async () => {
    const offer = await client.expert.post(`${base}/offers/new`, {
      provider: 'organization:IAEA',
      title: 'Border monitoring training',
      areas: ['border-control', 'nuclear-security'],
      weapons: ['chemical', 'nuclear'],
      paragraphs: 'OP3c',
      kinds: 'training',
      languages: ['fr', 'en'],
      programmes: 'Border monitoring | https://www.iaea.org/',
    });
    assert.equal(offer.status, 303);
    const offerId = idFrom(offer);
    const offerPage = await (await client.expert.get(`${base}/offers/${offerId}`)).text();
    // The request items the offer suits, among the requests the reader may see.
    assert.ok(offerPage.includes(`/en/assistance/requests/${id}"`));
    assert.match(offerPage, /both work on border control and law enforcement/);
    const publicOffer = await (await client.public.get(`${base}/offers/${offerId}`)).text();
    assert.doesNotMatch(publicOffer, /ranked-heading/);
    assert.doesNotMatch(publicOffer, /\/assistance\/requests\//);
    // Filter by area and provider.
    assert.match(
      await (await client.public.get(`${base}/offers?area=border-control&provider=organization%3AIAEA`)).text(),
      /Border monitoring training/,
    );
    assert.doesNotMatch(await (await client.public.get(`${base}/offers?area=financing`)).text(), /Border monitoring training/);

    const n = await count('assistance_match');
    assert.equal((await client.committee.post(`${base}/requests/${id}/suggest`, {})).status, 403);
    assert.equal((await client.expert.post(`${base}/requests/${id}/suggest`, {})).status, 303);
    assert.ok((await count('assistance_match')) > n);
    const html = await (await client.expert.get(`${base}/requests/${id}`)).text();
    assert.match(html, /both cover OP3 \(c\): border controls and law enforcement for chemical weapons/);
    assert.match(html, /the provider works in French/);
    const match = await t.database.db
      .selectFrom('assistance_match as m')
      .innerJoin('assistance_request_item as i', 'i.id', 'm.item_id')
      .select(['m.id', 'm.row_version', 'm.status'])
      .where('i.request_id', '=', id)
      .where('m.offer_id', '=', offerId)
      .executeTakeFirstOrThrow();
    assert.equal(match.status, 'suggested');
    // The moves the match may make: buttons for each.
    for (const to of ['proposed', 'set-aside', 'accepted'])
      assert.match(html, new RegExp(`action="/en/assistance/requests/${id}/matches/${match.id}"[\\s\\S]{0,400}name="to" value="${to}"`));
    const stale = await client.expert.post(`${base}/requests/${id}/matches/${match.id}`, {
      to: 'proposed',
      version: String(match.row_version - 1),
    });
    assert.equal(stale.status, 409);
    const moved = await client.expert.post(`${base}/requests/${id}/matches/${match.id}`, {
      to: 'proposed',
      on: today,
      version: String(match.row_version),
    });
    assert.equal(moved.status, 303);
    assert.match(await (await client.expert.get(`${base}/requests/${id}`)).text(), /<strong>proposed to the provider<\/strong>/);
    // The provider sees its own matches, without the buttons.
    const provider = await (await client.provider.get(`${base}/requests/${id}`)).text();
    assert.match(provider, /Border monitoring training/);
    assert.doesNotMatch(provider, /name="to"/);
    // Added by hand: an item of another request is refused.
    const other = await t.database.db
      .selectFrom('assistance_request_item')
      .select('id')
      .where('request_id', '<>', id)
      .executeTakeFirstOrThrow();
    const foreign = await client.expert.post(`${base}/requests/${id}/matches`, { itemId: other.id, offerId });
    assert.equal(foreign.status, 422);
    assert.match(await foreign.text(), /<code>itemId<\/code>/);
  });

  test('the summary, once posted, is public with its areas named', async () => {
    assert.doesNotMatch(await (await client.public.get(`${base}/summaries`)).text(), /training of customs officers and a review/);
    const res = await client.expert.post(`${base}/requests/${id}/steps`, {
      action: 'post-summary',
      on: today,
      version: await versionOf(id),
    });
    assert.equal(res.status, 303);
    const html = await (await client.public.get(`${base}/summaries`)).text();
    assert.match(html, /Mali asks for training of customs officers and a review of its export control law\./);
    assert.match(html, /border control and law enforcement, export and trans-shipment control, legislative drafting/);
    // The request itself stays hidden from the public.
    assert.equal((await client.public.get(`${base}/requests/${id}`)).status, 404);
    assert.match(await (await client.public.get('/fr/assistance/summaries')).text(), /contrôle aux frontières et répression/);
  });

  test('the history of the request, for the Committee side and Mali', async () => {
    assert.equal((await client.expert.get(`${base}/requests/${id}/history`)).status, 200);
    assert.equal((await client.poc.get(`${base}/requests/${id}/history`)).status, 200);
    assert.equal((await client.provider.get(`${base}/requests/${id}/history`)).status, 403);
    assert.equal((await client.pocNer.get(`${base}/requests/${id}/history`)).status, 404);
  });

  test('the point of contact withdraws its request', async () => {
    const res = await client.poc.post(`${base}/requests/${id}/steps`, {
      confirm: 'yes',
      action: 'withdraw',
      on: today,
      version: await versionOf(id),
    });
    assert.equal(res.status, 303);
    assert.equal(
      (await t.database.db.selectFrom('assistance_request').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'withdrawn',
    );
    // But it does not take the Committee's steps.
    assert.equal(
      (await client.poc.post(`${base}/requests/${id}/steps`, { action: 'close', on: today, version: await versionOf(id) })).status,
      403,
    );
  });
});

describe('offers: who records and changes them', () => {
  test('a provider records its own offer (the provider fixed), not another’s', async () => {
    const form = await (await client.provider.get(`${base}/offers/new`)).text();
    assert.doesNotMatch(form, /<select id="provider"/);
    const res = await client.provider.post(`${base}/offers/new`, {
      provider: 'organization:WCO',
      title: 'Safeguards training',
      areas: 'accounting-protection',
    });
    assert.equal(res.status, 303);
    const row = await t.database.db
      .selectFrom('assistance_offer')
      .select(['provider_organization_code'])
      .where('id', '=', idFrom(res))
      .executeTakeFirstOrThrow();
    assert.equal(row.provider_organization_code, 'IAEA');
    const noArea = await client.provider.post(`${base}/offers/new`, { title: 'No area' });
    assert.equal(noArea.status, 422);
    assert.match(
      await noArea.text(),
      /<fieldset id="areas" class="checks" aria-describedby="areas-error"><legend>Areas<\/legend><p class="form-errors" id="areas-error">/,
    );
    for (const who of ['poc', 'committee'] as const) assert.equal((await client[who].get(`${base}/offers/new`)).status, 403, who);
    assert.equal((await client.public.get(`${base}/offers/new`)).status, 401);
  });

  test('the provider may not change another provider’s offer; the keepers archive and restore', async () => {
    const made = await client.expert.post(`${base}/offers/new`, {
      provider: 'organization:WCO',
      title: 'Customs enforcement',
      areas: 'border-control',
    });
    const id = idFrom(made);
    assert.equal((await client.provider.get(`${base}/offers/${id}`)).status, 200);
    assert.equal((await client.provider.get(`${base}/offers/${id}/edit`)).status, 403);
    assert.equal((await client.expert.get(`${base}/offers/${id}/edit`)).status, 200);
    const version = async () =>
      String(
        (await t.database.db.selectFrom('assistance_offer').select('row_version').where('id', '=', id).executeTakeFirstOrThrow())
          .row_version,
      );
    const stale = await client.expert.post(`${base}/offers/${id}/edit`, {
      provider: 'organization:WCO',
      title: 'Renamed',
      areas: 'border-control',
      version: '0',
    });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /changed by someone else/);
    assert.equal((await client.expert.post(`${base}/offers/${id}/archive`, { confirm: 'yes', version: await version() })).status, 303);
    assert.doesNotMatch(await (await client.public.get(`${base}/offers`)).text(), /Customs enforcement/);
    assert.equal((await client.expert.post(`${base}/offers/${id}/restore`, { version: await version() })).status, 303);
    assert.match(await (await client.public.get(`${base}/offers`)).text(), /Customs enforcement/);
  });
});

describe('every page in the six languages', () => {
  test('the hub, the form, a request, the offers and the summaries have every text translated', async () => {
    const anyRequest = await t.database.db
      .selectFrom('assistance_request')
      .select('id')
      .where('state_iso3', '=', 'MLI')
      .executeTakeFirstOrThrow();
    const anyOffer = await t.database.db.selectFrom('assistance_offer').select('id').executeTakeFirstOrThrow();
    for (const locale of locales)
      for (const path of [
        '',
        '/requests/new',
        `/requests/${anyRequest.id}`,
        '/offers',
        `/offers/${anyOffer.id}`,
        '/offers/new',
        '/summaries',
      ]) {
        const res = await client.expert.get(`/${locale}/assistance${path}`);
        assert.equal(res.status, 200, `${locale}${path}`);
        const html = await res.text();
        assert.doesNotMatch(html, /data-missing-translations/, `${locale}${path}`);
        assert.match(html, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`));
      }
  });
});
