import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/app/http.tsx';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { axePath, launchBrowser, logIn, newContext, screenshotPath, type Site, watchErrors } from './support.ts';

// The site is started here rather than with startSite() so that the test can give Mali a
// published matrix and an open draft through the domain commands before the browser comes.

let t: TestApp;
let site: Site;
let browser: Browser;

const F = 'OP2.MANUFACTURE.N.LF';

before(async () => {
  t = await testApp();
  const db = t.database.db;
  const who: Record<string, Viewer> = {};
  for (const u of await db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  const act = (v: Viewer) => ({ id: v.id, label: v.displayName });
  const expert = who.expert!;
  const v1 = await startDraft(db, act(expert), 'MLI', { demo: true });
  await saveCells(db, act(expert), expert, v1.id, [
    { field: F, expectedVersion: 0, value: '?', sources: [{ kind: 'national-report', citation: 'S/AC.44/2004/(02)/35', locator: 'p. 4' }] },
    {
      field: 'OP1.NPT',
      expectedVersion: 0,
      value: 'X',
      sources: [{ kind: 'organization', citation: 'UNODA treaty database', url: 'https://treaties.unoda.org/' }],
      instrumentStatus: 'ratified',
      instrumentDate: '1970-02-10',
    },
    { field: 'OP2.USE.C.LF', expectedVersion: 0, value: 'NA', remarks: 'Illustrative remark' },
  ]);
  for (const [to, by] of [
    ['sent', 'expert'],
    ['commented', 'poc.mli'],
    ['agreed', 'expert'],
    ['approved', 'committee'],
    ['published', 'secretariat'],
  ] as const)
    await moveMatrix(db, act(who[by]!), who[by]!, v1.id, to);
  await startDraft(db, act(expert), 'MLI', { demo: true });

  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch: createApp(t.app).fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
  site = {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await t?.close();
});

async function axe(page: Page): Promise<{ id: string; help: string; nodes: { target: unknown[] }[] }[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script.
    const axe = (window as any).axe;
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  });
}

test('an expert edits a cell with the keyboard only, then sees the change in the comparison', async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await logIn(page, 'expert@demo.r1540.org');
    await page.goto('/en/states/MLI/matrix/edit?section=OP2');
    const target = `f-${F}-value`;
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== target) {
      await page.keyboard.press('Tab');
      assert.ok(++tabs < 80, 'the value of the first field is reachable with Tab');
    }
    await page.keyboard.press('X');
    assert.equal(await page.locator(`[id="${target}"]`).inputValue(), 'X');
    await page.keyboard.press('Tab'); // the kind of source
    await page.keyboard.press('Tab'); // the citation
    assert.equal(await page.evaluate(() => document.activeElement?.id), `f-${F}-citation`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Loi n° 2016-08 du 17 mars 2016');
    await page.keyboard.press('Tab');
    await page.keyboard.type('art. 3');
    await page.screenshot({ path: screenshotPath('matrix-edit-en'), fullPage: false });
    await Promise.all([page.waitForURL(/saved=1/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('main [role=status]').textContent()) ?? '', /Your changes were saved/);

    await page.goto('/en/states/MLI/matrix/versions');
    await Promise.all([page.waitForURL(/\/diff\?from=1&to=2/), page.click('a[href*="diff?from=1&to=2"]')]);
    const row = page.locator('table.matrix-diff tbody tr', { hasText: F });
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('del').textContent())?.trim(), '?');
    assert.equal((await row.locator('ins').textContent())?.trim(), 'X');
    assert.match((await row.textContent()) ?? '', /Loi n° 2016-08 du 17 mars 2016, art\. 3/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const lang of ['en', 'ar']) {
  test(`no axe-core violations on the published matrix in ${lang}, and it says what it is`, async () => {
    const context = await newContext(browser, site, { bypassCSP: true });
    const page = await context.newPage();
    try {
      const res = await page.goto(`/${lang}/states/MLI/matrix`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.locator('.matrix-legend dt').count(), 4);
      assert.equal(await page.locator('.matrix-disclaimer').count(), 1);
      if (lang === 'ar') {
        await page.screenshot({ path: screenshotPath('matrix-ar'), fullPage: false });
        await page.evaluate(() => document.getElementById('OP1')?.scrollIntoView());
        await page.screenshot({ path: screenshotPath('matrix-ar-op1'), fullPage: false });
        await page.evaluate(() => document.getElementById('OP2')?.scrollIntoView());
        await page.screenshot({ path: screenshotPath('matrix-ar-op2'), fullPage: false });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('nav.sections').isVisible(), false, 'print hides the navigation');
        await page.emulateMedia({ media: 'screen' });
      }
      const violations = await axe(page);
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`),
        [],
      );
    } finally {
      await context.close();
    }
  });
}

test('no axe-core violations on the expert’s draft, its section form, versions and comparison', async () => {
  const context = await newContext(browser, site, { bypassCSP: true });
  const page = await context.newPage();
  try {
    await logIn(page, 'expert@demo.r1540.org');
    for (const path of [
      '/en/states/MLI/matrix',
      '/ar/states/MLI/matrix/edit?section=OP1',
      '/en/states/MLI/matrix/versions',
      '/en/states/MLI/matrix/diff?from=1&to=2',
    ]) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 200, path);
      const violations = await axe(page);
      assert.deepEqual(
        violations.map((v) => `${path} ${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`),
        [],
      );
    }
  } finally {
    await context.close();
  }
});
