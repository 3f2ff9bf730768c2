import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/app/http.tsx';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { moveMatrix, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { launchBrowser, logIn, type Site } from './support.ts';

// One page of every kind, at the widths of a phone, a tablet and a laptop, in English and Arabic:
// the page never scrolls sideways (a table scrolls inside its own box), and on a phone the menu is
// folded behind a summary that opens by keyboard. Some demonstration data fills the lists (the
// letters, the reports, Mali's published matrix and a draft), not all of it: the whole set takes a minute.

let t: TestApp;
let site: Site;
let browser: Browser;
/** The signed-in session: an expert, who may use the matrix grid. */
let session: Awaited<ReturnType<BrowserContext['storageState']>>;

const pages = {
  home: '/',
  letters: '/letters',
  reportsStatus: '/reports/status',
  state: '/states/MLI',
  form: '/letters/new',
  grid: '/states/MLI/matrix/grid',
  template: '/matrix/templates/2017',
  figures: '/matrix/figures',
  assistance: '/assistance',
} as const;

const widths = [
  { width: 375, height: 667 },
  { width: 768, height: 1024 },
  { width: 1366, height: 768 },
] as const;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await seedDemoReports(db);
  await seedDemoCorrespondence(db);
  // Mali: a published matrix (for the figures) and a draft after it (for the grid).
  const who: Record<string, Viewer> = {};
  for (const u of await db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  const act = (v: Viewer) => ({ id: v.id, label: v.displayName });
  const v1 = await startDraft(db, act(who.expert!), 'MLI', { demo: true });
  for (const [to, by] of [
    ['sent', 'expert'],
    ['commented', 'poc.mli'],
    ['agreed', 'expert'],
    ['approved', 'committee'],
    ['published', 'secretariat'],
  ] as const)
    await moveMatrix(db, act(who[by]!), who[by]!, v1.id, to);
  await startDraft(db, act(who.expert!), 'MLI', { demo: true });
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
  const context = await browser.newContext({ baseURL: site.baseUrl });
  await logIn(await context.newPage(), 'expert@demo.r1540.org');
  session = await context.storageState();
  await context.close();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await t?.close();
});

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  innerHeight: number;
  /** Tables that reach past the screen's edge without a scrolling box of their own around them. */
  loose: string[];
  /** Scrolling boxes around tables that are not named regions, or that a keyboard user cannot reach. */
  unnamed: string[];
  tables: number;
  /** The narrowest row heading of a list table (the subject, the name), in pixels. */
  narrowestRowHeading: number | null;
  menuHeight: number;
  menuListVisible: boolean;
  summaryVisible: boolean;
  top: number;
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const scrollsX = (e: Element) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
    const inView = (r: DOMRect) => r.left >= -1 && r.right <= innerWidth + 1;
    const loose: string[] = [];
    const unnamed: string[] = [];
    const tables = [...document.querySelectorAll('main table')];
    for (const table of tables) {
      let box: Element | null = table.parentElement;
      while (box && box !== document.body && !scrollsX(box)) box = box.parentElement;
      const name = table.querySelector('caption')?.textContent?.trim() || table.id || table.className;
      if (box && box !== document.body) {
        if (!inView(box.getBoundingClientRect())) loose.push(`${name} (its box)`);
        const named = box.getAttribute('aria-labelledby') || box.getAttribute('aria-label');
        const region = box.tagName === 'SECTION' || box.getAttribute('role') === 'region';
        // Reached by keyboard: the box itself, or something in it that takes the focus (the grid's cells).
        const reached = (box as HTMLElement).tabIndex >= 0 || box.querySelector('a[href], button, input, select, [tabindex="0"]');
        if (!named || !region || !reached) unnamed.push(name);
      } else if (!inView(table.getBoundingClientRect())) loose.push(name);
    }
    const rowHeadings = [...document.querySelectorAll('main table.list tbody th[scope="row"]')]
      .filter((th) => th.textContent?.trim())
      .map((th) => th.getBoundingClientRect().width);
    const nav = document.querySelector('nav.sections') as HTMLElement;
    const list = nav.querySelector(':scope > ul') as HTMLElement;
    const summary = nav.querySelector('summary') as HTMLElement;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      innerHeight,
      loose,
      unnamed,
      tables: tables.length,
      narrowestRowHeading: rowHeadings.length ? Math.min(...rowHeadings) : null,
      menuHeight: nav.getBoundingClientRect().height,
      menuListVisible: list.checkVisibility(),
      summaryVisible: summary.checkVisibility(),
      top: (document.querySelector('main') as HTMLElement).getBoundingClientRect().top,
    };
  });
}

for (const lang of ['en', 'ar'] as const) {
  test(`every kind of page fits a phone, a tablet and a laptop (${lang})`, async () => {
    const tablesSeen = new Set<string>();
    for (const size of widths) {
      const context = await browser.newContext({ baseURL: site.baseUrl, viewport: size, storageState: session });
      // tsx names the functions of the code that page.evaluate sends: the page needs the helper.
      await context.addInitScript('window.__name = (f) => f');
      try {
        const page = await context.newPage();
        for (const [kind, path] of Object.entries(pages)) {
          const where = `${kind} /${lang}${path} at ${size.width} px`;
          const response = await page.goto(`/${lang}${path}`);
          assert.equal(response?.status(), 200, where);
          assert.equal(await page.locator('header .account a').count(), 1, `${where}: signed in`);
          const l = await measure(page);
          assert.ok(l.scrollWidth <= l.innerWidth, `${where}: the page is ${l.scrollWidth} px wide`);
          assert.deepEqual(l.loose, [], `${where}: tables past the edge of the screen`);
          assert.deepEqual(l.unnamed, [], `${where}: scrolling boxes without a name or out of keyboard reach`);
          if (l.tables) tablesSeen.add(kind);
          if (size.width === 375) {
            assert.ok(!l.menuListVisible && l.summaryVisible, `${where}: the menu is folded`);
            assert.ok(l.menuHeight < l.innerHeight / 4, `${where}: the menu takes ${l.menuHeight} px`);
            assert.ok(l.top < l.innerHeight / 3, `${where}: the content starts at ${l.top} px`);
            // A subject or a name keeps a readable width: the table's box scrolls instead.
            if (l.narrowestRowHeading !== null)
              assert.ok(l.narrowestRowHeading >= 150, `${where}: a row heading ${l.narrowestRowHeading} px wide`);
          } else {
            assert.ok(l.menuListVisible && !l.summaryVisible, `${where}: the menu is open, without a fold`);
          }
        }
        if (size.width === 375) {
          // The menu opens by keyboard: Tab to its summary, Enter; the current section is marked.
          await page.goto(`/${lang}/letters`);
          const summary = page.locator('nav.sections summary');
          for (let i = 0; i < 40 && !(await summary.evaluate((s) => s === document.activeElement)); i++) await page.keyboard.press('Tab');
          assert.ok(await summary.evaluate((s) => s === document.activeElement), 'the summary is reached by Tab');
          await page.keyboard.press('Enter');
          const current = page.locator('nav.sections ul a[aria-current="page"]');
          assert.ok(await current.isVisible(), 'the menu opened');
          assert.equal(await current.getAttribute('href'), `/${lang}/letters`);
          const open = await measure(page);
          assert.ok(open.menuListVisible);
          assert.ok(open.scrollWidth <= open.innerWidth, 'the open menu fits the screen');
          await page.keyboard.press('Tab');
          assert.equal(
            await page.evaluate(() => document.activeElement?.closest('nav.sections ul') !== null),
            true,
            'Tab goes on into the menu',
          );
        }
      } finally {
        await context.close();
      }
    }
    // The pages chosen for their tables have them (the demonstration data reached them).
    for (const kind of ['letters', 'template', 'figures', 'grid']) assert.ok(tablesSeen.has(kind), `${kind} has a table`);
  });
}
