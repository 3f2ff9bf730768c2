import { all, type Row, s } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of an organization's page (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // An organization's page (all public in the seed), then made restricted for one row
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/IAEA', expect: all(200) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/iaea', expect: all(301) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/NOPE', expect: all(404) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/IAEA', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/IAEA', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee-and-state' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
];
