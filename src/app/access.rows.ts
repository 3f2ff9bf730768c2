import { all, type Row } from '../platform/testing/access-rows.ts';

/** The access-policy rows of the application outside the features (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  //                                                                                                           pub  poc  prov exp  com  sec  adm
  // Outside the languages
  { method: 'GET', route: '/healthz', path: '/healthz', expect: all(200) },
  { method: 'GET', route: '/static/app.css', path: '/static/app.css', expect: all(200) },
  { method: 'GET', route: '/favicon.ico', path: '/favicon.ico', expect: all(200), note: 'an SVG icon' },
  { method: 'GET', route: '/', path: '/', expect: all(302), note: 'to the reader’s language' },

  // Home
  { method: 'GET', route: '/{lang}', path: '/en/', expect: all(200) },
  { method: 'GET', route: '/{lang}', path: '/en', expect: all(200), note: 'the same page without the slash' },
  { method: 'GET', route: '/{lang}', path: '/zh', expect: all(200) },

  // The API's description
  { method: 'GET', route: '/api/v1/openapi.json', path: '/api/v1/openapi.json', expect: all(200) },
];
