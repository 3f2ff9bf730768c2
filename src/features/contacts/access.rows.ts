import assert from 'node:assert/strict';
import { all, committeeSide, csv, type Ctx, type Row, s, uuid0 } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the points of contact (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Points of contact (confidential details)
  { method: 'GET', route: '/{lang}/states/:iso3/contacts', path: '/en/states/MLI/contacts', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/contacts', path: '/en/states/XXX/contacts', expect: all(404) },
  { method: 'GET', route: '/{lang}/states/:iso3/contacts.csv', path: '/en/states/MLI/contacts.csv', check: async (res) => { assert.match(res.headers.get('content-type') ?? '', /^text\/csv/); }, expect: all(200) },
  { method: 'GET', route: '/{lang}/contacts', path: '/en/contacts', expect: all(200) },
  { method: 'GET', route: '/{lang}/contacts/reminders', path: '/en/contacts/reminders', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'POST', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', json: () => ({ location: 'capital', name: 'Policy Walk Contact', email: 'policy.walk@example.org', designatedOn: '2999-01-01' }), expect: s(403, 403, 403, 403, 403, 422, 422), note: 'a future date' },
  { method: 'POST', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', json: () => ({ location: 'capital', name: 'Policy Walk Contact', email: 'policy.walk@example.org', designatedOn: '2018-01-01' }), expect: s(403, 403, 403, 403, 403, 201, 201) },
  { method: 'GET', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', check: async (res, w) => { assert.equal((await res.text()).includes('policy.walk@example.org'), ['poc', ...committeeSide].includes(w), w); }, expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/contacts', path: '/en/states/MLI/contacts', check: async (res, w) => { assert.equal((await res.text()).includes('policy.walk@example.org'), ['poc', ...committeeSide].includes(w), w); }, expect: all(200), note: 'details only for MLI and the Committee side' },
  { method: 'GET', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/XXX/contacts', expect: all(404) },
  { method: 'GET', route: '/api/v1/contacts/per-year', path: '/api/v1/contacts/per-year?from=2017&to=2018', expect: all(200) },

  // Points of contact: the forms (contacts/form-routes.tsx) and API writes (contacts/api.ts), on MLI's
  // "Policy Walk Contact" recorded above; the figures per year as CSV. A contact the caller may not
  // see is not found (404); one it may see but not change, 403.
  ...((): Row[] => {
    const ids = { contact: '' };
    const contactVersion = async (c: Ctx) =>
      String((await c.db.selectFrom('point_of_contact').select('row_version').where('id', '=', ids.contact).executeTakeFirstOrThrow()).row_version);
    const details = ['poc', ...committeeSide];
    return [
      { method: 'GET', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', check: async (res, w) => { const body = (await res.json()) as { contacts?: { id: string; name: string }[] }; assert.equal(body.contacts !== undefined, details.includes(w), w); const c = body.contacts?.find((x) => x.name === 'Policy Walk Contact'); if (c) ids.contact = c.id; }, expect: all(200), note: 'finds the contact the rows below change' },
      { method: 'GET', route: '/{lang}/contacts/per-year.csv', path: '/en/contacts/per-year.csv', check: csv, expect: all(200) },
      { method: 'GET', route: '/{lang}/states/:iso3/contacts/new', path: '/en/states/MLI/contacts/new', expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'GET', route: '/{lang}/states/:iso3/contacts/new', path: '/en/states/XXX/contacts/new', expect: all(404) },
      { method: 'POST', route: '/{lang}/states/:iso3/contacts/new', path: '/en/states/MLI/contacts/new', body: () => ({ name: '' }), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'empty fields' },
      { method: 'GET', route: '/{lang}/states/:iso3/contacts/:id/edit', path: () => `/en/states/MLI/contacts/${ids.contact}/edit`, check: async (res, w) => assert.equal((await res.text()).includes('policy.walk@example.org'), res.status === 200, w), expect: s(401, 200, 403, 403, 403, 200, 200), note: 'the State’s own point of contact edits' },
      { method: 'GET', route: '/{lang}/states/:iso3/contacts/:id/edit', path: `/en/states/MLI/contacts/${uuid0}/edit`, expect: s(401, 404, 403, 403, 403, 404, 404), note: 'no such contact' },
      { method: 'POST', route: '/{lang}/states/:iso3/contacts/:id/edit', path: () => `/en/states/MLI/contacts/${ids.contact}/edit`, body: () => ({ name: '' }), expect: s(401, 422, 403, 403, 403, 422, 422), note: 'no version, no name' },
      { method: 'POST', route: '/{lang}/states/:iso3/contacts/:id/confirm', path: () => `/en/states/MLI/contacts/${ids.contact}/confirm`, body: async (c) => ({ version: await contactVersion(c) }), expect: s(401, 303, 403, 403, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/states/:iso3/contacts/:id/end', path: () => `/en/states/MLI/contacts/${ids.contact}/end`, expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/states/:iso3/contacts/:id/end', path: () => `/en/states/MLI/contacts/${ids.contact}/end`, body: async (c) => ({ endedOn: '2999-01-01', version: await contactVersion(c) }), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'a future date' },
      { method: 'PATCH', route: '/api/v1/contacts/:id', path: () => `/api/v1/contacts/${ids.contact}`, json: () => ({ rowVersion: 99999, title: 'Stale' }), expect: s(403, 409, 404, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'PATCH', route: '/api/v1/contacts/:id', path: () => `/api/v1/contacts/${ids.contact}`, json: () => ({ rowVersion: 'one' }), expect: s(403, 422, 404, 403, 403, 422, 422) },
      { method: 'POST', route: '/api/v1/contacts/:id/confirm', path: () => `/api/v1/contacts/${ids.contact}/confirm`, json: () => ({ rowVersion: 99999 }), expect: s(403, 409, 404, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/api/v1/contacts/:id/end', path: () => `/api/v1/contacts/${ids.contact}/end`, json: () => ({ rowVersion: 99999, endedOn: '2018-01-01' }), expect: s(403, 403, 404, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/api/v1/contacts/:id/end', path: `/api/v1/contacts/${uuid0}/end`, json: () => ({ rowVersion: 1, endedOn: '2018-01-01' }), expect: s(403, 404, 404, 404, 404, 404, 404), note: 'no such contact' },
    ];
  })(),
];
