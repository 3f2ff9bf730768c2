// Engines: both (full-text search: the text search configurations of each engine)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { refreshSearchIndex } from '../../src/features/search/indexer.ts';
import { search } from '../../src/features/search/search.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let filesDir: string;
let viewers: Record<'expert' | 'poc' | 'provider', Viewer>;
const pub = null;

async function add(
  title: string,
  text: string,
  o: { language?: string; state?: string; confidentiality?: string; kind?: string; dated?: string } = {},
) {
  return uploadDocument(t.database.db, t.app.config, systemActor, viewers.expert, {
    title,
    language: o.language ?? 'en',
    kind: o.kind ?? 'other',
    state: o.state ?? '',
    confidentiality: o.confidentiality ?? 'public',
    links: [],
    dated: o.dated,
    file: { name: 'text.txt', bytes: Buffer.from(text, 'utf8') },
  });
}

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
const marked = (r: { hits: { snippet: { text: string; match: boolean }[] }[] }) =>
  r.hits.flatMap((h) => h.snippet.filter((s) => s.match).map((s) => s.text));

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-search-'));
  t = await testApp({ filesDir });
  const user = async (email: string) =>
    viewerOf(await t.database.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
  viewers = {
    expert: await user('expert@demo.r1540.org'),
    poc: await user('poc.mli@demo.r1540.org'),
    provider: await user('provider@demo.r1540.org'),
  };
});
after(async () => {
  await t.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('search in six languages', () => {
  let zh: string;
  let ar: string;
  let fr: string;
  before(async () => {
    zh = (await add('访问报告', '2018年，专家组访问了马里，讨论了国家行动计划。', { language: 'zh', state: 'MLI', dated: '2018-06-01' }))
      .id;
    ar = (
      await add('تقرير الزيارة', 'زار فريق الخبراء مالي في عام 2018 لمناقشة الأسلحة الكيميائية.', {
        language: 'ar',
        state: 'MLI',
        dated: '2018-06-02',
      })
    ).id;
    fr = (
      await add('Rapport de visite', 'Les contrôles à l’exportation des biens à double usage ont été examinés au Niger.', {
        language: 'fr',
        state: 'NER',
        dated: '2017-03-04',
      })
    ).id;
    await add('Russian note', 'Группа экспертов обсудила меры пограничного контроля.', { language: 'ru' });
  });

  test('马里 finds the Chinese document containing 专家组访问了马里, marked in its snippet', async () => {
    const r = await search(t.database.db, pub, { q: '马里', kind: 'document' });
    assert.deepEqual(ids(r), [zh]);
    // The State itself too, by its Chinese name (and Somalia, 索马里, whose name contains it).
    assert.deepEqual(ids(await search(t.database.db, pub, { q: '马里', kind: 'member-state' })).sort(), ['MLI', 'SOM']);
    assert.deepEqual(marked(r), ['马里']);
    assert.equal((await search(t.database.db, pub, { q: '专家组访问', kind: 'document' })).total, 1);
    // The characters must follow each other: 马 and 里 apart do not make 马里.
    assert.equal((await search(t.database.db, pub, { q: '里马', kind: 'document' })).total, 0);
  });

  test('Arabic is found with or without the article and short vowels; French without accents; Russian', async () => {
    assert.deepEqual(ids(await search(t.database.db, pub, { q: 'الخبراء مالي', kind: 'document' })), [ar]);
    assert.deepEqual(ids(await search(t.database.db, pub, { q: 'خبراء', kind: 'document' })), [ar]);
    assert.deepEqual(ids(await search(t.database.db, pub, { q: 'الأَسْلِحَة', kind: 'document' })), [ar]);
    const f = await search(t.database.db, pub, { q: 'controle exportation', kind: 'document' });
    assert.deepEqual(ids(f), [fr]);
    assert.deepEqual(marked(f), ['contrôles', 'exportation']);
    assert.equal((await search(t.database.db, pub, { q: '"double usage"', kind: 'document' })).total, 1);
    assert.equal((await search(t.database.db, pub, { q: '"usage double"', kind: 'document' })).total, 0);
    assert.equal((await search(t.database.db, pub, { q: 'контроля', kind: 'document' })).total, 1);
    assert.equal((await search(t.database.db, pub, { q: 'контр*', kind: 'document' })).total, 1);
  });

  test('filters: State, kind, year, language', async () => {
    assert.deepEqual(ids(await search(t.database.db, pub, { q: '2018', state: 'MLI', kind: 'document' })).sort(), [zh, ar].sort());
    assert.deepEqual(ids(await search(t.database.db, pub, { q: '2018', language: 'ar' })), [ar]);
    assert.equal((await search(t.database.db, pub, { q: 'exportation', year: 2018 })).total, 0);
    assert.equal((await search(t.database.db, pub, { q: 'exportation', year: 2017 })).total, 1);
    await assert.rejects(search(t.database.db, pub, { q: 'x', year: 'soon', kind: 'gossip' }), (e: { fields: { field: string }[] }) => {
      assert.deepEqual(e.fields.map((f) => f.field).sort(), ['kind', 'year']);
      return true;
    });
  });
});

describe('search never shows what the policy hides', () => {
  let secret: string;
  let shared: string;
  before(async () => {
    secret = (await add('Zanzibarite memo', 'The zanzibarite findings of the Group.', { confidentiality: 'committee' })).id;
    shared = (await add('Quillwort exchange', 'Quillwort exchange with Mali.', { confidentiality: 'committee-and-state', state: 'MLI' }))
      .id;
    await t.database.db
      .insertInto('point_of_contact')
      .values({
        state_iso3: 'MLI',
        location: 'capital',
        name: 'Amadou Xerbotiné',
        email: 'xerbotine@example.org',
        designated_on: '2018-02-01',
        source: 'entered',
      })
      .execute();
  });

  test('a committee document: not listed, not counted, for the public, a provider or a State contact', async () => {
    for (const v of [pub, viewers.provider, viewers.poc]) {
      const r = await search(t.database.db, v, { q: 'zanzibarite' });
      assert.equal(r.total, 0);
      assert.deepEqual(r.hits, []);
    }
    assert.deepEqual(ids(await search(t.database.db, viewers.expert, { q: 'zanzibarite' })), [secret]);
  });

  test('a committee-and-state document and a point of contact: the State concerned and the Committee only', async () => {
    assert.deepEqual(ids(await search(t.database.db, viewers.poc, { q: 'quillwort' })), [shared]);
    assert.equal((await search(t.database.db, pub, { q: 'quillwort' })).total, 0);
    assert.equal((await search(t.database.db, viewers.provider, { q: 'quillwort' })).total, 0);
    for (const q of ['Xerbotiné', 'xerbotine@example.org']) {
      assert.equal((await search(t.database.db, pub, { q })).total, 0, q);
      assert.equal((await search(t.database.db, viewers.provider, { q })).total, 0, q);
      const mine = await search(t.database.db, viewers.poc, { q });
      assert.equal(mine.total, 1, q);
      assert.equal(mine.hits[0]!.type, 'point-of-contact');
      assert.equal((await search(t.database.db, viewers.expert, { q })).total, 1, q);
    }
  });

  test('a change of confidentiality or an archive is seen by the next search', async () => {
    const doc = await add('Pangolin survey', 'Pangolin survey of border posts.');
    assert.equal((await search(t.database.db, pub, { q: 'pangolin' })).total, 1);
    await t.database.db.updateTable('document').set({ confidentiality: 'committee' }).where('id', '=', doc.id).execute();
    assert.equal((await search(t.database.db, pub, { q: 'pangolin' })).total, 0);
    assert.equal((await search(t.database.db, viewers.expert, { q: 'pangolin' })).total, 1);
    await t.database.db.updateTable('document').set({ archived_at: new Date() }).where('id', '=', doc.id).execute();
    assert.equal((await search(t.database.db, viewers.expert, { q: 'pangolin' })).total, 0);
  });

  test('through the page and the API, the same', async () => {
    const anon = new Client(t);
    const page = await anon.get('/en/search?q=zanzibarite');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /Zanzibarite memo/);
    assert.match(html, /Nothing found/);
    const api = await anon.get('/api/v1/search?q=zanzibarite');
    assert.deepEqual(await api.json(), { total: 0, page: 1, pageSize: 20, data: [] });
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const ehtml = await (await expert.get('/zh/search?q=zanzibarite')).text();
    assert.match(ehtml, /Zanzibarite memo/);
    assert.match(ehtml, /<mark>zanzibarite<\/mark>/);
    const bad = await expert.get('/api/v1/search?q=x&year=20x8');
    assert.equal(bad.status, 422);
    assert.match(JSON.stringify(await bad.json()), /year/);
  });
});

describe('records and paging', () => {
  test('national reports are found by the State’s name in any language', async () => {
    await seedDemoReports(t.database.db);
    await refreshSearchIndex(t.database.db);
    const r = await search(t.database.db, pub, { q: '科摩罗', kind: 'national-report' });
    assert.ok(r.total >= 1);
    assert.ok(r.hits.every((h) => h.states.includes('COM')));
    assert.match(r.hits[0]!.titles.zh ?? '', /科摩罗/);
  });

  test('pages hold each record once, and the count is the number of records', async () => {
    for (let i = 0; i < 23; i++) await add(`Paging ${i}`, `marmoset ${'filler '.repeat(i)}`);
    const seen = new Set<string>();
    for (let page = 1; page <= 3; page++) {
      const r = await search(t.database.db, pub, { q: 'marmoset', page, pageSize: 10 });
      assert.equal(r.total, 23);
      assert.equal(r.hits.length, page < 3 ? 10 : 3);
      for (const h of r.hits) seen.add(h.id);
    }
    assert.equal(seen.size, 23);
    assert.equal((await search(t.database.db, pub, { q: 'marmoset', page: 9, pageSize: 10 })).total, 23);
  });

  test('the queue is emptied by the re-indexer, and rebuilt rows do not pile up', async () => {
    await refreshSearchIndex(t.database.db);
    const queued = await sql<{ n: string }>`select count(*) as n from search_queue`.execute(t.database.db);
    assert.equal(Number(queued.rows[0]!.n), 0);
    const dup = await sql<{
      n: string;
    }>`select count(*) as n from (select source_type, source_id, seq from search_chunk group by 1, 2, 3 having count(*) > 1) d`.execute(
      t.database.db,
    );
    assert.equal(Number(dup.rows[0]!.n), 0);
  });
});

describe('letters', () => {
  test('a letter is found by its subject; a committee letter only by the Committee side', async () => {
    const db = t.database.db;
    await db
      .insertInto('letter')
      .values({
        kind: 'letter',
        sent_on: '2018-05-02',
        sender_kind: 'chair',
        recipients_mode: 'committee',
        subject: 'Lettre du Président sur les rapports',
        source: 'entered',
        confidentiality: 'public',
      })
      .execute();
    await db
      .insertInto('letter')
      .values({
        kind: 'note',
        sent_on: '2018-06-02',
        sender_kind: 'chair',
        recipients_mode: 'committee',
        subject: 'Wolframite consultations',
        source: 'entered',
        confidentiality: 'committee',
      })
      .execute();
    const r = await search(db, pub, { q: 'lettre president', kind: 'letter' });
    assert.equal(r.total, 1);
    assert.match(r.hits[0]!.path, /^\/letters\//);
    assert.equal((await search(db, pub, { q: 'wolframite' })).total, 0);
    assert.equal((await search(db, viewers.expert, { q: 'wolframite' })).total, 1);
  });

  test('a hit names only the States the reader may see', async () => {
    const db = t.database.db;
    const letter = await db
      .insertInto('letter')
      .values({
        kind: 'letter',
        sent_on: '2018-07-02',
        sender_kind: 'chair',
        recipients_mode: 'list',
        subject: 'Molybdenum outreach to two States',
        source: 'entered',
        confidentiality: 'public',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('letter_recipient')
      .values(['NER', 'TCD'].map((s) => ({ letter_id: letter.id, state_iso3: s })))
      .execute();
    await refreshSearchIndex(db);
    await db.updateTable('member_state').set({ confidentiality: 'committee' }).where('iso3', '=', 'TCD').execute();
    try {
      assert.deepEqual((await search(db, pub, { q: 'molybdenum' })).hits[0]?.states, ['NER']);
      assert.deepEqual((await search(db, viewers.expert, { q: 'molybdenum' })).hits[0]?.states, ['NER', 'TCD']);
    } finally {
      await db.updateTable('member_state').set({ confidentiality: 'public' }).where('iso3', '=', 'TCD').execute();
    }
  });
});
