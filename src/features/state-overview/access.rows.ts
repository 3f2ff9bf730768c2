import { all, type Row, s } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of a State's page (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // A State's page (all public in the seed)
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/MLI', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/mli', expect: all(301), note: 'to the code in capitals' },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/XXX', expect: all(404) },

  // The State made restricted for one row
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 200, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/NER', restrict: [{ table: 'member_state', key: 'NER', confidentiality: 'committee-and-state' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
];
