import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { addContact } from '../../src/features/contacts/contacts.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// Issue 12: account data in the history (6), the contact confirmation's next (7), logins behind a
// proxy (8), API tokens after enabling (9), and who may make or disable an administrator (11).

const password = 'demo-password-1540';

async function userId(app: TestApp, email: string): Promise<string> {
  const row = await app.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

/** The same application, as if every request came through a socket from `address`. */
function from(t: TestApp, address: string): TestApp {
  const env = { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } };
  return { ...t, request: async (path, init) => t.server.request(`http://localhost${path}`, init, env) };
}

/** A browser whose requests come from `socket` with this X-Forwarded-For (by default, through the proxy at 10.0.0.1). */
class ProxiedClient extends Client {
  constructor(
    t: TestApp,
    private readonly forwardedFor: string,
    socket = '10.0.0.1',
  ) {
    super(from(t, socket));
  }
  override fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.forwardedFor);
    return super.fetch(path, { ...init, headers });
  }
}

describe('account data in the history (6)', () => {
  let t: TestApp;
  const marker = 'marker.account.6@example.org';
  let expertTokenId = '';
  before(async () => {
    t = await testApp();
    const secretariat = new Client(t);
    await secretariat.login('secretariat@demo.r1540.org');
    const created = await secretariat.post('/en/admin/users', {
      email: marker,
      displayName: 'Marker Account',
      role: 'committee',
      password: 'a long enough password',
      stateIso3: '',
      organizationCode: '',
    });
    assert.equal(created.status, 303);
    const markerClient = new Client(t);
    await markerClient.login(marker, 'a long enough password');
    assert.equal((await markerClient.post('/en/account/tokens', { name: 'marker-token-name' })).status, 200);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    assert.equal((await expert.post('/en/account/tokens', { name: 'expert-own-token' })).status, 200);
    const row = await t.database.db.selectFrom('api_token').select('id').where('name', '=', 'expert-own-token').executeTakeFirstOrThrow();
    expertTokenId = row.id;
  });
  after(() => t?.close());

  const hidden = [marker, 'marker-token-name', 'secretariat@demo.r1540.org', 'admin@demo.r1540.org', 'poc.mli@demo.r1540.org'];

  test('an expert reads, in /api/v1/audit and /en/activity, no other account’s e-mail, role or tokens; its own events, yes', async () => {
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    for (const query of ['?limit=500', '?type=user&limit=500', '?type=api-token&limit=500', `?user=${await userId(t, marker)}`]) {
      const res = await expert.get(`/api/v1/audit${query}`);
      assert.equal(res.status, 200);
      const text = await res.text();
      for (const h of hidden) assert.equal(text.includes(h), false, `/api/v1/audit${query} shows ${h}`);
      const { data } = JSON.parse(text) as { data: { recordType: string; recordId: string }[] };
      for (const e of data.filter((e) => e.recordType === 'user' || e.recordType === 'api-token'))
        assert.ok(
          (e.recordType === 'user' && e.recordId === (await userId(t, 'expert@demo.r1540.org'))) ||
            (e.recordType === 'api-token' && e.recordId === expertTokenId),
          `an expert sees the ${e.recordType} event of ${e.recordId}`,
        );
    }
    const own = (await (await expert.get('/api/v1/audit?type=api-token')).json()) as { data: { recordId: string }[] };
    assert.ok(
      own.data.some((e) => e.recordId === expertTokenId),
      'the expert sees its own token’s events',
    );
    for (const query of ['', '?type=user', '?type=api-token']) {
      const html = await (await expert.get(`/en/activity${query}`)).text();
      for (const h of hidden) assert.equal(html.includes(h), false, `/en/activity${query} shows ${h}`);
    }
    assert.match(await (await expert.get('/en/activity?type=api-token')).text(), /expert-own-token/);
  });

  test('the secretariat and an administrator still read every account’s events', async () => {
    for (const who of ['secretariat@demo.r1540.org', 'admin@demo.r1540.org']) {
      const client = new Client(t);
      await client.login(who);
      assert.match(await (await client.get('/api/v1/audit?type=user&limit=500')).text(), new RegExp(marker.replaceAll('.', '\\.')));
      assert.match(await (await client.get('/en/activity?type=api-token')).text(), /marker-token-name/);
      const history = await (await client.get(`/en/admin/users/${await userId(t, marker)}/history`)).text();
      assert.match(history, /class="change"/);
    }
  });
});

describe('logins behind a reverse proxy (8)', () => {
  let t: TestApp;
  let open: TestApp;
  before(async () => {
    t = await testApp({ loginMaxFailures: 5, trustedProxies: ['10.0.0.1'] });
    open = await testApp({ loginMaxFailures: 5 });
  });
  after(async () => {
    await t?.close();
    await open?.close();
  });

  test('twenty bad attempts from one client do not block another client, on another account or the same', async () => {
    // Twenty failures: five on one account, fifteen on as many unknown e-mails.
    const attacker = new ProxiedClient(t, '198.51.100.7');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push(
        (await attacker.post('/en/login', { email: i < 5 ? 'poc.mli@demo.r1540.org' : `nobody${i}@example.org`, password: `wrong-${i}` }))
          .status,
      );
    assert.ok(
      statuses.every((s) => s === 401),
      statuses.join(' '),
    );
    assert.equal((await new ProxiedClient(t, '198.51.100.8').post('/en/login', { email: 'expert@demo.r1540.org', password })).status, 303);
    assert.equal((await new ProxiedClient(t, '198.51.100.9').post('/en/login', { email: 'poc.mli@demo.r1540.org', password })).status, 303);
    // What the client writes to the left of the proxy's entry changes nothing.
    assert.equal(
      (await new ProxiedClient(t, '198.51.100.8, 198.51.100.7').post('/en/login', { email: 'poc.mli@demo.r1540.org', password })).status,
      429,
    );
  });

  test('with the trusted proxy, each X-Forwarded-For is a client of its own: the one that failed waits, with Retry-After', async () => {
    const email = 'committee@demo.r1540.org';
    const one = new ProxiedClient(t, '203.0.113.1');
    for (let i = 0; i < 5; i++) assert.equal((await one.post('/en/login', { email, password: `wrong-${i}` })).status, 401);
    const refused = await one.post('/en/login', { email, password });
    assert.equal(refused.status, 429, 'the right password from the client that failed waits');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After: ${retryAfter}`);
    assert.match(await refused.text(), /try again in \d+ seconds/);
    assert.equal((await new ProxiedClient(t, '203.0.113.2').post('/en/login', { email, password })).status, 303);
    // A back-off, not a wall: once it has passed, the right password goes in.
    await sql`update login_failure set at = at - interval '31 seconds'`.execute(t.database.db);
    assert.equal((await one.post('/en/login', { email, password })).status, 303);
  });

  test('without a trusted proxy, X-Forwarded-For is ignored: the socket is the client', async () => {
    const email = 'committee@demo.r1540.org';
    const viaProxy = (forwardedFor: string) => new ProxiedClient(open, forwardedFor);
    for (let i = 0; i < 5; i++)
      assert.equal((await viaProxy(`203.0.113.${i + 10}`).post('/en/login', { email, password: `wrong-${i}` })).status, 401);
    assert.equal(
      (await viaProxy('203.0.113.99').post('/en/login', { email, password })).status,
      429,
      'another X-Forwarded-For is the same client',
    );
    // Another socket is another client.
    assert.equal((await new Client(from(open, '192.0.2.50')).post('/en/login', { email, password })).status, 303);
  });

  test('a socket that is not a trusted proxy is not believed either', async () => {
    const email = 'secretariat@demo.r1540.org';
    const direct = (forwardedFor: string) => new ProxiedClient(t, forwardedFor, '192.0.2.7');
    for (let i = 0; i < 5; i++)
      assert.equal((await direct(`198.18.0.${i}`).post('/en/login', { email, password: `wrong-${i}` })).status, 401);
    assert.equal((await direct('198.18.0.99').post('/en/login', { email, password })).status, 429);
  });
});

describe('administrators and the secretariat (11) and API tokens after enabling (9)', () => {
  let t: TestApp;
  let secretariat: Client;
  let admin: Client;
  before(async () => {
    t = await testApp();
    secretariat = new Client(t);
    await secretariat.login('secretariat@demo.r1540.org');
    admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
  });
  after(() => t?.close());

  const newAccount = (email: string, role: string) => ({
    email,
    displayName: `Account ${email}`,
    role,
    password: 'a long enough password',
    stateIso3: '',
    organizationCode: '',
  });
  const exists = async (email: string) =>
    (await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
  const disabled = async (email: string) =>
    (await t.database.db.selectFrom('app_user').select('disabled_at').where('email', '=', email).executeTakeFirstOrThrow()).disabled_at !==
    null;

  test('the secretariat may not create an administrator (403 naming the role), nor is it offered', async () => {
    const res = await secretariat.post('/en/admin/users', newAccount('would.be.admin@example.org', 'admin'));
    assert.equal(res.status, 403);
    assert.match(await res.text(), /<code>role<\/code>: only an administrator may create an administrator/);
    assert.equal(await exists('would.be.admin@example.org'), false);
    assert.equal((await (await secretariat.get('/en/admin/users')).text()).includes('<option value="admin"'), false);
    assert.equal((await secretariat.post('/en/admin/users', newAccount('new.expert@example.org', 'expert'))).status, 303);
  });

  test('an administrator may create an administrator', async () => {
    assert.match(await (await admin.get('/en/admin/users')).text(), /<option value="admin"/);
    assert.equal((await admin.post('/en/admin/users', newAccount('second.admin@example.org', 'admin'))).status, 303);
    assert.equal(await exists('second.admin@example.org'), true);
  });

  test('the secretariat may not disable or enable an administrator; an administrator may', async () => {
    const id = await userId(t, 'second.admin@example.org');
    assert.equal((await secretariat.post(`/en/admin/users/${id}/disable`, { confirm: 'yes' })).status, 403);
    assert.equal(await disabled('second.admin@example.org'), false);
    const page = await (await secretariat.get('/en/admin/users')).text();
    assert.equal(page.includes(`/en/admin/users/${id}/disable`), false, 'no button on an administrator’s account');
    assert.equal((await admin.post(`/en/admin/users/${id}/disable`, { confirm: 'yes' })).status, 303);
    assert.equal(await disabled('second.admin@example.org'), true);
    assert.equal((await secretariat.post(`/en/admin/users/${id}/enable`, {})).status, 403);
    assert.equal(await disabled('second.admin@example.org'), true);
    assert.equal((await admin.post(`/en/admin/users/${id}/enable`, {})).status, 303);
    assert.equal(await disabled('second.admin@example.org'), false);
    // The secretariat still manages the other accounts.
    const expert = await userId(t, 'new.expert@example.org');
    assert.equal((await secretariat.post(`/en/admin/users/${expert}/disable`, { confirm: 'yes' })).status, 303);
    assert.equal((await secretariat.post(`/en/admin/users/${expert}/enable`, {})).status, 303);
  });

  test('enabling an account on the page does not bring back its API tokens, and the page says so', async () => {
    assert.equal((await secretariat.post('/en/admin/users', newAccount('token.keeper@example.org', 'expert'))).status, 303);
    const user = new Client(t);
    await user.login('token.keeper@example.org', 'a long enough password');
    const created = await user.post('/en/account/tokens', { name: 'before disabling' });
    const token = /<code class="secret" dir="ltr">(r1540_[^<]+)<\/code>/.exec(await created.text())?.[1];
    assert.ok(token);
    const me = () => t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await me()).status, 200);
    const id = await userId(t, 'token.keeper@example.org');
    assert.equal((await secretariat.post(`/en/admin/users/${id}/disable`, { confirm: 'yes' })).status, 303);
    assert.equal((await secretariat.post(`/en/admin/users/${id}/enable`, {})).status, 303);
    assert.equal((await me()).status, 401);
    assert.match(
      await (await secretariat.get('/en/admin/users')).text(),
      /revokes its API tokens; enabling it again does not bring them back/,
    );
  });
});

describe('the contact confirmation’s next (7)', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t?.close());

  for (const next of ['/.//evil.example/phish', '/..//evil.example/x', '/%2e%2e//evil.example', '/\\\\evil.example', '/\t//evil.example']) {
    test(`confirming with next=${JSON.stringify(next)} stays on the site`, async () => {
      const contact = await addContact(t.database.db, systemActor, 'MLI', {
        location: 'capital',
        name: 'Redirect Test',
        designatedOn: '2015-01-01',
      });
      const poc = new Client(t);
      await poc.login('poc.mli@demo.r1540.org');
      const res = await poc.post(`/en/states/MLI/contacts/${contact.id}/confirm`, { version: String(contact.row_version), next });
      assert.equal(res.status, 303);
      const location = res.headers.get('location') ?? '';
      assert.equal(new URL(location, 'http://localhost/en/').origin, 'http://localhost', `Location: ${location}`);
      assert.equal(location, '/en/states/MLI/contacts');
    });
  }
});
