// National reports and action plans after the 2018 review, up to the day the demonstration is
// seeded on (illustrative): additional information from three States a year, and one State's
// action plan a year, drafting with the experts until it is submitted. Nothing is dated 2018 or
// before, so the review's totals as at 31 December 2018 stay the seed's. Pure plans, then the
// commands (createReport, createPlan), once.
import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { createPlan, createReport } from './commands.ts';

const note = 'Illustrative record: made up to continue the demonstration after the 2018 review.';

/** States that had reported by 2018 and send additional information later, three a year in turn. */
const additional = [
  'ARM',
  'BRA',
  'KEN',
  'EGY',
  'FRA',
  'IND',
  'JPN',
  'KAZ',
  'MEX',
  'NGA',
  'PHL',
  'SRB',
  'THA',
  'UKR',
  'JOR',
  'MAR',
  'ARG',
  'CHL',
];
/** States without a plan in the demonstration's 2018, one a year in turn. */
const planners = ['MNG', 'PHL', 'KEN', 'JOR', 'SEN', 'ECU', 'CMR', 'LAO', 'PRY', 'MWI'];
const reportDays = ['02-20', '06-18', '10-22'];

export interface LaterReport {
  stateIso3: string;
  receivedOn: string;
}
export interface LaterPlan {
  stateIso3: string;
  number: number;
  status: 'submitted' | 'drafting-with-experts';
  startedOn: string;
  submittedOn: string | null;
}

/** The additional information received from 2019 to `today`. */
export function laterReports(today: string): LaterReport[] {
  const out: LaterReport[] = [];
  let k = 0;
  for (let year = 2019; year <= Number(today.slice(0, 4)); year++)
    for (const day of reportDays) {
      const stateIso3 = additional[k++ % additional.length]!;
      if (`${year}-${day}` <= today) out.push({ stateIso3, receivedOn: `${year}-${day}` });
    }
  return out;
}

/** A plan a year from 2019: started on 20 January, submitted on 14 May (drafting until then). */
export function laterPlans(today: string): LaterPlan[] {
  const out: LaterPlan[] = [];
  for (let year = 2019, i = 0; year <= Number(today.slice(0, 4)); year++, i++) {
    const startedOn = `${year}-01-20`;
    const submittedOn = `${year}-05-14`;
    if (startedOn > today) continue;
    const stateIso3 = planners[i % planners.length]!;
    const number = 1 + Math.floor(i / planners.length);
    out.push(
      submittedOn <= today
        ? { stateIso3, number, status: 'submitted', startedOn, submittedOn }
        : { stateIso3, number, status: 'drafting-with-experts', startedOn, submittedOn: null },
    );
  }
  return out;
}

/** Records the reports and plans after 2018 up to `today`, once (nothing if one is there already). */
export async function seedDemoReportsSince2018(
  db: Kysely<DB>,
  today: string = todayIso(),
  actor: Actor = systemActor,
): Promise<{ reports: number; plans: number }> {
  return db.transaction().execute(async (trx) => {
    const [report, plan] = await Promise.all([
      trx
        .selectFrom('national_report')
        .select('id')
        .where('source', '=', 'illustrative')
        .where('received_on', '>', '2018-12-31')
        .executeTakeFirst(),
      trx
        .selectFrom('action_plan')
        .select('id')
        .where('source', '=', 'illustrative')
        .where('started_on', '>', '2018-12-31')
        .executeTakeFirst(),
    ]);
    if (report || plan) return { reports: 0, plans: 0 };
    const reports = laterReports(today);
    const plans = laterPlans(today);
    for (const r of reports)
      await createReport(
        trx,
        actor,
        {
          stateIso3: r.stateIso3,
          kind: 'additional-information',
          receivedOn: r.receivedOn,
          summary: note,
          languages: ['en'],
          source: 'illustrative',
        },
        today,
      );
    for (const p of plans) await createPlan(trx, actor, { ...p, source: 'illustrative' }, today);
    return { reports: reports.length, plans: plans.length };
  });
}
