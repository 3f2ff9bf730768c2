// Engines: both (the database's refusal of a change to an approved review is a PL/pgSQL trigger: it must hold on PGlite as on PostgreSQL)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../src/app/seed.ts';
import { createReview, newDraftFrom, regenerate, writeParagraph } from '../../src/features/annual-review/commands.ts';
import { reviewDocument } from '../../src/features/annual-review/document.ts';
import { review2018 } from '../../src/features/annual-review/demo.ts';
import { allFigures } from '../../src/features/annual-review/figures.ts';
import { loadFacts, paragraphsOf, reviewOfYear, type ReviewRow } from '../../src/features/annual-review/queries.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { messages } from '../../src/platform/i18n/i18n.ts';
import { sql } from 'kysely';
import { type TestApp, testApp } from '../support/app.ts';

/*
 * The 2018 review against S/2018/1167 (the seed, ¶9–14 and ¶18), the workflow and what the
 * database refuses, regeneration keeping an edit and flagging a changed figure.
 */

/** The seed's figures, written by hand from its Chinese text. */
const seed2018 = {
  firstReports: ['COM', 'GNB', 'TLS'], // ¶9 科摩罗、几内亚比绍和东帝汶
  memberStates: 193, // ¶9 193 个会员国
  reportingStates: 182, // ¶9 共有 182 个国家现已提交报告
  nonReportingStart: 14, // DOMAIN.md: 14 at the start of the year (12 written to in May, less the three)
  nonReportingEnd: 11, // 193 − 182
  additionalInformation: ['ARG', 'AUS', 'BDI', 'GRC', 'HUN', 'IDN', 'KHM', 'MYS'], // ¶10 八国
  plansInYear: [
    { state: 'SRB', number: 2 },
    { state: 'TKM', number: 1 },
    { state: 'URY', number: 1 },
  ], // ¶11 三份
  plansSince: 32, // ¶11 自 2007 年以来 32 份
  visitedStates: ['BHR', 'GNQ', 'GUY', 'MLI', 'PER', 'SUR', 'ZMB'], // ¶12 (and ¶9 for Mali)
  newContactStates: ['BHR', 'GIN', 'GNB', 'KWT', 'TLS'], // ¶13
  contactStates: 106, // ¶13 共有 106 个会员国
  courses: [
    { place: 'Addis Ababa', from: '2018-08-14', to: '2018-08-17' },
    { place: 'Rostov-on-Don', from: '2018-09-04', to: '2018-09-07' },
  ], // ¶14
  requests: 9, // ¶18 9 项新的援助请求
  requestsYearBefore: 3, // ¶18 2017 收到的 3 项请求
  requestStates: ['BDI', 'BHR', 'GIN', 'GNB', 'GNQ', 'IRQ', 'MDG', 'MLI', 'PER'], // ¶18
};

let t: TestApp;
let published: ReviewRow;
before(async () => {
  t = await testApp();
  await seedDemo(t.database.db, undefined, undefined, '2026-12-01');
  published = (await reviewOfYear(t.database.db, null, 2018))!;
});
after(() => t.close());

describe('the 2018 review from the demonstration records', () => {
  test('every figure of sections II.A and II.B is the seed’s', async () => {
    const figures = allFigures(await loadFacts(t.database.db), { year: 2018, cutOff: review2018.cutOff });
    for (const [key, value] of Object.entries(seed2018)) {
      const got = figures.get(key)?.value;
      const comparable = Array.isArray(got) && typeof got[0] === 'object' ? got.map((c) => ({ ...(c as object) })) : got;
      if (key === 'courses')
        assert.deepEqual(
          (got as { place: string; from: string; to: string }[]).map((c) => [c.from, c.to]),
          (value as { from: string; to: string }[]).map((c) => [c.from, c.to]),
          key,
        );
      else assert.deepEqual(comparable, value, key);
    }
    // Each figure leads back to its records: the 9 requests, the 3 first reports, the 32 plans.
    assert.equal(figures.get('requests')?.records.length, 9);
    assert.equal(figures.get('firstReports')?.records.length, 3);
    assert.equal(figures.get('plansSince')?.records.length, 32);
  });

  test('the published demonstration review holds them, in the seed’s paragraphs, in Chinese, English and French', async () => {
    assert.equal(published.status, 'published');
    assert.equal(published.symbol, 'S/2018/1167');
    const zh = await reviewDocument(t.database.db, messages('zh'), published);
    const para = (key: string) => zh.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)!;
    assert.equal(para('II.A.reports').number, 9);
    assert.equal(para('II.A.plans').number, 11);
    assert.equal(para('II.A.contacts').number, 13);
    assert.equal(para('II.B.requests').number, 18);
    assert.equal(para('III.16').number, 65);
    assert.match(para('II.A.reports').text!, /193 个会员国中共有 182 个国家现已提交报告/);
    assert.match(para('II.A.reports').text!, /从 14 个减至 11 个/);
    assert.match(para('II.A.plans').text!, /总数达到 32 份/);
    assert.match(para('II.A.contacts').text!, /共有 106 个会员国/);
    assert.match(para('II.B.requests').text!, /9 项新的援助请求，明显高于 2017 年收到的 3 项请求/);
    assert.match(para('I.mandate').text!, /第 1977\(2011\)号决议/);
    assert.equal(para('I.mandate').translationStatus, 'translated');
    assert.equal(zh.footnotes[0]?.number, 1);
    assert.match(zh.footnotes[0]!.text, /2018年12月22日/);
    const en = await reviewDocument(t.database.db, messages('en'), published);
    const enPara = (key: string) => en.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)!;
    assert.match(enPara('II.A.reports').text!, /In 2018, Comoros, Guinea-Bissau and Timor-Leste submitted their first reports/);
    assert.match(
      enPara('II.A.reports').text!,
      /182 of the 193 Member States have now reported; the number of non-reporting States fell from 14 to 11/,
    );
    assert.match(
      enPara('II.A.plans').text!,
      /3 voluntary national implementation action plans \(a further plan from Serbia; a first plan from Turkmenistan and Uruguay\)/,
    );
    assert.match(enPara('II.B.requests').text!, /9 new requests for assistance to the Committee, up from the 3 received in 2017/);
    assert.match(enPara('II.A.courses').text!, /Addis Ababa \(August 14 – 17, 2018\)|Addis Ababa \(14–17 August 2018\)|Addis Ababa/);
    // A narrative paragraph not written in English is missing, never filled.
    assert.equal(enPara('I.mandate').text, null);
    const fr = await reviewDocument(t.database.db, messages('fr'), published);
    const frPara = (key: string) => fr.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)!;
    assert.match(frPara('II.A.visits').text!, /7 États/);
    assert.match(frPara('II.A.additional').text!, /8 États/);
  });
});

/** A refusal naming the field (422), or a conflict (409) whose message matches. */
async function refused(write: () => Promise<unknown>, code: 'validation' | 'conflict', what: string | RegExp) {
  await assert.rejects(write, (err: { code?: string; message: string; fields?: { field: string }[] }) => {
    assert.equal(err.code, code, err.message);
    if (typeof what === 'string')
      assert.ok(
        err.fields?.some((f) => f.field === what),
        JSON.stringify(err.fields),
      );
    else assert.match(err.message, what);
    return true;
  });
}

describe('the workflow, the database and regeneration', () => {
  test('an approved review never changes: the write core refuses it, and so does the database', async () => {
    const db = t.database.db;
    await refused(
      () => writeParagraph(db, systemActor, published.id, 'I.context', 'en', { body: 'Changed.' }),
      'conflict',
      /never changes/,
    );
    await refused(() => regenerate(db, systemActor, published.id, published.row_version), 'conflict', /never changes/);
    await assert.rejects(
      sql`update annual_review set symbol = 'S/2018/9999' where id = ${published.id}`.execute(db),
      /approved annual review never changes/,
    );
    await assert.rejects(
      sql`update annual_review set status = 'draft', confidentiality = 'committee' where id = ${published.id}`.execute(db),
      /only moves on/,
    );
    await assert.rejects(
      sql`insert into annual_review_paragraph (review_id, paragraph_key, locale, body, source) values (${published.id}, 'I.context', 'en', 'x', 'entered')`.execute(
        db,
      ),
      /paragraphs of an approved annual review never change/,
    );
    await assert.rejects(sql`update annual_review_paragraph set body = 'x' where review_id = ${published.id}`.execute(db), /never change/);
    const again = await db
      .selectFrom('annual_review')
      .select(['symbol', 'status'])
      .where('id', '=', published.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(again, { symbol: 'S/2018/1167', status: 'published' });
  });

  test('bad input: a cut-off outside the period, a language not one of the six, a stale edit; nothing written', async () => {
    const db = t.database.db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('annual_review')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await refused(
      () =>
        createReview(db, systemActor, {
          ...review2018,
          year: 2019,
          cutOff: '2020-03-01',
          periodFrom: '2019-02-01',
          periodTo: '2020-01-31',
        }),
      'validation',
      'cutOff',
    );
    await refused(() => createReview(db, systemActor, { ...review2018, originalLanguage: 'de' }), 'validation', 'originalLanguage');
    // A second draft of 2018 while the published one stands is a new edition; none yet, so this one is made below.
    assert.equal(await count(), before);
    await refused(() => writeParagraph(db, systemActor, published.id, 'I.context', 'de', { body: 'Kontext.' }), 'validation', 'lang');
    await refused(() => writeParagraph(db, systemActor, published.id, 'no.such', 'en', { body: 'x' }), 'validation', 'paragraph');
  });

  test('a new draft from the published review; an edit survives regeneration, flagged with the old and new values', async () => {
    const db = t.database.db;
    const draft = await newDraftFrom(db, systemActor, published.id);
    assert.equal(draft.edition, 2);
    assert.equal(draft.based_on, published.id);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.confidentiality, 'committee');
    // The Chinese paragraphs came along.
    assert.equal((await paragraphsOf(db, draft.id)).length, 2);
    // The public still reads the published edition; the Committee side the draft.
    assert.equal((await reviewOfYear(db, null, 2018))?.edition, 1);

    const edited = 'In 2018, nine States asked for assistance <b>by hand</b> & more.';
    const p = await writeParagraph(db, systemActor, draft.id, 'II.B.requests', 'en', { body: edited });
    const narrative = await writeParagraph(db, systemActor, draft.id, 'I.context', 'en', {
      body: '<script>alert(1)</script> The context.',
      translationStatus: 'to-be-revised',
    });
    // A stale edit: 409 with the text saved since.
    await refused(
      () => writeParagraph(db, systemActor, draft.id, 'II.B.requests', 'en', { body: 'Mine.', rowVersion: 0 }),
      'conflict',
      /their text: In 2018, nine States/,
    );

    // A tenth request of 2018 is recorded after the draft was made.
    await sql`insert into assistance_request (state_iso3, received_on, channel, status_on, source) values ('NER', '2018-11-05', 'letter', '2018-11-05', 'entered')`.execute(
      db,
    );
    const fresh = await regenerate(db, systemActor, draft.id, draft.row_version);
    assert.equal(fresh.row_version, draft.row_version + 1);

    const en = await reviewDocument(db, messages('en'), fresh);
    const para = (key: string) => en.sections.flatMap((s) => s.paragraphs).find((x) => x.key === key)!;
    const requests = para('II.B.requests');
    assert.equal(requests.text, edited, 'the edit is kept as written');
    assert.equal(requests.edited, true);
    assert.match(requests.generatedText!, /10 new requests for assistance/);
    assert.deepEqual(
      requests.flags.find((f) => /received from 1 January/.test(f.figure)) && requests.flags.map((f) => [f.old, f.now]).slice(0, 1),
      [['9', '10']],
    );
    assert.ok(
      requests.flags.some((f) => /Niger/.test(f.now) && !/Niger/.test(f.old)),
      JSON.stringify(requests.flags),
    );
    // Another generated paragraph, not edited, simply follows the records; no flag.
    assert.equal(para('II.A.reports').flags.length, 0);
    assert.equal(para('I.context').text, '<script>alert(1)</script> The context.');
    assert.equal(para('I.context').translationStatus, 'to-be-revised');
    assert.equal(narrative.row_version, 1);

    // Saving the edit again reconciles it: the flag goes.
    await writeParagraph(db, systemActor, draft.id, 'II.B.requests', 'en', { body: `${edited} Ten now.`, rowVersion: p.row_version });
    const after = await reviewDocument(
      db,
      messages('en'),
      (await reviewOfYear(db, { id: 'x', email: 'x', displayName: 'x', role: 'expert', stateIso3: null, organizationCode: null }, 2018))!,
    );
    assert.equal(after.sections.flatMap((s) => s.paragraphs).find((x) => x.key === 'II.B.requests')!.flags.length, 0);
  });
});

describe('the pages, the API and the Word document', () => {
  test('the public reads only the published edition; the Committee side the draft, its markup escaped', async () => {
    const { Client } = await import('../support/app.ts');
    const publicPage = await t.request('/en/reviews/2018');
    assert.equal(publicPage.status, 200);
    const html = await publicPage.text();
    assert.match(html, /182 of the 193 Member States/);
    assert.doesNotMatch(html, /alert\(1\)|nine States asked/, 'the draft’s paragraphs never reach the public');
    assert.doesNotMatch(html, /annual-review-figures/, 'the sources of the figures are the Committee side’s');
    assert.equal((await t.request('/en/reviews/2031')).status, 404);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const draftHtml = await (await expert.fetch('/en/reviews/2018')).text();
    assert.match(draftHtml, /&lt;script&gt;alert\(1\)&lt;\/script&gt; The context\./);
    assert.doesNotMatch(draftHtml, /<script>alert\(1\)/);
    assert.match(draftHtml, /Not yet written in this language\./, 'a narrative paragraph missing in English is shown as missing');
    // The demonstration's draft of 2019: 404 for the public, the page for the Committee side.
    assert.equal((await t.request('/zh/reviews/2019')).status, 404);
    assert.equal((await t.request('/api/v1/reviews/2019?lang=zh')).status, 404);
    assert.equal((await expert.fetch('/zh/reviews/2019')).status, 200);
    const list = await (await t.request('/fr/reviews')).text();
    assert.match(list, /S\/2018\/1167/);
    assert.doesNotMatch(list, /href="\/fr\/reviews\/2019"/);
  });

  test('the API gives the document model with each figure’s value and definition; a bad language is 422', async () => {
    const res = await t.request('/api/v1/reviews/2018?lang=fr');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      edition: number;
      figures: { key: string; value: unknown; definition: string; records: unknown[] }[];
    };
    assert.equal(doc.edition, 1);
    const requests = doc.figures.find((f) => f.key === 'requests')!;
    assert.equal(requests.value, 9);
    assert.match(requests.definition, /Demandes d’assistance reçues/);
    assert.deepEqual(requests.records, [], 'the public is not given the ids of the requests');
    const bad = await t.request('/api/v1/reviews/2018?lang=de');
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /lang/);
  });

  test('the Word document of the draft: figures, footnote, symbol header; markup kept as text', async () => {
    const { Client } = await import('../support/app.ts');
    const { examine } = await import('../../src/features/documents/content.ts');
    const JSZip = (await import('jszip')).default;
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const res = await expert.fetch('/en/reviews/2018/docx');
    assert.equal(res.status, 200);
    const buf = Buffer.from(await res.arrayBuffer());
    const { text } = await examine(buf, 'review.docx');
    assert.match(text, /S\/2018\/1167/);
    assert.match(text, /9\. In 2018, Comoros, Guinea-Bissau and Timor-Leste submitted their first reports/);
    assert.match(text, /<script>alert\(1\)<\/script> The context\./, 'the typed markup is text in the document');
    const zip = await JSZip.loadAsync(buf);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    assert.match(documentXml, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    assert.match(footnotes, /data and information received up to December 22, 2018/);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d*\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    assert.ok(
      headers.some((h) => h.includes('S/2018/1167')),
      'the symbol in the running header',
    );
  });
});

test('the bundle section: every review with its paragraphs, imported into a database without them, exports the same', async () => {
  const { annualReviewsSection } = await import('../../src/features/annual-review/bundle.ts');
  const { ImportTally } = await import('../../src/platform/bundle/section.ts');
  const { freshDatabase } = await import('../support/database.ts');
  const exported = await annualReviewsSection.export(t.database.db, {
    id: 'x',
    email: 'x',
    displayName: 'x',
    role: 'admin',
    stateIso3: null,
    organizationCode: null,
  });
  assert.ok(exported.some((r) => r.status === 'published' && r.paragraphs.length === 2));
  assert.ok(exported.some((r) => r.status === 'draft' && r.basedOn !== null));
  const target = await freshDatabase();
  try {
    await target.db
      .transaction()
      .execute((trx) => annualReviewsSection.import(trx, systemActor, exported, new ImportTally(exported.length), {}));
    const again = await annualReviewsSection.export(target.db, {
      id: 'x',
      email: 'x',
      displayName: 'x',
      role: 'admin',
      stateIso3: null,
      organizationCode: null,
    });
    assert.deepEqual(again, exported);
    // The public's export carries the published review only, without the ids of the records behind its figures.
    const publicOnes = await annualReviewsSection.export(target.db, null);
    assert.deepEqual(
      publicOnes.map((r) => r.status),
      ['published'],
    );
    const figures = (publicOnes[0]!.figures as { figures: Record<string, { records: unknown[] }> }).figures;
    assert.ok(Object.values(figures).every((f) => f.records.length === 0));
  } finally {
    await target.close();
  }
});
