import assert from 'node:assert/strict';
import { all, committeeSide, type Ctx, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the correspondence (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Correspondence (correspondence/routes.tsx, correspondence/api.ts): letters read by confidentiality (MLI's point of contact reads those shared with MLI; hidden ones are 404 and not listed); experts, the secretariat and admins record them
  ...((): Row[] => {
    const letters: { shared?: string; committee?: string } = {};
    const keep = (key: 'shared' | 'committee') => async (res: Response) => {
      letters[key] = ((await res.json()) as { id: string }).id;
    };
    const at = (prefix: string, key: 'shared' | 'committee', suffix = '') => () => `${prefix}${letters[key] ?? uuid0}${suffix}`;
    const version = async (c: Ctx) => {
      const row = await c.db.selectFrom('letter').select('row_version').where('id', '=', letters.shared ?? uuid0).executeTakeFirst();
      return String(row?.row_version ?? 0);
    };
    const letterJson = (confidentiality: string, subject: string, sentOn = '2018-05-15') => () => ({ kind: 'letter', sentOn, sender: { kind: 'chair' }, recipients: { mode: 'state', states: ['MLI'] }, subject, confidentiality });
    const letterForm = (subject: string) => ({ kind: 'letter', sentOn: '2018-05-16', senderKind: 'chair', recipientsMode: 'state', recipients: 'MLI', subject, confidentiality: 'committee-and-state' });
    const lists = async (res: Response, w: Who) => {
      const text = await res.text();
      assert.equal(text.includes('Policy walk: shared with Mali'), ['poc', ...committeeSide].includes(w), `${w}: the letter shared with MLI`);
      assert.equal(text.includes('Policy walk: committee only'), committeeSide.includes(w), `${w}: the committee-only letter`);
    };
    return [
      { method: 'POST', route: '/api/v1/letters', path: '/api/v1/letters', json: letterJson('committee-and-state', 'Policy walk: shared with Mali'), check: keep('shared'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/letters', path: '/api/v1/letters', json: letterJson('committee', 'Policy walk: committee only'), check: keep('committee'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/letters', path: '/api/v1/letters', json: letterJson('committee', 'Policy walk: from the future', '2999-01-01'), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'a date in the future' },
      { method: 'GET', route: '/{lang}/letters', path: '/en/letters?year=2018&kind=letter', check: lists, expect: all(200) },
      { method: 'GET', route: '/{lang}/letters', path: '/en/letters?format=csv', check: async (res, w) => { assert.match(res.headers.get('content-type') ?? '', /^text\/csv/); await lists(res, w); }, expect: all(200) },
      { method: 'GET', route: '/{lang}/letters', path: '/en/letters?year=12', expect: all(422), note: 'not a year' },
      { method: 'GET', route: '/{lang}/letters/new', path: '/fr/letters/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/letters/new', path: '/en/letters/new', body: () => ({ subject: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'empty' },
      { method: 'POST', route: '/{lang}/letters/new', path: '/en/letters/new', body: () => letterForm('Policy walk: from the form'), expect: s(401, 403, 403, 303, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/letters/:id', path: at('/en/letters/', 'shared'), expect: s(404, 200, 404, 200, 200, 200, 200), note: 'shared with MLI' },
      { method: 'GET', route: '/{lang}/letters/:id', path: at('/ar/letters/', 'committee'), expect: s(404, 404, 404, 200, 200, 200, 200), note: 'the Committee only' },
      { method: 'GET', route: '/{lang}/letters/:id', path: `/en/letters/${uuid0}`, expect: all(404) },
      { method: 'GET', route: '/{lang}/letters/:id', path: '/en/letters/not-an-id', expect: all(404) },
      { method: 'GET', route: '/{lang}/letters/:id/history', path: at('/en/letters/', 'shared', '/history'), expect: s(404, 200, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/letters/:id/edit', path: at('/en/letters/', 'shared', '/edit'), expect: s(404, 403, 404, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/letters/:id/edit', path: at('/en/letters/', 'shared', '/edit'), body: () => ({ ...letterForm('Policy walk: stale'), version: '0' }), expect: s(404, 403, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/letters/:id/edit', path: at('/en/letters/', 'shared', '/edit'), body: async (c) => ({ ...letterForm(''), version: await version(c) }), expect: s(404, 403, 404, 422, 403, 422, 422), note: 'no subject' },
      { method: 'POST', route: '/{lang}/letters/:id/archive', path: at('/en/letters/', 'shared', '/archive'), body: async (c) => ({ confirm: 'yes', version: await version(c) }), expect: s(404, 403, 404, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/letters/:id/restore', path: at('/en/letters/', 'shared', '/restore'), body: async (c) => ({ version: await version(c) }), expect: s(404, 403, 404, 303, 403, 303, 303) },
      { method: 'GET', route: '/api/v1/letters', path: '/api/v1/letters?from=2018-01-01&to=2018-12-31', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/letters', path: '/api/v1/letters?from=someday', expect: all(422) },
      { method: 'GET', route: '/api/v1/letters/:id', path: at('/api/v1/letters/', 'shared'), expect: s(404, 200, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/letters/:id', path: at('/api/v1/letters/', 'committee'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/letters/:id', path: `/api/v1/letters/${uuid0}`, expect: all(404) },
      { method: 'GET', route: '/api/v1/states/:iso3/letters', path: '/api/v1/states/MLI/letters', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/states/:iso3/letters', path: '/api/v1/states/XXX/letters', expect: all(404) },
    ];
  })(),
];
