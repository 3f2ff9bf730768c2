import { all, type Row, s, uuid0 } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of accounts: logging in and out, the account and its API tokens, the accounts (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Logging in and out
  { method: 'GET', route: '/{lang}/login', path: '/en/login', expect: all(200) },
  { method: 'POST', route: '/{lang}/login', path: '/en/login', body: (_, w) => ({ email: `nobody.${w}@example.org`, password: 'not-the-password' }), expect: all(401) },
  { method: 'POST', route: '/{lang}/logout', path: '/en/logout', fresh: true, expect: all(303) },

  // The account and its API tokens
  { method: 'GET', route: '/{lang}/account', path: '/en/account', expect: s(401, 200, 200, 200, 200, 200, 200) },
  { method: 'POST', route: '/{lang}/account/tokens', path: '/en/account/tokens', body: () => ({ name: '' }), expect: s(401, 422, 422, 422, 422, 422, 422) },
  { method: 'POST', route: '/{lang}/account/tokens/:id/revoke', path: (c, w) => `/en/account/tokens/${w === 'public' ? c.victimTokenId : c.spareTokenId[w]}/revoke`, body: () => ({ confirm: 'yes' }), expect: s(401, 303, 303, 303, 303, 303, 303), note: 'one’s own token' },
  { method: 'POST', route: '/{lang}/account/tokens/:id/revoke', path: (c) => `/en/account/tokens/${c.victimTokenId}/revoke`, expect: s(401, 404, 404, 404, 404, 404, 404), note: 'another account’s token' },
  { method: 'POST', route: '/{lang}/account/tokens/:id/revoke', path: `/en/account/tokens/${uuid0}/revoke`, expect: s(401, 404, 404, 404, 404, 404, 404), note: 'no such token' },

  // Accounts (manage-accounts: secretariat, admin)
  { method: 'GET', route: '/{lang}/admin/users', path: '/en/admin/users', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/admin/users', path: '/en/admin/users', body: () => ({ email: '', displayName: '', role: '', password: '', stateIso3: '', organizationCode: '' }), expect: s(401, 403, 403, 403, 403, 422, 422) },
  { method: 'POST', route: '/{lang}/admin/users', path: '/en/admin/users', body: () => ({ email: '', displayName: '', role: 'admin', password: '', stateIso3: '', organizationCode: '' }), expect: s(401, 403, 403, 403, 403, 403, 422), note: 'an administrator: only an administrator makes one' },
  { method: 'GET', route: '/{lang}/admin/users/:id/history', path: (c) => `/en/admin/users/${c.victimId}/history`, expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'GET', route: '/{lang}/admin/users/:id/history', path: `/en/admin/users/${uuid0}/history`, expect: s(401, 403, 403, 403, 403, 404, 404), note: 'no such account' },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: (c) => `/en/admin/users/${c.victimId}/disable`, expect: s(401, 403, 403, 403, 403, 200, 200), note: 'not confirmed: the confirmation page' },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: (c) => `/en/admin/users/${c.victimId}/disable`, body: () => ({ confirm: 'yes' }), expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/admin/users/:id/enable', path: (c) => `/en/admin/users/${c.victimId}/enable`, expect: s(401, 403, 403, 403, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: (c, w) => `/en/admin/users/${w === 'public' ? c.victimId : c.userId[w]}/disable`, expect: s(401, 403, 403, 403, 403, 409, 409), note: 'one’s own account' },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: `/en/admin/users/${uuid0}/disable`, expect: s(401, 403, 403, 403, 403, 404, 404), note: 'no such account' },
  { method: 'POST', route: '/{lang}/admin/users/:id/disable', path: (c) => `/en/admin/users/${c.userId.admin}/disable`, body: () => ({ confirm: 'yes' }), expect: s(401, 403, 403, 403, 403, 403, 409), note: 'an administrator’s account (the administrator’s own)' },
  { method: 'POST', route: '/{lang}/admin/users/:id/enable', path: (c) => `/en/admin/users/${c.userId.admin}/enable`, expect: s(401, 403, 403, 403, 403, 403, 303), note: 'an administrator’s account (already enabled: nothing changes)' },

  // The API, with a bearer token
  { method: 'GET', route: '/api/v1/me', path: '/api/v1/me', expect: s(401, 200, 200, 200, 200, 200, 200) },

  // The API with the session cookie: the same policy
  { method: 'GET', route: '/api/v1/me', path: '/api/v1/me', viaSession: true, expect: s(401, 200, 200, 200, 200, 200, 200) },
];
