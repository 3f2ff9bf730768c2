/**
 * `npm run bench` (last part), or alone: `node --import tsx bench/export-latency.ts [--engine all|pglite|postgres] [--states 193] [--samples 200]`
 *
 * Does the biggest export hold the server? The real application, seeded with the demonstration
 * matrices of `--states` States, served on 127.0.0.1: the latency of a small request (GET /healthz,
 * one after the other) with nothing else running (baseline), then while the public XLSX export of
 * every State's matrix is being built (its first build: nothing is cached yet), in the same run.
 * Median and maximum of each; the export's own time beside; and the longest the event loop was held
 * (perf_hooks.monitorEventLoopDelay, the server and the client share the process) alone and during
 * the export: the goal is under 50 ms. Results go to stdout.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app/http.tsx';
import { createContext } from '../src/app/context.ts';
import { seedDemoMatrices } from '../src/features/matrix/versions/demo.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Engine, openEngine } from './engines.ts';

const log = (line: string) => process.stderr.write(`bench/export-latency: ${line}\n`);
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    states: { type: 'string', default: '193' },
    samples: { type: 'string', default: '200' },
  },
});
const engines: Engine[] = args.engine === 'all' ? ['pglite', 'postgres'] : [args.engine as Engine];
const samples = Math.max(10, Number(args.samples) || 200);

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, median: s[Math.floor(s.length / 2)] ?? 0, max: s[s.length - 1] ?? 0 };
};

async function smallOnce(base: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/healthz`);
  await res.text();
  return performance.now() - t0;
}

for (const engine of engines) {
  const opened = await openEngine(engine, 'export_latency', log);
  if (!opened) continue;
  try {
    const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: 'true', R1540_LOG_REQUESTS: 'false' }), {
      database: opened.database,
    });
    const iso3 = (await ctx.database.db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((r) => r.iso3);
    await seedDemoMatrices(ctx.database.db, undefined, { states: iso3.slice(0, Number(args.states) || 193) });
    const server = serve({ fetch: createApp(ctx).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (let i = 0; i < 20; i++) await smallOnce(base); // warm-up
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const baseline: number[] = [];
    for (let i = 0; i < samples; i++) baseline.push(await smallOnce(base));
    loop.disable();
    const loopAlone = loop.max / 1e6;
    loop.reset();
    loop.enable();
    const during: number[] = [];
    const t0 = performance.now();
    let done = false;
    const exporting = fetch(`${base}/api/v1/matrix/export?format=xlsx&template=2017`).then(async (res) => {
      const bytes = (await res.arrayBuffer()).byteLength;
      done = true;
      return { status: res.status, bytes, ms: performance.now() - t0 };
    });
    while (!done) during.push(await smallOnce(base));
    const exp = await exporting;
    loop.disable();
    const loopDuring = loop.max / 1e6;
    const b = stats(baseline);
    const d = stats(during);
    console.log(
      `${engine}: XLSX export of every State (${exp.status}, ${(exp.bytes / 1024 / 1024).toFixed(1)} MB) in ${exp.ms.toFixed(0)} ms\n` +
        `  GET /healthz alone:        n=${b.n} median ${b.median.toFixed(1)} ms, max ${b.max.toFixed(1)} ms\n` +
        `  GET /healthz during export: n=${d.n} median ${d.median.toFixed(1)} ms, max ${d.max.toFixed(1)} ms\n` +
        `  event loop held at most:    ${loopAlone.toFixed(1)} ms alone, ${loopDuring.toFixed(1)} ms during export (goal < 50 ms)`,
    );
    await new Promise((resolve) => server.close(resolve));
    await ctx.database.close();
  } finally {
    await opened.done();
  }
}
