import assert from 'node:assert/strict';
import { all, committeeSide, type Ctx, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of the assistance clearinghouse (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // From gap to request: a draft for the Committee side and the State's own point of contact; anyone else 404
  { method: 'GET', route: '/api/v1/states/:iso3/assistance-draft', path: '/api/v1/states/MLI/assistance-draft?asOf=2018-12-31&lang=fr', expect: s(404, 200, 404, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/states/:iso3/assistance-draft', path: '/api/v1/states/NER/assistance-draft', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'another State' },
  { method: 'GET', route: '/api/v1/states/:iso3/assistance-draft', path: '/api/v1/states/MLI/assistance-draft?asOf=soon', expect: s(404, 422, 404, 422, 422, 422, 422) },
  { method: 'GET', route: '/api/v1/states/:iso3/assistance-draft', path: '/api/v1/states/XXX/assistance-draft', expect: all(404) },
  // The clearinghouse (assistance/api.ts): a request is the Committee side's and its State's, and a provider's once circulated to it (else 404, never 403); offers are public, a provider keeps its own; the experts and the secretariat take the steps and match
  ...((): Row[] => {
    const a: { request?: string; item?: string; version?: number; offer?: string; handOffer?: string; match?: string } = {};
    const req = (suffix = '') => () => `/api/v1/assistance/requests/${a.request ?? uuid0}${suffix}`;
    const off = (suffix = '') => () => `/api/v1/assistance/offers/${a.offer ?? uuid0}${suffix}`;
    const read = async (res: Response) => (await res.json()) as { id: string; rowVersion: number; items: { id: string }[]; contact: unknown; count: number; ranking: unknown[] };
    // The version as the expert reads it, for the changes of the next rows: their first success makes it stale for the roles after.
    const keepVersion = async (res: Response, w: Who) => {
      if (w === 'expert') a.version = (await read(res)).rowVersion;
    };
    const mali = () => ({ stateIso3: 'MLI', receivedOn: '2018-06-11', channel: 'note-verbale', contactEmail: 'walk@gouv.ml', consentSummary: true, summary: 'Policy walk', items: [{ description: 'Policy walk: training of customs officers', areas: ['border-control'], kinds: ['training'] }] });
    const step = (action: string, on: string, extra: Record<string, unknown> = {}) => () => ({ action, on, rowVersion: a.version, ...extra });
    const listed = async (res: Response, w: Who) => {
      const n = (await read(res)).count;
      assert.equal(n > 0, !['public', 'provider'].includes(w), `${w}: ${n} requests listed`);
    };
    const offer = (over: Record<string, unknown> = {}) => () => ({ provider: 'organization:IAEA', title: 'Policy walk offer', areas: ['border-control'], kinds: ['training'], ...over });
    const detail = { method: 'GET', route: '/api/v1/assistance/requests/:id', path: req(), check: keepVersion, expect: s(404, 200, 404, 200, 200, 200, 200) } as const;
    return [
      { method: 'POST', route: '/api/v1/assistance/requests', path: '/api/v1/assistance/requests', json: mali, check: async (res, w) => { if (w === 'poc') { const b = await read(res); Object.assign(a, { request: b.id, item: b.items[0]!.id }); } }, expect: s(403, 201, 403, 201, 403, 201, 201), note: 'MLI’s point of contact for its State, the experts and the secretariat' },
      { method: 'POST', route: '/api/v1/assistance/requests', path: '/api/v1/assistance/requests', json: () => ({ ...mali(), stateIso3: 'NER', items: [] }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'another State’s, without items' },
      { method: 'POST', route: '/api/v1/assistance/requests', path: '/api/v1/assistance/requests', json: () => ({ ...mali(), items: [{ description: 'x', areas: [] }] }), expect: s(403, 422, 403, 422, 403, 422, 422), note: 'an item without an area' },
      { method: 'GET', route: '/api/v1/assistance/requests', path: '/api/v1/assistance/requests?state=MLI&year=2018', check: listed, expect: all(200), note: 'the public and the provider see none: nothing was circulated' },
      { method: 'GET', route: '/api/v1/assistance/requests', path: '/api/v1/assistance/requests?year=soon', expect: all(422) },
      { ...detail, note: 'received: the Committee side and MLI’s point of contact' },
      { method: 'GET', route: '/api/v1/assistance/requests/:id', path: `/api/v1/assistance/requests/${uuid0}`, expect: all(404) },
      { method: 'PATCH', route: '/api/v1/assistance/requests/:id', path: req(), json: () => ({ rowVersion: a.version, summary: 'Policy walk, edited' }), expect: s(403, 200, 404, 409, 403, 409, 409), note: 'edited by its State while received; the others’ version is then stale' },
      { method: 'PATCH', route: '/api/v1/assistance/requests/:id', path: req(), json: () => ({ summary: 'No version' }), expect: s(403, 422, 422, 422, 422, 422, 422), note: 'no version' },
      { ...detail, note: 'edited' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/transitions', path: req('/transitions'), json: step('authenticate', '2018-06-12'), expect: s(403, 403, 404, 200, 403, 409, 409), note: 'authenticated by the expert; then a stale version' },
      { ...detail, note: 'authenticated' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/transitions', path: req('/transitions'), json: step('close', '2018-06-13'), expect: s(403, 403, 404, 422, 403, 422, 422), note: 'a step the procedure does not allow' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/transitions', path: req('/transitions'), json: step('acknowledge', '2018-06-14'), expect: s(403, 403, 404, 200, 403, 409, 409) },
      { ...detail, note: 'acknowledged' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/transitions', path: req('/transitions'), json: step('circulate', '2018-06-22', { providers: ['organization:IAEA'] }), expect: s(403, 403, 404, 200, 403, 409, 409), note: 'circulated to IAEA' },
      { method: 'GET', route: '/api/v1/assistance/requests/:id', path: req(), check: async (res, w) => assert.equal((await read(res)).contact === null, w === 'provider', `${w}: the contact`), expect: s(404, 200, 200, 200, 200, 200, 200), note: 'the provider it was circulated to sees it, without the contact' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/responses', path: req('/responses'), json: () => ({ provider: 'organization:IAEA', respondedOn: '2018-07-02', itemIds: [a.item] }), expect: s(403, 403, 201, 201, 403, 201, 201), note: 'IAEA’s own, or recorded for it' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/responses', path: req('/responses'), json: () => ({ provider: 'organization:IAEA', respondedOn: '2018-07-02', itemIds: [uuid0] }), expect: s(403, 403, 422, 422, 403, 422, 422), note: 'an item of no request of this' },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/responses', path: `/api/v1/assistance/requests/${uuid0}/responses`, json: () => ({ provider: 'organization:IAEA', respondedOn: '2018-07-02', itemIds: [uuid0] }), expect: s(403, 404, 404, 404, 404, 404, 404) },
      { method: 'POST', route: '/api/v1/assistance/offers', path: '/api/v1/assistance/offers', json: offer(), check: async (res, w) => { if (w === 'provider') a.offer = (await read(res)).id; }, expect: s(403, 403, 201, 201, 403, 201, 201), note: 'the provider its own; the experts and the secretariat any' },
      { method: 'POST', route: '/api/v1/assistance/offers', path: '/api/v1/assistance/offers', json: offer({ areas: [] }), expect: s(403, 403, 422, 422, 403, 422, 422), note: 'no area' },
      { method: 'POST', route: '/api/v1/assistance/offers', path: '/api/v1/assistance/offers', json: offer({ provider: 'organization:WCO', title: 'Policy walk: laboratories', areas: ['biosafety-biosecurity'], kinds: [] }), check: async (res, w) => { if (w === 'expert') a.handOffer = (await read(res)).id; }, expect: s(403, 403, 403, 201, 403, 201, 201), note: 'another provider’s' },
      { method: 'GET', route: '/api/v1/assistance/offers', path: '/api/v1/assistance/offers?provider=organization:IAEA&area=border-control', expect: all(200) },
      { method: 'GET', route: '/api/v1/assistance/offers', path: '/api/v1/assistance/offers?area=plumbing', expect: all(422) },
      { method: 'GET', route: '/api/v1/assistance/offers/:id', path: off(), expect: all(200) },
      { method: 'GET', route: '/api/v1/assistance/offers/:id', path: `/api/v1/assistance/offers/${uuid0}`, expect: all(404) },
      { method: 'PATCH', route: '/api/v1/assistance/offers/:id', path: off(), json: () => ({ rowVersion: 1, capacity: 'Two courses a year' }), expect: s(403, 403, 200, 409, 403, 409, 409), note: 'changed by its provider; then a stale version' },
      { method: 'POST', route: '/api/v1/assistance/offers/:id/archive', path: off('/archive'), json: () => ({ rowVersion: 2 }), expect: s(403, 403, 200, 409, 403, 409, 409) },
      { method: 'POST', route: '/api/v1/assistance/offers/:id/restore', path: off('/restore'), json: () => ({ rowVersion: 3 }), expect: s(403, 403, 200, 409, 403, 409, 409) },
      { method: 'GET', route: '/api/v1/assistance/offers/:id/matches', path: off('/matches?lang=es'), check: async (res, w) => assert.equal((await read(res)).ranking.length > 0, w !== 'public', `${w}: the items ranked`), expect: all(200), note: 'only over the requests each may see: the public none' },
      { method: 'GET', route: '/api/v1/assistance/offers/:id/matches', path: `/api/v1/assistance/offers/${uuid0}/matches`, expect: all(404) },
      { method: 'GET', route: '/api/v1/assistance/requests/:id/matches', path: req('/matches?suggest=engine&lang=zh'), expect: s(404, 200, 200, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/assistance/requests/:id/matches', path: req('/matches?suggest=magic'), expect: all(422) },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/matches/suggest', path: req('/matches/suggest'), expect: s(403, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/api/v1/assistance/requests/:id/matches/suggest', path: `/api/v1/assistance/requests/${uuid0}/matches/suggest`, expect: s(403, 404, 404, 404, 404, 404, 404) },
      { method: 'POST', route: '/api/v1/assistance/matches', path: '/api/v1/assistance/matches', json: () => ({ itemId: a.item, offerId: a.handOffer, note: 'Policy walk' }), check: async (res, w) => { if (w === 'expert') a.match = (await read(res)).id; }, expect: s(403, 403, 403, 201, 403, 422, 422), note: 'added by the expert; then a duplicate' },
      { method: 'PATCH', route: '/api/v1/assistance/matches/:id', path: () => `/api/v1/assistance/matches/${a.match ?? uuid0}`, json: () => ({ to: 'proposed', rowVersion: 1 }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'not circulated to WCO' },
      { method: 'PATCH', route: '/api/v1/assistance/matches/:id', path: () => `/api/v1/assistance/matches/${a.match ?? uuid0}`, json: () => ({ to: 'set-aside', rowVersion: 1 }), expect: s(403, 403, 403, 200, 403, 409, 409) },
      { method: 'PATCH', route: '/api/v1/assistance/matches/:id', path: `/api/v1/assistance/matches/${uuid0}`, json: () => ({ to: 'set-aside', rowVersion: 1 }), expect: s(403, 403, 403, 404, 403, 404, 404) },
      { method: 'GET', route: '/api/v1/assistance/requests/:id/matches', path: req('/matches'), expect: s(404, 200, 200, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/assistance/summaries', path: '/api/v1/assistance/summaries?year=2018&state=MLI', expect: all(200) },
      { method: 'GET', route: '/api/v1/assistance/summaries', path: '/api/v1/assistance/summaries?year=soon', expect: all(422) },
      { method: 'GET', route: '/api/v1/assistance/taxonomy', path: '/api/v1/assistance/taxonomy?lang=ar', expect: all(200) },
      { method: 'GET', route: '/api/v1/assistance/taxonomy', path: '/api/v1/assistance/taxonomy?lang=xx', expect: all(422) },
      { method: 'GET', route: '/api/v1/assistance/weights', path: '/api/v1/assistance/weights', expect: all(200) },
      { method: 'PUT', route: '/api/v1/assistance/weights', path: '/api/v1/assistance/weights', json: () => ({ area: 'x' }), expect: s(403, 403, 403, 422, 403, 403, 422), note: 'not a number' },
      { method: 'PUT', route: '/api/v1/assistance/weights', path: '/api/v1/assistance/weights', json: () => ({ area: 40 }), expect: s(403, 403, 403, 200, 403, 403, 200), note: 'the experts and administrators' },
    ];
  })(),
  // The clearinghouse's pages (assistance/routes.tsx, request-routes.tsx, offer-routes.tsx): a request is seen by the Committee side and the requesting State (MLI), by a provider once circulated to it (assistance-pages.test.ts); the State's point of contact submits it; experts, the secretariat and admins take its steps and match it; offers are public, kept by the keepers and by each provider for itself
  ...((): Row[] => {
    const ids: { request?: string; offer?: string } = {};
    const keep = (key: 'request' | 'offer', from: Who) => async (res: Response, w: Who) => {
      if (w === from) ids[key] = /\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1];
    };
    const req = (suffix = '') => () => `/en/assistance/requests/${ids.request ?? uuid0}${suffix}`;
    const offer = (suffix = '') => () => `/en/assistance/offers/${ids.offer ?? uuid0}${suffix}`;
    const requestVersion = async (c: Ctx) => String((await c.db.selectFrom('assistance_request').select('row_version').where('id', '=', ids.request ?? uuid0).executeTakeFirst())?.row_version ?? 0);
    const offerVersion = async (c: Ctx) => String((await c.db.selectFrom('assistance_offer').select('row_version').where('id', '=', ids.offer ?? uuid0).executeTakeFirst())?.row_version ?? 0);
    const receivedOn = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const requestForm = (description: string) => ({ stateIso3: 'MLI', receivedOn, channel: 'note-verbale', 'items[0].description': description, 'items[0].areas': 'border-control' });
    const offerForm = (title: string) => ({ provider: 'organization:IAEA', title, areas: 'border-control' });
    const lists = async (res: Response, w: Who) => {
      const text = await res.text();
      assert.equal(text.includes(`/assistance/requests/${ids.request}"`), ['poc', ...committeeSide].includes(w), `${w}: Mali's request listed`);
    };
    const listsOffer = async (res: Response, w: Who) => assert.ok((await res.text()).includes('Policy walk: an offer'), `${w}: the offer listed`);
    return [
      { method: 'POST', route: '/{lang}/assistance/requests/new', path: '/en/assistance/requests/new', body: () => requestForm('Policy walk: a request'), check: keep('request', 'poc'), expect: s(401, 303, 403, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/assistance/requests/new', path: '/en/assistance/requests/new', body: () => requestForm(''), expect: s(401, 422, 403, 422, 403, 422, 422), note: 'an item without its description' },
      { method: 'GET', route: '/{lang}/assistance', path: '/en/assistance', check: lists, expect: all(200) },
      { method: 'GET', route: '/{lang}/assistance', path: '/fr/assistance?year=12', expect: all(422), note: 'not a year' },
      { method: 'GET', route: '/{lang}/assistance/summaries', path: '/ar/assistance/summaries', expect: all(200) },
      { method: 'GET', route: '/{lang}/assistance/requests/new', path: '/fr/assistance/requests/new', expect: s(401, 200, 403, 200, 403, 200, 200) },
      { method: 'GET', route: '/{lang}/assistance/requests/:id', path: req(), expect: s(404, 200, 404, 200, 200, 200, 200), note: 'Mali’s, not circulated' },
      { method: 'GET', route: '/{lang}/assistance/requests/:id', path: `/en/assistance/requests/${uuid0}`, expect: all(404) },
      { method: 'GET', route: '/{lang}/assistance/requests/:id', path: '/en/assistance/requests/not-an-id', expect: all(404) },
      { method: 'GET', route: '/{lang}/assistance/requests/:id/history', path: req('/history'), expect: s(404, 200, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/assistance/requests/:id/edit', path: req('/edit'), expect: s(404, 200, 404, 200, 403, 200, 200), note: 'the State edits while received' },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/edit', path: req('/edit'), body: () => ({ ...requestForm('Policy walk: stale'), version: '0' }), expect: s(404, 409, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/steps', path: req('/steps'), body: () => ({ action: 'authenticate', on: receivedOn, version: '0' }), expect: s(404, 403, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/steps', path: req('/steps'), body: async (c) => ({ action: 'authenticate', on: receivedOn, version: await requestVersion(c) }), expect: s(404, 403, 404, 303, 403, 422, 422), note: 'authenticated by the expert, then no longer allowed' },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/suggest', path: req('/suggest'), expect: s(404, 403, 404, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/matches', path: req('/matches'), body: () => ({ itemId: uuid0, offerId: uuid0 }), expect: s(404, 403, 404, 422, 403, 422, 422), note: 'not an item of the request' },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/matches/:matchId', path: req(`/matches/${uuid0}`), body: () => ({ to: 'proposed', version: '1' }), expect: s(404, 403, 404, 404, 403, 404, 404), note: 'no such match' },
      { method: 'POST', route: '/{lang}/assistance/requests/:id/responses', path: req('/responses'), body: () => ({ respondedOn: receivedOn }), expect: s(404, 403, 404, 422, 403, 422, 422), note: 'no provider, no item' },
      { method: 'POST', route: '/{lang}/assistance/offers/new', path: '/en/assistance/offers/new', body: () => offerForm('Policy walk: an offer'), check: keep('offer', 'provider'), expect: s(401, 403, 303, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/assistance/offers/new', path: '/en/assistance/offers/new', body: () => ({ title: 'No area' }), expect: s(401, 403, 422, 422, 403, 422, 422) },
      { method: 'GET', route: '/{lang}/assistance/offers', path: '/es/assistance/offers?area=border-control&provider=organization%3AIAEA', check: listsOffer, expect: all(200) },
      { method: 'GET', route: '/{lang}/assistance/offers', path: '/en/assistance/offers?area=plumbing', expect: all(422) },
      { method: 'GET', route: '/{lang}/assistance/offers/new', path: '/zh/assistance/offers/new', expect: s(401, 403, 200, 200, 403, 200, 200) },
      { method: 'GET', route: '/{lang}/assistance/offers/:id', path: offer(), expect: all(200), note: 'IAEA’s, public' },
      { method: 'GET', route: '/{lang}/assistance/offers/:id', path: `/en/assistance/offers/${uuid0}`, expect: all(404) },
      { method: 'GET', route: '/{lang}/assistance/offers/:id/history', path: offer('/history'), expect: s(401, 403, 403, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/assistance/offers/:id/edit', path: offer('/edit'), expect: s(401, 403, 200, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/assistance/offers/:id/edit', path: offer('/edit'), body: () => ({ ...offerForm('Policy walk: stale'), version: '0' }), expect: s(401, 403, 409, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/assistance/offers/:id/archive', path: offer('/archive'), body: async (c) => ({ confirm: 'yes', version: await offerVersion(c) }), expect: s(401, 403, 303, 422, 403, 422, 422), note: 'archived by its provider, then already archived' },
      { method: 'POST', route: '/{lang}/assistance/offers/:id/restore', path: offer('/restore'), body: async (c) => ({ version: await offerVersion(c) }), expect: s(401, 403, 303, 422, 403, 422, 422), note: 'restored by its provider' },
    ];
  })(),

  // The clearinghouse's outputs (assistance/output-routes.tsx): the consolidated list and the quarterly update are the Committee side's (isCommitteeSide); the figures everyone's, counted over what each may see (test/integration/assistance-outputs.test.ts)
  ...((): Row[] => {
    const type = (re: RegExp) => async (res: Response) => {
      if (res.status === 200) assert.match(res.headers.get('content-type') ?? '', re);
      await res.body?.cancel();
    };
    const xlsx = type(/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/);
    const docx = type(/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/);
    const committeeOnly = s(401, 403, 403, 200, 200, 200, 200);
    return [
      { method: 'GET', route: '/{lang}/assistance/list', path: '/en/assistance/list?year=2018', expect: committeeOnly },
      { method: 'GET', route: '/{lang}/assistance/list', path: '/ar/assistance/list?format=xlsx', check: xlsx, expect: committeeOnly },
      { method: 'GET', route: '/{lang}/assistance/list', path: '/en/assistance/list?year=12', expect: s(401, 403, 403, 422, 422, 422, 422), note: 'not a year' },
      { method: 'GET', route: '/{lang}/assistance/list', path: '/en/assistance/list?format=pdf', expect: s(401, 403, 403, 422, 422, 422, 422), note: 'not a format' },
      { method: 'GET', route: '/{lang}/assistance/list.xlsx', path: '/fr/assistance/list.xlsx?state=MLI', check: xlsx, expect: committeeOnly },
      { method: 'GET', route: '/{lang}/assistance/list.docx', path: '/zh/assistance/list.docx', check: docx, expect: committeeOnly },
      { method: 'GET', route: '/{lang}/assistance/quarterly', path: '/en/assistance/quarterly?year=2018&quarter=4', expect: committeeOnly },
      { method: 'GET', route: '/{lang}/assistance/quarterly', path: '/en/assistance/quarterly?year=2018&quarter=5', expect: s(401, 403, 403, 422, 422, 422, 422), note: 'not a quarter' },
      { method: 'GET', route: '/{lang}/assistance/quarterly.docx', path: '/ar/assistance/quarterly.docx?year=2018&quarter=1', check: docx, expect: committeeOnly },
      { method: 'GET', route: '/{lang}/assistance/figures', path: '/en/assistance/figures?year=2018', expect: all(200) },
      { method: 'GET', route: '/{lang}/assistance/figures', path: '/en/assistance/figures?year=soon', expect: all(422) },
      { method: 'GET', route: '/{lang}/assistance/figures.csv', path: '/ru/assistance/figures.csv?year=2018', check: type(/^text\/csv/), expect: all(200) },
      { method: 'GET', route: '/api/v1/assistance/figures', path: '/api/v1/assistance/figures?year=2018', expect: all(200) },
      { method: 'GET', route: '/api/v1/assistance/figures', path: '/api/v1/assistance/figures?year=1999', expect: all(422) },
    ];
  })(),
];
