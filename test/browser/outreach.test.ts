import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/app/http.tsx';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoOutreach } from '../../src/features/outreach/demo.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { axePath, launchBrowser } from './support.ts';

// The calendar used by keyboard alone (the filter form, the views), and axe-core on the events pages in en, ar and zh.
let t: TestApp;
let server: ReturnType<typeof serve>;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  t = await testApp();
  await seedDemoEngagement(t.database.db);
  await seedDemoOutreach(t.database.db);
  const fetch = createApp(t.app).fetch;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, bypassCSP: true, viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    (server as { closeAllConnections?: () => void })?.closeAllConnections?.();
    server ? server.close(() => resolve()) : resolve();
  });
  await t?.close();
});

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${selector} is not reached by the keyboard`);
}

test('the calendar is used by keyboard: a filter chosen and sent, then the month view', async () => {
  const page = await context.newPage();
  try {
    await page.goto('/en/events');
    await tabTo(page, 'select#group');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('select#group').inputValue(), 'joint-visit');
    await tabTo(page, 'form.filters button[type="submit"]');
    await Promise.all([page.waitForURL(/group=joint-visit/), page.keyboard.press('Enter')]);
    const text = await page.locator('main').textContent();
    assert.match(text ?? '', /Armenia/);
    assert.doesNotMatch(text ?? '', /Wiesbaden/);
    await tabTo(page, 'a[href*="view=month"]');
    await Promise.all([page.waitForURL(/view=month/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('table.outreach-month caption').count(), 1);
  } finally {
    await page.close();
  }
});

for (const path of ['/en/events', '/ar/events?view=month&month=2018-10', '/zh/events?group=regional'])
  test(`no axe-core violations on ${path}`, async () => {
    const page = await context.newPage();
    try {
      assert.equal((await page.goto(path))?.status(), 200);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script.
        const axe = (window as any).axe;
        const r = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        });
        return r.violations.map(
          (v: { id: string; nodes: { html: string }[] }) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`,
        );
      });
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });
