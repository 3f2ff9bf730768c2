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
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { createContext } from '../src/app/context.ts';
import { createApp } from '../src/app/http.tsx';
import { seedDemoAccounts } from '../src/features/accounts/index.ts';
import { audiences, eventGroups } from '../src/features/outreach/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { type Engine, openEngine } from './engines.ts';

const log = (line: string) => process.stderr.write(`bench/events: ${line}\n`);
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    events: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1540' },
  },
});
const engines: Engine[] = args.engine === 'all' ? ['pglite', 'postgres'] : [args.engine as Engine];
const eventCount = Math.max(1, Math.min(20_000, Number(args.events) || 2000));
const runs = Math.max(1, Math.min(31, Number(args.runs) || 7));
const seed = Number(args.seed) || 1540;

setTimeout(() => {
  log('over the 10 min limit: stopping');
  process.exit(3);
}, 10 * 60_000).unref();

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
function prng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function times(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

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

for (const engine of engines) {
  const opened = await openEngine(engine, 'events', log);
  if (!opened) continue;
  try {
    const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: 'false', R1540_LOG_REQUESTS: 'false' }), {
      database: opened.database,
    });
    const db = ctx.database.db;
    await seedDemoAccounts(db);
    const t0 = performance.now();
    await fill(db, eventCount);
    log(`${engine}: ${eventCount} events written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const app = createApp(ctx);
    const cookie = `r1540_csrf=${'b'.repeat(43)}`;
    let bytes = 0;
    const get = async (p: string) => {
      const res = await app.request(`http://127.0.0.1${p}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      bytes = body.byteLength;
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
  } finally {
    await opened.database.close();
    await opened.done();
  }
}

console.table(results);
log(
  `${cpus().length} CPUs, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
