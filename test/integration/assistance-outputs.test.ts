// The clearinghouse's outputs: the consolidated list (page, XLSX, DOCX), the quarterly update and
// the figures per year, built from requests recorded through the commands in 2017 and 2018 and
// read as the Committee side, a State's point of contact, a provider and the public: what a viewer
// may not see is neither listed nor counted. LibreOffice Writer reads the two Word documents.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { addMatch, moveMatch, suggestMatches } from '../../src/features/assistance/matching/commands.ts';
import { createOffer } from '../../src/features/assistance/offers/commands.ts';
import { takeStep } from '../../src/features/assistance/procedure/steps.ts';
import { createRequest } from '../../src/features/assistance/requests/commands.ts';
import { recordResponse } from '../../src/features/assistance/requests/responses.ts';
import { assistanceFigures } from '../../src/features/assistance/outputs/figures.ts';
import { consolidatedList } from '../../src/features/assistance/outputs/list.ts';
import { quarterlyUpdate, quarterOf } from '../../src/features/assistance/outputs/quarterly.ts';
import type { RequestInput } from '../../src/features/assistance/requests/inputs.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

const run = promisify(execFile);
const today = '2019-03-31';

let t: TestApp;
const who = {} as Record<'expert' | 'poc' | 'provider', Viewer>;
const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
const offers = {} as Record<'wco' | 'iaea' | 'interpol', string>;
const names = {} as Record<string, { en: string; ar: string }>;

const hiddenNeed = 'Biosafety assessment of the national veterinary laboratory';
const iraqNeed = 'Training of customs officers in detecting chemical precursors at the border';

const request = (stateIso3: string, receivedOn: string, items: RequestInput['items'], over: Partial<RequestInput> = {}): RequestInput => ({
  stateIso3,
  receivedOn,
  channel: 'note-verbale',
  languages: ['en'],
  items,
  ...over,
});

async function version(id: string): Promise<number> {
  const r = await t.database.db.selectFrom('assistance_request').select('row_version').where('id', '=', id).executeTakeFirstOrThrow();
  return r.row_version;
}
async function step(id: string, action: string, on: string, providers?: string[]) {
  await takeStep(t.database.db, actorOf(who.expert), who.expert, id, { action, on, providers, expectedVersion: await version(id) }, today);
}
async function itemIds(id: string): Promise<string[]> {
  return (
    await t.database.db.selectFrom('assistance_request_item').select('id').where('request_id', '=', id).orderBy('position').execute()
  ).map((i) => i.id);
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  who.expert = (await findActiveViewer(db, 'expert@demo.r1540.org'))!;
  who.poc = (await findActiveViewer(db, 'poc.mli@demo.r1540.org'))!;
  who.provider = (await findActiveViewer(db, 'provider@demo.r1540.org'))!;
  assert.equal(who.provider.organizationCode, 'IAEA');
  const actor = actorOf(who.expert);
  for (const s of await db
    .selectFrom('member_state')
    .select(['iso3', 'names'])
    .where('iso3', 'in', ['IRQ', 'MLI', 'NER', 'PER', 'TGO'])
    .execute())
    names[s.iso3.trim()] = { en: s.names.en, ar: s.names.ar };

  // 2017: Peru (summary posted, circulated to WCO and the IAEA) and Togo (nothing more).
  ids.A = (
    await createRequest(
      db,
      actor,
      who.expert,
      request(
        'PER',
        '2017-03-10',
        [{ description: 'Drafting of a strategic trade control law', areas: ['legislation', 'export-control'], kinds: ['legal-review'] }],
        {
          consentSummary: true,
          summary: 'Peru asks for help with its strategic trade law.',
        },
      ),
      today,
    )
  ).id;
  await step(ids.A, 'authenticate', '2017-03-13');
  await step(ids.A, 'acknowledge', '2017-03-14');
  await step(ids.A, 'circulate', '2017-03-28', ['organization:WCO', 'organization:IAEA']);
  await step(ids.A, 'post-summary', '2017-04-03');
  ids.B = (
    await createRequest(
      db,
      actor,
      who.expert,
      request('TGO', '2017-09-05', [{ description: 'Awareness raising for industry', areas: ['industry-outreach'], kinds: ['awareness'] }]),
      today,
    )
  ).id;

  // 2018: Mali (its point of contact's own; summary posted), Iraq (circulated to the IAEA), Niger (hidden from all but the Committee side and Niger).
  ids.C = (
    await createRequest(
      db,
      actorOf(who.poc),
      who.poc,
      request(
        'MLI',
        '2018-02-12',
        [
          {
            description: 'Border police training on chemical weapons precursors',
            areas: ['border-control'],
            weapons: ['chemical'],
            kinds: ['training'],
            priority: 'high',
          },
          { description: 'Review of the draft export control law', areas: ['export-control', 'legislation'], kinds: ['legal-review'] },
          {
            description: 'Support to the national coordination committee',
            areas: ['coordination'],
            kinds: ['expert-advice'],
            priority: 'low',
          },
        ],
        { consentSummary: true, summary: 'Mali asks for border and export control help.', invitesVisit: true, languages: ['fr'] },
      ),
      today,
    )
  ).id;
  await step(ids.C, 'authenticate', '2018-02-13');
  await step(ids.C, 'acknowledge', '2018-02-14');
  await step(ids.C, 'circulate', '2018-03-01', ['organization:WCO', 'organization:INTERPOL']);
  await step(ids.C, 'post-summary', '2018-03-05');
  const cItems = await itemIds(ids.C);
  await recordResponse(
    db,
    actor,
    who.expert,
    ids.C,
    { provider: 'organization:INTERPOL', respondedOn: '2018-04-10', itemIds: [cItems[0]!, cItems[2]!] },
    today,
  );

  ids.D = (
    await createRequest(
      db,
      actor,
      who.expert,
      request(
        'IRQ',
        '2018-05-14',
        [
          { description: iraqNeed, areas: ['border-control'], weapons: ['chemical'], kinds: ['training'], paragraphs: ['OP3c'] },
          {
            description: 'Radiation detection equipment for the ports',
            areas: ['nuclear-security', 'accounting-protection'],
            weapons: ['nuclear'],
            kinds: ['equipment'],
          },
        ],
        { invitesVisit: true, reference: 'IRQ/2018/1' },
      ),
      today,
    )
  ).id;
  await step(ids.D, 'authenticate', '2018-05-15');
  await step(ids.D, 'acknowledge', '2018-05-16');
  await step(ids.D, 'circulate', '2018-06-04', ['organization:WCO', 'organization:IAEA']);
  const dItems = await itemIds(ids.D);
  await recordResponse(db, actor, who.expert, ids.D, { provider: 'organization:WCO', respondedOn: '2018-06-20', itemIds: dItems }, today);
  await recordResponse(
    db,
    actor,
    who.expert,
    ids.D,
    { provider: 'organization:IAEA', respondedOn: '2018-07-02', itemIds: [dItems[1]!] },
    today,
  );
  await step(ids.D, 'forward', '2018-07-03');
  await step(ids.D, 'start', '2018-09-01');

  ids.E = (
    await createRequest(
      db,
      actor,
      who.expert,
      request('NER', '2018-08-20', [
        { description: hiddenNeed, areas: ['biosafety-biosecurity'], weapons: ['biological'], kinds: ['expert-advice'] },
      ]),
      today,
    )
  ).id;

  // Offers (recorded today), the engine's suggestions for Iraq, and one match taken to delivery.
  offers.wco = (
    await createOffer(db, actor, who.expert, {
      provider: 'organization:WCO',
      title: 'Customs enforcement training',
      areas: ['border-control', 'export-control'],
      weapons: ['chemical', 'nuclear'],
      kinds: ['training'],
    })
  ).id;
  offers.iaea = (
    await createOffer(db, actor, who.expert, {
      provider: 'organization:IAEA',
      title: 'Nuclear security detection support',
      areas: ['nuclear-security', 'accounting-protection'],
      weapons: ['nuclear'],
      kinds: ['equipment', 'training'],
    })
  ).id;
  offers.interpol = (
    await createOffer(db, actor, who.expert, {
      provider: 'organization:INTERPOL',
      title: 'Bioterrorism prevention',
      areas: ['biosafety-biosecurity', 'border-control'],
      weapons: ['biological'],
      kinds: ['training'],
    })
  ).id;
  const suggested = await suggestMatches(db, actor, ids.D, 5, '2018-07-05');
  const iaeaMatch =
    suggested.find((x) => x.item_id === dItems[1] && x.offer_id === offers.iaea) ??
    (await addMatch(db, actor, { itemId: dItems[1]!, offerId: offers.iaea }, '2018-07-05'));
  let moved = iaeaMatch;
  for (const [to, on] of [
    ['proposed', '2018-07-10'],
    ['accepted', '2018-07-20'],
    ['under-way', '2018-09-01'],
    ['delivered', '2018-11-15'],
  ] as const)
    moved = await moveMatch(db, actor, moved.id, { to, on, expectedVersion: moved.row_version }, today);
  assert.equal(moved.status, 'delivered');
});
after(() => t.close());

describe('figures per year', () => {
  test('the Committee side counts every request: 3 new in 2018 against 2 in 2017, States, items per area, responses and deliveries per provider', async () => {
    const f = await assistanceFigures(t.database.db, who.expert, 2018);
    assert.equal(f.basis, 'all');
    assert.deepEqual([f.newRequests, f.newRequestsPreviousYear, f.visitInvitations], [3, 2, 2]);
    assert.deepEqual(f.states.map((s) => [s.iso3, s.requests, s.items]).sort(), [
      ['IRQ', 1, 2],
      ['MLI', 1, 3],
      ['NER', 1, 1],
    ]);
    const area = Object.fromEntries(f.areas.map((a) => [a.area, [a.requests, a.items]]));
    assert.deepEqual(area['border-control'], [2, 2]);
    assert.deepEqual(area['biosafety-biosecurity'], [1, 1]);
    assert.deepEqual(area['nuclear-security'], [1, 1]);
    assert.deepEqual(area['industry-outreach'], [0, 0], 'Togo’s 2017 item is not counted in 2018');
    assert.equal(f.areas.length, 11, 'every area, those without items too');
    assert.deepEqual(f.providers.map((p) => [p.provider, p.responses, p.itemsAnswered, p.delivered]).sort(), [
      ['organization:IAEA', 1, 1, 1],
      ['organization:INTERPOL', 1, 2, 0],
      ['organization:WCO', 1, 2, 0],
    ]);
    assert.deepEqual([f.responses, f.matchesDelivered], [3, 1]);
    const f2017 = await assistanceFigures(t.database.db, who.expert, 2017);
    assert.deepEqual([f2017.newRequests, f2017.newRequestsPreviousYear, f2017.responses], [2, 0, 0]);
  });

  test('a provider counts what was circulated to it and the posted summaries; its own responses and deliveries only', async () => {
    const f = await assistanceFigures(t.database.db, who.provider, 2018);
    assert.equal(f.basis, 'visible');
    assert.deepEqual(
      [f.newRequests, f.newRequestsPreviousYear],
      [2, 1],
      'Iraq (circulated) and Mali (posted summary); Peru in 2017; not Niger nor Togo',
    );
    assert.deepEqual(f.states.map((s) => [s.iso3, s.requests, s.items]).sort(), [
      ['IRQ', 1, 2],
      ['MLI', 1, 0],
    ]);
    assert.deepEqual(
      f.providers.map((p) => [p.provider, p.responses, p.itemsAnswered, p.delivered]),
      [['organization:IAEA', 1, 1, 1]],
    );
    assert.equal(f.areas.find((a) => a.area === 'biosafety-biosecurity')!.requests, 0, 'Niger’s hidden request is not counted');
  });

  test('a point of contact: its own State’s requests and the posted summaries', async () => {
    const f = await assistanceFigures(t.database.db, who.poc, 2018);
    assert.deepEqual([f.newRequests, f.newRequestsPreviousYear, f.visitInvitations], [1, 1, 1]);
    assert.deepEqual(
      f.states.map((s) => s.iso3),
      ['MLI'],
    );
    assert.deepEqual(
      f.providers.map((p) => [p.provider, p.responses]),
      [['organization:INTERPOL', 1]],
    );
    assert.equal(f.matchesDelivered, 0);
  });

  test('the public: posted summaries only, without items, responses or deliveries; through the page, the CSV and the API', async () => {
    const f = await assistanceFigures(t.database.db, null, 2018);
    assert.equal(f.basis, 'summaries');
    assert.deepEqual([f.newRequests, f.newRequestsPreviousYear, f.visitInvitations, f.responses, f.matchesDelivered], [1, 1, 0, 0, 0]);
    assert.deepEqual(
      f.areas.find((a) => a.area === 'border-control'),
      { area: 'border-control', requests: 1, items: 0 },
    );
    assert.deepEqual(f.providers, []);

    const page = await t.request('/en/assistance/figures?year=2018');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /The public sees only the requests whose summary was posted/);
    assert.ok(
      html.includes(`href="/en/states/MLI"`) && !html.includes('href="/en/states/IRQ"') && !html.includes('href="/en/states/NER"'),
      'only Mali is named',
    );
    const api = await t.request('/api/v1/assistance/figures?year=2018');
    const body = (await api.json()) as { data: { newRequests: number; newRequestsPreviousYear: number; basis: string } };
    assert.deepEqual([body.data.basis, body.data.newRequests, body.data.newRequestsPreviousYear], ['summaries', 1, 1]);
    assert.equal((await t.request('/api/v1/assistance/figures?year=1999')).status, 422);
    const csv = await (await t.request('/en/assistance/figures.csv?year=2018')).text();
    assert.ok(csv.includes('2018,new-requests,,,1\r\n') && !csv.includes('responses-by-provider'), csv);
  });

  test('the Committee side’s CSV and API say the same as the query', async () => {
    const client = new Client(t);
    await client.login('expert@demo.r1540.org');
    const csv = await (await client.get('/fr/assistance/figures?year=2018&format=csv')).text();
    for (const line of [
      '2017,new-requests,,,2',
      '2018,new-requests,,,3',
      '2018,requests-by-state,IRQ,Iraq,1',
      '2018,delivered-by-provider,organization:IAEA,AIEA,1',
      '2018,matches-delivered,,,1',
    ])
      assert.ok(csv.includes(`${line}\r\n`), `${line} in:\n${csv}`);
    const api = (await (await client.get('/api/v1/assistance/figures?year=2018')).json()) as {
      data: { newRequests: number; responses: number };
    };
    assert.deepEqual([api.data.newRequests, api.data.responses], [3, 3]);
  });
});

describe('the consolidated list', () => {
  test('every request the viewer may see, with items, responses and matches per item', async () => {
    const list = await consolidatedList(t.database.db, who.expert, { year: 2018 }, today);
    assert.deepEqual(
      list.requests.map((r) => r.stateIso3),
      ['NER', 'IRQ', 'MLI'],
      'newest first',
    );
    assert.deepEqual(list.counts.requests, 3);
    assert.deepEqual(list.counts.items, 6);
    const iraq = list.requests.find((r) => r.id === ids.D)!;
    assert.deepEqual([iraq.status, iraq.statusOn, iraq.invitesVisit, iraq.channel], ['under-way', '2018-09-01', true, 'note-verbale']);
    assert.deepEqual(
      iraq.responses.map((x) => [x.provider, x.respondedOn, x.items]),
      [
        ['organization:WCO', '2018-06-20', [1, 2]],
        ['organization:IAEA', '2018-07-02', [2]],
      ],
    );
    assert.deepEqual(
      iraq.items[1]!.responses.map((x) => x.provider),
      ['organization:WCO', 'organization:IAEA'],
    );
    const delivered = iraq.items[1]!.matches.find((x) => x.offerId === offers.iaea)!;
    assert.deepEqual(
      [delivered.status, delivered.statusOn, delivered.provider, delivered.offerTitle],
      ['delivered', '2018-11-15', 'organization:IAEA', 'Nuclear security detection support'],
    );
    assert.ok((await consolidatedList(t.database.db, who.expert, { state: 'PER' }, today)).requests.every((r) => r.stateIso3 === 'PER'));
    assert.equal((await consolidatedList(t.database.db, who.expert, { status: 'received' }, today)).requests.length, 2, 'Togo and Niger');
  });

  test('a provider’s list: only what was circulated to it, its own responses, no match the experts keep to themselves', async () => {
    const list = await consolidatedList(t.database.db, who.provider, { year: 2018 }, today);
    assert.deepEqual(
      list.requests.map((r) => r.id),
      [ids.D],
    );
    assert.deepEqual(
      list.requests[0]!.responses.map((x) => x.provider),
      ['organization:IAEA'],
    );
    const matches = list.requests[0]!.items.flatMap((i) => i.matches);
    assert.ok(
      matches.every((x) => x.provider === 'organization:IAEA' && !['suggested', 'set-aside'].includes(x.status)),
      JSON.stringify(matches),
    );
    assert.deepEqual(
      (await consolidatedList(t.database.db, who.poc, {}, today)).requests.map((r) => r.stateIso3),
      ['MLI'],
    );
    assert.deepEqual((await consolidatedList(t.database.db, null, {}, today)).requests, []);
  });

  test('the page is the Committee side’s: the other State’s point of contact is refused and the hidden request is not named', async () => {
    const poc = new Client(t);
    await poc.login('poc.mli@demo.r1540.org');
    const refused = await poc.get('/en/assistance/list');
    assert.equal(refused.status, 403);
    const text = await refused.text();
    assert.ok(!text.includes(hiddenNeed) && !text.includes(names.NER!.en), 'Niger’s request is not named');
    assert.equal((await poc.get('/en/assistance/list.xlsx')).status, 403);
    assert.equal((await t.request('/en/assistance/list')).status, 401);

    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const page = await expert.get('/en/assistance/list?year=2018');
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const s of [
      hiddenNeed,
      iraqNeed,
      names.NER!.en,
      names.IRQ!.en,
      'Nuclear security detection support (IAEA): delivered, Nov 15, 2018',
      'WCO (Jun 20, 2018)',
      'IRQ/2018/1',
    ])
      assert.ok(html.includes(s), `the page has ${s}`);
    assert.ok(
      html.includes(`/en/assistance/requests/${ids.D}`) && !html.includes(`/en/assistance/requests/${ids.A}`),
      'the year filter keeps Peru’s 2017 request out',
    );
    assert.equal((await expert.get('/en/assistance/list?year=12')).status, 422);
    assert.equal((await expert.get('/en/assistance/list?format=pdf')).status, 422);
  });

  test('the workbook: one row per item with the request’s columns, dates as dates, frozen header, autofilter', async () => {
    const client = new Client(t);
    await client.login('expert@demo.r1540.org');
    const res = await client.get('/en/assistance/list.xlsx?year=2018');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="assistance-requests-2018-en\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.name, 'Requests');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 4), ['Reference', 'State', 'ISO code', 'Received']);
    const col = (name: string) => header.indexOf(name) + 1;
    assert.equal(ws.rowCount, 7, 'the header and six items');
    const rows = Array.from({ length: 6 }, (_, i) => ws.getRow(i + 2));
    const iraq = rows.filter((r) => r.getCell(col('ISO code')).value === 'IRQ');
    assert.equal(iraq.length, 2, 'the request’s columns repeated on each item');
    assert.deepEqual(
      iraq.map((r) => r.getCell(col('Item no.')).value),
      [1, 2],
    );
    assert.ok(iraq.every((r) => r.getCell(col('State')).value === names.IRQ!.en && r.getCell(col('Reference')).value === 'IRQ/2018/1'));
    const received = iraq[0]!.getCell(col('Received')).value;
    assert.ok(received instanceof Date && received.toISOString() === '2018-05-14T00:00:00.000Z', `a date: ${String(received)}`);
    assert.equal(iraq[0]!.getCell(col('Need')).value, iraqNeed);
    assert.match(String(iraq[1]!.getCell(col('Matched offers')).value), /Nuclear security detection support \(IAEA\): delivered/);
    assert.equal(iraq[1]!.getCell(col('Responses')).value, 'WCO (Jun 20, 2018)\nIAEA (Jul 2, 2018)');
    assert.ok(rows.some((r) => r.getCell(col('Need')).value === hiddenNeed));
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
    assert.ok(ws.autoFilter, 'an autofilter');
    assert.match(String(ws.autoFilter), /^A1:[A-Z]+7$/);
  });
});

describe('the quarterly update', () => {
  test('only the quarter’s events: Q2 2018', async () => {
    const u = await quarterlyUpdate(t.database.db, who.expert, 2018, 2);
    assert.deepEqual([u.from, u.to], ['2018-04-01', '2018-06-30']);
    assert.deepEqual(
      u.requests.map((r) => r.id),
      [ids.D],
    );
    assert.deepEqual(
      u.requests[0]!.items.map((i) => i.position),
      [1, 2],
    );
    assert.deepEqual(
      u.steps.map((s) => [s.stateIso3, s.action, s.takenOn]),
      [
        ['IRQ', 'authenticate', '2018-05-15'],
        ['IRQ', 'acknowledge', '2018-05-16'],
        ['IRQ', 'circulate', '2018-06-04'],
      ],
    );
    assert.deepEqual(
      u.responses.map((x) => [x.stateIso3, x.provider, x.respondedOn, x.items]),
      [
        ['MLI', 'organization:INTERPOL', '2018-04-10', [1, 3]],
        ['IRQ', 'organization:WCO', '2018-06-20', [1, 2]],
      ],
    );
    assert.deepEqual(u.matches, [], 'the suggestions came on 5 July');
    assert.deepEqual(u.offers, [], 'the offers were recorded today');
    assert.deepEqual(u.counts, { requests: 1, steps: 3, responses: 2, matches: 0, offers: 0, matchesByStatus: {} });
  });

  test('Q3 and Q4 2018 hold the later events; the current quarter holds the offers recorded today', async () => {
    const q3 = await quarterlyUpdate(t.database.db, who.expert, 2018, 3);
    assert.deepEqual(
      q3.requests.map((r) => r.stateIso3),
      ['NER'],
    );
    assert.deepEqual(
      q3.steps.map((s) => s.action),
      ['forward', 'start'],
    );
    assert.deepEqual(
      q3.responses.map((x) => x.provider),
      ['organization:IAEA'],
    );
    assert.ok(q3.matches.every((x) => x.statusOn >= '2018-07-01' && x.statusOn <= '2018-09-30' && x.id !== undefined));
    const q4 = await quarterlyUpdate(t.database.db, who.expert, 2018, 4);
    assert.deepEqual(
      q4.matches.map((x) => [x.stateIso3, x.item, x.provider, x.status, x.statusOn]),
      [['IRQ', 2, 'organization:IAEA', 'delivered', '2018-11-15']],
    );
    assert.deepEqual([q4.requests, q4.steps, q4.responses], [[], [], []]);
    const now = new Date().toISOString().slice(0, 10);
    const current = await quarterlyUpdate(t.database.db, who.expert, Number(now.slice(0, 4)), quarterOf(now));
    assert.deepEqual(current.offers.map((o) => o.title).sort(), [
      'Bioterrorism prevention',
      'Customs enforcement training',
      'Nuclear security detection support',
    ]);

    const provider = await quarterlyUpdate(t.database.db, who.provider, 2018, 3);
    assert.deepEqual(
      [provider.requests, provider.responses.map((x) => x.provider)],
      [[], ['organization:IAEA']],
      'not Niger’s request; its own response only',
    );
    assert.ok(provider.matches.every((x) => x.provider === 'organization:IAEA' && x.status !== 'suggested'));
  });

  test('the page and its refusals', async () => {
    const client = new Client(t);
    await client.login('expert@demo.r1540.org');
    const res = await client.get('/en/assistance/quarterly?year=2018&quarter=2');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(
      html.includes('Quarter 2 of 2018: April 1, 2018 to June 30, 2018') &&
        html.includes('1 new request') &&
        html.includes('2 responses from providers'),
      html.slice(0, 2000),
    );
    assert.ok(!html.includes(hiddenNeed));
    assert.equal((await client.get('/en/assistance/quarterly?year=2018&quarter=5')).status, 422);
    const provider = new Client(t);
    await provider.login('provider@demo.r1540.org');
    assert.equal((await provider.get('/en/assistance/quarterly?year=2018&quarter=2')).status, 403);
  });
});

/**
 * LibreOffice Writer (`apt-get install libreoffice-writer-nogui`) reads the Word documents. Without
 * it the test is skipped and says so, unless R1540_REQUIRE_SYSTEM_TOOLS is set: then its absence
 * fails the test.
 */
const soffice = await run('soffice', ['--version'], { timeout: 60_000 }).then(
  () => true,
  () => false,
);
const skip = soffice || process.env.R1540_REQUIRE_SYSTEM_TOOLS ? false : 'LibreOffice (soffice) is not installed';

test('LibreOffice reads the consolidated list in Arabic and the quarterly update in English', { skip }, async () => {
  const client = new Client(t);
  await client.login('expert@demo.r1540.org');
  const list = await client.get('/ar/assistance/list.docx?year=2018');
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const quarterly = await client.get('/en/assistance/quarterly?year=2018&quarter=2&format=docx');
  assert.equal(quarterly.status, 200);
  const work = mkdtempSync(join(tmpdir(), 'r1540-assistance-'));
  try {
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', 'list.docx'), Buffer.from(await list.arrayBuffer()));
    writeFileSync(join(work, 'in', 'quarterly.docx'), Buffer.from(await quarterly.arrayBuffer()));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        join(work, 'txt'),
        join(work, 'in', 'list.docx'),
        join(work, 'in', 'quarterly.docx'),
      ],
      { timeout: 180_000 },
    );
    const text = (n: string) => readFileSync(join(work, 'txt', `${n}.txt`), 'utf8').replace(/^\uFEFF/, '');
    const ar = text('list');
    for (const s of ['القائمة الموحدة لطلبات المساعدة', names.IRQ!.ar, names.NER!.ar, iraqNeed, hiddenNeed, 'IRQ/2018/1'])
      assert.ok(ar.includes(s), `the Arabic list has ${s}:\n${ar.slice(0, 1500)}`);
    const en = text('quarterly');
    for (const s of [
      'Quarterly update of the assistance clearinghouse',
      'Quarter 2 of 2018',
      names.IRQ!.en,
      iraqNeed,
      'INTERPOL',
      'None in this quarter.',
    ])
      assert.ok(en.includes(s), `the quarterly update has ${s}:\n${en.slice(0, 1500)}`);
    assert.ok(!en.includes(hiddenNeed), 'Niger’s request was received in Q3');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
