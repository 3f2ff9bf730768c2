import { type Row, s } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the activity feed and the audit API (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // The activity feed (read-activity: expert, secretariat, admin)
  { method: 'GET', route: '/{lang}/activity', path: '/en/activity', expect: s(401, 403, 403, 200, 403, 200, 200) },

  // The API, with a bearer token
  { method: 'GET', route: '/api/v1/audit', path: '/api/v1/audit', expect: s(401, 403, 403, 200, 403, 200, 200) },

  // The API with the session cookie: the same policy
  { method: 'GET', route: '/api/v1/audit', path: '/api/v1/audit', viaSession: true, expect: s(401, 403, 403, 200, 403, 200, 200) },
];
