import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshotPath, type Site, startSite, watchErrors } from './support.ts';

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh context (no cookies) with the CSP enforced, and a page in it that records errors. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors };
}

test('an expert logs in through the form, sees their name in the header, and logs out', async () => {
  const { context, page, errors } = await freshPage();
  try {
    await page.goto('/en/organizations');
    // The header's login link brings back to the page after login.
    await Promise.all([page.waitForURL(/\/en\/login/), page.click('header .account a')]);
    await page.fill('#email', 'expert@demo.r1540.org');
    await page.fill('#password', 'demo-password-1540');
    await Promise.all([page.waitForURL((url) => url.pathname === '/en/organizations'), page.press('#password', 'Enter')]);

    const account = page.locator('header .account');
    assert.equal((await account.locator('a').textContent())?.trim(), 'Demo Expert');
    assert.equal(await account.locator('a').getAttribute('href'), '/en/account');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'r1540_session');
    assert.ok(session, 'a session cookie is set');
    assert.equal(session.httpOnly, true);

    // Experts see the activity section.
    assert.ok(await page.locator('nav.sections a[href="/en/activity"]').count());

    await Promise.all([page.waitForURL((url) => url.pathname === '/en/'), account.locator('button[type=submit]').click()]);
    assert.equal(await page.locator('header .account form').count(), 0, 'no logout form after logging out');
    assert.match((await page.locator('header .account a').getAttribute('href')) ?? '', /^\/en\/login/);
    assert.equal(await page.locator('nav.sections a[href="/en/activity"]').count(), 0);
    assert.ok(!(await context.cookies()).some((c) => c.name === 'r1540_session'), 'the session cookie is gone');

    // The account page needs a login again.
    await page.goto('/en/account');
    assert.equal(await page.locator('header .account form').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a wrong password shows an error in the form and keeps the email', async () => {
  const { context, page } = await freshPage();
  try {
    await page.goto('/en/login');
    await page.fill('#email', 'expert@demo.r1540.org');
    await page.fill('#password', 'not-the-password');
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
    await page.waitForSelector('main .form-errors[role=alert]');
    assert.equal(await page.inputValue('#email'), 'expert@demo.r1540.org');
    assert.equal(await page.locator('header .account form').count(), 0);
  } finally {
    await context.close();
  }
});

test('the language switcher leads to the Arabic page, laid out right to left', async () => {
  const { context, page, errors } = await freshPage();
  try {
    await page.goto('/en/states/MLI');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    const languages = page.locator('header nav.languages[aria-label]');
    assert.equal(await languages.locator('[aria-current]').textContent(), 'English');

    await Promise.all([page.waitForURL((url) => url.pathname === '/ar/states/MLI'), languages.locator('a[lang=ar]').click()]);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.equal(await page.locator('header nav.languages [aria-current]').getAttribute('lang'), 'ar');
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'مالي');

    // Right to left: the brand sits to the right of the language list, which sits right of the account link.
    const brand = await page.locator('header .brand').boundingBox();
    const list = await page.locator('header nav.languages').boundingBox();
    const account = await page.locator('header .account').boundingBox();
    assert.ok(brand && list && account);
    assert.ok(brand.x >= list.x + list.width - 1, `brand ${JSON.stringify(brand)} is right of languages ${JSON.stringify(list)}`);
    assert.ok(list.x >= account.x + account.width - 1, `languages ${JSON.stringify(list)} are right of account ${JSON.stringify(account)}`);
    // The brand hugs the right edge and the heading starts on the right of main.
    const viewport = page.viewportSize()!;
    assert.ok(brand.x + brand.width > viewport.width - 64, 'the brand is at the right edge');
    const main = await page.locator('main').boundingBox();
    const h1 = await page.locator('main h1').boundingBox();
    assert.ok(main && h1);
    const heading = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main h1')!);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    assert.ok(main.x + main.width - heading.right < 64, `the heading text is on the right of main (${JSON.stringify(heading)})`);

    // Names in other scripts line up with the Arabic one, on the right of their column.
    const nameEdges = await page.evaluate(() =>
      ['ar', 'zh', 'en'].map((lang) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(`main dl.names dd[lang=${lang}]`)!);
        return Math.round(range.getBoundingClientRect().right);
      }),
    );
    assert.ok(Math.max(...nameEdges) - Math.min(...nameEdges) <= 2, `the names end on the same right edge: ${nameEdges}`);

    // And back to English: left to right again.
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/en/states/MLI'),
      page.locator('header nav.languages a[lang=en]').click(),
    ]);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    const brandEn = await page.locator('header .brand').boundingBox();
    const listEn = await page.locator('header nav.languages').boundingBox();
    assert.ok(brandEn && listEn && brandEn.x + brandEn.width <= listEn.x + 1, 'in English the brand is left of the languages');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the language switcher keeps the query string', async () => {
  const { context, page } = await freshPage();
  try {
    await page.goto('/en/states?group=african');
    const href = await page.locator('header nav.languages a[lang=fr]').getAttribute('href');
    assert.equal(href, '/fr/states?group=african');
  } finally {
    await context.close();
  }
});

test('a State is found by its Chinese name, submitted with Enter', async () => {
  const { context, page, errors } = await freshPage();
  try {
    await page.goto('/zh/states');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh');
    const search = page.locator('main form input[name=q]');
    await search.click();
    await page.keyboard.type('马里');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/zh/states' && url.searchParams.get('q') === '马里'),
      page.keyboard.press('Enter'),
    ]);

    assert.equal(await search.inputValue(), '马里', 'the search field keeps the query');
    const link = page.locator('main table a[href="/zh/states/MLI"]');
    assert.equal(await link.count(), 1, 'the results link to Mali');
    assert.equal((await link.textContent())?.trim(), '马里');

    await Promise.all([page.waitForURL((url) => url.pathname === '/zh/states/MLI'), link.click()]);
    assert.equal((await page.locator('main h1').textContent())?.trim(), '马里');
    assert.match(await page.title(), /^马里/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the skip link is the first Tab stop and moves focus to main', async () => {
  for (const lang of ['en', 'ar']) {
    const { context, page } = await freshPage();
    try {
      await page.goto(`/${lang}/states`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return {
          className: el.className,
          href: el.getAttribute('href'),
          visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth,
        };
      });
      assert.equal(first.className, 'skip', `${lang}: the first Tab stop is the skip link`);
      assert.equal(first.href, '#main');
      assert.ok(first.visible, `${lang}: the focused skip link is on screen`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      // The next Tab goes into the page content, not back to the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement));
      assert.ok(inMain, `${lang}: after the skip link, Tab continues inside main`);
    } finally {
      await context.close();
    }
  }
});

test('screenshots of a few pages', async () => {
  const { context, page, errors } = await freshPage();
  try {
    const shots: [string, string][] = [
      ['en-states', '/en/states'],
      ['ar-state-mli', '/ar/states/MLI'],
      ['zh-states', '/zh/states'],
      ['en-login', '/en/login'],
      ['ar-login', '/ar/login'],
      ['ar-home', '/ar/'],
      ['en-organization-iaea', '/en/organizations/IAEA'],
    ];
    for (const [name, path] of shots) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 200, path);
      await page.screenshot({ path: screenshotPath(name), fullPage: true });
      await page.screenshot({ path: screenshotPath(`${name}-top`) });
    }
    await page.goto('/zh/states');
    await page.locator('main table tbody tr').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('zh-states-end') });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/ar/states/MLI');
    await page.screenshot({ path: screenshotPath('ar-state-mli-narrow'), fullPage: true });
    await page.goto('/en/states');
    await page.screenshot({ path: screenshotPath('en-states-narrow') });
    // No horizontal scrolling on a phone-sized screen.
    for (const path of ['/en/states', '/ar/states/MLI', '/en/login', '/zh/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px wide`);
    }
    await logIn(page, 'expert@demo.r1540.org');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/en/activity');
    await page.screenshot({ path: screenshotPath('en-activity'), fullPage: true });
    await page.goto('/ar/account');
    await page.screenshot({ path: screenshotPath('ar-account'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
