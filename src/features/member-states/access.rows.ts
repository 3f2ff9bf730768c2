import assert from 'node:assert/strict';
import { all, committeeSide, type Ctx, type Row, s, type Who, who } from '../../platform/testing/access-rows.ts';

const emptyStateForm = async (ctx: Ctx) => ({
  'names.ar': '',
  'names.zh': '',
  'names.en': '',
  'names.fr': '',
  'names.ru': '',
  'names.es': '',
  unMemberSince: '',
  regionalGroup: '',
  securityCouncilYears: '',
  version: String((await ctx.db.selectFrom('member_state').select('version').where('iso3', '=', 'MLI').executeTakeFirstOrThrow()).version),
});

/** Whether a list (API JSON or page) names MLI, for the rows that restrict it. */
function listsMli(seen: Who[]) {
  return async (res: Response, w: Who) => {
    const text = await res.text();
    const shown = res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { data: { iso3: string }[] }).data.some((d) => d.iso3 === 'MLI')
      : /href="\/en\/states\/MLI"/.test(text);
    assert.equal(shown, seen.includes(w), `${w}: MLI ${shown ? 'listed' : 'not listed'}`);
  };
}

/** The access-policy rows of the Member States (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Member States (all public in the seed)
  { method: 'GET', route: '/{lang}/states', path: '/en/states', check: listsMli([...who]), expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/history', path: '/en/states/MLI/history', expect: s(401, 200, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/history', path: '/en/states/PER/history', expect: s(401, 403, 403, 200, 200, 200, 200), note: 'not the State of the point of contact' },
  { method: 'GET', route: '/{lang}/states/:iso3/edit', path: '/en/states/MLI/edit', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/states/:iso3/edit', path: '/en/states/MLI/edit', body: emptyStateForm, expect: s(401, 403, 403, 403, 403, 422, 422), note: 'empty fields, current version' },
  { method: 'POST', route: '/{lang}/states/:iso3/archive', path: '/en/states/MLI/archive', body: () => ({ confirm: 'yes' }), expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/states/:iso3/restore', path: '/en/states/MLI/restore', expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/states/:iso3/archive', path: '/en/states/XXX/archive', expect: all(404) },

  // Member States made restricted for one row
  { method: 'GET', route: '/{lang}/states', path: '/en/states', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], check: listsMli(['poc', ...committeeSide]), expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/history', path: '/en/states/MLI/history', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/edit', path: '/en/states/MLI/edit', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 403, 403, 403, 403, 200, 200) },

  // The API, with a bearer token
  { method: 'GET', route: '/api/v1/states', path: '/api/v1/states', check: listsMli([...who]), expect: all(200) },
  { method: 'GET', route: '/api/v1/states', path: '/api/v1/states?group=martian', expect: all(422) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/XXX', expect: all(404) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/M1', expect: all(422) },
  { method: 'GET', route: '/api/v1/states', path: '/api/v1/states', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], check: listsMli(['poc', ...committeeSide]), expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 200, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },

  // The API with the session cookie: the same policy
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', viaSession: true, restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 200, 403, 200, 200, 200, 200) },
];
