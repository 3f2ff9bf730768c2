/**
 * `npm run bench` (third part), or alone: `node --import tsx bench/records.ts [--engine all|pglite|postgres] [--docs 2000] [--kb 50]`
 *
 * National records and the document library, on PGlite and on PostgreSQL, in this process:
 *
 * - reporting status as at a date for the 193 States (the seed's reports and the illustrative
 *   history): what `GET /api/v1/reporting-status?asOf=` computes. Baseline: reading the States.
 * - indexing: `--docs` documents of about `--kb` KB of UTF-8 text each (2,000 × 50 KB ≈ 100 MB),
 *   a sixth in each UN language, written as rows (their triggers queue them) and then indexed by
 *   `refreshSearchIndex`: documents and megabytes per second.
 * - search: a fixed set of queries (common, middling and rare words of each language, phrases,
 *   Chinese of one to four characters, filters, later pages), each asked 5 times by the public
 *   and by an expert; p50 and p95 over all of them. Baseline: reading the States.
 *
 * The text is made up: per language a vocabulary of 6,000 words drawn from its own alphabet (and,
 * for Chinese, words of one to three characters from 2,500 common ones), used with Zipf-like
 * frequencies as words are in real text, so that a common word is in every document and a rare
 * one in a few. Results go to stdout and to bench/results/records-latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.ts';
import { createContext } from '../src/app/context.ts';
import type { Viewer } from '../src/platform/policy/policy.ts';
import { viewerOf } from '../src/features/accounts/viewer.ts';
import { seedDemoAccounts } from '../src/features/accounts/index.ts';
import { seedDemoReports } from '../src/features/reports/demo.ts';
import { statusAsOf } from '../src/features/reports/queries.ts';
import { refreshSearchIndex } from '../src/features/search/indexer.ts';
import { search } from '../src/features/search/search.ts';
import { type Engine, enginesOf, limit, logger, median, percentile, times } from './kit.ts';
import { openEngine } from './engines.ts';
import { addDocuments, queries } from './records-data.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const log = logger('records');
const { values: args } = parseArgs({
  options: { engine: { type: 'string', default: 'all' }, docs: { type: 'string', default: '2000' }, kb: { type: 'string', default: '50' } },
});
const engines = enginesOf(args.engine);
const docCount = Math.max(12, Math.min(20_000, Number(args.docs) || 2000));
const docBytes = Math.max(1, Math.min(500, Number(args.kb) || 50)) * 1000;

limit(25, log);

interface Result {
  engine: Engine;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  note: string;
}
const results: Result[] = [];

for (const engine of engines) {
  const opened = await openEngine(engine, 'records', log);
  if (!opened) continue;
  try {
    const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: 'false', R1540_LOG_REQUESTS: 'false' }), {
      database: opened.database,
    });
    const db = ctx.database.db;
    await seedDemoAccounts(db);
    await seedDemoReports(db);
    await refreshSearchIndex(db);
    const expert: Viewer = viewerOf(
      await db.selectFrom('app_user').selectAll().where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow(),
    );
    const statesMs = median(await times(() => db.selectFrom('member_state').selectAll().execute(), 15));

    const status = await times(() => statusAsOf(db, '2018-12-31'), 15);
    const check = await statusAsOf(db, '2018-12-31');
    results.push({
      engine,
      measure: 'reporting status as at 2018-12-31, 193 States (target < 20 ms)',
      value: `${median(status).toFixed(1)} ms`,
      baseline: `read the States ${statesMs.toFixed(1)} ms`,
      ratio: (median(status) / statesMs).toFixed(1),
      note: `${check.reporting.length} reporting, ${check.nonReporting.length} not`,
    });

    const states = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
    const t0 = performance.now();
    const bytes = await addDocuments(db, states, docCount, docBytes);
    const written = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const indexed = await refreshSearchIndex(db);
    const seconds = (performance.now() - t1) / 1000;
    results.push({
      engine,
      measure: `indexing ${docCount} documents, ${(bytes / 1e6).toFixed(0)} MB of text`,
      value: `${seconds.toFixed(1)} s`,
      baseline: `writing the rows ${written.toFixed(1)} s`,
      ratio: (seconds / written).toFixed(1),
      note: `${(docCount / seconds).toFixed(0)} documents/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s, ${indexed.chunks} chunks`,
    });
    log(`${engine}: ${results.at(-1)!.measure}: ${results.at(-1)!.value} (${results.at(-1)!.note})`);

    const qs = queries();
    const all: number[] = [];
    const slowest: [number, string][] = [];
    for (const [who, viewer] of [
      ['public', null],
      ['expert', expert],
    ] as const) {
      for (const q of qs) {
        const ts = await times(() => search(db, viewer, q), 5);
        all.push(...ts);
        slowest.push([median(ts), `${who} ${JSON.stringify(q)}`]);
      }
    }
    slowest.sort((a, b) => b[0] - a[0]);
    const hits = await search(db, null, qs[0]!);
    results.push({
      engine,
      measure: `search, ${qs.length} queries × 2 viewers × 5 (target p95 < 100 ms on PostgreSQL)`,
      value: `p50 ${median(all).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms`,
      baseline: `read the States ${statesMs.toFixed(1)} ms`,
      ratio: (percentile(all, 95) / statesMs).toFixed(1),
      note: `a common word: ${hits.total} records; slowest ${slowest[0]![0].toFixed(0)} ms ${slowest[0]![1]}`,
    });
    log(
      `${engine}: ${results.at(-1)!.value}; slowest: ${slowest
        .slice(0, 3)
        .map(([ms, q]) => `${ms.toFixed(0)} ms ${q}`)
        .join(' | ')}`,
    );
  } finally {
    await opened.database.close();
    await opened.done();
  }
}

console.table(results);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'records-latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), docs: docCount, kb: docBytes / 1000, results }, null, 2)}\n`,
);
process.exit(0);
