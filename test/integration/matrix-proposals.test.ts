import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
/** A bearer token per account; `public` sends none. */
const tokens: Record<string, string> = {};
/** A signed-in browser per account. */
const web: Record<string, Client> = {};
const law = [{ kind: 'law', citation: 'Loi n° 2016-08 du 7 avril 2016', locator: 'art. 12', language: 'fr' }];

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; problem: string }[];
}
interface Proposal {
  id: string;
  state: string;
  version: number;
  field: string;
  kind: string;
  comment: string;
  value: string | null;
  sources: { kind: string; citation: string; language?: string }[];
  infoDate: string | null;
  status: string;
  author: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
  decisionNote: string;
  rowVersion: number;
}
interface List {
  state: string;
  version: { number: number; status: string };
  open: number;
  data: Proposal[];
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const name of ['expert', 'committee', 'secretariat', 'poc.mli', 'provider']) {
    const user = await db.selectFrom('app_user').select('id').where('email', '=', `${name}@demo.r1540.org`).executeTakeFirstOrThrow();
    tokens[name] = (await createApiToken(db, systemActor, user.id, 'proposals test')).token;
    web[name] = new Client(t);
    await web[name].login(`${name}@demo.r1540.org`);
  }
  const fra = await addUser(db, systemActor, {
    email: 'poc.fra@example.org',
    displayName: 'POC France',
    role: 'state-contact',
    stateIso3: 'FRA',
    password: 'a long enough password',
  });
  tokens['poc.fra'] = (await createApiToken(db, systemActor, fra.id, 'proposals test')).token;
  web['poc.fra'] = new Client(t);
  await web['poc.fra'].login('poc.fra@example.org', 'a long enough password');
  web.public = new Client(t);
  await web.public.get('/en/');
});
after(() => t.close());

async function call<T = unknown>(who: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${tokens[who]}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400) assert.match(type, /^application\/problem\+json/, `${method} ${path}: ${res.status} ${type}`);
  return { status: res.status, json: (type.includes('json') ? await res.json() : await res.text()) as T };
}

async function status(iso3: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('matrix')
    .select('status')
    .where('state_iso3', '=', iso3)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  return row.status;
}

async function cell(iso3: string, number: number, field: string) {
  return t.database.db
    .selectFrom('matrix_cell as c')
    .innerJoin('matrix as m', 'm.id', 'c.matrix_id')
    .select(['c.value', 'c.sources', 'c.info_date', 'c.remarks', 'c.row_version'])
    .where('m.state_iso3', '=', iso3)
    .where('m.number', '=', number)
    .where('c.field_code', '=', field)
    .executeTakeFirst();
}

const base = '/states/MLI/matrix/proposals';

describe('the State reviews version 1 through the API', () => {
  const ids: Record<string, string> = {};

  test('nothing is taken while the version is a draft', async () => {
    assert.equal((await call('expert', 'POST', '/states/MLI/matrix', {})).status, 201);
    const list = await call<List>('poc.mli', 'GET', base);
    assert.equal(list.status, 200);
    assert.equal(list.json.version.status, 'draft');
    assert.deepEqual(list.json.data, []);
    const early = await call<Problem>('poc.mli', 'POST', base, { field: 'OP2.USE.N.LF', kind: 'comment', comment: 'Too early' });
    assert.equal(early.status, 409);
    assert.match(early.json.detail, /draft/);
    const saved = await call('expert', 'PATCH', '/states/MLI/matrix/cells', {
      version: 1,
      changes: [{ field: 'OP2.USE.N.LF', expectedVersion: 0, value: 'NA', remarks: 'Checked in 2023' }],
    });
    assert.equal(saved.status, 200);
    assert.equal((await call('expert', 'POST', '/states/MLI/matrix/transitions', { version: 1, to: 'sent' })).status, 200);
  });

  test('the point of contact proposes X with a source, and the version becomes commented', async () => {
    const res = await call<Proposal>('poc.mli', 'POST', base, {
      field: 'OP2.USE.N.LF',
      kind: 'proposal',
      value: 'X',
      comment: 'Article 12 prohibits the use of nuclear weapons.',
      sources: law,
      infoDate: '2016-04-07',
    });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.status, 'open');
    assert.equal(res.json.value, 'X');
    assert.equal(res.json.version, 1);
    assert.equal(res.json.sources[0]!.language, 'fr');
    assert.equal(res.json.author.name.length > 0, true);
    ids.accepted = res.json.id;
    assert.equal(await status('MLI'), 'commented');
    const moved = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_label', 'confidentiality', 'state_iso3'])
      .where('record_type', '=', 'matrix')
      .where('action', '=', 'commented')
      .execute();
    assert.equal(moved.length, 1, 'the move to commented is in the history');
    assert.equal(moved[0]!.state_iso3, 'MLI');

    const comment = await call<Proposal>('poc.mli', 'POST', base, {
      field: 'OP2.MANUFACTURE.N.LF',
      kind: 'comment',
      comment: 'A decree of 2019 applies here.',
    });
    assert.equal(comment.status, 201);
    assert.equal(comment.json.value, null);
    ids.comment = comment.json.id;
    const other = await call<Proposal>('poc.mli', 'POST', base, { field: 'OP2.USE.C.LF', kind: 'proposal', value: '?', sources: law });
    assert.equal(other.status, 201);
    ids.declined = other.json.id;
    const spare = await call<Proposal>('poc.mli', 'POST', base, { field: 'OP2.USE.B.LF', kind: 'proposal', value: 'NA' });
    assert.equal(spare.status, 201, 'NA needs no source');
    ids.withdrawn = spare.json.id;
    assert.equal(await status('MLI'), 'commented', 'still commented');
  });

  test('bad input is refused, each problem named by its field', async () => {
    const noSource = await call<Problem>('poc.mli', 'POST', base, { field: 'OP2.USE.B.EN', kind: 'proposal', value: 'X' });
    assert.equal(noSource.status, 422);
    assert.ok(
      noSource.json.errors?.some((e) => e.field === 'OP2.USE.B.EN.sources'),
      JSON.stringify(noSource.json),
    );
    const unknown = await call<Problem>('poc.mli', 'POST', base, { field: 'OP9.NOTHING', kind: 'proposal', value: 'X', sources: law });
    assert.equal(unknown.status, 422);
    assert.ok(
      unknown.json.errors?.some((e) => e.field === 'field' && /OP9\.NOTHING/.test(e.problem)),
      JSON.stringify(unknown.json),
    );
    const badValue = await call<Problem>('poc.mli', 'POST', base, { field: 'OP2.USE.B.EN', kind: 'proposal', value: 'Y', sources: law });
    assert.ok(badValue.json.errors?.some((e) => e.field === 'OP2.USE.B.EN.value'));
    const empty = await call<Problem>('poc.mli', 'POST', base, { field: 'OP2.USE.B.EN', kind: 'comment', comment: '  ' });
    assert.equal(empty.status, 422);
    assert.ok(empty.json.errors?.some((e) => e.field === 'comment'));
    const future = await call<Problem>('poc.mli', 'POST', base, {
      field: 'OP2.USE.B.EN',
      kind: 'proposal',
      value: 'X',
      sources: law,
      infoDate: '2999-01-01',
    });
    assert.ok(future.json.errors?.some((e) => e.field === 'OP2.USE.B.EN.infoDate'));
    const count = await t.database.db
      .selectFrom('matrix_proposal')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 4, 'nothing of the bad ones was written');
  });

  test('another State’s point of contact, a provider and the public neither see nor propose', async () => {
    for (const who of ['poc.fra', 'provider']) {
      assert.equal((await call(who, 'GET', base)).status, 404, who);
      assert.equal((await call(who, 'POST', base, { field: 'OP2.USE.N.LF', kind: 'comment', comment: 'x' })).status, 404, who);
      assert.equal((await call(who, 'POST', `${base}/${ids.comment}/decision`, { decision: 'accept' })).status, 404, who);
      assert.equal((await call(who, 'POST', `${base}/${ids.comment}/withdrawal`)).status, 404, who);
    }
    assert.equal((await call('public', 'GET', base)).status, 401);
    assert.equal((await call('public', 'POST', base, { field: 'OP2.USE.N.LF', kind: 'comment', comment: 'x' })).status, 403);
  });

  test('the point of contact does not decide, and only the author withdraws', async () => {
    assert.equal((await call('poc.mli', 'POST', `${base}/${ids.accepted}/decision`, { decision: 'accept' })).status, 403);
    assert.equal((await call('expert', 'POST', `${base}/${ids.withdrawn}/withdrawal`)).status, 403);
    const stale = await call<Problem>('poc.mli', 'POST', `${base}/${ids.withdrawn}/withdrawal`, { expectedVersion: 7 });
    assert.equal(stale.status, 409);
    const gone = await call<Proposal>('poc.mli', 'POST', `${base}/${ids.withdrawn}/withdrawal`, { expectedVersion: 1 });
    assert.equal(gone.status, 200);
    assert.equal(gone.json.status, 'withdrawn');
    assert.equal((await call('expert', 'POST', `${base}/${ids.withdrawn}/decision`, { decision: 'accept' })).status, 409);
  });

  test('the expert accepts one: the cell changes in the same step, and the history says so', async () => {
    const before = await cell('MLI', 1, 'OP2.USE.N.LF');
    assert.equal(before?.value, 'NA');
    const res = await call<Proposal>('expert', 'POST', `${base}/${ids.accepted}/decision`, { decision: 'accept', expectedVersion: 1 });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.status, 'accepted');
    assert.equal(res.json.decidedBy?.name.length ? 'named' : 'nobody', 'named');
    const now = await cell('MLI', 1, 'OP2.USE.N.LF');
    assert.equal(now?.value, 'X');
    assert.equal(now?.info_date, '2016-04-07');
    assert.equal(now?.sources[0]?.citation, law[0]!.citation);
    assert.equal(now?.remarks, 'Checked in 2023', 'the cell’s remarks are kept');
    assert.equal(now?.row_version, before!.row_version + 1);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'before', 'after', 'confidentiality', 'state_iso3'])
      .where('record_type', '=', 'matrix')
      .where('action', 'in', ['accept-proposal', 'update'])
      .orderBy('id')
      .execute();
    const accepted = events.find((e) => e.action === 'accept-proposal');
    assert.ok(accepted, 'the acceptance is in the history');
    assert.equal((accepted.before as { status: string }).status, 'open');
    assert.equal((accepted.after as { status: string; proposal: string }).status, 'accepted');
    assert.equal(accepted.confidentiality, 'committee-and-state');
    assert.equal(accepted.state_iso3, 'MLI');
    const update = events.filter((e) => e.action === 'update').at(-1);
    assert.ok(update, 'the cell change is in the history');
    assert.equal((update.after as Record<string, { value: string }>)['OP2.USE.N.LF']?.value, 'X');

    const again = await call<Problem>('expert', 'POST', `${base}/${ids.accepted}/decision`, {
      decision: 'decline',
      note: 'changed my mind',
    });
    assert.equal(again.status, 409);
    assert.match(again.json.detail, /already accepted/);
  });

  test('the expert declines another, with a note; it is not decided twice', async () => {
    const bare = await call<Problem>('expert', 'POST', `${base}/${ids.declined}/decision`, { decision: 'decline' });
    assert.equal(bare.status, 422);
    assert.ok(bare.json.errors?.some((e) => e.field === 'note'));
    const res = await call<Proposal>('expert', 'POST', `${base}/${ids.declined}/decision`, {
      decision: 'decline',
      note: 'The 2016 law does not cover chemical weapons.',
    });
    assert.equal(res.status, 200);
    assert.equal(res.json.status, 'declined');
    assert.equal(res.json.decisionNote, 'The 2016 law does not cover chemical weapons.');
    assert.equal((await cell('MLI', 1, 'OP2.USE.C.LF'))?.value ?? '', '', 'a declined proposal changes nothing');
    assert.equal((await call('expert', 'POST', `${base}/${ids.declined}/decision`, { decision: 'accept' })).status, 409);
    const declined = await t.database.db.selectFrom('audit_event').select('after').where('action', '=', 'decline-proposal').execute();
    assert.equal(declined.length, 1);
  });

  test('the list: open ones by default, all on request', async () => {
    const open = await call<List>('poc.mli', 'GET', base);
    assert.equal(open.status, 200);
    assert.deepEqual(
      open.json.data.map((p) => p.id),
      [ids.comment],
    );
    assert.equal(open.json.open, 1);
    const all = await call<List>('expert', 'GET', `${base}?status=all`);
    assert.deepEqual(
      all.json.data.map((p) => `${p.field}:${p.status}`),
      ['OP2.USE.N.LF:accepted', 'OP2.MANUFACTURE.N.LF:open', 'OP2.USE.C.LF:declined', 'OP2.USE.B.LF:withdrawn'],
    );
    assert.equal((await call('committee', 'GET', base)).status, 200);
  });

  test('an approved version takes no proposals, and the database refuses them too', async () => {
    for (const to of ['agreed', 'approved']) {
      const who = to === 'approved' ? 'committee' : 'expert';
      assert.equal((await call(who, 'POST', '/states/MLI/matrix/transitions', { version: 1, to })).status, 200, to);
    }
    const onApproved = await call<Problem>('poc.mli', 'POST', base, {
      field: 'OP2.USE.N.LF',
      kind: 'comment',
      comment: 'Late',
      version: 1,
    });
    assert.equal(onApproved.status, 409);
    assert.match(onApproved.json.detail, /approved/);
    const none = await call<Problem>('poc.mli', 'POST', base, { field: 'OP2.USE.N.LF', kind: 'comment', comment: 'Late' });
    assert.equal(none.status, 409);
    assert.equal((await call('poc.mli', 'GET', base)).status, 404, 'no version in the works');
    const late = await call<Problem>('expert', 'POST', `${base}/${ids.comment}/decision`, { decision: 'accept' });
    assert.equal(late.status, 409, 'a proposal left open on an approved version is not decided');
    assert.match(late.json.detail, /approved and never changes/);
    const m = await t.database.db
      .selectFrom('matrix')
      .select('id')
      .where('state_iso3', '=', 'MLI')
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    const author = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'poc.mli@demo.r1540.org')
      .executeTakeFirstOrThrow();
    await assert.rejects(
      sql`insert into matrix_proposal (matrix_id, field_code, author_id, kind, comment) values (${m.id}, 'OP2.USE.N.LF', ${author.id}, 'comment', 'x')`.execute(
        t.database.db,
      ),
      /never changes/,
    );
    await assert.rejects(sql`delete from matrix_proposal`.execute(t.database.db), /archived, never deleted/);
  });
});

describe('the State reviews version 2 through the pages', () => {
  const pages = '/en/states/MLI/matrix';

  test('the expert starts and sends version 2; the point of contact sees where to comment', async () => {
    assert.equal((await call('secretariat', 'POST', '/states/MLI/matrix/transitions', { version: 1, to: 'published' })).status, 200);
    assert.equal((await call('expert', 'POST', '/states/MLI/matrix', {})).status, 201);
    assert.equal((await call('expert', 'POST', '/states/MLI/matrix/transitions', { version: 2, to: 'sent' })).status, 200);
    const page = await web['poc.mli']!.get(pages);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /href="\/en\/states\/MLI\/matrix\/proposals"/);
    assert.match(html, /Comments and proposals of the State \(0 awaiting a decision\)/);
    assert.match(html, /href="\/en\/states\/MLI\/matrix\/proposals\/new\?field=OP2\.USE\.N\.LF"/);
    // The public sees the published version 1 with neither link.
    const pub = await web.public!.get(pages);
    assert.equal(pub.status, 200);
    assert.doesNotMatch(await pub.text(), /proposals/);
  });

  test('the form keeps the input and names the problem (422), then records the proposal', async () => {
    const poc = web['poc.mli']!;
    const form = await poc.get(`${pages}/proposals/new?field=OP2.USE.N.LF`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /<option value="OP2\.USE\.N\.LF" selected="">/);
    const fields = {
      field: 'OP2.ACQUIRE.N.LF',
      kind: 'proposal',
      comment: 'See the 2016 law',
      value: 'X',
      sourceKind: 'law',
      citation: '',
      locator: '',
      url: '',
      language: '',
      infoDate: '',
    };
    const bad = await poc.post(`${pages}/proposals/new`, fields);
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /OP2\.ACQUIRE\.N\.LF\.sources/);
    assert.match(html, /See the 2016 law/, 'the input is kept');
    assert.match(html, /<option value="OP2\.ACQUIRE\.N\.LF" selected="">/);
    const ok = await poc.post(`${pages}/proposals/new`, { ...fields, citation: 'Loi n° 2016-08', locator: 'art. 4' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `${pages}/proposals?done=created`);
    assert.equal(await status('MLI'), 'commented');
    const comment = await poc.post(`${pages}/proposals/new`, {
      ...fields,
      field: 'OP2.TRANSPORT.N.LF',
      kind: 'comment',
      comment: 'Please check the customs code.',
      value: '',
    });
    assert.equal(comment.status, 303);
  });

  test('another State’s point of contact and the public are kept out of the pages', async () => {
    for (const path of [`${pages}/proposals`, `${pages}/proposals/new`]) {
      assert.equal((await web['poc.fra']!.get(path)).status, 404, path);
      assert.equal((await web.provider!.get(path)).status, 404, path);
      assert.equal((await web.public!.get(path)).status, 401, path);
    }
    assert.equal(
      (await web['poc.fra']!.post(`${pages}/proposals/new`, { field: 'OP2.USE.N.LF', kind: 'comment', comment: 'x' })).status,
      404,
    );
    // The form is for those who may comment: a provider may not, and the point of contact of France does not see the version.
    const fra = await web['poc.fra']!.get('/en/states/MLI/matrix');
    assert.doesNotMatch(await fra.text(), /proposals/);
  });

  test('the expert declines without a note (422), then accepts; the author withdraws the comment', async () => {
    const expert = web.expert!;
    const list = await expert.get(`${pages}/proposals`);
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, /Awaiting a decision \(2\)/);
    assert.match(html, /Loi n° 2016-08/);
    const db = t.database.db;
    const rows = await db
      .selectFrom('matrix_proposal as p')
      .innerJoin('matrix as m', 'm.id', 'p.matrix_id')
      .selectAll('p')
      .where('m.number', '=', 2)
      .where('p.status', '=', 'open')
      .orderBy('p.created_at')
      .execute();
    const [proposal, comment] = rows;
    assert.equal(proposal?.field_code, 'OP2.ACQUIRE.N.LF');
    assert.match(html, new RegExp(`action="/en/states/MLI/matrix/proposals/${proposal!.id}/decision"`));

    const bare = await expert.post(`${pages}/proposals/${proposal!.id}/decision`, { decision: 'decline', note: '', expectedVersion: '1' });
    assert.equal(bare.status, 422);
    assert.match(await bare.text(), /say why the proposal is declined/);

    const overview = await (await web['poc.mli']!.get(pages)).text();
    assert.match(overview, /Comments and proposals of the State \(2 awaiting a decision\)/);

    const ok = await expert.post(`${pages}/proposals/${proposal!.id}/decision`, { decision: 'accept', note: '', expectedVersion: '1' });
    assert.equal(ok.status, 303);
    assert.equal((await cell('MLI', 2, 'OP2.ACQUIRE.N.LF'))?.value, 'X');
    assert.equal(
      (await expert.post(`${pages}/proposals/${proposal!.id}/decision`, { decision: 'accept', expectedVersion: '2' })).status,
      409,
    );

    assert.equal((await expert.post(`${pages}/proposals/${comment!.id}/withdrawal`, {})).status, 403);
    const gone = await web['poc.mli']!.post(`${pages}/proposals/${comment!.id}/withdrawal`, { confirm: 'yes', expectedVersion: '1' });
    assert.equal(gone.status, 303);
    const all = await (await web['poc.mli']!.get(`${pages}/proposals?status=all`)).text();
    assert.match(all, /Withdrawn/);
    assert.match(all, /Accepted/);
    assert.doesNotMatch(all, /name="decision"/, 'the point of contact gets no decision forms');
  });
});
