import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { seedWalkRecords } from '../support/malformed-walk.ts';
import {
  describe,
  type JsonSchema,
  type Malformed,
  malformed,
  malformedBody,
  malformedSegments,
  malformedValues,
} from '../support/malformed.ts';

// Every write route of the OpenAPI document (POST, PUT, PATCH, DELETE), and every form a page
// posts, as every role, sent malformed values: no answer is a 5xx, and a refusal writes nothing
// (the row count of every table, the audit trail's among them, is unchanged). Bounded: a fixed
// seed and a few runs per route and role; R1540_FUZZ_RUNS and R1540_FUZZ_SEED explore further.

const runs = Number(process.env.R1540_FUZZ_RUNS || 2);
const formRuns = Number(process.env.R1540_FUZZ_RUNS || 1);
const seed = Number(process.env.R1540_FUZZ_SEED || 1540);
const roles = ['public', 'poc.mli', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as const;
type Role = (typeof roles)[number];

interface Operation {
  method: string;
  path: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

let t: TestApp;
const tokens = new Map<Role, string>();
let operations: Operation[] = [];
let schemas: Record<string, JsonSchema> = {};
/** A real record for each `{id}`, so that the body's checks behind the record's are reached too. */
const realIds = new Map<string, string>();
let countStatement: string;
const clients = new Map<Role, Client>();
/** Records of the kind a form path names (`/en/visits/:id/edit`), by the segment before `:id`. */
const formIds = new Map<string, string>();

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await seedWalkRecords(db);
  for (const role of roles) {
    if (role === 'public') continue;
    const user = await db.selectFrom('app_user').select('id').where('email', '=', `${role}@demo.r1540.org`).executeTakeFirstOrThrow();
    tokens.set(role, (await createApiToken(db, { id: null, label: 'test' }, user.id, 'fuzz')).token);
  }
  const doc = (await (await t.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas?: Record<string, JsonSchema> };
  };
  schemas = doc.components.schemas ?? {};
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
  const first = async (table: string) =>
    (await sql<{ id: string }>`select id::text as id from ${sql.table(table)} order by id limit 1`.execute(db)).rows[0]?.id;
  const idTables: [RegExp, string][] = [
    [/^\/matrix\/reviews\//, 'review_cycle'],
    [/\/matrix\/proposals\//, 'matrix_proposal'],
    [/^\/reports\//, 'national_report'],
    [/^\/action-plans\//, 'action_plan'],
    [/^\/contacts\//, 'point_of_contact'],
    [/^\/visits\//, 'visit'],
    [/^\/courses\//, 'course'],
    [/^\/assistance\/requests\//, 'assistance_request'],
    [/^\/assistance\/matches\//, 'assistance_match'],
    [/^\/assistance\/offers\//, 'assistance_offer'],
  ];
  for (const op of operations) {
    const table = idTables.find(([re]) => re.test(op.path))?.[1];
    const id = table ? await first(table) : undefined;
    if (id) realIds.set(op.path, id);
  }
  // The forms as each role, through a session; the accounts and tokens that forms may disable or
  // revoke are throwaway ones, so that the roles keep theirs.
  for (const role of roles) {
    const client = new Client(t);
    if (role !== 'public') await client.login(`${role}@demo.r1540.org`);
    else await client.get('/en/');
    clients.set(role, client);
  }
  const spare = await addUser(
    db,
    { id: null, label: 'test' },
    {
      email: 'spare@example.org',
      displayName: 'Spare',
      role: 'expert',
      password: 'a long enough password 1540',
    },
  );
  const spareToken = await createApiToken(db, { id: null, label: 'test' }, spare.id, 'spare');
  formIds.set('users', spare.id);
  formIds.set('tokens', String(spareToken.id));
  const formTables: Record<string, string> = {
    reviews: 'review_cycle',
    proposals: 'matrix_proposal',
    reports: 'national_report',
    'action-plans': 'action_plan',
    contacts: 'point_of_contact',
    visits: 'visit',
    courses: 'course',
    requests: 'assistance_request',
    offers: 'assistance_offer',
    letters: 'letter',
    matches: 'assistance_match',
  };
  for (const [segment, table] of Object.entries(formTables)) {
    const id = await first(table);
    if (id) formIds.set(segment, id);
  }
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  countStatement = tables.rows.map((r) => `select '${r.name}' as t, count(*)::int as n from "${r.name}"`).join(' union all ');
});
after(() => t.close());

async function rowCounts(): Promise<Record<string, number>> {
  const rows = await sql<{ t: string; n: number }>`${sql.raw(countStatement)}`.execute(t.database.db);
  return Object.fromEntries(rows.rows.map((r) => [r.t, r.n]));
}

const realSegment: Record<string, string> = { iso3: 'MLI', version: '2017', lang: 'en', limit: '5' };

/** The path with each `{param}` filled: mostly a real value, sometimes a malformed one. */
function concretePath(op: Operation) {
  return fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom(...malformedSegments)), { minLength: 3, maxLength: 3 })
    .chain((choices) => fc.constant(choices))
    .map((choices) => {
      let i = 0;
      return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const [real, bad] = choices[i++ % choices.length]!;
        const value = name === 'id' ? realIds.get(op.path) : realSegment[name];
        return real && value ? value : bad;
      });
    });
}

interface Sent {
  init: RequestInit;
  how: string;
}

/** The request: JSON with one malformed value, a body that is not JSON, or a form with a bad file. */
function requestFor(op: Operation): fc.Arbitrary<Sent> {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const form = content['multipart/form-data']?.schema;
  const raw = fc
    .constantFrom<[string, BodyInit, string]>(
      ['application/json', '{', 'unfinished JSON'],
      ['application/json', '{"a":'.repeat(5000), 'deeply unfinished JSON'],
      ['application/json', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'invalid UTF-8'],
      ['application/json', '', 'empty body'],
      ['text/plain', '{}', 'a text body'],
      ['application/x-www-form-urlencoded', 'a=1&b=%ZZ', 'a broken form'],
    )
    .map(([type, body, how]): Sent => ({ init: { body, headers: { 'content-type': type } }, how }));
  const arbitraries: fc.Arbitrary<Sent>[] = [raw];
  if (json)
    arbitraries.push(
      malformedBody(json, schemas).map(
        (m: Malformed): Sent => ({ init: { body: JSON.stringify(m.body), headers: { 'content-type': 'application/json' } }, how: m.how }),
      ),
    );
  if (form)
    arbitraries.push(
      fc
        .tuple(
          malformedBody(form, schemas),
          fc.constantFrom(new Uint8Array(0), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff]), new TextEncoder().encode('a\u0000b')),
        )
        .map(([m, file]): Sent => {
          const body = new FormData();
          const fields = m.body && typeof m.body === 'object' && !Array.isArray(m.body) ? (m.body as Record<string, unknown>) : {};
          for (const [k, v] of Object.entries(fields)) {
            if (k === 'file') body.append('file', new File([file], 'upload.xlsx'));
            else body.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
          }
          return { init: { body }, how: `form: ${m.how}` };
        }),
    );
  if (!json && !form)
    arbitraries.push(malformed.map((v): Sent => ({ init: { body: JSON.stringify(v) ?? '' }, how: `body ${describe(v)}` })));
  return fc.oneof(...arbitraries);
}

interface Finding {
  route: string;
  role: Role;
  status: number;
  how: string;
  path: string;
}

/** Keeps each answer: a 5xx, an acceptance, and a refusal after which some table has more or fewer rows. */
class Answers {
  readonly errors: Finding[] = [];
  readonly written: (Finding & { changed: string[] })[] = [];
  readonly accepted: Finding[] = [];
  private readonly statuses = new Map<number, number>();
  private counts: Record<string, number> = {};

  async start() {
    this.counts = await rowCounts();
  }

  async record(finding: Finding) {
    this.statuses.set(finding.status, (this.statuses.get(finding.status) ?? 0) + 1);
    const now = await rowCounts();
    if (finding.status >= 500) this.errors.push(finding);
    else if (finding.status < 300) this.accepted.push(finding);
    if (finding.status >= 400) {
      const changed = Object.keys(now).filter((table) => now[table] !== this.counts[table]);
      if (changed.length) this.written.push({ ...finding, changed });
    }
    this.counts = now;
  }

  summary(): string {
    const total = [...this.statuses.values()].reduce((a, b) => a + b, 0);
    return `${total} requests; answers: ${[...this.statuses]
      .sort()
      .map(([k, v]) => `${k} × ${v}`)
      .join(', ')}`;
  }

  check() {
    const lines = (list: Finding[]) => list.map((f) => `${f.route} as ${f.role} (${f.status}) at ${f.path}: ${f.how}`).join('\n');
    assert.deepEqual(this.written, [], `refusals that wrote:\n${lines(this.written)}`);
    assert.deepEqual(this.errors, [], `5xx answers:\n${lines(this.errors)}`);
  }
}

test('every write route, as every role, answers malformed values without a 5xx and writes nothing when it refuses', async (tc) => {
  assert.ok(operations.length >= 40, `the OpenAPI document lists ${operations.length} write operations`);
  const answers = new Answers();
  await answers.start();
  let run = 0;
  for (const op of operations) {
    for (const role of roles) {
      await fc.assert(
        fc.asyncProperty(concretePath(op), requestFor(op), async (path, sent) => {
          const headers = new Headers(sent.init.headers);
          const token = tokens.get(role);
          if (token) headers.set('authorization', `Bearer ${token}`);
          else {
            // The public as a page's script: past the CSRF check, to the route's own.
            headers.set('cookie', `r1540_csrf=${'c'.repeat(40)}`);
            headers.set('x-csrf-token', 'c'.repeat(40));
          }
          const res = await t.request(`/api/v1${path}`, { ...sent.init, method: op.method, headers });
          await res.arrayBuffer();
          await answers.record({ route: `${op.method} ${op.path}`, role, status: res.status, how: sent.how, path: describe(path) });
        }),
        { numRuns: runs, seed: seed + run++, endOnFailure: true },
      );
    }
  }
  tc.diagnostic(`${operations.length} write operations as ${roles.length} roles: ${answers.summary()}`);
  for (const a of answers.accepted) tc.diagnostic(`accepted (${a.status}): ${a.route} as ${a.role}, ${a.how}`);
  answers.check();
});

/** Every field name a form or the API knows: the forms read theirs by name from the body. */
function fieldNames(): string[] {
  const names = new Set(['rowVersion', 'expectedVersion', 'version', 'state', 'states', 'value', 'field', 'section', 'action', 'decision']);
  const walk = (schema: JsonSchema | undefined, depth = 0) => {
    if (!schema || depth > 6) return;
    if (schema.$ref) return walk(schemas[schema.$ref.split('/').pop()!], depth + 1);
    for (const [k, v] of Object.entries(schema.properties ?? {})) {
      names.add(k);
      walk(v, depth + 1);
    }
    walk(schema.items, depth + 1);
  };
  for (const op of operations) for (const c of Object.values(op.requestBody?.content ?? {})) walk(c.schema);
  return [...names].sort();
}

/** A value a form field of that name plausibly takes. */
function plausibleField(name: string): string {
  if (/(On|Date|date|dated|deadline|asOf|From|To)$/.test(name)) return '2018-10-17';
  if (/iso3|^state$|States$|^states$/.test(name)) return 'MLI';
  if (/[Vv]ersion$|^number$|^year$|Days$|^limit$/.test(name)) return '1';
  if (name === 'confidentiality') return 'public';
  if (/[Ee]mail$/.test(name)) return 'someone@example.org';
  return 'x';
}

const malformedTexts = malformedValues.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));

test('every form a page posts, as every role, answers malformed values without a 5xx and writes nothing when it refuses', async (tc) => {
  const names = fieldNames();
  const seen = new Set<string>();
  const forms = t.server.routes
    .filter((r) => r.method === 'POST' && r.path.startsWith('/en/') && !/^\/en\/(login|logout)$/.test(r.path))
    .map((r) => r.path)
    .filter((path) => !seen.has(path) && seen.add(path));
  assert.ok(forms.length >= 50, `${forms.length} form routes`);
  const answers = new Answers();
  await answers.start();
  let run = 0;
  const field = fc.tuple(
    fc.constantFrom(...names),
    fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom(...malformedTexts) }),
  );
  for (const route of forms) {
    for (const role of roles) {
      const client = clients.get(role)!;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...malformedSegments)), { minLength: 3, maxLength: 3 }),
          fc.array(field, { minLength: 1, maxLength: 12 }),
          async (segments, fields) => {
            let i = 0;
            const path = route.replace(/:(\w+)/g, (_, name: string, offset: number) => {
              const [real, bad] = segments[i++ % segments.length]!;
              const before = route.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
              const value = name === 'iso3' ? 'MLI' : name === 'code' ? 'IAEA' : name === 'version' ? '2017' : formIds.get(before);
              return real && value ? value : bad;
            });
            const body: Record<string, string[]> = {};
            for (const [name, bad] of fields) body[name] = [...(body[name] ?? []), bad ?? plausibleField(name)];
            const res = await client.post(path, body);
            await res.arrayBuffer();
            const how = fields.map(([name, bad]) => `${name}=${bad === null ? plausibleField(name) : describe(bad)}`).join(' ');
            await answers.record({ route: `POST ${route}`, role, status: res.status, how, path: describe(path) });
          },
        ),
        { numRuns: formRuns, seed: seed + run++, endOnFailure: true },
      );
    }
  }
  tc.diagnostic(`${forms.length} form routes as ${roles.length} roles: ${answers.summary()}`);
  answers.check();
});
