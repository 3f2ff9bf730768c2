import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { addWorkingDays } from '../../src/features/assistance/procedure/calendar.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { exportBundle } from '../../src/platform/bundle/bundle.ts';
import { todayIso } from '../../src/platform/values/dates.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import type { CliRun } from '../support/cli.ts';
import { cliExport, cliOnDatabase } from '../support/cli-snapshot.ts';

/*
 * Markers planted in every restricted field of a request for assistance, then every door read as
 * every kind of reader: the API, the request page, its history, the hub, the outputs (page, CSV,
 * XLSX, DOCX), the figures, the bundle export and `r1540 export --as` (the whole bundle, through
 * the command line). A marker may appear only where its reader may see
 * it (docs/assistance.md "Who sees what"; the API's presenters are the reference):
 * - the State's contact: the Committee side and the requesting State, never a provider;
 * - the steps' notes and the staff who took them: not the providers;
 * - a response: the Committee side and its provider; the State once it is forwarded;
 * - a match the experts keep to themselves (suggested, set aside): the Committee side only;
 *   one put to the provider: the State and that provider too.
 */

type Who = 'public' | 'expert' | 'poc' | 'pocNer' | 'wco' | 'who' | 'iaea';
const password = 'a-long-enough-password';
const emails: Record<Exclude<Who, 'public'>, string> = {
  expert: 'marker.expert@example.org',
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner.markers@example.org',
  wco: 'provider.wco.markers@example.org',
  who: 'provider.who.markers@example.org',
  iaea: 'provider@demo.r1540.org',
};

const marker = {
  contactName: 'MKCONTACTNAME',
  contactEmail: 'mkcontactemail@example.org',
  actor: 'MKACTORSTAFF',
  stepNote: 'MKSTEPNOTE',
  forwardNote: 'MKFORWARDNOTE',
  responseForwarded: 'MKRESPWCOFORWARDED',
  responseUnforwarded: 'MKRESPWHOUNFORWARDED',
  suggested: 'MKMATCHSUGGESTED',
  setAside: 'MKMATCHSETASIDE',
  suggestedOwn: 'MKMATCHWCOSUGGESTED',
  proposed: 'MKMATCHPROPOSED',
} as const;
type Marker = keyof typeof marker;

/** The markers each reader may meet; any other is a leak. */
const allowed: Record<Who, readonly Marker[]> = {
  expert: Object.keys(marker) as Marker[],
  poc: ['contactName', 'contactEmail', 'actor', 'stepNote', 'forwardNote', 'responseForwarded', 'proposed'],
  wco: ['responseForwarded', 'proposed'],
  who: ['responseUnforwarded'],
  iaea: [],
  pocNer: [],
  public: [],
};

let t: TestApp;
const token = {} as Record<Exclude<Who, 'public'>, string>;
const client = {} as Record<Who, Client>;
let requestId: string;
const offerIds: string[] = [];
let cliDir = '';
let r1540: ((args: string[]) => Promise<CliRun>) | undefined;
const cliBundles = new Map<Who, string>();

/** `r1540 export --as` the reader (the public: no account), once: the whole bundle as printed. */
async function cliBundle(who: Who): Promise<string> {
  r1540 ??= await cliOnDatabase(t.database, cliDir);
  if (!cliBundles.has(who)) cliBundles.set(who, await cliExport(r1540, who === 'public' ? null : emails[who]));
  return cliBundles.get(who)!;
}

async function api(path: string, who: Who, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${token[who]}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  assert.ok(res.status < 500, `${path}: ${res.status} ${text}`);
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in tests
  return { status: res.status, text, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

/** The texts of a ZIP (XLSX, DOCX), inflated. */
function zipText(buf: Buffer): string {
  const out: string[] = [];
  let p = 0;
  while (p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const method = buf.readUInt16LE(p + 8);
    const size = buf.readUInt32LE(p + 18);
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const raw = buf.subarray(start, start + size);
    out.push((method === 0 ? raw : inflateRawSync(raw)).toString('utf8'));
    p = start + size;
  }
  return out.join('\n');
}

async function page(who: Who, path: string): Promise<string> {
  const res = await client[who].get(path);
  assert.ok(res.status < 500, `${who} ${path}: ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (/zip|officedocument/.test(type)) return zipText(Buffer.from(await res.arrayBuffer()));
  return res.text();
}

/** Every door, as one reader: name → what it answered. */
async function doors(who: Who): Promise<Map<string, string>> {
  const id = requestId;
  const out = new Map<string, string>();
  for (const path of [
    `/api/v1/assistance/requests/${id}`,
    '/api/v1/assistance/requests',
    `/api/v1/assistance/requests/${id}/matches`,
    `/api/v1/assistance/requests/${id}/matches?suggest=engine`,
    ...offerIds.map((o) => `/api/v1/assistance/offers/${o}/matches`),
    `/api/v1/assistance/figures?year=${todayIso().slice(0, 4)}`,
  ])
    out.set(`api ${path}`, (await api(path, who)).text);
  for (const path of [
    `/en/assistance/requests/${id}`,
    `/en/assistance/requests/${id}/history`,
    '/en/assistance',
    '/en/assistance?format=csv',
    '/en/assistance/list',
    '/en/assistance/list.xlsx',
    '/en/assistance/list.docx',
    '/en/assistance/quarterly',
    '/en/assistance/quarterly.docx',
    '/en/assistance/figures',
    '/en/assistance/figures.csv',
    ...offerIds.map((o) => `/en/assistance/offers/${o}`),
  ])
    out.set(`page ${path}`, await page(who, path));
  const viewer =
    who === 'public'
      ? null
      : viewerOf(await t.database.db.selectFrom('app_user').selectAll().where('email', '=', emails[who]).executeTakeFirstOrThrow());
  const bundle = await exportBundle(t.database.db, viewer);
  out.set('bundle', JSON.stringify({ requests: bundle.sections['assistance-requests'], offers: bundle.sections['assistance-offers'] }));
  out.set('cli export', await cliBundle(who));
  return out;
}

before(async () => {
  cliDir = mkdtempSync(join(tmpdir(), 'r1540-markers-'));
  t = await testApp();
  const db = t.database.db;
  const add = (email: string, displayName: string, extra: Record<string, string>) =>
    addUser(db, systemActor, { email, displayName, password, ...extra } as Parameters<typeof addUser>[2]);
  await add(emails.expert, `Staff ${marker.actor}`, { role: 'expert' });
  await add(emails.pocNer, 'Point of contact (Niger)', { role: 'state-contact', stateIso3: 'NER' });
  await add(emails.wco, 'Provider (WCO)', { role: 'provider', organizationCode: 'WCO' });
  await add(emails.who, 'Provider (WHO)', { role: 'provider', organizationCode: 'WHO' });
  for (const who of Object.keys(emails) as Exclude<Who, 'public'>[]) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', emails[who]).executeTakeFirstOrThrow();
    token[who] = (await createApiToken(db, systemActor, user.id, 'markers')).token;
  }
  for (const who of ['public', ...Object.keys(emails)] as Who[]) {
    client[who] = new Client(t);
    if (who === 'public') await client[who].get('/en/');
    else await client[who].login(emails[who], who === 'poc' || who === 'iaea' ? undefined : password);
  }

  // The request, its steps and its responses, through the API as the marked expert.
  const received = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  const created = await api('/api/v1/assistance/requests', 'expert', {
    method: 'POST',
    json: {
      stateIso3: 'MLI',
      receivedOn: received,
      channel: 'note-verbale',
      contactName: marker.contactName,
      contactEmail: marker.contactEmail,
      languages: ['fr'],
      items: [
        { description: 'Training of customs officers', areas: ['border-control'], weapons: ['chemical'], kinds: ['training'] },
        { description: 'Laboratory biosafety', areas: ['biosafety-biosecurity'], weapons: ['biological'], kinds: ['expert-advice'] },
      ],
    },
  });
  assert.equal(created.status, 201, created.text);
  requestId = created.body.id;
  const [item1, item2] = created.body.items as { id: string }[];
  let version = created.body.rowVersion as number;
  const step = async (action: string, on: string, extra: Record<string, unknown> = {}) => {
    const res = await api(`/api/v1/assistance/requests/${requestId}/transitions`, 'expert', {
      method: 'POST',
      json: { action, on, rowVersion: version, ...extra },
    });
    assert.equal(res.status, 200, res.text);
    version = res.body.rowVersion;
  };
  const acknowledged = addWorkingDays(received, 3);
  const circulated = addWorkingDays(acknowledged, 6);
  await step('authenticate', addWorkingDays(received, 1), { note: marker.stepNote });
  await step('acknowledge', acknowledged);
  await step('circulate', circulated, { providers: ['organization:WCO', 'organization:WHO'] });
  const respond = async (provider: string, on: string, text: string, itemId: string) => {
    const res = await api(`/api/v1/assistance/requests/${requestId}/responses`, 'expert', {
      method: 'POST',
      json: { provider, respondedOn: on, itemIds: [itemId], text },
    });
    assert.equal(res.status, 201, res.text);
    version++;
  };
  await respond('organization:WCO', addWorkingDays(circulated, 1), marker.responseForwarded, item1!.id);
  await step('forward', addWorkingDays(circulated, 2), { note: marker.forwardNote });
  await respond('organization:WHO', addWorkingDays(circulated, 3), marker.responseUnforwarded, item2!.id);

  // Offers, and matches in every status that matters.
  const offer = async (provider: string, title: string, areas: string[]) => {
    const res = await api('/api/v1/assistance/offers', 'expert', { method: 'POST', json: { provider, title, areas, kinds: ['training'] } });
    assert.equal(res.status, 201, res.text);
    offerIds.push(res.body.id);
    return res.body.id as string;
  };
  const wcoOffer = await offer('organization:WCO', 'Customs training', ['border-control', 'biosafety-biosecurity']);
  const whoOffer = await offer('organization:WHO', 'Laboratory support', ['biosafety-biosecurity']);
  const iaeaOffer = await offer('organization:IAEA', 'Radiation detection', ['border-control']);
  const match = async (itemId: string, offerId: string, note: string, moves: string[] = []) => {
    const res = await api('/api/v1/assistance/matches', 'expert', { method: 'POST', json: { itemId, offerId, note } });
    assert.equal(res.status, 201, res.text);
    let rowVersion = res.body.rowVersion as number;
    for (const to of moves) {
      const moved = await api(`/api/v1/assistance/matches/${res.body.id}`, 'expert', { method: 'PATCH', json: { to, rowVersion } });
      assert.equal(moved.status, 200, moved.text);
      rowVersion = moved.body.rowVersion;
    }
  };
  await match(item1!.id, iaeaOffer, marker.suggested);
  await match(item2!.id, whoOffer, marker.setAside, ['set-aside']);
  await match(item2!.id, wcoOffer, marker.suggestedOwn);
  await match(item1!.id, wcoOffer, marker.proposed, ['proposed']);
});
after(async () => {
  await t.close();
  rmSync(cliDir, { recursive: true, force: true });
});

describe('markers in restricted fields of a request for assistance', () => {
  test('the Committee side meets every marker, on the request page, in the API and in the bundle', async () => {
    const seen = await doors('expert');
    for (const door of [
      `api /api/v1/assistance/requests/${requestId}`,
      `page /en/assistance/requests/${requestId}`,
      'bundle',
      'cli export',
    ])
      for (const key of Object.keys(marker) as Marker[]) assert.ok(seen.get(door)!.includes(marker[key]), `${door} shows ${key}`);
  });

  for (const who of ['poc', 'wco', 'who', 'iaea', 'pocNer', 'public'] as const)
    test(`${who} meets no marker it may not see, at any door`, async () => {
      const seen = await doors(who);
      const leaks: string[] = [];
      for (const [door, text] of seen)
        for (const key of Object.keys(marker) as Marker[])
          if (!allowed[who].includes(key) && text.includes(marker[key])) leaks.push(`${door}: ${key}`);
      assert.deepEqual(leaks, []);
      if (who === 'poc' || who === 'wco' || who === 'who') {
        // What the reader may see, it sees: the request page says the same as the API.
        const pageText = seen.get(`page /en/assistance/requests/${requestId}`)!;
        for (const key of allowed[who]) assert.ok(pageText.includes(marker[key]), `the request page shows ${who} ${key}`);
      }
    });
});

describe('the doors that said more than the API (issue 12, items 1–4)', () => {
  const detail = () => `page /en/assistance/requests/${requestId}`;
  const history = () => `page /en/assistance/requests/${requestId}/history`;
  // biome-ignore lint/suspicious/noExplicitAny: bundle records are read loosely in tests
  const requestIn = (seen: Map<string, string>, door: 'bundle' | 'cli export' = 'bundle'): Record<string, any> =>
    door === 'bundle' ? JSON.parse(seen.get(door)!).requests[0] : JSON.parse(seen.get(door)!).sections['assistance-requests'][0];

  test('a provider’s request page shows neither the steps’ notes nor who took them, as the API', async () => {
    for (const who of ['wco', 'who'] as const) {
      const seen = await doors(who);
      for (const key of ['stepNote', 'forwardNote', 'actor'] as const)
        assert.ok(!seen.get(detail())!.includes(marker[key]), `${who}: ${key}`);
      const api = JSON.parse(seen.get(`api /api/v1/assistance/requests/${requestId}`)!);
      assert.ok(api.steps.every((s: { note: string; actor: string | null }) => s.note === '' && s.actor === null));
    }
  });

  test('the State meets a response only once forwarded: on the request page, its history and its bundle', async () => {
    const seen = await doors('poc');
    for (const door of [detail(), history(), 'bundle', 'cli export']) {
      assert.ok(seen.get(door)!.includes(marker.responseForwarded), `${door}: the forwarded response`);
      assert.ok(!seen.get(door)!.includes(marker.responseUnforwarded), `${door}: not the other`);
    }
    assert.deepEqual(
      requestIn(seen).responses.map((x: { provider: string }) => x.provider),
      ['organization:WCO'],
    );
  });

  test('the experts’ suggested and set-aside matches stay on the Committee side; a provider does not see those of its own offers', async () => {
    const poc = await doors('poc');
    for (const door of [detail(), history(), 'bundle', 'cli export'])
      for (const key of ['suggested', 'setAside', 'suggestedOwn'] as const)
        assert.ok(!poc.get(door)!.includes(marker[key]), `${door}: ${key}`);
    assert.deepEqual(
      requestIn(poc).matches.map((x: { status: string }) => x.status),
      ['proposed'],
    );
    const wco = await doors('wco');
    for (const door of [detail(), 'bundle', 'cli export'])
      assert.ok(!wco.get(door)!.includes(marker.suggestedOwn), `${door}: its own offer’s suggestion`);
    assert.deepEqual(
      requestIn(wco).matches.map((x: { status: string }) => x.status),
      ['proposed'],
    );
  });

  test('a provider’s bundle does not carry the State’s contact', async () => {
    for (const who of ['wco', 'who'] as const) {
      const seen = await doors(who);
      for (const door of ['bundle', 'cli export'] as const) {
        const record = requestIn(seen, door);
        assert.deepEqual([record.contactName, record.contactEmail], ['', ''], `${who}: ${door}`);
      }
    }
    const seen = await doors('poc');
    for (const door of ['bundle', 'cli export'] as const) {
      const record = requestIn(seen, door);
      assert.deepEqual([record.contactName, record.contactEmail], [marker.contactName, marker.contactEmail], door);
    }
  });
});
