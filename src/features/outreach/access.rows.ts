import assert from 'node:assert/strict';
import { all, committeeSide, type Ctx, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of outreach (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Outreach (outreach/routes.tsx, cooperation-routes.tsx, api.ts): events seen by everyone once held or confirmed, the Committee side's until then; experts, the secretariat and admins record them
  ...((): Row[] => {
    const ids: { held?: string; planned?: string; cooperation?: string } = {};
    let seen = 0; // the cooperation record's version, as its reader last saw it
    const keepVersion = async (res: Response) => {
      if (res.ok) seen = ((await res.json()) as { rowVersion: number }).rowVersion;
    };
    const keep = (key: keyof typeof ids) => async (res: Response) => {
      ids[key] = ((await res.json()) as { id: string }).id;
    };
    const at = (prefix: string, key: keyof typeof ids, suffix = '') => () => `${prefix}${ids[key] ?? uuid0}${suffix}`;
    const version = (table: 'outreach_event' | 'organization_cooperation', key: keyof typeof ids) => async (c: Ctx) =>
      String((await c.db.selectFrom(table).select('row_version').where('id', '=', ids[key] ?? uuid0).executeTakeFirst())?.row_version ?? 0);
    const event = (title: string, extra: object = {}) => () => ({ title, group: 'other', startsOn: '2018-05-02', city: 'Geneva', stateIso3: 'CHE', ...extra });
    const lists = async (res: Response, w: Who) => {
      const text = await res.text();
      assert.equal(text.includes('Policy walk: held event'), true, `${w}: the held event`);
      assert.equal(text.includes('Policy walk: planned event'), committeeSide.includes(w), `${w}: the planned event not confirmed`);
    };
    const form = (title: string) => ({ title, group: 'regional', status: 'held', startsOn: '2018-06-01', confidentiality: 'public', audiences: 'officials' });
    const coop = () => ({ organizationCode: 'OSCE', activity: 'training', startsOn: '2018-09-04', description: 'Policy walk: cooperation', confidentiality: 'committee' });
    return [
      { method: 'POST', route: '/api/v1/events', path: '/api/v1/events', json: event('Policy walk: held event'), check: keep('held'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/events', path: '/api/v1/events', json: event('Policy walk: planned event', { status: 'planned', startsOn: '2099-02-01' }), check: keep('planned'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/events', path: '/api/v1/events', json: event('Policy walk: ends before it starts', { endsOn: '2018-05-01' }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'an end before the start' },
      { method: 'PUT', route: '/api/v1/events/:id', path: at('/api/v1/events/', 'planned'), json: () => ({ rowVersion: 0, title: 'Policy walk: planned event' }), expect: s(403, 404, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'GET', route: '/api/v1/events', path: '/api/v1/events?from=2018-01-01', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/events', path: '/api/v1/events?group=nothing', expect: all(422) },
      { method: 'GET', route: '/api/v1/events/figures', path: '/api/v1/events/figures?year=2018', expect: all(200) },
      { method: 'GET', route: '/api/v1/events/figures', path: '/api/v1/events/figures?asAt=someday', expect: all(422) },
      { method: 'GET', route: '/api/v1/events/:id', path: at('/api/v1/events/', 'held'), expect: all(200) },
      { method: 'GET', route: '/api/v1/events/:id', path: at('/api/v1/events/', 'planned'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/events.ics', path: '/api/v1/events.ics?from=2018-01-01&lang=fr', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/events.ics', path: '/api/v1/events.ics?organization=NOSUCHBODY', check: async (res) => assert.doesNotMatch(await res.text(), /BEGIN:VEVENT/), expect: all(200), note: 'nothing matches: an empty calendar' },
      { method: 'GET', route: '/api/v1/events.ics', path: '/api/v1/events.ics?to=someday', expect: all(422) },
      { method: 'GET', route: '/api/v1/events/:id.ics', path: at('/api/v1/events/', 'planned', '.ics'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/events/:id.ics', path: at('/api/v1/events/', 'held', '.ics?lang=xx'), expect: all(422) },
      { method: 'GET', route: '/{lang}/events', path: '/en/events?view=list', check: lists, expect: all(200) },
      { method: 'GET', route: '/{lang}/events', path: '/ar/events?view=month&month=2099-02', expect: all(200) },
      { method: 'GET', route: '/{lang}/events', path: '/en/events?audience=everyone', expect: all(422) },
      { method: 'GET', route: '/{lang}/events.ics', path: '/en/events.ics', check: lists, expect: all(200) },
      { method: 'GET', route: '/{lang}/events.atom', path: '/en/events.atom', check: lists, expect: all(200) },
      { method: 'GET', route: '/{lang}/events/:id', path: at('/zh/events/', 'held'), expect: all(200) },
      { method: 'GET', route: '/{lang}/events/:id', path: at('/en/events/', 'planned'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/events/:id/event.ics', path: at('/en/events/', 'planned', '/event.ics'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/events/:id/history', path: at('/en/events/', 'held', '/history'), expect: s(401, 403, 403, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/events/new', path: '/en/events/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/events/new', path: '/en/events/new', body: () => ({ title: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'empty' },
      { method: 'POST', route: '/{lang}/events/new', path: '/en/events/new', body: () => form('Policy walk: from the form'), expect: s(401, 403, 403, 303, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/events/:id/edit', path: at('/en/events/', 'held', '/edit'), expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/events/:id/edit', path: at('/en/events/', 'held', '/edit'), body: async (c) => ({ ...form('Policy walk: held event'), startsOn: '2099-01-01', version: await version('outreach_event', 'held')(c) }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'held in the future' },
      { method: 'POST', route: '/{lang}/events/:id/archive', path: at('/en/events/', 'held', '/archive'), body: async (c) => ({ version: await version('outreach_event', 'held')(c), confirm: 'yes' }), expect: s(401, 403, 403, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/events/:id/restore', path: at('/en/events/', 'held', '/restore'), body: async (c) => ({ version: await version('outreach_event', 'held')(c) }), expect: s(401, 403, 403, 303, 403, 303, 303) },
      { method: 'POST', route: '/api/v1/cooperation', path: '/api/v1/cooperation', json: coop, check: keep('cooperation'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'GET', route: '/api/v1/cooperation', path: '/api/v1/cooperation?organization=OSCE', check: async (res, w) => assert.equal((await res.text()).includes('Policy walk: cooperation'), committeeSide.includes(w)), expect: all(200) },
      { method: 'GET', route: '/api/v1/cooperation/:id', path: at('/api/v1/cooperation/', 'cooperation'), check: keepVersion, expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'PUT', route: '/api/v1/cooperation/:id', path: at('/api/v1/cooperation/', 'cooperation'), json: () => ({ rowVersion: 0, description: 'Policy walk: stale' }), expect: s(403, 404, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'PUT', route: '/api/v1/cooperation/:id', path: at('/api/v1/cooperation/', 'cooperation'), json: () => ({ rowVersion: seen, activity: 'picnic' }), expect: s(403, 404, 404, 422, 403, 422, 422), note: 'an activity that is none' },
      { method: 'PUT', route: '/api/v1/cooperation/:id', path: at('/api/v1/cooperation/', 'cooperation'), json: () => ({ rowVersion: seen, description: 'Policy walk: cooperation, changed' }), check: keepVersion, expect: s(403, 404, 404, 200, 403, 200, 200) },
      { method: 'GET', route: '/{lang}/cooperation', path: '/fr/cooperation', expect: all(200) },
      { method: 'GET', route: '/{lang}/cooperation/:id', path: at('/en/cooperation/', 'cooperation'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/cooperation/:id/history', path: at('/en/cooperation/', 'cooperation', '/history'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/cooperation/new', path: '/en/cooperation/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/cooperation/new', path: '/en/cooperation/new', body: () => ({ ...coop(), organizationCode: 'NOPE' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'an unknown organization' },
      { method: 'GET', route: '/{lang}/cooperation/:id/edit', path: at('/en/cooperation/', 'cooperation', '/edit'), expect: s(404, 404, 404, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/cooperation/:id/edit', path: at('/en/cooperation/', 'cooperation', '/edit'), body: async (c) => ({ ...coop(), version: await version('organization_cooperation', 'cooperation')(c) }), expect: s(404, 404, 404, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/cooperation/:id/archive', path: at('/en/cooperation/', 'cooperation', '/archive'), body: async (c) => ({ version: await version('organization_cooperation', 'cooperation')(c), confirm: 'yes' }), expect: s(404, 404, 404, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/cooperation/:id/restore', path: at('/en/cooperation/', 'cooperation', '/restore'), body: async (c) => ({ version: await version('organization_cooperation', 'cooperation')(c) }), expect: s(404, 404, 404, 303, 403, 303, 303) },
    ];
  })(),
];
