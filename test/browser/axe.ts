// axe-core (WCAG 2.1 A/AA) on a page of the real site in Chromium, shared by the accessibility test files.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
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

export async function axe(page: Page): Promise<AxeResult[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script.
    const axe = (window as any).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations;
  }, wcagTags);
}

export function describe(violations: AxeResult[]): string {
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

export async function check(context: BrowserContext, path: string, expectedTitle?: string, width?: number): Promise<void> {
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

/** The site, Chromium, and two contexts (the public; the expert, logged in) for one test file, opened before its tests. */
export function axeSite(): { anonymous: BrowserContext; expert: BrowserContext } {
  let site: Site | undefined;
  let browser: Browser | undefined;
  const contexts = {} as { anonymous: BrowserContext; expert: BrowserContext };
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    contexts.anonymous = await newContext(browser, site, { bypassCSP: true });
    contexts.expert = await newContext(browser, site, { bypassCSP: true });
    const page = await contexts.expert.newPage();
    await logIn(page, 'expert@demo.r1540.org');
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return contexts;
}
