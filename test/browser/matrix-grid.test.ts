import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/app/http.tsx';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { axePath, launchBrowser, logIn, newContext, screenshotPath, type Site, watchErrors } from './support.ts';

// Ghana gets an approved version 1 and an open draft 2 through the domain commands; the expert
// then edits draft 2 in the grid with the keyboard and finds the changes in the comparison.

let t: TestApp;
let site: Site;
let browser: Browser;
let who: Record<string, Viewer>;
const act = (v: Viewer) => ({ id: v.id, label: v.displayName });

const F = 'OP2.MANUFACTURE.N.LF'; // ? in version 1
const T = 'OP2.ACQUIRE.N.LF'; // blank, no source: typing X asks for one
const grid = '/en/states/GHA/matrix/grid';

before(async () => {
  t = await testApp();
  const db = t.database.db;
  who = {};
  for (const u of await db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  const expert = who.expert!;
  const v1 = await startDraft(db, act(expert), 'GHA');
  await saveCells(db, act(expert), expert, v1.id, [
    { field: F, expectedVersion: 0, value: '?', sources: [{ kind: 'national-report', citation: 'S/AC.44/2004/(02)/12' }] },
    {
      field: 'OP1.NPT',
      expectedVersion: 0,
      value: 'X',
      sources: [{ kind: 'organization', citation: 'UNODA' }],
      instrumentStatus: 'ratified',
      instrumentDate: '1970-05-04',
    },
  ]);
  for (const [to, by] of [
    ['sent', 'expert'],
    ['agreed', 'expert'],
    ['approved', 'committee'],
  ] as const)
    await moveMatrix(db, act(who[by]!), who[by]!, v1.id, to);
  await startDraft(db, act(expert), 'GHA');

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

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script.
    const axe = (window as any).axe;
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

const cell = (field: string) => `#grid td[data-field="${field}"]`;
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      field: el?.dataset.field ?? null,
      row: (el?.closest('tr') as HTMLElement | null)?.dataset.row ?? null,
      tag: el?.tagName ?? '',
    };
  });
const attrOf = (page: Page, field: string, name: string) => page.getAttribute(cell(field), name);

test('an expert edits in the grid with the keyboard, bulk-sets a block, filters, and sees the changes in the comparison', async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await logIn(page, 'expert@demo.r1540.org');
    await page.goto('/en/states/GHA/matrix');
    await Promise.all([page.waitForURL(/\/matrix\/grid$/), page.click('a[href$="/matrix/grid"]')]);
    assert.equal(await page.getAttribute('#grid', 'role'), 'grid');

    // One tab stop into the grid, then the arrow keys.
    let tabs = 0;
    while (!(await page.evaluate(() => !!document.activeElement?.closest('#grid')))) {
      await page.keyboard.press('Tab');
      assert.ok(++tabs < 60, 'the grid is reachable with Tab');
    }
    assert.equal(await page.locator('#grid [tabindex="0"]').count(), 1, 'a roving tab stop');
    let steps = 0;
    while ((await focused(page)).row !== 'OP2.ACQUIRE') {
      await page.keyboard.press('ArrowDown');
      assert.ok(++steps < 60, 'ArrowDown reaches the row');
    }
    await page.keyboard.press('Home');
    assert.equal((await focused(page)).tag, 'TH', 'Home: the row header');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).field, T);

    // X needs a source: the editor asks for one.
    await page.keyboard.press('x');
    await page.waitForSelector('#grid-editor:not([hidden])');
    assert.equal(await page.inputValue('#ge-value'), 'X');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ge-citation');
    assert.match((await page.textContent('#grid-editor-note')) ?? '', /needs a source/);
    await page.keyboard.type('Act 526, Chemical Weapons Convention Act');
    await page.keyboard.press('Tab');
    await page.keyboard.type('s. 4');
    await page.screenshot({ path: screenshotPath('matrix-grid-editor-en'), fullPage: false });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${cell(T)}[data-state="saved"]`);
    assert.equal(await page.isHidden('#grid-editor'), true);
    assert.equal((await focused(page)).field, T, 'the focus is back on the cell');
    assert.equal(await attrOf(page, T, 'data-value'), 'X');
    assert.equal(await attrOf(page, T, 'data-version'), '1', 'the row version from the response');
    assert.equal(await attrOf(page, T, 'data-changed'), '1');
    assert.equal(await page.isVisible(`${cell(T)} .grid-src`), true, 'the source marker');

    // A 2×2 block with Shift+arrows, set to NA at once.
    await page.keyboard.press('ArrowDown');
    const corner = (await focused(page)).field!;
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const block = await page.$$eval('#grid td[aria-selected="true"]', (tds) => tds.map((td) => (td as HTMLElement).dataset.field!));
    assert.equal(block.length, 4);
    assert.ok(block.includes(corner));
    assert.match((await page.textContent('#grid-status')) ?? '', /Selected: 4/);
    await page.keyboard.press('n');
    for (const f of block) await page.waitForSelector(`${cell(f)}[data-state="saved"][data-value="NA"]`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('#grid td[aria-selected="true"]').count(), 1, 'a plain move leaves one cell selected');

    // Filtering by weapon type happens at once, and the address keeps it.
    const shownBefore = (await page.textContent('[data-count="shown"]')) ?? '';
    await page.selectOption('#grid-f-weapon', 'chemical');
    await page.waitForURL(/weapon=chemical/);
    assert.equal(await page.isHidden(cell(T)), true, 'a nuclear column is hidden');
    assert.equal(await page.isVisible(cell('OP2.ACQUIRE.C.LF')), true, 'a chemical column is shown');
    assert.notEqual(await page.textContent('[data-count="shown"]'), shownBefore);
    await page.click(cell('OP2.ACQUIRE.C.LF'));
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).field, 'OP2.ACQUIRE.C.EN', 'moves skip the hidden columns');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).field, 'OP2.ACQUIRE.C.EN', 'the last shown cell of the row');
    await page.screenshot({ path: screenshotPath('matrix-grid-en'), fullPage: false });
    assert.deepEqual(errors, []);

    // The comparison of version 1 and the draft shows the changes.
    await page.goto('/en/states/GHA/matrix/diff?from=1&to=2');
    const row = page.locator('table.matrix-diff tbody tr', { hasText: T });
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('ins').first().textContent())?.trim(), 'X');
    assert.match((await row.textContent()) ?? '', /Act 526, Chemical Weapons Convention Act, s\. 4/);
    for (const f of block) {
      const r = page.locator('table.matrix-diff tbody tr', { hasText: f });
      assert.equal(await r.count(), 1, f);
      assert.equal((await r.locator('ins').first().textContent())?.trim(), 'NA', f);
    }
  } finally {
    await context.close();
  }
});

test('a cell someone else saved meanwhile: the save is refused, the grid says who and what, and reloads the cell', async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await logIn(page, 'expert@demo.r1540.org');
    await page.goto(`${grid}?section=OP3a`);
    const field = 'OP3a.ACCOUNT-USE.B.LF';
    assert.equal(await attrOf(page, field, 'data-version'), '0');
    const db = t.database.db;
    const draft = (await openMatrix(db, 'GHA'))!;
    await saveCells(db, act(who.admin!), who.admin!, draft.id, [
      { field, expectedVersion: 0, value: '?', sources: [{ kind: 'website', citation: 'Ministry of Health', url: 'https://moh.gov.gh/' }] },
    ]);
    await page.click(cell(field));
    await page.keyboard.press('n');
    await page.waitForSelector('#grid-alert:not([hidden])');
    const alert = (await page.textContent('#grid-alert')) ?? '';
    assert.match(alert, /someone else saved/);
    assert.match(alert, /now "\?", saved by Demo Administrator/);
    assert.equal(await attrOf(page, field, 'data-state'), 'error');
    await page.waitForSelector(`${cell(field)}[data-value="?"][data-version="1"]`);
    assert.equal(await page.isVisible(`${cell(field)} .grid-src`), true);
    // Now that the grid has the new version, the same key saves.
    await page.keyboard.press('n');
    await page.waitForSelector(`${cell(field)}[data-state="saved"][data-value="NA"]`);
    assert.equal(await page.isHidden('#grid-alert'), true);
    assert.deepEqual(
      errors.filter((e) => !/^409 for .*\/matrix\/cells$/.test(e)),
      [],
    );
  } finally {
    await context.close();
  }
});

for (const lang of ['en', 'ar']) {
  test(`no axe-core violations on the grid in ${lang}, with and without the editor open`, async () => {
    const context = await newContext(browser, site, { bypassCSP: true });
    const page = await context.newPage();
    try {
      await logIn(page, 'expert@demo.r1540.org', lang);
      const res = await page.goto(`/${lang}/states/GHA/matrix/grid`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await page.waitForSelector('#grid[role="grid"]');
      assert.deepEqual(await axe(page), []);
      if (lang === 'ar') {
        // In Arabic the row header is on the right: ArrowRight goes back to it, ArrowLeft on to the first cell.
        await page.click(cell('OP2.USE.N.LF'));
        await page.keyboard.press('ArrowRight');
        assert.deepEqual(await focused(page), { field: null, row: 'OP2.USE', tag: 'TH' });
        await page.keyboard.press('ArrowLeft');
        assert.equal((await focused(page)).field, 'OP2.USE.N.LF');
        await page.screenshot({ path: screenshotPath('matrix-grid-ar'), fullPage: false });
      } else await page.click(cell('OP2.USE.N.LF'));
      await page.keyboard.press('F2');
      await page.waitForSelector('#grid-editor:not([hidden])');
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press('Escape');
      assert.equal(await page.isHidden('#grid-editor'), true);
      assert.equal((await focused(page)).field, 'OP2.USE.N.LF');
    } finally {
      await context.close();
    }
  });
}
