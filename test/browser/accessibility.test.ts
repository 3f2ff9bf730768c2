import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axe, axeSite, check, describe } from './axe.ts';

// WCAG 2.1 A/AA (axe-core) on the pages of States, organizations, search, accounts, website visits
// and the matrix templates. The Committee's own pages are in accessibility-committee.test.ts: a
// file each keeps either well under the runner's time limit per file.
const site = axeSite();

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
    test(`no axe-core violations on /${lang}${path}`, () => check(site.anonymous, `/${lang}${path}`));
  }
}

test('no axe-core violations on /zh/states', () => check(site.anonymous, '/zh/states'));
test('no axe-core violations on /zh/states?q=马里 (search results)', () =>
  check(site.anonymous, `/zh/states?q=${encodeURIComponent('马里')}`));
test('no axe-core violations on /ar/search?q=مالي (the search page, right to left)', () =>
  check(site.anonymous, `/ar/search?q=${encodeURIComponent('مالي')}`));
test('no axe-core violations on /zh/search?q=马里', () => check(site.anonymous, `/zh/search?q=${encodeURIComponent('马里')}`));
test('no axe-core violations on /en/search with a field error', async () => {
  const page = await site.anonymous.newPage();
  try {
    assert.equal((await page.goto('/en/search?q=mali&year=soon'))?.status(), 422);
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe-core found violations on the search form with an error:\n${describe(violations)}`);
  } finally {
    await page.close();
  }
});
test('no axe-core violations on the login form with an error', async () => {
  const page = await site.anonymous.newPage();
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
  test(`no axe-core violations on /${lang}/account as the expert`, () => check(site.expert, `/${lang}/account`));
  test(`no axe-core violations on /${lang}/activity as the expert`, () => check(site.expert, `/${lang}/activity`));
}
test('no axe-core violations on /en/states/MLI/history as the expert', () => check(site.expert, '/en/states/MLI/history'));
// Website visits (site-visits feature): the figures' page, in a left-to-right, a right-to-left and a Chinese reading.
for (const lang of ['en', 'ar', 'zh']) {
  test(`no axe-core violations on /${lang}/site-visits as the expert`, () =>
    check(site.expert, `/${lang}/site-visits?from=2018-01-01&to=2018-12-20`));
}

// On a phone-sized screen the tables scroll by themselves: still no violations (such as scrollable-region-focusable).
for (const path of ['/en/states', '/ar/organizations', '/ar/states/MLI']) {
  test(`no axe-core violations on ${path} at 375px wide`, () => check(site.anonymous, path, undefined, 375));
}
