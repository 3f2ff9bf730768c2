import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeSite, check } from './axe.ts';

// The Committee's own year (issue 14) and the annual review (issue 15): their pages in a
// left-to-right, a right-to-left and a Chinese reading, as the Committee side and as the public.
const site = axeSite();

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
    test(`no axe-core violations on /${lang}${path} as the expert`, () => check(site.expert, `/${lang}${path}`));
  for (const path of ['/publications', '/faq', '/cooperation', '/committee/people'])
    test(`no axe-core violations on /${lang}${path}`, () => check(site.anonymous, `/${lang}${path}`));
}

// Last, as it writes to the site's database (issue 15, items 4 and 5): the expert edits a
// generated paragraph, a record behind its figure is added, the draft flags the figure; regenerating
// keeps the edit and flags the paragraph with the old and new values.
test('an expert edits a paragraph, regenerates, and sees the edit kept and the changed figure flagged', async () => {
  const page = await site.expert.newPage();
  try {
    // The site holds the reference data only: the expert starts the draft of 2019 through the form.
    await page.goto('/en/reviews');
    for (const [field, value] of <[string, string][]>[
      ['year', '2019'],
      ['programmeNumber', '18'],
      ['periodFrom', '2019-02-01'],
      ['periodTo', '2020-01-31'],
      ['cutOff', '2019-12-20'],
    ])
      await page.fill(`input#${field}`, value);
    await Promise.all([page.waitForURL(/\/en\/reviews\/2019$/), page.click('form[action="/en/reviews"] button[type=submit]')]);
    await page.goto('/en/reviews/2019/paragraphs/II.A.additional');
    const mine = 'No State sent additional information in 2019, as the experts wrote it by hand.';
    await page.fill('textarea#body', mine);
    await Promise.all([page.waitForURL(/\/en\/reviews\/2019(#|$)/), page.click('main form.record-form button[type=submit]')]);
    assert.equal(await page.locator('#p-II\\.A\\.additional p').first().textContent(), `10. ${mine}`);
    assert.equal(await page.locator('#figure-additionalInformation.flagged').count(), 0);
    // New Zealand's additional information of May 2019 is recorded after the figures were counted.
    await page.goto('/en/states/NZL/reports/new');
    await page.selectOption('select#kind', 'additional-information');
    await page.fill('input#receivedOn', '2019-05-06');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/new')), page.click('main form button[type=submit]')]);
    await page.goto('/en/reviews/2019');
    assert.equal(await page.locator('#figure-additionalInformation.flagged').count(), 1, 'the figure whose records changed is flagged');
    assert.match((await page.locator('#p-II\\.A\\.additional .hint').first().textContent()) ?? '', /records changed since/);
    await Promise.all([page.waitForURL(/\/en\/reviews\/2019$/), page.click('form[action$="/regenerate"] button')]);
    const paragraph = page.locator('#p-II\\.A\\.additional');
    assert.equal(await paragraph.locator('p').first().textContent(), `10. ${mine}`, 'the edit is kept');
    const notice = (await paragraph.locator('.notice').textContent()) ?? '';
    assert.match(notice, /, now New Zealand/);
    assert.equal(await page.locator('#figure-additionalInformation.flagged').count(), 0, 'counted again: no longer stale');
  } finally {
    await page.close();
  }
});
