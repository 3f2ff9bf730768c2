import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addWorkingDays } from '../../src/features/assistance/procedure/calendar.ts';
import { actionsFrom } from '../../src/features/assistance/procedure/procedure.ts';
import { axePath, launchBrowser, logIn, newContext, screenshotPath, type Site, startSite, watchErrors } from './support.ts';

// A point of contact submits a request with two items through the form (first without an area, to
// see the error named); an expert takes it through the procedure to circulation, records an offer,
// asks the engine for matches, reads the reasons in words and proposes one. axe-core checks the
// request form in Arabic and the request's page.

let site: Site;
let browser: Browser;

const receivedOn = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
const circulateOn = addWorkingDays(receivedOn, 5);
let requestPath = '';

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Clicks a button that posts a form, and waits for the page that comes back (after a redirect or not). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForResponse((res) => res.request().method() === 'POST'), page.click(selector)]);
  await page.waitForLoadState('load');
}

test('a point of contact submits a request; the missing area is named, then fixed', async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await logIn(page, 'poc.mli@demo.r1540.org');
    await page.goto('/en/assistance');
    await Promise.all([page.waitForURL(/\/en\/assistance\/requests\/new$/), page.click('main a[href="/en/assistance/requests/new"]')]);
    await page.fill('#receivedOn', receivedOn);
    await page.fill('#contactName', 'Awa Traoré');
    await page.fill('#contactEmail', 'awa.traore@example.org');
    await page.check('#languages-fr');
    await page.check('#consentSummary');
    await page.fill('#summary', 'Mali asks for help with its export controls.');
    // Item 1 without an area.
    await page.fill('#items-0-description', 'Review of the draft law on export and trans-shipment controls');
    await page.check('#items-0-paragraphs-OP3d');
    await page.check('#items-0-weapons-chemical');
    await page.check('#items-0-kinds-legal-review');
    await page.fill('#items-1-description', 'Training of customs officers on dual-use goods');
    await page.check('#items-1-areas-border-control');
    await page.check('#items-1-kinds-training');
    await submit(page, 'main form button:has-text("Submit the request")');
    const summary = (await page.locator('main .form-errors[role=alert]').textContent()) ?? '';
    assert.match(summary, /Item 1: Areas/);
    assert.match(summary, /items\[0\]\.areas/);
    assert.match((await page.locator('#items-0-areas-error').textContent()) ?? '', /choose at least one/);
    // What was typed is still there.
    assert.equal(await page.inputValue('#items-1-description'), 'Training of customs officers on dual-use goods');
    assert.ok(await page.isChecked('#items-0-paragraphs-OP3d'));

    await page.check('#items-0-areas-export-control');
    await page.check('#items-0-areas-legislation');
    await Promise.all([
      page.waitForURL(/\/en\/assistance\/requests\/[0-9a-f-]{36}$/),
      page.click('main form button:has-text("Submit the request")'),
    ]);
    requestPath = new URL(page.url()).pathname;
    assert.match((await page.locator('main h1').textContent()) ?? '', /Mali/);
    assert.equal(await page.locator('main section.request-item').count(), 2);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an expert takes the request to circulation, records an offer, and proposes a suggested match', async () => {
  assert.ok(requestPath, 'the request was submitted');
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await logIn(page, 'expert@demo.r1540.org');
    await page.goto(requestPath);
    const step = async (action: string, on: string, providers: string[] = []) => {
      await page.selectOption('#step-action', action);
      await page.fill('#step-on', on);
      for (const p of providers) await page.check(`#step-provider-${p}`);
      await Promise.all([page.waitForURL(/#procedure$/), page.click('#step-form button[type=submit]')]);
    };
    await step('authenticate', receivedOn);
    await step('acknowledge', receivedOn);
    // Circulation waits five working days after the acknowledgement.
    assert.deepEqual(
      await page.locator('#step-action option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      actionsFrom('acknowledged'),
    );
    await step('circulate', circulateOn, ['IAEA']);
    assert.match((await page.locator('main ol.timeline').textContent()) ?? '', /Circulate to providers/);
    assert.match((await page.locator('#circulation + ul').textContent()) ?? '', /IAEA/);

    // An offer of the IAEA, through the form.
    await page.goto('/en/assistance/offers/new');
    await page.selectOption('#provider', 'organization:IAEA');
    await page.fill('#title', 'Legislative assistance on export controls');
    await page.check('#areas-export-control');
    await page.check('#areas-legislation');
    await page.check('#paragraphs-OP3d');
    await page.check('#kinds-legal-review');
    await page.check('#languages-fr');
    await Promise.all([page.waitForURL(/\/en\/assistance\/offers\/[0-9a-f-]{36}$/), page.click('main form button[type=submit]')]);

    await page.goto(requestPath);
    await Promise.all([page.waitForURL(/#items-heading$/), page.click('#suggest-form button[type=submit]')]);
    const match = page.locator('main li.match', { hasText: 'Legislative assistance on export controls' }).first();
    const reasons = (await match.locator('.reasons').textContent()) ?? '';
    assert.match(reasons, /both work on legislative drafting, export and trans-shipment control/);
    assert.match(reasons, /the provider works in French/);
    await Promise.all([page.waitForURL(/#match-[0-9a-f-]{36}$/), match.locator('button:has-text("Propose to the provider")').click()]);
    const proposed = page.locator('main li.match', { hasText: 'Legislative assistance on export controls' }).first();
    assert.match((await proposed.textContent()) ?? '', /proposed to the provider/);
    await page.screenshot({ path: screenshotPath('assistance-request'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

interface AxeResult {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function axe(page: Page): Promise<AxeResult[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script.
    const axe = (window as any).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return results.violations;
  });
}
const describe = (vs: AxeResult[]) =>
  vs.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`).join('\n');

test('no axe-core violations on the request form in Arabic (also with its errors) and on the request page', async () => {
  assert.ok(requestPath, 'the request was submitted');
  // axe-core is injected as a script: this context bypasses the CSP (the others keep it).
  const context = await newContext(browser, site, { bypassCSP: true });
  const page = await context.newPage();
  try {
    await logIn(page, 'expert@demo.r1540.org', 'ar');
    await page.goto('/ar/assistance/requests/new');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    let violations = await axe(page);
    assert.equal(violations.length, 0, `the Arabic request form:\n${describe(violations)}`);
    await page.fill('#items-0-description', 'تدريب موظفي الجمارك');
    await submit(page, 'main form button[type=submit] >> nth=0');
    assert.equal(await page.locator('#items-0-areas-error').count(), 1);
    violations = await axe(page);
    assert.equal(violations.length, 0, `the Arabic request form with its errors:\n${describe(violations)}`);
    for (const lang of ['en', 'ar']) {
      await page.goto(requestPath.replace(/^\/en\//, `/${lang}/`));
      violations = await axe(page);
      assert.equal(violations.length, 0, `the request page (${lang}):\n${describe(violations)}`);
    }
  } finally {
    await context.close();
  }
});
