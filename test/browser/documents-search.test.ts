import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshotPath, type Site, startSite, watchErrors } from './support.ts';

// An expert uploads a Chinese document through the form; the search finds it by 马里 for the
// Committee side, and the public finds nothing of it, not even a count.
let site: Site;
let browser: Browser;
let filesDir: string;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-browser-files-'));
  site = await startSite({ filesDir });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(filesDir, { recursive: true, force: true });
});

test('upload a document through the form, then find it by a Chinese word, highlighted', async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await logIn(page, 'expert@demo.r1540.org', 'zh');
    await page.goto('/zh/documents/new');
    await page.setInputFiles('#doc-file', {
      name: 'visit-mali.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('2018年，专家组访问了马里，并与国家当局讨论了出口管制。', 'utf8'),
    });
    await page.fill('#doc-title', '专家组访问报告');
    await page.fill('#doc-dated', '2018-06-12');
    await page.fill('#doc-language', 'zh');
    await page.fill('#doc-state', 'MLI');
    await page.selectOption('select[name=confidentiality]', 'committee');
    await Promise.all([page.waitForURL(/\/zh\/documents\/[0-9a-f-]{36}$/), page.click('main form button[type=submit]')]);
    assert.equal((await page.locator('main h1').textContent())?.trim(), '专家组访问报告');

    // A file whose content is not what its name says is refused, and the form says why.
    await page.goto('/zh/documents/new');
    await page.setInputFiles('#doc-file', {
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a PDF at all', 'utf8'),
    });
    await page.fill('#doc-title', 'Faux PDF');
    await page.fill('#doc-language', 'fr');
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
    assert.match((await page.locator('main .form-errors').textContent()) ?? '', /file/);

    await page.goto('/zh/search');
    await page.fill('#search-q', '马里');
    await page.selectOption('#search-kind', 'document');
    await Promise.all([page.waitForURL(/\/zh\/search\?/), page.click('main form button[type=submit]')]);
    const hits = page.locator('main .search-hit');
    assert.equal(await hits.count(), 1);
    assert.equal((await hits.locator('h3 a').textContent())?.trim(), '专家组访问报告');
    assert.equal((await hits.locator('mark').first().textContent())?.trim(), '马里');
    await page.screenshot({ path: screenshotPath('search-zh'), fullPage: true });
    // The result leads to the document.
    await Promise.all([page.waitForURL(/\/zh\/documents\//), hits.locator('h3 a').click()]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  const anonymous = await newContext(browser, site);
  const pub = await anonymous.newPage();
  try {
    await pub.goto(`/zh/search?q=${encodeURIComponent('专家组访问')}`);
    assert.equal(await pub.locator('main .search-hit').count(), 0);
    const html = await pub.content();
    assert.doesNotMatch(html, /专家组访问报告/);
  } finally {
    await anonymous.close();
  }
});

test('paging and filters keep the query; Arabic results read right to left', async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  try {
    await page.goto(`/ar/search?q=${encodeURIComponent('مالي')}`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const first = page.locator('main .search-hit h3 a').first();
    assert.match((await first.textContent()) ?? '', /مالي/);
    assert.equal(await page.locator('#search-q').inputValue(), 'مالي');
  } finally {
    await context.close();
  }
});
