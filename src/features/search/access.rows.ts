import { all, type Row } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the search (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Search: everyone may search; what each finds is the policy's (test/integration/search.test.ts)
  { method: 'GET', route: '/{lang}/search', path: '/zh/search?q=%E9%A9%AC%E9%87%8C&kind=member-state', expect: all(200) },
  { method: 'GET', route: '/{lang}/search', path: '/en/search?q=mali&year=soon', expect: all(422) },
  { method: 'GET', route: '/api/v1/search', path: '/api/v1/search?q=mali&lang=fr&page=1&pageSize=5', expect: all(200) },
  { method: 'GET', route: '/api/v1/search', path: '/api/v1/search?q=mali&pageSize=1000', expect: all(422) },
];
