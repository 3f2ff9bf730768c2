import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { advance, createReview, writeParagraph } from './commands.ts';

/*
 * The 2018 review (S/2018/1167) as the demonstration's: its details as the seed gives them (the
 * 17th programme of work, S/2018/340, 1 February 2018 – 31 January 2019, data to 22 December 2018,
 * dated 28 December 2018, the Chair, English original, French letter), its figures generated from
 * the demonstration's records, two narrative paragraphs in Chinese as the seed writes them, then
 * taken through the workflow to published. The day of publication is illustrative. The 2019 review
 * is a draft (its details illustrative).
 */

const mandateZh =
  '安全理事会在第 1540(2004)号决议中，表示打算密切监测该决议的执行情况，并在适当级别作出可能需要的进一步决定。2011 年 4 月 20 日，安理会一致通过了第 1977(2011)号决议。根据第 1977(2011)号决议第 9 段，安全理事会第 1540(2004)号决议所设委员会的任务是每年 12 月底前编写第 1540(2004)号决议执行情况审查报告，尤其述及决议第 1 至 3 段所涉及的所有方面，其中包括按照本国法律授权和立法并遵循国际法为执行决议发起活动和持续努力的情况。安理会在 2016 年 12 月 15 日通过的第 2325(2016)号决议中，欢迎继续在每年 12 月提交由委员会专家组协助编写的第 1540(2004)号决议执行情况的年度审查报告。';
const contextZh =
  '在本报告所述期间，委员会及其专家组开展工作的背景是筹备即将举行的第 1540(2004)号决议执行情况全面审查，该审查拟在 2021 年 4 月 25 日委员会任期结束前进行。此外，有六名专家组新成员在本报告所述期间履职。';

export const review2018 = {
  year: 2018,
  programmeNumber: 17,
  programmeSymbol: 'S/2018/340',
  periodFrom: '2018-02-01',
  periodTo: '2019-01-31',
  cutOff: '2018-12-22',
  // ¶45: "截至 2018 年 12 月 20 日，网站访问量为 68 006 次".
  siteVisitsTo: '2018-12-20',
  symbol: 'S/2018/1167',
  datedOn: '2018-12-28',
  chairName: 'Sacha Sergio Llorentty Solíz',
  chairStateIso3: 'BOL',
  originalLanguage: 'en',
  letterLanguage: 'fr',
} as const;

export async function seedDemoReviews(db: Kysely<DB>, actor: Actor = systemActor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const review = await createReview(trx, actor, review2018, 'seed');
    await writeParagraph(trx, actor, review.id, 'I.mandate', 'zh', { body: mandateZh, translationStatus: 'translated' });
    await writeParagraph(trx, actor, review.id, 'I.context', 'zh', { body: contextZh, translationStatus: 'translated' });
    let row = review;
    for (const to of ['working-group', 'committee', 'approved', 'transmitted', 'published'] as const)
      row = await advance(trx, actor, review.id, { to, rowVersion: row.row_version, letterOn: '2018-12-28', publishedOn: '2018-12-28' });
    // The next year's review, being drafted (its details illustrative): a draft for the experts to work on.
    await createReview(
      trx,
      actor,
      {
        ...review2018,
        year: 2019,
        programmeNumber: 18,
        programmeSymbol: '',
        periodFrom: '2019-02-01',
        periodTo: '2020-01-31',
        cutOff: '2019-12-20',
        siteVisitsTo: undefined,
        symbol: '',
        datedOn: undefined,
      },
      'illustrative',
    );
    return 2;
  });
}
