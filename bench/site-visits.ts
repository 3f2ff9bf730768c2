/**
 * `npm run bench` (part), or alone: `node --import tsx bench/site-visits.ts [--engine all|pglite|postgres] [--duration 5] [--runs 5] [--connections 10]`
 *
 * The cost of the website-visit counter (src/features/site-visits): the throughput of the State
 * page (`/en/states/MLI`) read by readers who are not signed in, from the real application with the
 * counter and from the same application built without it (the feature's middleware left out), on
 * one database in the same run, runs interleaved; medians of requests per second. Each request of
 * the counted runs carries one of 1,000 browser user agents (1,000 visitors, a salted hash each,
 * flushed every 5 s). The goal: under 5 % fewer requests per second. On a shared, loaded machine
 * the runs' spread is larger than the counter's cost, so the counter's own time per page view is
 * measured too, less noisy: 100,000 views by 1,000 visitors through the rules, the hash and the
 * buffer, then their flush (one transaction, a salted hash per visitor), against the page's own
 * median time asked one at a time. Results go to stdout.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import autocannon, { type Options, type Result } from 'autocannon';
import { createContext } from '../src/app/context.ts';
import { createApp } from '../src/app/http.tsx';
import { VisitCounter } from '../src/features/site-visits/counter.ts';
import { flushSiteVisits, siteVisits } from '../src/features/site-visits/index.ts';
import { countedPage, visitorKey } from '../src/features/site-visits/rules.ts';
import { silentLogger } from '../src/platform/log.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Engine, openEngine } from './engines.ts';

const log = (line: string) => process.stderr.write(`bench/site-visits: ${line}\n`);
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    duration: { type: 'string', default: '5' },
    runs: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const engines: Engine[] = args.engine === 'all' ? ['pglite', 'postgres'] : [args.engine as Engine];
const duration = Math.min(60, Math.max(1, Number(args.duration) || 5));
const runs = Math.min(15, Math.max(1, Number(args.runs) || 5));
const connections = Math.min(200, Math.max(1, Number(args.connections) || 10));
const path = '/en/states/MLI';
const browser = (n: number) =>
  `Mozilla/5.0 (X11; Linux x86_64; reader ${n}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

// Counts on across runs: 1,000 visitors in turn.
let n = 0;
function load(url: string): Promise<Result> {
  const options = {
    url,
    connections,
    duration,
    headers: { 'user-agent': browser(0) },
    requests: [
      {
        setupRequest: (req: { headers?: Record<string, string> }) => ({
          ...req,
          headers: { ...req.headers, 'user-agent': browser(n++ % 1000) },
        }),
      },
    ],
  } as Options;
  return Promise.resolve(autocannon(options));
}

async function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${path}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

for (const engine of engines) {
  const opened = await openEngine(engine, 'site_visits', log);
  if (!opened) continue;
  try {
    const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: 'false', R1540_LOG_REQUESTS: 'false' }), {
      database: opened.database,
    });
    const counting = await listen(createApp(ctx).fetch);
    // The same application without the counter: createApp reads the manifests when it builds the app.
    const middleware = siteVisits.middleware;
    siteVisits.middleware = undefined;
    const plain = await listen(createApp(ctx).fetch);
    siteVisits.middleware = middleware;
    for (const url of [counting.url, plain.url]) {
      const res = await fetch(url, { headers: { 'user-agent': browser(0) } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      await load(url.replace(/\/en\/.*/, '/en/states/NER')).catch(() => undefined); // warm-up (uncounted page is fine)
    }
    const rps: Record<'with' | 'without', number[]> = { with: [], without: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so that neither always follows the other's flush.
      const order = i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const);
      for (const which of order) {
        const r = await load(which === 'with' ? counting.url : plain.url);
        if (r.non2xx || r.errors) throw new Error(`${which}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        rps[which].push(r.requests.average);
      }
    }
    await flushSiteVisits(ctx);
    const counted = await ctx.database.db
      .selectFrom('site_visit_count')
      .select((eb) => [eb.fn.sum<string>('views').as('views'), eb.fn.sum<string>('visits').as('visits')])
      .where('source', '=', 'counted')
      .executeTakeFirstOrThrow();
    // The counter's own time per page view, against the page's time.
    const views = 100_000;
    const micro = new VisitCounter(ctx.database.db, silentLogger, { maxEntries: Number.MAX_SAFE_INTEGER, flushMs: 3_600_000 });
    const t0 = performance.now();
    for (let i = 0; i < views; i++) {
      const ua = browser(i % 1000);
      const page = countedPage({
        method: 'GET',
        path,
        status: 200,
        contentType: 'text/html; charset=UTF-8',
        userAgent: ua,
        signedIn: false,
      });
      if (page) micro.record(page, visitorKey('127.0.0.1', ua));
    }
    const t1 = performance.now();
    await micro.flush();
    const t2 = performance.now();
    const perView = ((t2 - t0) * 1000) / views;
    const pageMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s0 = performance.now();
      await (await fetch(plain.url, { headers: { 'user-agent': browser(0) } })).arrayBuffer();
      pageMs.push(performance.now() - s0);
    }
    const w = median(rps.with);
    const wo = median(rps.without);
    const cost = ((wo - w) / wo) * 100;
    console.log(
      `${engine}: GET ${path}, ${connections} connections, ${runs} × ${duration} s each, medians\n` +
        `  without the counter: ${wo.toFixed(0)} requests/s   (runs: ${rps.without.map((x) => x.toFixed(0)).join(', ')})\n` +
        `  with the counter:    ${w.toFixed(0)} requests/s   (runs: ${rps.with.map((x) => x.toFixed(0)).join(', ')})\n` +
        `  cost: ${cost.toFixed(1)} % (goal < 5 %); counted ${Number(counted.views)} page views, ${Number(counted.visits)} visits\n` +
        `  the counter's own time: ${perView.toFixed(2)} µs a page view (${(((t1 - t0) * 1000) / views).toFixed(2)} µs counting, the flush of 100,000 views by 1,000 visitors ${(t2 - t1).toFixed(0)} ms), ` +
        `against ${median(pageMs).toFixed(1)} ms for the page alone (median of 30): ${((perView / 1000 / median(pageMs)) * 100).toFixed(3)} %`,
    );
    await counting.close();
    await plain.close();
    await ctx.database.close();
  } finally {
    await opened.done();
  }
}
