import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

describe('the list of States', () => {
  test('has all 193 Member States', async () => {
    const res = await t.request('/api/v1/states');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { count: number; data: { iso3: string }[] };
    assert.equal(body.count, 193);
    assert.equal(new Set(body.data.map((s) => s.iso3)).size, 193);
  });

  for (const q of ['马里', 'Mali', 'مالي', 'Мали', 'malí', 'MLI']) {
    test(`finds Mali by "${q}"`, async () => {
      const res = await t.request(`/api/v1/states?q=${encodeURIComponent(q)}`);
      const body = (await res.json()) as { data: { iso3: string }[] };
      assert.ok(
        body.data.some((s) => s.iso3 === 'MLI'),
        `Mali not found by ${q}`,
      );
      const page = await (await t.request(`/zh/states?q=${encodeURIComponent(q)}`)).text();
      assert.match(page, /href="\/zh\/states\/MLI">马里</);
    });
  }

  const byCommonName: [string, string][] = [
    ['Turkey', 'TUR'],
    ['Vietnam', 'VNM'],
    ['Swaziland', 'SWZ'],
    ['Holland', 'NLD'],
    ['UK', 'GBR'],
    ['Ivory Coast', 'CIV'],
    ['Burma', 'MMR'],
    ['North Korea', 'PRK'],
    ['Czech Republic', 'CZE'],
    ['Birmanie', 'MMR'],
    ['Турция', 'TUR'],
    ['越南', 'VNM'],
  ];
  for (const [q, iso3] of byCommonName) {
    test(`finds ${iso3} first by its common or former name "${q}"`, async () => {
      const body = (await (await t.request(`/api/v1/states?q=${encodeURIComponent(q)}`)).json()) as { data: { iso3: string }[] };
      assert.equal(body.data[0]?.iso3, iso3, `${q}: ${body.data.map((s) => s.iso3).join(' ')}`);
      const page = await (await t.request(`/en/states?q=${encodeURIComponent(q)}`)).text();
      const first = page.match(/href="\/en\/states\/([A-Z]{3})"/);
      assert.equal(first?.[1], iso3, `${q} on the page`);
    });
  }

  test('filters by regional group and organization', async () => {
    const res = await t.request('/api/v1/states?group=african&organization=AU');
    const body = (await res.json()) as { count: number; data: { regionalGroup: string; organizations: string[] }[] };
    assert.ok(body.count >= 50);
    assert.ok(body.data.every((s) => s.regionalGroup === 'african' && s.organizations.includes('AU')));
    const eu = (await (await t.request('/api/v1/states?organization=EU')).json()) as { count: number };
    assert.equal(eu.count, 27);
  });

  test('an unknown group is a 422 problem naming the field', async () => {
    const res = await t.request('/api/v1/states?group=martian');
    assert.equal(res.status, 422);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = (await res.json()) as { errors: { field: string }[] };
    assert.equal(body.errors[0]?.field, 'group');
  });
});

describe('a State', () => {
  test('has a page in each language, with dates in the reader’s locale', async () => {
    const zh = await (await t.request('/zh/states/MLI')).text();
    assert.match(zh, /<html lang="zh" dir="ltr">/);
    assert.match(zh, /1960年9月28日/);
    const fr = await (await t.request('/fr/states/MLI')).text();
    assert.match(fr, /28 septembre 1960/);
    const ar = await (await t.request('/ar/states/MLI')).text();
    assert.match(ar, /<html lang="ar" dir="rtl">/);
  });

  test('an unknown code is a 404 page and a 404 problem', async () => {
    const page = await t.request('/fr/states/XXX');
    assert.equal(page.status, 404);
    assert.match(await page.text(), /<html lang="fr"/);
    const api = await t.request('/api/v1/states/XXX');
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { status: number }).status, 404);
  });

  test('an admin edit is saved with its history; a stale edit is refused', async () => {
    const admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
    const form = await (await admin.get('/en/states/MLI/edit')).text();
    const version = /name="version" value="(\d+)"/.exec(form)?.[1];
    assert.ok(version);
    const fields = {
      'names.ar': 'مالي',
      'names.zh': '马里',
      'names.en': 'Mali (edited)',
      'names.fr': 'Mali',
      'names.ru': 'Мали',
      'names.es': 'Malí',
      unMemberSince: '1960-09-28',
      regionalGroup: 'african',
      organizations: ['AU'],
      securityCouncilYears: '',
      version,
    };
    const saved = await admin.post('/en/states/MLI/edit', fields);
    assert.equal(saved.status, 303);
    const state = (await (await t.request('/api/v1/states/MLI')).json()) as { names: { en: string }; version: number };
    assert.equal(state.names.en, 'Mali (edited)');
    const stale = await admin.post('/en/states/MLI/edit', { ...fields, 'names.en': 'Mali (lost)' });
    assert.equal(stale.status, 409);
    const history = await (await admin.get('/en/states/MLI/history')).text();
    assert.match(history, /Mali \(edited\)/);
    assert.match(history, /Demo Administrator/);
  });

  test('a bad edit names each field and changes nothing', async () => {
    const admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
    const before = (await (await t.request('/api/v1/states/PER')).json()) as { version: number };
    const res = await admin.post('/en/states/PER/edit', {
      'names.en': '',
      unMemberSince: '2999-01-01',
      regionalGroup: 'nowhere',
      securityCouncilYears: '2018, soon',
      version: String(before.version),
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /securityCouncilYears/);
    const after = (await (await t.request('/api/v1/states/PER')).json()) as { version: number };
    assert.equal(after.version, before.version);
  });
});

describe('what a reader may not see of a State, no door shows', () => {
  test('an organization the reader may not see is not named among its memberships: page, list, API', async () => {
    const db = t.database.db;
    await db.updateTable('organization').set({ confidentiality: 'committee' }).where('code', '=', 'SICA').execute();
    try {
      const pub = (await (await t.request('/api/v1/states/GTM')).json()) as { organizations: string[] };
      assert.deepEqual(pub.organizations, ['OAS']);
      const list = (await (await t.request('/api/v1/states?q=GTM')).json()) as { data: { organizations: string[] }[] };
      assert.deepEqual(list.data[0]?.organizations, ['OAS']);
      assert.doesNotMatch(await (await t.request('/en/states/GTM')).text(), /\/en\/organizations\/SICA/);
      assert.doesNotMatch(await (await t.request('/en/states?q=GTM')).text(), /SICA/);
      const expert = new Client(t);
      await expert.login('expert@demo.r1540.org');
      const seen = (await (await expert.get('/api/v1/states/GTM')).json()) as { organizations: string[] };
      assert.deepEqual(seen.organizations, ['OAS', 'SICA']);
      assert.match(await (await expert.get('/en/states/GTM')).text(), /\/en\/organizations\/SICA/);
    } finally {
      await db.updateTable('organization').set({ confidentiality: 'public' }).where('code', '=', 'SICA').execute();
    }
  });
});
