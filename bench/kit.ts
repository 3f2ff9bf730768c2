/**
 * What the in-process benches share: the engines asked for, a time limit, a seeded PRNG, timing
 * and percentiles, a context on a throwaway database of each engine, page requests to the real
 * application, and the closing line on the machine's load.
 */
import { cpus, loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import type { AppContext } from '../src/app/context.ts';
import { createContext } from '../src/app/context.ts';
import type { createApp } from '../src/app/http.tsx';
import { createSession } from '../src/features/accounts/sessions.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { type Engine, openEngine } from './engines.ts';
import { benchCookie } from './targets.ts';

export type { Engine };

/** A bench's log line on stderr, prefixed with its name. */
export const logger =
  (name: string) =>
  (line: string): void => {
    process.stderr.write(`bench/${name}: ${line}\n`);
  };

/** The engines of `--engine all|pglite|postgres`. */
export const enginesOf = (arg: string | undefined): Engine[] => (arg === 'all' || !arg ? ['pglite', 'postgres'] : [arg as Engine]);

/** A whole number option within bounds, else its default. */
export const bounded = (raw: string | undefined, fallback: number, min: number, max: number): number =>
  Math.max(min, Math.min(max, Number(raw) || fallback));

/** The whole run is bounded: past `minutes`, it stops with exit code 3. */
export function limit(minutes: number, log: (line: string) => void): void {
  setTimeout(() => {
    log(`over the ${minutes} min limit: stopping`);
    process.exit(3);
  }, minutes * 60_000).unref();
}

/** The seeded PRNG the demonstration data uses (mulberry32). */
export { prng } from '../src/features/matrix/versions/demo-odds.ts';

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
export const median = (xs: number[]) => percentile(xs, 50);

/** `n` timings in ms of `fn`, after one warm-up call. */
export async function times(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** `n` timings in ms of a synchronous `fn`, after one warm-up call. */
export function timesSync(fn: () => unknown, n: number): number[] {
  fn(); // warm-up
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * For each engine, a context of the application on a throwaway database of its own (with the
 * demonstration data if `demo`), closed and dropped afterwards; an engine that cannot be had is skipped.
 */
export async function eachEngine(
  engines: Engine[],
  name: string,
  log: (line: string) => void,
  demo: boolean,
  fn: (ctx: AppContext, engine: Engine) => Promise<void>,
): Promise<void> {
  for (const engine of engines) {
    const opened = await openEngine(engine, name, log);
    if (!opened) continue;
    try {
      const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: String(demo), R1540_LOG_REQUESTS: 'false' }), {
        database: opened.database,
      });
      await fn(ctx, engine);
    } finally {
      await opened.database.close();
      await opened.done();
    }
  }
}

/** The cookie of a signed-in demonstration expert (and the fixed CSRF cookie). */
export async function expertCookie(db: Kysely<DB>): Promise<string> {
  const expert = await db.selectFrom('app_user').select('id').where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow();
  return `r1540_session=${await createSession(db, expert.id, 1)}; ${benchCookie}`;
}

/** A GET of the application in this process: the body's size in bytes, or an error if not 200. */
export const pageGetter =
  (app: ReturnType<typeof createApp>, cookie: string = benchCookie) =>
  async (path: string): Promise<number> => {
    const res = await app.request(`http://127.0.0.1${path}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return body.byteLength;
  };

/** The closing line: the CPUs and the load average. */
export function logLoad(log: (line: string) => void): void {
  log(
    `${cpus().length} CPUs, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}
