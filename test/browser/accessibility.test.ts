import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axePath, launchBrowser, logIn, newContext, type Site, startSite } from './support.ts';

// axe-core is injected as a script, which the strict CSP (script-src 'self') would refuse:
// these contexts bypass the CSP; the functional tests in site.test.ts keep it on.

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

let site: Site;
let browser: Browser;
let anonymous: BrowserContext;
let expert: BrowserContext;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  anonymous = await newContext(browser, site, { bypassCSP: true });
  expert = await newContext(browser, site, { bypassCSP: true });
  const page = await expert.newPage();
  await logIn(page, 'expert@demo.r1540.org');
  await page.close();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function axe(page: Page): Promise<AxeResult[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script.
    const axe = (window as any).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations;
  }, wcagTags);
}

function describe(violations: AxeResult[]): string {
  return violations
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `      - ${JSON.stringify(n.target)}  ${n.html.slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
          )
          .join('\n') +
        (v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : ''),
    )
    .join('\n');
}

async function check(context: BrowserContext, path: string, expectedTitle?: string, width?: number): Promise<void> {
  const page = await context.newPage();
  try {
    if (width) await page.setViewportSize({ width, height: 740 });
    const res = await page.goto(path);
    assert.equal(res?.status(), 200, `${path} answers 200`);
    if (expectedTitle) assert.equal((await page.locator('main h1').textContent())?.trim(), expectedTitle);
    const violations = await axe(page);
    assert.equal(
      violations.length,
      0,
      `axe-core found ${violations.length} WCAG 2.1 A/AA violation(s) on ${path}:\n${describe(violations)}`,
    );
  } finally {
    await page.close();
  }
}

const publicPages = [
  '/',
  '/states',
  '/states/MLI',
  '/organizations',
  '/organizations/IAEA',
  '/login',
  '/matrix/templates',
  '/matrix/templates/2017',
];

for (const lang of ['en', 'ar']) {
  for (const path of publicPages) {
    test(`no axe-core violations on /${lang}${path}`, () => check(anonymous, `/${lang}${path}`));
  }
}

test('no axe-core violations on /zh/states', () => check(anonymous, '/zh/states'));
test('no axe-core violations on /zh/states?q=马里 (search results)', () => check(anonymous, `/zh/states?q=${encodeURIComponent('马里')}`));
test('no axe-core violations on /ar/search?q=مالي (the search page, right to left)', () =>
  check(anonymous, `/ar/search?q=${encodeURIComponent('مالي')}`));
test('no axe-core violations on /zh/search?q=马里', () => check(anonymous, `/zh/search?q=${encodeURIComponent('马里')}`));
test('no axe-core violations on /en/search with a field error', async () => {
  const page = await anonymous.newPage();
  try {
    assert.equal((await page.goto('/en/search?q=mali&year=soon'))?.status(), 422);
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe-core found violations on the search form with an error:\n${describe(violations)}`);
  } finally {
    await page.close();
  }
});
test('no axe-core violations on the login form with an error', async () => {
  const page = await anonymous.newPage();
  try {
    await page.goto('/en/login');
    await page.fill('#email', 'nobody@example.org');
    await page.fill('#password', 'wrong-password');
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
    await page.waitForSelector('main .form-errors');
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe-core found violations on the failed login:\n${describe(violations)}`);
  } finally {
    await page.close();
  }
});

for (const lang of ['en', 'ar']) {
  test(`no axe-core violations on /${lang}/account as the expert`, () => check(expert, `/${lang}/account`));
  test(`no axe-core violations on /${lang}/activity as the expert`, () => check(expert, `/${lang}/activity`));
}
test('no axe-core violations on /en/states/MLI/history as the expert', () => check(expert, '/en/states/MLI/history'));
// Website visits (site-visits feature): the figures' page, in a left-to-right, a right-to-left and a Chinese reading.
for (const lang of ['en', 'ar', 'zh']) {
  test(`no axe-core violations on /${lang}/site-visits as the expert`, () =>
    check(expert, `/${lang}/site-visits?from=2018-01-01&to=2018-12-20`));
}

// On a phone-sized screen the tables scroll by themselves: still no violations (such as scrollable-region-focusable).
for (const path of ['/en/states', '/ar/organizations', '/ar/states/MLI']) {
  test(`no axe-core violations on ${path} at 375px wide`, () => check(anonymous, path, undefined, 375));
}

// The Committee's own year (issue 14) and the annual review (issue 15): their pages in a
// left-to-right, a right-to-left and a Chinese reading, as the Committee side and as the public.
for (const lang of ['en', 'ar', 'zh']) {
  for (const path of [
    '/committee',
    '/committee/meetings',
    '/committee/working-groups',
    '/committee/programme',
    '/committee/people',
    '/committee/trust-fund',
    '/reviews',
  ])
    test(`no axe-core violations on /${lang}${path} as the expert`, () => check(expert, `/${lang}${path}`));
  for (const path of ['/publications', '/faq', '/cooperation', '/committee/people'])
    test(`no axe-core violations on /${lang}${path}`, () => check(anonymous, `/${lang}${path}`));
}
