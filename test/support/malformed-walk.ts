import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { seedDemoAssistance } from '../../src/features/assistance/demo.ts';
import { seedDemoContacts } from '../../src/features/contacts/demo.ts';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoReview } from '../../src/features/matrix/reviews/review-demo.ts';
import { seedDemoMatrices } from '../../src/features/matrix/versions/demo.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { Client, type TestApp, testApp } from './app.ts';
import { malformedQueryValues } from './malformed.ts';

// The walk of test/integration/edge-read-routes-{api,pages}.test.ts, one door each.
// Every filter of the OpenAPI document (each query parameter of each GET) and every filter form
// of the pages (each field of each `<form method="get">`), sent malformed values (test/support/
// malformed.ts) one parameter at a time, as every role: no answer is a 5xx, and a NUL is refused
// (422) naming the parameter, whatever the route makes of it. Bounded: each value
// goes to each filter as R1540_FUZZ_RUNS roles (1 unless told; 7 for every role), the roles
// taking turns so that each meets every filter; the whole file in well under a minute.

const roles = ['public', 'poc.mli', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as const;
type Role = (typeof roles)[number];
const rolesPerValue = Math.min(roles.length, Number(process.env.R1540_FUZZ_RUNS || 1));

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
}

/** A filter: where it is (a path with every segment real) and the name of one parameter. */
interface Filter {
  door: 'api' | 'page';
  path: string;
  name: string;
}

/**
 * The records the walks of the routes (this one and edge-write-routes.test.ts) work on: a few of
 * each kind of the States' records, far fewer than every feature's demonstration data.
 */
export async function seedWalkRecords(db: TestApp['database']['db']): Promise<void> {
  await seedDemoMatrices(db, undefined, { states: ['MLI', 'PER'] });
  await seedDemoReview(db);
  await seedDemoReports(db);
  await seedDemoContacts(db);
  await seedDemoEngagement(db);
  await seedDemoCorrespondence(db);
  await seedDemoAssistance(db);
}

/** The walk of one door's filters: the API's query parameters, or the pages' filter forms. */
export function malformedWalk(door: 'api' | 'page'): void {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  const clients = new Map<Role, Client>();
  /** A real record for each kind of `{id}`, by the segment before it (`letters`, `requests`…). */
  const ids = new Map<string, string>();

  before(async () => {
    t = await testApp();
    const db = t.database.db;
    await seedWalkRecords(db);
    for (const role of roles) {
      const client = new Client(t);
      if (role === 'public') await client.get('/en/');
      else {
        await client.login(`${role}@demo.r1540.org`);
        const user = await db.selectFrom('app_user').select('id').where('email', '=', `${role}@demo.r1540.org`).executeTakeFirstOrThrow();
        tokens.set(role, (await createApiToken(db, { id: null, label: 'test' }, user.id, 'filters')).token);
      }
      clients.set(role, client);
    }
    const tables: Record<string, string> = {
      reviews: 'review_cycle',
      proposals: 'matrix_proposal',
      reports: 'national_report',
      'action-plans': 'action_plan',
      contacts: 'point_of_contact',
      visits: 'visit',
      courses: 'course',
      requests: 'assistance_request',
      offers: 'assistance_offer',
      matches: 'assistance_match',
      letters: 'letter',
      documents: 'document',
    };
    for (const [segment, table] of Object.entries(tables)) {
      const row = (await sql<{ id: string }>`select id::text as id from ${sql.table(table)} order by id limit 1`.execute(db)).rows[0];
      if (row) ids.set(segment, row.id);
    }
  });
  after(() => t.close());

  const realSegments: Record<string, string> = { iso3: 'MLI', code: 'IAEA', version: '2017', lang: 'en', template: '2017' };

  /** The path with each parameter (`{iso3}` or `:iso3`) real, or null when one has no known value. */
  function filled(path: string, pattern: RegExp): string | null {
    let unknown = false;
    const out = path.replace(pattern, (_, name: string, offset: number) => {
      const before = path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
      const value = realSegments[name] ?? (name === 'id' ? ids.get(before) : undefined);
      if (!value) unknown = true;
      return value ?? '';
    });
    return unknown ? null : out;
  }

  async function apiFilters(): Promise<Filter[]> {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    return Object.entries(doc.paths).flatMap(([path, ops]) => {
      const query = (ops.get?.parameters ?? []).filter((p) => p.in === 'query');
      const real = filled(path, /\{(\w+)\}/g);
      return real ? query.map((p): Filter => ({ door: 'api', path: `/api/v1${real}`, name: p.name })) : [];
    });
  }

  /** The fields of each `<form method="get">` of every page an admin can open (its action, else the page). */
  async function pageFilters(): Promise<Filter[]> {
    const seen = new Set<string>();
    const pages = t.server.routes
      .filter((r) => r.method === 'GET' && r.path.startsWith('/en/'))
      .map((r) => filled(r.path, /:(\w+)/g))
      .filter((p): p is string => p !== null && !seen.has(p) && !!seen.add(p));
    const admin = clients.get('admin')!;
    const found = new Map<string, Filter>();
    for (const page of pages) {
      const res = await admin.get(page);
      const html = await res.text();
      if (res.status !== 200) continue;
      for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const attributes = form[1] ?? '';
        if (!/method="get"/i.test(attributes)) continue;
        const action = /action="([^"]*)"/.exec(attributes)?.[1]?.replace(/&amp;/g, '&');
        const target = new URL(action || page, `http://localhost${page}`).pathname;
        for (const field of (form[2] ?? '').matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) {
          const filter: Filter = { door: 'page', path: target, name: field[1]! };
          found.set(`${filter.path} ${filter.name}`, filter);
        }
      }
    }
    return [...found.values()];
  }

  async function send(filter: Filter, value: string, role: Role): Promise<{ status: number; text: string }> {
    const url = `${filter.path}?${encodeURIComponent(filter.name)}=${value}`;
    let res: Response;
    if (filter.door === 'page') res = await clients.get(role)!.get(url);
    else {
      const token = tokens.get(role);
      res = await t.request(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    }
    return { status: res.status, text: await res.text() };
  }

  /** Whether the answer is the edge's refusal of a NUL, naming the filter (a problem's field, or a page's `<code>`). */
  function namesNul(filter: Filter, answer: { status: number; text: string }): boolean {
    if (answer.status !== 422 || !/null character/.test(answer.text)) return false;
    if (filter.door === 'page') return answer.text.includes(`<code>${filter.name.replace(/&/g, '&amp;')}</code>`);
    const body = JSON.parse(answer.text) as { errors?: { field: string }[] };
    return !!body.errors?.some((e) => e.field === filter.name);
  }

  test(`every filter of the ${door === 'api' ? 'API' : 'pages'}, as every role, answers malformed values without a 5xx`, async (tc) => {
    const filters = door === 'api' ? await apiFilters() : await pageFilters();
    const api = filters.filter((f) => f.door === 'api');
    if (door === 'api') assert.ok(api.length >= 40, `${api.length} query parameters of the API`);
    else assert.ok(filters.length >= 30, `${filters.length} fields of filter forms`);
    const statuses = new Map<number, number>();
    const errors: string[] = [];
    const unnamed: string[] = [];
    const met = new Map<Role, number>();
    let turn = 0;
    for (const filter of filters) {
      for (const value of [...malformedQueryValues, `${malformedQueryValues[0]}&${encodeURIComponent(filter.name)}=x`]) {
        for (let k = 0; k < rolesPerValue; k++) {
          const role = roles[(turn + k) % roles.length]!;
          const answer = await send(filter, value, role);
          const status = answer.status;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          met.set(role, (met.get(role) ?? 0) + 1);
          if (status >= 500) errors.push(`${filter.path}?${filter.name}=${value.slice(0, 30)} as ${role}: ${status}`);
          // A NUL is refused at the edge, whatever the route, naming the parameter.
          else if (value.includes('%00') && !namesNul(filter, answer))
            unnamed.push(`${filter.path}?${filter.name}=${value.slice(0, 30)} as ${role}: ${status}`);
        }
        turn++;
      }
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    tc.diagnostic(
      `${api.length} API filters and ${filters.length - api.length} page filters: ${total} requests; answers: ${[...statuses]
        .sort()
        .map(([k, v]) => `${k} × ${v}`)
        .join(', ')}`,
    );
    assert.deepEqual(new Set(met.keys()), new Set(roles), 'every role took part');
    assert.deepEqual(errors, [], `5xx answers:\n${errors.join('\n')}`);
    assert.deepEqual(unnamed, [], `a NUL not refused naming its parameter:\n${unnamed.slice(0, 20).join('\n')}`);
  });
}
