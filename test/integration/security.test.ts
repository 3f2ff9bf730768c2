import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { createSession } from '../../src/features/accounts/sessions.ts';
import { sha256 } from '../../src/features/accounts/tokens.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

const admin = 'admin@demo.r1540.org';
const password = 'demo-password-1540';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function userId(app: TestApp, email: string): Promise<string> {
  const row = await app.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

async function isArchived(app: TestApp, iso3: string): Promise<boolean> {
  const row = await app.database.db.selectFrom('member_state').select('archived_at').where('iso3', '=', iso3).executeTakeFirstOrThrow();
  return row.archived_at !== null;
}

async function assertProblem(res: Response, status: number, code?: string) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await res.json()) as { status: number; type: string; title: string };
  assert.equal(body.status, status);
  if (code) assert.equal(body.type, `urn:r1540:problem:${code}`);
}

async function assertPage(res: Response, status: number, lang = 'en') {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await res.text(), new RegExp(`<html lang="${lang}"`));
}

/** The message of the login form, if it shows one. */
function loginError(html: string): string | undefined {
  return /<div class="form-errors" role="alert"><p>([^<]*)<\/p>/.exec(html)?.[1];
}

function rawPost(path: string, body: string, headers: Record<string, string>, client: Client) {
  return client.fetch(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

describe('CSRF', () => {
  test('a form posted without the _csrf field is refused with 403 and changes nothing', async () => {
    const client = new Client(t);
    await client.login(admin);
    const res = await client.post('/en/states/MLI/archive', {}, { csrf: false });
    await assertPage(res, 403);
    assert.equal(await isArchived(t, 'MLI'), false);
  });

  test('a login form without the _csrf field is refused', async () => {
    const client = new Client(t);
    const res = await client.post('/en/login', { email: admin, password }, { csrf: false });
    await assertPage(res, 403);
    assert.equal(client.cookies.has('r1540_session'), false);
  });

  test('a wrong _csrf value is refused; the X-CSRF-Token header is accepted', async () => {
    const client = new Client(t);
    await client.login(admin);
    const wrong = await rawPost('/en/states/MLI/archive', `_csrf=${'x'.repeat(43)}`, {}, client);
    assert.equal(wrong.status, 403);
    assert.equal(await isArchived(t, 'MLI'), false);
    const viaHeader = await rawPost('/en/states/MLI/archive', 'confirm=yes', { 'x-csrf-token': client.cookies.get('r1540_csrf')! }, client);
    assert.equal(viaHeader.status, 303);
    assert.equal(await isArchived(t, 'MLI'), true);
    const restored = await client.post('/en/states/MLI/restore', {});
    assert.equal(restored.status, 303);
    assert.equal(await isArchived(t, 'MLI'), false);
  });

  test('a POST to the API with the session cookie but no X-CSRF-Token header is a 403 problem', async () => {
    // The API has no POST route yet: the CSRF check runs before routing, so it still answers.
    const client = new Client(t);
    await client.login(admin);
    const res = await client.fetch('/api/v1/states', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await assertProblem(res, 403, 'csrf');
    const withHeader = await client.fetch('/api/v1/states', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.cookies.get('r1540_csrf')! },
    });
    assert.notEqual(withHeader.status, 403);
  });

  test('a foreign Origin is refused with 403 even with the right token; the site’s own Origin is accepted', async () => {
    const client = new Client(t);
    await client.login(admin);
    const token = client.cookies.get('r1540_csrf')!;
    const foreign = await rawPost('/en/states/MLI/archive', `_csrf=${token}`, { origin: 'https://evil.example' }, client);
    await assertPage(foreign, 403);
    assert.equal(await isArchived(t, 'MLI'), false);
    const lookalike = await rawPost('/en/states/MLI/archive', `_csrf=${token}`, { origin: 'http://localhost.evil.example' }, client);
    assert.equal(lookalike.status, 403);
    const own = await rawPost('/en/states/MLI/archive', `_csrf=${token}&confirm=yes`, { origin: 'http://localhost' }, client);
    assert.equal(own.status, 303);
    assert.equal((await client.post('/en/states/MLI/restore', {})).status, 303);
    assert.equal(await isArchived(t, 'MLI'), false);
  });

  test('a foreign Origin is refused on the login form too', async () => {
    const client = new Client(t);
    await client.get('/en/login');
    const res = await rawPost(
      '/en/login',
      new URLSearchParams({ _csrf: client.cookies.get('r1540_csrf')!, email: admin, password }).toString(),
      { origin: 'https://evil.example' },
      client,
    );
    assert.equal(res.status, 403);
    assert.equal(client.cookies.has('r1540_session'), false);
  });
});

describe('body size', () => {
  let small: TestApp;
  before(async () => {
    small = await testApp({ maxBodyBytes: 1000 });
  });
  after(() => small.close());

  test('an oversized form is a 413 page', async () => {
    const client = new Client(small);
    const res = await client.post('/fr/login', { email: 'x'.repeat(2000), password: 'y' });
    await assertPage(res, 413, 'fr');
  });

  test('an oversized API request is a 413 problem, with or without Content-Length', async () => {
    const body = JSON.stringify({ filler: 'x'.repeat(2000) });
    await assertProblem(
      await small.request('/api/v1/states', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
      413,
      'payload-too-large',
    );
    const streamed = await small.request('/api/v1/states', {
      method: 'POST',
      body: new Blob([body]).stream(),
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await assertProblem(streamed, 413, 'payload-too-large');
  });

  test('a form under the limit goes through', async () => {
    const client = new Client(small);
    const res = await client.post('/en/login', { email: admin, password });
    assert.equal(res.status, 303);
  });
});

describe('logging in', () => {
  test('an unknown e-mail and a wrong password get the same status and the same message', async () => {
    const unknown = await new Client(t).post('/en/login', { email: 'nobody@demo.r1540.org', password });
    const wrong = await new Client(t).post('/en/login', { email: admin, password: 'not-the-password' });
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, unknown.status);
    const a = loginError(await unknown.text());
    const b = loginError(await wrong.text());
    assert.ok(a, 'the form shows why the login failed');
    assert.equal(a, b);
  });

  test('the session cookie is HttpOnly, SameSite=Lax, for the whole site; the CSRF cookie is HttpOnly', async () => {
    const client = new Client(t);
    const res = await client.login(admin);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('r1540_session='));
    assert.ok(session, 'a session cookie is set');
    assert.match(session, /;\s*HttpOnly/i);
    assert.match(session, /;\s*SameSite=Lax/i);
    assert.match(session, /;\s*Path=\//i);
    assert.doesNotMatch(session, /;\s*Domain=/i);
    const first = (await new Client(t).get('/en/login')).headers.getSetCookie().find((c) => c.startsWith('r1540_csrf='));
    assert.ok(first, 'a CSRF cookie is set on the first visit');
    assert.match(first, /;\s*HttpOnly/i);
    assert.match(first, /;\s*SameSite=Lax/i);
  });

  test('with secureCookies, the cookies carry Secure', async () => {
    const secure = await testApp({ secureCookies: true });
    try {
      const res = await new Client(secure).login(admin);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('r1540_session='));
      assert.match(session ?? '', /;\s*Secure/i);
    } finally {
      await secure.close();
    }
  });

  test('logging out ends the session on the server: the old cookie no longer works', async () => {
    const client = new Client(t);
    await client.login(admin);
    const cookie = client.cookies.get('r1540_session')!;
    assert.equal((await client.get('/en/account')).status, 200);
    assert.equal((await client.post('/en/logout', {})).status, 303);
    assert.equal(client.cookies.has('r1540_session'), false);
    const replay = await t.request('/en/account', { headers: { cookie: `r1540_session=${cookie}` } });
    assert.equal(replay.status, 401);
  });

  test('an expired session cookie is refused (and the session deleted)', async () => {
    const id = await userId(t, admin);
    const token = await createSession(t.database.db, id, 14);
    const ok = await t.request('/en/account', { headers: { cookie: `r1540_session=${token}` } });
    assert.equal(ok.status, 200);
    await t.database.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', sha256(token))
      .execute();
    const page = await t.request('/en/account', { headers: { cookie: `r1540_session=${token}` } });
    await assertPage(page, 401);
    const api = await t.request('/api/v1/me', { headers: { cookie: `r1540_session=${token}` } });
    await assertProblem(api, 401, 'unauthenticated');
    const left = await t.database.db.selectFrom('session').select('id').where('id', '=', sha256(token)).executeTakeFirst();
    assert.equal(left, undefined);
  });

  test('a made-up session cookie is the public', async () => {
    const res = await t.request('/en/account', { headers: { cookie: `r1540_session=${'a'.repeat(43)}` } });
    assert.equal(res.status, 401);
  });
});

describe('login throttling', () => {
  let throttled: TestApp;
  before(async () => {
    throttled = await testApp({ loginMaxFailures: 3 });
  });
  after(() => throttled.close());

  test('after loginMaxFailures wrong passwords, even the right one is refused with 429 and Retry-After', async () => {
    const email = 'poc.mli@demo.r1540.org';
    for (let i = 0; i < 3; i++) {
      const res = await new Client(throttled).post('/en/login', { email, password: `wrong-${i}` });
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const client = new Client(throttled);
    const res = await client.post('/en/login', { email, password });
    assert.equal(res.status, 429);
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${res.headers.get('retry-after')}`);
    assert.match(await res.text(), /<html lang="en"/);
    assert.equal(client.cookies.has('r1540_session'), false);
    // The same e-mail typed differently is the same account.
    const shouted = await new Client(throttled).post('/en/login', { email: ` ${email.toUpperCase()} `, password });
    assert.equal(shouted.status, 429);
    // Other accounts are not locked out.
    assert.equal((await new Client(throttled).post('/en/login', { email: 'expert@demo.r1540.org', password })).status, 303);
  });

  test('an unknown e-mail is throttled the same way', async () => {
    const email = 'nobody@demo.r1540.org';
    for (let i = 0; i < 3; i++) {
      const res = await new Client(throttled).post('/en/login', { email, password: `wrong-${i}` });
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const res = await new Client(throttled).post('/en/login', { email, password });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
  });

  test('once the window has passed, the account can log in again', async () => {
    // `at` is set by the database only; move the failures back in time behind the types' back.
    const past = new Date(Date.now() - (throttled.app.config.loginWindowMinutes + 1) * 60_000);
    await sql`update login_failure set at = ${past}`.execute(throttled.database.db);
    const res = await new Client(throttled).post('/en/login', { email: 'poc.mli@demo.r1540.org', password });
    assert.equal(res.status, 303);
  });
});

describe('accounts and API tokens', () => {
  test('a disabled account cannot log in, its session ends and its API token is revoked for good', async () => {
    const email = 'provider@demo.r1540.org';
    const id = await userId(t, email);
    const { token } = await createApiToken(t.database.db, systemActor, id, 'before-disable');
    const session = new Client(t);
    await session.login(email);
    assert.equal((await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status, 200);

    const adminClient = new Client(t);
    await adminClient.login(admin);
    assert.equal((await adminClient.post(`/en/admin/users/${id}/disable`, { confirm: 'yes' })).status, 303);

    const login = await new Client(t).post('/en/login', { email, password });
    assert.equal(login.status, 401);
    const wrong = await new Client(t).post('/en/login', { email: admin, password: 'not-the-password' });
    assert.equal(loginError(await login.text()), loginError(await wrong.text()), 'a disabled account is not told apart');
    await assertProblem(await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }), 401, 'unauthenticated');
    assert.equal((await session.get('/en/account')).status, 401);

    // Enabling brings the account back, not its API tokens: they were revoked with it.
    assert.equal((await adminClient.post(`/en/admin/users/${id}/enable`, {})).status, 303);
    await assertProblem(await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }), 401, 'unauthenticated');
  });

  test('a revoked API token is a 401 problem', async () => {
    const client = new Client(t);
    await client.login('expert@demo.r1540.org');
    const created = await client.post('/en/account/tokens', { name: 'to revoke' });
    assert.equal(created.status, 200);
    const token = /<code class="secret" dir="ltr">(r1540_[^<]+)<\/code>/.exec(await created.text())?.[1];
    assert.ok(token, 'the new token is shown once');
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await t.request('/api/v1/me', { headers: bearer })).status, 200);
    const row = await t.database.db.selectFrom('api_token').select('id').where('token_hash', '=', sha256(token)).executeTakeFirstOrThrow();
    assert.equal((await client.post(`/en/account/tokens/${row.id}/revoke`, { confirm: 'yes' })).status, 303);
    await assertProblem(await t.request('/api/v1/me', { headers: bearer }), 401, 'unauthenticated');
    await assertProblem(await t.request('/api/v1/states', { headers: bearer }), 401, 'unauthenticated');
  });

  test('an expired API token, a made-up one and a malformed header are 401 problems', async () => {
    const id = await userId(t, 'committee@demo.r1540.org');
    const { token, id: tokenId } = await createApiToken(t.database.db, systemActor, id, 'expiring', 1);
    assert.equal((await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status, 200);
    await t.database.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', tokenId)
      .execute();
    await assertProblem(await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }), 401, 'unauthenticated');
    await assertProblem(await t.request('/api/v1/me', { headers: { authorization: 'Bearer r1540_made-up' } }), 401, 'unauthenticated');
    await assertProblem(await t.request('/api/v1/me', { headers: { authorization: `Basic ${btoa('a:b')}` } }), 401, 'unauthenticated');
    // Even on a public resource, a bad token is refused rather than ignored.
    await assertProblem(await t.request('/api/v1/states/MLI', { headers: { authorization: 'Bearer r1540_made-up' } }), 401);
  });
});

describe('security headers', () => {
  const pages: { label: string; request: () => Promise<Response> }[] = [
    { label: 'home', request: () => t.request('/en/') },
    { label: 'list', request: () => t.request('/fr/states') },
    { label: 'a State', request: () => t.request('/ar/states/MLI') },
    { label: 'login', request: () => t.request('/en/login') },
    { label: 'a 401 page', request: () => t.request('/en/account') },
    { label: 'a 404 page', request: () => t.request('/fr/nothing') },
    { label: 'a 404 outside the languages', request: () => t.request('/nothing') },
    { label: 'a 403 CSRF page', request: () => t.request('/en/logout', { method: 'POST' }) },
    { label: 'a redirect', request: () => t.request('/') },
    { label: 'the API', request: () => t.request('/api/v1/states') },
    { label: 'an API problem', request: () => t.request('/api/v1/audit') },
    { label: 'the health check', request: () => t.request('/healthz') },
    { label: 'the stylesheet', request: () => t.request('/static/app.css') },
  ];
  for (const page of pages) {
    test(page.label, async () => {
      const res = await page.request();
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      assert.match(csp, /(^|;)\s*default-src 'none'/, `CSP: ${csp}`);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
      assert.equal(h.get('x-content-type-options'), 'nosniff');
      const xfo = h.get('x-frame-options') ?? '';
      assert.ok(/^(DENY|SAMEORIGIN)$/i.test(xfo) || /frame-ancestors '(none|self)'/.test(csp), 'framing is refused');
      const referrer = h.get('referrer-policy') ?? '';
      assert.ok(
        ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer),
        `Referrer-Policy: ${referrer}`,
      );
      await res.body?.cancel();
    });
  }

  test('pages seen by an account are not cached by shared caches', async () => {
    const client = new Client(t);
    await client.login(admin);
    const res = await client.get('/en/states/MLI');
    assert.match(res.headers.get('cache-control') ?? '', /no-store|private/);
  });
});

describe('error pages in the reader’s language', () => {
  test('/fr/nothing is a French 404 page', async () => {
    await assertPage(await t.request('/fr/nothing'), 404, 'fr');
  });

  test('/nothing with Accept-Language: zh is a Chinese 404 page', async () => {
    await assertPage(await t.request('/nothing', { headers: { 'accept-language': 'zh' } }), 404, 'zh');
    await assertPage(await t.request('/nothing', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } }), 404, 'zh');
  });

  test('/ar/nothing is an Arabic page written right to left', async () => {
    const res = await t.request('/ar/nothing');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /<html lang="ar" dir="rtl"/);
  });

  test('/nothing with no language asked for is English', async () => {
    await assertPage(await t.request('/nothing'), 404, 'en');
  });

  test('/api/nothing is a 404 problem', async () => {
    await assertProblem(await t.request('/api/nothing'), 404, 'not-found');
  });
});

describe('open redirects', () => {
  /** A Location, resolved as a browser would (WHATWG URL, which drops tabs and newlines), stays on this site. */
  function assertStaysOnSite(res: Response, next: string) {
    const location = res.headers.get('location');
    assert.ok(location, `a redirect for next=${JSON.stringify(next)}`);
    const url = new URL(location, 'http://localhost/en/login');
    assert.equal(url.origin, 'http://localhost', `next=${JSON.stringify(next)} redirected to ${JSON.stringify(location)}`);
  }

  const offSite = [
    '//evil.example',
    '//evil.example/en/',
    'https://evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    ' //evil.example',
    // Paths that resolve to "//host": dot segments, encoded or not.
    '/.//evil.example/phish',
    '/..//evil.example/x',
    '/./..//evil.example',
    '/%2e%2e//evil.example',
    '/.%2E//evil.example',
    '/\\\\evil.example',
    '/%2F%2Fevil.example',
    '/\t\t//evil.example',
  ];
  for (const next of offSite) {
    test(`login with next=${JSON.stringify(next)} does not leave the site`, async () => {
      const res = await new Client(t).post('/en/login', { email: admin, password, next });
      assert.equal(res.status, 303, `next=${JSON.stringify(next)} gave ${res.status}`);
      assertStaysOnSite(res, next);
    });
  }

  test('a same-site next is followed', async () => {
    const res = await new Client(t).post('/en/login', { email: admin, password, next: '/fr/states/MLI' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/fr/states/MLI');
  });

  for (const offSiteNext of offSite) {
    test(`the login form does not carry next=${JSON.stringify(offSiteNext)} off the site`, async () => {
      const html = await (await t.request(`/en/login?next=${encodeURIComponent(offSiteNext)}`)).text();
      const next = /name="next" value="([^"]*)"/.exec(html)?.[1];
      assert.ok(next !== undefined, 'the form has a next field');
      const url = new URL(next.replaceAll('&amp;', '&'), 'http://localhost/en/login');
      assert.equal(url.origin, 'http://localhost', `the form's next is ${JSON.stringify(next)}`);
      assert.ok(!/^\/[/\\]/.test(next), `the form's next is ${JSON.stringify(next)}`);
    });
  }
});
