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
