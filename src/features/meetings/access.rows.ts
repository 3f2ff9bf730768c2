import assert from 'node:assert/strict';
import { all, committeeSide, type Ctx, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/*
 * The access-policy rows of the Committee's meetings, working groups and programmes
 * (test/support/access-policy.ts walks them, in order, each role in turn). Experts, the
 * secretariat and admins keep the records; Committee members read them all; a formal meeting's
 * fact (date, kind, body) is public, its record Committee-only.
 */

const keepers = s(403, 403, 403, 201, 403, 201, 201);
const pageRead = s(401, 403, 403, 200, 403, 200, 200);
const pageWrite = s(401, 403, 403, 303, 403, 303, 303);
const pageBad = s(401, 403, 403, 422, 403, 422, 422);
const hidden = s(404, 404, 404, 200, 200, 200, 200);
const history = s(401, 403, 403, 200, 200, 200, 200);
const keeperIndex: Partial<Record<Who, number>> = { expert: 0, secretariat: 1, admin: 2 };

// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = ((): Row[] => {
  const at = { formal: uuid0, informal: uuid0, informalVersion: 1, group: 'walk-admin', coordinator: uuid0, programme: 93, item: uuid0 };
  const keepId = (key: 'formal' | 'informal') => async (res: Response) => {
    if (!res.ok) return;
    const body = (await res.json()) as { id: string; rowVersion: number };
    at[key] = body.id;
    if (key === 'informal') at.informalVersion = body.rowVersion;
  };
  const version = (table: 'meeting' | 'working_group_coordinator' | 'programme_of_work' | 'programme_item', id: () => string | number) => async (c: Ctx) => {
    const q = c.db.selectFrom(table).select('row_version');
    const row = await (table === 'programme_of_work' ? q.where('number' as never, '=', id() as never) : q.where('id', '=', String(id()))).executeTakeFirst();
    return String(row?.row_version ?? 0);
  };
  const meetingJson = (over: Record<string, unknown>) => () => ({ heldOn: '2018-11-27', kind: 'formal', title: 'Policy walk: formal meeting', confidentiality: 'committee', ...over });
  const meetingForm = (title: string) => ({ heldOn: '2018-06-07', kind: 'informal', title, participantStates: 'MLI', participantOrganizations: 'IAEA', confidentiality: 'committee', agenda: 'An item of the walk' });
  const lists = async (res: Response, w: Who) => {
    const text = await res.text();
    assert.equal(text.includes('Policy walk: informal meeting'), committeeSide.includes(w), `${w}: the informal meeting's record`);
    assert.equal(text.includes('Policy walk: formal meeting'), committeeSide.includes(w), `${w}: the formal meeting's title`);
  };
  const apiLists = async (res: Response, w: Who) => {
    const body = (await res.json()) as { data: { id: string; restricted: boolean; title?: string }[] };
    const formal = body.data.find((m) => m.id === at.formal);
    assert.ok(formal, `${w}: the fact of the formal meeting is listed`);
    assert.equal(formal.restricted, !committeeSide.includes(w), `${w}: the formal meeting is restricted`);
    assert.equal(formal.title === undefined, !committeeSide.includes(w), `${w}: the formal meeting's title`);
    assert.equal(body.data.some((m) => m.id === at.informal), committeeSide.includes(w), `${w}: the informal meeting`);
  };
  const latestCoordinator = async (res: Response, _w: Who, c: Ctx) => {
    if (res.status !== 303) return;
    const row = await c.db.selectFrom('working_group_coordinator').select('id').orderBy('created_at', 'desc').orderBy('started_on', 'desc').executeTakeFirstOrThrow();
    at.coordinator = row.id;
  };
  const itemFrom = async (res: Response) => {
    if (res.status !== 303) return;
    at.item = (res.headers.get('location') ?? '').split('/').at(-1) ?? uuid0;
  };
  const groupVersion = async (c: Ctx) => String((await c.db.selectFrom('working_group').select('row_version').where('code', '=', at.group).executeTakeFirst())?.row_version ?? 0);
  const period = (w: Who, base: number) => ({ startedOn: `${base + (keeperIndex[w] ?? 0)}-01-01`, endedOn: `${base + (keeperIndex[w] ?? 0)}-12-31` });
  return [
    // The API: meetings (a formal and an informal one, both Committee-only), figures, working groups, programmes.
    { method: 'POST', route: '/api/v1/meetings', path: '/api/v1/meetings', json: meetingJson({}), check: keepId('formal'), expect: keepers },
    { method: 'POST', route: '/api/v1/meetings', path: '/api/v1/meetings', json: meetingJson({ kind: 'informal', title: 'Policy walk: informal meeting', participantStates: ['MLI'], participantOrganizations: ['IAEA'] }), check: keepId('informal'), expect: keepers },
    { method: 'POST', route: '/api/v1/meetings', path: '/api/v1/meetings', json: meetingJson({ participantStates: ['XXX'] }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'an unknown State' },
    { method: 'POST', route: '/api/v1/meetings', path: '/api/v1/meetings', json: meetingJson({ kind: 'working-group' }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'a working group’s meeting without its group' },
    { method: 'GET', route: '/api/v1/meetings', path: '/api/v1/meetings?year=2018', check: apiLists, expect: all(200) },
    { method: 'GET', route: '/api/v1/meetings', path: '/api/v1/meetings?kind=plenary', expect: all(422), note: 'not a kind' },
    { method: 'GET', route: '/api/v1/meetings/figures', path: '/api/v1/meetings/figures?year=2018', check: async (res) => { const b = (await res.json()) as { formal: number; definitions: Record<string, string> }; assert.ok(b.formal >= 1); assert.ok(b.definitions.formal); }, expect: all(200) },
    { method: 'GET', route: '/api/v1/meetings/figures', path: '/api/v1/meetings/figures?year=2018&asAt=tomorrow', expect: all(422) },
    { method: 'GET', route: '/api/v1/meetings/:id', path: () => `/api/v1/meetings/${at.formal}`, check: async (res, w) => { const b = (await res.json()) as { restricted: boolean; chair?: string }; assert.equal(b.restricted, !committeeSide.includes(w)); assert.equal(b.chair === undefined, !committeeSide.includes(w)); }, expect: all(200), note: 'a formal meeting: its fact is public' },
    { method: 'GET', route: '/api/v1/meetings/:id', path: () => `/api/v1/meetings/${at.informal}`, expect: hidden, note: 'Committee-only' },
    { method: 'PUT', route: '/api/v1/meetings/:id', path: () => `/api/v1/meetings/${at.informal}`, json: (_c, w) => ({ heldOn: '2018-06-07', kind: 'informal', title: 'Policy walk: informal meeting', chair: `changed by ${w}`, participantStates: ['MLI'], confidentiality: 'committee', rowVersion: at.informalVersion }), check: async (res) => { if (res.ok) at.informalVersion = ((await res.json()) as { rowVersion: number }).rowVersion; }, expect: s(403, 404, 404, 200, 403, 200, 200), note: 'the public: no token, so the CSRF guard answers' },
    // The pages of meetings.
    { method: 'GET', route: '/{lang}/committee', path: '/en/committee', check: async (res, w) => assert.equal((await res.text()).includes('/committee/trust-fund'), committeeSide.includes(w)), expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/meetings', path: '/en/committee/meetings?year=2018', check: lists, expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/meetings', path: '/en/committee/meetings?year=12', expect: all(422), note: 'not a year' },
    { method: 'GET', route: '/{lang}/committee/meetings/new', path: '/ar/committee/meetings/new', expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/meetings/new', path: '/en/committee/meetings/new', body: () => ({ title: '' }), expect: pageBad, note: 'empty' },
    { method: 'POST', route: '/{lang}/committee/meetings/new', path: '/en/committee/meetings/new', body: () => meetingForm('Policy walk: from the form'), expect: pageWrite },
    { method: 'GET', route: '/{lang}/committee/meetings/:id', path: () => `/en/committee/meetings/${at.formal}`, check: async (res, w) => assert.equal((await res.text()).includes('Policy walk: formal meeting'), committeeSide.includes(w)), expect: all(200), note: 'the fact of a formal meeting' },
    { method: 'GET', route: '/{lang}/committee/meetings/:id', path: () => `/zh/committee/meetings/${at.informal}`, expect: hidden, note: 'Committee-only' },
    { method: 'GET', route: '/{lang}/committee/meetings/:id', path: `/en/committee/meetings/${uuid0}`, expect: all(404) },
    { method: 'GET', route: '/{lang}/committee/meetings/:id/history', path: () => `/en/committee/meetings/${at.informal}/history`, expect: hidden },
    { method: 'GET', route: '/{lang}/committee/meetings/:id/edit', path: () => `/en/committee/meetings/${at.informal}/edit`, expect: s(404, 404, 404, 200, 403, 200, 200) },
    { method: 'POST', route: '/{lang}/committee/meetings/:id/edit', path: () => `/en/committee/meetings/${at.informal}/edit`, body: async (c, w) => ({ ...meetingForm('Policy walk: informal meeting'), chair: `form of ${w}`, version: await version('meeting', () => at.informal)(c) }), expect: s(404, 404, 404, 303, 403, 303, 303) },
    { method: 'POST', route: '/{lang}/committee/meetings/:id/archive', path: () => `/en/committee/meetings/${at.informal}/archive`, body: async (c) => ({ confirm: 'yes', version: await version('meeting', () => at.informal)(c) }), expect: s(404, 404, 404, 303, 403, 303, 303) },
    { method: 'POST', route: '/{lang}/committee/meetings/:id/restore', path: () => `/en/committee/meetings/${at.informal}/restore`, body: async (c) => ({ version: await version('meeting', () => at.informal)(c) }), expect: s(404, 404, 404, 303, 403, 303, 303) },
    // Working groups and coordinators (each keeper records a group of its own; the admin's is used after).
    { method: 'GET', route: '/{lang}/committee/working-groups', path: '/en/committee/working-groups?year=2018', expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/working-groups/new', path: '/fr/committee/working-groups/new', expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/working-groups/new', path: '/en/committee/working-groups/new', body: (_c, w) => ({ code: `walk-${w}`, 'names.en': `Walk group of ${w}` }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/working-groups/new', path: '/en/committee/working-groups/new', body: () => ({ code: 'Not a code!', 'names.en': '' }), expect: pageBad, note: 'a bad code, no English name' },
    { method: 'GET', route: '/{lang}/committee/working-groups/:code', path: () => `/en/committee/working-groups/${at.group}`, expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/working-groups/:code', path: '/en/committee/working-groups/no-such-group', expect: all(404) },
    { method: 'GET', route: '/{lang}/committee/working-groups/:code/edit', path: () => `/en/committee/working-groups/${at.group}/edit`, expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/working-groups/:code/edit', path: () => `/en/committee/working-groups/${at.group}/edit`, body: async (c, w) => ({ code: at.group, 'names.en': `Walk group, edited by ${w}`, version: await groupVersion(c) }), expect: pageWrite },
    { method: 'GET', route: '/{lang}/committee/working-groups/:code/history', path: () => `/en/committee/working-groups/${at.group}/history`, expect: history },
    { method: 'GET', route: '/{lang}/committee/working-groups/:code/coordinators/new', path: () => `/en/committee/working-groups/${at.group}/coordinators/new`, expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/working-groups/:code/coordinators/new', path: () => `/en/committee/working-groups/${at.group}/coordinators/new`, body: (_c, w) => ({ state: 'PER', person: `Coordinator of ${w}`, ...period(w, 2010) }), check: latestCoordinator, expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/working-groups/:code/coordinators/new', path: () => `/en/committee/working-groups/${at.group}/coordinators/new`, body: () => ({ state: 'FRA', person: 'Overlapping', startedOn: '2012-06-01', endedOn: '' }), expect: pageBad, note: 'overlaps the admin’s period' },
    { method: 'GET', route: '/{lang}/committee/coordinators/:id', path: () => `/en/committee/coordinators/${at.coordinator}`, expect: history },
    { method: 'GET', route: '/{lang}/committee/coordinators/:id/history', path: () => `/en/committee/coordinators/${at.coordinator}/history`, expect: history },
    { method: 'GET', route: '/{lang}/committee/coordinators/:id/edit', path: () => `/en/committee/coordinators/${at.coordinator}/edit`, expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/coordinators/:id/edit', path: () => `/en/committee/coordinators/${at.coordinator}/edit`, body: async (c, w) => ({ state: 'PER', person: `Edited by ${w}`, startedOn: '2012-01-01', endedOn: '2012-12-31', version: await version('working_group_coordinator', () => at.coordinator)(c) }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/coordinators/:id/archive', path: () => `/en/committee/coordinators/${at.coordinator}/archive`, body: async (c) => ({ confirm: 'yes', version: await version('working_group_coordinator', () => at.coordinator)(c) }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/coordinators/:id/restore', path: () => `/en/committee/coordinators/${at.coordinator}/restore`, body: async (c) => ({ version: await version('working_group_coordinator', () => at.coordinator)(c) }), expect: pageWrite },
    { method: 'GET', route: '/api/v1/working-groups', path: '/api/v1/working-groups', expect: all(200) },
    { method: 'GET', route: '/api/v1/working-groups/:code', path: () => `/api/v1/working-groups/${at.group}`, expect: all(200) },
    { method: 'POST', route: '/api/v1/working-groups/:code/coordinators', path: () => `/api/v1/working-groups/${at.group}/coordinators`, json: (_c, w) => ({ state: 'FRA', person: `API coordinator of ${w}`, ...period(w, 2014) }), expect: keepers },
    { method: 'POST', route: '/api/v1/working-groups/:code/coordinators', path: () => `/api/v1/working-groups/${at.group}/coordinators`, json: () => ({ state: 'FRA', person: 'Ends before it starts', startedOn: '2030-01-01', endedOn: '2029-12-31' }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'an end before the start' },
    { method: 'POST', route: '/{lang}/committee/working-groups/:code/archive', path: () => `/en/committee/working-groups/${at.group}/archive`, body: async (c) => ({ confirm: 'yes', version: await groupVersion(c) }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/working-groups/:code/restore', path: () => `/en/committee/working-groups/${at.group}/restore`, body: async (c) => ({ version: await groupVersion(c) }), expect: pageWrite },
    // Programmes of work and their items (each keeper records a programme: 91, 92, 93; the admin's is used after).
    { method: 'GET', route: '/{lang}/committee/programme', path: '/es/committee/programme', expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/programme/new', path: '/en/committee/programme/new', expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/programme/new', path: '/en/committee/programme/new', body: (_c, w) => ({ number: String(91 + (keeperIndex[w] ?? 0)), symbol: 'S/2099/1', startedOn: '2018-02-01', endedOn: '2019-01-31', reviewCutoffOn: '2018-12-22' }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/programme/new', path: '/en/committee/programme/new', body: () => ({ number: '99', startedOn: '2019-02-01', endedOn: '2019-01-31' }), expect: pageBad, note: 'ends before it starts' },
    { method: 'GET', route: '/{lang}/committee/programme/:number', path: () => `/en/committee/programme/${at.programme}`, expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/programme/:number/edit', path: () => `/en/committee/programme/${at.programme}/edit`, expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/programme/:number/edit', path: () => `/en/committee/programme/${at.programme}/edit`, body: async (c, w) => ({ number: String(at.programme), symbol: `S/2099/${w.length}`, startedOn: '2018-02-01', endedOn: '2019-01-31', version: await version('programme_of_work', () => at.programme)(c) }), expect: pageWrite },
    { method: 'GET', route: '/{lang}/committee/programme/:number/history', path: () => `/en/committee/programme/${at.programme}/history`, expect: history },
    { method: 'GET', route: '/{lang}/committee/programme/:number/items/new', path: () => `/en/committee/programme/${at.programme}/items/new`, expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/programme/:number/items/new', path: () => `/en/committee/programme/${at.programme}/items/new`, body: (_c, w) => ({ reference: `W${keeperIndex[w] ?? 9}`, title: 'Policy walk item', area: 'monitoring', status: 'in-progress', links: `meeting:${at.informal}\nmeeting:${at.formal}` }), check: itemFrom, expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/programme/:number/items/new', path: () => `/en/committee/programme/${at.programme}/items/new`, body: () => ({ reference: 'W8', title: 'Links nothing', area: 'monitoring', links: `visit:${uuid0}` }), expect: pageBad, note: 'a link to no visit' },
    { method: 'GET', route: '/{lang}/committee/programme/items/:id', path: () => `/en/committee/programme/items/${at.item}`, check: async (res, w) => { const text = await res.text(); assert.equal(text.includes('Policy walk: informal meeting'), committeeSide.includes(w), `${w}: the informal meeting linked`); }, expect: all(200) },
    { method: 'GET', route: '/{lang}/committee/programme/items/:id/history', path: () => `/en/committee/programme/items/${at.item}/history`, expect: history },
    { method: 'GET', route: '/{lang}/committee/programme/items/:id/edit', path: () => `/en/committee/programme/items/${at.item}/edit`, expect: pageRead },
    { method: 'POST', route: '/{lang}/committee/programme/items/:id/edit', path: () => `/en/committee/programme/items/${at.item}/edit`, body: async (c, w) => ({ reference: 'W2', title: `Policy walk item, edited by ${w}`, area: 'assistance', status: 'done', links: '', version: await version('programme_item', () => at.item)(c) }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/programme/items/:id/archive', path: () => `/en/committee/programme/items/${at.item}/archive`, body: async (c) => ({ confirm: 'yes', version: await version('programme_item', () => at.item)(c) }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/programme/items/:id/restore', path: () => `/en/committee/programme/items/${at.item}/restore`, body: async (c) => ({ version: await version('programme_item', () => at.item)(c) }), expect: pageWrite },
    { method: 'GET', route: '/api/v1/programmes', path: '/api/v1/programmes', expect: all(200) },
    { method: 'GET', route: '/api/v1/programmes/:number', path: () => `/api/v1/programmes/${at.programme}`, expect: all(200) },
    { method: 'POST', route: '/{lang}/committee/programme/:number/archive', path: () => `/en/committee/programme/${at.programme}/archive`, body: async (c) => ({ confirm: 'yes', version: await version('programme_of_work', () => at.programme)(c) }), expect: pageWrite },
    { method: 'POST', route: '/{lang}/committee/programme/:number/restore', path: () => `/en/committee/programme/${at.programme}/restore`, body: async (c) => ({ version: await version('programme_of_work', () => at.programme)(c) }), expect: pageWrite },
  ];
})();
