/**
 * `npm run bench`: the State list page and the States API, on PGlite and on PostgreSQL, against a
 * static response of the same size from the same server in the same run. bench/README.md explains
 * what the numbers mean.
 *
 *   npm run bench -- [--engine all|pglite|postgres] [--duration 5] [--connections 10] [--runs 3] [--warmup 2]
 *
 * For each engine a server process (bench/server.ts) is started on 127.0.0.1 with a fresh database;
 * autocannon, in this process, loads it. Everything is bounded: fixed durations, a fixed number of
 * runs, and a watchdog that cleans up and exits if the whole thing overruns.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { benchCookie, type ServerReady, type Target, type TargetInfo, targets } from './targets.ts';

type Engine = 'pglite' | 'postgres';

const root = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = join(root, 'bench', 'results');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Options

const usage = `usage: npm run bench -- [--engine all|pglite|postgres] [--duration S] [--connections N] [--runs N] [--warmup S]

  --engine       which engines to measure (default all; PostgreSQL is skipped if unreachable)
  --duration     seconds per measured run (default 5, 1..60)
  --connections  concurrent keep-alive connections (default 10, 1..200)
  --runs         measured runs per target, interleaved; medians are reported (default 3, 1..15)
  --warmup       seconds of warm-up per target before the first run (default 2, 0..30)

PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test is used
to create (and at the end drop) a throwaway database r1540_bench_<pid>; it must be on this machine.`;

function intOption(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"\n\n${usage}`);
    process.exit(2);
  }
  return n;
}

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}
if (!['all', 'pglite', 'postgres'].includes(args.engine!)) {
  console.error(`--engine must be all, pglite or postgres, got "${args.engine}"\n\n${usage}`);
  process.exit(2);
}
const options = {
  engines: (args.engine === 'all' ? ['pglite', 'postgres'] : [args.engine]) as Engine[],
  duration: intOption(args.duration, 'duration', 5, 1, 60),
  connections: intOption(args.connections, 'connections', 10, 1, 200),
  runs: intOption(args.runs, 'runs', 3, 1, 15),
  warmup: intOption(args.warmup, 'warmup', 2, 0, 30),
};

// ---------------------------------------------------------------------------------------------
// Cleanup: whatever happens, the servers stop, the temporary folders go and the database is dropped.

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of children) child.kill('SIGTERM');
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        log(`cleanup: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

// The whole run is bounded: startup allowance plus the planned load time, with margin.
const loadSeconds = options.engines.length * targets.length * (options.warmup + options.runs * (options.duration + 1));
const limitSeconds = 240 + Math.ceil(loadSeconds * 1.5);
setTimeout(() => {
  log(`over the ${limitSeconds} s limit: stopping`);
  cleanup().finally(() => process.exit(3));
}, limitSeconds * 1000).unref();

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a throwaway database on the local server.

function adminUrl(): URL {
  return new URL(process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
}

async function withAdmin<T>(url: URL, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database and returns its URL, or why PostgreSQL is skipped. */
async function createBenchDatabase(): Promise<{ url: string } | { skipped: string }> {
  let admin: URL;
  try {
    admin = adminUrl();
  } catch {
    return { skipped: 'the PostgreSQL URL is not a valid URL' };
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(admin.hostname)) {
    return { skipped: `the PostgreSQL server ${admin.hostname} is not on this machine (127.0.0.1 only)` };
  }
  const name = `r1540_bench_${process.pid}`;
  try {
    await withAdmin(admin, async (c) => {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
    });
  } catch (err) {
    return { skipped: `PostgreSQL at ${admin.host} is not reachable or refused: ${err instanceof Error ? err.message : String(err)}` };
  }
  cleanups.push(async () => {
    await withAdmin(admin, (c) => c.query(`drop database if exists ${name} with (force)`));
    log(`dropped database ${name}`);
  });
  const own = new URL(admin);
  own.pathname = `/${name}`;
  log(`created database ${name}`);
  return { url: own.toString() };
}

// ---------------------------------------------------------------------------------------------
// Server processes

interface Server {
  engine: Engine;
  port: number;
  targets: Record<string, TargetInfo>;
  startupSeconds: number;
  stop(): Promise<void>;
}

function startServer(engine: Engine, serverArgs: string[]): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'server.ts'), '--engine', engine, ...serverArgs], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => children.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the ${engine} server was not ready after 150 s`));
      void stop();
    }, 150_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the ${engine} server exited (${signal ?? code}) before it was ready`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let ready: ServerReady;
      try {
        ready = JSON.parse(line) as ServerReady;
      } catch {
        log(`${engine} server: ${line}`);
        return;
      }
      if (!ready.ready) return;
      clearTimeout(timer);
      resolve({ engine, port: ready.port, targets: ready.targets, startupSeconds: (performance.now() - started) / 1000, stop });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Load

interface Run {
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  wireBytesPerResponse: number;
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function load(port: number, target: Target, seconds: number): Promise<Result> {
  const instance = autocannon({
    url: `http://127.0.0.1:${port}${target.path}`,
    connections: options.connections,
    duration: seconds,
    timeout: 10,
    headers: { cookie: benchCookie },
  });
  return await instance;
}

function toRun(round: number, r: Result): Run {
  const seconds = r.duration;
  return {
    round,
    requestsPerSecond: r.requests.total / seconds,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    wireBytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
    seconds,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Dynamic and static targets in pairs: [dynamic, its static copy]. */
const pairs = targets.filter((t) => !t.staticOf).map((dynamic) => [dynamic, targets.find((t) => t.staticOf === dynamic.name)!] as const);

async function measure(server: Server): Promise<Map<string, Run[]>> {
  const runs = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
  if (options.warmup > 0) {
    log(`${server.engine}: warm-up, ${options.warmup} s per target`);
    for (const [dynamic, copy] of pairs) {
      await load(server.port, dynamic, options.warmup);
      await load(server.port, copy, options.warmup);
    }
  }
  for (let round = 1; round <= options.runs; round++) {
    // Interleaved, and the order within a pair alternates, so drift (thermal, other processes, a
    // growing heap) touches dynamic and static alike.
    for (const pair of pairs) {
      const order = round % 2 ? pair : ([pair[1], pair[0]] as const);
      for (const target of order) {
        const run = toRun(round, await load(server.port, target, options.duration));
        runs.get(target.name)!.push(run);
        const trouble = run.errors + run.timeouts + run.non2xx;
        log(
          `${server.engine} round ${round}/${options.runs} ${target.name.padEnd(18)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s` +
            `  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms${trouble ? `  (${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx)` : ''}`,
        );
      }
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  engine: Engine;
  target: string;
  path: string;
  kind: 'dynamic' | 'static';
  staticOf: string | null;
  contentType: string;
  bodyBytes: number;
  wireBytesPerResponse: number;
  medianRequestsPerSecond: number;
  medianP50Ms: number;
  medianP99Ms: number;
  /** Dynamic rows: median dynamic req/s over median static req/s. */
  ratio: number | null;
  /** Dynamic rows: the median of the per-round ratios (each dynamic run over its round's static run). */
  pairedRatioMedian: number | null;
  failedRequests: number;
  runs: Run[];
}

function rowsFor(server: Server, runs: Map<string, Run[]>): Row[] {
  const rows: Row[] = [];
  for (const [dynamic, copy] of pairs) {
    for (const t of [dynamic, copy]) {
      const rs = runs.get(t.name)!;
      const info = server.targets[t.name]!;
      rows.push({
        engine: server.engine,
        target: t.name,
        path: t.path,
        kind: t.staticOf ? 'static' : 'dynamic',
        staticOf: t.staticOf ? server.targets[t.staticOf]!.path : null,
        contentType: info.contentType,
        bodyBytes: info.bodyBytes,
        wireBytesPerResponse: Math.round(median(rs.map((r) => r.wireBytesPerResponse))),
        medianRequestsPerSecond: median(rs.map((r) => r.requestsPerSecond)),
        medianP50Ms: median(rs.map((r) => r.p50Ms)),
        medianP99Ms: median(rs.map((r) => r.p99Ms)),
        ratio: null,
        pairedRatioMedian: null,
        failedRequests: rs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
        runs: rs,
      });
    }
    const [d, s] = rows.slice(-2) as [Row, Row];
    d.ratio = d.medianRequestsPerSecond / s.medianRequestsPerSecond;
    d.pairedRatioMedian = median(d.runs.map((r, i) => r.requestsPerSecond / s.runs[i]!.requestsPerSecond));
  }
  return rows;
}

function table(rows: Row[]): string {
  const head = ['engine', 'target', 'path', 'req/s', 'p50 ms', 'p99 ms', 'body bytes', 'dyn/static'];
  const body = rows.map((r) => [
    r.engine,
    r.target,
    r.path,
    r.medianRequestsPerSecond.toFixed(0),
    r.medianP50Ms.toFixed(1),
    r.medianP99Ms.toFixed(1),
    String(r.bodyBytes),
    r.ratio === null ? '(base)' : `${r.ratio.toFixed(3)}${r.failedRequests ? ' !' : ''}`,
  ]);
  const numeric = [false, false, false, true, true, true, true, true];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}

function commit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const engineStatus: Record<string, { status: 'measured' | 'skipped' | 'failed'; reason?: string; startupSeconds?: number }> = {};
for (const engine of ['pglite', 'postgres'] as Engine[]) {
  if (!options.engines.includes(engine)) engineStatus[engine] = { status: 'skipped', reason: `--engine ${args.engine}` };
}

const loadAtStart = loadavg()[0]!;
if (loadAtStart > cpus().length) {
  log(`note: the load average is ${loadAtStart.toFixed(1)} on ${cpus().length} CPUs; other processes will weigh on the numbers`);
}
log(
  `${options.engines.join(' + ')}; ${options.connections} connections; warm-up ${options.warmup} s per target; ` +
    `${options.runs} runs × ${options.duration} s per target (limit ${limitSeconds} s)`,
);

// Both servers start at once (startup is mostly seeding, and overlapping it saves time); the
// measurements then run one engine at a time, and an idle server costs nothing.
const starting = new Map<Engine, Promise<Server>>();
if (options.engines.includes('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'r1540-bench-pglite-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  starting.set('pglite', startServer('pglite', ['--data-dir', dataDir]));
}
if (options.engines.includes('postgres')) {
  const created = await createBenchDatabase();
  if ('skipped' in created) {
    log(`PostgreSQL skipped: ${created.skipped}`);
    engineStatus.postgres = { status: 'skipped', reason: created.skipped };
  } else {
    starting.set('postgres', startServer('postgres', ['--database-url', created.url]));
  }
}
for (const p of starting.values()) p.catch(() => {}); // handled below, in order

const rows: Row[] = [];
let exitCode = 0;
try {
  for (const [engine, ready] of starting) {
    let server: Server;
    try {
      server = await ready;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log(`${engine} failed: ${reason}`);
      engineStatus[engine] = { status: 'failed', reason };
      exitCode = 1;
      continue;
    }
    log(`${engine}: server ready on 127.0.0.1:${server.port} after ${server.startupSeconds.toFixed(1)} s`);
    try {
      rows.push(...rowsFor(server, await measure(server)));
      engineStatus[engine] = { status: 'measured', startupSeconds: Number(server.startupSeconds.toFixed(1)) };
    } finally {
      await server.stop();
    }
  }
} finally {
  await cleanup();
}

const results = {
  generatedAt: new Date().toISOString(),
  commit: commit(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverage1m: { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0]!.toFixed(2)) },
  options: { ...options, host: '127.0.0.1', cookie: 'r1540_csrf (fixed, so bodies are stable)' },
  engines: engineStatus,
  rows,
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('');
console.log(
  `r1540 bench: medians of ${options.runs} × ${options.duration} s runs, ${options.connections} connections, 127.0.0.1, ${results.cpus}, Node ${process.version},` +
    ` load average ${results.loadAverage1m.start} → ${results.loadAverage1m.end}`,
);
console.log('');
if (rows.length) console.log(table(rows));
else console.log('(nothing measured)');
for (const [engine, s] of Object.entries(engineStatus)) {
  if (s.status !== 'measured') console.log(`${engine}: ${s.status} (${s.reason})`);
}
if (rows.some((r) => r.failedRequests)) {
  console.log('! some requests failed (errors, timeouts or non-2xx): see runs in bench/results/latest.json');
  exitCode = 1;
}
console.log('');
console.log('dyn/static = dynamic req/s ÷ req/s of a byte-identical static response from the same server (1.0 = the database');
console.log('and rendering cost nothing; 0.25 = the dynamic page serves a quarter as many requests). See bench/README.md.');
console.log(`written to ${join('bench', 'results', 'latest.json')}`);
process.exit(exitCode);
