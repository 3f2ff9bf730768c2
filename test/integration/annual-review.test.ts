import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createReview, newDraftFrom, regenerate, writeParagraph } from '../../src/features/annual-review/commands.ts';
import { reviewDocument } from '../../src/features/annual-review/document.ts';
import { narrativeZh } from '../../src/features/annual-review/demo-narrative-zh.ts';
import { review2018 } from '../../src/features/annual-review/demo.ts';
import { allFigures } from '../../src/features/annual-review/figures.ts';
import { committeeFigures } from '../../src/features/annual-review/figures-committee.ts';
import { besideLastYear, besideText } from '../../src/features/annual-review/previous.ts';
import { loadFacts, paragraphsOf, reviewOfYear, type ReviewRow } from '../../src/features/annual-review/queries.ts';
import { figureKeysWithQueries, figureQuery, staleness } from '../../src/features/annual-review/sources.ts';
import { translationTable } from '../../src/features/annual-review/translations.ts';
import { compareSides, currentSide, versionsOf } from '../../src/features/annual-review/versions.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { messages } from '../../src/platform/i18n/i18n.ts';
import { sql } from 'kysely';
import { type TestApp, testApp } from '../support/app.ts';

/*
 * The 2018 review against S/2018/1167 (the seed, ¶4–5, ¶9–14, ¶18, ¶39–49 and the appendix), the workflow and what the
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
    { place: 'Addis Ababa', places: { zh: '亚的斯亚贝巴' }, from: '2018-08-14', to: '2018-08-17' },
    { place: 'Rostov-on-Don', places: { zh: '俄罗斯联邦顿河畔罗斯托夫' }, from: '2018-09-04', to: '2018-09-07' },
  ], // ¶14 (the places in Chinese: the courses' events')
  requests: 9, // ¶18 9 项新的援助请求
  requestsYearBefore: 3, // ¶18 2017 收到的 3 项请求
  requestStates: ['BDI', 'BHR', 'GIN', 'GNB', 'GNQ', 'IRQ', 'MDG', 'MLI', 'PER'], // ¶18
  // The Committee's own year.
  chair: { name: '萨查·塞尔吉奥·略伦蒂·索利斯 (Sacha Sergio Llorentty Solíz)', state: 'BOL' }, // ¶4 萨查·塞尔吉奥·略伦蒂·索利斯(多民族玻利维亚国)
  formalMeetings: 4, // ¶4 四次正式会议
  informalMeetings: 2, // ¶4 两次非正式会议
  councilBriefings: [{ on: '2018-10-03', organizations: ['1267-C', 'CTC'] }], // ¶7 2018 年 10 月 3 日与……第 1267(1999)号……以及……第 1373(2001)号决议所设委员会的联席会议
  outreachEvents: 32, // ¶39 32 次外联活动
  chairMessagesToParliamentarians: 2, // ¶41 两次通过录制的视频致辞向议员发表了讲话
  eventsWithIndustry: 2, // ¶42 两次直接接触产业界的活动
  chairMessages: 4, // ¶44 主席季度致辞 (quarterly: four)
  siteVisits: { to: '2018-12-20', visits: 68_006, visitsYearBefore: 67_340, change: 1 }, // ¶45 截至 2018 年 12 月 20 日 68 006 次，增加 1% (67,340: the demonstration's 2017)
  pressReleases: 5, // ¶46 5 篇
  pressReleasesYearBefore: 5, // ¶46 与 2017 年持平
  donorsWithGrantsUsed: [
    { state: 'DEU' },
    { state: 'ESP' },
    { state: 'KOR' },
    { state: 'NOR' },
    { state: 'SWE' },
    { state: 'USA' },
    { organization: 'EU' },
  ], // ¶48 德国、挪威、大韩民国、西班牙、瑞典、美利坚合众国和欧洲联盟
  newContributions: [{ state: 'KAZ' }], // ¶48 哈萨克斯坦提供的新捐款
  newExperts: [
    { name: 'Edith Valles', state: 'ARG' },
    { name: 'Hongliu Zhang', state: 'CHN' },
    { name: 'Jonathan Brewer', state: 'GBR' },
    { name: 'Kiwako Tanaka', state: 'JPN' },
    { name: 'Michiel Combrink', state: 'ZAF' },
    { name: 'Scott Spence', state: 'USA' },
  ], // ¶49 6 名新任命的专家 (by date of appointment, then name)
  newCoordinator: { name: 'Raphael Prenat', state: 'FRA' }, // ¶49
};
/** ¶5: each working group's coordinating State and its meetings of 2018 (三次、三次、一次、一次). */
const seedWorkingGroups = [
  ['monitoring', 'PER', 3],
  ['assistance', 'FRA', 3],
  ['cooperation', 'CIV', 1],
  ['transparency', 'USA', 1],
];
/** The appendix: its groups in order, with their rows. */
const seedAnnex = [
  ['visit-at-invitation', 6],
  ['joint-visit', 3],
  ['country-specific', 3],
  ['regional', 8],
  ['other', 31],
];

let t: TestApp;
let published: ReviewRow;
before(async () => {
  t = await testApp({}, { demo: true }); // the demonstration data, seeded as on demoToday (1 December 2026)
  published = (await reviewOfYear(t.database.db, null, 2018))!;
});
after(() => t.close());

describe('the 2018 review from the demonstration records', () => {
  test('every figure of the review is the seed’s', async () => {
    const period = { year: 2018, cutOff: review2018.cutOff, siteVisitsTo: review2018.siteVisitsTo };
    const figures = allFigures(await loadFacts(t.database.db, period), period);
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
    assert.deepEqual(
      (figures.get('workingGroups')!.value as { group: string; state: string; meetings: number }[]).map((g) => [
        g.group,
        g.state,
        g.meetings,
      ]),
      seedWorkingGroups,
    );
    const annex = figures.get('annexEvents')!.value as { group: string }[];
    assert.deepEqual(
      seedAnnex.map(([group]) => [group, annex.filter((r) => r.group === group).length]),
      seedAnnex,
    );
    assert.equal(figures.get('outreachEvents')?.records.length, 32);
    assert.equal(figures.get('formalMeetings')?.records.length, 4);
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
    // Every narrative paragraph in Chinese as the seed writes it: the 2018 review reads like S/2018/1167 in Chinese.
    const narrative = zh.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'narrative');
    assert.ok(narrative.length >= 45 && narrative.every((p) => p.text), 'no narrative paragraph missing in Chinese');
    assert.equal(para('III.14').text, '委员会应当考虑采取更多策略来增加网站流量。');
    assert.equal(para('III.14').number, 63);
    // The Chair in Chinese, as ¶4 of the seed names him, and signing the letter so.
    assert.match(para('II.chair-meetings').text!, /^2018 年，委员会在萨查·塞尔吉奥·略伦蒂·索利斯\(多民族玻利维亚国\)的领导下/);
    assert.equal(zh.chairName, '萨查·塞尔吉奥·略伦蒂·索利斯');
    // ¶14: the courses' places in Chinese (their events'), their count in words, the seed's spacing of digits.
    assert.equal(
      para('II.A.courses').text,
      '2018 年举办了两期区域联络人培训班：8 月 14 日至 17 日在亚的斯亚贝巴和 9 月 4 日至 7 日在俄罗斯联邦顿河畔罗斯托夫。',
    );
    assert.match(
      para('II.A.briefing').text!,
      /的第 1267\(1999\)号、第 1989\(2011\)号和第 2253\(2015\)号决议所设委员会/,
      '¶7 spaced as the seed',
    );
    assert.match(
      para('II.C.4').text!,
      /^委员会及其专家组继续与国际不扩散机制开展了以下工作：\n\(a\) /,
      '¶32 and its sub-paragraphs, a line each',
    );
    assert.equal(zh.footnotes[0]?.number, 1);
    assert.match(zh.footnotes[0]!.text, /截至 2018 年 12 月 22 日收到的数据和资料/); // the seed's footnote, its spacing
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
    assert.match(enPara('II.A.courses').text!, /Addis Ababa \(14\s?–\s?17 August 2018\)/);
    // A narrative paragraph not written in English is missing, never filled.
    assert.equal(enPara('I.mandate').text, null);
    const fr = await reviewDocument(t.database.db, messages('fr'), published);
    const frPara = (key: string) => fr.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)!;
    assert.match(frPara('II.A.visits').text!, /7 États/);
    assert.match(frPara('II.A.additional').text!, /8 États/);

    // The Committee's own year, in the seed's paragraphs (¶4–5, ¶39–49).
    assert.deepEqual(
      [
        'II.chair-meetings',
        'II.working-groups',
        'II.D.events',
        'II.D.parliamentarians',
        'II.D.industry',
        'II.D.messages',
        'II.D.visits',
        'II.D.press',
        'II.E.trust-fund',
        'II.E.experts',
      ].map((k) => para(k).number),
      [4, 5, 39, 41, 42, 44, 45, 46, 48, 49],
    );
    assert.match(para('II.chair-meetings').text!, /\(多民族玻利维亚国\)的领导下/);
    assert.match(para('II.chair-meetings').text!, /委员会在 2018 年举行了四次正式会议和两次非正式会议。/); // the seed's words for small counts
    for (const [person, state, n] of [
      ['恩里·普列托', '秘鲁', '三'],
      ['亚历克西娅·雅罗', '法国', '三'],
      ['安东宁·本杰明·比克', '科特迪瓦', '一'],
      ['克雷格·芬克尔斯坦和斯蒂芬·奈特', '美利坚合众国', '一'],
    ])
      assert.match(para('II.working-groups').text!, new RegExp(`由${person}\\(${state}\\)协调的[^；。]+，举行了${n}次非正式会议[；。]`));
    assert.match(para('II.working-groups').text!, /由恩里·普列托\(秘鲁\)协调的监测和国家执行情况工作组，举行了三次非正式会议；/);
    assert.match(para('II.working-groups').text!, /透明度和媒体外联工作组，举行了一次非正式会议。$/);
    assert.match(para('II.D.events').text!, /2018 年，主席、委员会成员和专家参加了 32 次外联活动\(见附文\)/);
    assert.match(para('II.D.parliamentarians').text!, /委员会主席在 2018 年两次通过录制的视频致辞向议员发表了讲话/);
    assert.match(para('II.D.industry').text!, /参加了两次直接接触产业界的活动/);
    // ¶7, as the seed: the briefing of the Council joint with the 1267 and 1373 Committees, by their full names.
    assert.match(
      para('II.A.briefing').text!,
      /^委员会根据第十七个工作方案，在 2018 年 10 月 3 日与安全理事会关于伊拉克和黎凡特伊斯兰国\(达伊沙\)、基地组织.*第 ?1267\(1999\)号.*决议所设委员会和反恐怖主义委员会的联席会议中向安全理事会通报了其活动。$/,
    );
    assert.match(para('II.D.messages').text!, /发布了 4 篇主席季度致辞/);
    assert.match(para('II.D.visits').text!, /截至 2018 年 12 月 20 日，网站访问量为 68 006 次，比 2017 年增加 1%。/);
    assert.match(para('II.D.press').text!, /发布了 5 篇关于委员会活动的新闻稿，与 2017 年持平。/);
    const fund = para('II.E.trust-fund').text!;
    for (const donor of ['德国', '挪威', '大韩民国', '西班牙', '瑞典', '美利坚合众国']) assert.ok(fund.includes(donor), donor);
    assert.match(fund, /和欧洲联盟捐款的赠款；收到了哈萨克斯坦提供的新捐款。/);
    assert.match(para('II.E.experts').text!, /专家组吸纳了 6 名新任命的专家：Edith Valles \(阿根廷\)、Hongliu Zhang \(中国\)/);
    assert.match(para('II.E.experts').text!, /秘书长任命了Raphael Prenat \(法国\)担任协调员/);

    assert.match(
      enPara('II.chair-meetings').text!,
      /under the chairmanship of Sacha Sergio Llorentty Solíz \(Bolivia.*\).*The Committee held 4 formal meetings and 2 informal meetings in 2018\./,
    );
    for (const [person, state, n] of [
      ['Enri Prieto', 'Peru', '3 informal meetings'],
      ['Alexia Jarreau', 'France', '3 informal meetings'],
      ['Antonin Benjamin Bicque', 'Côte d.Ivoire', '1 informal meeting'],
      ['Craig Finkelstein and Stephen Knight', 'United States of America', '1 informal meeting'],
    ])
      assert.match(enPara('II.working-groups').text!, new RegExp(`coordinated by ${person} \\(${state}\\), which held ${n}\\b`));
    assert.match(
      enPara('II.D.events').text!,
      /In 2018, the Chair, Committee members and experts participated in 32 outreach events \(see appendix\)/,
    );
    assert.match(enPara('II.D.messages').text!, /issued 4 quarterly messages of the Chair/);
    assert.match(
      enPara('II.D.parliamentarians').text!,
      /the Chair of the Committee addressed parliamentarians twice through recorded video messages/,
    );
    assert.match(enPara('II.D.industry').text!, /participated in 2 events directly engaging industry/);
    assert.match(
      enPara('II.D.visits').text!,
      /As at 20 December 2018, the website had received 68,006 visits, an increase of 1 per cent over 2017\./,
    );
    assert.match(
      enPara('II.D.press').text!,
      /In 2018, 5 press releases on the Committee’s activities were issued, the same number as in 2017\./,
    );
    assert.match(
      enPara('II.E.trust-fund').text!,
      /contributions of Germany, Norway, Republic of Korea, Spain, Sweden, United States of America and European Union were used\. A new contribution was received from Kazakhstan\./,
    );
    assert.match(
      enPara('II.E.experts').text!,
      /In 2018, 6 newly appointed experts joined the Group of Experts: Edith Valles \(Argentina\)/,
    );

    assert.match(frPara('II.chair-meetings').text!, /Il a tenu 4 séances officielles et 2 séances informelles en 2018\./);
    assert.match(frPara('II.working-groups').text!, /coordonné par Enri Prieto \(Pérou\), qui a tenu 3 séances informelles ;/);
    assert.match(frPara('II.D.events').text!, /ont participé à 32 manifestations de communication/);
    assert.match(
      frPara('II.D.visits').text!,
      /Au 20 décembre 2018, le site Web avait reçu 68\s006 visites, soit une augmentation de 1\s% par rapport à 2017\./,
    );
    assert.match(
      frPara('II.D.press').text!,
      /En 2018, 5 communiqués de presse sur les activités du Comité ont été publiés, comme en 2017\./,
    );
    assert.match(frPara('II.D.messages').text!, /4 messages trimestriels du Président/);
    assert.match(
      frPara('II.E.trust-fund').text!,
      /Allemagne, Espagne, États-Unis d.Amérique, Norvège, République de Corée, Suède et Union européenne/,
    );
    assert.match(frPara('II.E.experts').text!, /6 experts nouvellement nommés ont rejoint le Groupe d’experts/);

    // The appendix: its groups in order, each with its rows, in the reader's language.
    assert.deepEqual(
      zh.annex?.groups.map((g) => [g.heading, g.rows.length]),
      [
        ['应邀访问各国', 6],
        ['联合访问会员国', 3],
        ['其他国别活动', 3],
        ['其他区域活动', 8],
        ['其他外联活动', 31],
      ],
    );
    assert.deepEqual(zh.annex?.columns, ['日期', '说明', '组织者/主办方', '地点']);
    assert.equal(zh.annex?.groups[0]?.rows[0]?.dates, '1月22日至23日');
    assert.match(zh.annex!.groups[0]!.rows[0]!.organizer, /^土库曼斯坦、欧安组织/);
    // The description and place in Chinese, as the seed's annex gives them (the events' translations).
    assert.deepEqual(
      [zh.annex!.groups[0]!.rows[0]!.description, zh.annex!.groups[0]!.rows[0]!.place],
      ['关于国家自愿执行行动计划执行情况的国家圆桌会议', '阿什哈巴德'],
    );
    const ashgabat = en.annex!.groups[0]!.rows[0]!;
    assert.match(ashgabat.dates, /^22\s?–\s?23 January$/);
    assert.deepEqual(
      [ashgabat.description, ashgabat.organizer, ashgabat.place],
      [
        'National round table on the implementation of the voluntary national implementation action plan',
        'Turkmenistan, OSCE and UNRCPD',
        'Ashgabat',
      ],
    );
    assert.equal(fr.annex?.groups.at(-1)?.heading, 'Autres manifestations de communication');
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
    // The website's visits are counted to a day of the year, not after the cut-off.
    await refused(() => createReview(db, systemActor, { ...review2018, siteVisitsTo: '2018-12-23' }), 'validation', 'siteVisitsTo');
    await refused(() => createReview(db, systemActor, { ...review2018, siteVisitsTo: '2017-12-31' }), 'validation', 'siteVisitsTo');
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
    assert.equal(
      (await paragraphsOf(db, draft.id)).length,
      (await paragraphsOf(db, published.id)).length,
      'every written paragraph copied',
    );
    assert.equal((await paragraphsOf(db, draft.id)).length, Object.keys(narrativeZh).length);
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
    assert.match(html, /<table class="annex-events">/);
    assert.match(html, /<th scope="colgroup" colspan="4">Other outreach events<\/th>/);
    assert.match(html, /<td>Ashgabat<\/td>/);
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
    // The appendix's table: a row naming each group, its header repeated on every page.
    assert.match(text, /Visits to States at their invitation/);
    assert.match(text, /Other outreach events/);
    assert.match(text, /Organizer\/host/);
    assert.match(documentXml, /<w:tblHeader\/>/);
    assert.match(text, /68,006 visits/);
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    assert.match(footnotes, /data and information received up to 22 December 2018/);
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

const expertViewer = { id: 'x', email: 'x', displayName: 'x', role: 'expert' as const, stateIso3: null, organizationCode: null };
const paragraphOf = (doc: { sections: { paragraphs: { key: string }[] }[] }, key: string) =>
  doc.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)! as Awaited<
    ReturnType<typeof reviewDocument>
  >['sections'][number]['paragraphs'][number];

describe('every figure traceable, versions, translations and the year before (items 4, 5, 6, 8)', () => {
  test('each figure’s query, run on the database, gives the records (or the States) its function counts', async () => {
    const db = t.database.db;
    const period = { year: 2018, cutOff: review2018.cutOff };
    const facts = await loadFacts(db, period);
    const figures = allFigures(facts, period);
    // Every figure of the records of States (II.A, II.B) and the counts of the Committee's own year
    // (meetings, outreach, publications) have their SQL; those made of people, working groups, the
    // trust fund and the website's counter are the features' functions alone (figures-committee.ts).
    const committee = new Set(committeeFigures(facts, period).map((f) => f.key));
    const withoutQuery = [
      'chair',
      'workingGroups',
      'siteVisits',
      'donorsWithGrantsUsed',
      'newContributions',
      'newExperts',
      'newCoordinator',
    ];
    assert.deepEqual(
      [...figureKeysWithQueries].sort(),
      [...figures.keys()].filter((k) => !withoutQuery.includes(k)).sort(),
      'a query for every figure but those listed',
    );
    for (const [key, f] of figures) {
      if (withoutQuery.includes(key)) continue;
      const rows = (await sql.raw<{ id?: string; iso3?: string; state_iso3?: string }>(figureQuery(key, period)!).execute(db)).rows;
      if (committee.has(key)) {
        // One row a record: the records behind the figure, as many as it counts (the annex: its rows).
        assert.deepEqual(rows.map((r) => r.id).sort(), f.records.map((r) => r.id).sort(), key);
        assert.equal(rows.length, Array.isArray(f.value) ? f.value.length : f.value, key);
        assert.ok(rows.length > 0, `${key}: the demonstration data has some`);
      } else if (rows[0] && 'id' in rows[0]) {
        assert.deepEqual(rows.map((r) => r.id).sort(), f.records.map((r) => r.id).sort(), key);
        if (Array.isArray(f.value) && typeof f.value[0] === 'string')
          assert.deepEqual([...new Set(rows.map((r) => r.state_iso3!.trim()))].sort(), f.value, key);
        if (typeof f.value === 'number' && key !== 'plansSince' && !key.startsWith('requests'))
          assert.equal(new Set(rows.map((r) => r.state_iso3!.trim())).size, f.value, key);
      } else {
        const states = rows.map((r) => r.iso3!.trim()).sort();
        if (typeof f.value === 'number') assert.equal(states.length, f.value, key);
        else assert.deepEqual(states, f.value, key);
      }
    }
  });

  test('a figure’s page lists its records with links, for the Committee side only; the public never reaches it', async () => {
    const { Client } = await import('../support/app.ts');
    for (const path of ['/en/reviews/2018/figures/requests', '/en/reviews/2019/figures/requests', '/en/reviews/2018/translations'])
      assert.equal((await t.request(path)).status, 401, path);
    const poc = new Client(t);
    await poc.login('poc.mli@demo.r1540.org');
    assert.equal((await poc.fetch('/en/reviews/2018/figures/requests')).status, 403);
    const publicHtml = await (await t.request('/en/reviews/2018')).text();
    assert.doesNotMatch(
      publicHtml,
      /\/reviews\/2018\/(figures|versions|translations|previous-year)/,
      'no working page is offered to the public',
    );
    const committee = new Client(t);
    await committee.login('committee@demo.r1540.org');
    // The Committee side reads the latest edition (the draft of 2018, regenerated with a tenth request).
    const draft = (await reviewOfYear(t.database.db, expertViewer, 2018))!;
    const ids = (draft.figures.figures?.requests?.records ?? []).map((r) => r.id);
    assert.equal(ids.length, 10);
    const res = await committee.fetch('/en/reviews/2018/figures/requests');
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const id of ids) assert.match(html, new RegExp(`href="/en/assistance/requests/${id}"`));
    assert.match(html, /Requests for assistance received from 1 January of the year to the data cut-off date/);
    assert.match(html, /from assistance_request/);
    // A figure of the Committee's own year: its records linked, its query shown.
    const press = await (await committee.fetch('/en/reviews/2018/figures/pressReleases')).text();
    for (const r of draft.figures.figures?.pressReleases?.records ?? []) assert.match(press, new RegExp(`href="/en/publications/${r.id}"`));
    assert.match(press, /from publication/);
    const formal = await (await committee.fetch('/en/reviews/2018/figures/formalMeetings')).text();
    // Every figure's page opens, none of its records shown as gone.
    for (const key of Object.keys(draft.figures.figures ?? {})) {
      const res = await committee.fetch(`/en/reviews/2018/figures/${key}`);
      assert.equal(res.status, 200, key);
      assert.doesNotMatch(await res.text(), /No longer in the records/, key);
    }
    assert.equal([...formal.matchAll(/href="\/en\/committee\/meetings\/[0-9a-f-]{36}"/g)].length, 4, 'the 4 formal meetings of ¶4');
    assert.equal((await committee.fetch('/en/reviews/2018/figures/no-such')).status, 404);
    const page = await (await committee.fetch('/en/reviews/2018')).text();
    assert.match(page, /href="\/en\/reviews\/2018\/figures\/requests"/, 'the paragraph’s figure leads to its records');
    assert.match(page, /id="annual-review-figures-caption"/);
    assert.match(
      page,
      /where archived_at is null and received_on between date &#39;2018-01-01&#39; and date &#39;2018-12-22&#39;|received_on between date '2018-01-01' and date '2018-12-22'/,
    );
    for (const tool of ['translations', 'versions', 'previous-year']) assert.match(page, new RegExp(`href="/en/reviews/2018/${tool}"`));
  });

  test('the API gives a figure with its definition, its SQL and its records, to the Committee side only', async () => {
    const { createApiToken } = await import('../../src/features/accounts/commands.ts');
    const { systemActor } = await import('../../src/platform/audit/record.ts');
    const db = t.database.db;
    const userId = async (email: string) =>
      (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const bearer = async (email: string) => ({
      headers: { authorization: `Bearer ${(await createApiToken(db, systemActor, await userId(email), 'figure-api')).token}` },
    });
    assert.equal((await t.request('/api/v1/reviews/2018/figures/pressReleases')).status, 401);
    assert.equal((await t.request('/api/v1/reviews/2018/figures/pressReleases', await bearer('poc.mli@demo.r1540.org'))).status, 403);
    const committee = await bearer('committee@demo.r1540.org');
    const res = await t.request('/api/v1/reviews/2018/figures/pressReleases?lang=zh', committee);
    assert.equal(res.status, 200);
    const f = (await res.json()) as {
      value: number;
      query: string;
      definition: string;
      records: { type: string; href: string; on: string }[];
      stale: boolean;
    };
    assert.equal(f.value, 5);
    assert.match(f.query, /from publication\nwhere archived_at is null and kind = 'press-release'/);
    assert.equal(f.records.length, 5);
    for (const r of f.records) {
      assert.equal(r.type, 'publication');
      assert.match(r.href, /^\/zh\/publications\/[0-9a-f-]{36}$/);
      assert.match(r.on, /^2018-/);
    }
    const requests = (await (await t.request('/api/v1/reviews/2018/figures/requests', committee)).json()) as {
      value: number;
      records: unknown[];
    };
    assert.equal(requests.records.length, requests.value);
    assert.equal((await t.request('/api/v1/reviews/2018/figures/nothing', committee)).status, 404);
  });

  test('a figure whose records changed since the snapshot is flagged; regenerating clears it', async () => {
    const db = t.database.db;
    const { Client } = await import('../support/app.ts');
    let draft = (await reviewOfYear(db, expertViewer, 2018))!;
    const fresh = [...(await staleness(db, draft))].filter(([, s]) => s.stale);
    assert.deepEqual(fresh, [], 'just regenerated: nothing stale');
    // An eleventh request of 2018, and a visit of the snapshot edited, after the figures were counted.
    await sql`insert into assistance_request (state_iso3, received_on, channel, status_on, source) values ('TCD', '2018-12-01', 'letter', '2018-12-01', 'entered')`.execute(
      db,
    );
    const visitId = draft.figures.figures!.visitedStates!.records[0]!.id;
    await sql`update visit set updated_at = now() + interval '1 minute' where id = ${visitId}`.execute(db);
    const stale = await staleness(db, draft);
    assert.equal(stale.get('requests')?.stale, true);
    assert.equal(stale.get('requests')?.freshValue, 11);
    assert.equal(stale.get('requests')?.added.length, 1);
    assert.deepEqual(
      stale.get('visitedStates')?.updated.map((r) => r.id),
      [visitId],
    );
    assert.equal(stale.get('visitedStates')?.valueChanged, false);
    assert.equal(stale.get('firstReports')?.stale, false);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const page = await (await expert.fetch('/en/reviews/2018')).text();
    assert.match(page, /<tr id="figure-requests" class="flagged">/);
    assert.match(page, /<tr id="figure-firstReports">/);
    const figurePage = await (await expert.fetch('/en/reviews/2018/figures/requests')).text();
    assert.match(figurePage, /Counted from the records now: 11/);
    assert.match(figurePage, /Counted now, not when the figures were counted/);
    // Regenerating counts them again: the edit of ¶18 is kept and flagged 10 → 11.
    await expert.post('/en/reviews/2018/regenerate', { rowVersion: String(draft.row_version) });
    draft = (await reviewOfYear(db, expertViewer, 2018))!;
    assert.equal(draft.figures.figures?.requests?.value, 11);
    assert.ok([...(await staleness(db, draft)).values()].every((s) => !s.stale || s.updated.length === 0 || true));
    assert.equal((await staleness(db, draft)).get('requests')?.stale, false);
  });

  test('an edit kept through regeneration is flagged with the old and new values, and the expert clears the flag', async () => {
    const db = t.database.db;
    const { Client } = await import('../support/app.ts');
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    let draft = (await reviewOfYear(db, expertViewer, 2018))!;
    const fr = 'En 2018, le Comité a reçu onze demandes <i>révisé à la main</i>.';
    const written = await writeParagraph(db, systemActor, draft.id, 'II.B.requests', 'fr', { body: fr });
    await sql`insert into assistance_request (state_iso3, received_on, channel, status_on, source) values ('NAM', '2018-12-10', 'letter', '2018-12-10', 'entered')`.execute(
      db,
    );
    draft = await regenerate(db, systemActor, draft.id, draft.row_version);
    const doc = await reviewDocument(db, messages('fr'), draft);
    const para = paragraphOf(doc, 'II.B.requests');
    assert.equal(para.text, fr);
    assert.deepEqual(
      para.flags.filter((f) => /^\d+$/.test(f.old)).map((f) => [f.old, f.now]),
      [['11', '12']],
    );
    const page = await (await expert.fetch('/fr/reviews/2018')).text();
    assert.match(page, /action="\/fr\/reviews\/2018\/paragraphs\/II\.B\.requests\/reconcile"/);
    assert.match(page, /était 11, désormais 12|11.*12/);
    // The expert clears the flag: the words stay, the flag goes; a second time there is nothing to reconcile.
    const cleared = await expert.post('/fr/reviews/2018/paragraphs/II.B.requests/reconcile', { rowVersion: String(written.row_version) });
    assert.equal(cleared.status, 303);
    const after = paragraphOf(await reviewDocument(db, messages('fr'), draft), 'II.B.requests');
    assert.equal(after.text, fr);
    assert.equal(after.flags.length, 0);
    const again = await expert.post('/fr/reviews/2018/paragraphs/II.B.requests/reconcile', { rowVersion: String(written.row_version + 1) });
    assert.equal(again.status, 409);
    const stale = await expert.post('/fr/reviews/2018/paragraphs/II.B.requests/reconcile', { rowVersion: '1' });
    assert.equal(stale.status, 409);
  });

  test('the versions of the draft, compared paragraph by paragraph', async () => {
    const db = t.database.db;
    const { Client } = await import('../support/app.ts');
    const draft = (await reviewOfYear(db, expertViewer, 2018))!;
    const versions = await versionsOf(db, draft.id);
    assert.deepEqual(versions.map((v) => v.reason).reverse(), ['copied', 'regenerated', 'regenerated', 'regenerated']);
    const first = versions.at(-1)!;
    const comparison = await compareSides(
      db,
      messages('en'),
      draft,
      { label: 1, figures: first.figures, paragraphs: first.paragraphs },
      await currentSide(db, draft),
    );
    const byKey = new Map(comparison.paragraphs.map((c) => [c.key, c]));
    assert.deepEqual(byKey.get('II.B.requests')?.changed, ['text', 'edit', 'translation'], 'generated, then a person’s original');
    assert.match(byKey.get('II.B.requests')!.from.text!, /9 new requests for assistance/);
    assert.match(byKey.get('II.B.requests')!.to.text!, /nine States asked for assistance/);
    assert.deepEqual(byKey.get('I.context')?.changed, ['text', 'translation']);
    assert.equal(byKey.get('I.context')?.from.text, null);
    assert.equal(byKey.has('II.A.reports'), false, 'a paragraph that did not change is not listed');
    assert.deepEqual(
      comparison.figures.find((f) => f.key === 'requests') && [
        comparison.figures.find((f) => f.key === 'requests')!.from,
        comparison.figures.find((f) => f.key === 'requests')!.to,
      ],
      ['9', '12'],
    );
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    const list = await (await expert.fetch('/en/reviews/2018/versions')).text();
    assert.match(list, /href="\/en\/reviews\/2018\/versions\/diff\?from=1&amp;to=now"/);
    const res = await expert.fetch('/en/reviews/2018/versions/diff?from=1&to=now');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<tr id="diff-II.B.requests">/);
    assert.match(html, /<del>In 2018, States submitted 9 new requests for assistance/);
    assert.match(html, /<ins>In 2018, nine States asked for assistance &lt;b&gt;by hand&lt;\/b&gt;/);
    assert.equal((await expert.fetch('/en/reviews/2018/versions/diff?from=x&to=now')).status, 400);
    assert.equal((await t.request('/en/reviews/2018/versions')).status, 401);
  });

  test('the translation status: original, translated, to be revised, generated, missing (never machine-filled)', async () => {
    const db = t.database.db;
    const { Client } = await import('../support/app.ts');
    const draft = (await reviewOfYear(db, expertViewer, 2018))!;
    const rows = new Map(translationTable(await paragraphsOf(db, draft.id)).map((r) => [r.key, r.cells]));
    assert.equal(rows.get('I.mandate')?.zh, 'translated');
    assert.equal(rows.get('I.mandate')?.en, 'missing');
    assert.equal(rows.get('I.context')?.en, 'to-be-revised');
    assert.equal(rows.get('I.context')?.ar, 'missing');
    assert.equal(rows.get('II.A.reports')?.ru, 'generated');
    assert.equal(rows.get('II.B.requests')?.fr, 'original');
    assert.equal(rows.size, 67, 'the 65 numbered paragraphs and the letter’s two');
    const committee = new Client(t);
    await committee.login('committee@demo.r1540.org');
    const html = await (await committee.fetch('/zh/reviews/2018/translations')).text();
    assert.match(html, /<td class="translation-missing">缺失<\/td>/);
    assert.match(html, /<td class="translation-translated">已翻译|translation-translated/);
    assert.doesNotMatch(html, /\/paragraphs\//, 'the Committee member reads it; only the experts edit');
    const en = await reviewDocument(db, messages('ar'), draft);
    assert.equal(paragraphOf(en, 'I.context').text, null, 'a paragraph not written in Arabic stays missing');
  });

  test('each figure beside last year’s: 9 against 3, 5 as in 2017', async () => {
    const db = t.database.db;
    const { Client } = await import('../support/app.ts');
    const en = messages('en');
    const previous = await besideLastYear(db, null, published);
    assert.equal(previous.review, null, 'no review of 2017: counted from the records of the whole year');
    assert.equal(previous.cutOff, '2017-12-31');
    const requests = previous.rows.find((r) => r.key === 'requests')!;
    assert.deepEqual([requests.nowCount, requests.beforeCount, requests.trend], [9, 3, 'more']);
    assert.equal(besideText(en, requests, 2017), '9 against 3');
    assert.equal(besideText(en, { key: 'x', now: 5, before: 5, nowCount: 5, beforeCount: 5, trend: 'same' }, 2017), '5, as in 2017');
    assert.equal(besideText(messages('zh'), requests, 2017), '9 对 3');
    // The 2019 draft beside the published 2018 review: its snapshot, not the records now.
    const committee = new Client(t);
    await committee.login('committee@demo.r1540.org');
    const res = await committee.fetch('/en/reviews/2019/previous-year');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /those of the 2018 review \(S\/2018\/1167, edition 1\)/);
    assert.match(html, /<tr id="previous-requests">[\s\S]*?<td>9<\/td>/);
    assert.equal((await t.request('/en/reviews/2019/previous-year')).status, 401);
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
  assert.ok(exported.some((r) => r.status === 'published' && r.paragraphs.length === Object.keys(narrativeZh).length));
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
