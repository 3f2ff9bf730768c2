import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { advance, createReview, writeParagraph } from './commands.ts';
import { narrativeZh } from './demo-narrative-zh.ts';

/*
 * The 2018 review (S/2018/1167) as the demonstration's: its details as the seed gives them (the
 * 17th programme of work, S/2018/340, 1 February 2018 – 31 January 2019, data to 22 December 2018,
 * dated 28 December 2018, the Chair, English original, French letter), its figures generated from
 * the demonstration's records, every narrative paragraph in Chinese as the seed writes it, then
 * taken through the workflow to published. The day of publication is illustrative. The 2019 review
 * is a draft (its details illustrative).
 */

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
  chairName: '萨查·塞尔吉奥·略伦蒂·索利斯 (Sacha Sergio Llorentty Solíz)',
  chairStateIso3: 'BOL',
  originalLanguage: 'en',
  letterLanguage: 'fr',
} as const;

export async function seedDemoReviews(db: Kysely<DB>, actor: Actor = systemActor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const review = await createReview(trx, actor, review2018, 'seed');
    // Every narrative paragraph in Chinese, as the seed writes it.
    for (const [key, body] of Object.entries(narrativeZh))
      await writeParagraph(trx, actor, review.id, key, 'zh', { body, translationStatus: 'translated' });
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
