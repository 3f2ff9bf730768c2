import { all, csv, type Ctx, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of visits and courses (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Visits and courses
  { method: 'GET', route: '/{lang}/visits', path: '/en/visits', expect: all(200) },
  { method: 'GET', route: '/{lang}/visits', path: '/en/visits?year=12', expect: all(400), note: 'not a year' },
  { method: 'GET', route: '/{lang}/courses', path: '/en/courses', expect: all(200) },
  { method: 'GET', route: '/api/v1/visits', path: '/api/v1/visits?year=2018', expect: all(200) },
  { method: 'GET', route: '/api/v1/visits/per-year', path: '/api/v1/visits/per-year', expect: all(200) },
  { method: 'GET', route: '/api/v1/courses', path: '/api/v1/courses', expect: all(200) },

  // Visits and courses: forms, detail pages, API writes (engagement/form-routes.tsx, engagement/api-write.ts), on records
  // the rows create; the figures per year as CSV.
  ...((): Row[] => {
    const ids = { visit: '', hiddenVisit: '', course: '' };
    const visitVersion = async (c: Ctx) => String((await c.db.selectFrom('visit').select('row_version').where('id', '=', ids.visit).executeTakeFirstOrThrow()).row_version);
    const keep = (key: 'visit' | 'hiddenVisit' | 'course') => async (res: Response, w: Who) => {
      const id = ((await res.json()) as { id: string }).id;
      if (w === 'expert') ids[key] = id;
    };
    return [
      { method: 'GET', route: '/{lang}/visits/per-year.csv', path: '/en/visits/per-year.csv', check: csv, expect: all(200) },
      { method: 'GET', route: '/{lang}/visits/new', path: '/en/visits/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/visits/new', path: '/en/visits/new', body: () => ({ stateIso3: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'empty fields' },
      { method: 'POST', route: '/api/v1/visits', path: '/api/v1/visits', json: () => ({ stateIso3: 'MLI', kind: 'round-table', startsOn: '2018-02-26', place: 'Policy walk' }), check: keep('visit'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/visits', path: '/api/v1/visits', json: () => ({ stateIso3: 'MLI', kind: 'round-table', startsOn: '2018-02-26', confidentiality: 'committee' }), check: keep('hiddenVisit'), expect: s(403, 403, 403, 201, 403, 201, 201), note: 'for the Committee only' },
      { method: 'GET', route: '/api/v1/visits/:id', path: () => `/api/v1/visits/${ids.visit}`, expect: all(200) },
      { method: 'GET', route: '/api/v1/visits/:id', path: () => `/api/v1/visits/${ids.hiddenVisit}`, expect: s(404, 404, 404, 200, 200, 200, 200), note: 'for the Committee only' },
      { method: 'GET', route: '/api/v1/visits/:id', path: `/api/v1/visits/${uuid0}`, expect: all(404) },
      { method: 'PATCH', route: '/api/v1/visits/:id', path: () => `/api/v1/visits/${ids.visit}`, json: () => ({ rowVersion: 99999 }), expect: s(403, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'PATCH', route: '/api/v1/visits/:id', path: () => `/api/v1/visits/${ids.hiddenVisit}`, json: () => ({ rowVersion: 99999 }), expect: s(403, 404, 404, 409, 403, 409, 409), note: 'for the Committee only' },
      { method: 'GET', route: '/{lang}/visits/:id', path: () => `/en/visits/${ids.visit}`, expect: all(200) },
      { method: 'GET', route: '/{lang}/visits/:id', path: () => `/en/visits/${ids.hiddenVisit}`, expect: s(404, 404, 404, 200, 200, 200, 200), note: 'for the Committee only' },
      { method: 'GET', route: '/{lang}/visits/:id', path: '/en/visits/not-an-id', expect: all(404) },
      { method: 'GET', route: '/{lang}/visits/:id/edit', path: () => `/en/visits/${ids.visit}/edit`, expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/visits/:id/edit', path: () => `/en/visits/${ids.visit}/edit`, body: () => ({ stateIso3: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no version, empty fields' },
      { method: 'POST', route: '/{lang}/visits/:id/archive', path: () => `/en/visits/${ids.visit}/archive`, body: () => ({ confirm: 'yes', version: '99999' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/visits/:id/archive', path: () => `/en/visits/${ids.visit}/archive`, body: async (c) => ({ confirm: 'yes', version: await visitVersion(c) }), expect: s(401, 403, 403, 303, 403, 409, 409), note: 'archived by the expert, then archived already' },

      { method: 'GET', route: '/{lang}/courses/new', path: '/en/courses/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/courses/new', path: '/en/courses/new', body: () => ({ title: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'empty fields' },
      { method: 'POST', route: '/api/v1/courses', path: '/api/v1/courses', json: () => ({ title: 'Policy walk course', startsOn: '2018-08-14', place: 'Addis Ababa' }), check: keep('course'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/courses', path: '/api/v1/courses', json: () => ({ title: 'Policy walk course', startsOn: '2018-08-14', place: 'Addis Ababa', hostOrganizations: ['NOPE'] }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'an unknown organization' },
      { method: 'GET', route: '/api/v1/courses/:id', path: () => `/api/v1/courses/${ids.course}`, expect: all(200) },
      { method: 'GET', route: '/api/v1/courses/:id', path: `/api/v1/courses/${uuid0}`, expect: all(404) },
      { method: 'PATCH', route: '/api/v1/courses/:id', path: () => `/api/v1/courses/${ids.course}`, json: () => ({ rowVersion: 99999 }), expect: s(403, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'GET', route: '/{lang}/courses/:id', path: () => `/en/courses/${ids.course}`, expect: all(200) },
      { method: 'GET', route: '/{lang}/courses/:id/edit', path: () => `/en/courses/${ids.course}/edit`, expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/courses/:id/edit', path: () => `/en/courses/${ids.course}/edit`, body: () => ({ title: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no version, empty fields' },
      { method: 'POST', route: '/{lang}/courses/:id/archive', path: () => `/en/courses/${ids.course}/archive`, body: () => ({ confirm: 'yes', version: '99999' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
    ];
  })(),
];
