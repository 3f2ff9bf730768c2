/**
 * An access-policy test walks every route with every role and checks the outcome.
 *
 * The table below has one row per (route, case); each row gives the status every role must get,
 * written out by hand. Pages are walked with a browser-like client (session cookie + CSRF
 * token), the API with `Authorization: Bearer <token>`. A last test checks that the table covers
 * every route the application registers, so that a new route without a policy row fails here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Confidentiality } from '../../src/platform/policy/levels.ts';
import { createApp } from '../../src/app/http.tsx';
import { locales } from '../../src/platform/i18n/locales.ts';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

const who = ['public', 'poc', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as const;
type Who = (typeof who)[number];
type Account = Exclude<Who, 'public'>;

const emails: Record<Account, string> = {
  poc: 'poc.mli@demo.r1540.org', // state-contact of MLI
  provider: 'provider@demo.r1540.org', // provider for IAEA
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  admin: 'admin@demo.r1540.org',
};

type Expect = Record<Who, number>;

/** The expected statuses, in the order public, poc (MLI), provider (IAEA), expert, committee, secretariat, admin. */
function s(pub: number, poc: number, provider: number, expert: number, committee: number, secretariat: number, admin: number): Expect {
  return { public: pub, poc, provider, expert, committee, secretariat, admin };
}
const all = (status: number): Expect => s(status, status, status, status, status, status, status);

interface Ctx {
  userId: Record<Account, string>;
  /** A second API token of each account, revoked by a row. */
  spareTokenId: Record<Account, string>;
  /** An account that rows disable and enable again; and one of its tokens (nobody else may revoke it). */
  victimId: string;
  victimTokenId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** The route as registered, with /{lang} for the language prefix. */
  route: string;
  /** The concrete path requested (for a function: per role). */
  path: string | ((ctx: Ctx, w: Who) => string);
  /** A form body for POSTs (the CSRF token is added). */
  body?: (ctx: Ctx, w: Who) => Record<string, string> | Promise<Record<string, string>>;
  /** A JSON body for API rows. */
  json?: (ctx: Ctx, w: Who) => unknown;
  /** Run on a session opened for this row only (logging out would end the shared one). */
  fresh?: boolean;
  /** An API row asked with the session cookie instead of a bearer token. */
  viaSession?: boolean;
  /** Records whose confidentiality is changed for this row only. */
  restrict?: { table: 'member_state' | 'organization'; key: string; confidentiality: Confidentiality }[];
  /** A further check of the response of a role. */
  check?: (res: Response, w: Who) => Promise<void>;
  expect: Expect;
  note?: string;
}

const uuid0 = '00000000-0000-4000-8000-000000000000';
let t: TestApp;

async function currentVersion(table: 'member_state' | 'organization', key: string): Promise<string> {
  const db = t.database.db;
  const row =
    table === 'member_state'
      ? await db.selectFrom('member_state').select('version').where('iso3', '=', key).executeTakeFirstOrThrow()
      : await db.selectFrom('organization').select('version').where('code', '=', key).executeTakeFirstOrThrow();
  return String(row.version);
}

const emptyStateForm = async () => ({
  'names.ar': '',
  'names.zh': '',
  'names.en': '',
  'names.fr': '',
  'names.ru': '',
  'names.es': '',
  unMemberSince: '',
  regionalGroup: '',
  securityCouncilYears: '',
  version: await currentVersion('member_state', 'MLI'),
});

/** Whether a list (API JSON or page) names a record, for the rows that restrict one. */
function listsMli(seen: Who[]) {
  return async (res: Response, w: Who) => {
    const text = await res.text();
    const shown = res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { data: { iso3: string }[] }).data.some((d) => d.iso3 === 'MLI')
      : /href="\/en\/states\/MLI"/.test(text);
    assert.equal(shown, seen.includes(w), `${w}: MLI ${shown ? 'listed' : 'not listed'}`);
  };
}
function listsIaea(seen: Who[]) {
  return async (res: Response, w: Who) => {
    const text = await res.text();
    const shown = res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { data: { code: string }[] }).data.some((d) => d.code === 'IAEA')
      : /href="\/en\/organizations\/IAEA"/.test(text);
    assert.equal(shown, seen.includes(w), `${w}: IAEA ${shown ? 'listed' : 'not listed'}`);
  };
}
const committeeSide: Who[] = ['expert', 'committee', 'secretariat', 'admin'];

// prettier-ignore
// biome-ignore format: one row per route, read as a table
const rows: Row[] = [
  //                                                                                                           pub  poc  prov exp  com  sec  adm
  // Outside the languages
  { method: 'GET', route: '/healthz', path: '/healthz', expect: all(200) },
  { method: 'GET', route: '/static/app.css', path: '/static/app.css', expect: all(200) },
  { method: 'GET', route: '/', path: '/', expect: all(302), note: 'to the reader’s language' },

  // Home
  { method: 'GET', route: '/{lang}', path: '/en/', expect: all(200) },
  { method: 'GET', route: '/{lang}', path: '/en', expect: all(200), note: 'the same page without the slash' },
  { method: 'GET', route: '/{lang}', path: '/zh', expect: all(200) },

  // Logging in and out
  { method: 'GET', route: '/{lang}/login', path: '/en/login', expect: all(200) },
  { method: 'POST', route: '/{lang}/login', path: '/en/login', body: (_, w) => ({ email: `nobody.${w}@example.org`, password: 'not-the-password' }), expect: all(401) },
  { method: 'POST', route: '/{lang}/logout', path: '/en/logout', fresh: true, expect: all(303) },

  // The account and its API tokens
  { method: 'GET', route: '/{lang}/account', path: '/en/account', expect: s(401, 200, 200, 200, 200, 200, 200) },
  { method: 'POST', route: '/{lang}/account/tokens', path: '/en/account/tokens', body: () => ({ name: '' }), expect: s(401, 422, 422, 422, 422, 422, 422) },
  { method: 'POST', route: '/{lang}/account/tokens/:id/revoke', path: (c, w) => `/en/account/tokens/${w === 'public' ? c.victimTokenId : c.spareTokenId[w]}/revoke`, expect: s(401, 303, 303, 303, 303, 303, 303), note: 'one’s own token' },
  { method: 'POST', route: '/{lang}/account/tokens/:id/revoke', path: (c) => `/en/account/tokens/${c.victimTokenId}/revoke`, expect: s(401, 404, 404, 404, 404, 404, 404), note: 'another account’s token' },
  { method: 'POST', route: '/{lang}/account/tokens/:id/revoke', path: `/en/account/tokens/${uuid0}/revoke`, expect: s(401, 404, 404, 404, 404, 404, 404), note: 'no such token' },

  // Accounts (manage-accounts: secretariat, admin)
  { method: 'GET', route: '/{lang}/admin/users', path: '/en/admin/users', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/admin/users', path: '/en/admin/users', body: () => ({ email: '', displayName: '', role: '', password: '', stateIso3: '', organizationCode: '' }), expect: s(401, 403, 403, 403, 403, 422, 422) },
  { method: 'GET', route: '/{lang}/admin/users/:id/history', path: (c) => `/en/admin/users/${c.victimId}/history`, expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'GET', route: '/{lang}/admin/users/:id/history', path: `/en/admin/users/${uuid0}/history`, expect: s(401, 403, 403, 403, 403, 404, 404), note: 'no such account' },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: (c) => `/en/admin/users/${c.victimId}/disable`, expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/admin/users/:id/enable', path: (c) => `/en/admin/users/${c.victimId}/enable`, expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: (c, w) => `/en/admin/users/${w === 'public' ? c.victimId : c.userId[w]}/disable`, expect: s(401, 403, 403, 403, 403, 409, 409), note: 'one’s own account' },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: `/en/admin/users/${uuid0}/disable`, expect: s(401, 403, 403, 403, 403, 404, 404), note: 'no such account' },

  // Member States (all public in the seed)
  { method: 'GET', route: '/{lang}/states', path: '/en/states', check: listsMli([...who]), expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/MLI', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/mli', expect: all(301), note: 'to the code in capitals' },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/XXX', expect: all(404) },
  { method: 'GET', route: '/{lang}/states/:iso3/history', path: '/en/states/MLI/history', expect: s(401, 200, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/history', path: '/en/states/PER/history', expect: s(401, 403, 403, 200, 200, 200, 200), note: 'not the State of the point of contact' },
  { method: 'GET', route: '/{lang}/states/:iso3/edit', path: '/en/states/MLI/edit', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/states/:iso3/edit', path: '/en/states/MLI/edit', body: emptyStateForm, expect: s(401, 403, 403, 403, 403, 422, 422), note: 'empty fields, current version' },
  { method: 'POST', route: '/{lang}/states/:iso3/archive', path: '/en/states/MLI/archive', expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/states/:iso3/restore', path: '/en/states/MLI/restore', expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/states/:iso3/archive', path: '/en/states/XXX/archive', expect: all(404) },

  // Member States made restricted for one row
  { method: 'GET', route: '/{lang}/states', path: '/en/states', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], check: listsMli(['poc', ...committeeSide]), expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 200, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3', path: '/en/states/NER', restrict: [{ table: 'member_state', key: 'NER', confidentiality: 'committee-and-state' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/history', path: '/en/states/MLI/history', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/edit', path: '/en/states/MLI/edit', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 403, 403, 403, 403, 200, 200) },

  // A State's matrix as pages, on BFA (the point of contact speaks for MLI): none yet, then draft 1
  { method: 'GET', route: '/{lang}/states/:iso3/matrix', path: '/en/states/BFA/matrix', expect: all(404), note: 'no version yet' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix', path: '/en/states/XXX/matrix', expect: all(404) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/edit', path: '/en/states/BFA/matrix/edit', expect: s(401, 403, 403, 200, 403, 403, 200), note: 'none open: offers to start one' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/edit', path: '/en/states/BFA/matrix/edit', expect: s(401, 403, 403, 409, 403, 403, 409), note: 'none open' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/drafts', path: '/en/states/BFA/matrix/drafts', expect: s(401, 403, 403, 303, 403, 403, 409), note: 'the expert starts draft 1; then one is in the works' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix', path: '/en/states/BFA/matrix', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft: the Committee side, not another State’s point of contact' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/versions', path: '/en/states/BFA/matrix/versions', expect: s(404, 404, 404, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/diff', path: '/en/states/BFA/matrix/diff?from=1&to=1', expect: s(404, 404, 404, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/diff', path: '/en/states/BFA/matrix/diff?from=one', expect: all(400) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/edit', path: '/en/states/BFA/matrix/edit?section=OP2', expect: s(401, 403, 403, 200, 403, 403, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/edit', path: '/en/states/BFA/matrix/edit?section=OP9', expect: s(401, 403, 403, 404, 403, 403, 404), note: 'no such section' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/edit', path: '/en/states/BFA/matrix/edit?section=OP2', expect: s(401, 403, 403, 303, 403, 403, 303), note: 'nothing changed' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/edit', path: '/en/states/BFA/matrix/edit?section=OP2', body: () => ({ 'OP2.USE.N.LF.value': 'X' }), expect: s(401, 403, 403, 422, 403, 403, 422), note: 'X without a source' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/transitions', path: '/en/states/BFA/matrix/transitions', body: () => ({ number: '1', to: 'approved' }), expect: s(401, 404, 404, 409, 409, 409, 409), note: 'not a step from draft' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/transitions', path: '/en/states/BFA/matrix/transitions', body: () => ({ number: '1', to: 'sent' }), expect: s(401, 404, 404, 303, 409, 409, 409), note: 'sent by the expert, then already sent' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/transitions', path: '/en/states/BFA/matrix/transitions', body: () => ({ number: '1', to: 'agreed' }), expect: s(401, 404, 404, 303, 409, 409, 409), note: 'agreed by the expert' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/transitions', path: '/en/states/BFA/matrix/transitions', body: () => ({ number: '1', to: 'approved' }), expect: s(401, 404, 404, 403, 303, 409, 409), note: 'approved by the Committee' },

  // Organizations (all public in the seed; an organization concerns no State)
  { method: 'GET', route: '/{lang}/matrix/templates', path: '/en/matrix/templates', expect: all(200) },
  { method: 'POST', route: '/{lang}/matrix/templates', path: '/en/matrix/templates', body: () => ({ from: '2017', version: '' }), expect: s(401, 403, 403, 403, 403, 403, 422) },
  { method: 'GET', route: '/{lang}/matrix/templates/:version', path: '/en/matrix/templates/2017', expect: all(200) },
  { method: 'GET', route: '/{lang}/matrix/templates/:version', path: '/en/matrix/templates/1999', expect: all(404) },
  { method: 'GET', route: '/{lang}/matrix/templates/:version/history', path: '/en/matrix/templates/2017/history', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/organizations', path: '/en/organizations', check: listsIaea([...who]), expect: all(200) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/IAEA', expect: all(200) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/iaea', expect: all(301) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/NOPE', expect: all(404) },
  { method: 'GET', route: '/{lang}/organizations/:code/history', path: '/en/organizations/IAEA/history', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/organizations/:code/edit', path: '/en/organizations/IAEA/edit', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/organizations/:code/edit', path: '/en/organizations/IAEA/edit', body: () => ({}), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'empty fields' },
  { method: 'POST', route: '/{lang}/organizations/:code/archive', path: '/en/organizations/IAEA/archive', expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/organizations/:code/restore', path: '/en/organizations/IAEA/restore', expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'GET', route: '/{lang}/organizations', path: '/en/organizations', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], check: listsIaea(committeeSide), expect: all(200) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/IAEA', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/organizations/:code', path: '/en/organizations/IAEA', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee-and-state' }], expect: s(401, 403, 403, 200, 200, 200, 200) },

  // The activity feed (read-activity: expert, secretariat, admin)
  { method: 'GET', route: '/{lang}/activity', path: '/en/activity', expect: s(401, 403, 403, 200, 403, 200, 200) },

  // The API, with a bearer token
  { method: 'GET', route: '/api/v1/openapi.json', path: '/api/v1/openapi.json', expect: all(200) },
  { method: 'GET', route: '/api/v1/states', path: '/api/v1/states', check: listsMli([...who]), expect: all(200) },
  { method: 'GET', route: '/api/v1/states', path: '/api/v1/states?group=martian', expect: all(422) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/XXX', expect: all(404) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/M1', expect: all(422) },
  { method: 'GET', route: '/api/v1/states', path: '/api/v1/states', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], check: listsMli(['poc', ...committeeSide]), expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 200, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/matrix/templates', path: '/api/v1/matrix/templates', expect: all(200) },
  { method: 'GET', route: '/api/v1/matrix/figures', path: '/api/v1/matrix/figures?by=paragraph', expect: all(200) },
  { method: 'GET', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/2017', expect: all(200) },
  { method: 'GET', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/1999', expect: all(404) },
  // A State's matrix through the API, in order: MLI's first version from draft to publication.
  // The public sends neither token nor cookie, so its writes stop at the CSRF check (403).
  { method: 'GET', route: '/api/v1/states/:iso3/matrix', path: '/api/v1/states/MLI/matrix', expect: all(404), note: 'no version yet' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix', path: '/api/v1/states/XXX/matrix', expect: all(404) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/versions', path: '/api/v1/states/XXX/matrix/versions', expect: all(404) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix', path: '/api/v1/states/MLI/matrix', json: () => ({}), expect: s(403, 403, 403, 201, 403, 403, 409), note: 'the expert starts draft 1; then one is in the works' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix', path: '/api/v1/states/MLI/matrix', expect: s(404, 200, 404, 200, 200, 200, 200), note: 'a draft: the Committee side and MLI’s point of contact' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/versions', path: '/api/v1/states/MLI/matrix/versions', expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/diff', path: '/api/v1/states/MLI/matrix/diff?from=1&to=1', expect: s(404, 200, 404, 200, 200, 200, 200), note: 'a draft' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/diff', path: '/api/v1/states/MLI/matrix/diff?from=one', expect: all(422) },
  { method: 'PATCH', route: '/api/v1/states/:iso3/matrix/cells', path: '/api/v1/states/MLI/matrix/cells', json: (_, w) => ({ version: 1, changes: [{ field: w === 'admin' ? 'OP2.USE.C.LF' : 'OP2.USE.N.LF', expectedVersion: 0, value: 'NA' }] }), expect: s(403, 403, 404, 200, 403, 403, 200) },
  { method: 'PATCH', route: '/api/v1/states/:iso3/matrix/cells', path: '/api/v1/states/MLI/matrix/cells', json: () => ({ version: 1, changes: [] }), expect: s(403, 422, 422, 422, 422, 422, 422), note: 'no changes' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 9, to: 'sent' }), expect: s(403, 404, 404, 404, 404, 404, 404), note: 'no such version' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 1, to: 'sent' }), expect: s(403, 403, 404, 200, 409, 409, 409), note: 'sent by the expert, then already sent' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 1, to: 'commented' }), expect: s(403, 200, 404, 409, 409, 409, 409), note: 'commented by MLI’s point of contact' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 1, to: 'agreed' }), expect: s(403, 403, 404, 200, 409, 409, 409) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 1, to: 'approved' }), expect: s(403, 403, 404, 403, 200, 409, 409) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 1, to: 'published' }), expect: s(403, 403, 404, 403, 403, 200, 409) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix', path: '/api/v1/states/MLI/matrix', expect: all(200), note: 'published' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/diff', path: '/api/v1/states/MLI/matrix/diff?from=1&to=1', expect: all(200), note: 'published' },
  { method: 'PATCH', route: '/api/v1/states/:iso3/matrix/cells', path: '/api/v1/states/MLI/matrix/cells', json: () => ({ version: 1, changes: [{ field: 'OP2.USE.B.LF', expectedVersion: 0, value: 'NA' }] }), expect: s(403, 403, 403, 409, 403, 403, 409), note: 'a published version never changes' },
  { method: 'GET', route: '/api/v1/organizations', path: '/api/v1/organizations', check: listsIaea([...who]), expect: all(200) },
  { method: 'GET', route: '/api/v1/organizations/:code', path: '/api/v1/organizations/IAEA', expect: all(200) },
  { method: 'GET', route: '/api/v1/organizations/:code', path: '/api/v1/organizations/NOPE', expect: all(404) },
  { method: 'GET', route: '/api/v1/organizations', path: '/api/v1/organizations', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], check: listsIaea(committeeSide), expect: all(200) },
  { method: 'GET', route: '/api/v1/organizations/:code', path: '/api/v1/organizations/IAEA', restrict: [{ table: 'organization', key: 'IAEA', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/audit', path: '/api/v1/audit', expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'GET', route: '/api/v1/me', path: '/api/v1/me', expect: s(401, 200, 200, 200, 200, 200, 200) },

  // Matrix figures: public and read-only (pages, CSV downloads, API change and gaps); published matrices only
  { method: 'GET', route: '/{lang}/matrix/figures', path: '/en/matrix/figures', expect: all(200) },
  { method: 'GET', route: '/{lang}/matrix/figures', path: '/ar/matrix/figures?view=state&sort=x&dir=desc', expect: all(200) },
  { method: 'GET', route: '/{lang}/matrix/figures', path: '/en/matrix/figures?view=gaps&state=MLI', expect: all(200) },
  { method: 'GET', route: '/{lang}/matrix/figures', path: '/en/matrix/figures?asOf=2018-02-31', expect: all(422), note: 'no such day' },
  { method: 'GET', route: '/{lang}/matrix/figures.csv', path: '/en/matrix/figures.csv?view=overview&table=paragraph', check: async (res) => assert.match(res.headers.get('content-type') ?? '', /^text\/csv/), expect: all(200) },
  { method: 'GET', route: '/{lang}/matrix/figures.csv', path: '/en/matrix/figures.csv?view=change&from=2018-01-01', expect: all(200) },
  { method: 'GET', route: '/{lang}/matrix/figures.csv', path: '/en/matrix/figures.csv?table=nope', expect: all(404) },
  { method: 'GET', route: '/{lang}/matrix/figures.csv', path: '/en/matrix/figures.csv?view=gaps', expect: all(422), note: 'no State chosen' },
  { method: 'GET', route: '/api/v1/matrix/figures', path: '/api/v1/matrix/figures?by=change&from=2018-01-01', expect: all(200) },
  { method: 'GET', route: '/api/v1/matrix/figures', path: '/api/v1/matrix/figures?by=change', expect: all(422), note: 'from is required' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/gaps', path: '/api/v1/states/MLI/matrix/gaps', expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/gaps', path: '/api/v1/states/XXX/matrix/gaps', expect: all(404) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/gaps', path: '/api/v1/states/MLI/matrix/gaps?threshold=1', expect: all(422) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/gaps', path: '/api/v1/states/MLI/matrix/gaps', restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee' }], expect: s(401, 403, 403, 200, 200, 200, 200) },

  // The State's review of its matrix: comments and proposals on MLI version 2 (the block before publishes version 1).
  // Every account the policy lets comment (the point of contact and the Committee side) may; only experts decide; only the author withdraws.
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals', expect: s(401, 404, 404, 404, 404, 404, 404), note: 'no version in the works' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/XXX/matrix/proposals', expect: s(401, 404, 404, 404, 404, 404, 404) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix', path: '/api/v1/states/MLI/matrix', json: () => ({}), expect: s(403, 403, 403, 201, 403, 403, 409), note: 'the expert starts version 2' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals', json: () => ({ field: 'OP2.USE.N.LF', kind: 'comment', comment: 'Too early' }), expect: s(403, 409, 403, 409, 409, 409, 409), note: 'a draft takes no comments; the provider sees only version 1, and may not comment' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals', expect: s(401, 200, 404, 200, 200, 200, 200), note: 'a draft: the Committee side and MLI’s point of contact' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 2, to: 'sent' }), expect: s(403, 403, 404, 200, 409, 409, 409), note: 'version 2 sent to the State' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals', json: (_, w) => (w === 'poc' ? { field: 'OP2.USE.N.LF', kind: 'proposal', value: 'X', sources: [{ kind: 'law', citation: 'Loi n° 2016-08', locator: 'art. 12' }] } : { field: 'OP2.USE.C.LF', kind: 'comment', comment: `A comment by ${w}` }), check: async (res, w) => { if (res.ok) (ctx as unknown as Record<string, string>)[`proposal.${w}`] = ((await res.json()) as { id: string }).id; }, expect: s(403, 201, 403, 201, 201, 201, 201), note: 'the point of contact proposes X with a source, the Committee side comments' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals', json: () => ({ field: 'OP2.USE.B.LF', kind: 'proposal', value: 'X' }), expect: s(403, 422, 403, 422, 422, 422, 422), note: 'X without a source' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals/:id/decision', path: (c) => `/api/v1/states/MLI/matrix/proposals/${(c as unknown as Record<string, string>)['proposal.poc']}/decision`, json: () => ({ decision: 'decline' }), expect: s(403, 403, 404, 422, 403, 403, 422), note: 'declined without a note' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals/:id/decision', path: (c) => `/api/v1/states/MLI/matrix/proposals/${(c as unknown as Record<string, string>)['proposal.poc']}/decision`, json: () => ({ decision: 'accept' }), expect: s(403, 403, 404, 200, 403, 403, 409), note: 'accepted by the expert, then already decided' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals/:id/decision', path: `/api/v1/states/MLI/matrix/proposals/${uuid0}/decision`, json: () => ({ decision: 'accept' }), expect: s(403, 404, 404, 404, 404, 404, 404), note: 'no such proposal' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals/:id/withdrawal', path: (c) => `/api/v1/states/MLI/matrix/proposals/${(c as unknown as Record<string, string>)['proposal.expert']}/withdrawal`, expect: s(403, 403, 404, 200, 403, 403, 403), note: 'the expert’s own comment' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals?status=all', check: async (res, w) => { if (res.ok) assert.equal(((await res.json()) as { data: unknown[] }).data.length, 5, w); }, expect: s(401, 200, 404, 200, 200, 200, 200), note: 'commented' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/proposals', path: '/en/states/MLI/matrix/proposals', expect: s(401, 200, 404, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/proposals/new', path: '/en/states/MLI/matrix/proposals/new?field=OP2.USE.B.LF', expect: s(401, 200, 404, 200, 200, 200, 200) },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/proposals/new', path: '/en/states/MLI/matrix/proposals/new', body: () => ({ field: 'OP2.USE.B.LF', kind: 'proposal', value: 'X', sourceKind: 'law', citation: '' }), expect: s(401, 422, 404, 422, 422, 422, 422), note: 'X without a source' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/proposals/:id/decision', path: (c) => `/en/states/MLI/matrix/proposals/${(c as unknown as Record<string, string>)['proposal.committee']}/decision`, body: () => ({ decision: 'decline', note: '' }), expect: s(401, 403, 404, 422, 403, 403, 422), note: 'declined without a note' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/proposals/:id/withdrawal', path: (c) => `/en/states/MLI/matrix/proposals/${(c as unknown as Record<string, string>)['proposal.committee']}/withdrawal`, expect: s(401, 403, 404, 403, 303, 403, 403), note: 'the Committee member’s own comment' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 2, to: 'agreed' }), expect: s(403, 403, 404, 200, 409, 409, 409) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/transitions', path: '/api/v1/states/MLI/matrix/transitions', json: () => ({ version: 2, to: 'approved' }), expect: s(403, 403, 404, 403, 200, 409, 409), note: 'MLI is left with version 2 approved and none in the works' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/proposals', path: '/api/v1/states/MLI/matrix/proposals', json: () => ({ version: 2, field: 'OP2.USE.N.LF', kind: 'comment', comment: 'Too late' }), expect: s(403, 409, 404, 409, 409, 409, 409), note: 'an approved version takes no comments' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/proposals', path: '/en/states/MLI/matrix/proposals', expect: s(401, 404, 404, 404, 404, 404, 404), note: 'none in the works' },

  // Review cycles: the Committee side reads them; experts, secretariat and admins keep them (States used: NER, PER)
  { method: 'GET', route: '/{lang}/matrix/reviews', path: '/en/matrix/reviews', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'POST', route: '/{lang}/matrix/reviews', path: '/en/matrix/reviews', body: () => ({ title: '', startsOn: '2026-01-01', deadline: '2026-12-31' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no title' },
  { method: 'POST', route: '/{lang}/matrix/reviews', path: '/en/matrix/reviews', body: () => ({ title: 'Policy walk', startsOn: '2026-01-01', deadline: '2099-12-31' }), check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { reviewId: res.headers.get('location')?.split('/').pop() }); }, expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'GET', route: '/{lang}/matrix/reviews/:id', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}`, expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/matrix/reviews/:id', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}?stage=nope`, expect: s(401, 403, 403, 400, 400, 400, 400), note: 'no such stage' },
  { method: 'GET', route: '/{lang}/matrix/reviews/:id', path: `/en/matrix/reviews/${uuid0}`, expect: s(401, 403, 403, 404, 404, 404, 404) },
  { method: 'GET', route: '/{lang}/matrix/reviews/:id/progress.csv', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}/progress.csv`, check: async (res) => { if (res.status === 200) assert.match(res.headers.get('content-type') ?? '', /^text\/csv/); }, expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'POST', route: '/{lang}/matrix/reviews/:id/assignments', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}/assignments`, body: (c) => ({ states: 'NER PER', expert: c.userId.expert, note: '' }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/matrix/reviews/:id/assignments', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}/assignments`, body: () => ({ states: 'XXX', expert: '' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no such State' },
  { method: 'POST', route: '/{lang}/matrix/reviews/:id', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}`, body: () => ({ title: '', startsOn: '2026-01-01', deadline: '2099-12-31', version: '1' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no title' },
  { method: 'POST', route: '/{lang}/matrix/reviews/:id/close', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}/close`, expect: s(401, 403, 403, 303, 403, 409, 409), note: 'closed by the expert, then already closed' },
  { method: 'POST', route: '/{lang}/matrix/reviews/:id/assignments', path: (c) => `/en/matrix/reviews/${(c as Ctx & { reviewId?: string }).reviewId}/assignments`, body: (c) => ({ states: 'NER', expert: c.userId.expert }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a closed cycle' },
  { method: 'GET', route: '/api/v1/matrix/reviews', path: '/api/v1/matrix/reviews', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'POST', route: '/api/v1/matrix/reviews', path: '/api/v1/matrix/reviews', json: () => ({}), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'no fields' },
  { method: 'POST', route: '/api/v1/matrix/reviews', path: '/api/v1/matrix/reviews', json: () => ({ title: 'API walk', startsOn: '2026-01-01', deadline: '2099-12-31' }), check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { apiReviewId: ((await res.json()) as { id: string }).id }); }, expect: s(403, 403, 403, 201, 403, 201, 201) },
  { method: 'GET', route: '/api/v1/matrix/reviews/:id', path: (c) => `/api/v1/matrix/reviews/${(c as Ctx & { apiReviewId?: string }).apiReviewId}`, expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/matrix/reviews/:id', path: `/api/v1/matrix/reviews/${uuid0}`, expect: s(401, 403, 403, 404, 404, 404, 404) },
  { method: 'PUT', route: '/api/v1/matrix/reviews/:id/assignments', path: (c) => `/api/v1/matrix/reviews/${(c as Ctx & { apiReviewId?: string }).apiReviewId}/assignments`, json: (c) => ({ states: ['PER'], expert: c.userId.expert }), expect: s(403, 403, 403, 200, 403, 200, 200) },
  { method: 'PUT', route: '/api/v1/matrix/reviews/:id/assignments', path: (c) => `/api/v1/matrix/reviews/${(c as Ctx & { apiReviewId?: string }).apiReviewId}/assignments`, json: () => ({ states: ['XXX'], expert: null }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'no such State' },

  // The experts' fast grid (matrix/grid-routes.tsx) on GHA: none open, then a draft started for it
  { method: 'GET', route: '/static/matrix-grid.js', path: '/static/matrix-grid.js', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/grid', path: '/en/states/XXX/matrix/grid', expect: all(404) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/grid', path: '/en/states/GHA/matrix/grid', expect: s(401, 403, 403, 200, 403, 403, 200), note: 'none open: offers to start one' },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/drafts', path: '/en/states/GHA/matrix/drafts', expect: s(401, 403, 403, 303, 403, 403, 409), note: 'GHA’s draft 1, for the grid' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/grid', path: '/en/states/GHA/matrix/grid?weapon=chemical&changed=1', expect: s(401, 403, 403, 200, 403, 403, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/grid', path: '/ar/states/GHA/matrix/grid?section=OP9', expect: s(401, 403, 403, 404, 403, 403, 404), note: 'no such section' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/grid', path: '/en/states/GHA/matrix/grid?weapon=laser', expect: s(401, 403, 403, 400, 403, 403, 400), note: 'no such weapon type' },

  // Template versions and conversion (convert.*): a copy of 2017 of this block's own (2017-test), edited by the administrator; conversions only as dry runs
  { method: 'POST', route: '/api/v1/matrix/templates', path: '/api/v1/matrix/templates', json: () => ({ from: '2017', version: '2017-test' }), expect: s(403, 403, 403, 403, 403, 403, 201), note: 'the administrator copies 2017' },
  { method: 'POST', route: '/api/v1/matrix/templates', path: '/api/v1/matrix/templates', json: () => ({ from: '2017', version: '2017-test' }), expect: s(403, 403, 403, 403, 403, 403, 409), note: 'exists already' },
  { method: 'GET', route: '/{lang}/matrix/templates/:version', path: '/en/matrix/templates/2017-test', expect: all(200), note: 'an editable copy' },
  { method: 'POST', route: '/{lang}/matrix/templates/:version/definition', path: '/en/matrix/templates/2017-test/definition', body: () => ({ rowVersion: '1', definition: '{"sections": [' }), expect: s(401, 403, 403, 403, 403, 403, 422), note: 'not JSON' },
  { method: 'POST', route: '/{lang}/matrix/templates/:version/definition', path: '/en/matrix/templates/2017/definition', body: () => ({ rowVersion: '1', definition: '{}' }), expect: s(401, 403, 403, 403, 403, 403, 409), note: 'a fixed template' },
  { method: 'POST', route: '/{lang}/matrix/templates/:version/definition', path: '/en/matrix/templates/1999/definition', body: () => ({ rowVersion: '1', definition: '{}' }), expect: all(404) },
  { method: 'PUT', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/2017-test', json: () => ({ rowVersion: 1, sections: [], rows: [], fields: [] }), expect: s(403, 403, 403, 403, 403, 403, 422), note: 'no fields' },
  { method: 'PUT', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/2017-test', json: () => { const labels = Object.fromEntries(locales.map((l) => [l, 'Test'])); return { rowVersion: 1, sections: [{ code: 'OP1', paragraph: 'OP1', labels }], rows: [{ code: 'OP1.TEST', section: 'OP1', labels }], fields: [{ code: 'OP1.TEST', row: 'OP1.TEST', paragraph: 'OP1', weaponType: null, measureKind: 'instrument' }] }; }, expect: s(403, 403, 403, 403, 403, 403, 200), note: 'one field' },
  { method: 'PUT', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/2017-test', json: () => ({ rowVersion: 1, sections: [], rows: [], fields: [] }), expect: s(403, 403, 403, 403, 403, 403, 409), note: 'a stale row version' },
  { method: 'PUT', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/2017', json: () => ({ rowVersion: 1, sections: [], rows: [], fields: [] }), expect: s(403, 403, 403, 403, 403, 403, 409), note: 'a fixed template' },
  { method: 'PUT', route: '/api/v1/matrix/templates/:version', path: '/api/v1/matrix/templates/1999', json: () => ({ rowVersion: 1, sections: [], rows: [], fields: [] }), expect: s(403, 404, 404, 404, 404, 404, 404) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/conversions', path: '/api/v1/states/XXX/matrix/conversions', json: () => ({ to: '2017-test', dryRun: true }), expect: s(403, 404, 404, 404, 404, 404, 404) },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/conversions', path: '/api/v1/states/NER/matrix/conversions', json: () => ({ to: '2017-test', dryRun: true }), expect: s(403, 403, 403, 409, 403, 403, 409), note: 'no approved version' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/conversions', path: '/api/v1/states/MLI/matrix/conversions', json: () => ({ to: '2017-test', mapping: { fields: { 'OP9.NOWHERE': null } }, dryRun: true }), expect: s(403, 403, 403, 422, 403, 403, 422), note: 'an unknown field in the mapping' },
  { method: 'POST', route: '/api/v1/states/:iso3/matrix/conversions', path: '/api/v1/states/MLI/matrix/conversions', json: () => ({ to: '2017-test', dryRun: true }), expect: s(403, 403, 403, 200, 403, 403, 200), note: 'a dry run on MLI’s published version: nothing is saved' },

  // Matrices as files (transfer-routes.tsx, api-transfer.ts): downloads as the matrix's confidentiality allows; imports by the experts (SEN has no matrix)
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/export', path: '/en/states/SEN/matrix/export?format=csv', expect: all(404), note: 'no version yet' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/export', path: '/en/states/MLI/matrix/export?format=json', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/export', path: '/en/states/MLI/matrix/export?format=pdf', expect: all(400) },
  { method: 'GET', route: '/{lang}/matrix/export', path: '/en/matrix/export?format=json', expect: s(401, 403, 403, 200, 200, 200, 200), note: 'every State: the Committee side' },
  { method: 'GET', route: '/{lang}/states/:iso3/matrix/import', path: '/en/states/SEN/matrix/import', expect: s(401, 403, 403, 200, 403, 403, 200) },
  { method: 'POST', route: '/{lang}/states/:iso3/matrix/import', path: '/en/states/SEN/matrix/import', expect: s(401, 403, 403, 422, 403, 403, 422), note: 'no file' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/export', path: '/api/v1/states/SEN/matrix/export?format=xlsx', expect: all(404), note: 'no version yet' },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/export', path: '/api/v1/states/MLI/matrix/export?format=json', check: async (res, w) => assert.deepEqual(((await res.json()) as { matrices: { state: string; status: string }[] }).matrices.filter((x) => x.status !== 'published' && !committeeSide.includes(w) && !(w === 'poc' && x.state === 'MLI')), [], `${w}: a version it may not see`), expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3/matrix/export', path: '/api/v1/states/MLI/matrix/export?format=rtf', expect: all(422) },
  { method: 'GET', route: '/api/v1/matrix/export', path: '/api/v1/matrix/export?format=json', check: async (res, w) => assert.deepEqual(((await res.json()) as { matrices: { state: string; status: string }[] }).matrices.filter((x) => x.status !== 'published' && !committeeSide.includes(w) && !(w === 'poc' && x.state === 'MLI')), [], `${w}: a version it may not see`), expect: all(200) },
  { method: 'POST', route: '/api/v1/matrix/import', path: '/api/v1/matrix/import', json: () => ({}), expect: s(403, 403, 403, 422, 403, 403, 422), note: 'not a multipart file' },

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

  // Points of contact (confidential details), visits and courses
  { method: 'GET', route: '/{lang}/states/:iso3/contacts', path: '/en/states/MLI/contacts', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/contacts', path: '/en/states/XXX/contacts', expect: all(404) },
  { method: 'GET', route: '/{lang}/states/:iso3/contacts.csv', path: '/en/states/MLI/contacts.csv', check: async (res) => { assert.match(res.headers.get('content-type') ?? '', /^text\/csv/); }, expect: all(200) },
  { method: 'GET', route: '/{lang}/contacts', path: '/en/contacts', expect: all(200) },
  { method: 'GET', route: '/{lang}/contacts/reminders', path: '/en/contacts/reminders', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/visits', path: '/en/visits', expect: all(200) },
  { method: 'GET', route: '/{lang}/visits', path: '/en/visits?year=12', expect: all(400), note: 'not a year' },
  { method: 'GET', route: '/{lang}/courses', path: '/en/courses', expect: all(200) },
  { method: 'POST', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', json: () => ({ location: 'capital', name: 'Policy Walk Contact', email: 'policy.walk@example.org', designatedOn: '2999-01-01' }), expect: s(403, 403, 403, 403, 403, 422, 422), note: 'a future date' },
  { method: 'POST', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', json: () => ({ location: 'capital', name: 'Policy Walk Contact', email: 'policy.walk@example.org', designatedOn: '2018-01-01' }), expect: s(403, 403, 403, 403, 403, 201, 201) },
  { method: 'GET', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/MLI/contacts', check: async (res, w) => { assert.equal((await res.text()).includes('policy.walk@example.org'), ['poc', ...committeeSide].includes(w), w); }, expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/contacts', path: '/en/states/MLI/contacts', check: async (res, w) => { assert.equal((await res.text()).includes('policy.walk@example.org'), ['poc', ...committeeSide].includes(w), w); }, expect: all(200), note: 'details only for MLI and the Committee side' },
  { method: 'GET', route: '/api/v1/states/:iso3/contacts', path: '/api/v1/states/XXX/contacts', expect: all(404) },
  { method: 'GET', route: '/api/v1/contacts/per-year', path: '/api/v1/contacts/per-year?from=2017&to=2018', expect: all(200) },
  { method: 'GET', route: '/api/v1/visits', path: '/api/v1/visits?year=2018', expect: all(200) },
  { method: 'GET', route: '/api/v1/visits/per-year', path: '/api/v1/visits/per-year', expect: all(200) },
  { method: 'GET', route: '/api/v1/courses', path: '/api/v1/courses', expect: all(200) },
  // National reports and action plans (reports/routes.tsx, reports/api.ts): public lists as confidentiality allows; the experts, the secretariat and admins record
  { method: 'GET', route: '/{lang}/reports', path: '/en/reports?from=2018-01-01&to=2018-12-31&kind=first-report', expect: all(200) },
  { method: 'GET', route: '/{lang}/reports', path: '/en/reports?format=csv', check: async (res) => assert.match(res.headers.get('content-type') ?? '', /^text\/csv/), expect: all(200) },
  { method: 'GET', route: '/{lang}/reports', path: '/en/reports?from=2018-13-01', expect: all(422), note: 'not a date' },
  { method: 'GET', route: '/{lang}/reports/status', path: '/ar/reports/status?asOf=2018-12-31', expect: all(200) },
  { method: 'GET', route: '/{lang}/reports/status', path: '/en/reports/status?asOf=2018-12-31&format=csv', expect: all(200) },
  { method: 'GET', route: '/{lang}/action-plans', path: '/zh/action-plans', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/reports', path: '/en/states/MLI/reports', expect: all(200) },
  { method: 'GET', route: '/{lang}/states/:iso3/reports', path: '/en/states/XXX/reports', expect: all(404) },
  { method: 'GET', route: '/api/v1/states/:iso3/reports', path: '/api/v1/states/MLI/reports', expect: all(200) },
  { method: 'GET', route: '/api/v1/states/:iso3/reports', path: '/api/v1/states/XXX/reports', expect: all(404) },
  { method: 'GET', route: '/api/v1/reports', path: '/api/v1/reports?from=2018-01-01&to=2018-12-31', expect: all(200) },
  { method: 'GET', route: '/api/v1/reports', path: '/api/v1/reports?to=tomorrow', expect: all(422), note: 'not a date' },
  { method: 'GET', route: '/api/v1/reporting-status', path: '/api/v1/reporting-status?asOf=2018-12-31', expect: all(200) },
  { method: 'GET', route: '/api/v1/action-plans', path: '/api/v1/action-plans', expect: all(200) },
  { method: 'POST', route: '/api/v1/reports', path: '/api/v1/reports', json: () => ({ state: 'ARG', kind: 'additional-information', receivedOn: '2018-04-10' }), expect: s(403, 403, 403, 201, 403, 201, 201) },
  { method: 'POST', route: '/api/v1/reports', path: '/api/v1/reports', json: () => ({ state: 'ARG', kind: 'additional-information', receivedOn: '2999-04-10' }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'a date in the future' },
  { method: 'POST', route: '/api/v1/action-plans', path: '/api/v1/action-plans', json: (_c, w) => ({ state: 'NPL', number: w === 'admin' ? 3 : w === 'secretariat' ? 2 : 1, status: 'drafting' }), expect: s(403, 403, 403, 201, 403, 201, 201) },
  { method: 'POST', route: '/api/v1/action-plans', path: '/api/v1/action-plans', json: () => ({ state: 'NPL', number: 1, status: 'drafting' }), expect: s(403, 403, 403, 422, 403, 422, 422), note: 'a plan numbered twice' },

  // Points of contact: the forms (contacts/form-routes.tsx) and API writes (contacts/api.ts), on MLI's
  // "Policy Walk Contact" recorded above; the figures per year as CSV. Visits and courses: forms,
  // detail pages, API writes (engagement/form-routes.tsx, engagement/api-write.ts), on records the rows
  // create. A contact the caller may not see is not found (404); one it may see but not change, 403.
  ...((): Row[] => {
    const ids = { contact: '', visit: '', hiddenVisit: '', course: '' };
    const contactVersion = async () =>
      String((await t.database.db.selectFrom('point_of_contact').select('row_version').where('id', '=', ids.contact).executeTakeFirstOrThrow()).row_version);
    const visitVersion = async () => String((await t.database.db.selectFrom('visit').select('row_version').where('id', '=', ids.visit).executeTakeFirstOrThrow()).row_version);
    const keep = (key: 'visit' | 'hiddenVisit' | 'course') => async (res: Response, w: Who) => {
      const id = ((await res.json()) as { id: string }).id;
      if (w === 'expert') ids[key] = id;
    };
    const csv = async (res: Response) => assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
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
      { method: 'POST', route: '/{lang}/states/:iso3/contacts/:id/confirm', path: () => `/en/states/MLI/contacts/${ids.contact}/confirm`, body: async () => ({ version: await contactVersion() }), expect: s(401, 303, 403, 403, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/states/:iso3/contacts/:id/end', path: () => `/en/states/MLI/contacts/${ids.contact}/end`, expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/states/:iso3/contacts/:id/end', path: () => `/en/states/MLI/contacts/${ids.contact}/end`, body: async () => ({ endedOn: '2999-01-01', version: await contactVersion() }), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'a future date' },
      { method: 'PATCH', route: '/api/v1/contacts/:id', path: () => `/api/v1/contacts/${ids.contact}`, json: () => ({ rowVersion: 99999, title: 'Stale' }), expect: s(403, 409, 404, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'PATCH', route: '/api/v1/contacts/:id', path: () => `/api/v1/contacts/${ids.contact}`, json: () => ({ rowVersion: 'one' }), expect: s(403, 422, 404, 403, 403, 422, 422) },
      { method: 'POST', route: '/api/v1/contacts/:id/confirm', path: () => `/api/v1/contacts/${ids.contact}/confirm`, json: () => ({ rowVersion: 99999 }), expect: s(403, 409, 404, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/api/v1/contacts/:id/end', path: () => `/api/v1/contacts/${ids.contact}/end`, json: () => ({ rowVersion: 99999, endedOn: '2018-01-01' }), expect: s(403, 403, 404, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/api/v1/contacts/:id/end', path: `/api/v1/contacts/${uuid0}/end`, json: () => ({ rowVersion: 1, endedOn: '2018-01-01' }), expect: s(403, 404, 404, 404, 404, 404, 404), note: 'no such contact' },

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
      { method: 'POST', route: '/{lang}/visits/:id/archive', path: () => `/en/visits/${ids.visit}/archive`, body: () => ({ version: '99999' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/visits/:id/archive', path: () => `/en/visits/${ids.visit}/archive`, body: async () => ({ version: await visitVersion() }), expect: s(401, 403, 403, 303, 403, 409, 409), note: 'archived by the expert, then archived already' },

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
      { method: 'POST', route: '/{lang}/courses/:id/archive', path: () => `/en/courses/${ids.course}/archive`, body: () => ({ version: '99999' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
    ];
  })(),

  // One report or plan (reports/report-routes.tsx, plan-routes.tsx, api-records.ts): PER's first report and first plan by the expert, and MLI's restricted reports; read as confidentiality allows (a hidden one is not found), changed by the experts, the secretariat and admins with the row version
  { method: 'POST', route: '/api/v1/reports', path: '/api/v1/reports', json: () => ({ state: 'PER', kind: 'first-report', receivedOn: '2018-02-02' }), check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { reportId: ((await res.json()) as { id: string }).id }); }, expect: s(403, 403, 403, 201, 403, 422, 422), note: 'then a second first report' },
  { method: 'POST', route: '/api/v1/reports', path: '/api/v1/reports', json: () => ({ state: 'MLI', kind: 'additional-information', receivedOn: '2018-03-03', confidentiality: 'committee-and-state' }), check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { mliReportId: ((await res.json()) as { id: string }).id }); }, expect: s(403, 403, 403, 201, 403, 201, 201), note: 'committee-and-state' },
  { method: 'POST', route: '/api/v1/reports', path: '/api/v1/reports', json: () => ({ state: 'MLI', kind: 'additional-information', receivedOn: '2018-04-04', confidentiality: 'committee' }), check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { secretReportId: ((await res.json()) as { id: string }).id }); }, expect: s(403, 403, 403, 201, 403, 201, 201), note: 'committee only' },
  { method: 'POST', route: '/api/v1/action-plans', path: '/api/v1/action-plans', json: () => ({ state: 'PER', number: 1, status: 'drafting' }), check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { planId: ((await res.json()) as { id: string }).id }); }, expect: s(403, 403, 403, 201, 403, 422, 422), note: 'then numbered twice' },
  { method: 'GET', route: '/{lang}/states/:iso3/reports/new', path: '/en/states/PER/reports/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'GET', route: '/{lang}/states/:iso3/reports/new', path: '/en/states/XXX/reports/new', expect: all(404) },
  { method: 'POST', route: '/{lang}/states/:iso3/reports/new', path: '/en/states/PER/reports/new', body: () => ({ kind: 'additional-information', receivedOn: '2999-01-01' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'a date in the future' },
  { method: 'POST', route: '/{lang}/states/:iso3/reports/new', path: '/en/states/PER/reports/new', body: () => ({ kind: 'additional-information', receivedOn: '2018-03-01', confidentiality: 'public' }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'GET', route: '/{lang}/reports/:id', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).reportId}`, expect: all(200) },
  { method: 'GET', route: '/{lang}/reports/:id', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).mliReportId}`, expect: s(404, 200, 404, 200, 200, 200, 200), note: 'committee-and-state: MLI’s point of contact too' },
  { method: 'GET', route: '/{lang}/reports/:id', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).secretReportId}`, expect: s(404, 404, 404, 200, 200, 200, 200), note: 'committee only' },
  { method: 'GET', route: '/{lang}/reports/:id', path: `/en/reports/${uuid0}`, expect: all(404) },
  { method: 'GET', route: '/{lang}/reports/:id/edit', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).reportId}/edit`, expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'GET', route: '/{lang}/reports/:id/edit', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).mliReportId}/edit`, expect: s(404, 403, 404, 200, 403, 200, 200), note: 'seen by MLI’s point of contact, not changed' },
  { method: 'POST', route: '/{lang}/reports/:id/edit', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).reportId}/edit`, body: () => ({ version: '99', kind: 'first-report', receivedOn: '2018-02-02' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
  { method: 'POST', route: '/{lang}/reports/:id/edit', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).reportId}/edit`, body: async (c) => ({ version: String((await t.database.db.selectFrom('national_report').select('row_version').where('id', '=', (c as unknown as Record<string, string>).reportId!).executeTakeFirstOrThrow()).row_version), kind: 'first-report', receivedOn: '2999-01-01' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'a date in the future' },
  { method: 'POST', route: '/{lang}/reports/:id/archive', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).reportId}/archive`, body: async (c) => ({ version: String((await t.database.db.selectFrom('national_report').select('row_version').where('id', '=', (c as unknown as Record<string, string>).reportId!).executeTakeFirstOrThrow()).row_version) }), expect: s(401, 403, 403, 303, 403, 303, 303), note: 'archived by the expert, then nothing to do' },
  { method: 'POST', route: '/{lang}/reports/:id/restore', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).reportId}/restore`, body: async (c) => ({ version: String((await t.database.db.selectFrom('national_report').select('row_version').where('id', '=', (c as unknown as Record<string, string>).reportId!).executeTakeFirstOrThrow()).row_version) }), expect: s(401, 403, 403, 303, 403, 303, 303), note: 'restored by the expert' },
  { method: 'POST', route: '/{lang}/reports/:id/archive', path: (c) => `/en/reports/${(c as unknown as Record<string, string>).secretReportId}/archive`, body: () => ({ version: '99' }), expect: s(404, 404, 404, 409, 403, 409, 409), note: 'committee only, a stale version' },
  { method: 'POST', route: '/{lang}/reports/:id/restore', path: `/en/reports/${uuid0}/restore`, body: () => ({ version: '1' }), expect: all(404) },
  { method: 'GET', route: '/{lang}/states/:iso3/action-plans/new', path: '/en/states/PER/action-plans/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/states/:iso3/action-plans/new', path: '/en/states/PER/action-plans/new', body: () => ({ number: '1', status: 'drafting' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'a plan numbered twice' },
  { method: 'POST', route: '/{lang}/states/:iso3/action-plans/new', path: '/en/states/XXX/action-plans/new', body: () => ({ number: '1', status: 'drafting' }), expect: all(404) },
  { method: 'GET', route: '/{lang}/action-plans/:id', path: (c) => `/en/action-plans/${(c as unknown as Record<string, string>).planId}`, expect: all(200) },
  { method: 'GET', route: '/{lang}/action-plans/:id', path: '/en/action-plans/not-an-id', expect: all(404) },
  { method: 'GET', route: '/{lang}/action-plans/:id/edit', path: (c) => `/en/action-plans/${(c as unknown as Record<string, string>).planId}/edit`, expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/action-plans/:id/edit', path: (c) => `/en/action-plans/${(c as unknown as Record<string, string>).planId}/edit`, body: () => ({ version: '99', number: '1', status: 'drafting' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
  { method: 'POST', route: '/{lang}/action-plans/:id/archive', path: (c) => `/en/action-plans/${(c as unknown as Record<string, string>).planId}/archive`, body: async (c) => ({ version: String((await t.database.db.selectFrom('action_plan').select('row_version').where('id', '=', (c as unknown as Record<string, string>).planId!).executeTakeFirstOrThrow()).row_version) }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/action-plans/:id/restore', path: (c) => `/en/action-plans/${(c as unknown as Record<string, string>).planId}/restore`, body: async (c) => ({ version: String((await t.database.db.selectFrom('action_plan').select('row_version').where('id', '=', (c as unknown as Record<string, string>).planId!).executeTakeFirstOrThrow()).row_version) }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'GET', route: '/api/v1/reports/:id', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).reportId}`, check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { reportVersion: ((await res.json()) as { rowVersion: number }).rowVersion }); }, expect: all(200) },
  { method: 'GET', route: '/api/v1/reports/:id', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).mliReportId}`, expect: s(404, 200, 404, 200, 200, 200, 200), note: 'committee-and-state' },
  { method: 'GET', route: '/api/v1/reports/:id', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).secretReportId}`, expect: s(404, 404, 404, 200, 200, 200, 200), note: 'committee only' },
  { method: 'GET', route: '/api/v1/reports/:id', path: `/api/v1/reports/${uuid0}`, expect: all(404) },
  { method: 'PATCH', route: '/api/v1/reports/:id', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).reportId}`, json: (c) => ({ rowVersion: (c as unknown as Record<string, number>).reportVersion, summary: 'Policy walk' }), expect: s(403, 403, 403, 200, 403, 409, 409), note: 'changed by the expert; the others’ version is then stale' },
  { method: 'PATCH', route: '/api/v1/reports/:id', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).reportId}`, json: () => ({ summary: 'No version' }), expect: s(403, 422, 422, 422, 422, 422, 422), note: 'no rowVersion' },
  { method: 'PATCH', route: '/api/v1/reports/:id', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).secretReportId}`, json: () => ({ rowVersion: 1, summary: 'x' }), expect: s(403, 404, 404, 200, 403, 409, 409), note: 'committee only' },
  { method: 'POST', route: '/api/v1/reports/:id/archive', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).reportId}/archive`, json: () => ({ rowVersion: 99 }), expect: s(403, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
  { method: 'POST', route: '/api/v1/reports/:id/restore', path: (c) => `/api/v1/reports/${(c as unknown as Record<string, string>).mliReportId}/restore`, json: () => ({ rowVersion: 99 }), expect: s(403, 403, 404, 409, 403, 409, 409), note: 'a stale version' },
  { method: 'GET', route: '/api/v1/action-plans/per-year', path: '/api/v1/action-plans/per-year?from=2007&to=2018', expect: all(200) },
  { method: 'GET', route: '/api/v1/action-plans/per-year', path: '/api/v1/action-plans/per-year?from=2019&to=2018', expect: all(422) },
  { method: 'GET', route: '/api/v1/action-plans/:id', path: (c) => `/api/v1/action-plans/${(c as unknown as Record<string, string>).planId}`, check: async (res, w) => { if (w === 'expert') Object.assign(ctx, { planVersion: ((await res.json()) as { rowVersion: number }).rowVersion }); }, expect: all(200) },
  { method: 'GET', route: '/api/v1/action-plans/:id', path: `/api/v1/action-plans/${uuid0}`, expect: all(404) },
  { method: 'PATCH', route: '/api/v1/action-plans/:id', path: (c) => `/api/v1/action-plans/${(c as unknown as Record<string, string>).planId}`, json: (c) => ({ rowVersion: (c as unknown as Record<string, number>).planVersion, status: 'drafting-with-experts' }), expect: s(403, 403, 403, 200, 403, 409, 409) },
  { method: 'POST', route: '/api/v1/action-plans/:id/archive', path: (c) => `/api/v1/action-plans/${(c as unknown as Record<string, string>).planId}/archive`, json: () => ({ rowVersion: 99 }), expect: s(403, 403, 403, 409, 403, 409, 409), note: 'a stale version' },
  { method: 'POST', route: '/api/v1/action-plans/:id/restore', path: `/api/v1/action-plans/${uuid0}/restore`, json: () => ({ rowVersion: 1 }), expect: s(403, 404, 404, 404, 404, 404, 404) },

  // Correspondence (correspondence/routes.tsx, correspondence/api.ts): letters read by confidentiality (MLI's point of contact reads those shared with MLI; hidden ones are 404 and not listed); experts, the secretariat and admins record them
  ...((): Row[] => {
    const letters: { shared?: string; committee?: string } = {};
    const keep = (key: 'shared' | 'committee') => async (res: Response) => {
      letters[key] = ((await res.json()) as { id: string }).id;
    };
    const at = (prefix: string, key: 'shared' | 'committee', suffix = '') => () => `${prefix}${letters[key] ?? uuid0}${suffix}`;
    const version = async () => {
      const row = await t.database.db.selectFrom('letter').select('row_version').where('id', '=', letters.shared ?? uuid0).executeTakeFirst();
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
      { method: 'POST', route: '/{lang}/letters/:id/edit', path: at('/en/letters/', 'shared', '/edit'), body: async () => ({ ...letterForm(''), version: await version() }), expect: s(404, 403, 404, 422, 403, 422, 422), note: 'no subject' },
      { method: 'POST', route: '/{lang}/letters/:id/archive', path: at('/en/letters/', 'shared', '/archive'), body: async () => ({ version: await version() }), expect: s(404, 403, 404, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/letters/:id/restore', path: at('/en/letters/', 'shared', '/restore'), body: async () => ({ version: await version() }), expect: s(404, 403, 404, 303, 403, 303, 303) },
      { method: 'GET', route: '/api/v1/letters', path: '/api/v1/letters?from=2018-01-01&to=2018-12-31', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/letters', path: '/api/v1/letters?from=someday', expect: all(422) },
      { method: 'GET', route: '/api/v1/letters/:id', path: at('/api/v1/letters/', 'shared'), expect: s(404, 200, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/letters/:id', path: at('/api/v1/letters/', 'committee'), expect: s(404, 404, 404, 200, 200, 200, 200) },
      { method: 'GET', route: '/api/v1/letters/:id', path: `/api/v1/letters/${uuid0}`, expect: all(404) },
      { method: 'GET', route: '/api/v1/states/:iso3/letters', path: '/api/v1/states/MLI/letters', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/states/:iso3/letters', path: '/api/v1/states/XXX/letters', expect: all(404) },
    ];
  })(),

  // Search: everyone may search; what each finds is the policy's (test/integration/search.test.ts)
  { method: 'GET', route: '/{lang}/search', path: '/zh/search?q=%E9%A9%AC%E9%87%8C&kind=member-state', expect: all(200) },
  { method: 'GET', route: '/{lang}/search', path: '/en/search?q=mali&year=soon', expect: all(422) },
  { method: 'GET', route: '/api/v1/search', path: '/api/v1/search?q=mali&lang=fr&page=1&pageSize=5', expect: all(200) },
  { method: 'GET', route: '/api/v1/search', path: '/api/v1/search?q=mali&pageSize=1000', expect: all(422) },
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
    const requestVersion = async () => String((await t.database.db.selectFrom('assistance_request').select('row_version').where('id', '=', ids.request ?? uuid0).executeTakeFirst())?.row_version ?? 0);
    const offerVersion = async () => String((await t.database.db.selectFrom('assistance_offer').select('row_version').where('id', '=', ids.offer ?? uuid0).executeTakeFirst())?.row_version ?? 0);
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
      { method: 'POST', route: '/{lang}/assistance/requests/:id/steps', path: req('/steps'), body: async () => ({ action: 'authenticate', on: receivedOn, version: await requestVersion() }), expect: s(404, 403, 404, 303, 403, 422, 422), note: 'authenticated by the expert, then no longer allowed' },
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
      { method: 'POST', route: '/{lang}/assistance/offers/:id/archive', path: offer('/archive'), body: async () => ({ version: await offerVersion() }), expect: s(401, 403, 303, 422, 403, 422, 422), note: 'archived by its provider, then already archived' },
      { method: 'POST', route: '/{lang}/assistance/offers/:id/restore', path: offer('/restore'), body: async () => ({ version: await offerVersion() }), expect: s(401, 403, 303, 422, 403, 422, 422), note: 'restored by its provider' },
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

  // The API with the session cookie: the same policy
  { method: 'GET', route: '/api/v1/me', path: '/api/v1/me', viaSession: true, expect: s(401, 200, 200, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/v1/audit', path: '/api/v1/audit', viaSession: true, expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'GET', route: '/api/v1/states/:iso3', path: '/api/v1/states/MLI', viaSession: true, restrict: [{ table: 'member_state', key: 'MLI', confidentiality: 'committee-and-state' }], expect: s(401, 200, 403, 200, 200, 200, 200) },
];

const clients = {} as Record<Who, Client>;
const tokens = {} as Record<Account, string>;
const ctx = { userId: {}, spareTokenId: {} } as Ctx;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const w of who) {
    const client = new Client(t);
    if (w === 'public') await client.get('/en/login');
    else {
      await client.login(emails[w]);
      const user = await db.selectFrom('app_user').select('id').where('email', '=', emails[w]).executeTakeFirstOrThrow();
      ctx.userId[w] = user.id;
      tokens[w] = (await createApiToken(db, systemActor, user.id, 'access-policy')).token;
      ctx.spareTokenId[w] = (await createApiToken(db, systemActor, user.id, 'spare')).id;
    }
    clients[w] = client;
  }
  const victim = await addUser(db, systemActor, {
    email: 'victim@example.org',
    displayName: 'Victim',
    role: 'expert',
    password: 'a-long-enough-password',
  });
  ctx.victimId = victim.id;
  ctx.victimTokenId = (await createApiToken(db, systemActor, victim.id, 'victim')).id;
});
after(() => t.close());

const isApi = (path: string) => path.startsWith('/api/');

async function request(row: Row, w: Who): Promise<Response> {
  const path = typeof row.path === 'function' ? row.path(ctx, w) : row.path;
  if (isApi(path) && !row.viaSession) {
    const headers: Record<string, string> = w === 'public' ? {} : { authorization: `Bearer ${tokens[w]}` };
    const body = row.json ? JSON.stringify(row.json(ctx, w)) : undefined;
    if (body) headers['content-type'] = 'application/json';
    return t.request(path, { method: row.method, headers, body, redirect: 'manual' });
  }
  let client = clients[w];
  if (row.fresh) {
    client = new Client(t);
    if (w === 'public') await client.get('/en/login');
    else await client.login(emails[w]);
  }
  if (row.method === 'GET') return client.get(path);
  return client.post(path, row.body ? await row.body(ctx, w) : {});
}

async function setConfidentiality(table: 'member_state' | 'organization', key: string, confidentiality: Confidentiality) {
  const db = t.database.db;
  if (table === 'member_state') await db.updateTable('member_state').set({ confidentiality }).where('iso3', '=', key).execute();
  else await db.updateTable('organization').set({ confidentiality }).where('code', '=', key).execute();
}

function describeRow(row: Row): string {
  const path = typeof row.path === 'function' ? row.route : row.path;
  const restricted = row.restrict?.map((r) => `${r.key} ${r.confidentiality}`).join(', ');
  return [
    `${row.method} ${path}`,
    row.viaSession ? '(session cookie)' : '',
    restricted ? `[${restricted}]` : '',
    row.note ? `— ${row.note}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

describe('every route × every role', () => {
  for (const row of rows) {
    test(describeRow(row), async () => {
      for (const r of row.restrict ?? []) await setConfidentiality(r.table, r.key, r.confidentiality);
      try {
        const actual = {} as Expect;
        const problems: string[] = [];
        for (const w of who) {
          const res = await request(row, w);
          actual[w] = res.status;
          const path = typeof row.path === 'function' ? row.path(ctx, w) : row.path;
          const type = res.headers.get('content-type') ?? '';
          if (res.status >= 400 && isApi(path) && !/^application\/problem\+json/.test(type))
            problems.push(`${w}: an API error must be problem+json, got ${type}`);
          if (res.status >= 400 && !isApi(path) && !/^text\/html/.test(type))
            problems.push(`${w}: a page error must be an HTML page, got ${type}`);
          if (row.check && res.status === row.expect[w]) {
            try {
              await row.check(res, w);
            } catch (err) {
              problems.push((err as Error).message);
            }
          } else await res.body?.cancel();
        }
        assert.deepEqual(actual, row.expect);
        assert.deepEqual(problems, []);
      } finally {
        for (const r of row.restrict ?? []) await setConfidentiality(r.table, r.key, 'public');
      }
    });
  }
});

/** `/fr/states/:iso3` and `/en/states/:code` both become `/{lang}/states/:param`. */
function normalise(path: string): string {
  const langs = locales.join('|');
  return path.replace(new RegExp(`^/(${langs})(?=/|$)`), '/{lang}').replace(/:[^/]+/g, ':param');
}

describe('the table covers every route', () => {
  test('every route the application registers has a row, and every row a route', () => {
    const server = createApp(t.app);
    const registered = new Set(server.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${normalise(r.path)}`));
    const inTable = new Set(rows.map((r) => `${r.method} ${normalise(r.route)}`));
    const missingRows = [...registered].filter((r) => !inTable.has(r)).sort();
    const unknownRoutes = [...inTable].filter((r) => !registered.has(r)).sort();
    assert.deepEqual(missingRows, [], 'routes without a row in the access-policy table');
    assert.deepEqual(unknownRoutes, [], 'rows whose route the application does not register');
  });

  test('every page route exists in each of the six languages', () => {
    const server = createApp(t.app);
    const byLocale = (locale: string) =>
      server.routes
        .filter((r) => r.method !== 'ALL' && (r.path === `/${locale}` || r.path.startsWith(`/${locale}/`)))
        .map((r) => `${r.method} ${normalise(r.path)}`)
        .sort();
    const english = [...new Set(byLocale('en'))];
    for (const locale of locales) assert.deepEqual([...new Set(byLocale(locale))], english, locale);
  });

  test('each row’s path is an instance of its route', () => {
    for (const row of rows) {
      const pattern = new RegExp(
        `^${row.route
          .replace(/[.]/g, '\\.')
          .replace('{lang}', `(${locales.join('|')})`)
          .replace(/:[^/]+/g, '[^/]+')}/?$`, // routing is not strict: a trailing slash is the same route
      );
      for (const w of who) {
        const path = (typeof row.path === 'function' ? row.path(ctx, w) : row.path).split('?')[0]!;
        assert.match(path, pattern, `${row.method} ${row.route}`);
      }
    }
  });
});
