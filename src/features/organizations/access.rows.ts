import assert from 'node:assert/strict';
import { all, committeeSide, type Row, s, type Who, who } from '../../platform/testing/access-rows.ts';

/** Whether a list (API JSON or page) names IAEA, for the rows that restrict it. */
function listsIaea(seen: Who[]) {
  return async (res: Response, w: Who) => {
    const text = await res.text();
    const shown = res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { data: { code: string }[] }).data.some((d) => d.code === 'IAEA')
      : /href="\/en\/organizations\/IAEA"/.test(text);
    assert.equal(shown, seen.includes(w), `${w}: IAEA ${shown ? 'listed' : 'not listed'}`);
  };
}

/** The access-policy rows of the organizations (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Organizations (all public in the seed; an organization concerns no State)
  { method: 'GET', route: '/{lang}/organizations', path: '/en/organizations', check: listsIaea([...who]), expect: all(200) },
  { method: 'GET', route: '/{lang}/organizations/:code/history', path: '/en/organizations/IAEA/history', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/organizations/:code/edit', path: '/en/organizations/IAEA/edit', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/organizations/:code/edit', path: '/en/organizations/IAEA/edit', body: () => ({}), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'empty fields' },
  { method: 'POST', route: '/{lang}/organizations/:code/archive', path: '/en/organizations/IAEA/archive', body: () => ({ confirm: 'yes' }), expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/organizations/:code/restore', path: '/en/organizations/IAEA/restore', expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'GET', route: '/{lang}/organizations', path: '/en/organizations', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], check: listsIaea(committeeSide), expect: all(200) },

  // The API, with a bearer token
  { method: 'GET', route: '/api/v1/organizations', path: '/api/v1/organizations', check: listsIaea([...who]), expect: all(200) },
  { method: 'GET', route: '/api/v1/organizations/:code', path: '/api/v1/organizations/IAEA', expect: all(200) },
  { method: 'GET', route: '/api/v1/organizations/:code', path: '/api/v1/organizations/NOPE', expect: all(404) },
  { method: 'GET', route: '/api/v1/organizations', path: '/api/v1/organizations', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], check: listsIaea(committeeSide), expect: all(200) },
  { method: 'GET', route: '/api/v1/organizations/:code', path: '/api/v1/organizations/IAEA', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
];
