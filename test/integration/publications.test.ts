// Engines: both (the publications' workflow and its confidentiality through every door, the FAQ's history)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { xml2js } from 'xml-js';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { seedDemoPublications } from '../../src/features/publications/demo.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { exportBundle } from '../../src/platform/bundle/bundle.ts';
import { publicationsCommand } from '../../src/features/publications/cli.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { commandOnApp } from '../support/cli.ts';

type Who = 'public' | 'expert' | 'committee' | 'secretariat' | 'poc';
const emails = {
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  poc: 'poc.mli@demo.r1540.org',
};
let t: TestApp;
const token = {} as Record<Exclude<Who, 'public'>, string>;
const client = {} as Record<Who, Client>;

type Json = Record<string, unknown> & { errors?: { field: string; problem: string }[]; id?: string; rowVersion?: number; status?: string };
async function api(path: string, who: Who = 'public', init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${token[who]}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: res.status, body: (await res.json()) as Json };
}
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('publication')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const draft = (title: string, over: Record<string, unknown> = {}) => ({
  kind: 'press-release',
  dated: '2018-12-10',
  texts: { en: { title, body: 'The body of the release.' } },
  ...over,
});

before(async () => {
  t = await testApp();
  await seedDemoPublications(t.database.db);
  for (const who of ['public', 'expert', 'committee', 'secretariat', 'poc'] as Who[]) {
    client[who] = new Client(t);
    if (who === 'public') continue;
    const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', emails[who]).executeTakeFirstOrThrow();
    token[who] = (await createApiToken(t.database.db, systemActor, user.id, 'publications-test')).token;
    await client[who].login(emails[who]);
  }
});
after(() => t.close());

describe('publications', { timeout: 60_000 }, () => {
  test('the 2018 figures from the demonstration records: five press releases, as in 2017; four quarterly messages', async () => {
    const res = await api('/api/v1/publications/figures?year=2018');
    assert.equal(res.status, 200);
    assert.equal(res.body.pressReleases, 5);
    assert.equal(res.body.pressReleasesYearBefore, 5);
    assert.equal(res.body.chairMessages, 4);
    assert.match(String(res.body.definition), /published/);
  });

  test('draft → approved → published: who may take each step, a stale edit, a future day of publication', async () => {
    const secret = 'Zanzibarian embargo release';
    const created = await api('/api/v1/publications', 'expert', { method: 'POST', json: draft(secret) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'draft');
    const id = created.body.id!;
    assert.equal((await api('/api/v1/publications', 'poc', { method: 'POST', json: draft('x') })).status, 403);
    // Hidden from the public and a point of contact at every door while not published.
    for (const who of ['public', 'poc'] as Who[]) assert.equal((await api(`/api/v1/publications/${id}`, who)).status, 404, who);
    assert.equal((await client.public.get(`/en/publications/${id}`)).status, 404);
    assert.ok(!(await (await client.public.get('/en/publications?year=2018')).text()).includes(secret));
    assert.ok((await (await client.committee.get('/en/publications?year=2018')).text()).includes(secret));
    // Only the Committee approves; only the secretariat publishes, and only what was approved.
    assert.equal(
      (
        await api(`/api/v1/publications/${id}/publish`, 'secretariat', {
          method: 'POST',
          json: { rowVersion: 1, publishedOn: '2018-12-11' },
        })
      ).status,
      409,
    );
    for (const who of ['expert', 'secretariat'] as Who[])
      assert.equal((await api(`/api/v1/publications/${id}/approve`, who, { method: 'POST', json: { rowVersion: 1 } })).status, 403, who);
    const approved = await client.committee.post(`/en/publications/${id}/approve`, { version: '1' });
    assert.equal(approved.status, 303);
    for (const who of ['expert', 'committee'] as Who[])
      assert.equal(
        (await api(`/api/v1/publications/${id}/publish`, who, { method: 'POST', json: { rowVersion: 2, publishedOn: '2018-12-11' } }))
          .status,
        403,
        who,
      );
    const future = await api(`/api/v1/publications/${id}/publish`, 'secretariat', {
      method: 'POST',
      json: { rowVersion: 2, publishedOn: '2999-01-01' },
    });
    assert.equal(future.status, 422);
    assert.deepEqual([...new Set(future.body.errors?.map((e) => e.field))], ['publishedOn']);
    assert.equal((await api(`/api/v1/publications/${id}`, 'public')).status, 404, 'nothing written');
    const published = await api(`/api/v1/publications/${id}/publish`, 'secretariat', {
      method: 'POST',
      json: { rowVersion: 2, publishedOn: '2018-12-11' },
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.publishedOn, '2018-12-11');
    const seen = await api(`/api/v1/publications/${id}`, 'public');
    assert.equal(seen.status, 200);
    assert.equal((seen.body.texts as Record<string, { title: string }>).en?.title, secret);
    // A stale edit is refused; an edit after publication keeps it published, with its history.
    const stale = await client.expert.post(`/en/publications/${id}/edit`, {
      version: '1',
      kind: 'press-release',
      dated: '2018-12-10',
      'title.en': 'Stale',
    });
    assert.equal(stale.status, 409);
    const fixed = await api(`/api/v1/publications/${id}`, 'expert', {
      method: 'PUT',
      json: { ...draft(`${secret} (corrected)`), rowVersion: 3 },
    });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.equal(fixed.body.status, 'published');
    const events = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', id).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'approved', 'published', 'update'],
    );
    const history = await (await client.secretariat.get(`/en/publications/${id}/history`)).text();
    assert.ok(history.includes(`${secret} (corrected)`) && history.includes(secret));
  });

  test('a change of an approved publication sends it back to the Committee (draft)', async () => {
    const created = await api('/api/v1/publications', 'secretariat', { method: 'POST', json: draft('To approve, then change') });
    const id = created.body.id!;
    assert.equal(
      (await api(`/api/v1/publications/${id}/approve`, 'committee', { method: 'POST', json: { rowVersion: 1 } })).body.status,
      'approved',
    );
    const changed = await api(`/api/v1/publications/${id}`, 'secretariat', {
      method: 'PUT',
      json: { ...draft('Changed after approval'), rowVersion: 2 },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.status, 'draft');
    assert.equal(changed.body.approvedOn, null);
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [draft('A', { texts: { de: { title: 'Deutsch', body: '' } } }), 'texts.de'],
      [draft('', {}), 'texts.en.title'],
      [draft('A', { texts: {} }), 'texts'],
      [draft('A', { kind: 'tweet' }), 'kind'],
      [draft('A', { dated: '2018-02-30' }), 'dated'],
    ];
    for (const [body, field] of cases) {
      const res = await api('/api/v1/publications', 'secretariat', { method: 'POST', json: body });
      assert.equal(res.status, 422, field);
      assert.ok(
        res.body.errors?.some((e) => e.field === field),
        `${field}: ${JSON.stringify(res.body.errors)}`,
      );
    }
    const form = await client.secretariat.post('/en/publications/new', { kind: 'news', dated: '2018-12-01', 'body.fr': 'Sans titre' });
    assert.equal(form.status, 422);
    assert.match(await form.text(), /texts\.fr\.title/);
    assert.equal(await count(), before);
  });

  test('a missing language version is shown as missing, with links to the languages there are', async () => {
    const { rows } = await import('../../src/features/publications/queries.ts').then((q) =>
      q.listPublications(t.database.db, null, { kind: 'statement' }, { limit: 50, offset: 0 }),
    );
    // The demonstration has its statements in the six languages, but for one left without its Russian version.
    const withoutRussian = rows.filter((r) => !r.texts.ru);
    assert.equal(withoutRussian.length, 1);
    const one = withoutRussian[0]!;
    assert.deepEqual(Object.keys(one.texts).sort(), ['ar', 'en', 'es', 'fr', 'zh']);
    const ru = await (await client.public.get(`/ru/publications/${one.row.id}`)).text();
    assert.match(ru, /Этот текст недоступен на языке: Русский/);
    for (const l of ['ar', 'en', 'es', 'fr', 'zh']) assert.ok(ru.includes(`href="/${l}/publications/${one.row.id}"`), l);
    for (const l of ['ar', 'en', 'es', 'fr', 'zh'])
      assert.ok(!ru.includes(one.texts[l as 'en']!.body.split('\n')[0]!), `the ${l} text is not put in its place`);
    // Its Arabic version is its own text, right to left, not the English one.
    const ar = await (await client.public.get(`/ar/publications/${one.row.id}`)).text();
    assert.match(ar, /<html lang="ar" dir="rtl"/);
    assert.ok(ar.includes('رسالة مسجلة من الرئيس') && !ar.includes('Recorded message of the Chair'));
    // Every other published one of the demonstration is there in the six languages, Russian included.
    const all = await import('../../src/features/publications/queries.ts').then((q) =>
      q.listPublications(t.database.db, null, {}, { limit: 100, offset: 0 }),
    );
    const demo = all.rows.filter((r) => r.row.source === 'illustrative');
    assert.equal(demo.length, 19);
    assert.deepEqual(
      demo.filter((r) => Object.keys(r.texts).length < 6).map((r) => r.row.id),
      [one.row.id],
    );
  });

  test('the Atom feed: published ones only, in the reader’s language, parsed as XML', async () => {
    const res = await client.committee.get('/fr/publications/feed.atom?kind=press-release');
    assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const doc = xml2js(await res.text(), { compact: true }) as { feed: { entry: { title: { _cdata?: string; _text?: string } }[] } };
    const titles = doc.feed.entry.map((e) => e.title._cdata ?? e.title._text ?? '');
    assert.ok(titles.includes('Le Comité 1540 rencontre des organisations internationales et régionales'), JSON.stringify(titles));
    assert.ok(!titles.some((x) => /Approved, not yet published/.test(x)), 'an approved one is not in the feed');
    assert.equal(titles.length, 11, 'the ten demonstration releases and the one published above');
    assert.equal((await client.public.get('/en/publications/feed.atom?kind=tweet')).status, 422);
  });

  test('confidentiality through search and the bundle', async () => {
    const hidden = 'Approved, not yet published';
    const pub = await api(`/api/v1/search?q=${encodeURIComponent('annual review adopts')}`, 'public');
    assert.ok(!JSON.stringify(pub.body).includes(hidden));
    const committee = await api(`/api/v1/search?q=${encodeURIComponent('annual review adopts')}`, 'committee');
    assert.ok(JSON.stringify(committee.body).includes(hidden));
    // Each version is indexed in its language.
    const zh = await api(`/api/v1/search?q=${encodeURIComponent('专家组新任命')}&lang=zh`, 'public');
    assert.ok(JSON.stringify(zh.body).includes('专家组新任命六名专家'), JSON.stringify(zh.body).slice(0, 300));
    const exported = await exportBundle(t.database.db, null);
    const list = exported.sections.publications as { status: string }[];
    assert.ok(list.length > 10 && list.every((p) => p.status === 'published'));
    const user = await t.database.db.selectFrom('app_user').selectAll().where('email', '=', emails.committee).executeTakeFirstOrThrow();
    const inside = (await exportBundle(t.database.db, viewerOf(user))).sections.publications as { status: string }[];
    assert.ok(inside.some((p) => p.status === 'draft'));
  });
});

describe('the FAQ', { timeout: 60_000 }, () => {
  test('in the reader’s language, grouped and ordered; edited by the secretariat with its history', async () => {
    const page = await (await client.public.get('/ru/faq')).text();
    assert.ok(page.indexOf('>Резолюция 1540 и Комитет</h2>') < page.indexOf('>Помощь</h2>') && page.includes('>Помощь</h2>'));
    assert.ok(page.includes('Что такое матрица 1540?'));
    const faq = (await api('/api/v1/faq')).body as {
      groups: { id: string; questions: { id: string; position: number; texts: Record<string, unknown> }[] }[];
    };
    assert.equal(faq.groups.length, 3);
    assert.equal(faq.groups.flatMap((g) => g.questions).length, 8);
    const q = faq.groups[0]!.questions[0]!;
    assert.equal((await client.expert.get(`/en/faq/questions/${q.id}/edit`)).status, 403);
    const row = await t.database.db.selectFrom('faq_question').select('row_version').where('id', '=', q.id).executeTakeFirstOrThrow();
    const fields = {
      version: String(row.row_version),
      groupId: faq.groups[0]!.id,
      position: '1',
      'question.en': 'What is resolution 1540?',
      'answer.en': 'A resolution of the Security Council.',
    };
    assert.equal(
      (await client.secretariat.post(`/en/faq/questions/${q.id}/edit`, { ...fields, 'question.xx': 'ignored', position: '0' })).status,
      422,
    );
    assert.equal((await client.secretariat.post(`/en/faq/questions/${q.id}/edit`, fields)).status, 303);
    assert.equal((await client.secretariat.post(`/en/faq/questions/${q.id}/edit`, fields)).status, 409, 'a stale version');
    // Only English is left: the other languages show it as missing, with a link to English.
    const fr = await (await client.public.get('/fr/faq')).text();
    assert.match(fr, /Cette question n(&#39;|')est pas disponible en Français/);
    assert.ok(fr.includes(`href="/en/faq#q-${q.id}"`));
    const history = await client.secretariat.get('/en/faq/history');
    assert.equal(history.status, 200);
    assert.ok((await history.text()).includes('What is resolution 1540?'));
    assert.equal((await client.public.get('/en/faq/history')).status, 401);
  });
});

describe('the FAQ through the API, found by the search; r1540 publications list', { timeout: 60_000 }, () => {
  type Hit = { type: string; id: string; path: string; title: string };
  const found = async (q: string, who: Who = 'public') =>
    ((await api(`/api/v1/search?q=${encodeURIComponent(q)}`, who)).body as unknown as { data: Hit[] }).data.filter(
      (h) => h.type === 'faq-question',
    );

  test('the secretariat adds, changes, archives and restores with the pages’ write core; the search follows', async () => {
    // The demonstration questions are found in their languages.
    assert.ok((await found('Что такое матрица')).length >= 1, 'a seeded question, in Russian');
    assert.equal((await api('/api/v1/faq/groups', 'expert', { method: 'POST', json: { position: 4, titles: { en: 'X' } } })).status, 403);
    const group = await api('/api/v1/faq/groups', 'secretariat', {
      method: 'POST',
      json: { position: 4, titles: { en: 'Zorblax matters', fr: 'Questions zorblax' } },
    });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const groupId = group.body.id!;
    const texts = { en: { question: 'What is a zorblax?', answer: 'A word of the quuxfaq test.' } };
    const bad = await api('/api/v1/faq/questions', 'secretariat', {
      method: 'POST',
      json: { groupId, position: 0, texts: { ...texts, de: { question: 'Was?', answer: 'Nichts.' } } },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors!.map((e) => e.field).sort(), ['position', 'texts.de']);
    const added = await api('/api/v1/faq/questions', 'secretariat', { method: 'POST', json: { groupId, position: 1, texts } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const id = added.body.id!;
    const [hit] = await found('zorblax');
    assert.equal(hit?.id, id);
    assert.equal(hit?.path, `/faq#q-${id}`);
    assert.equal(hit?.title, 'What is a zorblax?');
    const put = (rowVersion: number, answer: string) =>
      api(`/api/v1/faq/questions/${id}`, 'secretariat', {
        method: 'PUT',
        json: { rowVersion, groupId, position: 1, texts: { en: { question: 'What is a zorblax?', answer } } },
      });
    const changed = await put(1, 'Changed: a plumbusfaq word.');
    assert.equal(changed.status, 200);
    assert.equal(changed.body.rowVersion, 2);
    assert.equal((await put(1, 'Stale.')).status, 409);
    assert.equal((await found('plumbusfaq')).length, 1, 'the index follows the change');
    assert.equal((await found('quuxfaq')).length, 0);
    const inFaq = async () => JSON.stringify((await api('/api/v1/faq')).body).includes('plumbusfaq');
    assert.equal(await inFaq(), true);
    const archived = await api(`/api/v1/faq/questions/${id}/archive`, 'secretariat', { method: 'POST', json: { rowVersion: 2 } });
    assert.equal(archived.status, 200);
    assert.equal(archived.body.archived, true);
    assert.equal(await inFaq(), false, 'archived: off the public FAQ');
    assert.equal((await found('plumbusfaq')).length, 0, 'and out of the search');
    const restored = await api(`/api/v1/faq/questions/${id}/restore`, 'secretariat', { method: 'POST', json: { rowVersion: 3 } });
    assert.equal(restored.status, 200);
    assert.equal((await found('plumbusfaq')).length, 1);
    // Its group archived, the question leaves the search with it.
    const off = await api(`/api/v1/faq/groups/${groupId}/archive`, 'secretariat', { method: 'POST', json: { rowVersion: 1 } });
    assert.equal(off.status, 200);
    assert.equal((await found('plumbusfaq')).length, 0);
    const history = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', id).orderBy('id').execute();
    assert.deepEqual(
      history.map((h) => h.action),
      ['create', 'update', 'archive', 'restore'],
    );
  });

  test('r1540 publications list: the API’s list, titles in one language and a missing version said so', async () => {
    const run = (...args: string[]) => commandOnApp(t, publicationsCommand, ['list', ...args]);
    const csv = await run('--kind', 'press-release', '--year', '2018', '--lang', 'zh', '--format', 'csv');
    assert.equal(csv.code, 0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines[0], 'dated,kind,status,reference,languages,title (zh),id');
    const listed = (await api('/api/v1/publications?kind=press-release&year=2018')).body as { count: number; data: { id: string }[] };
    assert.equal(lines.length - 1, listed.count, 'the same publications as the API gives the public');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',').at(-1)),
      listed.data.map((p) => p.id),
    );
    assert.ok(lines.slice(1).every((l) => l.includes(',published,')));
    assert.ok(
      lines.some((l) => l.includes('(no zh version)')),
      'a release without a Chinese version',
    );
    const json = await run('--status', 'draft', '--format', 'json', '--as', emails.committee);
    assert.ok((JSON.parse(json.stdout) as { count: number }).count >= 1, 'the Committee side sees the drafts');
    assert.equal(JSON.parse((await run('--status', 'draft', '--format', 'json')).stdout).count, 0, 'the public none');
    await assert.rejects(run('--kind', 'tweet'), /--kind/);
    await assert.rejects(run('--lang', 'de'), /--lang/);
  });
});
