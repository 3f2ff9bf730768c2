import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { locales } from '../../src/platform/i18n/locales.ts';
import { Client, testApp } from '../support/app.ts';

test('every main page answers in each of the six languages, with its switcher and the demo banner', async () => {
  const t = await testApp();
  try {
    for (const locale of locales) {
      for (const path of ['/', '/states', '/states/BOL', '/organizations', '/organizations/IAEA', '/login']) {
        const res = await t.request(`/${locale}${path}`);
        assert.equal(res.status, 200, `/${locale}${path}`);
        const html = await res.text();
        assert.ok(html.startsWith('<!doctype html>'), 'doctype first');
        assert.match(html, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`));
        for (const other of locales.filter((l) => l !== locale)) {
          assert.ok(html.includes(`href="/${other}${path}"`), `${path} in ${locale} links to ${other}`);
        }
        assert.match(html, /class="demo-banner"/);
      }
    }
    const bolivia = await (await t.request('/fr/states/BOL')).text();
    assert.match(bolivia, /Bolivie \(État plurinational de\)/);
    assert.match(bolivia, /多民族玻利维亚国/);
  } finally {
    await t.close();
  }
});

test('/ sends the reader to the language of the browser; /healthz reports the engine', async () => {
  const t = await testApp();
  try {
    const root = await t.request('/', { headers: { 'accept-language': 'ar-EG,ar;q=0.9,en;q=0.8' } });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/ar/');
    const gz = await t.request('/en/states', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip', 'pages are compressed for slow connections');
    const health = await t.request('/healthz');
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { engine: string }).engine, t.database.engine);
  } finally {
    await t.close();
  }
});

test('the menu shows each role its sections', async () => {
  const t = await testApp();
  try {
    const publicHome = await (await t.request('/en/')).text();
    assert.doesNotMatch(publicHome, /href="\/en\/activity"/);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const expertHome = await (await expert.get('/en/')).text();
    assert.match(expertHome, /href="\/en\/activity"/);
    assert.doesNotMatch(expertHome, /href="\/en\/admin\/users"/);
    const admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
    assert.match(await (await admin.get('/en/')).text(), /href="\/en\/admin\/users"/);
  } finally {
    await t.close();
  }
});

test('a failure is a 500 page in the reader’s language, and a 500 problem in the API', async () => {
  const t = await testApp();
  // A database that lost a table: every query on it fails.
  await sql`alter table member_state rename to member_state_gone`.execute(t.database.db);
  try {
    const page = await t.request('/fr/states');
    assert.equal(page.status, 500);
    assert.match(await page.text(), /<html lang="fr"/);
    const api = await t.request('/api/v1/states');
    assert.equal(api.status, 500);
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
    assert.ok(t.logs.filter((l) => l.level === 50).length >= 2, 'the failures were logged');
  } finally {
    await t.close();
  }
});
