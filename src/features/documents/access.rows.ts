import { all, type Row, s, uuid0 } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the document library (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Document library: lists filtered by the policy; a document nobody may see (or none at all) is 404; experts, the secretariat and admins upload
  { method: 'GET', route: '/{lang}/documents', path: '/en/documents?kind=report&language=fr', expect: all(200) },
  { method: 'GET', route: '/{lang}/documents/new', path: '/en/documents/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/documents/new', path: '/en/documents/new', body: () => ({ title: 'No file' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no file' },
  { method: 'GET', route: '/{lang}/documents/:id', path: `/en/documents/${uuid0}`, expect: all(404) },
  { method: 'GET', route: '/{lang}/documents/:id', path: '/en/documents/not-an-id', expect: all(404) },
  { method: 'GET', route: '/api/v1/documents', path: '/api/v1/documents?state=MLI', expect: all(200) },
  { method: 'GET', route: '/api/v1/documents', path: '/api/v1/documents?kind=poem', expect: all(422) },
  { method: 'POST', route: '/api/v1/documents', path: '/api/v1/documents', json: () => ({}), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'not a multipart file' },
  { method: 'GET', route: '/api/v1/documents/:id', path: `/api/v1/documents/${uuid0}`, expect: all(404) },
  { method: 'GET', route: '/api/v1/documents/:id/file', path: `/api/v1/documents/${uuid0}/file`, expect: all(404) },
];
