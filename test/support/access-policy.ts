/**
 * The access-policy test walks every route with every role and checks the outcome. It is shared out
 * between a few test files (test/integration/access-policy-N.test.ts), each walking the rows of some
 * of the features on a database of its own, so that they run side by side.
 *
 * The rows (route × case → the status every role must get, written out by hand) live beside the
 * code: a feature's rows are `src/features/<name>/access.rows.ts`, the application's own
 * `src/app/access.rows.ts`; their shape and shared helpers are `src/platform/testing/access-rows.ts`.
 * They run in order: the application's, then each feature's in the registry's order; rows within a
 * file may depend on the rows before them (a draft started, a record created). Pages are walked
 * with a browser-like client (session cookie + CSRF token), the API with `Authorization: Bearer
 * <token>`. A last test checks that the rows cover every route the application registers, so that
 * a new route without a policy row fails here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Confidentiality } from '../../src/platform/policy/levels.ts';
import { createApp } from '../../src/app/http.tsx';
import { features } from '../../src/features/registry.ts';
import { locales } from '../../src/platform/i18n/locales.ts';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { type Account, type Ctx, type Expect, type Row, type Who, who } from '../../src/platform/testing/access-rows.ts';
import { Client, type TestApp, testApp } from './app.ts';

const emails: Record<Account, string> = {
  poc: 'poc.mli@demo.r1540.org', // state-contact of MLI
  provider: 'provider@demo.r1540.org', // provider for IAEA
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  admin: 'admin@demo.r1540.org',
};

// The rows: the application's, then those of each feature that has an access.rows.ts, in the registry's order.
const src = new URL('../../src/', import.meta.url);
const featureRows = (name: string) => new URL(`features/${name}/access.rows.ts`, src);
const withRows = readdirSync(new URL('features/', src)).filter((name) => existsSync(featureRows(name)));
const rowFiles = [new URL('app/access.rows.ts', src), ...features.filter((f) => withRows.includes(f.name)).map((f) => featureRows(f.name))];
const rowsOfFile: Row[][] = [];
for (const file of rowFiles) rowsOfFile.push(((await import(file.href)) as { accessRows: Row[] }).accessRows);
const rows = rowsOfFile.flat();

/**
 * The row files of shard `shard` of `of`: each file (its rows depend on the rows before them, never
 * on another file's) goes whole to the shard with the fewest rows so far, the biggest files first.
 */
function shardOf(shard: number, of: number): Row[] {
  const load = Array.from({ length: of }, () => 0);
  const mine: number[] = [];
  const bySize = rowsOfFile.map((r, i) => [i, r.length] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i, size] of bySize) {
    const least = load.indexOf(Math.min(...load));
    load[least]! += size;
    if (least === shard) mine.push(i);
  }
  return mine.sort((a, b) => a - b).flatMap((i) => rowsOfFile[i]!);
}

/** The rows of part `shard` (from 0) of `of`, walked by every role; the first part also checks that the rows cover every route. */
export function accessPolicy(shard: number, of: number): void {
  const mine = shardOf(shard, of);
  let t: TestApp;

  const clients = {} as Record<Who, Client>;
  const tokens = {} as Record<Account, string>;
  const ctx = { userId: {}, spareTokenId: {} } as Ctx;

  before(async () => {
    t = await testApp();
    const db = t.database.db;
    ctx.db = db;
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

  /** The paths a route matches (routing is not strict: a trailing slash is the same route). */
  const routePattern = (route: string) =>
    new RegExp(
      `^${route
        .replace(/[.]/g, '\\.')
        .replace('{lang}', `(${locales.join('|')})`)
        .replace(/:[^/]+/g, '[^/]+')}/?$`,
    );

  async function request(row: Row, w: Who): Promise<Response> {
    const path = typeof row.path === 'function' ? row.path(ctx, w) : row.path;
    assert.match(
      path.split('?')[0]!,
      routePattern(row.route),
      `${row.method} ${row.route}: the row's path is not an instance of its route`,
    );
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

  describe(`every route × every role (part ${shard + 1} of ${of})`, () => {
    for (const row of mine) {
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
                await row.check(res, w, ctx);
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

  if (shard === 0)
    describe('the table covers every route', () => {
      test('every access.rows.ts of src/features is a registered feature’s', () => {
        const registered = features.map((f) => f.name);
        assert.deepEqual(
          withRows.filter((name) => !registered.includes(name)),
          [],
          'rows in a folder that is no registered feature',
        );
      });

      test('every route the application registers has a row, and every row a route', () => {
        const server = createApp(t.app);
        const registered = new Set(server.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${normalise(r.path)}`));
        const inTable = new Set(rows.map((r) => `${r.method} ${normalise(r.route)}`));
        const missingRows = [...registered].filter((r) => !inTable.has(r)).sort();
        const unknownRoutes = [...inTable].filter((r) => !registered.has(r)).sort();
        assert.deepEqual(missingRows, [], 'routes without a row in the access-policy table (their feature’s access.rows.ts)');
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
    });
}
