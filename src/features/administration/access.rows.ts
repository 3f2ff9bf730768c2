import { all, type Ctx, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/**
 * The access-policy rows of administration (test/support/access-policy.ts walks them):
 * appointments are public unless kept for the Committee, and kept by the secretariat and
 * administrators; the trust fund is the Committee side's only (its records are not even said to exist to others).
 */
const ids = { appointment: '', hidden: '', donor: '', contribution: '', grant: '' };
type Kept = keyof typeof ids;
const keep = (key: Kept) => async (res: Response, w: Who) => {
  const id = ((await res.json()) as { id: string }).id;
  if (w === 'secretariat') ids[key] = id;
};
const version = (table: 'appointment' | 'trust_fund_donor' | 'trust_fund_contribution' | 'trust_fund_grant', key: Kept) => async (c: Ctx) =>
  String((await c.db.selectFrom(table).select('row_version').where('id', '=', ids[key]).executeTakeFirstOrThrow()).row_version);

const keepers = (ok: number) => s(401, 403, 403, 403, 403, ok, ok);
const hidden = (ok: number, side = ok) => s(404, 404, 404, side, side, ok, ok);

/** The pages of one kind of record: new, page, edit, history, archive, restore. */
function pageRows(base: string, key: Kept, open: boolean, note?: string): Row[] {
  const seen = open ? all(200) : hidden(200);
  const edit = (ok: number): ReturnType<typeof s> => (open ? keepers(ok) : hidden(ok, 403));
  const n = note ? { note } : {};
  return [
    { method: 'GET', route: `/{lang}${base}/:id`, path: () => `/en${base}/${ids[key]}`, expect: seen, ...n },
    { method: 'GET', route: `/{lang}${base}/:id`, path: `/en${base}/not-an-id`, expect: all(404) },
    { method: 'GET', route: `/{lang}${base}/:id/edit`, path: () => `/en${base}/${ids[key]}/edit`, expect: edit(200), ...n },
    {
      method: 'POST',
      route: `/{lang}${base}/:id/edit`,
      path: () => `/en${base}/${ids[key]}/edit`,
      body: () => ({}),
      expect: edit(422),
      note: 'no version, empty fields',
    },
    {
      method: 'GET',
      route: `/{lang}${base}/:id/history`,
      path: () => `/en${base}/${ids[key]}/history`,
      expect: open ? s(401, 403, 403, 200, 200, 200, 200) : hidden(200),
      ...n,
    },
    {
      method: 'POST',
      route: `/{lang}${base}/:id/archive`,
      path: () => `/en${base}/${ids[key]}/archive`,
      body: () => ({ confirm: 'yes', version: '99999' }),
      expect: edit(409),
      note: 'a stale version',
    },
    {
      method: 'POST',
      route: `/{lang}${base}/:id/restore`,
      path: () => `/en${base}/${ids[key]}/restore`,
      body: () => ({ version: '99999' }),
      expect: edit(409),
      note: 'a stale version',
    },
  ];
}

/** The new-record form of a kind. */
const newRows = (base: string): Row[] => [
  { method: 'GET', route: `/{lang}${base}/new`, path: `/en${base}/new`, expect: keepers(200) },
  { method: 'POST', route: `/{lang}${base}/new`, path: `/en${base}/new`, body: () => ({}), expect: keepers(422), note: 'empty fields' },
];

/** The API of one kind of the trust fund: list, create, one, change. */
function fundApiRows(path: string, key: Kept, json: (w: Who) => object): Row[] {
  return [
    { method: 'GET', route: `/api/v1${path}`, path: `/api/v1${path}`, expect: s(401, 403, 403, 200, 200, 200, 200) },
    {
      method: 'POST',
      route: `/api/v1${path}`,
      path: `/api/v1${path}`,
      json: (_c, w) => json(w),
      check: keep(key),
      expect: s(403, 403, 403, 403, 403, 201, 201),
    },
    { method: 'GET', route: `/api/v1${path}/:id`, path: () => `/api/v1${path}/${ids[key]}`, expect: hidden(200) },
    { method: 'GET', route: `/api/v1${path}/:id`, path: `/api/v1${path}/${uuid0}`, expect: all(404) },
    {
      method: 'PATCH',
      route: `/api/v1${path}/:id`,
      path: () => `/api/v1${path}/${ids[key]}`,
      json: () => ({ rowVersion: 99999 }),
      expect: s(403, 404, 404, 403, 403, 409, 409),
      note: 'a stale version',
    },
  ];
}

// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // The people of the Committee: public in part
  { method: 'GET', route: '/{lang}/committee/people', path: '/en/committee/people', expect: all(200) },
  { method: 'GET', route: '/{lang}/committee/people', path: '/en/committee/people?year=12', expect: all(400), note: 'not a year' },
  { method: 'GET', route: '/api/v1/committee/people', path: '/api/v1/committee/people?role=expert', expect: all(200) },
  { method: 'GET', route: '/api/v1/committee/people/figures', path: '/api/v1/committee/people/figures?year=2018&date=2018-12-28', expect: all(200) },
  { method: 'POST', route: '/api/v1/committee/people', path: '/api/v1/committee/people', json: () => ({ role: 'expert', personName: 'Policy Walk', stateIso3: 'FRA', startsOn: '2018-03-01' }), check: keep('appointment'), expect: s(403, 403, 403, 403, 403, 201, 201) },
  { method: 'POST', route: '/api/v1/committee/people', path: '/api/v1/committee/people', json: () => ({ role: 'expert', personName: 'Policy Walk', stateIso3: 'FRA', startsOn: '2018-03-01', confidentiality: 'committee' }), check: keep('hidden'), expect: s(403, 403, 403, 403, 403, 201, 201), note: 'for the Committee only' },
  { method: 'GET', route: '/api/v1/committee/people/:id', path: () => `/api/v1/committee/people/${ids.appointment}`, expect: all(200) },
  { method: 'GET', route: '/api/v1/committee/people/:id', path: () => `/api/v1/committee/people/${ids.hidden}`, expect: hidden(200), note: 'for the Committee only' },
  { method: 'GET', route: '/api/v1/committee/people/:id', path: `/api/v1/committee/people/${uuid0}`, expect: all(404) },
  { method: 'PATCH', route: '/api/v1/committee/people/:id', path: () => `/api/v1/committee/people/${ids.appointment}`, json: () => ({ rowVersion: 99999 }), expect: s(403, 403, 403, 403, 403, 409, 409), note: 'a stale version' },
  ...newRows('/committee/people'),
  ...pageRows('/committee/people', 'appointment', true),
  { method: 'GET', route: '/{lang}/committee/people/:id', path: () => `/en/committee/people/${ids.hidden}`, expect: hidden(200), note: 'for the Committee only' },
  { method: 'POST', route: '/{lang}/committee/people/:id/archive', path: () => `/en/committee/people/${ids.appointment}/archive`, body: async (c) => ({ confirm: 'yes', version: await version('appointment', 'appointment')(c) }), expect: s(401, 403, 403, 403, 403, 303, 409), note: 'archived by the secretariat, then archived already' },

  // The trust fund: the Committee side's only
  { method: 'GET', route: '/{lang}/committee/trust-fund', path: '/en/committee/trust-fund', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/committee/trust-fund', path: '/en/committee/trust-fund?year=99', expect: s(401, 403, 403, 400, 400, 400, 400), note: 'not a year' },
  { method: 'GET', route: '/api/v1/trust-fund/figures', path: '/api/v1/trust-fund/figures?year=2018', expect: s(401, 403, 403, 200, 200, 200, 200) },
  ...fundApiRows('/trust-fund/donors', 'donor', (w) => ({ donorKind: 'state', stateIso3: w === 'admin' ? 'NZL' : 'CAN' })),
  ...fundApiRows('/trust-fund/contributions', 'contribution', () => ({ donorId: ids.donor, year: 2018 })),
  ...fundApiRows('/trust-fund/grants', 'grant', () => ({ contributionId: ids.contribution, usedInYear: 2018, purpose: 'Policy walk' })),
  ...newRows('/committee/trust-fund/donors'),
  ...pageRows('/committee/trust-fund/donors', 'donor', false),
  ...newRows('/committee/trust-fund/contributions'),
  ...pageRows('/committee/trust-fund/contributions', 'contribution', false),
  ...newRows('/committee/trust-fund/grants'),
  ...pageRows('/committee/trust-fund/grants', 'grant', false),
];
