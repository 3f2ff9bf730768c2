/**
 * Part of `npm run bench`, or alone: `node --import tsx bench/assistance-list.ts [--engine all|pglite|postgres] [--requests 500] [--runs 7] [--seed 1540]`
 *
 * The clearinghouse's consolidated list page (`/en/assistance/list`, src/modules/assistance/
 * output-routes.tsx) as an expert sees it, rendered by the real application in this process (no
 * network, as bench/matrix.ts does), on PGlite and on PostgreSQL, over `--requests` requests from
 * States of every group, each with 2 to 4 items, the steps of the procedure up to its status, the
 * providers it was circulated to, their responses naming some of its items, and 0 to 3 matches per
 * item with 60 offers in every status. The data are made up and deterministic (a seeded PRNG) and
 * written straight to the tables in one transaction (the commands would take minutes on PGlite and
 * are not what is measured).
 *
 * Measures `--runs` requests of the page after one warm-up: median and p95 in ms, the page's size;
 * and, in the same run, the baseline: the median of the State list page (`/en/states`), a simple
 * page of one query, so that the ratio can be quoted.
 */
import { parseArgs } from 'node:util';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.ts';
import { seedDemoAccounts } from '../src/features/accounts/index.ts';
import { createApp } from '../src/app/http.tsx';
import type { AssistanceMatchTable } from '../src/features/assistance/schema.ts';
import { areas, helpKinds, paragraphs, weaponTypes } from '../src/features/assistance/taxonomy.ts';
import {
  bounded,
  eachEngine,
  type Engine,
  enginesOf,
  expertCookie,
  limit,
  logLoad,
  logger,
  pageGetter,
  percentile,
  prng,
  times,
} from './kit.ts';

const log = logger('assistance-list');
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    requests: { type: 'string', default: '500' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1540' },
  },
});
const engines = enginesOf(args.engine);
const requestCount = bounded(args.requests, 500, 1, 5000);
const runs = bounded(args.runs, 7, 1, 31);
const seed = Number(args.seed) || 1540;
limit(10, log);

const statuses = [
  'received',
  'authenticated',
  'acknowledged',
  'circulated',
  'forwarded',
  'under-way',
  'delivered',
  'closed',
  'withdrawn',
] as const;
const path: Record<(typeof statuses)[number], string[]> = {
  received: [],
  authenticated: ['authenticate'],
  acknowledged: ['authenticate', 'acknowledge'],
  circulated: ['authenticate', 'acknowledge', 'circulate'],
  forwarded: ['authenticate', 'acknowledge', 'circulate', 'forward'],
  'under-way': ['authenticate', 'acknowledge', 'circulate', 'forward', 'start'],
  delivered: ['authenticate', 'acknowledge', 'circulate', 'forward', 'start', 'deliver'],
  closed: ['authenticate', 'acknowledge', 'circulate', 'forward', 'start', 'deliver', 'close'],
  withdrawn: ['authenticate', 'withdraw'],
};
const matchStatuses = ['suggested', 'proposed', 'accepted', 'under-way', 'delivered', 'declined', 'set-aside'] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));

/** Writes the requests, their items, steps, circulation, responses, the offers and the matches. */
async function fill(
  db: Kysely<DB>,
  n: number,
): Promise<{ requests: number; items: number; responses: number; matches: number; offers: number }> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], k: number): T[] => [...new Set(Array.from({ length: k }, () => pick(xs)))];
  const states = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3.trim());
  const organizations = (await db.selectFrom('organization').select('code').orderBy('code').execute()).map((o) => o.code);
  const providers = [
    ...organizations.slice(0, 30).map((code) => ({ kind: 'organization' as const, code })),
    ...states.slice(0, 30).map((code) => ({ kind: 'state' as const, code })),
  ];
  const counts = { requests: 0, items: 0, responses: 0, matches: 0, offers: 0 };
  await db.transaction().execute(async (trx) => {
    const offers = await trx
      .insertInto('assistance_offer')
      .values(
        providers.map((p, i) => ({
          provider_kind: p.kind,
          provider_state_iso3: p.kind === 'state' ? p.code : null,
          provider_organization_code: p.kind === 'organization' ? p.code : null,
          title: `Programme ${i + 1}: ${pick(['training', 'advice', 'equipment', 'legal assistance'])} for ${pick(['customs', 'border police', 'regulators', 'laboratories', 'legislators'])}`,
          areas: some(areas, 1 + Math.floor(rnd() * 3)),
          weapons: some(weaponTypes, 1 + Math.floor(rnd() * 2)),
          kinds: some(helpKinds, 1 + Math.floor(rnd() * 2)),
          source: 'illustrative' as const,
        })),
      )
      .returning(['id', 'provider_kind', 'provider_state_iso3', 'provider_organization_code'])
      .execute();
    counts.offers = offers.length;
    for (let start = 0; start < n; start += 100) {
      const batch = Array.from({ length: Math.min(100, n - start) }, () => {
        const receivedOn = addDays('2015-01-05', Math.floor(rnd() * 365 * 4));
        const status = pick(statuses);
        return { receivedOn, status, steps: path[status], state: pick(states) };
      });
      const requests = await trx
        .insertInto('assistance_request')
        .values(
          batch.map((b, i) => ({
            reference: `BENCH/${start + i + 1}`,
            state_iso3: b.state,
            received_on: b.receivedOn,
            channel: pick(['template', 'note-verbale', 'letter'] as const),
            languages: [pick(['en', 'fr', 'es', 'ar', 'ru'])],
            consent_summary: rnd() < 0.5,
            summary: 'A summary of the request.',
            invites_visit: rnd() < 0.6,
            status: b.status,
            status_on: addDays(b.receivedOn, b.steps.length * 12),
            source: 'illustrative' as const,
          })),
        )
        .returning(['id', 'received_on', 'status'])
        .execute();
      counts.requests += requests.length;
      const items = await trx
        .insertInto('assistance_request_item')
        .values(
          requests.flatMap((r) =>
            Array.from({ length: 2 + Math.floor(rnd() * 3) }, (_, k) => ({
              request_id: r.id,
              position: k + 1,
              description: `Item ${k + 1}: ${pick(['training of', 'advice to', 'equipment for', 'a legal review with'])} ${pick(['customs officers', 'the border police', 'the nuclear regulator', 'public health laboratories', 'the drafting committee'])} on ${pick(['export licensing', 'detection at the border', 'physical protection', 'biosafety', 'the national action plan'])}`,
              paragraphs: some(paragraphs, 1 + Math.floor(rnd() * 2)),
              weapons: some(weaponTypes, 1 + Math.floor(rnd() * 2)),
              areas: some(areas, 1 + Math.floor(rnd() * 2)),
              kinds: some(helpKinds, 1),
              priority: pick(['high', 'medium', 'low'] as const),
            })),
          ),
        )
        .returning(['id', 'request_id'])
        .execute();
      counts.items += items.length;
      const steps = batch.flatMap((b, i) => [
        {
          request_id: requests[i]!.id,
          action: 'receive',
          from_status: 'received',
          to_status: 'received',
          taken_on: b.receivedOn,
          actor_label: 'bench',
        },
        ...b.steps.map((action, k) => ({
          request_id: requests[i]!.id,
          action,
          from_status: 'received',
          to_status: b.status,
          taken_on: addDays(b.receivedOn, (k + 1) * 12),
          actor_label: 'bench',
        })),
      ]);
      await trx.insertInto('assistance_step').values(steps).execute();
      const circulated = batch.map((b, i) => ({
        b,
        r: requests[i]!,
        to: b.steps.includes('circulate') ? some(providers, 2 + Math.floor(rnd() * 3)) : [],
      }));
      const circulation = circulated.flatMap(({ b, r, to }) =>
        to.map((p) => ({ request_id: r.id, provider_kind: p.kind, provider_code: p.code, circulated_on: addDays(b.receivedOn, 36) })),
      );
      if (circulation.length) await trx.insertInto('assistance_circulation').values(circulation).execute();
      const responses = circulated.flatMap(({ b, r, to }) => {
        const own = items.filter((i) => i.request_id === r.id).map((i) => i.id);
        return to
          .filter(() => rnd() < 0.6)
          .map((p) => ({
            request_id: r.id,
            provider_kind: p.kind,
            provider_code: p.code,
            responded_on: addDays(b.receivedOn, 40 + Math.floor(rnd() * 60)),
            item_ids: some(own, 1 + Math.floor(rnd() * 2)),
            source: 'illustrative' as const,
          }));
      });
      if (responses.length) await trx.insertInto('assistance_response').values(responses).execute();
      counts.responses += responses.length;
      const matches: Insertable<AssistanceMatchTable>[] = items.flatMap((i) => {
        const r = requests.find((x) => x.id === i.request_id)!;
        return some(offers, Math.floor(rnd() * 4)).map((o) => ({
          item_id: i.id,
          offer_id: o.id,
          status: pick(matchStatuses),
          origin: pick(['engine', 'hand'] as const),
          score: Math.round(rnd() * 100) / 10,
          reasons: '[]',
          status_on: addDays(r.received_on, 50 + Math.floor(rnd() * 200)),
        }));
      });
      if (matches.length) await trx.insertInto('assistance_match').values(matches).execute();
      counts.matches += matches.length;
    }
  });
  return counts;
}

interface Result {
  engine: Engine;
  measure: string;
  median: string;
  p95: string;
  baseline: string;
  ratio: string;
  note: string;
}
const results: Result[] = [];

await eachEngine(engines, 'assistlist', log, false, async (ctx, engine) => {
  const db = ctx.database.db;
  await seedDemoAccounts(db);
  const t0 = performance.now();
  const counts = await fill(db, requestCount);
  log(
    `${engine}: ${counts.requests} requests, ${counts.items} items, ${counts.responses} responses, ${counts.matches} matches, ${counts.offers} offers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const page = pageGetter(createApp(ctx), await expertCookie(db));
  let listBytes = 0;
  const list = await times(async () => {
    listBytes = await page('/en/assistance/list');
  }, runs);
  const states = await times(() => page('/en/states'), runs);
  const base = percentile(states, 50);
  results.push({
    engine,
    measure: `consolidated list page, ${counts.requests} requests (${counts.items} items, ${counts.responses} responses, ${counts.matches} matches)`,
    median: `${percentile(list, 50).toFixed(0)} ms`,
    p95: `${percentile(list, 95).toFixed(0)} ms`,
    baseline: `State list page ${base.toFixed(1)} ms`,
    ratio: (percentile(list, 50) / base).toFixed(1),
    note: `${(listBytes / 1024).toFixed(0)} KB of HTML; ${runs} runs after one warm-up`,
  });
  log(
    `${engine}: list median ${percentile(list, 50).toFixed(0)} ms, p95 ${percentile(list, 95).toFixed(0)} ms; /en/states median ${base.toFixed(1)} ms`,
  );
});

console.table(results);
logLoad(log);
process.exit(0);
