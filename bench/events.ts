/**
 * Part of `npm run bench`, or alone: `node --import tsx bench/events.ts [--engine all|pglite|postgres] [--events 2000] [--runs 7] [--seed 1540]`
 *
 * The outreach calendar (src/features/outreach) with `--events` events spread over 2015–2020 in
 * every group, place and audience, rendered by the real application in this process (no network,
 * as bench/assistance-list.ts does), on PGlite and on PostgreSQL, for the public: the calendar's
 * month view (`/en/events?view=month&month=2018-06`), its list view filtered by group, and a filtered
 * iCalendar feed (`/en/events.ics?group=regional`). The data are made up and deterministic (a seeded
 * PRNG) and written straight to the table in one transaction (the write core is not what is measured).
 *
 * Measures `--runs` requests of each after one warm-up: median and p95 in ms and the size; and, in
 * the same run, the baseline: the median of the State list page (`/en/states`).
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { createApp } from '../src/app/http.tsx';
import { seedDemoAccounts } from '../src/features/accounts/index.ts';
import { audiences, eventGroups } from '../src/features/outreach/schema.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { bounded, eachEngine, enginesOf, limit, logLoad, logger, pageGetter, percentile, prng, times } from './kit.ts';

const log = logger('events');
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    events: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1540' },
  },
});
const engines = enginesOf(args.engine);
const eventCount = bounded(args.events, 2000, 1, 20_000);
const runs = bounded(args.runs, 7, 1, 31);
const seed = Number(args.seed) || 1540;
limit(10, log);

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function fill(db: Kysely<DB>, n: number): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const states = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3.trim());
  const organizations = (await db.selectFrom('organization').select('code').orderBy('code').execute()).map((o) => o.code);
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < n; start += 250) {
      const rows = Array.from({ length: Math.min(250, n - start) }, (_, i) => {
        const startsOn = addDays('2015-01-05', Math.floor(rnd() * 365 * 6));
        return {
          title: `Bench event ${start + i + 1}: ${pick(['workshop', 'round table', 'seminar', 'conference'])} on ${pick(['export controls', 'biosecurity', 'nuclear security', 'legislation'])}`,
          description: 'A made-up event of the benchmark.',
          event_group: pick(eventGroups),
          starts_on: startsOn,
          ends_on: addDays(startsOn, Math.floor(rnd() * 4)),
          organizer_states: [pick(states)],
          organizer_organizations: [pick(organizations)],
          city: pick(['Vienna', 'Geneva', 'New York', 'Addis Ababa', 'Bangkok']),
          state_iso3: pick(states),
          audiences: [pick(audiences)],
          participants: JSON.stringify([{ role: 'expert', mode: 'in-person' }]),
          status: startsOn < '2020-06-01' ? ('held' as const) : ('planned' as const),
          confirmed: rnd() < 0.5,
          source: 'illustrative' as const,
        };
      });
      await trx.insertInto('outreach_event').values(rows).execute();
    }
  });
}

const results: Record<string, string>[] = [];

await eachEngine(engines, 'events', log, false, async (ctx, engine) => {
  const db = ctx.database.db;
  await seedDemoAccounts(db);
  const t0 = performance.now();
  await fill(db, eventCount);
  log(`${engine}: ${eventCount} events written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const page = pageGetter(createApp(ctx));
  let bytes = 0;
  const get = async (p: string) => {
    bytes = await page(p);
  };
  const base = percentile(await times(() => get('/en/states'), runs), 50);
  for (const [measure, path] of [
    ['calendar, month view', '/en/events?view=month&month=2018-06'],
    ['calendar, list filtered by group', '/en/events?group=regional'],
    ['iCalendar feed filtered by group', '/en/events.ics?group=regional'],
  ] as const) {
    const ms = await times(() => get(path), runs);
    results.push({
      engine,
      measure: `${measure}, ${eventCount} events`,
      median: `${percentile(ms, 50).toFixed(0)} ms`,
      p95: `${percentile(ms, 95).toFixed(0)} ms`,
      baseline: `State list page ${base.toFixed(1)} ms`,
      ratio: (percentile(ms, 50) / base).toFixed(1),
      note: `${(bytes / 1024).toFixed(0)} KB; ${runs} runs after one warm-up`,
    });
  }
});

console.table(results);
logLoad(log);
process.exit(0);
