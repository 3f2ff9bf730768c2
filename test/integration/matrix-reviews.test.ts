import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { backup } from '../../src/platform/backup/backup.ts';
import { restore } from '../../src/platform/backup/restore.ts';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { type Actor, systemActor } from '../../src/platform/audit/record.ts';
import { moveMatrix, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { assignExpert, closeCycle, createCycle, cycleProgress, findCycle } from '../../src/features/matrix/reviews/review-data.ts';
import { demoReviewStates, seedDemoReview } from '../../src/features/matrix/reviews/review-demo.ts';
import type { MatrixStatus } from '../../src/features/matrix/schema.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { dropDatabase, engine } from '../support/database.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const who: Record<string, Viewer> = {};
const actor = (v: Viewer): Actor => ({ id: v.id, label: v.displayName });
let stateCount = 0;

interface Progress {
  state: string;
  stage: string;
  holder: string;
  holderName: string | null;
  version: number | null;
  lastMoved: string | null;
  daysSince: number | null;
  overdue: string | null;
  expert: { id: string; name: string | null } | null;
}
interface CycleJson {
  id: string;
  title: string;
  rowVersion: number;
  closedAt: string | null;
  summary: {
    total: number;
    finished: number;
    overdue: number;
    byStage: Record<string, number>;
    byGroup: Record<string, { total: number }>;
  };
  progress: Progress[];
}
interface Problem {
  status: number;
  errors?: { field: string; problem: string }[];
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const u of await db.selectFrom('app_user').selectAll().execute()) {
    const name = u.email.split('@')[0]!;
    who[name] = viewerOf(u);
    tokens[name] = (await createApiToken(db, systemActor, u.id, 'review test')).token;
  }
  const poc = await addUser(db, systemActor, {
    email: 'poc.ner@example.org',
    displayName: 'POC Niger',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'a long enough password',
  });
  who['poc.ner'] = viewerOf(poc);
  const expert2 = await addUser(db, systemActor, {
    email: 'expert2@example.org',
    displayName: 'Second Expert',
    role: 'expert',
    password: 'a long enough password',
  });
  who.expert2 = viewerOf(expert2);
  const n = await db
    .selectFrom('member_state')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  stateCount = Number(n.n);
});
after(() => t.close());

async function call<T = unknown>(as: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = as === 'public' ? {} : { authorization: `Bearer ${tokens[as]}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400) assert.match(type, /^application\/problem\+json/, `${method} ${path}: ${res.status} ${type}`);
  return { status: res.status, json: (type.includes('json') ? await res.json() : await res.text()) as T };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

describe('a review cycle follows the matrices', () => {
  let cycleId = '';

  test('an expert opens a cycle through the API; the fields are checked all at once', async () => {
    const bad = await call<Problem>('expert', 'POST', '/matrix/reviews', {
      title: ' ',
      startsOn: '2026-13-01',
      deadline: '2026-01-01',
      holdDays: 0,
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.errors?.map((e) => e.field).sort(), ['holdDays', 'startsOn', 'title']);
    const backwards = await call<Problem>('expert', 'POST', '/matrix/reviews', {
      title: 'x',
      startsOn: '2026-06-01',
      deadline: '2026-05-01',
    });
    assert.deepEqual(
      backwards.json.errors?.map((e) => e.field),
      ['deadline'],
    );

    // The cycle began before today, so that the versions started now are in it.
    const starts = isoDay(new Date(Date.now() - 10 * 86_400_000));
    const created = await call<CycleJson>('expert', 'POST', '/matrix/reviews', {
      title: 'Comprehensive review (test)',
      purpose: 'Before the comprehensive review',
      startsOn: starts,
      deadline: '2099-12-31',
      holdDays: 30,
    });
    assert.equal(created.status, 201);
    cycleId = created.json.id;
    const list = await call<{ data: { id: string }[] }>('committee', 'GET', '/matrix/reviews');
    assert.ok(list.json.data.some((c) => c.id === cycleId));
    const events = await t.database.db.selectFrom('audit_event').selectAll().where('record_id', '=', cycleId).execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.record_type, e.actor_id, e.confidentiality]),
      [['create', 'review-cycle', who.expert!.id, 'committee']],
    );
  });

  test('the experts assign States in bulk; every bad code is named', async () => {
    const bad = await call<Problem>('expert', 'PUT', `/matrix/reviews/${cycleId}/assignments`, {
      states: ['NER', 'XXX', 'ner', 'mli'],
      expert: who.committee!.id,
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.json.errors?.map((e) => e.field),
      ['states[1]', 'states[2]', 'expert'],
    );
    const ok = await call<{ assigned: number }>('secretariat', 'PUT', `/matrix/reviews/${cycleId}/assignments`, {
      states: ['ner', 'PER', 'FRA'],
      expert: who.expert!.id,
      note: 'first pass',
    });
    assert.deepEqual([ok.status, ok.json.assigned], [200, 3]);
    // Again, to another expert for one State: the assignment moves, the others stay.
    await call('expert', 'PUT', `/matrix/reviews/${cycleId}/assignments`, { states: ['FRA'], expert: who.expert2!.id });
    const rows = await t.database.db
      .selectFrom('review_assignment')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .orderBy('state_iso3')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.state_iso3, r.expert_id, r.row_version]),
      [
        ['FRA', who.expert2!.id, 2],
        ['NER', who.expert!.id, 1],
        ['PER', who.expert!.id, 1],
      ],
    );
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('record_id', '=', cycleId)
      .where('action', '=', 'assign')
      .execute();
    assert.equal(audit.length, 2);
  });

  test('the progress follows NER’s matrix from draft to publication, with the right holder', async () => {
    const db = t.database.db;
    const stageOf = async (iso3: string) => {
      const res = await call<CycleJson>('committee', 'GET', `/matrix/reviews/${cycleId}`);
      assert.equal(res.status, 200);
      assert.equal(res.json.progress.length, stateCount);
      return { row: res.json.progress.find((p) => p.state === iso3)!, summary: res.json.summary };
    };
    const start = await stageOf('NER');
    assert.deepEqual(
      [start.row.stage, start.row.holder, start.row.holderName, start.row.lastMoved],
      ['not-started', 'experts', 'Demo Expert', null],
    );
    assert.equal(start.summary.byStage['not-started'], stateCount);

    const draft = await startDraft(db, actor(who.expert!), 'NER');
    const steps: [MatrixStatus | null, string, string, string | null][] = [
      [null, 'draft', 'experts', 'Demo Expert'],
      ['sent', 'sent', 'state', null],
      ['commented', 'commented', 'experts', 'Demo Expert'],
      ['agreed', 'agreed', 'committee', null],
      ['approved', 'approved', 'secretariat', null],
      ['published', 'published', 'done', null],
    ];
    const by: Partial<Record<MatrixStatus, Viewer>> = {
      sent: who.expert!,
      commented: who['poc.ner']!,
      agreed: who.expert!,
      approved: who.committee!,
      published: who.secretariat!,
    };
    let previous = '';
    for (const [to, stage, holder, holderName] of steps) {
      if (to) await moveMatrix(db, actor(by[to]!), by[to]!, draft.id, to);
      const { row, summary } = await stageOf('NER');
      assert.deepEqual([row.stage, row.holder, row.holderName, row.version], [stage, holder, holderName, 1], `after ${stage}`);
      assert.ok(row.lastMoved && row.lastMoved >= previous, 'it moved again');
      assert.equal(row.daysSince, 0);
      assert.equal(row.overdue, null);
      assert.equal(summary.byStage[stage], 1);
      previous = row.lastMoved!;
    }
    const { summary } = await stageOf('NER');
    assert.equal(summary.finished, 1);
    assert.equal(summary.byGroup.african!.total > 1, true);
  });

  test('after the deadline, the States not yet approved are overdue ("today" given to the computation)', async () => {
    const db = t.database.db;
    await startDraft(db, actor(who.expert!), 'PER');
    const cycle = (await findCycle(db, cycleId))!;
    const inTime = await cycleProgress(db, cycle, new Date('2099-12-31T20:00:00Z'));
    const late = await cycleProgress(db, cycle, new Date('2100-01-01T08:00:00Z'));
    const at = (p: typeof late, iso3: string) => p.progress.find((x) => x.iso3 === iso3)!;
    assert.equal(at(inTime, 'PER').overdue, 'held', 'a draft left for 70 years is held too long');
    assert.equal(at(late, 'PER').overdue, 'deadline');
    assert.equal(at(late, 'NER').overdue, null, 'published in time');
    assert.equal(at(late, 'AFG').overdue, 'deadline', 'never started');
    assert.equal(late.progress.filter((p) => p.overdue).length, stateCount - 1);
    const now = await cycleProgress(db, cycle, new Date());
    assert.equal(at(now, 'PER').overdue, null);
    assert.equal(at(now, 'PER').stage, 'draft');
  });

  test('the progress page shows the table, the counts with meters, and filters it', async () => {
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const res = await expert.get(`/en/matrix/reviews/${cycleId}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Comprehensive review \(test\)<\/h1>/);
    assert.equal((html.match(/<meter /g) ?? []).length, 7, 'a meter per stage');
    assert.match(html, /<progress id="overall" max="\d+" value="1">/);
    assert.equal((html.match(/<a href="\/en\/states\/[A-Z]{3}\/matrix">/g) ?? []).length, stateCount, 'a row per State');
    assert.match(html, /href="\/en\/states\/NER\/matrix"/);
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /href="\/en\/matrix\/reviews"[^>]*aria-current="page"|aria-current="page"[^>]*href="\/en\/matrix\/reviews"/);

    const filtered = await (await expert.get(`/en/matrix/reviews/${cycleId}?stage=published&group=african`)).text();
    const rows = [...filtered.matchAll(/<a href="\/en\/states\/([A-Z]{3})\/matrix">/g)].map((m) => m[1]);
    assert.deepEqual(rows, ['NER']);
    const mine = await (await expert.get(`/en/matrix/reviews/${cycleId}?expert=${who.expert2!.id}`)).text();
    assert.deepEqual(
      [...mine.matchAll(/<a href="\/en\/states\/([A-Z]{3})\/matrix">/g)].map((m) => m[1]),
      ['FRA'],
    );
    const sorted = await (await expert.get(`/en/matrix/reviews/${cycleId}?sort=moved-desc`)).text();
    assert.deepEqual(
      [...sorted.matchAll(/<a href="\/en\/states\/([A-Z]{3})\/matrix">/g)].slice(0, 2).map((m) => m[1]),
      ['PER', 'NER'],
      'the latest move first',
    );
    assert.equal((await expert.get(`/en/matrix/reviews/${cycleId}?stage=finished`)).status, 400);
    // In another language, with the same counts.
    const ar = await (await expert.get(`/ar/matrix/reviews/${cycleId}`)).text();
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.doesNotMatch(ar, /data-missing-translations/);
  });

  test('the CSV has one row per State', async () => {
    const committee = new Client(t);
    await committee.login('committee@demo.r1540.org');
    const res = await committee.get(`/en/matrix/reviews/${cycleId}/progress.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="review-/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(
      lines[0],
      'iso3,state,regional_group,stage,stage_label,version,holder,holder_label,last_moved,days_since,overdue,overdue_label,expert,note',
    );
    assert.equal(lines.length, stateCount + 1);
    const codes = lines.slice(1).map((l) => l.slice(0, 3));
    assert.equal(new Set(codes).size, stateCount);
    const ner = lines.find((l) => l.startsWith('NER,'))!;
    assert.match(ner, /^NER,Niger,african,published,Published,1,done,Done,\d{4}-/);
    const fra = lines.find((l) => l.startsWith('FRA,'))!;
    assert.match(fra, /,Second Expert,$/);
    const filtered = (await (await committee.get(`/en/matrix/reviews/${cycleId}/progress.csv?stage=draft`)).text()).trimEnd().split('\r\n');
    assert.equal(filtered.length, 2);
    assert.match(filtered[1]!, /^PER,/);
  });

  test('the web forms: a bad assignment keeps the input and names the problem; then close', async () => {
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    await expert.get(`/en/matrix/reviews/${cycleId}`);
    const bad = await expert.post(`/en/matrix/reviews/${cycleId}/assignments`, { states: 'SEN ZZZ', expert: who.expert!.id, note: '' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /<code>states\[1\]<\/code>/);
    assert.match(html, />SEN ZZZ<\/textarea>/);
    const ok = await expert.post(`/en/matrix/reviews/${cycleId}/assignments`, {
      states: 'SEN, TCD',
      expert: who.expert2!.id,
      note: 'Sahel',
    });
    assert.equal(ok.status, 303);
    const cycle = (await findCycle(t.database.db, cycleId))!;
    const progress = await cycleProgress(t.database.db, cycle, new Date());
    assert.deepEqual(
      progress.progress.filter((p) => p.expertName === 'Second Expert').map((p) => [p.iso3, p.note]),
      [
        ['FRA', ''],
        ['SEN', 'Sahel'],
        ['TCD', 'Sahel'],
      ],
    );

    const stale = await expert.post(`/en/matrix/reviews/${cycleId}`, {
      title: 'Renamed',
      purpose: '',
      startsOn: cycle.starts_on,
      deadline: cycle.deadline,
      holdDays: '30',
      templateVersion: '2017',
      version: String(cycle.row_version - 1),
    });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /value="Renamed"/);
    const renamed = await expert.post(`/en/matrix/reviews/${cycleId}`, {
      title: 'Renamed',
      purpose: '',
      startsOn: cycle.starts_on,
      deadline: cycle.deadline,
      holdDays: '30',
      templateVersion: '2017',
      version: String(cycle.row_version),
    });
    assert.equal(renamed.status, 303);

    const close = await expert.post(`/en/matrix/reviews/${cycleId}/close`, { confirm: 'yes' });
    assert.equal(close.status, 303);
    const closed = (await findCycle(t.database.db, cycleId))!;
    assert.equal(closed.title, 'Renamed');
    assert.ok(closed.closed_at);
    assert.equal((await expert.post(`/en/matrix/reviews/${cycleId}/close`, { confirm: 'yes' })).status, 409);
    const afterClose = await call<Problem>('expert', 'PUT', `/matrix/reviews/${cycleId}/assignments`, { states: ['MLI'], expert: null });
    assert.equal(afterClose.status, 409);
    const page = await (await expert.get(`/en/matrix/reviews/${cycleId}`)).text();
    assert.doesNotMatch(page, /action="\/en\/matrix\/reviews\/[^"]+\/assignments"/, 'no assignment form on a closed cycle');
    const actions = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', cycleId).orderBy('id').execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['create', 'assign', 'assign', 'assign', 'update', 'close'],
    );
  });

  test('nothing is deleted', async () => {
    await assert.rejects(
      t.database.db.deleteFrom('review_assignment').where('cycle_id', '=', cycleId).execute(),
      /archived, never deleted/,
    );
    await assert.rejects(t.database.db.deleteFrom('review_cycle').where('id', '=', cycleId).execute(), /archived, never deleted/);
  });
});

describe('who sees cycles', () => {
  let cycleId = '';
  before(async () => {
    const c = await createCycle(t.database.db, systemActor, null, { title: 'Hidden', startsOn: '2026-01-01', deadline: '2026-12-31' });
    cycleId = c.id;
  });

  test('a point of contact, a provider and the public get 401/403 on the pages, never the cycle', async () => {
    for (const [email, status] of [
      ['poc.mli@demo.r1540.org', 403],
      ['provider@demo.r1540.org', 403],
      [null, 401],
    ] as const) {
      const client = new Client(t);
      if (email) await client.login(email);
      else await client.get('/en/login');
      for (const path of ['/en/matrix/reviews', `/en/matrix/reviews/${cycleId}`, `/en/matrix/reviews/${cycleId}/progress.csv`]) {
        const res = await client.get(path);
        assert.equal(res.status, status, `${email ?? 'public'} ${path}`);
        assert.doesNotMatch(await res.text(), /Hidden/);
      }
      const post = await client.post(`/en/matrix/reviews/${cycleId}/assignments`, { states: 'MLI', expert: '' });
      assert.equal(post.status, status);
      const home = await (await client.get('/en/')).text();
      assert.doesNotMatch(home, /href="\/en\/matrix\/reviews"/, 'no menu entry');
    }
  });

  test('and the same through the API', async () => {
    for (const as of ['poc.mli', 'provider', 'public']) {
      const expected = as === 'public' ? 401 : 403;
      assert.equal((await call(as, 'GET', '/matrix/reviews')).status, expected, as);
      assert.equal((await call(as, 'GET', `/matrix/reviews/${cycleId}`)).status, expected, as);
      assert.equal((await call(as, 'GET', '/matrix/reviews/not-a-uuid')).status, expected, `${as}: refused before the id is checked`);
    }
    const put = await call('poc.mli', 'PUT', `/matrix/reviews/${cycleId}/assignments`, { states: ['MLI'], expert: null });
    assert.equal(put.status, 403);
    const post = await call('poc.mli', 'POST', '/matrix/reviews', {});
    assert.equal(post.status, 403, 'refused before the body is checked');
    assert.equal(
      (await call('committee', 'POST', '/matrix/reviews', { title: 'x', startsOn: '2026-01-01', deadline: '2026-02-01' })).status,
      403,
    );
    assert.equal((await call('committee', 'GET', `/matrix/reviews/${cycleId}`)).status, 200);
    assert.equal((await call('committee', 'GET', '/matrix/reviews/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  test('the Committee reads the page but has no forms; the experts see the menu entry', async () => {
    const committee = new Client(t);
    await committee.login('committee@demo.r1540.org');
    const html = await (await committee.get(`/en/matrix/reviews/${cycleId}`)).text();
    assert.match(html, /href="\/en\/matrix\/reviews"/);
    assert.doesNotMatch(html, /method="post" action="\/en\/matrix\/reviews/);
    const list = await (await committee.get('/en/matrix/reviews')).text();
    assert.doesNotMatch(list, /<form method="post" class="record-form"/);
  });

  test('closing directly through the command checks the version', async () => {
    await assert.rejects(closeCycle(t.database.db, systemActor, who.expert!, cycleId, 99), /someone changed this review cycle/);
    await assert.rejects(
      assignExpert(t.database.db, systemActor, who['poc.ner']!, cycleId, { states: ['NER'], expertId: null }),
      /was not found/,
    );
  });
});

describe('the demonstration cycle', () => {
  test('is opened once, marked demo, with a few States assigned to the demo expert', async () => {
    const db = t.database.db;
    const cycle = await seedDemoReview(db);
    assert.ok(cycle);
    assert.deepEqual(
      [cycle.title, cycle.starts_on, cycle.deadline, cycle.demo],
      ['Comprehensive review 2026', '2026-06-01', '2027-03-31', true],
    );
    const again = await seedDemoReview(db);
    assert.equal(again?.id, cycle.id);
    assert.equal((await db.selectFrom('review_cycle').select('id').where('demo', '=', true).execute()).length, 1);
    const assigned = await db.selectFrom('review_assignment').selectAll().where('cycle_id', '=', cycle.id).execute();
    assert.deepEqual(assigned.map((a) => a.state_iso3).sort(), [...demoReviewStates].sort());
    assert.ok(assigned.every((a) => a.expert_id === who.expert!.id));
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const page = await (await expert.get(`/en/matrix/reviews/${cycle.id}`)).text();
    assert.match(page, /Demonstration data: this review cycle was made up/);
    const list = await (await expert.get('/en/matrix/reviews')).text();
    assert.match(list, /Comprehensive review 2026<\/a>\s*<span class="review-badge">/);
  });
});

/** A migrated database with no rows, for a restore. */
async function emptyDatabase(): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openPglite(undefined);
    await migrateToLatest(database.db);
    return database;
  }
  const url = new URL(process.env.DATABASE_URL!);
  const name = `r1540_reviews_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = openPostgres(own.toString(), 2);
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(url, name);
    },
  };
}

describe('backups', () => {
  test('carry the cycles and their assignments, and a database with a cycle is not restored into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1540-reviews-'));
    const file = join(dir, 'backup.r1540.gz');
    const target = await emptyDatabase();
    try {
      const header = await backup(t.database.db, file);
      assert.ok(header.tables.review_cycle!.rows >= 3);
      assert.ok(header.tables.review_assignment!.rows >= 8);
      await restore(target.db, file);
      const cycles = async (db: typeof target.db) =>
        (await db.selectFrom('review_cycle').select(['id', 'title', 'closed_at', 'demo']).orderBy('id').execute()).map((c) =>
          JSON.stringify(c),
        );
      assert.deepEqual(await cycles(target.db), await cycles(t.database.db));
      const count = async (db: typeof target.db) => (await db.selectFrom('review_assignment').select('id').execute()).length;
      assert.equal(await count(target.db), await count(t.database.db));
      await assert.rejects(restore(target.db, file), /empty database/);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
