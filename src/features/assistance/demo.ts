import type { Kysely, Transaction } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { continueDemoAssistance } from './demo/continue.ts';
import { offers } from './demo/offers.ts';
import { requests2018 } from './demo/requests-2018.ts';
import { earlierRequests, requests2017 } from './demo/requests-earlier.ts';
import { insertOffer } from './offers/commands.ts';
import { takeStepIn } from './procedure/steps.ts';
import type { RequestRow } from './queries.ts';
import { insertRequest } from './requests/commands.ts';
import { recordResponseIn } from './requests/responses.ts';

/*
 * The clearinghouse as the Committee's review of 2018 (S/2018/1167, annex, ¶18–28) describes it,
 * built through the commands so that the procedure's rules hold: the nine requests of 2018, the
 * three of 2017, the earlier requests of Tajikistan, Togo and Zambia with the responses the review
 * names, Iraq's request with its five responses, and offers from the providers the review names.
 *
 * What the review says is `source: 'seed'` (and items `illustrative: false`); what it does not say
 * (the days, the content of the requests, who consented to a published summary, to whom a request
 * other than Iraq's was circulated, the offers' details) is `source: 'illustrative'` or
 * `illustrative: true`. The days of the 2018 requests and of the responses are those of the
 * letters in `correspondence/demo.ts`, so that the two records agree. Every step is dated no later
 * than the review's data cut-off (22 December 2018, footnote 1: “2018 年审查报告载有截至 2018 年
 * 12 月 22 日收到的数据和资料”).
 */

/** The review's data cut-off: nothing of 2018 is recorded after it. */
export const demoAsAt = '2018-12-22';

type Trx = Transaction<DB>;

async function currentVersion(trx: Trx, id: string): Promise<number> {
  return (await trx.selectFrom('assistance_request').select('row_version').where('id', '=', id).executeTakeFirstOrThrow()).row_version;
}

/**
 * Loads the demonstration clearinghouse, once: nothing happens if there are demonstration
 * requests or offers already. One transaction; each record through the commands, as the system.
 */
export async function seedDemoAssistance(
  db: Kysely<DB>,
  actor: Actor = systemActor,
): Promise<{ requests: number; offers: number; responses: number }> {
  return db.transaction().execute(async (trx) => {
    const [request, offer] = await Promise.all([
      trx.selectFrom('assistance_request').select('id').where('source', 'in', ['seed', 'illustrative']).limit(1).executeTakeFirst(),
      trx.selectFrom('assistance_offer').select('id').where('source', 'in', ['seed', 'illustrative']).limit(1).executeTakeFirst(),
    ]);
    if (request || offer) return { requests: 0, offers: 0, responses: 0 };
    let offerCount = 0;
    for (const { source, ...o } of offers()) {
      await insertOffer(trx, actor, null, o, source);
      offerCount++;
    }
    const plans = [...earlierRequests(), ...requests2017(), ...requests2018()];
    let responseCount = 0;
    for (const plan of plans) {
      const row: RequestRow = await insertRequest(
        trx,
        actor,
        null,
        {
          stateIso3: plan.state,
          receivedOn: plan.receivedOn,
          channel: plan.channel,
          reference: plan.reference,
          languages: plan.languages,
          invitesVisit: plan.invitesVisit,
          consentSummary: plan.consentSummary ?? false,
          summary: plan.summary,
          earlierAssistance: plan.earlierAssistance,
          items: plan.items,
        },
        demoAsAt,
        { source: plan.source },
      );
      const items = await trx
        .selectFrom('assistance_request_item')
        .select(['id', 'position'])
        .where('request_id', '=', row.id)
        .orderBy('position')
        .execute();
      const itemAt = (position: number) => items.find((i) => i.position === position)!.id;
      for (const [index, step] of plan.steps.entries()) {
        await takeStepIn(trx, actor, null, row.id, { ...step, expectedVersion: await currentVersion(trx, row.id) }, demoAsAt);
        for (const group of plan.responses ?? []) {
          if (group.after !== index + 1) continue;
          for (const r of group.list) {
            await recordResponseIn(
              trx,
              actor,
              null,
              row.id,
              { provider: r.provider, respondedOn: r.on, itemIds: r.items.map(itemAt), text: r.text },
              demoAsAt,
              'seed',
            );
            responseCount++;
          }
        }
      }
    }
    return { requests: plans.length, offers: offerCount, responses: responseCount };
  });
}

/**
 * The demonstration clearinghouse after 2018, up to `today` (the day of seeding): illustrative,
 * once, in one transaction (`demo/continue.ts`). Run after `seedDemoAssistance`.
 */
export async function seedDemoAssistanceSince2018(db: Kysely<DB>, today: string = todayIso(), actor: Actor = systemActor) {
  return db.transaction().execute((trx) => continueDemoAssistance(trx, actor, today));
}
