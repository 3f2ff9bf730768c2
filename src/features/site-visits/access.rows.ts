import { csv, type Row, s } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the website visits (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // The figures (read-site-visits: the Committee side); the public is asked to sign in, points of contact and providers refused
  { method: 'GET', route: '/{lang}/site-visits', path: '/en/site-visits?from=2018-01-01&to=2018-12-20', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/site-visits', path: '/zh/site-visits?from=2018-01-01&to=2018-12-20&format=csv', check: async (res) => { if (res.status === 200) await csv(res); }, expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/site-visits', path: '/en/site-visits?from=2018-12-21&to=2018-01-01', expect: s(401, 403, 403, 422, 422, 422, 422), note: 'to before from' },
  { method: 'GET', route: '/api/v1/site-visits', path: '/api/v1/site-visits?from=2018-01-01&to=2018-12-20', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/site-visits', path: '/api/v1/site-visits?from=2018-02-30', expect: s(401, 403, 403, 422, 422, 422, 422), note: 'not a day' },
  { method: 'GET', route: '/api/v1/site-visits', path: '/api/v1/site-visits', viaSession: true, expect: s(401, 403, 403, 200, 200, 200, 200) },
];
