import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import { createPlan, createReport } from './commands.ts';

// The seed's 2018 facts (S/2018/1167 ¶9–11) as records with source 'seed', and made-up earlier
// history (source 'illustrative') so that the totals as at 31 December 2018 equal the seed's:
// 182 States with a first report (14 without at the start of 2018, 11 at its end), 32 plans
// since 2007. The seed gives no day for its 2018 records: the days chosen here are illustrative.

const seedNote = 'Named in the Committee’s review of 2018 (S/2018/1167); the day is illustrative.';
const madeUp = 'Illustrative record: made up so that the totals match the Committee’s review of 2018.';

/** The first reports of 2018 (¶9); two before the Chair's letter of May 2018 to the 12 remaining. */
export const firstReports2018 = [
  ['COM', '2018-03-15'],
  ['GNB', '2018-04-20'],
  ['TLS', '2018-07-10'],
] as const;
/** The States that sent additional information in 2018 (¶10). */
export const additionalInformation2018 = ['ARG', 'AUS', 'BDI', 'KHM', 'GRC', 'HUN', 'IDN', 'MYS'] as const;
/** Illustrative: the seed gives the count (11), not the names. */
export const nonReportingEnd2018 = ['BEN', 'CAF', 'DJI', 'GMB', 'GNQ', 'MLI', 'MRT', 'SOM', 'SSD', 'STP', 'TCD'] as const;
/** Illustrative first plans before 2018 (the seed gives only the total of 32 since 2007). */
const earlierFirstPlans = [
  'ARM',
  'BFA',
  'BLR',
  'BLZ',
  'CIV',
  'CRI',
  'DEU',
  'DOM',
  'GTM',
  'HND',
  'JAM',
  'KAZ',
  'MDA',
  'MDG',
  'MNE',
  'NER',
  'PAN',
  'PER',
  'SLV',
  'TGO',
  'TJK',
  'USA',
] as const;

type PlanSeed = {
  state: string;
  number: number;
  status: 'submitted' | 'drafting-with-experts';
  startedOn?: string;
  submittedOn?: string;
  source: 'seed' | 'illustrative';
};

function demoPlans(): PlanSeed[] {
  const plans: PlanSeed[] = [
    { state: 'SRB', number: 2, status: 'submitted', submittedOn: '2018-06-12', source: 'seed' },
    { state: 'TKM', number: 1, status: 'submitted', submittedOn: '2018-09-20', source: 'seed' },
    { state: 'URY', number: 1, status: 'submitted', submittedOn: '2018-11-05', source: 'seed' },
    { state: 'GUY', number: 1, status: 'drafting-with-experts', startedOn: '2018-05-01', source: 'seed' },
    { state: 'SUR', number: 1, status: 'drafting-with-experts', startedOn: '2018-05-01', source: 'seed' },
    // The seed names the second plans of Canada, Kyrgyzstan and Uzbekistan (their dates are illustrative), and so their first ones.
    { state: 'CAN', number: 2, status: 'submitted', submittedOn: '2016-03-10', source: 'seed' },
    { state: 'KGZ', number: 2, status: 'submitted', submittedOn: '2017-04-18', source: 'seed' },
    { state: 'UZB', number: 2, status: 'submitted', submittedOn: '2017-10-02', source: 'seed' },
    { state: 'CAN', number: 1, status: 'submitted', submittedOn: '2012-05-14', source: 'illustrative' },
    { state: 'KGZ', number: 1, status: 'submitted', submittedOn: '2013-06-20', source: 'illustrative' },
    { state: 'UZB', number: 1, status: 'submitted', submittedOn: '2014-02-11', source: 'illustrative' },
    { state: 'SRB', number: 1, status: 'submitted', submittedOn: '2014-11-03', source: 'illustrative' },
  ];
  earlierFirstPlans.forEach((state, i) => {
    const year = 2007 + (i % 11);
    const month = String((i % 12) + 1).padStart(2, '0');
    plans.push({ state, number: 1, status: 'submitted', submittedOn: `${year}-${month}-15`, source: 'illustrative' });
  });
  return plans;
}

/** Loads the demonstration reports and plans, once (nothing happens if there are reports already). */
export async function seedDemoReports(db: Kysely<DB>, actor: Actor = systemActor): Promise<{ reports: number; plans: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('national_report').select('id').limit(1).executeTakeFirst();
    if (existing) return { reports: 0, plans: 0 };
    const states = (await trx.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
    const later = new Set<string>([...firstReports2018.map(([s]) => s), ...nonReportingEnd2018]);
    const reports: {
      state_iso3: string;
      kind: 'first-report' | 'additional-information';
      received_on: string;
      summary: string;
      source: 'seed' | 'illustrative';
    }[] = [];
    let i = 0;
    for (const s of states) {
      if (later.has(s)) continue;
      // Most first reports came in 2004–2006, the rest until 2017; none before the resolution
      // (28 April 2004): those of 2004 came in its last quarter, around the deadline of 28 October.
      const year = i < 120 ? 2004 + (i % 3) : 2007 + (i % 11);
      const month = String(year === 2004 ? 10 + ((i / 3) % 3) : (i % 12) + 1).padStart(2, '0');
      const day = String(((i * 7) % 28) + 1).padStart(2, '0');
      reports.push({
        state_iso3: s,
        kind: 'first-report',
        received_on: `${year}-${month}-${day}`,
        summary: madeUp,
        source: 'illustrative',
      });
      i++;
    }
    for (const [s, date] of firstReports2018)
      reports.push({ state_iso3: s, kind: 'first-report', received_on: date, summary: seedNote, source: 'seed' });
    additionalInformation2018.forEach((s, k) => {
      const month = String(k + 2).padStart(2, '0');
      reports.push({ state_iso3: s, kind: 'additional-information', received_on: `2018-${month}-10`, summary: seedNote, source: 'seed' });
    });
    const plans = demoPlans();
    for (const r of reports)
      await createReport(trx, actor, {
        stateIso3: r.state_iso3,
        kind: r.kind,
        receivedOn: r.received_on,
        summary: r.summary,
        languages: ['en'],
        source: r.source,
      });
    for (const p of plans)
      await createPlan(trx, actor, {
        stateIso3: p.state,
        number: p.number,
        status: p.status,
        startedOn: p.startedOn ?? null,
        submittedOn: p.submittedOn ?? null,
        source: p.source,
      });
    return { reports: reports.length, plans: plans.length };
  });
}
